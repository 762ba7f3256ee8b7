"""Queries shared by services: finding devices by any identifier, sites and rooms by name or code.

Everything here takes a Session and returns records or core value objects; no Qt, no printing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from sqlalchemy import Select, and_, column, func, literal_column, or_, select, table, text, union
from sqlalchemy.orm import Bundle, Session, aliased

from inventory_app.core.devices import DeviceView, cents_to_euros
from inventory_app.core.errors import Ambiguous, NotFound
from inventory_app.core.identifiers import identifier_key
from inventory_app.storage.schema import (
    AreaRecord,
    CategoryRecord,
    DeviceModelRecord,
    DeviceRecord,
    LeasingContractRecord,
    RoomRecord,
    SiteRecord,
)


def live(record: type[DeviceRecord] | type[SiteRecord] | type[RoomRecord] | type[AreaRecord]):  # type: ignore[no-untyped-def]
    return record.deleted.is_(False)


# -- devices --------------------------------------------------------------------------------------


def devices_by_identifier(session: Session, code: str) -> list[DeviceRecord]:
    """Live devices any of whose identifiers (tag, serial, inventory number, MAC) equals ``code``."""
    key = identifier_key(code)
    if not key:
        return []
    stmt = select(DeviceRecord).where(
        or_(
            DeviceRecord.tag_key == key,
            DeviceRecord.serial_key == key,
            DeviceRecord.inventory_key == key,
            DeviceRecord.mac_key == key,
        ),
        DeviceRecord.deleted.is_(False),
    )
    found = list(session.scalars(stmt))
    live = [d for d in found if d.merged_into is None]
    if live or not found:
        return live
    # Only merged-away records carry the code (their label is still on the device): their survivors.
    survivors: dict[str, DeviceRecord] = {}
    for record in found:
        for _ in range(10):  # a merge of a merge; never a loop
            if record.merged_into is None or (parent := session.get(DeviceRecord, record.merged_into)) is None:
                break
            record = parent
        if record.merged_into is None and not record.deleted:
            survivors[record.id] = record
    return list(survivors.values())


def device_by_identifier(session: Session, code: str) -> DeviceRecord:
    found = devices_by_identifier(session, code)
    if not found:
        raise NotFound(f"no device has the identifier '{code.strip()}'")
    if len(found) > 1:
        raise Ambiguous(
            f"'{code.strip()}' matches {len(found)} devices; use the asset tag or the device id"
        )
    return found[0]


def device_by_ident_or_id(session: Session, ident: str) -> DeviceRecord:
    record = session.get(DeviceRecord, ident.strip())
    if record is not None and not record.deleted:
        return record
    return device_by_identifier(session, ident)


# The device's room, aliased so that it can sit beside other joins of rooms.
DEVICE_ROOM = aliased(RoomRecord, name="device_room")


# Only the device columns a view needs, as plain tuples: building ORM objects for a 10,000-device
# site listing cost five times the query itself.
DEVICE_VIEW_COLUMNS: Bundle[Any] = Bundle(
    "d",
    DeviceRecord.id, DeviceRecord.asset_tag, DeviceRecord.serial, DeviceRecord.inventory_number, DeviceRecord.mac,
    DeviceRecord.site_id, DeviceRecord.room_id, DeviceRecord.status, DeviceRecord.condition, DeviceRecord.ownership,
    DeviceRecord.purchase_date, DeviceRecord.purchase_price_cents, DeviceRecord.lease_monthly_fee_cents,
    DeviceRecord.lease_end, DeviceRecord.assigned_to, DeviceRecord.last_seen_at, DeviceRecord.notes,
)


def _device_view_stmt() -> Select:  # type: ignore[type-arg]
    room = DEVICE_ROOM
    return (
        select(
            DEVICE_VIEW_COLUMNS,
            CategoryRecord.code,
            CategoryRecord.group,
            CategoryRecord.lifetime_years,
            DeviceModelRecord.name,
            DeviceModelRecord.manufacturer,
            DeviceModelRecord.expected_lifetime_years,
            AreaRecord.name,
            SiteRecord.name,
            room.code,
            LeasingContractRecord.contract_number,
            LeasingContractRecord.end_date,
        )
        .outerjoin(CategoryRecord, CategoryRecord.id == DeviceRecord.category_id)
        .outerjoin(DeviceModelRecord, DeviceModelRecord.id == DeviceRecord.model_id)
        .outerjoin(SiteRecord, SiteRecord.id == DeviceRecord.site_id)
        .outerjoin(AreaRecord, AreaRecord.id == SiteRecord.area_id)
        .outerjoin(room, room.id == DeviceRecord.room_id)
        .outerjoin(LeasingContractRecord, LeasingContractRecord.id == DeviceRecord.contract_id)
    )


def _to_view(row) -> DeviceView:  # type: ignore[no-untyped-def]
    (d, cat_code, group, cat_life, model, manufacturer, model_life, area, site, room, contract, contract_end) = row
    identifiers = {
        k: v
        for k, v in (
            ("asset_tag", d.asset_tag),
            ("serial", d.serial),
            ("inventory_number", d.inventory_number),
            ("mac", d.mac),
        )
        if v
    }
    return DeviceView(
        id=d.id,
        asset_tag=d.asset_tag,
        serial=d.serial,
        inventory_number=d.inventory_number,
        mac=d.mac,
        category=cat_code,
        group=group,
        model=model,
        manufacturer=manufacturer,
        area=area,
        site=site,
        site_id=d.site_id,
        room=room,
        room_id=d.room_id,
        status=d.status,
        condition=d.condition,
        ownership=d.ownership,
        purchase_date=d.purchase_date,
        purchase_price=cents_to_euros(d.purchase_price_cents),
        expected_lifetime_years=model_life or cat_life,
        lease_monthly_fee=cents_to_euros(d.lease_monthly_fee_cents),
        lease_end=d.lease_end or contract_end,
        contract=contract,
        assigned_to=d.assigned_to,
        last_seen=d.last_seen_at,
        notes=d.notes,
        identifiers=identifiers,
    )


def device_view(session: Session, device_id: str) -> DeviceView:
    row = session.execute(_device_view_stmt().where(DeviceRecord.id == device_id)).one_or_none()
    if row is None:
        raise NotFound(f"no device with id {device_id}")
    view = _to_view(row)
    merged = [t for t in session.scalars(select(DeviceRecord.asset_tag).where(
        DeviceRecord.merged_into == device_id, DeviceRecord.asset_tag.is_not(None))) if t]
    return replace(view, merged_tags=tuple(sorted(merged))) if merged else view


def search_devices(
    session: Session,
    *,
    site_id: str | None = None,
    room_id: str | None = None,
    query: str | None = None,
    group: str | None = None,
    category: str | None = None,
    status: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[DeviceView]:
    """Devices matching every given filter; ``query`` matches inside any identifier, model or room.

    Without a query the list is in tag order. With a query on SQLite the trigram index drives the
    join and the order is the index's, so a broad query stops after ``limit`` rows instead of
    sorting thousands of matches (search-as-you-type shows the first screenful).
    """
    stmt = _device_view_stmt().where(DeviceRecord.deleted.is_(False), DeviceRecord.merged_into.is_(None))
    indexed = has_search_index(session)
    stmt = apply_device_filters(stmt, site_id=site_id, room_id=room_id, group=group, category=category, status=status)
    raw = (query or "").strip()
    if raw and not raw.strip("%_"):
        return []  # only wildcard characters: nothing to look for
    if raw and indexed and len(raw) >= 3:
        # FTS5 uses the trigram index only for a plain LIKE (no ESCAPE, no OR), so the pattern
        # drops LIKE's own wildcards and each pattern is its own index scan.
        plain = raw.replace("%", "").replace("_", "")
        patterns = {f"%{plain}%".lower(), f"%{identifier_key(plain) or plain}%".lower()}
        scans = [select(DEVICE_SEARCH.c.rowid.label("rid")).where(DEVICE_SEARCH.c.body.like(p))
                 for p in sorted(patterns) if len(p) >= 5]
        if not scans:
            return []
        hits = (scans[0] if len(scans) == 1 else union(*scans)).subquery("hits")
        stmt = stmt.join(hits, hits.c.rid == literal_column("devices.rowid")).order_by(hits.c.rid)
    elif raw and indexed and limit is not None:
        return _short_prefix_search(session, stmt, identifier_key(raw), limit + offset)[offset:]
    else:
        if raw:
            stmt = stmt.where(search_condition(raw, indexed))
        stmt = stmt.order_by(DeviceRecord.tag_key, DeviceRecord.id)
    stmt = stmt.offset(offset)
    if limit is not None:
        stmt = stmt.limit(limit)
    return [_to_view(row) for row in session.execute(stmt)]


def _short_prefix_search(session: Session, stmt: Select, key: str, wanted: int) -> list[DeviceView]:  # type: ignore[type-arg]
    """One or two characters: identifiers starting with them, one index walk per identifier kind that
    stops after ``wanted`` rows (an OR of four ranges made SQLite collect and sort 100,000 "HK..." tags)."""
    if not key:
        return []
    high = key + "\uffff"
    found: dict[str, DeviceView] = {}
    for col in (DeviceRecord.tag_key, DeviceRecord.serial_key, DeviceRecord.inventory_key, DeviceRecord.mac_key):
        need = wanted - len(found)
        if need <= 0:
            break
        part = stmt.where(col >= key, col < high).order_by(col).limit(need + len(found))
        for row in session.execute(part):
            view = _to_view(row)
            found.setdefault(view.id, view)
    return list(found.values())[:wanted]


# The SQLite FTS5 trigram index of migration 0002 (outside the ORM models: SQLite only).
DEVICE_SEARCH = table("device_search", column("rowid"), column("body"))


def has_search_index(session: Session) -> bool:
    """The SQLite store has the FTS5 trigram index (migration 0002); PostgreSQL searches with LIKE."""
    return session.get_bind().dialect.name == "sqlite"


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def search_condition(query: str, indexed: bool):  # type: ignore[no-untyped-def]
    """Devices whose identifiers, model, manufacturer or room contain ``query``.

    With the SQLite index: 3+ characters use the trigram index; 1-2 characters match the start of an
    identifier through its b-tree index (a substring of two letters would match half the city anyway).
    """
    raw = query.strip()
    key = identifier_key(raw)
    if indexed:
        if len(raw) >= 3:
            return text(
                "devices.rowid IN (SELECT rowid FROM device_search WHERE body LIKE :q_raw ESCAPE '\\' "
                "OR body LIKE :q_key ESCAPE '\\')"
            ).bindparams(q_raw=f"%{_like_escape(raw)}%", q_key=f"%{_like_escape(key or raw)}%")
        high = key + "\uffff"
        return or_(*(and_(col >= key, col < high) for col in (
            DeviceRecord.tag_key, DeviceRecord.serial_key, DeviceRecord.inventory_key, DeviceRecord.mac_key)))
    needle = f"%{raw.lower()}%"
    key_like = f"%{key}%"
    return or_(
        DeviceRecord.tag_key.like(key_like),
        DeviceRecord.serial_key.like(key_like),
        DeviceRecord.inventory_key.like(key_like),
        DeviceRecord.mac_key.like(key_like),
        func.lower(DeviceModelRecord.name).like(needle),
        func.lower(DeviceModelRecord.manufacturer).like(needle),
        func.lower(DEVICE_ROOM.code).like(needle),
    )


def apply_device_filters(
    stmt: Select,  # type: ignore[type-arg]
    *,
    site_id: str | None = None,
    room_id: str | None = None,
    query: str | None = None,
    group: str | None = None,
    category: str | None = None,
    status: str | None = None,
    indexed: bool = False,
) -> Select:  # type: ignore[type-arg]
    """Filters shared by listing and counting; the statement must join categories, models and rooms."""
    if site_id:
        stmt = stmt.where(DeviceRecord.site_id == site_id)
    if room_id:
        stmt = stmt.where(DeviceRecord.room_id == room_id)
    if group:
        stmt = stmt.where(CategoryRecord.group == group)
    if category:
        stmt = stmt.where(CategoryRecord.code == category)
    if status:
        stmt = stmt.where(DeviceRecord.status == status)
    if query and query.strip():
        stmt = stmt.where(search_condition(query, indexed))
    return stmt


# -- sites and rooms ------------------------------------------------------------------------------


def find_site(session: Session, name_or_code: str) -> SiteRecord:
    text = name_or_code.strip()
    record = session.get(SiteRecord, text)
    if record is not None and not record.deleted:
        return record
    lowered = text.lower()
    matches: Sequence[SiteRecord] = session.scalars(
        select(SiteRecord).where(
            SiteRecord.deleted.is_(False),
            or_(func.lower(SiteRecord.code) == lowered, func.lower(SiteRecord.name) == lowered),
        )
    ).all()
    if not matches:
        raise NotFound(f"no site is called '{text}'; 'site list' shows the sites")
    if len(matches) > 1:
        raise Ambiguous(f"'{text}' names {len(matches)} sites; use the site code")
    return matches[0]


def find_room(session: Session, site_id: str, code: str) -> RoomRecord:
    text = code.strip()
    record = session.get(RoomRecord, text)
    if record is not None and not record.deleted and record.site_id == site_id:
        return record
    matches = session.scalars(
        select(RoomRecord).where(
            RoomRecord.site_id == site_id,
            RoomRecord.deleted.is_(False),
            func.upper(RoomRecord.code) == text.upper(),
        )
    ).all()
    if not matches:
        site = session.get(SiteRecord, site_id)
        raise NotFound(f"site '{site.name if site else site_id}' has no room '{text}'")
    if len(matches) > 1:
        raise Ambiguous(f"room code '{text}' appears {len(matches)} times in this site")
    return matches[0]


def room_by_label(session: Session, code: str) -> RoomRecord | None:
    key = identifier_key(code)
    if not key:
        return None
    return session.scalars(
        select(RoomRecord).where(RoomRecord.label_code == key, RoomRecord.deleted.is_(False))
    ).first()


def find_category(session: Session, code: str) -> CategoryRecord:
    text = code.strip().lower()
    match = session.scalars(
        select(CategoryRecord).where(
            CategoryRecord.deleted.is_(False),
            or_(
                CategoryRecord.code == text,
                func.lower(CategoryRecord.name_en) == text,
                func.lower(CategoryRecord.name_fi) == text,
            ),
        )
    ).first()
    if match is None:
        codes = ", ".join(session.scalars(select(CategoryRecord.code).order_by(CategoryRecord.code)))
        raise NotFound(f"no category '{code.strip()}'; known categories: {codes}")
    return match


def find_contract(session: Session, number: str) -> LeasingContractRecord:
    match = session.scalars(
        select(LeasingContractRecord).where(
            LeasingContractRecord.deleted.is_(False),
            func.upper(LeasingContractRecord.contract_number) == number.strip().upper(),
        )
    ).first()
    if match is None:
        raise NotFound(f"no leasing contract '{number.strip()}'")
    return match


def school_year_of(day: date) -> str:
    """The Finnish school year (August to July) that ``day`` falls in, e.g. ``2026-2027``."""
    start = day.year if day.month >= 8 else day.year - 1
    return f"{start}-{start + 1}"
