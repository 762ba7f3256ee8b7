"""``backup list|create|restore``: copies of the local store (see storage/backups.py)."""

from __future__ import annotations

import argparse
from pathlib import Path

from inventory_app.cli.output import OK, print_fields, print_json
from inventory_app.context import AppContext
from inventory_app.core.errors import RejectedInput
from inventory_app.storage.backups import StoreBackups


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("backup", help="list, make or restore copies of the local store")
    actions = p.add_subparsers(dest="backup_action", metavar="ACTION", required=True, parser_class=type(p))
    a = actions.add_parser("list", parents=[common], help="the store's backups, newest first")
    a.set_defaults(handler=cmd_list)
    a = actions.add_parser("create", parents=[common], help="back up the store now")
    a.add_argument("--reason", default="manual", help="a word for the file name (default: manual)")
    a.set_defaults(handler=cmd_create)
    a = actions.add_parser(
        "restore",
        parents=[common],
        help="replace the store's contents with a backup (a safety copy of the current store is made first)",
    )
    a.add_argument("file", type=Path, help="a backup file (a path, or a name from `backup list`)")
    a.set_defaults(handler=cmd_restore)


def _backups(ctx: AppContext) -> StoreBackups:
    backups = ctx.backups()
    if backups is None:
        raise RejectedInput("backups are for the local store file; a PostgreSQL database is backed up on its server")
    return backups


def cmd_list(ctx: AppContext, args: argparse.Namespace) -> int:
    backups = _backups(ctx)
    found = backups.list()
    if args.json:
        print_json(
            {
                "store": str(backups.store_path),
                "backup_dir": str(backups.backup_dir),
                "keep": backups.keep,
                "backups": [b.to_json() for b in found],
            }
        )
        return OK
    if not found:
        print(f"No backups yet in {backups.backup_dir}.")
        return OK
    # Not print_table: it shortens long cells, and the file name is what `backup restore` needs.
    for b in found:
        print(f"{b.created:%Y-%m-%d %H:%M:%S}  {b.size_bytes / 1e6:7.1f} MB  {b.reason:<28}  {b.name}")
    print(f"\n{len(found)} backups in {backups.backup_dir} (the newest {backups.keep} are kept)")
    return OK


def cmd_create(ctx: AppContext, args: argparse.Namespace) -> int:
    info = _backups(ctx).create(args.reason)
    if args.json:
        print_json(info.to_json())
    else:
        print(f"Backed up the store to {info.path} ({info.size_bytes / 1e6:.1f} MB).")
    return OK


def cmd_restore(ctx: AppContext, args: argparse.Namespace) -> int:
    backups = _backups(ctx)
    file = args.file
    if not file.exists() and not file.is_absolute() and (backups.backup_dir / file).exists():
        file = backups.backup_dir / file  # a name as `backup list` shows it
    ctx.close()  # nothing of ours may hold the store open while its pages are replaced
    info, safety = backups.restore(file)
    if args.json:
        print_json({"restored": str(file), **info.to_json(), "safety_copy": str(safety.path) if safety else None})
        return OK
    print_fields(
        [
            ("restored from", file),
            ("schema revision", info.revision),
            ("devices", info.devices),
            ("safety copy of the previous store", safety.path if safety else "(there was no store)"),
        ]
    )
    print(
        "The restored store syncs as a new laptop identity (nothing made after the backup is lost): "
        "online sync carries on by itself; to sync by file, enrol it again with a file from: central enrol"
    )
    return OK
