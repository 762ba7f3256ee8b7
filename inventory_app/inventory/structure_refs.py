"""What still points to a row of the structure, deleting what nothing points to, and duplicates."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from inventory_app.core.identifiers import identifier_key
from inventory_app.inventory.structure_rules import (
    DuplicateStructure,
    StructureRejected,
    find_area,
    find_model,
    name_key,
)
from inventory_app.storage import repositories as repo
from inventory_app.storage.schema import (
    AreaRecord,
    AuditRecord,
    DeviceRecord,
    LeasingContractRecord,
    ObservationRecord,
    RoomRecord,
    ScanEventRecord,
    SitePopulationRecord,
    SiteRecord,
)
from inventory_app.storage.unit_of_work import UnitOfWork

if TYPE_CHECKING:
    from inventory_app.inventory.structure import StructureService


class StructureReferences:
    def __init__(self, service: StructureService) -> None:
        self.store = service.store
        self._write = service._write

    # -- deleting (only what nothing points to) -------------------------------------------------------
    def delete(self, kind: str, ident: str, site: str | None = None) -> str:
        """Soft-delete a row nothing points to; otherwise say what still points to it."""

        def work(uow: UnitOfWork) -> str:
            s = uow.session
            record: Any
            refs: list[tuple[str, Any]]
            if kind == "area":
                record = find_area(s, ident)
                refs = [
                    (
                        "sites",
                        select(func.count())
                        .select_from(SiteRecord)
                        .where(SiteRecord.area_id == record.id, SiteRecord.deleted.is_(False)),
                    )
                ]
                label = f"area '{record.name}'"
            elif kind == "site":
                record = repo.find_site(s, ident)
                refs = [
                    (
                        "rooms",
                        select(func.count())
                        .select_from(RoomRecord)
                        .where(RoomRecord.site_id == record.id, RoomRecord.deleted.is_(False)),
                    ),
                    (
                        "devices",
                        select(func.count())
                        .select_from(DeviceRecord)
                        .where(DeviceRecord.site_id == record.id, DeviceRecord.deleted.is_(False)),
                    ),
                    ("audits", select(func.count()).select_from(AuditRecord).where(AuditRecord.site_id == record.id)),
                    (
                        "observations",
                        select(func.count())
                        .select_from(ObservationRecord)
                        .where(ObservationRecord.site_id == record.id),
                    ),
                    (
                        "pupil counts",
                        select(func.count())
                        .select_from(SitePopulationRecord)
                        .where(SitePopulationRecord.site_id == record.id, SitePopulationRecord.deleted.is_(False)),
                    ),
                ]
                label = f"site '{record.name}'"
            elif kind == "room":
                if site is None:
                    raise StructureRejected("name the room's site too", "site")
                record = repo.find_room(s, repo.find_site(s, site).id, ident)
                refs = [
                    (
                        "devices",
                        select(func.count())
                        .select_from(DeviceRecord)
                        .where(DeviceRecord.room_id == record.id, DeviceRecord.deleted.is_(False)),
                    ),
                    (
                        "scans",
                        select(func.count()).select_from(ScanEventRecord).where(ScanEventRecord.room_id == record.id),
                    ),
                    (
                        "observations",
                        select(func.count())
                        .select_from(ObservationRecord)
                        .where(ObservationRecord.room_id == record.id),
                    ),
                ]
                label = f"room {record.code}"
            elif kind == "contract":
                record = s.get(LeasingContractRecord, ident) or repo.find_contract(s, ident)
                refs = [
                    (
                        "devices",
                        select(func.count())
                        .select_from(DeviceRecord)
                        .where(DeviceRecord.contract_id == record.id, DeviceRecord.deleted.is_(False)),
                    )
                ]
                label = f"contract {record.contract_number}"
            elif kind == "model":
                record = find_model(s, ident)
                refs = [
                    (
                        "devices",
                        select(func.count())
                        .select_from(DeviceRecord)
                        .where(DeviceRecord.model_id == record.id, DeviceRecord.deleted.is_(False)),
                    )
                ]
                label = f"model {record.name}"
            else:
                raise StructureRejected(f"cannot delete a {kind}")
            used = [f"{int(n)} {what}" for what, stmt in refs if (n := s.scalar(stmt) or 0)]
            if used:
                raise StructureRejected(
                    f"{label} cannot be deleted: {', '.join(used)} still point to it; retire it instead "
                    "(retired=yes keeps it for history and hides it from lists)",
                    "retired",
                )
            record.deleted = True
            return str(record.id)

        return str(self._write(work))

    # -- duplicates that sync brought together --------------------------------------------------------
    def duplicates(self) -> list[DuplicateStructure]:
        """Live rows that name the same thing under different ids (for a person to review)."""
        found: list[DuplicateStructure] = []
        with self.store.read() as s:

            def group(table: str, rows: list[tuple[str, str]]) -> None:
                by_key: dict[str, list[str]] = {}
                for row_id, key in rows:
                    if key:
                        by_key.setdefault(key, []).append(row_id)
                found.extend(
                    DuplicateStructure(table, k, sorted(ids)) for k, ids in sorted(by_key.items()) if len(ids) > 1
                )

            group(
                "areas",
                [(a.id, name_key(a.name)) for a in s.scalars(select(AreaRecord).where(AreaRecord.deleted.is_(False)))],
            )
            group(
                "sites",
                [
                    (r.id, identifier_key(r.code))
                    for r in s.scalars(select(SiteRecord).where(SiteRecord.deleted.is_(False)))
                ],
            )
            group(
                "rooms",
                [
                    (r.id, f"{r.site_id}:{identifier_key(r.code)}")
                    for r in s.scalars(select(RoomRecord).where(RoomRecord.deleted.is_(False)))
                ],
            )
            group(
                "leasing_contracts",
                [
                    (c.id, identifier_key(c.contract_number))
                    for c in s.scalars(select(LeasingContractRecord).where(LeasingContractRecord.deleted.is_(False)))
                ],
            )
        return found
