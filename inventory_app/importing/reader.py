"""Reading an inventory file (CSV or XLSX) into a header and numbered rows.

CSV: delimiter ``;`` ``,`` or tab, UTF-8 (with or without BOM) or cp1252. XLSX: the first sheet
(or a named one), read with openpyxl in read-only mode. Row numbers are the spreadsheet's own
(header = row 1 when the header is on the first line), so messages point where people look.

The byte-level helpers (decoding, delimiter sniffing, header keys) are shared with the billing and
population readers in ``core.tabular``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from inventory_app.core.errors import RejectedInput
from inventory_app.core.tabular import decode_text, sniff_delimiter

MAX_FILE_BYTES = 200 * 1024 * 1024


@dataclass(slots=True)
class SheetData:
    """A file's header cells and data rows, each with its spreadsheet row number."""

    source: str
    headers: list[str]
    rows: list[tuple[int, list[Any]]] = field(default_factory=list)
    kind: str = "csv"
    delimiter: str | None = None
    encoding: str | None = None


def read_table(path: Path, sheet: str | None = None) -> SheetData:
    if not path.exists():
        raise RejectedInput(f"no such file: {path}")
    if path.is_dir():
        raise RejectedInput(f"{path} is a folder, not a CSV or XLSX file")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise RejectedInput(f"{path.name} is larger than {MAX_FILE_BYTES // 1024 // 1024} MB")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path, sheet)
    if suffix in (".xls", ".ods"):
        raise RejectedInput(f"{path.name}: save the file as .xlsx or .csv first")
    return _read_csv(path)


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
                have_header = True
                continue
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
                table.headers = ["" if v is None else str(v).strip() for v in cells]
                have_header = True
                continue
            table.rows.append((number, cells))
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
