"""A fresh laptop's first online sync (the bulk copy) ends where the general merge path ends."""

from __future__ import annotations

import sqlite3

import pytest

from inventory_app.demo.city import DemoCity
from inventory_app.inventory.service import InventoryService
from inventory_app.sync.central import CentralHub
from inventory_app.sync.online import sync_online

pytestmark = pytest.mark.postgres

TABLES = ("areas", "sites", "rooms", "models", "devices", "leasing_contracts")


def _rows(path) -> dict[str, list[tuple]]:  # type: ignore[no-untyped-def, type-arg]
    conn = sqlite3.connect(path)
    try:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY id").fetchall() for t in TABLES}
    finally:
        conn.close()


def test_bulk_bootstrap_equals_the_snapshot_file_path_and_reports_progress(central, make_laptop, tmp_path):
    DemoCity(central, devices=1200, seed=7).generate()
    online, by_file = make_laptop("online"), make_laptop("file")
    steps: list[tuple[int, int, str]] = []
    report = sync_online(online.replica, CentralHub(central), progress=lambda d, t, s: steps.append((d, t, s)))
    snap = [(d, t) for d, t, s in steps if s == "snapshot"]
    assert len(snap) > 3 and snap[-1][0] == snap[-1][1] == report.snapshot_rows
    assert [d for d, _ in snap] == sorted(d for d, _ in snap)
    # The same central state through the general path: central's snapshot file, merged row by row.
    from inventory_app.sync.service import SyncService

    SyncService(central).make_enrolment("file", tmp_path / "f.enrol")
    by_file.service.enrol_from_file(tmp_path / "f.enrol")
    SyncService(central).export(tmp_path / "snap.zip", for_replica="file")
    by_file.service.import_file(tmp_path / "snap.zip")
    assert _rows(online.store.path) == _rows(by_file.store.path)
    # Indexes were rebuilt and the search index holds every device.
    conn = sqlite3.connect(online.store.path)
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'devices'")}
    assert {"ix_devices_tag_key", "ix_devices_serial_key", "ix_devices_report"} <= names
    assert conn.execute("SELECT count(*) FROM device_search").fetchone()[0] == 1200
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    one = InventoryService(online.store).list(limit=1)[0]
    assert [v.id for v in InventoryService(online.store).list(search=one.serial)] == [one.id]


def test_a_laptop_that_edited_before_its_first_sync_merges_instead_of_copying(central, make_laptop):
    from tests.sync.helpers import seed_site

    seed_site(central)
    laptop = make_laptop("early")
    seed_site(laptop.store)  # its own area/site/room rows, made before it ever synced
    report = sync_online(laptop.replica, CentralHub(central))
    assert report.pushed > 0
    conn = sqlite3.connect(laptop.store.path)
    # Its own site went up, central's came down: both are there, through the merge (not a bulk copy).
    assert conn.execute("SELECT count(*) FROM sites").fetchone()[0] == 2
    conn.close()
