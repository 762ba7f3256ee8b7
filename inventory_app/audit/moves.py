"""Decisions the auditor takes on a device already seen in this audit: a device of another site
waiting to be moved here (``confirm_move``, offered again by ``waiting_move``), and a device found
marked retired or recycled put back in use (``return_to_use``).

Plain functions of an open ``AuditSession``; its methods of the same names delegate here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from inventory_app.audit.queries import GONE, latest_sightings, seen_from_other_sites
from inventory_app.audit.results import ScanReason, ScanResult
from inventory_app.core.enums import AuditStatus, DeviceStatus, ScanMethod, ScanOutcome
from inventory_app.core.errors import RejectedInput
from inventory_app.storage import repositories as repo
from inventory_app.storage.schema import DeviceRecord, RoomRecord, ScanEventRecord, SiteRecord

if TYPE_CHECKING:
    from inventory_app.audit.engine import AuditSession


def other_site_result(
    audit: AuditSession, s: Session, event: ScanEventRecord, code: str, reason: ScanReason | None = None
) -> ScanResult:
    """The result for a device of another site seen here (``event``): where it belongs, and the
    event ``confirm_move`` takes."""
    device = s.get(DeviceRecord, event.device_id) if event.device_id else None
    other = s.get(SiteRecord, device.site_id) if device is not None else None
    old_room = s.get(RoomRecord, device.room_id) if device is not None and device.room_id else None
    room = s.get(RoomRecord, event.room_id) if event.room_id else None
    return audit._result(
        ScanOutcome.OTHER_SITE,
        code,
        reason,
        device=repo.device_view(s, device.id) if device is not None else None,
        other_site=other.name if other else None,
        previous_room_code=old_room.code if old_room else None,
        event_id=event.id,
        room_id=event.room_id,
        room_code=room.code if room else None,
    )


def waiting_move(audit: AuditSession) -> ScanResult | None:
    """When the audit's latest scan is a device of another site still waiting to be moved here:
    its result again (reason ``ALREADY_SEEN_HERE``), so the move is offered as it was before a
    restart or a repeated scan; else None."""
    events = audit._events
    if not events or events[-1].outcome != ScanOutcome.OTHER_SITE.value:
        return None
    last = events[-1]
    if last.id not in {e.id for e in seen_from_other_sites(events)}:
        return None
    with audit.store.read() as s:
        device = s.get(DeviceRecord, last.device_id) if last.device_id else None
        if device is None or device.deleted or device.site_id == audit.site_id:
            return None
        return other_site_result(audit, s, last, last.code, ScanReason.ALREADY_SEEN_HERE)


def pending_move(events: list[ScanEventRecord]) -> ScanEventRecord | None:
    """The latest device of another site seen here and not yet moved (what ``confirm_move`` moves)."""
    waiting = seen_from_other_sites(events)
    return max(waiting, key=lambda e: (e.scanned_at, e.id)) if waiting else None


def confirm_move(audit: AuditSession, event_id: str | None = None) -> ScanResult:
    """The auditor confirms that a device of another site now belongs here: move it into the room
    where it was seen (undo puts it back, with its site and last sighting)."""
    if audit.status != AuditStatus.OPEN.value:
        raise RejectedInput("this audit is finished; start a new one to scan", code="audit_finished")
    waiting = {e.id: e for e in seen_from_other_sites(audit._events)}
    target = waiting.get(event_id) if event_id else pending_move(audit._events)
    if target is None or target.device_id is None:
        raise RejectedInput("no device of another site is waiting to be moved here", code="no_move_waiting")
    with audit.store.unit_of_work() as uow:
        s = uow.session
        device = s.get(DeviceRecord, target.device_id)
        if device is None or device.deleted:
            raise RejectedInput(f"{target.code} is no longer in the inventory", code="device_gone", device=target.code)
        old_site = s.get(SiteRecord, device.site_id)
        event = ScanEventRecord(
            audit_id=audit.audit_id,
            room_id=target.room_id,
            raw_code=target.raw_code,
            code=target.code,
            symbology=target.symbology,
            method=target.method,
            scanned_at=audit._stamp_time(),
            replica_id=audit.store.replica_id,
            device_id=device.id,
            previous_room_id=device.room_id,
        )
        audit._record_sighting(s, device, event, target.room_id, ScanMethod(target.method))
        room = s.get(RoomRecord, target.room_id) if target.room_id else None
        previous = s.get(RoomRecord, event.previous_room_id) if event.previous_room_id else None
        view = repo.device_view(s, device.id)
    audit._last_code = None
    return audit._result(
        ScanOutcome.MOVED,
        target.code,
        ScanReason.MOVE_CONFIRMED,
        device=view,
        room_id=target.room_id,
        room_code=room.code if room else None,
        previous_room_code=previous.code if previous else None,
        other_site=old_site.name if old_site else None,
        event_id=event.id,
    )


def return_to_use(audit: AuditSession, event_id: str) -> ScanResult:
    """The auditor says the device of this sighting, found marked retired or recycled, is in use."""
    if audit.status != AuditStatus.OPEN.value:
        raise RejectedInput("this audit is finished; start a new one to scan", code="audit_finished")
    target = next(
        (
            e
            for e in latest_sightings(audit._events).values()
            if e.id == event_id and e.outcome != ScanOutcome.OTHER_SITE.value
        ),
        None,
    )
    with audit.store.unit_of_work() as uow:
        s = uow.session
        device = s.get(DeviceRecord, target.device_id) if target is not None and target.device_id else None
        if target is None or device is None or device.deleted or device.status not in GONE:
            raise RejectedInput("no device marked retired is waiting here", code="not_retired")
        device.status = DeviceStatus.IN_USE.value
        uow.flush()
        view = repo.device_view(s, device.id)
        room = s.get(RoomRecord, target.room_id) if target.room_id else None
    audit._last_code = None
    return audit._result(
        ScanOutcome(target.outcome),
        target.code,
        ScanReason.RETURNED_TO_USE,
        device=view,
        room_id=target.room_id,
        room_code=room.code if room else None,
        event_id=target.id,
    )
