"""The city's structure: areas, sites, rooms, leasing contracts and device models.

One set of rules for the command line, the window and the importer. Every ``add_*``/``set_*`` checks
all of its input before it writes anything and refuses with ``StructureRejected``, whose ``field``
names the input that is wrong (the window marks that field; the CLI exits 3). Nothing is hard-deleted
while a device or history points to it: ``retired`` hides a row from pickers and keeps it for history,
and ``delete`` (a soft delete that syncs) is refused with a list of what still points to the row.

Two laptops that create the same site code offline create the same row: new rows get a deterministic
id (uuid5 of the normalised site code, room code within its site, contract number, area name or model
name), exactly as devices do from their tag, and sync merges the two rows field by field. Rows whose
ids differ anyway (made by older versions or by an import before either laptop synced) are listed by
``duplicates()`` for a person to review.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from inventory_app.core.enums import FeeBasis, RoomKind, SiteKind
from inventory_app.core.errors import RejectedInput
from inventory_app.core.identifiers import identifier_key, room_label_code
from inventory_app.inventory.structure_refs import StructureReferences
from inventory_app.inventory.structure_rules import (
    AREA_KEYS,
    CONTRACT_KEYS,
    MODEL_KEYS,
    ROOM_KEYS,
    SITE_KEYS,
    AreaView,
    ContractView,
    DuplicateStructure,
    ModelView,
    RoomView,
    SiteView,
    StructureRejected,
    area_id_for,
    contract_id_for,
    contract_view,
    devices_held,
    find_area,
    find_model,
    free_id,
    model_id_for,
    name_key,
    normalise_changes,
    parse_cents,
    parse_choice,
    parse_date_field,
    parse_int,
    parse_text,
    parse_yes_no,
    room_code,
    room_id_for,
    room_view,
    site_code,
    site_id_for,
    site_view,
)
from inventory_app.storage import repositories as repo
from inventory_app.storage.schema import (
    AreaRecord,
    CategoryRecord,
    DeviceModelRecord,
    DeviceRecord,
    LeasingContractRecord,
    RoomRecord,
    SiteRecord,
)
from inventory_app.storage.store import Store
from inventory_app.storage.unit_of_work import UnitOfWork

# -- the service ----------------------------------------------------------------------------------------


class StructureService:
    """Create, edit, retire and list the city's structure. Every method is one transaction."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._batch: UnitOfWork | None = None

    def _write(self, work: Callable[[UnitOfWork], Any], *, dry_run: bool = False) -> Any:
        """Run ``work`` in one unit of work; with ``dry_run`` every check runs and nothing is kept.
        Inside ``batch()`` it joins the batch's unit of work."""
        if self._batch is not None:
            result = work(self._batch)
            self._batch.flush()
            return result
        uow = self.store.unit_of_work()
        with uow:
            result = work(uow)
            uow.flush()
            if dry_run:
                uow.session.rollback()
        return result

    @contextmanager
    def _reading(self) -> Iterator[Session]:
        """A read session; inside ``batch()`` the batch's own (it sees the batch's rows)."""
        if self._batch is not None:
            yield self._batch.session
        else:
            with self.store.read() as s:
                yield s

    @contextmanager
    def batch(self, *, dry_run: bool = False) -> Iterator[StructureService]:
        """Many edits as one transaction (an import): all are kept, or none (an error, or ``dry_run``)."""
        uow = self.store.unit_of_work()
        with uow:
            self._batch = uow
            try:
                yield self
                uow.flush()
                if dry_run:
                    uow.session.rollback()
            finally:
                self._batch = None

    # -- areas ------------------------------------------------------------------------------------
    def areas(self, *, include_retired: bool = True) -> list[AreaView]:
        with self._reading() as s:
            counts = dict(
                s.execute(
                    select(SiteRecord.area_id, func.count())
                    .where(SiteRecord.deleted.is_(False), SiteRecord.retired.is_(False))
                    .group_by(SiteRecord.area_id)
                ).all()
            )
            stmt = select(AreaRecord).where(AreaRecord.deleted.is_(False)).order_by(AreaRecord.name)
            if not include_retired:
                stmt = stmt.where(AreaRecord.retired.is_(False))
            return [AreaView(a.id, a.name, a.code, a.retired, int(counts.get(a.id, 0))) for a in s.scalars(stmt)]

    def add_area(self, name: str, code: str | None = None, *, dry_run: bool = False) -> AreaView:
        def work(uow: UnitOfWork) -> str:
            s = uow.session
            clean = parse_text(name, "name", 200, required=True)
            assert clean is not None
            self._area_name_free(s, clean, None)
            clean_code = parse_text(code, "code", 40)
            self._area_code_free(s, clean_code, None)
            area = AreaRecord(id=free_id(s, AreaRecord, area_id_for(clean)), name=clean, code=clean_code, retired=False)
            s.add(area)
            return area.id

        area_id = self._write(work, dry_run=dry_run)
        return self._area_view(area_id) if not dry_run else AreaView(area_id, name.strip(), code, False, 0)

    def set_area(self, ident: str, changes: Mapping[str, Any], *, dry_run: bool = False) -> AreaView:
        values = normalise_changes(changes, AREA_KEYS, "area")

        def work(uow: UnitOfWork) -> str:
            s = uow.session
            area = find_area(s, ident)
            if "name" in values:
                clean = parse_text(values["name"], "name", 200, required=True)
                assert clean is not None
                self._area_name_free(s, clean, area.id)
                area.name = clean
            if "code" in values:
                clean_code = parse_text(values["code"], "code", 40)
                self._area_code_free(s, clean_code, area.id)
                area.code = clean_code
            if "retired" in values:
                retired = parse_yes_no(values["retired"], "retired")
                if retired and not area.retired:
                    sites = (
                        s.scalar(
                            select(func.count())
                            .select_from(SiteRecord)
                            .where(
                                SiteRecord.area_id == area.id,
                                SiteRecord.deleted.is_(False),
                                SiteRecord.retired.is_(False),
                            )
                        )
                        or 0
                    )
                    if sites:
                        raise StructureRejected(
                            f"retired: area '{area.name}' still has {sites} sites in use; move or retire them first",
                            "retired",
                        )
                area.retired = retired
            return area.id

        area_id = self._write(work, dry_run=dry_run)
        return self._area_view(area_id)

    def _area_view(self, area_id: str) -> AreaView:
        return next(a for a in self.areas() if a.id == area_id)

    @staticmethod
    def _area_name_free(s: Session, name: str, own_id: str | None) -> None:
        for other in s.scalars(select(AreaRecord).where(AreaRecord.deleted.is_(False))):
            if other.id != own_id and name_key(other.name) == name_key(name):
                state = " (retired; bring it back with retired=no)" if other.retired else ""
                raise StructureRejected(f"name: there is already an area called '{other.name}'{state}", "name")

    @staticmethod
    def _area_code_free(s: Session, code: str | None, own_id: str | None) -> None:
        if not code:
            return
        for other in s.scalars(
            select(AreaRecord).where(AreaRecord.deleted.is_(False), func.upper(AreaRecord.code) == code.upper())
        ):
            if other.id != own_id:
                raise StructureRejected(f"code: area '{other.name}' already has the code {code}", "code")

    # -- sites ------------------------------------------------------------------------------------
    def site_views(self, *, include_retired: bool = True) -> list[SiteView]:
        with self._reading() as s:
            stmt = (
                select(SiteRecord, AreaRecord.name)
                .outerjoin(AreaRecord, AreaRecord.id == SiteRecord.area_id)
                .where(SiteRecord.deleted.is_(False))
                .order_by(AreaRecord.name, SiteRecord.name)
            )
            if not include_retired:
                stmt = stmt.where(SiteRecord.retired.is_(False))
            return [site_view(site, area) for site, area in s.execute(stmt).all()]

    def site(self, ident: str) -> SiteView:
        with self._reading() as s:
            site = repo.find_site(s, ident)
            area = s.get(AreaRecord, site.area_id) if site.area_id else None
            return site_view(site, area.name if area else None)

    def add_site(
        self,
        code: str,
        *,
        name: str,
        area: str,
        kind: str,
        cost_centre: str | None = None,
        address: str | None = None,
        notes: str | None = None,
        dry_run: bool = False,
    ) -> SiteView:
        def work(uow: UnitOfWork) -> str:
            s = uow.session
            clean_code = site_code(code)
            self._site_code_free(s, clean_code, None)
            clean_name = parse_text(name, "name", 200, required=True)
            area_rec = self._live_area(s, area)
            site = SiteRecord(
                id=free_id(s, SiteRecord, site_id_for(clean_code)),
                code=clean_code,
                name=clean_name,
                area_id=area_rec.id,
                kind=parse_choice(SiteKind, kind, "kind"),
                cost_centre=parse_text(cost_centre, "cost_centre", 40),
                address=parse_text(address, "address", 300),
                notes=(notes or "").strip() or None,
                retired=False,
            )
            s.add(site)
            return site.id

        site_id = self._write(work, dry_run=dry_run)
        return (
            self.site(site_id)
            if not dry_run
            else SiteView(site_id, code.upper(), name, area, None, kind, cost_centre, address, notes, False)
        )

    def set_site(self, ident: str, changes: Mapping[str, Any], *, dry_run: bool = False) -> SiteView:
        values = normalise_changes(changes, SITE_KEYS, "site")

        def work(uow: UnitOfWork) -> str:
            s = uow.session
            site = repo.find_site(s, ident)
            if "code" in values:
                clean_code = site_code(values["code"])
                self._site_code_free(s, clean_code, site.id)
                # Room labels keep the code they were printed with (stored per room): they still scan.
                site.code = clean_code
            if "name" in values:
                site.name = parse_text(values["name"], "name", 200, required=True)  # type: ignore[assignment]
            if "area" in values:
                site.area_id = self._live_area(s, values["area"]).id
            if "kind" in values:
                site.kind = parse_choice(SiteKind, values["kind"], "kind")
            if "cost_centre" in values:
                site.cost_centre = parse_text(values["cost_centre"], "cost_centre", 40)
            if "address" in values:
                site.address = parse_text(values["address"], "address", 300)
            if "notes" in values:
                site.notes = (values["notes"] or "").strip() or None
            if "retired" in values:
                retired = parse_yes_no(values["retired"], "retired")
                if retired and not site.retired:
                    held = devices_held(s, DeviceRecord.site_id == site.id)
                    if held:
                        raise StructureRejected(
                            f"retired: site '{site.name}' still holds {held} devices that are not lost, retired or "
                            "recycled; move them or change their status first",
                            "retired",
                        )
                if not retired and site.retired and site.area_id:
                    area_rec = s.get(AreaRecord, site.area_id)
                    if area_rec is not None and area_rec.retired:
                        raise StructureRejected(
                            f"retired: the site's area '{area_rec.name}' is retired; bring the area back first",
                            "retired",
                        )
                site.retired = retired
            return site.id

        site_id = self._write(work, dry_run=dry_run)
        return self.site(site_id)

    @staticmethod
    def _site_code_free(s: Session, code: str, own_id: str | None) -> None:
        key = identifier_key(code)
        for other in s.scalars(select(SiteRecord).where(SiteRecord.deleted.is_(False), SiteRecord.code.is_not(None))):
            if other.id != own_id and identifier_key(other.code) == key:
                state = " (retired; bring it back with retired=no)" if other.retired else ""
                raise StructureRejected(f"code: site code {code} is already used by '{other.name}'{state}", "code")

    @staticmethod
    def _live_area(s: Session, ident: Any) -> AreaRecord:
        text = str(ident or "").strip()
        if not text:
            raise StructureRejected("area: a site belongs to an area; name one ('area list' shows them)", "area")
        try:
            area = find_area(s, text)
        except RejectedInput as exc:
            raise StructureRejected(f"area: {exc}", "area") from None
        if area.retired:
            raise StructureRejected(f"area: '{area.name}' is retired", "area")
        return area

    # -- rooms ------------------------------------------------------------------------------------
    def room_views(self, site: str, *, include_retired: bool = True) -> list[RoomView]:
        with self._reading() as s:
            site_rec = repo.find_site(s, site)
            stmt = select(RoomRecord).where(RoomRecord.site_id == site_rec.id, RoomRecord.deleted.is_(False))
            if not include_retired:
                stmt = stmt.where(RoomRecord.retired.is_(False))
            return [room_view(r, site_rec.code) for r in s.scalars(stmt.order_by(RoomRecord.code))]

    def room(self, room_id: str) -> RoomView:
        with self._reading() as s:
            room = s.get(RoomRecord, room_id)
            if room is None:
                raise StructureRejected(f"no room with id {room_id}")
            site = s.get(SiteRecord, room.site_id)
            return room_view(room, site.code if site else None)

    def add_room(
        self, site: str, code: str, *, name: str | None = None, kind: str | None = None, dry_run: bool = False
    ) -> RoomView:
        def work(uow: UnitOfWork) -> str:
            s = uow.session
            site_rec = self._site_for_rooms(s, site)
            clean_code = room_code(code)
            self._room_code_free(s, site_rec.id, clean_code, None)
            room = RoomRecord(
                id=free_id(s, RoomRecord, room_id_for(site_rec.id, clean_code)),
                site_id=site_rec.id,
                code=clean_code,
                name=parse_text(name, "name", 200),
                kind=parse_choice(RoomKind, kind, "kind") if kind else RoomKind.CLASSROOM.value,
                label_code=room_label_code(site_rec.code or site_rec.name, clean_code),
                retired=False,
            )
            s.add(room)
            return room.id

        room_id = self._write(work, dry_run=dry_run)
        return (
            self.room(room_id)
            if not dry_run
            else RoomView(room_id, "", site, code, name, kind or "classroom", None, False)
        )

    def set_room(self, site: str, ident: str, changes: Mapping[str, Any], *, dry_run: bool = False) -> RoomView:
        values = normalise_changes(changes, ROOM_KEYS, "room")

        def work(uow: UnitOfWork) -> str:
            s = uow.session
            site_rec = repo.find_site(s, site)
            room = repo.find_room(s, site_rec.id, ident)
            if "code" in values:
                clean_code = room_code(values["code"])
                self._room_code_free(s, site_rec.id, clean_code, room.id)
                room.code = clean_code  # the printed label keeps working: label_code stays
            if "name" in values:
                room.name = parse_text(values["name"], "name", 200)
            if "kind" in values:
                room.kind = parse_choice(RoomKind, values["kind"], "kind")
            if "retired" in values:
                retired = parse_yes_no(values["retired"], "retired")
                if retired and not room.retired:
                    held = devices_held(s, DeviceRecord.room_id == room.id)
                    if held:
                        raise StructureRejected(
                            f"retired: room {room.code} still holds {held} devices that are not lost, retired or "
                            "recycled; move them first",
                            "retired",
                        )
                if not retired and room.retired and site_rec.retired:
                    raise StructureRejected(
                        f"retired: site '{site_rec.name}' is retired; bring the site back first", "retired"
                    )
                room.retired = retired
            return room.id

        room_id = self._write(work, dry_run=dry_run)
        return self.room(room_id)

    @staticmethod
    def _site_for_rooms(s: Session, ident: Any) -> SiteRecord:
        try:
            site_rec = repo.find_site(s, str(ident or ""))
        except RejectedInput as exc:
            raise StructureRejected(f"site: {exc}", "site") from None
        if site_rec.retired:
            raise StructureRejected(f"site: '{site_rec.name}' is retired; rooms cannot be added to it", "site")
        return site_rec

    @staticmethod
    def _room_code_free(s: Session, site_id: str, code: str, own_id: str | None) -> None:
        key = identifier_key(code)
        for other in s.scalars(select(RoomRecord).where(RoomRecord.site_id == site_id, RoomRecord.deleted.is_(False))):
            if other.id != own_id and identifier_key(other.code) == key:
                state = " (retired; bring it back with retired=no)" if other.retired else ""
                raise StructureRejected(f"code: this site already has a room {other.code}{state}", "code")

    # -- leasing contracts --------------------------------------------------------------------------
    def contracts(self, *, include_retired: bool = True) -> list[ContractView]:
        with self._reading() as s:
            counts = repo.live_device_counts(s, DeviceRecord.contract_id, DeviceRecord.contract_id.is_not(None))
            stmt = select(LeasingContractRecord).where(LeasingContractRecord.deleted.is_(False))
            if not include_retired:
                stmt = stmt.where(LeasingContractRecord.retired.is_(False))
            rows = s.scalars(stmt.order_by(LeasingContractRecord.contract_number))
            return [contract_view(c, int(counts.get(c.id, 0))) for c in rows]

    def contract(self, ident: str) -> ContractView:
        with self._reading() as s:
            c = s.get(LeasingContractRecord, ident) or repo.find_contract(s, ident)
            count = (
                s.scalar(
                    select(func.count())
                    .select_from(DeviceRecord)
                    .where(DeviceRecord.contract_id == c.id, DeviceRecord.deleted.is_(False))
                )
                or 0
            )
            return contract_view(c, int(count))

    def add_contract(
        self,
        number: str,
        *,
        lessor: str,
        start: Any,
        end: Any,
        notice_months: Any = None,
        fee_basis: str | None = None,
        monthly_fee: Any = None,
        cost_centre: str | None = None,
        dry_run: bool = False,
    ) -> ContractView:
        def work(uow: UnitOfWork) -> str:
            s = uow.session
            clean_number = parse_text(number, "number", 80, required=True)
            assert clean_number is not None
            self._contract_number_free(s, clean_number, None)
            record = LeasingContractRecord(
                id=free_id(s, LeasingContractRecord, contract_id_for(clean_number)),
                contract_number=clean_number,
                lessor=parse_text(lessor, "lessor", 200, required=True),
                retired=False,
            )
            self._apply_contract(
                record,
                {
                    "start": start,
                    "end": end,
                    "notice_months": notice_months,
                    "fee_basis": fee_basis,
                    "monthly_fee": monthly_fee,
                    "cost_centre": cost_centre,
                },
                new=True,
            )
            s.add(record)
            return record.id

        contract_id = self._write(work, dry_run=dry_run)
        if dry_run:
            return ContractView(
                contract_id, number, lessor, None, None, 0, fee_basis or "per_device", None, cost_centre, False, 0
            )
        return self.contract(contract_id)

    def set_contract(self, ident: str, changes: Mapping[str, Any], *, dry_run: bool = False) -> ContractView:
        values = normalise_changes(changes, CONTRACT_KEYS, "contract")

        def work(uow: UnitOfWork) -> str:
            s = uow.session
            record = s.get(LeasingContractRecord, ident) or repo.find_contract(s, ident)
            if "number" in values:
                clean_number = parse_text(values["number"], "number", 80, required=True)
                assert clean_number is not None
                self._contract_number_free(s, clean_number, record.id)
                record.contract_number = clean_number
            if "lessor" in values:
                record.lessor = parse_text(values["lessor"], "lessor", 200, required=True)  # type: ignore[assignment]
            if "retired" in values:
                record.retired = parse_yes_no(values["retired"], "retired")
            self._apply_contract(record, values, new=False)
            return record.id

        contract_id = self._write(work, dry_run=dry_run)
        return self.contract(contract_id)

    @staticmethod
    def _apply_contract(record: LeasingContractRecord, values: Mapping[str, Any], *, new: bool) -> None:
        start = parse_date_field(values["start"], "start") if "start" in values else record.start_date
        end = parse_date_field(values["end"], "end") if "end" in values else record.end_date
        if new and start is None:
            raise StructureRejected("start: a contract needs a start date (d.m.yyyy)", "start")
        if new and end is None:
            raise StructureRejected("end: a contract needs an end date (d.m.yyyy)", "end")
        if start and end and end < start:
            raise StructureRejected(
                f"end: the contract ends ({end:%d.%m.%Y}) before it starts ({start:%d.%m.%Y})", "end"
            )
        record.start_date, record.end_date = start, end
        if values.get("notice_months") not in (None, "") or (not new and "notice_months" in values):
            months = parse_int(values["notice_months"], "notice_months", 0, 60)
            record.notice_months = 3 if months is None else months
        elif new:
            record.notice_months = 3
        if values.get("fee_basis") or (not new and "fee_basis" in values):
            record.fee_basis = parse_choice(FeeBasis, values["fee_basis"], "fee_basis")
        elif new:
            record.fee_basis = FeeBasis.PER_DEVICE.value
        if "monthly_fee" in values:
            record.monthly_fee_cents = parse_cents(values["monthly_fee"], "monthly_fee")
        if "cost_centre" in values:
            record.cost_centre = parse_text(values["cost_centre"], "cost_centre", 40)

    @staticmethod
    def _contract_number_free(s: Session, number: str, own_id: str | None) -> None:
        key = identifier_key(number)
        for other in s.scalars(select(LeasingContractRecord).where(LeasingContractRecord.deleted.is_(False))):
            if other.id != own_id and identifier_key(other.contract_number) == key:
                state = " (retired; bring it back with retired=no)" if other.retired else ""
                raise StructureRejected(f"number: contract {other.contract_number} already exists{state}", "number")

    # -- device models -----------------------------------------------------------------------------
    def models(self, *, include_retired: bool = True) -> list[ModelView]:
        with self._reading() as s:
            counts = repo.live_device_counts(s, DeviceRecord.model_id, DeviceRecord.model_id.is_not(None))
            stmt = (
                select(DeviceModelRecord, CategoryRecord.code)
                .outerjoin(CategoryRecord, CategoryRecord.id == DeviceModelRecord.category_id)
                .where(DeviceModelRecord.deleted.is_(False))
                .order_by(DeviceModelRecord.manufacturer, DeviceModelRecord.name)
            )
            if not include_retired:
                stmt = stmt.where(DeviceModelRecord.retired.is_(False))
            return [
                ModelView(
                    m.id, m.manufacturer, m.name, cat, m.expected_lifetime_years, m.retired, int(counts.get(m.id, 0))
                )
                for m, cat in s.execute(stmt).all()
            ]

    def add_model(
        self,
        name: str,
        *,
        manufacturer: str | None = None,
        category: str | None = None,
        lifetime_years: Any = None,
        dry_run: bool = False,
    ) -> ModelView:
        def work(uow: UnitOfWork) -> str:
            s = uow.session
            clean_name = parse_text(name, "name", 200, required=True)
            assert clean_name is not None
            maker = parse_text(manufacturer, "manufacturer", 100)
            self._model_free(s, maker, clean_name, None)
            model = DeviceModelRecord(
                id=free_id(s, DeviceModelRecord, model_id_for(maker, clean_name)),
                name=clean_name,
                manufacturer=maker,
                category_id=self._category_id(s, category),
                expected_lifetime_years=parse_int(lifetime_years, "lifetime_years", 1, 30),
                retired=False,
            )
            s.add(model)
            return model.id

        model_id = self._write(work, dry_run=dry_run)
        return (
            next(m for m in self.models() if m.id == model_id)
            if not dry_run
            else ModelView(model_id, manufacturer, name, category, None, False, 0)
        )

    def set_model(self, ident: str, changes: Mapping[str, Any], *, dry_run: bool = False) -> ModelView:
        values = normalise_changes(changes, MODEL_KEYS, "model")

        def work(uow: UnitOfWork) -> str:
            s = uow.session
            model = find_model(s, ident)
            maker = (
                parse_text(values["manufacturer"], "manufacturer", 100)
                if "manufacturer" in values
                else model.manufacturer
            )
            name = parse_text(values["name"], "name", 200, required=True) if "name" in values else model.name
            assert name is not None
            if "manufacturer" in values or "name" in values:
                self._model_free(s, maker, name, model.id)
                model.manufacturer, model.name = maker, name
            if "category" in values:
                model.category_id = self._category_id(s, values["category"])
            if "lifetime_years" in values:
                model.expected_lifetime_years = parse_int(values["lifetime_years"], "lifetime_years", 1, 30)
            if "retired" in values:
                model.retired = parse_yes_no(values["retired"], "retired")
            return model.id

        model_id = self._write(work, dry_run=dry_run)
        return next(m for m in self.models() if m.id == model_id)

    @staticmethod
    def _category_id(s: Session, category: Any) -> str | None:
        if not category or not str(category).strip():
            return None
        try:
            return repo.find_category(s, str(category)).id
        except RejectedInput as exc:
            raise StructureRejected(f"category: {exc}", "category") from None

    @staticmethod
    def _model_free(s: Session, maker: str | None, name: str, own_id: str | None) -> None:
        key = name_key(f"{maker or ''} {name}")
        for other in s.scalars(select(DeviceModelRecord).where(DeviceModelRecord.deleted.is_(False))):
            if other.id != own_id and name_key(f"{other.manufacturer or ''} {other.name}") == key:
                raise StructureRejected(
                    f"name: the model {(maker + ' ') if maker else ''}{name} already exists", "name"
                )

    # -- deleting and duplicates (structure_refs) ---------------------------------------------------
    def delete(self, kind: str, ident: str, site: str | None = None) -> str:
        """Soft-delete an area, site, room, contract or model that nothing points to; else say what does."""
        return StructureReferences(self).delete(kind, ident, site)

    def duplicates(self) -> list[DuplicateStructure]:
        return StructureReferences(self).duplicates()
