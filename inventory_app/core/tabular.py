"""Reading the tabular files people bring: lessors' invoices, pupil counts, target levels, device lists.

Plain Python (csv only). What it copes with: delimiter ``;`` ``,`` or tab; UTF-8, UTF-8 with a BOM
or cp1252 (Excel's "CSV" on Finnish Windows); Finnish or English headers matched through aliases;
cells parsed with the same rules as typed input (``1 234,50 €`` via ``euros_to_cents``, ``d.m.yyyy``
or ISO via ``parse_date``). Spreadsheets (XLSX) are opened elsewhere (core may not import openpyxl)
and handed in as a ``Table`` of cell values.

A bad file is refused whole: ``parse_rows`` checks every row first and raises one ``RejectedInput``
naming the rows and reasons, so a caller that writes only after parsing never half-imports.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from inventory_app.core.devices import euros_to_cents, parse_date
from inventory_app.core.errors import RejectedInput

DELIMITERS = (";", ",", "\t")
# How many problems one message lists before "and N more".
SHOWN_PROBLEMS = 8


@dataclass(slots=True)
class Table:
    """Header cells and data rows as read (strings from CSV; numbers and dates too from XLSX)."""

    source: str
    headers: list[str]
    rows: list[list[Any]]
    # The file's own row number of each data row (1 = the header row), for messages.
    row_numbers: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.row_numbers:
            self.row_numbers = list(range(2, len(self.rows) + 2))


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM); bytes that are not UTF-8 are read as cp1252 (older Excel)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


SNIFF_LINES = 10


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the first lines into the most cells (quotes respected).

    Several lines are looked at, not just the first: a title line above the header ("Kesämäen
    koulu – laiteluettelo 2026") has one cell whatever the delimiter. For each delimiter the most
    common cell count of those lines counts, so a comma in one line's notes does not win.
    """
    lines = [line for line in text.splitlines()[: SNIFF_LINES * 3] if line.strip()][:SNIFF_LINES]
    best, best_score = ";", (0, 0)
    for delimiter in DELIMITERS:
        counts = [len(cells) for cells in csv.reader(lines, delimiter=delimiter)]
        wide = [n for n in counts if n > 1]
        if not wide:
            continue
        mode = max(set(wide), key=lambda n: (wide.count(n), n))
        score = (wide.count(mode), mode)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def row_width_problem(cells: Sequence[Any], headers: Sequence[str], delimiter: str = ";") -> str | None:
    """Why a CSV row does not fit its header, or None.

    More filled cells than header columns usually means an unquoted delimiter inside a value
    (a ``;`` in the notes): the values after it would land in the wrong columns or be dropped.
    Fewer cells than the header means a cut or hand-edited line. Empty cells past the last named
    column (a trailing delimiter some programs write) are fine.
    """
    width = len(headers)
    if len(cells) == width:
        # The usual row (checked for each of tens of thousands): it fits by construction.
        return None
    named = max((i + 1 for i, h in enumerate(headers) if str(h).strip()), default=0)
    extra = [c for c in cells[width:] if c is not None and str(c).strip()]
    name = {";": "';'", ",": "','", "\t": "tab"}.get(delimiter, repr(delimiter))
    if extra:
        return (
            f"{len(cells)} cells but the header has {width} columns (an unquoted {name} inside a value? "
            "put the value in quotes)"
        )
    if len(cells) < named:
        return f"only {len(cells)} cells but the header has {named} columns (a cut or incomplete line?)"
    return None


def read_delimited(data: bytes, source: str = "file") -> Table:
    """A CSV/TSV file's bytes as a Table; blank lines are skipped but keep their line numbers.

    A row that does not fit the header (see :func:`row_width_problem`) refuses the whole file.
    """
    text = decode_text(data)
    delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    headers: list[str] | None = None
    rows: list[list[Any]] = []
    numbers: list[int] = []
    problems: list[str] = []
    try:
        for cells in reader:
            if not "".join(cells).strip():
                continue
            if headers is None:
                headers = [c.strip() for c in cells]
                continue
            problem = row_width_problem(cells, headers, delimiter)
            if problem:
                problems.append(f"row {reader.line_num}: {problem}")
            rows.append(cells)
            numbers.append(reader.line_num)
    except csv.Error as exc:
        raise RejectedInput(f"{source}: line {reader.line_num} cannot be read as CSV ({exc})") from None
    if headers is None:
        raise RejectedInput(f"{source} is empty")
    if problems:
        raise RejectedInput(describe_problems(source, problems))
    return Table(source, headers, rows, numbers)


def header_key(text: str) -> str:
    """How headers are compared: case, accents of spacing, units in brackets and punctuation ignored."""
    value = str(text).replace("\u00a0", " ").strip().casefold()
    value = re.sub(r"\(.*?\)|\[.*?\]|€|eur\b", "", value)
    value = re.sub(r"[\s_\-./:]+", " ", value).strip()
    return value


@dataclass(frozen=True, slots=True)
class Column:
    """A column a file kind knows: its key, the header names people use, how to read a cell."""

    key: str
    aliases: tuple[str, ...]
    parse: Callable[[Any], Any]
    required: bool = False
    # Known but unused columns are accepted and ignored (an invoice's "Model" column, say).
    ignored: bool = False


