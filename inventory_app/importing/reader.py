"""Reading an inventory file (CSV or XLSX) into a header and numbered rows.

CSV: delimiter ``;`` ``,`` or tab, UTF-8 (with or without BOM) or cp1252. XLSX: the first sheet
(or a named one), read with openpyxl in read-only mode. Row numbers are the spreadsheet's own
(header = row 1 when the header is on the first line), so messages point where people look.

The header is the row among the first few that names the most known columns (``header_score``):
a title row ("Kesämäen koulu – laiteluettelo 2026") or blank rows above it are skipped. A CSV row
that does not fit the header is kept with its problem in ``row_problems``; the planner refuses it.

The byte-level helpers (decoding, delimiter sniffing, header keys) are shared with the billing and
population readers in ``core.tabular``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from inventory_app.core.errors import RejectedInput
from inventory_app.core.tabular import decode_text, row_width_problem, sniff_delimiter

MAX_FILE_BYTES = 200 * 1024 * 1024
# How far down a header may sit below title and blank rows.
HEADER_SEARCH_ROWS = 10
STRUCTURE_SHEETS = ("Sites", "Rooms", "Contracts")
# Header cells -> how many of them name known columns.
HeaderScore = Callable[[list[str]], int]


@dataclass(slots=True)
class SheetData:
    """A file's header cells and data rows, each with its spreadsheet row number."""

    source: str
    headers: list[str]
    rows: list[tuple[int, list[Any]]] = field(default_factory=list)
    kind: str = "csv"
    delimiter: str | None = None
    encoding: str | None = None
    header_row: int = 1
    # Spreadsheet row number -> why the row does not fit the header (CSV only).
    row_problems: dict[int, str] = field(default_factory=dict)
    # A full export's Sites, Rooms and Contracts sheets: name -> numbered non-blank rows.
    extra_sheets: dict[str, list[tuple[int, list[Any]]]] = field(default_factory=dict)


def read_table(path: Path, sheet: str | None = None, header_score: HeaderScore | None = None) -> SheetData:
    if not path.exists():
        raise RejectedInput(f"no such file: {path}")
    if path.is_dir():
        raise RejectedInput(f"{path} is a folder, not a CSV or XLSX file")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise RejectedInput(f"{path.name} is larger than {MAX_FILE_BYTES // 1024 // 1024} MB")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        table = _read_xlsx(path, sheet)
    elif suffix in (".xls", ".ods"):
        raise RejectedInput(f"{path.name}: save the file as .xlsx or .csv first")
    else:
        table = _read_csv(path)
    _pick_header(table, header_score)
    return table


def _text_cells(cells: list[Any]) -> list[str]:
    return ["" if v is None else str(v).strip() for v in cells]


def _pick_header(table: SheetData, score: HeaderScore | None) -> None:
    """Move the header down past title rows: the first row naming the most known columns (two at least)."""
    if not table.rows:
        return
    candidates = [(table.header_row, table.headers)] + [
        (number, _text_cells(cells)) for number, cells in table.rows[: HEADER_SEARCH_ROWS - 1]
    ]
    if score is None:
        return
    scores = [score(headers) for _, headers in candidates]
    best = max(range(len(candidates)), key=lambda i: (scores[i], -i))
    if best == 0 or scores[best] < 2 or scores[best] <= scores[0]:
        return
    table.header_row, table.headers = candidates[best]
    table.rows = table.rows[best:]
    if table.kind == "csv":
        table.row_problems = {}
        width_rows = table.rows
        for number, cells in width_rows:
            problem = row_width_problem(cells, table.headers, table.delimiter or ";")
            if problem:
                table.row_problems[number] = problem


def _read_csv(path: Path) -> SheetData:
    data = path.read_bytes()
    encoding = "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        encoding = "cp1252"
    text = decode_text(data)
    if "\x00" in text[:4096]:
        raise RejectedInput(f"{path.name} is not a text file (save it as CSV or XLSX)")
    delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    table = SheetData(path.name, [], kind="csv", delimiter=delimiter, encoding=encoding)
    have_header = False
    try:
        for cells in reader:
            if not any(c.strip() for c in cells):
                continue
            if not have_header:
                table.headers = [c.strip() for c in cells]
                table.header_row = reader.line_num
                have_header = True
                continue
            problem = row_width_problem(cells, table.headers, delimiter)
            if problem:
                table.row_problems[reader.line_num] = problem
            table.rows.append((reader.line_num, cells))
    except csv.Error as exc:
        raise RejectedInput(f"{path.name}: line {reader.line_num} cannot be read as CSV ({exc})") from None
    if not have_header:
        raise RejectedInput(f"{path.name} is empty")
    return table


def _read_xlsx(path: Path, sheet: str | None) -> SheetData:
    import zipfile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as exc:
        raise RejectedInput(f"{path.name} cannot be opened as an XLSX workbook ({exc})") from None
    try:
        if sheet:
            if sheet not in book.sheetnames:
                raise RejectedInput(f"{path.name} has no sheet '{sheet}'; sheets: {', '.join(book.sheetnames)}")
            ws = book[sheet]
        else:
            ws = book.worksheets[0]
        table = SheetData(path.name, [], kind="xlsx")
        have_header = False
        for number, values in _numbered_rows(ws):
            cells = list(values)
            if not any(v is not None and str(v).strip() for v in cells):
                continue
            if not have_header:
                table.headers = _text_cells(cells)
                table.header_row = number
                have_header = True
                continue
            table.rows.append((number, cells))
        if not sheet:
            # A full export's structure sheets, read while the workbook is open (see importing.structure).
            for name in STRUCTURE_SHEETS:
                if name in book.sheetnames and book[name] is not ws:
                    table.extra_sheets[name] = [
                        (n, list(v))
                        for n, v in enumerate(book[name].iter_rows(values_only=True), start=1)
                        if any(c is not None and str(c).strip() for c in v)
                    ]
    finally:
        book.close()
    if not have_header:
        raise RejectedInput(f"{path.name} is empty")
    return table


def _numbered_rows(ws: Any) -> Iterator[tuple[int, tuple[Any, ...]]]:
    # Read-only sheets yield every row from min_row on, empty ones included, so counting is exact.
    start = ws.min_row or 1
    for offset, values in enumerate(ws.iter_rows(values_only=True)):
        yield start + offset, values
