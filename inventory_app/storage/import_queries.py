"""Bulk reads behind importing (importing/): everything a file's rows are checked against,
read once, so that validating 50,000 rows needs no query per row."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from inventory_app.storage.schema import (
    AreaRecord,
    CategoryRecord,
    DeviceModelRecord,
    DeviceRecord,
    LeasingContractRecord,
    RoomRecord,
    SiteRecord,
)

# Device columns an import reads and writes (besides the identifiers' keys).
DEVICE_IMPORT_COLUMNS = (
    "id",
    "asset_tag",
    "serial",
    "inventory_number",
    "mac",
    "category_id",
    "model_id",
    "site_id",
    "room_id",
    "status",
    "condition",
    "ownership",
    "contract_id",
    "purchase_date",
    "purchase_price_cents",
    "lease_monthly_fee_cents",
    "lease_end",
    "assigned_to",
    "notes",
)


def live_areas(session: Session) -> list[AreaRecord]:
    return list(session.scalars(select(AreaRecord).where(AreaRecord.deleted.is_(False))))


def structure_ids(session: Session) -> set[str]:
    """Ids of every area, site, room and contract, deleted ones too (an imported id must be free)."""
    ids: set[str] = set()
    for record in (AreaRecord, SiteRecord, RoomRecord, LeasingContractRecord):
        ids.update(session.scalars(select(record.id)))
    return ids


def live_sites(session: Session) -> list[SiteRecord]:
    return list(session.scalars(select(SiteRecord).where(SiteRecord.deleted.is_(False))))


def live_rooms(session: Session) -> list[RoomRecord]:
    return list(session.scalars(select(RoomRecord).where(RoomRecord.deleted.is_(False))))


def live_categories(session: Session) -> list[CategoryRecord]:
    return list(session.scalars(select(CategoryRecord).where(CategoryRecord.deleted.is_(False))))


def live_models(session: Session) -> list[DeviceModelRecord]:
    return list(session.scalars(select(DeviceModelRecord).where(DeviceModelRecord.deleted.is_(False))))


def live_contracts(session: Session) -> list[LeasingContractRecord]:
    return list(session.scalars(select(LeasingContractRecord).where(LeasingContractRecord.deleted.is_(False))))


def device_identity_rows(session: Session) -> list[Any]:
    """(id, deleted, merged_into, tag_key, serial_key, inventory_key, mac_key) of every device."""
    stmt = select(
        DeviceRecord.id,
        DeviceRecord.deleted,
        DeviceRecord.merged_into,
        DeviceRecord.tag_key,
        DeviceRecord.serial_key,
        DeviceRecord.inventory_key,
        DeviceRecord.mac_key,
    )
    return list(session.execute(stmt))


def device_values(session: Session, ids: Iterable[str], chunk: int = 500) -> dict[str, dict[str, Any]]:
    """The import columns of the given devices, as plain dicts by id."""
    wanted = list(ids)
    columns = [getattr(DeviceRecord, c) for c in DEVICE_IMPORT_COLUMNS]
    result: dict[str, dict[str, Any]] = {}
    for start in range(0, len(wanted), chunk):
        part = wanted[start : start + chunk]
        for row in session.execute(select(*columns).where(DeviceRecord.id.in_(part))):
            result[row[0]] = dict(zip(DEVICE_IMPORT_COLUMNS, row, strict=True))
    return result


def devices_by_ids(session: Session, ids: Sequence[str], chunk: int = 500) -> dict[str, DeviceRecord]:
    """ORM rows of the given devices (for updates through the unit of work)."""
    result: dict[str, DeviceRecord] = {}
    for start in range(0, len(ids), chunk):
        part = list(ids[start : start + chunk])
        for record in session.scalars(select(DeviceRecord).where(DeviceRecord.id.in_(part))):
            result[record.id] = record
    return result


def export_device_rows(session: Session, site_id: str | None = None) -> list[DeviceRecord]:
    stmt = select(DeviceRecord).where(DeviceRecord.deleted.is_(False), DeviceRecord.merged_into.is_(None))
    if site_id:
        stmt = stmt.where(DeviceRecord.site_id == site_id)
    return list(
        session.scalars(
            stmt.order_by(DeviceRecord.site_id, DeviceRecord.tag_key, DeviceRecord.serial_key, DeviceRecord.id)
        )
    )
