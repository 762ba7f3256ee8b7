"""``area``, ``room``, ``contract`` and ``model``: the rest of the city's structure (sites: site_cmds)."""

from __future__ import annotations

import argparse
from typing import Any

from inventory_app.cli.output import OK, print_fields, print_json, print_table
from inventory_app.context import AppContext
from inventory_app.core.enums import RoomKind
from inventory_app.core.errors import RejectedInput
from inventory_app.inventory.service import parse_assignments
from inventory_app.inventory.structure import StructureService

ROOM_KINDS = ", ".join(k.value for k in RoomKind)


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    def group(name: str, help_text: str) -> Any:
        parser = sub.add_parser(name, help=help_text)
        return parser.add_subparsers(dest=f"{name}_command", metavar="ACTION", required=True, parser_class=type(parser))

    area = group("area", "areas of the city: add, rename, retire, list")
    p = area.add_parser("add", parents=[common], help="add an area: area add NAME [--code C]")
    p.add_argument("name")
    p.add_argument("--code", help="a short code for the area")
    p.set_defaults(handler=cmd_area_add)
    p = area.add_parser("set", parents=[common], help="change an area: area set NAME name=NEW code=C retired=yes|no")
    p.add_argument("area", help="the area's name or code")
    p.add_argument("assignments", nargs="+", metavar="key=value")
    p.set_defaults(handler=cmd_area_set)
    p = area.add_parser("list", parents=[common], help="list the areas with their number of sites")
    p.set_defaults(handler=cmd_area_list)
    p = area.add_parser("delete", parents=[common], help="delete an area with no sites (otherwise retire it)")
    p.add_argument("area")
    p.set_defaults(handler=cmd_delete, kind="area")

    room = group("room", "rooms of a site: add, rename, retire")
    p = room.add_parser("add", parents=[common], help="add a room: room add SITE ROOM [--name N] [--kind K]")
    p.add_argument("site", help="site code or name")
    p.add_argument("room", help="room code, e.g. A203")
    p.add_argument("--name", help="e.g. 'Luokka A203'")
    p.add_argument("--kind", help=f"one of: {ROOM_KINDS} (default classroom)")
    p.set_defaults(handler=cmd_room_add)
    p = room.add_parser(
        "set", parents=[common], help="change a room: room set SITE ROOM code=... name=... kind=... retired=yes|no"
    )
    p.add_argument("site")
    p.add_argument("room")
    p.add_argument("assignments", nargs="+", metavar="key=value")
    p.set_defaults(handler=cmd_room_set)
    p = room.add_parser("list", parents=[common], help="a site's rooms (same as: site rooms SITE)")
    p.add_argument("site")
    p.set_defaults(handler=cmd_room_list)
    p = room.add_parser("delete", parents=[common], help="delete a room nothing points to (otherwise retire it)")
    p.add_argument("site")
    p.add_argument("room")
    p.set_defaults(handler=cmd_room_delete)

    contract = group("contract", "leasing contracts: add, change, retire, list")
    p = contract.add_parser(
        "add", parents=[common], help="add a contract: contract add NUMBER --lessor L --start D --end D"
    )
    p.add_argument("number", help="the contract number, as on the lessor's bills")
    p.add_argument("--lessor", required=True)
    p.add_argument("--start", required=True, help="d.m.yyyy or yyyy-mm-dd")
    p.add_argument("--end", required=True, help="d.m.yyyy or yyyy-mm-dd")
    p.add_argument("--notice-months", dest="notice_months", help="notice period in months (default 3)")
    p.add_argument("--fee-basis", dest="fee_basis", help="per_device (default) or total")
    p.add_argument("--monthly-fee", dest="monthly_fee", help="euros per month, e.g. 12,50")
    p.add_argument("--cost-centre", dest="cost_centre")
    p.set_defaults(handler=cmd_contract_add)
    p = contract.add_parser(
        "set",
        parents=[common],
        help="change a contract: contract set NUMBER end=... monthly_fee=... retired=yes|no ...",
    )
    p.add_argument("contract")
    p.add_argument("assignments", nargs="+", metavar="key=value")
    p.set_defaults(handler=cmd_contract_set)
    p = contract.add_parser("list", parents=[common], help="list contracts with their devices")
    p.set_defaults(handler=cmd_contract_list)
    p = contract.add_parser("delete", parents=[common], help="delete a contract no device points to")
    p.add_argument("contract")
    p.set_defaults(handler=cmd_delete, kind="contract")

    model = group("model", "device models: add, rename, retire, list")
    p = model.add_parser(
        "add", parents=[common], help="add a model: model add NAME [--manufacturer M] [--category C] [--lifetime YEARS]"
    )
    p.add_argument("name")
    p.add_argument("--manufacturer")
    p.add_argument("--category", help="category code, e.g. pupil_laptop")
    p.add_argument("--lifetime", help="expected lifetime in years")
    p.set_defaults(handler=cmd_model_add)
    p = model.add_parser(
        "set",
        parents=[common],
        help="change a model: model set 'MAKER NAME' name=... lifetime_years=... retired=yes|no",
    )
    p.add_argument("model")
    p.add_argument("assignments", nargs="+", metavar="key=value")
    p.set_defaults(handler=cmd_model_set)
    p = model.add_parser("list", parents=[common], help="list models with their devices")
    p.set_defaults(handler=cmd_model_list)
    p = model.add_parser("delete", parents=[common], help="delete a model no device points to")
    p.add_argument("model")
    p.set_defaults(handler=cmd_delete, kind="model")


