"""``device add|set|show|list``."""

from __future__ import annotations

import argparse
from pathlib import Path

from inventory_app.cli.output import OK, print_fields, print_json, print_table
from inventory_app.context import AppContext
from inventory_app.core.devices import DeviceView
from inventory_app.core.errors import RejectedInput
from inventory_app.inventory.service import InventoryService, parse_assignments

_ADD_OPTIONS = (
    "serial",
    "inventory_number",
    "mac",
    "model",
    "status",
    "condition",
    "ownership",
    "purchase_date",
    "purchase_price",
    "lease_monthly_fee",
    "lease_end",
    "contract",
    "assigned_to",
    "notes",
)


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    device = sub.add_parser("device", help="register, edit, show and list devices")
    dsub = device.add_subparsers(dest="device_command", metavar="ACTION", required=True, parser_class=type(device))

    p = dsub.add_parser("add", parents=[common], help="register a device under an asset tag")
    p.add_argument("--tag", required=True, help="asset tag with its check character, e.g. HKI0001235")
    p.add_argument("--category", required=True, help="category code, e.g. pupil_laptop")
    p.add_argument("--site", required=True, help="site name or code")
    p.add_argument("--room", help="room code in the site")
    for name in _ADD_OPTIONS:
        p.add_argument("--" + name.replace("_", "-"), dest=name)
    p.set_defaults(handler=cmd_add)

    p = dsub.add_parser("set", parents=[common], help="change fields: device set IDENT key=value ...")
    p.add_argument("ident", nargs="?", help="any identifier of the device (tag, serial, inventory no., MAC, id)")
    p.add_argument("assignments", nargs="*", metavar="key=value")
    p.add_argument("--from-file", type=Path, help="a file of identifiers, one per line: edit them all in one step")
    p.set_defaults(handler=cmd_set)

    p = dsub.add_parser("show", parents=[common], help="show one device")
    p.add_argument("ident")
    p.set_defaults(handler=cmd_show)

    p = dsub.add_parser("list", parents=[common], help="list devices")
    p.add_argument("--site")
    p.add_argument("--room")
    p.add_argument("--search", help="text inside any identifier, model or room")
    p.add_argument("--group", choices=["presentation", "pupil", "staff", "infrastructure"])
    p.add_argument("--category")
    p.add_argument("--status")
    p.add_argument("--limit", type=int)
    p.set_defaults(handler=cmd_list)


def cmd_add(ctx: AppContext, args: argparse.Namespace) -> int:
    fields = {name: getattr(args, name) for name in _ADD_OPTIONS if getattr(args, name) is not None}
    view = InventoryService(ctx.store).add(
        tag=args.tag, category=args.category, site=args.site, room=args.room, fields=fields
    )
    _print_device(view, args.json, heading=f"Registered {view.asset_tag}.")
    return OK


def cmd_set(ctx: AppContext, args: argparse.Namespace) -> int:
    service = InventoryService(ctx.store)
    if args.from_file:
        words = ([args.ident] if args.ident else []) + list(args.assignments)
        changes = parse_assignments(words)
        if not changes:
            raise RejectedInput("say what to change, e.g. status=spare")
        try:
            idents = args.from_file.read_text(encoding="utf-8-sig").splitlines()
        except OSError as exc:
            raise RejectedInput(f"cannot read {args.from_file}: {exc.strerror}") from exc
        count = service.set_many(idents, changes)
        if args.json:
            print_json({"changed": count})
        else:
            print(f"Changed {count} devices.")
        return OK
    if not args.ident:
        raise RejectedInput("name the device: device set IDENT key=value ...")
    changes = parse_assignments(args.assignments)
    if not changes:
        raise RejectedInput("say what to change, e.g. device set HKI0001235 status=spare")
    view = service.set(args.ident, changes)
    _print_device(view, args.json, heading=f"Saved {view.asset_tag or view.serial or view.id}.")
    return OK


def cmd_show(ctx: AppContext, args: argparse.Namespace) -> int:
    _print_device(InventoryService(ctx.store).show(args.ident), args.json)
    return OK


def cmd_list(ctx: AppContext, args: argparse.Namespace) -> int:
    views = InventoryService(ctx.store).list(
        site=args.site,
        room=args.room,
        search=args.search,
        group=args.group,
        category=args.category,
        status=args.status,
        limit=args.limit,
    )
    if args.json:
        print_json([v.to_json() for v in views])
        return OK
    print_table(
        ["Tag", "Serial", "Category", "Model", "Site", "Room", "Status"],
        [(v.asset_tag, v.serial, v.category, v.model, v.site, v.room, v.status) for v in views],
    )
    print(f"{len(views)} devices")
    return OK


def _print_device(view: DeviceView, as_json: bool, heading: str | None = None) -> None:
    if as_json:
        print_json(view.to_json())
        return
    if heading:
        print(heading)
    data = view.to_json()
    data.pop("identifiers", None)
    print_fields(data.items())
