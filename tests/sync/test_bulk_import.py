"""Central's snapshot file into a laptop's empty tables goes in as rows (sync/bulk_load.py), not field by field:
the store ends exactly where the per-record merge ends, and a failure or a kill midway leaves it as it was."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from inventory_app.core.hlc import GENESIS_STAMP
from inventory_app.demo.city import DemoCity
from inventory_app.inventory.service import InventoryService
from inventory_app.storage.schema import DeviceRecord
from inventory_app.sync import bulk_load
from inventory_app.sync.records import Change
from inventory_app.sync.service import SyncService
from tests.sync.helpers import seed_site, sqlite_dump

pytestmark = pytest.mark.postgres

ROOT = Path(__file__).resolve().parents[2]
CRASH = Path(__file__).with_name("crash_import.py")
DEVICES = 5200  # with the city's other rows, past merge.INDEX_REBUILD_MIN: indexes are dropped and rebuilt


def _tables(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    conn = sqlite3.connect(path)
    try:
        names = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                "AND name NOT IN ('replica_state', 'sync_state', 'outbox') ORDER BY name"
            )
        ]
        dump = {n: sorted(conn.execute(f'SELECT * FROM "{n}"').fetchall(), key=repr) for n in names}
        dump["indexes"] = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name"
        ).fetchall()
        dump["search"] = conn.execute(
            "SELECT d.id, s.body FROM device_search s JOIN devices d ON d.rowid = s.rowid ORDER BY d.id"
        ).fetchall()
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return dump
    finally:
        conn.close()


@pytest.fixture(scope="module")
def city(module_pg_url: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A central city; two laptops enrolled by file (``a``, ``b``), a snapshot file for each."""
    from inventory_app.storage.store import Store
    from inventory_app.sync.central import CentralHub

    folder = tmp_path_factory.mktemp("bulk")
    central = Store.open(module_pg_url)
    try:
        CentralHub(central).initialise()
        DemoCity(central, devices=DEVICES, seed=3).generate()
        # Rows whose stamps are more than one (an edit after the demo): the stamps text is not the usual one.
        some = InventoryService(central).list(limit=3)
        for view in some:
            InventoryService(central).set(view.id, {"notes": "moved"})
        out: dict[str, Any] = {"folder": folder, "edited": [v.id for v in some]}
        for name in ("a", "b"):
            SyncService(central).make_enrolment(name, folder / f"{name}.enrol")
            db = folder / f"{name}.sqlite"
            laptop = Store.open(db)
            SyncService(laptop).enrol_from_file(folder / f"{name}.enrol")
            laptop.close()
            SyncService(central).export(folder / f"{name}.zip", for_replica=name)
            out[name] = db
    finally:
        central.close()
    return out


def _import(db: Path, file: Path) -> Any:
    from inventory_app.storage.store import Store

    store = Store.open(db)
    try:
        return SyncService(store).import_file(file)
    finally:
        store.close()


def test_a_snapshot_file_into_an_empty_laptop_ends_where_the_per_record_merge_ends(city, tmp_path, monkeypatch):
    bulk, merged = tmp_path / "bulk.sqlite", tmp_path / "merged.sqlite"
    shutil.copy(city["a"], bulk)
    shutil.copy(city["a"], merged)
    used: list[str] = []
    real = bulk_load.rows_from_changes

    def spy(load: bulk_load.TableLoad, changes: Any) -> Any:
        rows = real(load, changes)
        if rows is not None:
            used.append(load.name)
        return rows

    monkeypatch.setattr(bulk_load, "rows_from_changes", spy)
    by_rows = _import(bulk, city["folder"] / "a.zip")
    assert "devices" in used and "scan_events" in used  # the bulk path was taken
    monkeypatch.setattr(bulk_load, "rows_from_changes", lambda load, changes: None)
    by_merge = _import(merged, city["folder"] / "a.zip")
    assert (by_rows.applied, by_rows.conflicts) == (by_merge.applied, by_merge.conflicts)
    assert by_rows.applied > DEVICES
    assert _tables(bulk) == _tables(merged)
    from inventory_app.storage.store import Store

    for path in (bulk, merged):
        store = Store.open(path)
        try:
            inventory = InventoryService(store)
            one = inventory.list(limit=1)[0]
            assert [v.id for v in inventory.list(search=one.serial)] == [one.id]
            assert len(inventory.list(search=one.asset_tag[:3], limit=10)) == 10
            edited = inventory.show(city["edited"][0])
            assert edited.notes == "moved"
        finally:
            store.close()


def test_a_laptop_with_rows_of_its_own_merges_those_tables_and_loads_the_empty_ones(city, tmp_path):
    from inventory_app.storage.store import Store

    db = tmp_path / "own.sqlite"
    shutil.copy(city["b"], db)
    store = Store.open(db)
    try:
        seed_site(store)  # its own area, site and room, made before the first file arrived
    finally:
        store.close()
    result = _import(db, city["folder"] / "b.zip")
    assert result.applied > DEVICES
    conn = sqlite3.connect(db)
    try:
        codes = {r[0] for r in conn.execute("SELECT code FROM sites")}
        assert "KOU01" in codes and len(codes) > 1  # its own site and central's, through the merge
        assert conn.execute("SELECT count(*) FROM devices").fetchone()[0] == DEVICES
        assert conn.execute("SELECT count(*) FROM device_search").fetchone()[0] == DEVICES
    finally:
        conn.close()


