"""The argument parser: one sub-command module per capability, each with ``register(sub, common)``."""

from __future__ import annotations

import argparse
from types import ModuleType

from inventory_app import __version__
from inventory_app.cli import (
    audit_cmds,
    backup_cmds,
    config_cmds,
    demo_cmds,
    device_cmds,
    gui_cmds,
    import_cmds,
    label_cmds,
    report_cmds,
    scan_cmds,
    site_cmds,
    store_cmds,
    structure_cmds,
    sync_cmds,
)

# Each module adds its sub-commands; a capability's commands live in its own module.
COMMAND_MODULES: tuple[ModuleType, ...] = (
    gui_cmds,
    store_cmds,
    demo_cmds,
    site_cmds,
    structure_cmds,
    device_cmds,
    audit_cmds,
    config_cmds,
    label_cmds,
    import_cmds,
    backup_cmds,
    report_cmds,
    sync_cmds,
    scan_cmds,
)


class Parser(argparse.ArgumentParser):
    """argparse with the usage error on one line (exit code 2)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: usage error: {message} (see --help)\n")


class VersionAction(argparse.Action):
    """``--version``: the app, the store schema it builds, Qt, the decoders, SQLAlchemy (lazily, tolerantly)."""

    def __init__(
        self,
        option_strings: list[str],
        dest: str = argparse.SUPPRESS,
        default: str = argparse.SUPPRESS,
        help: str | None = None,
    ) -> None:
        super().__init__(option_strings=option_strings, dest=dest, default=default, nargs=0, help=help)

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        from inventory_app.maintenance.versions import versions_text

        parser.exit(0, f"{parser.prog} {__version__}\n{versions_text()}\n")


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--json", action="store_true", help="machine-readable output")
    parser = Parser(
        prog="inventory",
        description="School device inventory: audit, sync and report a city's school IT devices.",
    )
    parser.add_argument("--version", action=VersionAction, help="show the versions of the app and its libraries")
    parser.add_argument(
        "--db",
        help="the store: a file path (SQLite) or a postgresql:// URL "
        "(default: $INVENTORY_DB, else the store in your data folder)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for module in COMMAND_MODULES:
        module.register(sub, common)
    return parser
