"""``site add|set|list|rooms|import|delete|duplicates``."""

from __future__ import annotations

import argparse
from pathlib import Path

from inventory_app.cli.output import OK, print_fields, print_json, print_table
from inventory_app.context import AppContext
from inventory_app.core.enums import SiteKind
from inventory_app.inventory.service import InventoryService, parse_assignments
from inventory_app.inventory.structure import StructureService
from inventory_app.inventory.structure_rules import SiteView

KINDS = ", ".join(k.value for k in SiteKind)


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    site = sub.add_parser("site", help="sites (schools and units): add, change, retire, list")
    site_sub = site.add_subparsers(dest="site_command", metavar="ACTION", required=True, parser_class=type(site))
    p = site_sub.add_parser("add", parents=[common], help="add a site: site add CODE --name N --area A --kind K")
    p.add_argument("code", help="the site's short code, printed in its room labels (e.g. KES01)")
    p.add_argument("--name", required=True, help="the site's name, e.g. 'Keskuskoulu'")
    p.add_argument("--area", required=True, help="the area it belongs to (name or code; 'area list')")
    p.add_argument("--kind", required=True, help=f"one of: {KINDS}")
    p.add_argument("--cost-centre", dest="cost_centre", help="the cost centre its bills go to")
    p.add_argument("--address", help="street address")
    p.add_argument("--notes", help="free text")
    p.set_defaults(handler=cmd_add)
    p = site_sub.add_parser(
        "set",
        parents=[common],
        help="change a site: site set CODE name=... area=... kind=... cost_centre=... "
        "address=... notes=... code=... retired=yes|no",
    )
    p.add_argument("site", help="site code or name")
    p.add_argument("assignments", nargs="+", metavar="key=value")
    p.set_defaults(handler=cmd_set)
    p = site_sub.add_parser("list", parents=[common], help="list sites with pupils, staff and classrooms")
    p.add_argument("--year", help="school year for pupil and staff counts, e.g. 2026-2027 (default: latest)")
    p.set_defaults(handler=cmd_list)
    p = site_sub.add_parser("rooms", parents=[common], help="a site's rooms with the codes on their labels")
    p.add_argument("site", help="site name or code")
    p.set_defaults(handler=cmd_rooms)
    p = site_sub.add_parser(
        "import",
        parents=[common],
        help="sites and rooms from a CSV/XLSX list (columns: area, code, name, kind, cost centre, "
        "address, rooms); unknown areas are created",
    )
    p.add_argument("file", type=Path)
    p.add_argument("--dry-run", action="store_true", help="check the file and show what would change; change nothing")
    p.set_defaults(handler=cmd_import)
    p = site_sub.add_parser(
        "delete", parents=[common], help="delete a site nothing points to (otherwise retire it: retired=yes)"
    )
    p.add_argument("site", help="site code or name")
    p.set_defaults(handler=cmd_delete)
    p = site_sub.add_parser(
        "duplicates",
        parents=[common],
        help="areas, sites, rooms and contracts that name the same thing twice (after sync)",
    )
    p.set_defaults(handler=cmd_duplicates)


def print_site(view: SiteView, as_json: bool, heading: str) -> None:
    if as_json:
        print_json(view.to_json())
        return
    print(heading)
    data = view.to_json()
    data.pop("area_id", None)
    print_fields(data.items())


def cmd_add(ctx: AppContext, args: argparse.Namespace) -> int:
    view = StructureService(ctx.store).add_site(
        args.code,
        name=args.name,
        area=args.area,
        kind=args.kind,
        cost_centre=args.cost_centre,
        address=args.address,
        notes=args.notes,
    )
    print_site(view, args.json, f"Added site {view.code} ({view.name}).")
    return OK


def cmd_set(ctx: AppContext, args: argparse.Namespace) -> int:
    changes = parse_assignments(args.assignments)
    view = StructureService(ctx.store).set_site(args.site, changes)
    print_site(view, args.json, f"Saved site {view.code} ({view.name}).")
    return OK


def cmd_list(ctx: AppContext, args: argparse.Namespace) -> int:
    sites = InventoryService(ctx.store).sites(args.year)
    if args.json:
        print_json([s.to_json() for s in sites])
        return OK
    print_table(
        ["Area", "Site", "Code", "Kind", "Cost centre", "Pupils", "Staff", "Classrooms", "Devices", "Retired"],
        [
            (
                s.area,
                s.name,
                s.code,
                s.kind,
                s.cost_centre,
                s.pupils,
                s.staff,
                s.classrooms,
                s.devices,
                "yes" if s.retired else "",
            )
            for s in sites
        ],
    )
    return OK


def cmd_rooms(ctx: AppContext, args: argparse.Namespace) -> int:
    rooms = InventoryService(ctx.store).rooms(args.site)
    if args.json:
        print_json([r.to_json() for r in rooms])
        return OK
    print_table(
        ["Room", "Name", "Kind", "Label code", "Devices", "Retired"],
        [(r.code, r.name, r.kind, r.label_code, r.devices, "yes" if r.retired else "") for r in rooms],
    )
    return OK


def cmd_import(ctx: AppContext, args: argparse.Namespace) -> int:
    from inventory_app.inventory.site_import import import_sites
    from inventory_app.reports.files import read_table

    result = import_sites(StructureService(ctx.store), read_table(args.file), dry_run=args.dry_run)
    if args.json:
        print_json(result.to_json())
        return OK
    verb = "Would create" if args.dry_run else "Created"
    if result.areas_created:
        print(f"{verb} {len(result.areas_created)} areas: {', '.join(result.areas_created)}")
    print(
        f"{verb} {len(result.sites_created)} sites and {result.rooms_created} rooms; "
        f"{'would update' if args.dry_run else 'updated'} {len(result.sites_updated)} sites; "
        f"{len(result.sites_unchanged)} unchanged."
    )
    if args.dry_run:
        print("Nothing was changed (dry run).")
    return OK


def cmd_delete(ctx: AppContext, args: argparse.Namespace) -> int:
    StructureService(ctx.store).delete("site", args.site)
    if args.json:
        print_json({"deleted": args.site})
    else:
        print(f"Deleted site {args.site}.")
    return OK


def cmd_duplicates(ctx: AppContext, args: argparse.Namespace) -> int:
    found = StructureService(ctx.store).duplicates()
    if args.json:
        print_json([d.to_json() for d in found])
        return OK
    if not found:
        print("No duplicates.")
        return OK
    print_table(["Table", "Same code or name", "Rows"], [(d.table, d.key, ", ".join(d.ids)) for d in found])
    return OK