def test_a_failure_in_the_bulk_load_leaves_the_laptop_as_it_was(city, tmp_path, monkeypatch):
    db = tmp_path / "fail.sqlite"
    shutil.copy(city["a"], db)
    before = sqlite_dump(db)
    real = bulk_load.insert

    def failing(connection: Any, load: bulk_load.TableLoad, rows: Any) -> None:
        real(connection, load, rows)
        if load.name == "devices":
            raise OSError("disk full")

    monkeypatch.setattr(bulk_load, "insert", failing)
    with pytest.raises(OSError):
        _import(db, city["folder"] / "a.zip")
    assert sqlite_dump(db) == before  # rows, dropped indexes, the search index: all rolled back


@pytest.mark.slow
def test_a_bulk_import_killed_midway_is_before_or_after(city, tmp_path):
    import os

    def run(copy: Path, k: int) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, str(CRASH), str(copy), str(city["folder"] / "a.zip"), str(k)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=300,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )

    before = sqlite_dump(city["a"])
    whole = tmp_path / "whole.sqlite"
    shutil.copy(city["a"], whole)
    done = run(whole, 10**9)
    assert done.returncode == 0, done.stderr
    statements = int(done.stdout.split("after ")[1].split()[0])
    outcomes = set()
    # Killed while indexes are dropped, while devices load, while the search index fills, around the commit.
    for k in sorted({5, statements // 4, statements // 2, (3 * statements) // 4, statements - 1}):
        copy = tmp_path / f"k{k}.sqlite"
        shutil.copy(city["a"], copy)
        assert run(copy, k).returncode == 137
        crashed = sqlite_dump(copy)
        assert run(copy, 10**9).returncode == 0  # the retry completes (or finds the file applied)
        after = sqlite_dump(copy)
        assert after != before
        assert crashed in (before, after), f"killed after {k} of {statements} statements: half-applied"
        outcomes.add("before" if crashed == before else "after")
    assert outcomes == {"before", "after"}


def _change(row_id: str, values: dict[str, Any], table: str = "devices") -> Change:
    return Change(table, row_id, "upsert", values, {"*": GENESIS_STAMP}, "central", 1, 1)


def test_rows_come_through_as_they_are_only_where_the_merge_could_not_decide_otherwise():
    load = bulk_load.table_load("devices")
    full = dict.fromkeys(load.spec.columns)
    full.update(asset_tag="hki 0001", deleted=False, status="in_use", condition="good", ownership="owned")
    rows = bulk_load.rows_from_changes(load, [_change("d1", dict(full)), _change("d2", dict(full))])
    assert rows is not None and [r[0] for r in rows] == ["d1", "d2"]
    assert rows[0][load.columns.index("tag_key")] == "HKI0001"  # the device's lookup key, as the merge makes it
    assert DeviceRecord.__tablename__ == load.name
    # The same row twice, or a row without every field: the merge decides, field by field.
    assert bulk_load.rows_from_changes(load, [_change("d1", dict(full)), _change("d1", dict(full))]) is None
    assert bulk_load.rows_from_changes(load, [_change("d1", {"asset_tag": "X"})]) is None
    # An insert-only row that comes twice is written once (the first).
    scans = bulk_load.table_load("scan_events")
    one = Change("scan_events", "s1", "insert", {"raw_code": "A"}, {"*": GENESIS_STAMP}, "central", 1, 1)
    two = Change("scan_events", "s1", "insert", {"raw_code": "B"}, {"*": GENESIS_STAMP}, "central", 1, 1)
    got = bulk_load.rows_from_changes(scans, [one, two])
    assert got is not None and len(got) == 1 and got[0][scans.columns.index("raw_code")] == "A"


def test_a_bootstrap_whose_reading_fails_midway_leaves_the_laptop_as_it_was(city, module_pg_url, tmp_path, monkeypatch):
    from inventory_app.storage.store import Store
    from inventory_app.sync import bootstrap

    real = bootstrap._raw_chunks

    def broken(conn: Any, table: Any, columns: list[str]) -> Any:
        chunks = real(conn, table, columns)
        yield next(chunks)
        if table.name == "devices":
            raise RuntimeError("central went away")
        yield from chunks

    monkeypatch.setattr(bootstrap, "_raw_chunks", broken)
    db = tmp_path / "fresh.sqlite"
    store = Store.open(db)
    try:
        with pytest.raises(RuntimeError, match="central went away"):
            SyncService(store).sync(module_pg_url, name="fresh")
    finally:
        store.close()
    # Joined its enrolment at central before the copy began; nothing of the copy is left.
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("SELECT count(*) FROM devices").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM device_search").fetchone()[0] == 0
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert {"ix_devices_tag_key", "ix_devices_report"} <= names
    finally:
        conn.close()


def test_prefetched_items_arrive_in_order_and_errors_and_early_stops_reach_the_producer():
    closed: list[bool] = []

    def numbers(fail_at: int | None = None) -> Any:
        try:
            for n in range(10):
                if n == fail_at:
                    raise ValueError("broken at 5")
                yield n
        finally:
            closed.append(True)

    assert list(bulk_load.prefetched(numbers())) == list(range(10))
    with pytest.raises(ValueError, match="broken at 5"):
        list(bulk_load.prefetched(numbers(fail_at=5)))
    for n in bulk_load.prefetched(numbers(), depth=1):
        if n == 2:
            break
    assert closed == [True, True, True]  # the early stop closed the producer's generator too
