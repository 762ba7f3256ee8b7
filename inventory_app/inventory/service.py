"""Device and site operations used by the command line and the desktop app alike."""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from inventory_app.core.devices import (
    EDITABLE_KEYS,
    DeviceView,
    euros_to_cents,
    parse_date,
    parse_enum,
)
from inventory_app.core.enums import Condition, DeviceStatus, Ownership, RoomKind
from inventory_app.core.errors import RejectedInput
from inventory_app.core.identifiers import device_id_for_tag, identifier_key, parse_tag
from inventory_app.storage import repositories as repo
from inventory_app.storage.schema import (
    AreaRecord,
    DeviceModelRecord,
    DeviceRecord,
    RoomRecord,
    SitePopulationRecord,
    SiteRecord,
)
from inventory_app.storage.store import Store
from inventory_app.storage.unit_of_work import UnitOfWork


@dataclass(slots=True)
class SiteSummary:
    id: str
    name: str
    code: str | None
    area: str | None
    kind: str
    pupils: int | None
    staff: int | None
    classrooms: int
    devices: int
    cost_centre: str | None = None
    address: str | None = None
    notes: str | None = None
    retired: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "cost_centre": self.cost_centre,
            "address": self.address,
            "notes": self.notes,
            "retired": self.retired,
            "id": self.id,
            "name": self.name,
            "code": self.code,
            "area": self.area,
            "kind": self.kind,
            "pupils": self.pupils,
            "staff": self.staff,
            "classrooms": self.classrooms,
            "devices": self.devices,
        }


@dataclass(slots=True)
class RoomSummary:
    id: str
    code: str
    name: str | None
    kind: str
    label_code: str | None
    devices: int
    retired: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "code": self.code,
            "name": self.name,
            "kind": self.kind,
            "label_code": self.label_code,
            "devices": self.devices,
            "retired": self.retired,
        }


