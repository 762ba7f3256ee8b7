"""UI fixtures: a small school with known devices, an AppContext on the test's store, the window."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from inventory_app.core.identifiers import make_tag, room_label_code
from inventory_app.inventory.service import InventoryService
from inventory_app.storage.schema import AreaRecord, RoomRecord, SiteRecord


@dataclass
class School:
    site_id: str
    other_site_id: str
    rooms: dict[str, str]  # code -> id
    labels: dict[str, str]  # code -> room label
    tags: dict[str, list[str]]  # room code -> asset tags recorded there


@pytest.fixture
def school(store) -> School:
    """Koivukylä school: A101 (4 pupil laptops), A102 (2 projectors), VA1 (empty); and another site."""
    rooms, labels = {}, {}
    with store.unit_of_work() as uow:
        area = AreaRecord(name="Pohjoinen")
        uow.session.add(area)
        uow.flush()
        site = SiteRecord(name="Koivukylän koulu", code="KOI01", area_id=area.id, kind="primary")
        other = SiteRecord(name="Tapanilan lukio", code="TAP02", area_id=area.id, kind="upper_secondary")
        uow.session.add_all([site, other])
        uow.flush()
        for code in ("A101", "A102", "VA1"):
            room = RoomRecord(
                site_id=site.id,
                code=code,
                name=f"Luokka {code}",
                kind="classroom",
                label_code=room_label_code("KOI01", code),
            )
            uow.session.add(room)
            uow.flush()
            rooms[code], labels[code] = room.id, room.label_code
        uow.session.add(
            RoomRecord(site_id=other.id, code="B1", kind="classroom", label_code=room_label_code("TAP02", "B1"))
        )
    service = InventoryService(store)
    tags: dict[str, list[str]] = {"A101": [], "A102": [], "B1": []}
    n = 0
    for room_code, count, category, site_code in (
        ("A101", 4, "pupil_laptop", "KOI01"),
        ("A102", 2, "projector", "KOI01"),
        ("B1", 1, "tablet", "TAP02"),
    ):
        for _ in range(count):
            n += 1
            tag = make_tag("HKI", n)
            service.add(
                tag=tag,
                category=category,
                site=site_code,
                room=room_code,
                fields={
                    "serial": f"SN{n:04d}",
                    "model": "Lenovo 300e" if category == "pupil_laptop" else "Epson EB-W49",
                },
            )
            tags[room_code].append(tag)
    return School(site.id, other.id, rooms, labels, tags)


@pytest.fixture
def ctx(store_path: Path, school: School):  # type: ignore[no-untyped-def]
    """The app's context on the test's store (user folders under the test's INVENTORY_HOME)."""
    from inventory_app.context import AppContext

    context = AppContext.create(db=str(store_path))
    context.config.sound = False
    yield context
    context.close()


@pytest.fixture
def main_window(qtbot, ctx):  # type: ignore[no-untyped-def]
    from inventory_app.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    yield window
    window.runner.wait(5000)
