"""Queries behind label printing (labels/): tag blocks, tag numbers in use, a site's rooms.

Kept in storage so that ``labels`` needs no SQLAlchemy of its own (the layering rule).
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from inventory_app.core.identifiers import TAG_NUMBER_DIGITS
from inventory_app.storage.schema import DeviceRecord, RoomRecord, TagBlockRecord


def tag_blocks(session: Session, prefix: str) -> list[TagBlockRecord]:
    """Every block ever reserved for ``prefix`` by any replica (deleted ones too: never reused)."""
    stmt = select(TagBlockRecord).where(TagBlockRecord.prefix == prefix).order_by(TagBlockRecord.first_number)
    return list(session.scalars(stmt))


def used_tag_numbers(session: Session, prefix: str, first: int, last: int) -> set[int]:
    """Numbers in ``first..last`` that some device (live, deleted or merged) already carries."""
    lo = f"{prefix}{first:0{TAG_NUMBER_DIGITS}d}"
    hi = f"{prefix}{last:0{TAG_NUMBER_DIGITS}d}~"  # '~' sorts after any check character
    keys = session.scalars(select(DeviceRecord.tag_key).where(DeviceRecord.tag_key >= lo, DeviceRecord.tag_key <= hi))
    numbers: set[int] = set()
    width = len(prefix)
    for key in keys:
        digits = key[width : width + TAG_NUMBER_DIGITS] if key else ""
        if len(key or "") == width + TAG_NUMBER_DIGITS + 1 and digits.isdigit():
            numbers.add(int(digits))
    return numbers


def highest_tag_number(session: Session, prefix: str) -> int:
    """The highest running number any device carries under ``prefix`` (0 when none)."""
    lo = f"{prefix}{0:0{TAG_NUMBER_DIGITS}d}"
    hi = f"{prefix}{10**TAG_NUMBER_DIGITS - 1:0{TAG_NUMBER_DIGITS}d}~"
    key = session.scalar(
        select(DeviceRecord.tag_key)
        .where(DeviceRecord.tag_key >= lo, DeviceRecord.tag_key <= hi)
        .order_by(DeviceRecord.tag_key.desc())
        .limit(1)
    )
    if not key:
        return 0
    digits = key[len(prefix) : len(prefix) + TAG_NUMBER_DIGITS]
    return int(digits) if digits.isdigit() else 0


def site_rooms(session: Session, site_id: str, room_code: str | None = None) -> list[RoomRecord]:
    """Live rooms of a site in code order (one room when ``room_code`` is given)."""
    stmt = select(RoomRecord).where(RoomRecord.site_id == site_id, RoomRecord.deleted.is_(False))
    if room_code:
        stmt = stmt.where(func.upper(RoomRecord.code) == room_code.strip().upper())
    return list(session.scalars(stmt.order_by(RoomRecord.code)))