def map_headers(table: Table, columns: Sequence[Column]) -> dict[str, int]:
    """Column key -> cell index; unknown, doubled or missing required columns are refused."""
    lookup: dict[str, Column] = {}
    for column in columns:
        for alias in (column.key, *column.aliases):
            lookup[header_key(alias)] = column
    found: dict[str, int] = {}
    unknown: list[str] = []
    for index, header in enumerate(table.headers):
        if not str(header).strip():
            continue
        match = lookup.get(header_key(header))
        if match is None:
            unknown.append(str(header))
        elif match.key in found:
            raise RejectedInput(f"{table.source}: the column '{header}' appears twice; nothing was imported")
        elif not match.ignored:
            found[match.key] = index
    if unknown:
        known = ", ".join(c.aliases[0] if c.aliases else c.key for c in columns)
        names = ", ".join(f"'{u}'" for u in unknown)
        raise RejectedInput(f"{table.source}: unknown column {names}; known columns: {known}; nothing was imported")
    missing = [c for c in columns if c.required and c.key not in found]
    if missing:
        names = ", ".join(f"'{c.aliases[0] if c.aliases else c.key}'" for c in missing)
        raise RejectedInput(f"{table.source}: the column {names} is missing; nothing was imported")
    return found


def parse_rows(table: Table, columns: Sequence[Column]) -> list[dict[str, Any]]:
    """Every row as ``{key: value, "row": number}``; any bad cell refuses the whole file.

    A required column's empty cell is a problem; an optional one's is None.
    """
    index = map_headers(table, columns)
    by_key = {c.key: c for c in columns}
    # Looked up once, not per cell: files run to tens of thousands of rows.
    plan = [(key, i, by_key[key].parse, by_key[key].required) for key, i in index.items()]
    result: list[dict[str, Any]] = []
    problems: list[str] = []
    for cells, number in zip(table.rows, table.row_numbers, strict=True):
        values: dict[str, Any] = {"row": number}
        width = len(cells)
        for key, i, parse, required in plan:
            raw = cells[i] if i < width else None
            if raw is None or (isinstance(raw, str) and not raw.strip()):
                if required:
                    problems.append(f"row {number}: '{table.headers[i]}' is empty")
                values[key] = None
                continue
            try:
                values[key] = parse(raw)
            except RejectedInput as exc:
                problems.append(f"row {number}: {exc} (column '{table.headers[i]}')")
        result.append(values)
    if problems:
        raise RejectedInput(describe_problems(table.source, problems))
    return result


def describe_problems(source: str, problems: Sequence[str]) -> str:
    shown = "; ".join(problems[:SHOWN_PROBLEMS])
    more = f"; and {len(problems) - SHOWN_PROBLEMS} more" if len(problems) > SHOWN_PROBLEMS else ""
    return f"{source}: {len(problems)} problem(s), nothing was imported: {shown}{more}"


# ---- cell parsers (accept strings from CSV and typed values from XLSX) --------------------------


def text_cell(value: Any) -> str:
    if type(value) is str:  # the CSV case, first
        return value.strip()
    if isinstance(value, float) and value.is_integer():
        # A spreadsheet shows 4105 as 4105, not 4105.0 (cost centres, serials of digits).
        return str(int(value))
    return str(value).strip()


def cents_cell(value: Any) -> int:
    cents = euros_to_cents(value if not isinstance(value, str) else value.strip())
    if cents is None:
        raise RejectedInput(f"'{value}' is not a euro amount")
    return cents


def int_cell(value: Any) -> int:
    if isinstance(value, bool):
        raise RejectedInput(f"'{value}' is not a whole number")
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value.is_integer():
            return int(value)
        raise RejectedInput(f"'{value}' is not a whole number")
    text = re.sub(r"[\s\u00a0\u202f]", "", str(value))
    if not re.fullmatch(r"-?\d+", text):
        raise RejectedInput(f"'{value}' is not a whole number")
    return int(text)


def decimal_cell(value: Any) -> Decimal:
    if isinstance(value, bool):
        raise RejectedInput(f"'{value}' is not a number")
    if isinstance(value, (int, float, Decimal)):
        return Decimal(str(value))
    text = re.sub(r"[\s\u00a0\u202f]", "", str(value)).replace(",", ".")
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise RejectedInput(f"'{value}' is not a number") from None
    if not number.is_finite():
        raise RejectedInput(f"'{value}' is not a number")
    return number


def date_cell(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    parsed = parse_date(str(value))
    if parsed is None:
        raise RejectedInput(f"'{value}' is not a date")
    return parsed


def choice_cell(choices: dict[str, str], what: str) -> Callable[[Any], str]:
    """A parser mapping words (any case, Finnish or English) to one of the stored values."""
    table = {header_key(k): v for k, v in choices.items()}

    def parse(value: Any) -> str:
        found = table.get(header_key(str(value)))
        if found is None:
            allowed = ", ".join(sorted(set(choices.values())))
            raise RejectedInput(f"'{value}' is not a {what} (use one of: {allowed})")
        return found

    return parse


def rows_as_text(rows: Iterable[Sequence[Any]]) -> list[list[str]]:
    """Cells as text, for writing a Table back out or comparing in tests."""
    return [["" if c is None else str(c) for c in row] for row in rows]
