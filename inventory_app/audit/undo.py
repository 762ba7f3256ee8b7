"""Undoing the latest scan of an audit still in force (a sighting or an unknown code): an insert-only
UNDO event; a move puts the device back (with its site), the device's last sighting goes back to the one
before, and a placeholder registered in this audit is dropped.

Plain functions of an open ``AuditSession``; its ``undo_last`` delegates here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from inventory_app.audit.queries import active_events
from inventory_app.audit.results import ScanResult
from inventory_app.core.enums import DeviceStatus, ScanMethod, ScanOutcome
from inventory_app.storage import repositories as repo
from inventory_app.storage.schema import DeviceRecord, RoomRecord, ScanEventRecord

if TYPE_CHECKING:
    from inventory_app.audit.engine import AuditSession

# Outcomes that can be undone: the sightings (found, moved, other site) and the unknown codes.
UNDOABLE = (ScanOutcome.FOUND.value, ScanOutcome.MOVED.value, ScanOutcome.OTHER_SITE.value, ScanOutcome.UNKNOWN.value)


def undo_last(audit: AuditSession) -> ScanResult | None:
    """Undo the latest sighting or unknown scan still in force; a move puts the device back."""
    candidates = [e for e in active_events(audit._events) if e.outcome in UNDOABLE]
    if not candidates:
        return None
    target = candidates[-1]
    with audit.store.unit_of_work() as uow:
        s = uow.session
        undo = ScanEventRecord(
            audit_id=audit.audit_id,
            room_id=target.room_id,
            raw_code=target.raw_code,
            code=target.code,
            method=target.method,
            scanned_at=audit._stamp_time(),
            device_id=target.device_id,
            outcome=ScanOutcome.UNDO.value,
            undoes_event_id=target.id,
            replica_id=audit.store.replica_id,
        )
        s.add(undo)
        view = None
        if target.device_id:
            device = s.get(DeviceRecord, target.device_id)
            if device is not None:
                if target.outcome == ScanOutcome.MOVED.value:
                    device.room_id = target.previous_room_id
                    if target.previous_room_id:
                        prev = s.get(RoomRecord, target.previous_room_id)
                        if prev is not None:
                            device.site_id = prev.site_id
                if (
                    target.outcome != ScanOutcome.OTHER_SITE.value
                    and device.last_seen_audit_id == audit.audit_id
                    and device.last_seen_room_id == target.room_id
                ):
                    restore_last_seen(s, device, target, undo)
                if device.status == DeviceStatus.PLACEHOLDER.value and created_here(audit._events, target.device_id):
                    device.deleted = True
                uow.flush()
                view = repo.device_view(s, device.id)
        uow.flush()
        audit._events.append(undo)
    audit._last_code = None
    return audit._result(ScanOutcome.UNDO, target.code, device=view, event_id=undo.id)


def restore_last_seen(s: Session, device: DeviceRecord, target: ScanEventRecord, undo: ScanEventRecord) -> None:
    """The device's last sighting before the undone one (any audit, still in force), or none."""
    undone = select(ScanEventRecord.undoes_event_id).where(
        ScanEventRecord.outcome == ScanOutcome.UNDO.value, ScanEventRecord.undoes_event_id.is_not(None)
    )
    s.flush()
    earlier = s.scalars(
        select(ScanEventRecord)
        .where(
            ScanEventRecord.device_id == device.id,
            ScanEventRecord.id != target.id,
            ScanEventRecord.outcome.in_((ScanOutcome.FOUND.value, ScanOutcome.MOVED.value)),
            ScanEventRecord.scanned_at < target.scanned_at,
            ScanEventRecord.id.not_in(undone),
        )
        .order_by(ScanEventRecord.scanned_at.desc())
        .limit(1)
    ).first()
    device.last_seen_at = earlier.scanned_at if earlier else None
    device.last_seen_audit_id = earlier.audit_id if earlier else None
    device.last_seen_room_id = earlier.room_id if earlier else None
    device.last_seen_method = earlier.method if earlier else None


def created_here(events: list[ScanEventRecord], device_id: str) -> bool:
    """Whether this audit registered the device (quick add or placeholder kept)."""
    return any(
        e.device_id == device_id
        and e.outcome == ScanOutcome.FOUND.value
        and e.previous_room_id is None
        and e.method == ScanMethod.REGISTER.value
        for e in events
    )
