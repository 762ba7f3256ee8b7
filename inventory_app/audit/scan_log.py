"""Handheld scanners' batch files: one code per line (sometimes with a date and time beside it)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from inventory_app.audit.engine import AuditSession, resolve_room_label
from inventory_app.core.enums import ScanMethod, ScanOutcome
from inventory_app.core.errors import RejectedInput
from inventory_app.core.identifiers import ROOM_LABEL_PREFIX, identifier_key
from inventory_app.storage import repositories as repo
from inventory_app.storage.store import Store

_DATE_OR_TIME = re.compile(r"^(\d{1,4}[-./]\d{1,2}[-./]\d{1,4}|\d{1,2}:\d{2}(:\d{2})?)$")
_SEPARATORS = re.compile(r"[,;\t]")
MAX_LINE = 300


def codes_from_lines(lines: Iterable[str]) -> list[tuple[int, str]]:
    """(line number, code) for each line holding a code; date/time fields beside a code are dropped."""
    codes: list[tuple[int, str]] = []
    for number, line in enumerate(lines, start=1):
        text = line.strip().strip("\ufeff")
        if not text or text.startswith("#"):
            continue
        if len(text) > MAX_LINE:
            raise RejectedInput(f"line {number} is {len(text)} characters long; this is not a scan log")
        fields = [f.strip().strip('"') for f in _SEPARATORS.split(text)] if _SEPARATORS.search(text) else [text]
        kept = [f for f in fields if f and not _DATE_OR_TIME.match(f)]
        if kept:
            codes.append((number, kept[0]))
    return codes


@dataclass(slots=True)
class LogImportResult:
    audit_id: str
    lines: int
    counts: dict[str, int] = field(default_factory=dict)
    rooms: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"audit_id": self.audit_id, "lines": self.lines, **self.counts, "rooms": self.rooms}


def import_log(store: Store, site: str, lines: Iterable[str], *, room: str | None = None,
               auditor: str | None = None, session: AuditSession | None = None) -> LogImportResult:
    """Feed a scan log through the same engine as live scanning (the site's open audit, or a new one)."""
    codes = codes_from_lines(lines)
    if not codes:
        raise RejectedInput("the file holds no codes")
    _check_room_labels(store, site, codes)
    session = session or AuditSession.start_or_resume(store, site, auditor)
    if room:
        session.set_room(room, method=ScanMethod.LOG)
    counts = {k: 0 for k in ("found", "moved", "unknown", "repeat", "invalid", "ambiguous")}
    rooms: list[str] = []
    for _, code in codes:
        # In a log any earlier registration of the code in this audit is a repeat; no time window.
        result = session.scan(code, ScanMethod.LOG, time_window=False)
        if result.outcome is ScanOutcome.ROOM:
            if result.room_code and result.room_code not in rooms:
                rooms.append(result.room_code)
        elif result.outcome.value in counts:
            counts[result.outcome.value] += 1
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
        raise RejectedInput(f"room labels that are not rooms of this site: {shown}; nothing was imported. "
                            "Fix or remove those lines, or add the rooms first.")