def _show(data: dict[str, Any], as_json: bool, heading: str) -> int:
    if as_json:
        print_json(data)
    else:
        print(heading)
        print_fields((k, v) for k, v in data.items() if k not in ("site_id", "area_id"))
    return OK


def _changes(args: argparse.Namespace) -> dict[str, str]:
    changes = parse_assignments(args.assignments)
    if not changes:
        raise RejectedInput("say what to change, e.g. name=...")
    return changes


def _yes(flag: bool) -> str:
    return "yes" if flag else ""


# -- areas ----------------------------------------------------------------------------------------------
def cmd_area_add(ctx: AppContext, args: argparse.Namespace) -> int:
    view = StructureService(ctx.store).add_area(args.name, args.code)
    return _show(view.to_json(), args.json, f"Added area {view.name}.")


def cmd_area_set(ctx: AppContext, args: argparse.Namespace) -> int:
    view = StructureService(ctx.store).set_area(args.area, _changes(args))
    return _show(view.to_json(), args.json, f"Saved area {view.name}.")


def cmd_area_list(ctx: AppContext, args: argparse.Namespace) -> int:
    areas = StructureService(ctx.store).areas()
    if args.json:
        print_json([a.to_json() for a in areas])
    else:
        print_table(["Area", "Code", "Sites", "Retired"], [(a.name, a.code, a.sites, _yes(a.retired)) for a in areas])
    return OK


def cmd_delete(ctx: AppContext, args: argparse.Namespace) -> int:
    ident = getattr(args, args.kind)
    StructureService(ctx.store).delete(args.kind, ident)
    return _show({"deleted": ident}, args.json, f"Deleted {args.kind} {ident}.")


# -- rooms -------------------------------------------------------------------------------------------------
def cmd_room_add(ctx: AppContext, args: argparse.Namespace) -> int:
    view = StructureService(ctx.store).add_room(args.site, args.room, name=args.name, kind=args.kind)
    return _show(view.to_json(), args.json, f"Added room {view.code} to {view.site_code}.")


def cmd_room_set(ctx: AppContext, args: argparse.Namespace) -> int:
    view = StructureService(ctx.store).set_room(args.site, args.room, _changes(args))
    return _show(view.to_json(), args.json, f"Saved room {view.code} of {view.site_code}.")


def cmd_room_list(ctx: AppContext, args: argparse.Namespace) -> int:
    rooms = StructureService(ctx.store).room_views(args.site)
    if args.json:
        print_json([r.to_json() for r in rooms])
    else:
        print_table(
            ["Room", "Name", "Kind", "Label code", "Retired"],
            [(r.code, r.name, r.kind, r.label_code, _yes(r.retired)) for r in rooms],
        )
    return OK


def cmd_room_delete(ctx: AppContext, args: argparse.Namespace) -> int:
    StructureService(ctx.store).delete("room", args.room, site=args.site)
    return _show({"deleted": args.room}, args.json, f"Deleted room {args.room}.")


# -- contracts -----------------------------------------------------------------------------------------------
def cmd_contract_add(ctx: AppContext, args: argparse.Namespace) -> int:
    view = StructureService(ctx.store).add_contract(
        args.number,
        lessor=args.lessor,
        start=args.start,
        end=args.end,
        notice_months=args.notice_months,
        fee_basis=args.fee_basis,
        monthly_fee=args.monthly_fee,
        cost_centre=args.cost_centre,
    )
    return _show(view.to_json(), args.json, f"Added contract {view.number}.")


def cmd_contract_set(ctx: AppContext, args: argparse.Namespace) -> int:
    view = StructureService(ctx.store).set_contract(args.contract, _changes(args))
    return _show(view.to_json(), args.json, f"Saved contract {view.number}.")


def cmd_contract_list(ctx: AppContext, args: argparse.Namespace) -> int:
    contracts = StructureService(ctx.store).contracts()
    if args.json:
        print_json([c.to_json() for c in contracts])
    else:
        print_table(
            [
                "Number",
                "Lessor",
                "Start",
                "End",
                "Notice",
                "Fee basis",
                "Monthly fee",
                "Cost centre",
                "Devices",
                "Retired",
            ],
            [
                (
                    c.number,
                    c.lessor,
                    c.start,
                    c.end,
                    c.notice_months,
                    c.fee_basis,
                    c.monthly_fee,
                    c.cost_centre,
                    c.devices,
                    _yes(c.retired),
                )
                for c in contracts
            ],
        )
    return OK


# -- models --------------------------------------------------------------------------------------------------
def cmd_model_add(ctx: AppContext, args: argparse.Namespace) -> int:
    view = StructureService(ctx.store).add_model(
        args.name, manufacturer=args.manufacturer, category=args.category, lifetime_years=args.lifetime
    )
    return _show(view.to_json(), args.json, f"Added model {view.label}.")


def cmd_model_set(ctx: AppContext, args: argparse.Namespace) -> int:
    view = StructureService(ctx.store).set_model(args.model, _changes(args))
    return _show(view.to_json(), args.json, f"Saved model {view.label}.")


def cmd_model_list(ctx: AppContext, args: argparse.Namespace) -> int:
    models = StructureService(ctx.store).models()
    if args.json:
        print_json([m.to_json() for m in models])
    else:
        print_table(
            ["Manufacturer", "Model", "Category", "Lifetime", "Devices", "Retired"],
            [(m.manufacturer, m.name, m.category, m.lifetime_years, m.devices, _yes(m.retired)) for m in models],
        )
    return OK
