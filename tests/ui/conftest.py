"""UI fixtures: a small school with known devices, an AppContext on the test's store, the window."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.support import build_school


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
    site_id, other_id, rooms, labels, tags = build_school(
        store,
        area="Pohjoinen",
        other=("TAP02", "Tapanilan lukio", "upper_secondary"),
        devices=[("A101", 4, "pupil_laptop", "KOI01"), ("A102", 2, "projector", "KOI01"), ("B1", 1, "tablet", "TAP02")],
        room_names=True,
        models={"pupil_laptop": "Lenovo 300e", "projector": "Epson EB-W49", "tablet": "Epson EB-W49"},
    )
    return School(site_id, other_id, rooms, labels, tags)


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