class InventoryService:
    def __init__(self, store: Store) -> None:
        self.store = store

    # -- reading -------------------------------------------------------------------------------
    def show(self, ident: str) -> DeviceView:
        with self.store.read() as s:
            record = repo.device_by_ident_or_id(s, ident)
            return repo.device_view(s, record.id)

    def list(
        self,
        *,
        site: str | None = None,
        room: str | None = None,
        search: str | None = None,
        group: str | None = None,
        category: str | None = None,
        status: str | None = None,
        limit: int | None = None,
    ) -> builtins.list[DeviceView]:
        if room and not site:
            raise RejectedInput("name the site too: --site S --room R (room codes repeat between sites)")
        if status:
            parse_enum(DeviceStatus, status, "status")
        with self.store.read() as s:
            if category:
                repo.find_category(s, category)
            site_id = repo.find_site(s, site).id if site else None
            room_id = repo.find_room(s, site_id, room).id if room and site_id else None
            return repo.search_devices(
                s,
                site_id=site_id,
                room_id=room_id,
                query=search,
                group=group,
                category=category,
                status=status,
                limit=limit,
            )

    def sites(self, school_year: str | None = None) -> builtins.list[SiteSummary]:
        with self.store.read() as s:
            classrooms = dict(
                s.execute(
                    select(RoomRecord.site_id, func.count())
                    .where(RoomRecord.deleted.is_(False), RoomRecord.kind == RoomKind.CLASSROOM.value)
                    .group_by(RoomRecord.site_id)
                ).all()
            )
            devices = repo.live_device_counts(s, DeviceRecord.site_id)
            populations: dict[str, SitePopulationRecord] = {}
            for pop in s.scalars(select(SitePopulationRecord).where(SitePopulationRecord.deleted.is_(False))):
                current = populations.get(pop.site_id)
                if school_year is not None:
                    if pop.school_year == school_year:
                        populations[pop.site_id] = pop
                elif current is None or pop.school_year > current.school_year:
                    populations[pop.site_id] = pop
            rows = s.execute(
                select(SiteRecord, AreaRecord.name)
                .outerjoin(AreaRecord, AreaRecord.id == SiteRecord.area_id)
                .where(SiteRecord.deleted.is_(False))
                .order_by(AreaRecord.name, SiteRecord.name)
            ).all()
            return [
                SiteSummary(
                    id=site.id,
                    name=site.name,
                    code=site.code,
                    area=area,
                    kind=site.kind,
                    pupils=populations[site.id].pupils if site.id in populations else None,
                    staff=populations[site.id].staff if site.id in populations else None,
                    classrooms=int(classrooms.get(site.id, 0)),
                    devices=int(devices.get(site.id, 0)),
                    cost_centre=site.cost_centre,
                    address=site.address,
                    notes=site.notes,
                    retired=bool(site.retired),
                )
                for site, area in rows
            ]

    def rooms(self, site: str) -> builtins.list[RoomSummary]:
        """A site's rooms with the code printed on each room's label (what scan logs contain)."""
        with self.store.read() as s:
            site_id = repo.find_site(s, site).id
            counts = repo.live_device_counts(s, DeviceRecord.room_id, DeviceRecord.site_id == site_id)
            rooms = s.scalars(
                select(RoomRecord)
                .where(RoomRecord.site_id == site_id, RoomRecord.deleted.is_(False))
                .order_by(RoomRecord.code)
            )
            return [
                RoomSummary(r.id, r.code, r.name, r.kind, r.label_code, int(counts.get(r.id, 0)), bool(r.retired))
                for r in rooms
            ]

    # -- writing -------------------------------------------------------------------------------
    def add(
        self, *, tag: str, category: str, site: str, room: str | None = None, fields: Mapping[str, str] | None = None
    ) -> DeviceView:
        """Register a device under a new asset tag; every input is checked before anything is written."""
        tag_text = parse_tag(tag).text
        with self.store.unit_of_work() as uow:
            s = uow.session
            existing = repo.devices_by_identifier(s, tag_text)
            if existing:
                raise RejectedInput(f"asset tag {tag_text} is already on device {existing[0].id}")
            device = DeviceRecord(
                id=device_id_for_tag(tag_text),
                asset_tag=tag_text,
                status=DeviceStatus.IN_USE.value,
                condition=Condition.UNKNOWN.value,
                ownership=Ownership.OWNED.value,
            )
            if s.get(DeviceRecord, device.id) is not None:
                raise RejectedInput(f"asset tag {tag_text} was used before by a deleted device")
            self.apply_changes(
                uow, device, {"category": category, "site": site, **({"room": room} if room else {}), **(fields or {})}
            )
            s.add(device)
            uow.flush()
            device_id = device.id
        return self.show(device_id)

    def set(self, ident: str, changes: Mapping[str, str]) -> DeviceView:
        with self.store.unit_of_work() as uow:
            device = repo.device_by_ident_or_id(uow.session, ident)
            self.apply_changes(uow, device, changes)
            device_id = device.id
        return self.show(device_id)

    def set_many(self, idents: Iterable[str], changes: Mapping[str, str]) -> int:
        """Bulk edit in one transaction: every identifier must resolve, or nothing changes."""
        with self.store.unit_of_work() as uow:
            devices: list[DeviceRecord] = []
            problems: list[str] = []
            seen: set[str] = set()
            for line_no, ident in enumerate(idents, start=1):
                text = ident.strip()
                if not text or text.startswith("#"):
                    continue
                try:
                    device = repo.device_by_ident_or_id(uow.session, text)
                except RejectedInput as exc:
                    problems.append(f"line {line_no}: {exc}")
                    continue
                if device.id not in seen:
                    seen.add(device.id)
                    devices.append(device)
            if problems:
                shown = "; ".join(problems[:5]) + (f"; and {len(problems) - 5} more" if len(problems) > 5 else "")
                raise RejectedInput(f"nothing was changed: {shown}")
            if not devices:
                raise RejectedInput("nothing was changed: the list names no devices")
            for device in devices:
                self.apply_changes(uow, device, changes)
            return len(devices)

    def apply_changes(self, uow: UnitOfWork, device: DeviceRecord, changes: Mapping[str, str]) -> None:
        """Check and apply `key=value` changes to a device inside an open unit of work."""
        s = uow.session
        unknown = [k for k in changes if k not in EDITABLE_KEYS]
        if unknown:
            raise RejectedInput(f"unknown field '{unknown[0]}'; fields you can set: {', '.join(EDITABLE_KEYS)}")
        values = {k: (v.strip() if isinstance(v, str) else v) for k, v in changes.items()}
        if "site" in values:
            site = repo.find_site(s, values["site"])
            if site.retired and device.site_id != site.id:
                raise RejectedInput(f"site: '{site.name}' is retired; devices cannot be moved there")
            if device.site_id != site.id:
                device.site_id = site.id
                if "room" not in values:
                    device.room_id = None
        if "room" in values:
            if not values["room"]:
                device.room_id = None
            else:
                if device.site_id is None:
                    raise RejectedInput("set the device's site before its room")
                room = repo.find_room(s, device.site_id, values["room"])
                if room.retired and device.room_id != room.id:
                    raise RejectedInput(f"room: {room.code} is retired; devices cannot be moved there")
                device.room_id = room.id
        if "category" in values:
            device.category_id = repo.find_category(s, values["category"]).id
        if "model" in values:
            device.model_id = self._model_id(uow, values["model"], device.category_id) if values["model"] else None
        if "status" in values:
            device.status = parse_enum(DeviceStatus, values["status"], "status").value
        if "condition" in values:
            device.condition = parse_enum(Condition, values["condition"], "condition").value
        if "ownership" in values:
            device.ownership = parse_enum(Ownership, values["ownership"], "ownership").value
        if "asset_tag" in values:
            values["asset_tag"] = parse_tag(values["asset_tag"]).text
        for key in ("asset_tag", "serial", "inventory_number", "mac"):
            if values.get(key):
                # No UNIQUE constraint (sync merges duplicates), but a person typing one is told at once.
                clash = [d for d in repo.devices_by_identifier(s, values[key]) if d.id != device.id]
                if clash:
                    owner = clash[0].asset_tag or clash[0].serial or clash[0].id
                    raise RejectedInput(f"{key.replace('_', ' ')} {values[key]} is already on device {owner}")
        if "asset_tag" in values:
            device.asset_tag = values["asset_tag"]
        for key in ("serial", "inventory_number", "mac", "notes", "assigned_to"):
            if key in values:
                setattr(device, key, values[key] or None)
        if "purchase_date" in values:
            device.purchase_date = parse_date(values["purchase_date"])
        if "purchase_price" in values:
            device.purchase_price_cents = _non_negative(
                euros_to_cents(values["purchase_price"] or None), "purchase price"
            )
        if "lease_monthly_fee" in values:
            device.lease_monthly_fee_cents = _non_negative(
                euros_to_cents(values["lease_monthly_fee"] or None), "monthly fee"
            )
        if "lease_end" in values:
            device.lease_end = parse_date(values["lease_end"])
        if "contract" in values:
            if values["contract"]:
                contract = repo.find_contract(s, values["contract"])
                if contract.retired and device.contract_id != contract.id:
                    raise RejectedInput(f"contract: {contract.contract_number} is retired; pick a contract in force")
                if "ownership" in values and device.ownership == Ownership.OWNED.value:
                    raise RejectedInput("ownership: a device under a leasing contract is leased, not owned")
                device.contract_id = contract.id
                device.ownership = Ownership.LEASED.value
            else:
                device.contract_id = None
        elif "ownership" in values and device.ownership == Ownership.OWNED.value and device.contract_id:
            raise RejectedInput("ownership: the device is under a leasing contract; clear it too (contract=)")

    @staticmethod
    def _model_id(uow: UnitOfWork, text: str, category_id: str | None) -> str:
        """Find a model by "Manufacturer Name" or name; create it when it is new."""
        s = uow.session
        wanted = " ".join(text.split()).lower()
        for model in s.scalars(select(DeviceModelRecord).where(DeviceModelRecord.deleted.is_(False))):
            full = f"{model.manufacturer or ''} {model.name}".strip().lower()
            if wanted in (model.name.lower(), full):
                return model.id
        manufacturer, _, name = text.strip().partition(" ")
        model = DeviceModelRecord(
            manufacturer=manufacturer if name else None, name=name or manufacturer, category_id=category_id
        )
        s.add(model)
        uow.flush()
        return model.id


def _non_negative(cents: int | None, what: str) -> int | None:
    if cents is not None and cents < 0:
        raise RejectedInput(f"the {what} cannot be negative")
    return cents


def parse_assignments(pairs: Iterable[str]) -> dict[str, str]:
    """``key=value`` words from the command line into a dict; a word without '=' is refused."""
    result: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise RejectedInput(f"'{pair}' is not key=value; for example status=broken")
        result[key.strip().lower()] = value
    return result


__all__ = ["InventoryService", "SiteSummary", "parse_assignments", "identifier_key"]
