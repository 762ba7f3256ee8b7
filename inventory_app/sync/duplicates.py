"""Duplicates: one physical device registered twice (the same serial under two different tags).

The same label is never a duplicate: its device id is derived from the tag, so two laptops make one
row. Two tags on one serial are found after every sync and offered for merging. The survivor is
chosen the same way everywhere (a device with an asset tag before one without, then the tag, then
the id); the other is marked ``merged_into`` the survivor, an ordinary edit that syncs and that
undo clears. Scan events are insert-only, so they are re-pointed when read: the survivor's scans
include those of every device merged into it (``scan_event_ids``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, or_, select

from inventory_app.core.errors import NotFound, RejectedInput
from inventory_app.core.identifiers import identifier_key
from inventory_app.storage.schema import DeviceRecord, ScanEventRecord
from inventory_app.storage.store import Store


@dataclass(slots=True)
class DuplicateDevice:
    id: str
    asset_tag: str | None
    serial: str | None
    site_id: str | None
    status: str

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "asset_tag": self.asset_tag,
            "serial": self.serial,
            "site_id": self.site_id,
            "status": self.status,
        }


@dataclass(slots=True)
class DuplicateGroup:
    serial_key: str
    devices: list[DuplicateDevice]  # the survivor first

    @property
    def survivor(self) -> DuplicateDevice:
        return self.devices[0]

    def to_json(self) -> dict[str, Any]:
        return {"serial": self.serial_key, "survivor": self.survivor.id, "devices": [d.to_json() for d in self.devices]}


def survivor_key(device: DuplicateDevice | DeviceRecord) -> tuple[int, str, str]:
    tag = identifier_key(device.asset_tag)
    return (0 if tag else 1, tag, device.id)


def _live() -> Any:
    return (DeviceRecord.deleted.is_(False), DeviceRecord.merged_into.is_(None))


def find_duplicates(store: Store) -> list[DuplicateGroup]:
    with store.read() as s:
        keys = list(
            s.scalars(
                select(DeviceRecord.serial_key)
                .where(DeviceRecord.serial_key.is_not(None), *_live())
                .group_by(DeviceRecord.serial_key)
                .having(func.count() > 1)
                .order_by(DeviceRecord.serial_key)
            )
        )
        groups = []
        for key in keys:
            records = s.scalars(select(DeviceRecord).where(DeviceRecord.serial_key == key, *_live())).all()
            devices = sorted(
                (DuplicateDevice(r.id, r.asset_tag, r.serial, r.site_id, r.status) for r in records), key=survivor_key
            )
            groups.append(DuplicateGroup(str(key), devices))
        return groups


def merge_duplicates(store: Store, serial: str) -> DuplicateGroup:
    """Merge every live device with this serial into the survivor."""
    key = identifier_key(serial)
    with store.unit_of_work() as uow:
        s = uow.session
        records = list(s.scalars(select(DeviceRecord).where(DeviceRecord.serial_key == key, *_live())))
        if len(records) < 2:
            raise NotFound(f"no duplicates with the serial {serial!r}")
        records.sort(key=survivor_key)
        survivor = records[0]
        for other in records[1:]:
            other.merged_into = survivor.id
            # The survivor keeps the most recent sighting of either.
            if other.last_seen_at and (survivor.last_seen_at is None or other.last_seen_at > survivor.last_seen_at):
                survivor.last_seen_at = other.last_seen_at
                survivor.last_seen_room_id = other.last_seen_room_id
                survivor.last_seen_audit_id = other.last_seen_audit_id
                survivor.last_seen_method = other.last_seen_method
        devices = [DuplicateDevice(r.id, r.asset_tag, r.serial, r.site_id, r.status) for r in records]
    return DuplicateGroup(key, devices)


def undo_merge(store: Store, device: str) -> str:
    """Make a merged device separate again (an ordinary edit that syncs)."""
    with store.unit_of_work() as uow:
        s = uow.session
        record = s.get(DeviceRecord, device.strip())
        if record is None:
            key = identifier_key(device)
            record = s.scalars(
                select(DeviceRecord).where(
                    or_(DeviceRecord.tag_key == key, DeviceRecord.serial_key == key),
                    DeviceRecord.merged_into.is_not(None),
                )
            ).first()
        if record is None:
            raise NotFound(f"no merged device {device!r}")
        if record.merged_into is None:
            raise RejectedInput(f"device {record.asset_tag or record.id} is not merged into another")
        record.merged_into = None
        return record.id


def resolve_merged(store: Store, device_id: str) -> str:
    """The device a (possibly merged) device id stands for now."""
    with store.read() as s:
        seen = set()
        current = device_id
        while current not in seen:
            seen.add(current)
            nxt = s.scalar(select(DeviceRecord.merged_into).where(DeviceRecord.id == current))
            if not nxt:
                return current
            current = nxt
        return current


def scan_event_ids(store: Store, device_id: str) -> list[str]:
    """The device's scans, including those of devices merged into it (re-pointed on read)."""
    with store.read() as s:
        ids = {device_id}
        frontier = {device_id}
        while frontier:
            merged = set(s.scalars(select(DeviceRecord.id).where(DeviceRecord.merged_into.in_(frontier)))) - ids
            ids |= merged
            frontier = merged
        return list(
            s.scalars(
                select(ScanEventRecord.id)
                .where(ScanEventRecord.device_id.in_(ids))
                .order_by(ScanEventRecord.scanned_at, ScanEventRecord.id)
            )
        )
