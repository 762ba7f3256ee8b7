"""What an audit reports back: a scan's result, a room's progress, the summary, the open audits.

Plain values, shared by the engine, the scan-log import, the CLI and the window.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select

from inventory_app.core.devices import DeviceView
from inventory_app.core.enums import AuditStatus, ScanOutcome
from inventory_app.storage.schema import AuditRecord, SiteRecord
from inventory_app.storage.store import Store


def utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class ScanResult:
    outcome: ScanOutcome
    code: str
    message: str
    device: DeviceView | None = None
    room_id: str | None = None
    room_code: str | None = None
    previous_room_code: str | None = None
    event_id: str | None = None
    candidates: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "outcome": self.outcome.value,
            "code": self.code,
            "message": self.message,
            "device": self.device.to_json() if self.device else None,
            "room": self.room_code,
            "previous_room": self.previous_room_code,
            "event_id": self.event_id,
        }


@dataclass(frozen=True, slots=True)
class RoomProgress:
    room_id: str
    room_code: str
    expected: int
    found: int
    moved_in: int

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
            "audit_id": self.audit_id, "site": self.site, "status": self.status,
            "started_at": self.started_at.isoformat(),
            "finished_at": self.finished_at.isoformat() if self.finished_at else None,
            "rooms_audited": self.rooms_audited, **self.counts, "missing": self.missing,
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
