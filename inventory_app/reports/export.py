"""Writing a computed report: CSV (for scripts) and XLSX (for controllers: real numbers and dates).

PDF is drawn with Qt and lives in ``ui/report_pdf.py``. Both writers take optional ``labels``
(column key -> header text) so the UI can write its translated headers; the CLI writes English.
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

from inventory_app.core.errors import RejectedInput
from inventory_app.core.out_files import atomic_text
from inventory_app.reports.model import Column, Kind, ReportResult, Section, jsonable

Progress = Callable[..., None]

NUMBER_FORMATS = {
    Kind.MONEY: '#,##0.00 "€"',
    Kind.INT: "0",
    Kind.NUMBER: "0.000",
    Kind.PERCENT: "0.0%",
    Kind.DATE: "yyyy-mm-dd",
    Kind.DATETIME: "yyyy-mm-dd hh:mm",
}


def csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def write_csv(result: ReportResult, target: Path | io.TextIOBase | Any, labels: Mapping[str, str] | None = None) -> None:
    """One block per section: its title (when the report has several), the header row, the rows.

    Single-section reports are a plain table. Headers are the column keys unless ``labels`` is given.
    """
    def write(fh: Any) -> None:
        writer = csv.writer(fh, lineterminator="\n")
        several = len(result.sections) > 1
        for i, section in enumerate(result.sections):
            if several:
                if i:
                    writer.writerow([])
                writer.writerow([section.key])
            writer.writerow([(labels or {}).get(c.key, c.key) for c in section.columns])
            for row in section.rows:
                writer.writerow([csv_value(row.get(c.key)) for c in section.columns])

    if isinstance(target, (str, Path)):
        with _open_text(Path(target)) as fh:
            write(fh)
    else:
        write(target)


def _open_text(path: Path) -> Any:
    # The BOM lets Excel see UTF-8 (ä, ö, €) when someone opens the CSV by double-click. Written to
    # NAME.part and renamed when complete: a failure half-way leaves no half file (core.out_files).
    return atomic_text(path, encoding="utf-8-sig")


def sheet_title(text: str, used: set[str]) -> str:
    title = re.sub(r"[\[\]:*?/\\]", " ", text).strip()[:31] or "Sheet"
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


def write_xlsx(result: ReportResult, path: Path, labels: Mapping[str, str] | None = None,
               progress: Progress | None = None, text: Mapping[str, str] | None = None) -> None:
    """A summary sheet, then one sheet per section with a bold frozen header and typed cells.

    ``text`` may translate the fixed words ("Report", "Scope", "As of", "Notes", "Totals").
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    words = {"Report": "Report", "Scope": "Scope", "As of": "As of", "Notes": "Notes", "Totals": "Totals",
             **(text or {})}
    total_rows = sum(len(s.rows) for s in result.sections) or 1
    done = 0
    workbook = Workbook(write_only=True)
    used: set[str] = set()
    summary = workbook.create_sheet(sheet_title(words["Report"], used))
    bold = Font(bold=True)

    def bold_cell(ws: Any, value: Any) -> Any:
        cell = WriteOnlyCell(ws, value)
        cell.font = bold
        return cell

    summary.column_dimensions["A"].width = 34
    summary.column_dimensions["B"].width = 50
    summary.append([bold_cell(summary, result.title)])
    summary.append([words["Scope"], result.scope.name])
    as_of = WriteOnlyCell(summary, result.as_of)
    as_of.number_format = NUMBER_FORMATS[Kind.DATE]
    summary.append([words["As of"], as_of])
    for key, value in _flatten(result.meta).items():
        summary.append([key, xlsx_value(value, Kind.TEXT)])
    summary.append([])
    summary.append([bold_cell(summary, words["Totals"])])
    for key, value in _flatten(result.totals).items():
        summary.append([key, xlsx_value(value, Kind.TEXT)])
    if result.notes:
        summary.append([])
        summary.append([bold_cell(summary, words["Notes"])])
        for note in result.notes:
            summary.append([note])
    for section in result.sections:
        ws = workbook.create_sheet(sheet_title((labels or {}).get(section.key, section.title), used))
        for i, column in enumerate(section.columns, start=1):
            ws.column_dimensions[get_column_letter(i)].width = _width(column, section)
        ws.freeze_panes = "A2"
        ws.append([bold_cell(ws, (labels or {}).get(c.key, c.label)) for c in section.columns])
        formats = [NUMBER_FORMATS.get(c.kind) for c in section.columns]
        for row in section.rows:
            cells: list[Any] = []
            for column, fmt in zip(section.columns, formats, strict=True):
                value = xlsx_value(row.get(column.key), column.kind)
                if fmt is not None and value is not None:
                    cell = WriteOnlyCell(ws, value)
                    cell.number_format = fmt
                    cells.append(cell)
                else:
                    cells.append(value)
            ws.append(cells)
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


def _flatten(data: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            flat.update(_flatten(value, name + "."))
        elif isinstance(value, (list, tuple)):
            flat[name] = ", ".join(str(jsonable(v)) for v in value)
        else:
            flat[name] = value
    return flat
