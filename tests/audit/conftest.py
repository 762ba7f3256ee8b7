"""A small hand-made site for audit tests: two classrooms with known devices."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from inventory_app.core.identifiers import make_tag, room_label_code
from inventory_app.inventory.service import InventoryService
from inventory_app.storage.schema import AreaRecord, RoomRecord, SiteRecord


@dataclass
class School:
    site_id: str
    site_code: str
    rooms: dict[str, str]  # code -> id
    labels: dict[str, str]  # code -> label
    tags: dict[str, list[str]]  # room code -> tags of devices recorded there
    other_site_label: str


class FakeClock:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


@pytest.fixture
def school(store) -> School:
    rooms, labels = {}, {}
    with store.unit_of_work() as uow:
        area = AreaRecord(name="North")
        uow.session.add(area)
        uow.flush()
        site = SiteRecord(name="Koivukylän koulu", code="KOI01", area_id=area.id, kind="primary")
        other = SiteRecord(name="Other school", code="OTH02", area_id=area.id, kind="primary")
        uow.session.add_all([site, other])
        uow.flush()
        for code in ("A101", "A102", "VA1"):
            room = RoomRecord(site_id=site.id, code=code, kind="classroom", label_code=room_label_code("KOI01", code))
            uow.session.add(room)
            uow.flush()
            rooms[code], labels[code] = room.id, room.label_code
        uow.session.add(
            RoomRecord(site_id=other.id, code="B1", kind="classroom", label_code=room_label_code("OTH02", "B1"))
        )
    service = InventoryService(store)
    tags: dict[str, list[str]] = {"A101": [], "A102": []}
    n = 0
    for room_code, count in (("A101", 4), ("A102", 3)):
        for _ in range(count):
            n += 1
            tag = make_tag("HKI", n)
            service.add(tag=tag, category="pupil_laptop", site="KOI01", room=room_code, fields={"serial": f"SN{n:04d}"})
            tags[room_code].append(tag)
    return School(site.id, "KOI01", rooms, labels, tags, room_label_code("OTH02", "B1"))


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()
