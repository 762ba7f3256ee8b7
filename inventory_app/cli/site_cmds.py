"""``site list``."""

from __future__ import annotations

import argparse

from inventory_app.cli.output import OK, print_json, print_table
from inventory_app.context import AppContext
from inventory_app.inventory.service import InventoryService


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    site = sub.add_parser("site", help="sites (schools and units)")
    site_sub = site.add_subparsers(dest="site_command", metavar="ACTION", required=True, parser_class=type(site))
    p = site_sub.add_parser("list", parents=[common], help="list sites with pupils, staff and classrooms")
    p.add_argument("--year", help="school year for pupil and staff counts, e.g. 2026-2027 (default: latest)")
    p.set_defaults(handler=cmd_list)
    p = site_sub.add_parser("rooms", parents=[common], help="a site's rooms with the codes on their labels")
    p.add_argument("site", help="site name or code")
    p.set_defaults(handler=cmd_rooms)


def cmd_list(ctx: AppContext, args: argparse.Namespace) -> int:
    sites = InventoryService(ctx.store).sites(args.year)
    if args.json:
        print_json([s.to_json() for s in sites])
        return OK
    print_table(
        ["Area", "Site", "Code", "Kind", "Pupils", "Staff", "Classrooms", "Devices"],
        [(s.area, s.name, s.code, s.kind, s.pupils, s.staff, s.classrooms, s.devices) for s in sites],
    )
    return OK


def cmd_rooms(ctx: AppContext, args: argparse.Namespace) -> int:
    rooms = InventoryService(ctx.store).rooms(args.site)
    if args.json:
        print_json([r.to_json() for r in rooms])
        return OK
    print_table(["Room", "Name", "Kind", "Label code", "Devices"],
                [(r.code, r.name, r.kind, r.label_code, r.devices) for r in rooms])
    return OK
