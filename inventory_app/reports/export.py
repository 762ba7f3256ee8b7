"""Writing a computed report: CSV and XLSX, in the reader's language (PDF is drawn with Qt: ``ui/report_pdf.py``).

Both writers take ``lang`` ("en" or "fi") and write what :func:`texts.localise` makes of the
report: translated headers, sheet names, coded values named. Finnish CSV is what a Finnish Excel
opens by double-click: ``;`` between fields, decimal comma, dates as d.m.yyyy. XLSX cells keep real
numbers and dates (Excel shows them in the reader's own locale). Text that a spreadsheet would run
as a formula is written neutralised (``core/cells.py``), and XLSX text cells are always strings.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Mapping
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from inventory_app.core.cells import safe_cell
from inventory_app.core.errors import RejectedInput
from inventory_app.core.out_files import atomic_text
from inventory_app.reports.model import Column, Kind, ReportResult, Section
from inventory_app.reports.texts import localise, summary_rows, text

Progress = Callable[..., None]

NUMBER_FORMATS = {
    Kind.MONEY: '#,##0.00 "€"',
    Kind.INT: "0",
    Kind.NUMBER: "0.000",
    Kind.PERCENT: "0.0%",
    Kind.DATE: "yyyy-mm-dd",
    Kind.DATETIME: "yyyy-mm-dd hh:mm",
}
FINNISH_FORMATS = {**NUMBER_FORMATS, Kind.INT: "#,##0", Kind.DATE: "d.m.yyyy", Kind.DATETIME: "d.m.yyyy h:mm"}


def csv_value(value: Any, lang: str = "en") -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        if lang == "fi":
            shown = value.astimezone() if value.tzinfo else value
            return f"{shown.day}.{shown.month}.{shown.year} {shown:%H:%M}"
        return value.isoformat(timespec="seconds")
    if isinstance(value, date):
        return f"{value.day}.{value.month}.{value.year}" if lang == "fi" else value.isoformat()
    if isinstance(value, (Decimal, float)) and lang == "fi":
        return str(value).replace(".", ",")
    if isinstance(value, str):
        return str(safe_cell(value))
    return str(value)


def write_csv(result: ReportResult, target: Path | io.TextIOBase | Any, lang: str = "en") -> None:
    """One block per section: its title (when the report has several), the header row, the rows."""
    shown = localise(result, lang)

    def write(fh: Any) -> None:
        writer = csv.writer(fh, delimiter=";" if lang == "fi" else ",", lineterminator="\n")
        several = len(shown.sections) > 1
        for i, section in enumerate(shown.sections):
            if several:
                if i:
                    writer.writerow([])
                writer.writerow([csv_value(section.title)])
            writer.writerow([csv_value(c.label) for c in section.columns])
            for row in section.rows:
                writer.writerow([csv_value(row.get(c.key), lang) for c in section.columns])

    if isinstance(target, (str, Path)):
        with _open_text(Path(target)) as fh:
            write(fh)
    else:
        write(target)


def _open_text(path: Path) -> Any:
    # The BOM lets Excel see UTF-8 (ä, ö, €) when someone opens the CSV by double-click. Written to
    # NAME.part and renamed when complete: a failure half-way leaves no half file (core.out_files).
    return atomic_text(path, encoding="utf-8-sig")


def sheet_title(title: str, used: set[str]) -> str:
    title = re.sub(r"[\[\]:*?/\\]", " ", title).strip()[:31] or "Sheet"
    base, n = title, 2
    while title.lower() in used:
        suffix = f" {n}"
        title = base[: 31 - len(suffix)] + suffix
        n += 1
    used.add(title.lower())
    return title


def xlsx_value(value: Any, kind: Kind) -> Any:
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, datetime) and value.tzinfo is not None:
        # Excel has no time zones: show local wall time.
        return value.astimezone().replace(tzinfo=None)
    return value


def write_xlsx(result: ReportResult, path: Path, lang: str = "en", progress: Progress | None = None) -> None:
    """A summary sheet, then one sheet per section with a bold frozen header and typed cells."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    shown = localise(result, lang)
    formats_for = FINNISH_FORMATS if lang == "fi" else NUMBER_FORMATS
    total_rows = sum(len(s.rows) for s in shown.sections) or 1
    done = 0
    workbook = Workbook(write_only=True)
    used: set[str] = set()
    summary = workbook.create_sheet(sheet_title(text("Summary", lang), used))
    bold = Font(bold=True)

    def cell(ws: Any, value: Any, kind: Kind = Kind.TEXT, strong: bool = False) -> Any:
        value = xlsx_value(value, kind)
        if isinstance(value, str):
            # A string cell, never a formula: openpyxl would store "=..." as one.
            c = WriteOnlyCell(ws, safe_cell(value))
            c.data_type = "s"
        else:
            c = WriteOnlyCell(ws, value)
            fmt = formats_for.get(kind) or (formats_for[Kind.DATE] if isinstance(value, date) else None)
            if fmt is not None and value is not None:
                c.number_format = fmt
        if strong:
            c.font = bold
        return c

    summary.column_dimensions["A"].width = 40
    summary.column_dimensions["B"].width = 50
    summary.append([cell(summary, shown.title, strong=True)])
    summary.append([cell(summary, text("Scope", lang)), cell(summary, shown.scope.name)])
    summary.append([cell(summary, text("As of", lang)), cell(summary, shown.as_of, Kind.DATE)])
    summary.append([])
    summary.append([cell(summary, text("Totals", lang), strong=True)])
    for label, value, kind in summary_rows(result, lang):
        summary.append([cell(summary, label), cell(summary, value, kind)])
    if shown.notes:
        summary.append([])
        summary.append([cell(summary, text("Notes", lang), strong=True)])
        for note in shown.notes:
            summary.append([cell(summary, note)])
    for section in shown.sections:
        ws = workbook.create_sheet(sheet_title(section.title, used))
        for i, column in enumerate(section.columns, start=1):
            ws.column_dimensions[get_column_letter(i)].width = _width(column, section)
        ws.freeze_panes = "A2"
        ws.append([cell(ws, c.label, strong=True) for c in section.columns])
        typed = [c.kind not in (Kind.TEXT,) for c in section.columns]
        for row in section.rows:
            values = []
            for c, is_typed in zip(section.columns, typed, strict=True):
                value = row.get(c.key)
                if isinstance(value, str):
                    # After safe_cell no text starts like a formula, so a plain value stays a string.
                    values.append(safe_cell(value))
                elif value is None or not is_typed:
                    values.append(value if not isinstance(value, (date, Decimal)) else cell(ws, value, c.kind))
                else:
                    values.append(cell(ws, value, c.kind))
            ws.append(values)
            done += 1
            if progress is not None and done % 2000 == 0:
                progress(done, total_rows, section.title)
    try:
        workbook.save(path)
    except OSError as exc:
        raise RejectedInput(f"cannot write {path}: {exc.strerror}") from exc
    if progress is not None:
        progress(total_rows, total_rows, "")


def _width(column: Column, section: Section) -> float:
    longest = max([len(column.label)] + [len(csv_value(r.get(column.key))) for r in section.rows[:200]])
    return float(min(max(longest + 2, 8), 50))


def labels_for(result: ReportResult, lang: str) -> Mapping[str, str]:
    """Column key -> header text in ``lang`` (for tables drawn elsewhere)."""
    return {c.key: c.label for s in localise(result, lang).sections for c in s.columns}
