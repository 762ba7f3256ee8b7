"""The argument parser: one sub-command module per capability, each with ``register(sub, common)``."""

from __future__ import annotations

import argparse
from types import ModuleType

from inventory_app import __version__
from inventory_app.cli import (
    audit_cmds,
    config_cmds,
    demo_cmds,
    device_cmds,
    gui_cmds,
    import_cmds,
    label_cmds,
    scan_cmds,
    site_cmds,
    store_cmds,
)

# Each module adds its sub-commands; a capability's commands live in its own module.
COMMAND_MODULES: tuple[ModuleType, ...] = (
    gui_cmds,
    store_cmds,
    demo_cmds,
    site_cmds,
    device_cmds,
    audit_cmds,
    config_cmds,
    label_cmds,
    import_cmds,
    scan_cmds,
)


class Parser(argparse.ArgumentParser):
    """argparse with the usage error on one line (exit code 2)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: usage error: {message} (see --help)\n")


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--json", action="store_true", help="machine-readable output")
    parser = Parser(
        prog="inventory",
        description="School device inventory: audit, sync and report a city's school IT devices.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--db",
        help="the store: a file path (SQLite) or a postgresql:// URL "
        "(default: $INVENTORY_DB, else the store in your data folder)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for module in COMMAND_MODULES:
        module.register(sub, common)
    return parser
