"""``report NAME``, ``targets list|set|import`` and ``populations list|set|import``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from inventory_app.cli import observation_cmds
from inventory_app.cli.output import OK, print_json, print_table
from inventory_app.context import AppContext
from inventory_app.core.devices import parse_date
from inventory_app.core.errors import InventoryError, RejectedInput
from inventory_app.core.out_files import atomic_text, check_out_file
from inventory_app.reports.export import write_csv, write_xlsx
from inventory_app.reports.levels import LevelsService
from inventory_app.reports.model import Kind, ReportResult
from inventory_app.reports.service import REPORT_NAMES, ReportParams, ReportService
from inventory_app.reports.texts import (
    LANGUAGES,
    format_value,
    language_of,
    localise,
    message,
    summary_rows,
    text,
)

FORMATS = ("table", "csv", "xlsx", "pdf", "json")


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("report", parents=[common], help="compute a report: " + ", ".join(REPORT_NAMES))
    p.add_argument("name", choices=REPORT_NAMES, metavar="NAME", help=", ".join(REPORT_NAMES))
    where = p.add_mutually_exclusive_group()
    where.add_argument("--area", help="one area (name or code); default: the whole city")
    where.add_argument("--site", help="one site (name or code)")
    p.add_argument("--as-of", help="the day the report is for, d.m.yyyy or yyyy-mm-dd (default today)")
    p.add_argument("--months", type=int, default=12, help="leasing: the window in months (default 12)")
    p.add_argument("--billing", type=Path, help="reconciliation: the lessor's billing file (CSV or XLSX)")
    p.add_argument("--audit", help="audit: the audit id (or its start); default the latest in scope")
    p.add_argument("--format", choices=FORMATS, default=None, help="table (default), csv, xlsx, pdf or json")
    p.add_argument("--out", type=Path, help="write to this file (needed for xlsx and pdf)")
    p.add_argument(
        "--lang",
        choices=LANGUAGES,
        help="language of the table, CSV, XLSX and PDF (default: the configured language, else the "
        "system's); JSON keys and codes are always English",
    )
    p.set_defaults(handler=cmd_report)
    observation_cmds.register(sub, common)

    targets = sub.add_parser("targets", help="target levels: devices per pupil, staff member or classroom")
    tsub = targets.add_subparsers(dest="targets_command", metavar="ACTION", required=True, parser_class=type(targets))
    t = tsub.add_parser("list", parents=[common], help="list the target levels")
    t.set_defaults(handler=cmd_targets_list)
    t = tsub.add_parser("set", parents=[common], help="set one target level")
    t.add_argument("site_kind", help="early_childhood, primary, lower_secondary, comprehensive, upper_secondary, other")
    t.add_argument("target", help="a category group (pupil, staff, presentation, infrastructure) or a category code")
    t.add_argument("basis", help="per_pupil, per_staff or per_classroom")
    t.add_argument("per_unit", help="devices per pupil / staff member / classroom, e.g. 0,5")
    t.set_defaults(handler=cmd_targets_set)
    t = tsub.add_parser("import", parents=[common], help="import target levels from CSV or XLSX (all or nothing)")
    t.add_argument("file", type=Path)
    t.set_defaults(handler=cmd_targets_import)

    pops = sub.add_parser("populations", help="pupils and staff per site and school year")
    psub = pops.add_subparsers(dest="populations_command", metavar="ACTION", required=True, parser_class=type(pops))
    q = psub.add_parser("list", parents=[common], help="list pupils and staff per site")
    q.add_argument("--year", help="school year like 2026-2027 (default: all)")
    q.set_defaults(handler=cmd_populations_list)
    q = psub.add_parser("set", parents=[common], help="set a site's pupils and staff for a school year")
    q.add_argument("site", help="site name or code")
    q.add_argument("--year", help="school year like 2026-2027 (default: the current one)")
    q.add_argument("--pupils", type=int)
    q.add_argument("--staff", type=int)
    q.set_defaults(handler=cmd_populations_set)
    q = psub.add_parser("import", parents=[common], help="import populations from CSV or XLSX (all or nothing)")
    q.add_argument("file", type=Path)
    q.add_argument("--year", help="school year for files without a school-year column (default: the current one)")
    q.set_defaults(handler=cmd_populations_import)


def cmd_report(ctx: AppContext, args: argparse.Namespace) -> int:
    lang = args.lang or language_of(ctx.config.language)
    try:
        return _report(ctx, args, lang)
    except InventoryError as exc:
        # The report's refusal in the reader's language, like the report itself (same kind, same exit code).
        raise type(exc)(message(str(exc), lang)) from None


def _report(ctx: AppContext, args: argparse.Namespace, lang: str) -> int:
    fmt = args.format or ("json" if args.json else "table")
    if fmt in ("xlsx", "pdf") and args.out is None:
        raise RejectedInput(f"--format {fmt} writes a file: give --out FILE.{fmt}")
    if args.out is not None:
        check_out_file(args.out, example=f"report.{fmt if fmt != 'table' else 'txt'}")
    if args.billing is not None and args.name != "reconciliation":
        raise RejectedInput("--billing is for the reconciliation report")
    params = ReportParams(
        name=args.name,
        area=args.area,
        site=args.site,
        as_of=parse_date(args.as_of),
        months=args.months,
        billing=args.billing,
        audit=args.audit,
    )
    result = ReportService(ctx.store).run(params)
    if fmt == "json":
        _emit(args.out, lambda fh: print_json(result.to_json(), fh))
    elif fmt == "csv":
        _emit(args.out, lambda fh: write_csv(result, fh, lang))
    elif fmt == "xlsx":
        write_xlsx(result, args.out, lang)
    elif fmt == "pdf":
        # Qt is imported only when a PDF is wanted, so the other formats stay light and headless.
        from inventory_app.ui.report_pdf import write_report_pdf

        pages = write_report_pdf(result, args.out, lang=lang)
        if not args.json:
            print(f"Wrote {args.out} ({pages} page(s)).")
    else:
        _emit(args.out, lambda fh: print_text(result, fh, lang))
    if args.out is not None and fmt in ("json", "csv", "xlsx", "table") and not args.json:
        sys.stderr.write(f"Wrote {args.out}.\n")
    return OK


def _emit(out: Path | None, write: Any) -> None:
    if out is None:
        write(sys.stdout)
        return
    try:
        with atomic_text(out) as fh:  # a failure half-way leaves no half file
            write(fh)
    except OSError as exc:
        raise RejectedInput(f"cannot write {out}: {exc.strerror}") from exc


def print_text(result: ReportResult, out: Any, lang: str = "en") -> None:
    shown = localise(result, lang)
    out.write(f"{shown.title} — {shown.scope.name}, {format_value(shown.as_of, Kind.DATE, lang)}\n")
    for note in shown.notes:
        out.write(f"{text('Note', lang)}: {note}\n")
    for section in shown.sections:
        out.write(f"\n{section.title} ({len(section.rows)})\n")
        if section.rows:
            print_table(
                [c.label for c in section.columns],
                [[format_value(r.get(c.key), c.kind, lang) for c in section.columns] for r in section.rows],
                out,
            )
    totals = summary_rows(result, lang)
    if totals:
        out.write(f"\n{text('Totals', lang)}\n")
        for label, value, kind in totals:
            out.write(f"  {label}: {format_value(value, kind, lang)}\n")


# ---- target levels and populations ---------------------------------------------------------------


def cmd_targets_list(ctx: AppContext, args: argparse.Namespace) -> int:
    levels = LevelsService(ctx.store).targets()
    if args.json:
        print_json([t.to_json() for t in levels])
    else:
        print_table(
            ["Site kind", "Group or category", "Basis", "Per unit"],
            [(t.site_kind, t.target, t.basis, t.per_unit) for t in levels],
        )
    return OK


def cmd_targets_set(ctx: AppContext, args: argparse.Namespace) -> int:
    level = LevelsService(ctx.store).set_target(args.site_kind, args.target, args.basis, args.per_unit)
    if args.json:
        print_json(level.to_json())
    else:
        print(f"Target for {level.site_kind} / {level.target}: {level.per_unit} {level.basis}.")
    return OK


def cmd_targets_import(ctx: AppContext, args: argparse.Namespace) -> int:
    counts = LevelsService(ctx.store).import_targets(args.file)
    if args.json:
        print_json(counts)
    else:
        print(
            f"Imported {args.file.name}: {counts['added']} added, {counts['changed']} changed, "
            f"{counts['unchanged']} unchanged."
        )
    return OK


def cmd_populations_list(ctx: AppContext, args: argparse.Namespace) -> int:
    pops = LevelsService(ctx.store).populations(args.year)
    if args.json:
        print_json([p.to_json() for p in pops])
    else:
        print_table(
            ["Area", "Site", "Code", "School year", "Pupils", "Staff"],
            [(p.area, p.site, p.code, p.school_year, p.pupils, p.staff) for p in pops],
        )
    return OK


def cmd_populations_set(ctx: AppContext, args: argparse.Namespace) -> int:
    if args.pupils is None and args.staff is None:
        raise RejectedInput("say what to set: --pupils N and/or --staff N")
    pop = LevelsService(ctx.store).set_population(args.site, args.year, pupils=args.pupils, staff=args.staff)
    if args.json:
        print_json(pop.to_json())
    else:
        print(f"{pop.site} {pop.school_year}: {pop.pupils} pupils, {pop.staff} staff.")
    return OK


def cmd_populations_import(ctx: AppContext, args: argparse.Namespace) -> int:
    counts = LevelsService(ctx.store).import_populations(args.file, default_year=args.year)
    if args.json:
        print_json(counts)
    else:
        print(
            f"Imported {args.file.name}: {counts['added']} added, {counts['changed']} changed, "
            f"{counts['unchanged']} unchanged."
        )
    return OK
