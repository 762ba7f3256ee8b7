"""``import FILE`` (CSV/XLSX inventories, validated first, one transaction) and ``export --out FILE``."""

from __future__ import annotations

import argparse
import sys
import textwrap
from collections.abc import Iterable
from pathlib import Path

from inventory_app.cli.output import OK, REJECTED, print_json, print_table
from inventory_app.context import AppContext
from inventory_app.core.out_files import check_out_file
from inventory_app.importing.export import export_file
from inventory_app.importing.mapping import ColumnMapping
from inventory_app.importing.plan import ImportPlan
from inventory_app.importing.service import ImportOptions, ImportService, InvalidRows, parse_category_map

SHOWN_ROWS = 50


MAPPING_HELP = """\
mapping file (--mapping, --save-mapping; the import wizard saves and loads the same file):
  {"format": 1,
   "columns": {"serial": "Sarjanumero", "site": "Koulu", "room": "Luokka", "category": "Laite"},
   "categories": {"Läppäri": "pupil_laptop", "*": "staff_laptop"},
   "from": "snipe-it", "date_order": "mdy", "sheet": "Laitteet"}
  columns     field -> the column's header in the file. Fields:
%(fields)s
  categories  a word in the file's type column -> category code; "*" is every type not otherwise
              known (also devices of a file with no type column). Codes:
%(codes)s
  from        snipe-it | glpi | inventree: that tool's column names and words (optional)
  date_order  "mdy" reads 1/23/23 as 23 January (Snipe-IT); default "dmy" (23/1/2023, 23.1.2023)
  sheet       which sheet of an XLSX workbook (default: the first)
Without --mapping the columns are found from their Finnish or English names; a title row or blank
rows above the header are skipped.
"""


