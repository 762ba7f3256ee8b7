"""Opening a tabular file by its kind: CSV/TSV through ``core.tabular``, XLSX through openpyxl."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from inventory_app.core.errors import RejectedInput
from inventory_app.core.tabular import Table, read_delimited

SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm")


def read_table(path: Path) -> Table:
    """The first sheet (XLSX) or the file (CSV, TSV, TXT) as a Table; unreadable files are refused."""
    path = Path(path)
    if not path.is_file():
        raise RejectedInput(f"{path} is not a file")
    if path.suffix.lower() in SPREADSHEET_SUFFIXES:
        return read_xlsx(path)
    if path.suffix.lower() == ".xls":
        raise RejectedInput(f"{path.name}: old .xls workbooks are not read; save it as .xlsx or CSV")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise RejectedInput(f"cannot read {path}: {exc.strerror}") from exc
    if data.startswith(b"PK\x03\x04"):
        return read_xlsx(path)
    return read_delimited(data, path.name)


def read_xlsx(path: Path) -> Table:
    # openpyxl is imported here only: core may not import it, and most commands never need it.
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, OSError, KeyError, ValueError) as exc:
        raise RejectedInput(f"{path.name} cannot be opened as a spreadsheet ({exc})") from None
    try:
        sheet = workbook.worksheets[0]
        headers: list[str] | None = None
        rows: list[list[Any]] = []
        numbers: list[int] = []
        for number, cells in enumerate(sheet.iter_rows(values_only=True), start=1):
            values = ["" if c is None else c for c in cells]
            if not any(str(v).strip() for v in values):
                continue
            if headers is None:
                headers = [str(v).strip() for v in values]
                continue
            rows.append(values)
            numbers.append(number)
    finally:
        workbook.close()
    if headers is None:
        raise RejectedInput(f"{path.name} is empty")
    # Trailing header cells a spreadsheet leaves empty are not columns.
    while headers and not headers[-1]:
        headers.pop()
    return Table(path.name, headers, rows, numbers)
