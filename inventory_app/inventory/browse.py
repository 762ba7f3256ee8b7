"""Read-side queries the desktop app needs to browse a large store quickly.

The device table pages through up to 100,000 devices, so it asks for light rows (only the shown
columns) one page at a time and counts separately; the navigation tree asks for areas, sites and
rooms with their device counts and each room's audit state in a handful of grouped queries.
No Qt here: the UI's table model calls these.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from inventory_app.core.enums import AuditStatus, ScanOutcome
from inventory_app.storage.repositories import DEVICE_ROOM, apply_device_filters, has_search_index, room_by_label
from inventory_app.storage.schema import (
    AreaRecord,
    AuditRecord,
    CategoryRecord,
    DeviceModelRecord,
    DeviceRecord,
    LeasingContractRecord,
    RoomRecord,
    ScanEventRecord,
    SiteRecord,
)
from inventory_app.storage.store import Store


@dataclass(frozen=True, slots=True)
class DeviceFilter:
    """What the device table shows; every field narrows the list."""

    site_id: str | None = None
    room_id: str | None = None
    group: str | None = None
    category: str | None = None
    status: str | None = None
    query: str = ""

    def with_(self, **changes: object) -> DeviceFilter:
        return replace(self, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class DeviceRow:
    """One line of the device table."""

    id: str
    asset_tag: str | None
    category: str | None
    group: str | None
    model: str | None
    site: str | None
    room: str | None
    status: str
    condition: str
    serial: str | None
    inventory_number: str | None
    last_seen: datetime | None


# Sort keys the table offers, by column name; the id keeps the order stable between pages.
SORT_COLUMNS = {
    "asset_tag": DeviceRecord.tag_key,
    "category": CategoryRecord.code,
    "model": DeviceModelRecord.name,
    "site": SiteRecord.name,
    "room": DEVICE_ROOM.code,
    "status": DeviceRecord.status,
    "condition": DeviceRecord.condition,
    "serial": DeviceRecord.serial_key,
    "inventory_number": DeviceRecord.inventory_key,
    "last_seen": DeviceRecord.last_seen_at,
}


@dataclass(slots=True)
class RoomNode:
    id: str
    code: str
    name: str | None
    devices: int
    # "none" (not audited), "visited" (scanned in the open audit), "current", "audited" (last finished audit)
    audit_state: str = "none"


@dataclass(slots=True)
class SiteNode:
    id: str
    name: str
    code: str | None
    devices: int
    open_audit_id: str | None = None
    rooms: list[RoomNode] = field(default_factory=list)


@dataclass(slots=True)
class AreaNode:
    id: str | None
    name: str
    sites: list[SiteNode] = field(default_factory=list)

    @property
    def devices(self) -> int:
        return sum(s.devices for s in self.sites)


@dataclass(frozen=True, slots=True)
class CategoryChoice:
    code: str
    group: str


@dataclass(frozen=True, slots=True)
class RoomChoice:
    id: str
    code: str
    name: str | None


class DeviceBrowser:
    """Paged, filtered, sorted reads for the device table and the navigation tree."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # -- the device table ---------------------------------------------------------------------
    @staticmethod
    def _rows_stmt(flt: DeviceFilter, indexed: bool = False) -> Select:  # type: ignore[type-arg]
        room = DEVICE_ROOM
        stmt = (
            select(
                DeviceRecord.id,
                DeviceRecord.asset_tag,
                CategoryRecord.code,
                CategoryRecord.group,
                DeviceModelRecord.name,
                SiteRecord.name,
                room.code,
                DeviceRecord.status,
                DeviceRecord.condition,
                DeviceRecord.serial,
                DeviceRecord.inventory_number,
                DeviceRecord.last_seen_at,
            )
            .outerjoin(CategoryRecord, CategoryRecord.id == DeviceRecord.category_id)
            .outerjoin(DeviceModelRecord, DeviceModelRecord.id == DeviceRecord.model_id)
            .outerjoin(SiteRecord, SiteRecord.id == DeviceRecord.site_id)
            .outerjoin(room, room.id == DeviceRecord.room_id)
            .where(DeviceRecord.deleted.is_(False), DeviceRecord.merged_into.is_(None))
        )
        return apply_device_filters(
            stmt,
            site_id=flt.site_id,
            room_id=flt.room_id,
            query=flt.query or None,
            group=flt.group,
            category=flt.category,
            status=flt.status,
            indexed=indexed,
        )

    def page(
        self, flt: DeviceFilter, offset: int, limit: int, sort: str = "asset_tag", descending: bool = False
    ) -> list[DeviceRow]:
        column = SORT_COLUMNS.get(sort, DeviceRecord.tag_key)
        order = [column.desc() if descending else column.asc(), DeviceRecord.id]
        with self.store.read() as s:
            stmt = self._rows_stmt(flt, has_search_index(s)).order_by(*order).offset(offset).limit(limit)
            return [DeviceRow(*row) for row in s.execute(stmt)]

    def count(self, flt: DeviceFilter) -> int:
        with self.store.read() as s:
            inner = self._rows_stmt(flt, has_search_index(s)).with_only_columns(DeviceRecord.id).subquery()
            return int(s.scalar(select(func.count()).select_from(inner)) or 0)

    def rows_by_ids(self, device_ids: list[str]) -> list[DeviceRow]:
        """Rows for these ids, in the order given (a page of a search index result)."""
        if not device_ids:
            return []
        stmt = self._rows_stmt(DeviceFilter()).where(DeviceRecord.id.in_(device_ids))
        with self.store.read() as s:
            found = {row[0]: DeviceRow(*row) for row in s.execute(stmt)}
        return [found[i] for i in device_ids if i in found]

    def row(self, device_id: str) -> DeviceRow | None:
        stmt = self._rows_stmt(DeviceFilter()).where(DeviceRecord.id == device_id)
        with self.store.read() as s:
            found = s.execute(stmt).first()
            return DeviceRow(*found) if found else None

    # -- choices for filters and forms --------------------------------------------------------
    def categories(self) -> list[CategoryChoice]:
        with self.store.read() as s:
            rows = s.execute(
                select(CategoryRecord.code, CategoryRecord.group)
                .where(CategoryRecord.deleted.is_(False))
                .order_by(CategoryRecord.group, CategoryRecord.code)
            ).all()
        return [CategoryChoice(code, group) for code, group in rows]

    def rooms(self, site_id: str) -> list[RoomChoice]:
        with self.store.read() as s:
            rows = s.execute(
                select(RoomRecord.id, RoomRecord.code, RoomRecord.name)
                .where(RoomRecord.site_id == site_id, RoomRecord.deleted.is_(False), RoomRecord.retired.is_(False))
                .order_by(RoomRecord.code)
            ).all()
        return [RoomChoice(*row) for row in rows]

    def room_label_site(self, code: str) -> str | None:
        """The site whose room carries this label code, or None when no room does."""
        with self.store.read() as s:
            room = room_by_label(s, code)
            return room.site_id if room is not None else None

    def sites_of(self, device_ids: Iterable[str]) -> set[str | None]:
        ids = list(device_ids)
        with self.store.read() as s:
            return set(s.scalars(select(DeviceRecord.site_id).where(DeviceRecord.id.in_(ids)).distinct()))

    def editable_values(self, device_ids: Iterable[str]) -> dict[str, dict[str, str]]:
        """Room id, status, condition, category code and lease of each device, to undo a bulk edit."""
        ids = list(device_ids)
        stmt = (
            select(
                DeviceRecord.id,
                DeviceRecord.room_id,
                DeviceRecord.status,
                DeviceRecord.condition,
                CategoryRecord.code,
                DeviceRecord.ownership,
                LeasingContractRecord.contract_number,
                DeviceRecord.lease_end,
                DeviceRecord.lease_monthly_fee_cents,
            )
            .outerjoin(CategoryRecord, CategoryRecord.id == DeviceRecord.category_id)
            .outerjoin(LeasingContractRecord, LeasingContractRecord.id == DeviceRecord.contract_id)
            .where(DeviceRecord.id.in_(ids))
        )
        with self.store.read() as s:
            return {
                device_id: {
                    "room": room_id or "",
                    "status": status,
                    "condition": condition,
                    "category": category or "",
                    "ownership": ownership,
                    "contract": contract or "",
                    "lease_end": lease_end.isoformat() if lease_end else "",
                    "lease_monthly_fee": f"{fee // 100}.{fee % 100:02d}" if fee is not None else "",
                }
                for device_id, room_id, status, condition, category, ownership, contract, lease_end, fee in s.execute(
                    stmt
                )
            }

    # -- the navigation tree ------------------------------------------------------------------
    def tree(self) -> list[AreaNode]:
        with self.store.read() as s:
            live_device = (DeviceRecord.deleted.is_(False), DeviceRecord.merged_into.is_(None))
            # One grouped pass over the devices gives both the room and the site counts.
            per_room: dict[str | None, int] = {}
            per_site: dict[str | None, int] = {}
            for site_id, room_id, n in s.execute(
                select(DeviceRecord.site_id, DeviceRecord.room_id, func.count())
                .where(*live_device)
                .group_by(DeviceRecord.site_id, DeviceRecord.room_id)
            ):
                per_room[room_id] = per_room.get(room_id, 0) + n
                per_site[site_id] = per_site.get(site_id, 0) + n
            areas: dict[str | None, AreaNode] = {}
            for known_area_id, area_name in s.execute(
                select(AreaRecord.id, AreaRecord.name).where(AreaRecord.deleted.is_(False)).order_by(AreaRecord.name)
            ):
                areas[known_area_id] = AreaNode(known_area_id, area_name)
            sites: dict[str, SiteNode] = {}
            for site_id, area_id, name, code, retired in s.execute(
                select(SiteRecord.id, SiteRecord.area_id, SiteRecord.name, SiteRecord.code, SiteRecord.retired)
                .where(SiteRecord.deleted.is_(False))
                .order_by(SiteRecord.name)
            ):
                if retired and not per_site.get(site_id):
                    continue  # a retired site stays in the tree only while devices are recorded there
                node = SiteNode(site_id, name, code, int(per_site.get(site_id, 0)))
                sites[site_id] = node
                area = areas.get(area_id)
                if area is None:
                    area = areas.setdefault(None, AreaNode(None, ""))
                area.sites.append(node)
            rooms: dict[str, RoomNode] = {}
            for room_id, site_id, room_code, room_name, retired in s.execute(
                select(RoomRecord.id, RoomRecord.site_id, RoomRecord.code, RoomRecord.name, RoomRecord.retired)
                .where(RoomRecord.deleted.is_(False))
                .order_by(RoomRecord.code)
            ):
                if site_id in sites and not (retired and not per_room.get(room_id)):
                    node_r = RoomNode(room_id, room_code, room_name, int(per_room.get(room_id, 0)))
                    rooms[room_id] = node_r
                    sites[site_id].rooms.append(node_r)
            self._mark_audit_states(s, sites, rooms)
        return [a for a in areas.values() if a.sites]

    @staticmethod
    def _mark_audit_states(s: Session, sites: Mapping[str, SiteNode], rooms: Mapping[str, RoomNode]) -> None:
        # The newest audit per site decides: open -> visited/current rooms; finished -> audited rooms.
        latest: dict[str, AuditRecord] = {}
        for audit in s.scalars(
            select(AuditRecord)
            .where(AuditRecord.deleted.is_(False), AuditRecord.status != AuditStatus.CANCELLED.value)
            .order_by(AuditRecord.started_at)
        ):
            latest[audit.site_id] = audit
        if not latest:
            return
        by_audit = {a.id: a for a in latest.values()}
        visited = s.execute(
            select(ScanEventRecord.audit_id, ScanEventRecord.room_id)
            .where(
                ScanEventRecord.audit_id.in_(list(by_audit)),
                ScanEventRecord.room_id.is_not(None),
                ScanEventRecord.outcome != ScanOutcome.UNDO.value,
            )
            .distinct()
        ).all()
        for audit_id, room_id in visited:
            room = rooms.get(room_id or "")
            if room is not None:
                room.audit_state = "visited" if by_audit[audit_id].status == AuditStatus.OPEN.value else "audited"
        for site_id, audit in latest.items():
            site = sites.get(site_id)
            if site is None or audit.status != AuditStatus.OPEN.value:
                continue
            site.open_audit_id = audit.id
            current = rooms.get(audit.current_room_id or "")
            if current is not None:
                current.audit_state = "current"


def previous_values_groups(
    previous: Mapping[str, Mapping[str, str]], keys: Iterable[str]
) -> dict[tuple[tuple[str, str], ...], list[str]]:
    """Group devices by their earlier values of ``keys`` so an undo needs one bulk edit per group."""
    wanted = tuple(keys)
    groups: dict[tuple[tuple[str, str], ...], list[str]] = {}
    for device_id, values in previous.items():
        key = tuple((k, values.get(k, "")) for k in wanted)
        groups.setdefault(key, []).append(device_id)
    return groups
