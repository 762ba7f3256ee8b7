"""Backups of the local store: made, rotated, listed, restored, and refused when unsafe."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from inventory_app.core.errors import RejectedInput
from inventory_app.inventory.service import InventoryService
from inventory_app.storage.backups import StoreBackups, backup_now
from inventory_app.storage.store import Store


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def checkpointed_digest(path: Path) -> str:
    """The store's bytes after folding its WAL in (what a reader of the file would see)."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return digest(path)


class Clock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now


def add_site(store: Store, code: str = "KOI") -> None:
    from inventory_app.storage.schema import AreaRecord, RoomRecord, SiteRecord

    with store.unit_of_work() as uow:
        area = AreaRecord(name="Area")
        uow.session.add(area)
        uow.flush()
        site = SiteRecord(name="School", code=code, area_id=area.id, kind="primary")
        uow.session.add(site)
        uow.flush()
        uow.session.add(RoomRecord(site_id=site.id, code="A1", kind="classroom"))


def device_count(store: Store) -> int:
    return len(InventoryService(store).list())


@pytest.fixture
def filled_store(store_path: Path) -> Store:
    s = Store.open(store_path)
    add_site(s)
    InventoryService(s).add(tag="HKI0012376", category="pupil_laptop", site="KOI", room="A1", fields={})
    yield s
    s.close()


def test_a_backup_is_a_complete_store_while_the_store_is_open(filled_store, tmp_path):
    info = backup_now(filled_store, "before-sync-import")
    assert info is not None and info.reason == "before-sync-import"
    assert info.path.parent == filled_store.path.parent / "backups"
    copy = Store.open(info.path)
    try:
        assert InventoryService(copy).show("HKI0012376").asset_tag == "HKI0012376"
    finally:
        copy.close()


def test_rotation_keeps_the_newest_n(store_path, filled_store):
    clock = Clock(datetime(2025, 3, 1, 8, 0, 0))
    backups = StoreBackups(store_path, keep=3, now=clock)
    made = []
    for i in range(5):
        clock.now += timedelta(minutes=i + 1)
        made.append(backups.create("manual").path)
    assert [b.path for b in backups.list()] == made[:-4:-1]
    assert not made[0].exists() and not made[1].exists()


def test_two_backups_in_the_same_second_both_survive(store_path, filled_store):
    clock = Clock(datetime(2025, 3, 1, 8, 0, 0))
    backups = StoreBackups(store_path, now=clock)
    first, second = backups.create("manual"), backups.create("manual")
    assert first.path != second.path
    assert [b.path for b in backups.list()] == [second.path, first.path]


def test_daily_backup_only_when_none_in_the_last_day(store_path, filled_store):
    clock = Clock(datetime(2025, 3, 1, 8, 0, 0))
    backups = StoreBackups(store_path, now=clock)
    assert backups.create_daily_if_due() is not None
    clock.now += timedelta(hours=23)
    assert backups.create_daily_if_due() is None
    clock.now += timedelta(hours=2)
    assert backups.create_daily_if_due().reason == "daily"
    assert len(backups.list()) == 2


def test_opening_an_existing_store_makes_the_daily_backup_once(cli, store_path):
    assert cli("init").code == 0  # creates the store: nothing to back up yet
    backup_dir = Path(os.environ["INVENTORY_HOME"]) / "data" / "backups"
    assert not backup_dir.exists() or not list(backup_dir.iterdir())
    assert cli("init").code == 0
    assert cli("init").code == 0
    assert [p.name.endswith("-daily.sqlite") for p in backup_dir.iterdir()] == [True]


def test_restore_brings_back_the_backup_and_keeps_a_safety_copy(store_path, filled_store):
    backups = StoreBackups(store_path)
    snapshot = backups.create("manual")
    InventoryService(filled_store).add(tag="HKI0012456", category="pupil_laptop", site="KOI", room="A1", fields={})
    assert device_count(filled_store) == 2
    filled_store.close()

    info, safety = backups.restore(snapshot.path)

    assert info.devices == 1
    reopened = Store.open(store_path)
    try:
        assert device_count(reopened) == 1
    finally:
        reopened.close()
    # The safety copy holds the store as it was just before the restore.
    kept = Store.open(safety.path)
    try:
        assert device_count(kept) == 2
    finally:
        kept.close()


def test_restore_by_cli_with_a_name_from_the_list(cli, store_path, filled_store):
    snapshot = StoreBackups(store_path, Path(os.environ["INVENTORY_HOME"]) / "data" / "backups").create()
    InventoryService(filled_store).add(tag="HKI0012456", category="pupil_laptop", site="KOI", room="A1", fields={})
    filled_store.close()
    listed = cli("backup", "list", "--json").json()
    assert snapshot.name in [Path(b["file"]).name for b in listed["backups"]]
    result = cli("backup", "restore", snapshot.name, "--json")
    assert result.code == 0, result.err
    assert result.json()["devices"] == 1
    assert Path(result.json()["safety_copy"]).exists()
    assert len(cli("device", "list", "--json").json()) == 1


def _not_a_store(tmp_path: Path) -> Path:
    p = tmp_path / "notes.sqlite"
    p.write_text("these are not the devices you are looking for")
    return p


def _other_sqlite(tmp_path: Path) -> Path:
    p = tmp_path / "other.sqlite"
    with sqlite3.connect(p) as conn:
        conn.execute("CREATE TABLE things (x)")
    return p


def _newer_schema(tmp_path: Path) -> Path:
    p = tmp_path / "newer.sqlite"
    s = Store.open(p)
    s.close()
    with sqlite3.connect(p) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'ffff_from_the_future'")
    return p


def _truncated(tmp_path: Path) -> Path:
    p = tmp_path / "truncated.sqlite"
    s = Store.open(p)
    s.close()
    data = p.read_bytes()
    p.write_bytes(data[: len(data) // 3])
    return p


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda tmp: tmp / "missing.sqlite", "does not exist"),
        (_not_a_store, "not an inventory store"),
        (_other_sqlite, "not an inventory store"),
        (_newer_schema, "newer than this version"),
        (_truncated, ""),
    ],
    ids=["missing", "text-file", "other-sqlite", "newer-schema", "truncated"],
)
def test_restore_refuses_unsafe_files_and_changes_nothing(cli, store_path, filled_store, tmp_path, make, message):
    filled_store.close()
    bad = make(tmp_path)
    before = checkpointed_digest(store_path)
    backup_dir = Path(os.environ["INVENTORY_HOME"]) / "data" / "backups"
    listing_before = sorted(backup_dir.iterdir()) if backup_dir.exists() else []

    result = cli("backup", "restore", str(bad))

    assert result.code == 3, result.out + result.err
    assert message in result.err and result.err.count("\n") == 1
    assert checkpointed_digest(store_path) == before
    assert (sorted(backup_dir.iterdir()) if backup_dir.exists() else []) == listing_before  # no safety copy either


def test_restore_refuses_the_store_itself(store_path, filled_store):
    filled_store.close()
    before = checkpointed_digest(store_path)
    with pytest.raises(RejectedInput, match="the store itself"):
        StoreBackups(store_path).restore(store_path)
    assert checkpointed_digest(store_path) == before


def test_backups_of_a_postgresql_store_are_refused_plainly(cli):
    result = cli("backup", "list", db="postgresql://nobody@127.0.0.1:1/none")
    assert result.code == 3 and "PostgreSQL" in result.err
