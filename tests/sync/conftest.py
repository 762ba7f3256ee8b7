"""Fixtures for sync: a central on a real PostgreSQL database, laptops on SQLite with their own clocks."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from inventory_app.storage.store import Store
from inventory_app.sync.central import CentralHub
from tests.support import throwaway_pg_database
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


@pytest.fixture(scope="module")
def module_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """INVENTORY_HOME for fixtures shared by a module's tests (the autouse one is per test)."""
    home = tmp_path_factory.mktemp("home")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("INVENTORY_HOME", str(home))
        mp.delenv("INVENTORY_DB", raising=False)
        yield home


@pytest.fixture(scope="module")
def module_pg_url(module_home: Path) -> Iterator[str]:
    """Like ``pg_url`` (fails in CI when unreachable, skips locally) but shared by a module's tests."""
    with throwaway_pg_database() as url:
        yield url
