"""A small hand-made site for audit tests: two classrooms with known devices."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from inventory_app.core.identifiers import room_label_code
from tests.support import build_school


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
    site_id, _other_id, rooms, labels, tags = build_school(
        store,
        area="North",
        other=("OTH02", "Other school", "primary"),
        devices=[("A101", 4, "pupil_laptop", "KOI01"), ("A102", 3, "pupil_laptop", "KOI01")],
    )
    return School(site_id, "KOI01", rooms, labels, tags, room_label_code("OTH02", "B1"))


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()
