"""Queries shared by services: finding devices by any identifier, sites and rooms by name or code.

Everything here takes a Session and returns records or core value objects; no Qt, no printing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from sqlalchemy import Select, and_, case, column, false, func, literal_column, or_, select, table, true, union
from sqlalchemy.orm import Bundle, Session, aliased

from inventory_app.core import search_rule
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


def live_device_counts(session: Session, reference: Any, *where: Any) -> dict[Any, int]:
    """How many live devices (not deleted, not merged into another) point to each value of ``reference``
    (``DeviceRecord.site_id``, ``.room_id``, ``.contract_id``, ``.model_id``); ``where`` narrows further."""
    rows = session.execute(
        select(reference, func.count())
        .where(DeviceRecord.deleted.is_(False), DeviceRecord.merged_into.is_(None), *where)
        .group_by(reference)
    ).all()
    return {key: int(n) for key, n in rows}


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
        raise Ambiguous(f"'{code.strip()}' matches {len(found)} devices; use the asset tag or the device id")
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
    DeviceRecord.id,
    DeviceRecord.asset_tag,
    DeviceRecord.serial,
    DeviceRecord.inventory_number,
    DeviceRecord.mac,
    DeviceRecord.site_id,
    DeviceRecord.room_id,
    DeviceRecord.status,
    DeviceRecord.condition,
    DeviceRecord.ownership,
    DeviceRecord.purchase_date,
    DeviceRecord.purchase_price_cents,
    DeviceRecord.lease_monthly_fee_cents,
    DeviceRecord.lease_end,
    DeviceRecord.assigned_to,
    DeviceRecord.last_seen_at,
    DeviceRecord.notes,
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
    merged = [
        t
        for t in session.scalars(
            select(DeviceRecord.asset_tag).where(
                DeviceRecord.merged_into == device_id, DeviceRecord.asset_tag.is_not(None)
            )
        )
        if t
    ]
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
    """Devices matching every given filter and ``query`` by the search rule (core/search_rule.py).

    Without a query the list is in tag order. With a query on SQLite the trigram index drives the
    join and the order is the index's, so a broad query stops after ``limit`` rows instead of
    sorting thousands of matches (search-as-you-type shows the first screenful).
    """
    stmt = _device_view_stmt().where(DeviceRecord.deleted.is_(False), DeviceRecord.merged_into.is_(None))
    indexed = has_search_index(session)
    stmt = apply_device_filters(stmt, site_id=site_id, room_id=room_id, group=group, category=category, status=status)
    n = search_rule.needle(query)
    if n is not None and n.hopeless:
        return []
    candidates = _trigram_candidates(n) if n is not None and indexed and not n.prefix_only else None
    if n is not None and candidates is not None:
        hits = candidates.subquery("hits")
        stmt = (
            stmt.join(hits, hits.c.rid == literal_column("devices.rowid"))
            .where(_rule_condition(n, sqlite=True))
            .order_by(hits.c.rid)
        )
    elif n is not None and n.prefix_only and indexed and limit is not None:
        return _short_prefix_search(session, stmt, n.key, limit + offset)[offset:]
    else:
        if n is not None:
            stmt = stmt.where(search_condition(query or "", indexed))
        stmt = stmt.order_by(DeviceRecord.tag_key, DeviceRecord.id)
    stmt = stmt.offset(offset)
    if limit is not None:
        stmt = stmt.limit(limit)
    return [_to_view(row) for row in session.execute(stmt)]


def _short_prefix_search(session: Session, stmt: Select, key: str, wanted: int) -> list[DeviceView]:  # type: ignore[type-arg]
    """One or two characters: identifiers starting with them, one index walk per identifier kind that
    stops after ``wanted`` rows (an OR of four ranges made SQLite collect and sort 100,000 "HK..." tags)."""
    found: dict[str, DeviceView] = {}
    for col in _identifier_columns():
        need = wanted - len(found)
        if need <= 0:
            break
        part = stmt.where(_starts_with(col, key, sqlite=True)).order_by(col).limit(need + len(found))
        for row in session.execute(part):
            view = _to_view(row)
            found.setdefault(view.id, view)
    return list(found.values())[:wanted]


# The SQLite FTS5 trigram index of migration 0002 (outside the ORM models: SQLite only).
DEVICE_SEARCH = table("device_search", column("rowid"), column("body"))


def has_search_index(session: Session) -> bool:
    """The SQLite store has the FTS5 trigram index (migration 0002); PostgreSQL searches without one."""
    return session.get_bind().dialect.name == "sqlite"


def _identifier_columns() -> list[Any]:
    return [getattr(DeviceRecord, name) for name in search_rule.IDENTIFIER_KEYS]


def _contains(expr: Any, needle: str, *, sqlite: bool) -> Any:
    # instr/strpos: a plain substring test, so % _ and \ in a query are ordinary characters.
    return (func.instr(expr, needle) if sqlite else func.strpos(expr, needle)) > 0


def _fold(expr: Any, *, sqlite: bool) -> Any:
    # search_rule.fold in SQL: A-Z lowered, other letters kept. SQLite's lower() does exactly that
    # (no ICU); PostgreSQL's lower() would follow the locale, so it translates the letters itself.
    return func.lower(expr) if sqlite else func.translate(expr, search_rule.ASCII_UPPER, search_rule.ASCII_LOWER)


def _starts_with(col: Any, key: str, *, sqlite: bool) -> Any:
    exact = func.substr(col, 1, len(key)) == key
    if not sqlite:
        return exact
    # The range lets SQLite walk the column's b-tree index (byte order); substr keeps it exact.
    high = search_rule.prefix_upper_bound(key)
    return and_(col >= key, col < high, exact) if high is not None else and_(col >= key, exact)


def _model_text() -> Any:
    """search_rule.model_text in SQL (NULL for a device without a model)."""
    manufacturer, name = DeviceModelRecord.manufacturer, DeviceModelRecord.name
    return case((func.coalesce(manufacturer, "") == "", name), else_=manufacturer + " " + name)


def _rule_condition(n: search_rule.Needle, *, sqlite: bool) -> Any:
    """The search rule for one needle; the statement must join DeviceModelRecord and DEVICE_ROOM."""
    if n.prefix_only:
        if not n.key:
            return false()
        return or_(*(_starts_with(col, n.key, sqlite=sqlite) for col in _identifier_columns()))
    found = [_contains(col, n.key, sqlite=sqlite) for col in _identifier_columns()] if n.key else []
    found.append(_contains(_fold(_model_text(), sqlite=sqlite), n.text, sqlite=sqlite))
    found.append(_contains(_fold(DEVICE_ROOM.code, sqlite=sqlite), n.text, sqlite=sqlite))
    return or_(*found)


def _trigram_candidates(n: search_rule.Needle) -> Any | None:
    """Rowids the FTS5 trigram index offers for a needle of three or more characters: a superset
    of the rule's answer (the indexed body holds every searched field; LIKE folds A-Z and reads
    % and _ as wildcards, so it finds at least the plain-text matches). FTS5 uses the index only
    for a plain LIKE (no ESCAPE, no OR), so each pattern is its own index scan.

    A pattern without a run of three characters between wildcards makes FTS5 read its whole table
    (still correct, and faster than checking the rule on every device). None when a run of one or
    two characters takes three bytes or more: SQLite 3.40's trigram LIKE wrongly answers those
    with no rows ("%0Ä%" finds nothing), so the rule alone is checked on every device."""
    # LIKE folds A-Z, so "hki" and "HKI" are one scan (a UNION of two would read every match).
    patterns = sorted({n.text, search_rule.fold(n.key)} if n.key else {n.text})
    for pattern in patterns:
        if any(len(run) < 3 and len(run.encode()) >= 3 for run in re.split("[%_]", pattern)):
            return None
    scans = [select(DEVICE_SEARCH.c.rowid.label("rid")).where(DEVICE_SEARCH.c.body.like(f"%{p}%")) for p in patterns]
    return scans[0] if len(scans) == 1 else union(*scans)


def search_condition(query: str, indexed: bool):  # type: ignore[no-untyped-def]
    """Devices matching ``query`` by the search rule (core/search_rule.py).

    With the SQLite index: 3+ characters take the trigram index's candidates and check the rule on
    them; 1-2 characters walk the identifiers' b-tree indexes. PostgreSQL checks the rule on every row.
    """
    n = search_rule.needle(query)
    if n is None:
        return true()
    rule = _rule_condition(n, sqlite=indexed)
    candidates = _trigram_candidates(n) if indexed and not n.prefix_only else None
    if candidates is not None:
        return and_(literal_column("devices.rowid").in_(candidates), rule)
    return rule


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
    if search_rule.needle(query) is not None:
        stmt = stmt.where(search_condition(query or "", indexed))
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