def _wrapped(words: Iterable[str]) -> str:
    return textwrap.fill(", ".join(words), width=96, initial_indent=" " * 14, subsequent_indent=" " * 14)


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    from inventory_app.core.catalogue import CATEGORY_BY_CODE
    from inventory_app.importing.mapping import FIELDS
    from inventory_app.importing.profiles import PROFILES

    p = sub.add_parser(
        "import",
        parents=[common],
        help="import an inventory spreadsheet (CSV or XLSX)",
        description="Every row is checked before anything is written. A file with invalid rows is refused "
        "(exit 3) and every bad row is named, unless --skip-invalid. Rows update the device any of their "
        "identifiers finds, so importing the same file twice changes nothing the second time. Another system's "
        "identifiers in the asset tag column (ICC-2065556, KES-001) are kept as inventory numbers. The app's "
        "own full export (export --out FILE.xlsx) also brings the sites, rooms and contracts it lists.",
        epilog=MAPPING_HELP % {"fields": _wrapped(FIELDS), "codes": _wrapped(CATEGORY_BY_CODE)},
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("file", type=Path)
    p.add_argument("--mapping", type=Path, help="a saved column mapping (JSON, see below); default: detect")
    p.add_argument("--save-mapping", type=Path, metavar="FILE", help="save the mapping used, for next time")
    p.add_argument(
        "--from",
        dest="source",
        choices=sorted(PROFILES),
        help="the file is another tool's standard CSV export: use its column names and words",
    )
    p.add_argument(
        "--create-missing",
        action="store_true",
        help="create the sites the file names that the store lacks (kind 'other' unless a site kind "
        "column is mapped); rooms are always created",
    )
    p.add_argument("--area", metavar="AREA", help="with --create-missing: the area of new sites (created if new)")
    p.add_argument(
        "--category-map",
        action="append",
        default=[],
        metavar="WORD=CODE",
        help='what a device type in the file is, e.g. "Laptops=pupil_laptop"; "*=CODE" for every '
        "other type (repeatable)",
    )
    p.add_argument("--skip-invalid", action="store_true", help="import the valid rows, skip the invalid ones")
    p.add_argument("--dry-run", action="store_true", help="show what would change; write nothing")
    p.set_defaults(handler=cmd_import)

    p = sub.add_parser(
        "export",
        parents=[common],
        help="export the inventory to XLSX or CSV (re-importable)",
        description="XLSX: devices, and sheets of the sites (with areas), rooms and contracts, so "
        "that importing the file into a fresh store rebuilds the inventory. CSV: devices only.",
    )
    p.add_argument("--out", type=Path, required=True, help="FILE.xlsx or FILE.csv")
    p.add_argument("--site", help="only this site")
    p.set_defaults(handler=cmd_export)


def cmd_import(ctx: AppContext, args: argparse.Namespace) -> int:
    mapping = ColumnMapping.load(args.mapping) if args.mapping else None
    if args.area and not args.create_missing:
        sys.stderr.write("error: --area names the area of sites that --create-missing creates; add --create-missing\n")
        return REJECTED
    options = ImportOptions(
        create_missing=args.create_missing,
        area=args.area,
        source=args.source,
        category_map=parse_category_map(args.category_map),
    )
    service = ImportService(ctx.store)
    if args.save_mapping:
        _, used = service.read(args.file, mapping, options)
        used.save(args.save_mapping)
    try:
        result = service.run(args.file, mapping, skip_invalid=args.skip_invalid, dry_run=args.dry_run, options=options)
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
        sys.stderr.write(
            f"error: {len(result.plan.invalid)} invalid row(s): the import would be refused "
            "(fix them, or use --skip-invalid)\n"
        )
        return REJECTED
    if args.dry_run:
        print("Dry run: nothing was written.")
    elif result.skipped:
        print(f"Imported the valid rows; skipped {result.skipped} invalid row(s).")
    else:
        print("Imported.")
    return OK


def _print_plan(plan: ImportPlan, out) -> None:  # type: ignore[no-untyped-def]
    out.write(
        f"{plan.source}: {plan.total_rows} rows: {plan.count('new')} new, {plan.count('changed')} changed, "
        f"{plan.count('unchanged')} unchanged, {len(plan.invalid)} invalid\n"
    )
    if plan.header_row > 1:
        out.write(f"Header on row {plan.header_row} (the rows above it were skipped as a title).\n")
    if plan.mapping.source:
        out.write(f"Read as an export of {plan.mapping.source}.\n")
    if plan.new_areas:
        out.write("New areas: " + ", ".join(a.name for a in plan.new_areas) + "\n")
    if plan.new_sites:
        out.write("New sites:\n")
        for site in plan.new_sites:
            shown_code = f" ({site.code})" if site.code and site.code != site.name else ""
            out.write(f"  {site.name}{shown_code}: area {site.area_name or '(none; --area AREA)'}, kind {site.kind}\n")
    if plan.new_rooms:
        out.write("New rooms: " + ", ".join(f"{r.site_name} {r.code}" for r in plan.new_rooms) + "\n")
    if plan.new_contracts:
        out.write("New contracts: " + ", ".join(f"{c.contract_number} ({c.lessor})" for c in plan.new_contracts) + "\n")
    if plan.foreign_tags:
        out.write(
            f"{plan.foreign_tags} identifier(s) in the asset tag column are another system's: kept as "
            "inventory numbers (searchable and scannable).\n"
        )
    if plan.categories:
        out.write("Device types:\n")
        for word, (code, n) in plan.categories.items():
            out.write(f"  {word} -> {code or 'UNKNOWN'} ({n} row{'s' if n != 1 else ''})\n")
        category_fix = plan.category_fix()
        if category_fix:
            out.write(f"Unknown device types: {', '.join(plan.unknown_categories)}; {category_fix}.\n")
    if plan.ignored_columns:
        out.write("Columns not imported: " + ", ".join(plan.ignored_columns) + "\n")
    if plan.invalid:
        # Reasons in full, one per line: a table would cut them.
        out.write("Invalid rows (spreadsheet row numbers):\n")
        for issue in plan.invalid:
            out.write(f"  row {issue.row}: {issue.reason}\n")
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
