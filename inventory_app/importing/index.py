"""What rows of an inventory file are checked against, read from the store once, and the city's
structure an import plans to add (a full export's sheets, ``--create-missing``)."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.orm import Session

from inventory_app.core.errors import RejectedInput
from inventory_app.importing.structure import (
    NewArea,
    NewContract,
    NewRoom,
    NewSite,
    StructureSheets,
    new_room,
    site_code_for,
)
from inventory_app.storage import import_queries as q

KEY_COLUMN = {"asset_tag": "tag_key", "serial": "serial_key", "inventory_number": "inventory_key", "mac": "mac_key"}


class StoreIndex:
    """Everything rows are checked against, read once."""

    def __init__(self, session: Session) -> None:
        self.sites_by_code: dict[str, list[Any]] = {}
        self.sites_by_name: dict[str, list[Any]] = {}
        self.site_by_id: dict[str, Any] = {}
        for site in q.live_sites(session):
            self.site_by_id[site.id] = site
            if site.code:
                self.sites_by_code.setdefault(site.code.strip().casefold(), []).append(site)
            self.sites_by_name.setdefault(" ".join(site.name.split()).casefold(), []).append(site)
        self.rooms: dict[tuple[str, str], str] = {}
        self.room_code_by_id: dict[str, str] = {}
        for room in q.live_rooms(session):
            self.rooms[(room.site_id, room.code.strip().upper())] = room.id
            self.room_code_by_id[room.id] = room.code
        self.category_id_by_code = {c.code: c.id for c in q.live_categories(session)}
        self.category_code_by_id = {v: k for k, v in self.category_id_by_code.items()}
        self.models: dict[tuple[str, str], str] = {}
        self.model_by_id: dict[str, Any] = {}
        for m in q.live_models(session):
            self.models.setdefault(((m.manufacturer or "").casefold().strip(), m.name.casefold().strip()), m.id)
            self.model_by_id[m.id] = m
        self.contracts = {c.contract_number.strip().upper(): c.id for c in q.live_contracts(session)}
        self.contract_number_by_id = {c_id: num for num, c_id in self.contracts.items()}
        self.areas: dict[str, str] = {}
        self.area_names = {area.id: area.name for area in q.live_areas(session)}
        for area in q.live_areas(session):
            self.areas.setdefault(" ".join(area.name.split()).casefold(), area.id)
            if area.code:
                self.areas.setdefault(area.code.strip().casefold(), area.id)
        # Ids taken by any row (deleted ones too): an id from a file is reused only when free.
        self.taken_ids: set[str] = q.structure_ids(session)
        self.live_ids: set[str] = set()
        self.gone_ids: set[str] = set()
        self.by_key: dict[str, dict[str, set[str]]] = {k: {} for k in KEY_COLUMN.values()}
        self.gone_tags: set[str] = set()
        for dev_id, deleted, merged, tag_key, serial_key, inventory_key, mac_key in q.device_identity_rows(session):
            if deleted or merged:
                self.gone_ids.add(dev_id)
                if tag_key:
                    self.gone_tags.add(tag_key)
                continue
            self.live_ids.add(dev_id)
            for column, key in (
                ("tag_key", tag_key),
                ("serial_key", serial_key),
                ("inventory_key", inventory_key),
                ("mac_key", mac_key),
            ):
                if key:
                    self.by_key[column].setdefault(key, set()).add(dev_id)

    def add_site(self, site: NewSite) -> None:
        self.site_by_id[site.id] = site
        if site.code:
            self.sites_by_code.setdefault(site.code.strip().casefold(), []).append(site)
        self.sites_by_name.setdefault(" ".join(site.name.split()).casefold(), []).append(site)

    def add_room(self, room: NewRoom) -> None:
        self.rooms[(room.site_id, room.code.strip().upper())] = room.id
        self.room_code_by_id[room.id] = room.code

    def add_contract(self, contract: NewContract) -> None:
        self.contracts[contract.contract_number.strip().upper()] = contract.id
        self.contract_number_by_id[contract.id] = contract.contract_number

    def free_id(self, wanted: str | None) -> str:
        new_id = wanted if wanted and wanted not in self.taken_ids else str(uuid.uuid4())
        self.taken_ids.add(new_id)
        return new_id

    def lookup_site(self, text: str) -> list[Any]:
        key = " ".join(text.split()).casefold()
        return self.sites_by_code.get(key) or self.sites_by_name.get(key) or []

    def find_site(self, text: str) -> Any:
        found = self.lookup_site(text)
        if not found:
            raise RejectedInput(
                f"unknown site '{text}' (add it with 'site add', or import with --create-missing "
                "to create the sites the file names)"
            )
        if len(found) > 1:
            raise RejectedInput(f"'{text}' names {len(found)} sites; use the site code")
        return found[0]


class StructurePlanner:
    """The areas, sites, rooms and contracts an import adds; each is added to the index at once,
    so the rows after it find it like any other."""

    def __init__(self, index: StoreIndex, area: str | None, structure: StructureSheets) -> None:
        self.index = index
        self.area = area
        self.structure = structure
        self.sites: dict[str, NewSite] = {}
        self.areas: dict[str, NewArea] = {}
        self.contracts: list[NewContract] = []
        self.rooms: dict[tuple[str, str], NewRoom] = {}
        self._area_id: str | None = None
        self._area_name: str | None = None
        self._area_resolved = False

    def plan_sheets(self) -> None:
        """Plan the areas, sites, rooms and contracts of a full export's sheets that the store lacks."""
        for row in self.structure.contracts:
            if row["number"].strip().upper() in self.index.contracts:
                continue
            contract = NewContract(
                self.index.free_id(row.get("id")),
                row["number"],
                row["lessor"],
                row.get("start"),
                row.get("end"),
                row.get("notice_months"),
                row.get("fee_basis"),
                row.get("monthly_fee"),
                row.get("cost_centre"),
            )
            self.index.add_contract(contract)
            self.contracts.append(contract)
        for row in self.structure.sites:
            if self.index.lookup_site(row.get("code") or row["name"]):
                continue
            area_id, area_name = self.area_for(
                row.get("area") or row.get("area_code"), row.get("area_code"), row.get("area_id")
            )
            site = NewSite(
                self.index.free_id(row.get("id")),
                row["name"],
                row.get("code"),
                area_id,
                area_name,
                row.get("kind") or "other",
                row.get("cost_centre"),
                row.get("address"),
                from_sheet=True,
            )
            self.index.add_site(site)
            self.sites[site.id] = site
        for row in self.structure.rooms:
            found = self.index.lookup_site(row["site"])
            if len(found) != 1:
                raise RejectedInput(
                    f"sheet Rooms, row {row['row']}: "
                    f"{'unknown site' if not found else 'more than one site named'} '{row['site']}'; "
                    "nothing was imported"
                )
            site = found[0]
            key = (site.id, row["code"].strip().upper())
            if key in self.index.rooms:
                continue
            room = new_room(
                site.id,
                site.code,
                site.name,
                row["code"],
                id=self.index.free_id(row.get("id")),
                name=row.get("name"),
                kind=row.get("kind") or "classroom",
                from_sheet=True,
            )
            self.index.add_room(room)
            self.rooms[key] = room

    def area_for(
        self, text: str | None, code: str | None = None, wanted_id: str | None = None
    ) -> tuple[str | None, str | None]:
        if not text:
            return None, None
        key = " ".join(text.split()).casefold()
        if key in self.index.areas:
            return self.index.areas[key], self.index.area_names.get(self.index.areas[key], text)
        planned = self.areas.get(key)
        if planned is None:
            planned = NewArea(self.index.free_id(wanted_id), text, code)
            self.areas[key] = planned
            self.index.areas[key] = planned.id
            self.index.area_names[planned.id] = planned.name
        return planned.id, planned.name

    def new_site(self, text: str, kind: str | None) -> NewSite:
        if not self._area_resolved:
            self._area_id, self._area_name = self.area_for(self.area)
            self._area_resolved = True
        code = site_code_for(text, set(self.index.sites_by_code))
        site = NewSite(
            self.index.free_id(None), " ".join(text.split()), code, self._area_id, self._area_name, kind or "other"
        )
        self.index.add_site(site)
        self.sites[site.id] = site
        return site
