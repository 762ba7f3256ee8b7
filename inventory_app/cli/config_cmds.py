"""``config show|set``: the small per-user settings file (auditor, language, defaults)."""

from __future__ import annotations

import argparse
from dataclasses import asdict, fields

from inventory_app.cli.output import OK, print_fields, print_json
from inventory_app.config import Config
from inventory_app.context import AppContext
from inventory_app.core.errors import RejectedInput
from inventory_app.inventory.service import parse_assignments

_BOOLEAN = {"1": True, "true": True, "yes": True, "on": True, "0": False, "false": False, "no": False, "off": False}


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    config = sub.add_parser("config", help="show or change your settings (auditor, language, defaults)")
    csub = config.add_subparsers(dest="config_command", metavar="ACTION", required=True, parser_class=type(config))
    p = csub.add_parser("show", parents=[common], help="show the settings and where they are kept")
    p.set_defaults(handler=cmd_show)
    p = csub.add_parser("set", parents=[common], help="config set auditor='Aino Auditor' language=fi")
    p.add_argument("assignments", nargs="+", metavar="key=value")
    p.set_defaults(handler=cmd_set)


def cmd_show(ctx: AppContext, args: argparse.Namespace) -> int:
    if args.json:
        print_json({"file": str(ctx.paths.config_file), **asdict(ctx.config)})
    else:
        print_fields([("file", ctx.paths.config_file), *asdict(ctx.config).items()])
    return OK


def cmd_set(ctx: AppContext, args: argparse.Namespace) -> int:
    changes = parse_assignments(args.assignments)
    known = {f.name: f for f in fields(Config)}
    values = asdict(ctx.config)
    for key, value in changes.items():
        if key not in known:
            raise RejectedInput(f"unknown setting '{key}'; settings: {', '.join(known)}")
        if known[key].type in ("bool", bool):
            if value.strip().lower() not in _BOOLEAN:
                raise RejectedInput(f"{key} must be on or off")
            values[key] = _BOOLEAN[value.strip().lower()]
        elif key == "language" and value not in ("", "fi", "en"):
            raise RejectedInput("language must be fi, en or empty (follow the system)")
        else:
            values[key] = value.strip()
    ctx.config = Config(**values)
    ctx.save_config()
    return cmd_show(ctx, args)
