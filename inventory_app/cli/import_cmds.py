"""``import FILE`` (CSV/XLSX inventories, validated first, one transaction) and ``export --out FILE``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from inventory_app.cli.output import OK, REJECTED, print_json, print_table
from inventory_app.context import AppContext
from inventory_app.core.out_files import check_out_file
from inventory_app.importing.export import export_file
from inventory_app.importing.mapping import ColumnMapping
from inventory_app.importing.planner import ImportPlan
from inventory_app.importing.service import ImportService, InvalidRows

SHOWN_ROWS = 50


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "import", parents=[common], help="import an inventory spreadsheet (CSV or XLSX)",
        description="Every row is checked before anything is written. A file with invalid rows is refused "
        "(exit 3) and every bad row is named, unless --skip-invalid. Rows update the device any of their "
        "identifiers finds, so importing the same file twice changes nothing the second time.",
    )
    p.add_argument("file", type=Path)
    p.add_argument("--mapping", type=Path, help="a saved column mapping (JSON); default: detect from the headers")
    p.add_argument("--save-mapping", type=Path, metavar="FILE", help="save the mapping used, for next time")
    p.add_argument("--skip-invalid", action="store_true", help="import the valid rows, skip the invalid ones")
    p.add_argument("--dry-run", action="store_true", help="show what would change; write nothing")
    p.set_defaults(handler=cmd_import)

    p = sub.add_parser("export", parents=[common], help="export the inventory to XLSX or CSV (re-importable)")
    p.add_argument("--out", type=Path, required=True, help="FILE.xlsx or FILE.csv")
    p.add_argument("--site", help="only this site")
    p.set_defaults(handler=cmd_export)


def cmd_import(ctx: AppContext, args: argparse.Namespace) -> int:
    mapping = ColumnMapping.load(args.mapping) if args.mapping else None
    service = ImportService(ctx.store)
    if args.save_mapping:
        _, used = service.read(args.file, mapping)
        used.save(args.save_mapping)
    try:
        result = service.run(args.file, mapping, skip_invalid=args.skip_invalid, dry_run=args.dry_run)
    except InvalidRows as refused:
        if args.json:
            print_json({**refused.plan.summary(), "written": False, "refused": True})
        else:
            _print_plan(refused.plan, sys.stderr)
        sys.stderr.write(f"error: {refused}\n")
        return REJECTED
    # A dry run of a file the real import would refuse says so by its exit code too (scripts check it).
    would_refuse = args.dry_run and bool(result.plan.invalid) and not args.skip_invalid
    if args.json:
        print_json({**result.to_json(), "dry_run": args.dry_run})
        return REJECTED if would_refuse else OK
    _print_plan(result.plan, sys.stdout)
    if would_refuse:
        print("Dry run: nothing was written.")
        sys.stderr.write(f"error: {len(result.plan.invalid)} invalid row(s): the import would be refused "
                         "(fix them, or use --skip-invalid)\n")
        return REJECTED
    if args.dry_run:
        print("Dry run: nothing was written.")
    elif result.skipped:
        print(f"Imported the valid rows; skipped {result.skipped} invalid row(s).")
    else:
        print("Imported.")
    return OK


def _print_plan(plan: ImportPlan, out) -> None:  # type: ignore[no-untyped-def]
    out.write(f"{plan.source}: {plan.total_rows} rows: {plan.count('new')} new, {plan.count('changed')} changed, "
              f"{plan.count('unchanged')} unchanged, {len(plan.invalid)} invalid\n")
    if plan.new_rooms:
        out.write("New rooms: " + ", ".join(f"{r.site_name} {r.code}" for r in plan.new_rooms) + "\n")
    if plan.ignored_columns:
        out.write("Columns not imported: " + ", ".join(plan.ignored_columns) + "\n")
    if plan.invalid:
        out.write("Invalid rows (spreadsheet row numbers, header = row 1):\n")
        print_table(["row", "reason"], [(i.row, i.reason) for i in plan.invalid], out)
    changed = [r for r in plan.rows if r.action == "changed"]
    if changed:
        out.write("Changes:\n")
        lines = [(r.row, r.label, f"{k}: {a} -> {b}") for r in changed[:SHOWN_ROWS] for k, (a, b) in r.changes.items()]
        print_table(["row", "device", "change"], lines, out)
        if len(changed) > SHOWN_ROWS:
            out.write(f"... and {len(changed) - SHOWN_ROWS} more changed devices (--json lists all)\n")


def cmd_export(ctx: AppContext, args: argparse.Namespace) -> int:
    check_out_file(args.out, example="devices.xlsx")
    count = export_file(ctx.store, args.out, args.site)
    if args.json:
        print_json({"out": str(args.out), "devices": count})
    else:
        print(f"Exported {count} devices to {args.out}.")
    return OK
