"""What an audit reports back: a scan's result, a room's progress, the summary, the open audits.

Plain values, shared by the engine, the scan-log import, the CLI and the window.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import select

from inventory_app.core.devices import DeviceView
from inventory_app.core.enums import AuditStatus, ScanOutcome
from inventory_app.storage.schema import AuditRecord, SiteRecord
from inventory_app.storage.store import Store


def utcnow() -> datetime:
    return datetime.now(UTC)


class ScanReason(StrEnum):
    """Why a scan came out as it did, where the outcome alone does not say it. The window words each
    reason in the user's language; ``describe`` words it in English for the command line."""

    EMPTY = "empty"  # nothing was scanned
    WRONG_CHECK_CHARACTER = "wrong_check_character"  # shaped like an asset tag, check character wrong
    ROOM_OF_OTHER_SITE = "room_of_other_site"  # a room label of another site (other_site names it)
    NOT_A_ROOM = "not_a_room"  # a room label that names no room we know
    NO_ROOM = "no_room"  # a device before any room was picked
    JUST_SCANNED = "just_scanned"  # the same code again within the repeat window
    ALREADY_UNKNOWN = "already_unknown"  # an unknown code already noted in this audit
    ALREADY_IN_ROOM = "already_in_room"  # a device already recorded in this room
    ALREADY_SEEN_HERE = "already_seen_here"  # a device of another site seen in this room before, still not moved
    REGISTERED = "registered"  # an unknown code registered as a device
    PLACEHOLDER_KEPT = "placeholder_kept"  # an unknown code kept as a placeholder to sort out later
    MOVE_CONFIRMED = "move_confirmed"  # a device of another site moved here after the auditor confirmed
    MARKED_RETIRED = "marked_retired"  # found (or moved) here, but recorded as retired or recycled
    RETURNED_TO_USE = "returned_to_use"  # a device found marked retired put back in use by the auditor


@dataclass(frozen=True, slots=True)
class ScanResult:
    """A scan's outcome with its reason and parameters; no sentences (``describe`` has the English)."""

    outcome: ScanOutcome
    code: str
    reason: ScanReason | None = None
    device: DeviceView | None = None
    room_id: str | None = None
    room_code: str | None = None
    previous_room_code: str | None = None
    event_id: str | None = None
    candidates: int = 0
    other_site: str | None = None  # the name of the other site (its room label, or the device's site)

    @property
    def message(self) -> str:
        return describe(self)

    def to_json(self) -> dict[str, Any]:
        return {
            "outcome": self.outcome.value,
            "reason": self.reason.value if self.reason else None,
            "code": self.code,
            "message": self.message,
            "device": self.device.to_json() if self.device else None,
            "room": self.room_code,
            "previous_room": self.previous_room_code,
            "other_site": self.other_site,
            "event_id": self.event_id,
        }


def describe(result: ScanResult, site: str = "this site") -> str:
    """The command line's English one-liner for a scan result (the window has its own, translated)."""
    code, reason, room = result.code, result.reason, result.room_code or "no room"
    status = result.device.status if result.device else "retired"
    reasons = {
        ScanReason.EMPTY: "Nothing was scanned (empty code).",
        ScanReason.WRONG_CHECK_CHARACTER: f"{code}: wrong check character. Check the label and scan or type it again.",
        ScanReason.ROOM_OF_OTHER_SITE: f"Room label {code} belongs to another site ({result.other_site}); "
        f"this audit covers {site}.",
        ScanReason.NOT_A_ROOM: f"Room label {code} is not a room of {site}. Scan another room label or pick the "
        "room before scanning devices.",
        ScanReason.NO_ROOM: "Scan a room label or pick a room first.",
        ScanReason.JUST_SCANNED: f"{code} was just scanned; ignored.",
        ScanReason.ALREADY_UNKNOWN: f"{code} is already noted as unknown in this audit.",
        ScanReason.ALREADY_IN_ROOM: f"{code} is already recorded in this room.",
        ScanReason.ALREADY_SEEN_HERE: f"{code} was already seen here; it still belongs to {result.other_site} "
        f"({result.previous_room_code or 'no room'}). Confirm the move to record it in this site.",
        ScanReason.REGISTERED: f"{code} registered in {room}.",
        ScanReason.PLACEHOLDER_KEPT: f"{code} kept as a placeholder in {room}.",
        ScanReason.MARKED_RETIRED: f"{code} found in {room}, but it is marked {status} in the inventory.",
        ScanReason.RETURNED_TO_USE: f"{code} is in use again (it was marked retired).",
        ScanReason.MOVE_CONFIRMED: f"{code} moved here from {result.other_site} ({result.previous_room_code or 'no room'}).",
    }
    if reason in reasons:
        return reasons[reason]
    outcomes = {
        ScanOutcome.FOUND: f"{code} found.",
        ScanOutcome.MOVED: f"{code} moved here from {result.previous_room_code or 'no room'}.",
        ScanOutcome.OTHER_SITE: f"{code} belongs to {result.other_site} ({result.previous_room_code or 'no room'}); "
        "seen here, not moved. Confirm the move to record it in this site.",
        ScanOutcome.UNKNOWN: f"{code} is not in the inventory.",
        ScanOutcome.AMBIGUOUS: f"{code} matches {result.candidates} devices; scan the asset tag instead.",
        ScanOutcome.ROOM: f"Room {room} is now current.",
        ScanOutcome.UNDO: f"Undid the scan of {code}.",
        ScanOutcome.REPEAT: f"{code} was already scanned; ignored.",
    }
    return outcomes.get(result.outcome, f"{code} cannot be recorded here.")


@dataclass(frozen=True, slots=True)
class RoomProgress:
    room_id: str
    room_code: str
    expected: int
    found: int
    moved_in: int
    retired_seen: int = 0  # devices marked retired or recycled seen here (not expected, not found)
    moved_out: int = 0  # devices recorded here at the start, found in another room by this audit

    @property
    def remaining(self) -> int:
        return self.expected - self.found


@dataclass(slots=True)
class AuditSummary:
    audit_id: str
    site: str
    status: str
    started_at: datetime
    finished_at: datetime | None
    rooms_audited: int
    counts: dict[str, int] = field(default_factory=dict)
    missing: int = 0
    decisions: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "audit_id": self.audit_id,
            "site": self.site,
            "status": self.status,
            "started_at": self.started_at.isoformat(),
            "finished_at": self.finished_at.isoformat() if self.finished_at else None,
            "rooms_audited": self.rooms_audited,
            **self.counts,
            "missing": self.missing,
            "decisions": self.decisions,
        }


@dataclass(slots=True)
class AuditInfo:
    audit_id: str
    site_id: str
    site: str
    auditor: str | None
    started_at: datetime
    status: str


def open_audits(store: Store, site_id: str | None = None) -> list[AuditInfo]:
    """Unfinished audits, newest first: what the app offers to resume."""
    with store.read() as s:
        stmt = (
            select(AuditRecord, SiteRecord.name)
            .join(SiteRecord, SiteRecord.id == AuditRecord.site_id)
            .where(AuditRecord.status == AuditStatus.OPEN.value, AuditRecord.deleted.is_(False))
            .order_by(AuditRecord.started_at.desc())
        )
        if site_id:
            stmt = stmt.where(AuditRecord.site_id == site_id)
        return [AuditInfo(a.id, a.site_id, name, a.auditor, a.started_at, a.status) for a, name in s.execute(stmt)]
