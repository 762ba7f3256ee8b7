"""Handheld scanners' batch files: one code per line (sometimes with a date and time beside it)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, NamedTuple

from inventory_app.audit.engine import AuditSession, resolve_room_label
from inventory_app.audit.results import ScanReason
from inventory_app.core.enums import ScanMethod, ScanOutcome
from inventory_app.core.errors import RejectedInput
from inventory_app.core.identifiers import ROOM_LABEL_PREFIX, identifier_key
from inventory_app.storage import repositories as repo
from inventory_app.storage.store import Store

_DATE = r"(\d{4})-(\d{1,2})-(\d{1,2})|(\d{1,2})[./-](\d{1,2})[./-](\d{4})"
_TIME = r"(\d{1,2}):(\d{2})(?::(\d{2}))?"
_DATE_RE = re.compile(rf"^(?:{_DATE})$")
_TIME_RE = re.compile(rf"^{_TIME}$")
_DATE_TIME_RE = re.compile(rf"^(?:{_DATE})[ T]{_TIME}$")
_SEPARATORS = re.compile(r"[,;\t]")
_CONTROLS = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")  # all but the tab, which may separate fields
# Header words of the code column in the files handheld scanners write (English and Finnish).
_CODE_HEADERS = {"barcode", "code", "data", "value", "scan", "koodi", "viivakoodi", "tunnus"}
_OTHER_HEADERS = {
    "date",
    "time",
    "datetime",
    "timestamp",
    "pvm",
    "päivä",
    "päivämäärä",
    "aika",
    "kellonaika",
    "no",
    "nr",
    "#",
    "id",
    "type",
    "symbology",
    "count",
    "qty",
    "tyyppi",
    "määrä",
}
MAX_LINE = 300


class LogScan(NamedTuple):
    line: int
    code: str
    at: datetime | None  # the scan's own time, when the scanner wrote one


def _when(fields: list[str]) -> datetime | None:
    """The scan time written beside a code (day first, or ISO), in UTC; local time is assumed."""
    date_m = time_m = None
    for f in fields:
        if m := _DATE_TIME_RE.match(f):
            date_m = time_m = m
            break
        if m := _DATE_RE.match(f):
            date_m = m
        elif m := _TIME_RE.match(f):
            time_m = m
    if date_m is None:
        return None
    g = date_m.groups()
    year, month, day = (g[0], g[1], g[2]) if g[0] else (g[5], g[4], g[3])
    hms = time_m.groups()[-3:] if time_m is not None else (None, None, None)
    try:
        local = datetime(int(year), int(month), int(day), int(hms[0] or 0), int(hms[1] or 0), int(hms[2] or 0))
    except ValueError:
        return None
    return local.astimezone().astimezone(UTC)


def _is_date_or_time(text: str) -> bool:
    return bool(_DATE_RE.match(text) or _TIME_RE.match(text) or _DATE_TIME_RE.match(text))


def _header_column(fields: list[str]) -> int | None:
    """The code column's index when ``fields`` is a header row ("Date","Time","Barcode"), else None."""
    words = [f.lower() for f in fields]
    if len(words) < 2 or not all(w in _CODE_HEADERS or w in _OTHER_HEADERS for w in words):
        return None
    return next((i for i, w in enumerate(words) if w in _CODE_HEADERS), None)


def scans_from_lines(lines: Iterable[str]) -> list[LogScan]:
    """Each code of a scanner's file with its line number and own time: one code a line, or delimited
    with date and time columns and an optional header row that names the code column."""
    scans: list[LogScan] = []
    code_column: int | None = None
    first = True
    for number, line in enumerate(lines, start=1):
        text = _CONTROLS.sub("", line).strip().strip("\ufeff")
        if not text or text.startswith("#"):
            continue
        if len(text) > MAX_LINE:
            raise RejectedInput(
                f"line {number} is {len(text)} characters long; this is not a scan log",
                code="log_line_too_long",
                line=number,
                length=len(text),
            )
        fields = [f.strip().strip('"').strip() for f in _SEPARATORS.split(text)] if _SEPARATORS.search(text) else [text]
        if first:
            first = False
            header = _header_column(fields)
            if header is not None:
                code_column = header
                continue
        if code_column is not None and code_column < len(fields) and fields[code_column]:
            code = fields[code_column]
        else:
            code = next((f for f in fields if f and not _is_date_or_time(f)), "")
        if code:
            scans.append(LogScan(number, code, _when(fields)))
    return scans


def codes_from_lines(lines: Iterable[str]) -> list[tuple[int, str]]:
    """(line number, code) for each line holding a code; date/time fields beside a code are dropped."""
    return [(scan.line, scan.code) for scan in scans_from_lines(lines)]


@dataclass(slots=True)
class LogImportResult:
    audit_id: str
    lines: int
    counts: dict[str, int] = field(default_factory=dict)
    rooms: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"audit_id": self.audit_id, "lines": self.lines, **self.counts, "rooms": self.rooms}


def import_log(
    store: Store,
    site: str,
    lines: Iterable[str],
    *,
    room: str | None = None,
    auditor: str | None = None,
    session: AuditSession | None = None,
) -> LogImportResult:
    """Feed a scan log through the same engine as live scanning (the site's open audit, or a new one)."""
    scans = scans_from_lines(lines)
    codes = [(scan.line, scan.code) for scan in scans]
    if not codes:
        raise RejectedInput("the file holds no codes", code="log_no_codes")
    _check_room_labels(store, site, codes)
    session = session or AuditSession.start_or_resume(store, site, auditor)
    if room:
        session.set_room(room, method=ScanMethod.LOG)
    counts = {
        k: 0 for k in ("found", "moved", "other_site", "unknown", "repeat", "invalid", "ambiguous", "marked_retired")
    }
    rooms: list[str] = []
    for scan in scans:
        # In a log any earlier registration of the code in this audit is a repeat; no time window.
        result = session.scan(scan.code, ScanMethod.LOG, time_window=False, at=scan.at)
        if result.outcome is ScanOutcome.ROOM:
            if result.room_code and result.room_code not in rooms:
                rooms.append(result.room_code)
        elif result.reason is ScanReason.ALREADY_SEEN_HERE:
            counts["repeat"] += 1  # a device of another site already seen here: nothing recorded again
        elif result.outcome.value in counts:
            counts[result.outcome.value] += 1
            if result.reason is ScanReason.MARKED_RETIRED:
                counts["marked_retired"] += 1  # of the found and moved: marked retired or recycled
    return LogImportResult(session.audit_id, len(codes), counts, rooms)


def _check_room_labels(store: Store, site: str, codes: list[tuple[int, str]]) -> None:
    """Refuse the whole log, before anything is recorded, when a room label is not one of the site's
    rooms: the devices after it would otherwise be counted in the wrong room."""
    with store.read() as s:
        site_id = repo.find_site(s, site).id
        bad = []
        for line, code in codes:
            key = identifier_key(code)
            if not key.startswith(ROOM_LABEL_PREFIX):
                continue
            room, is_device = resolve_room_label(s, key)
            if is_device or (room is not None and room.site_id == site_id):
                continue
            bad.append(f"line {line} ({code})")
    if bad:
        shown = ", ".join(bad[:5]) + (f" and {len(bad) - 5} more" if len(bad) > 5 else "")
        raise RejectedInput(
            f"room labels that are not rooms of this site: {shown}; nothing was imported. "
            "Fix or remove those lines, or add the rooms first.",
            code="log_foreign_rooms",
            lines=shown,
        )
