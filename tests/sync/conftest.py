"""Fixtures for sync: a central on a real PostgreSQL database, laptops on SQLite with their own clocks."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from inventory_app.storage.store import Store
from inventory_app.sync.central import CentralHub
from tests.sync.helpers import Clock, Laptop


@pytest.fixture
def central_clock() -> Clock:
    return Clock()


@pytest.fixture
def central(pg_url: str, central_clock: Clock) -> Iterator[Store]:
    store = Store.open(pg_url, now_ms=central_clock)
    CentralHub(store).initialise()
    yield store
    store.close()


@pytest.fixture
def make_laptop(tmp_path: Path) -> Iterator[Callable[[str], Laptop]]:
    opened: list[Store] = []

    def make(name: str, clock: Clock | None = None) -> Laptop:
        clock = clock or Clock()
        store = Store.open(tmp_path / f"{name}.sqlite", now_ms=clock)
        opened.append(store)
        return Laptop(name, store, clock)

    yield make
    for s in opened:
        s.close()
