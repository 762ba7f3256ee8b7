"""An unknown code scanned in an audit: register it as a device in the current room, or keep it as a
placeholder (a device the auditor will fill in later).

Plain functions of an open ``AuditSession``; its ``quick_add`` and ``keep_placeholder`` delegate here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from inventory_app.audit.results import ScanReason, ScanResult
from inventory_app.core.enums import DeviceStatus, ScanMethod, ScanOutcome
from inventory_app.core.errors import RejectedInput
from inventory_app.core.identifiers import clean_code, device_id_for_tag, identifier_key, is_valid_tag
from inventory_app.inventory.service import InventoryService
from inventory_app.storage import repositories as repo
from inventory_app.storage.schema import DeviceRecord, ScanEventRecord
from inventory_app.storage.store import Store

if TYPE_CHECKING:
    from inventory_app.audit.engine import AuditSession


def devices_with(store: Store, code: str) -> list[str]:
    """The ids of the devices that carry this code as any of their identifiers."""
    with store.read() as s:
        return [d.id for d in repo.devices_by_identifier(s, code)]


def quick_add(
    audit: AuditSession,
    code: str,
    category: str | None,
    fields: dict[str, str] | None = None,
    *,
    placeholder: bool = False,
) -> ScanResult:
    """Register an unknown code as a device in the current room (or keep it as a placeholder)."""
    if audit.current_room_id is None:
        raise RejectedInput("pick a room first", code="pick_room_first")
    text = clean_code(code)
    if not text:
        raise RejectedInput("the code is empty", code="empty_code")
    if repo_devices := devices_with(audit.store, text):
        raise RejectedInput(f"{text} is already on device {repo_devices[0]}", code="code_on_device", code_text=text)

    tag = identifier_key(text) if is_valid_tag(text) else None
    with audit.store.unit_of_work() as uow:
        s = uow.session
        device = DeviceRecord(
            id=device_id_for_tag(tag) if tag else None,
            asset_tag=tag,
            serial=None if tag else text,
            site_id=audit.site_id,
            room_id=audit.current_room_id,
            status=(DeviceStatus.PLACEHOLDER if placeholder else DeviceStatus.IN_USE).value,
            condition="unknown",
            ownership="owned",
        )
        extra = dict(fields or {})
        if category:
            extra["category"] = category
        InventoryService(audit.store).apply_changes(uow, device, extra)
        now = audit._stamp_time()
        device.last_seen_at = now
        device.last_seen_audit_id = audit.audit_id
        device.last_seen_room_id = audit.current_room_id
        device.last_seen_method = ScanMethod.KEYBOARD.value
        s.add(device)
        uow.flush()
        event = ScanEventRecord(
            audit_id=audit.audit_id,
            room_id=audit.current_room_id,
            raw_code=text,
            code=text,
            method=ScanMethod.REGISTER.value,
            scanned_at=now,
            device_id=device.id,
            outcome=ScanOutcome.FOUND.value,
            replica_id=audit.store.replica_id,
        )
        s.add(event)
        uow.flush()
        audit._events.append(event)
        view = repo.device_view(s, device.id)
    reason = ScanReason.PLACEHOLDER_KEPT if placeholder else ScanReason.REGISTERED
    return audit._result(ScanOutcome.FOUND, text, reason, device=view, event_id=event.id)
