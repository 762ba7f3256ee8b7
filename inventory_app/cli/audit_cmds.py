"""``audit import-log`` (a handheld scanner's batch file) and ``audit list``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from inventory_app.audit.results import open_audits
from inventory_app.audit.scan_log import import_log
from inventory_app.cli.output import OK, print_json, print_table
from inventory_app.context import AppContext
from inventory_app.core.errors import RejectedInput


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    audit = sub.add_parser("audit", help="audits: import a scan log, list open audits")
    asub = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True, parser_class=type(audit))
    p = asub.add_parser("import-log", parents=[common], help="import a handheld scanner's batch file into an audit")
    p.add_argument("--site", required=True, help="site name or code")
    p.add_argument("--room", help="room to start in (room-label lines in the file change it)")
    p.add_argument("--auditor", help="who scanned (default: the auditor in settings)")
    p.add_argument("file", type=Path)
    p.set_defaults(handler=cmd_import_log)
    p = asub.add_parser("list", parents=[common], help="list unfinished audits")
    p.set_defaults(handler=cmd_list)


def cmd_import_log(ctx: AppContext, args: argparse.Namespace) -> int:
    try:
        raw = args.file.read_bytes()
    except OSError as exc:
        raise RejectedInput(f"cannot read {args.file}: {exc.strerror}") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    auditor = args.auditor or ctx.config.auditor or None
    if auditor is None:
        sys.stderr.write(
            "note: no auditor is named for this audit; use --auditor NAME or "
            "'config set auditor=NAME' so the audit says who scanned\n"
        )
    result = import_log(ctx.store, args.site, text.splitlines(), room=args.room, auditor=auditor)
    if args.json:
        print_json(result.to_json())
        return OK
    c = result.counts
    print(
        f"Imported {result.lines} codes into audit {result.audit_id}: {c['found']} found, {c['moved']} moved, "
        f"{c['unknown']} unknown, {c['repeat']} repeat, {c['invalid']} invalid, {c['ambiguous']} ambiguous."
    )
    if c.get("marked_retired"):
        print(
            f"Marked retired or recycled in the inventory: {c['marked_retired']} of the devices found. Check them; "
            "put those in use back in use (Alt+B in the window, or 'device set TAG status=in_use')."
        )
    if c.get("other_site"):
        print(
            f"{c['other_site']} device(s) of other sites were seen here and not moved; the audit report lists "
            "them, and the window moves one when you confirm it (Alt+M)."
        )
    return OK


def cmd_list(ctx: AppContext, args: argparse.Namespace) -> int:
    audits = open_audits(ctx.store)
    if args.json:
        print_json(
            [
                {
                    "audit_id": a.audit_id,
                    "site": a.site,
                    "auditor": a.auditor,
                    "started_at": a.started_at,
                    "status": a.status,
                }
                for a in audits
            ]
        )
        return OK
    print_table(
        ["Audit", "Site", "Auditor", "Started"], [(a.audit_id, a.site, a.auditor, a.started_at) for a in audits]
    )
    return OK
