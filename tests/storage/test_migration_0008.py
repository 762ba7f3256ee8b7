"""Migration 0008 (city structure) upgrades a store with real rows and keeps every one of them."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest
from alembic import command

from inventory_app.demo.city import DemoCity
from inventory_app.inventory.service import InventoryService
from inventory_app.inventory.structure import StructureService
from inventory_app.storage import migrations
from inventory_app.storage.store import Store

COUNTED = ("areas", "sites", "rooms", "models", "leasing_contracts", "devices", "scan_events", "outbox")


def _counts(path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in COUNTED}
    finally:
        conn.close()


def test_a_store_at_0005_with_devices_scans_and_outbox_upgrades_with_every_row(tmp_path):
    path = tmp_path / "old.sqlite"
    store = Store.open(path)
    DemoCity(store, devices=200, seed=3, as_of=date(2026, 11, 1)).generate()
    tag = InventoryService(store).list(limit=1)[0].asset_tag
    # take the store back to the revision before this migration, with its rows
    with store.engine.begin() as connection:
        command.downgrade(migrations.alembic_config(connection), "0005_report_indexes")
    store.close()
    demo_scans = _counts(path)["scan_events"]
    conn = sqlite3.connect(path)
    with conn:  # an audit with a scan, written as the 0005 schema has them
        conn.execute(
            "INSERT INTO audits (id, deleted, stamps, site_id, started_at, status) "
            "SELECT 'audit-1', 0, '{}', id, '2026-11-01 09:00:00', 'open' FROM sites LIMIT 1"
        )
        conn.execute(
            "INSERT INTO scan_events (id, audit_id, raw_code, code, method, scanned_at, outcome) "
            "VALUES ('scan-1', 'audit-1', 'X', 'X', 'keyboard', '2026-11-01 10:00:00', 'unknown')"
        )
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0005_report_indexes",)
    assert "retired" not in [r[1] for r in conn.execute("PRAGMA table_info(sites)")]
    conn.close()
    before = _counts(path)
    assert before["devices"] == 200 and before["outbox"] > 0 and before["scan_events"] == demo_scans + 1

    upgraded = Store.open(path)
    try:
        assert upgraded.revision() == migrations.head_revision()
        assert _counts(path) == before
        sites = StructureService(upgraded).site_views()
        with upgraded.read() as s:
            from sqlalchemy import func, select

            from inventory_app.storage.schema import SiteRecord

            site_rows = s.scalar(select(func.count()).select_from(SiteRecord))
        assert len(sites) == site_rows > 0 and not any(s.retired for s in sites)
        assert all(not r.retired for r in StructureService(upgraded).room_views(sites[0].code or ""))
        # the search index still finds a device, and the upgraded rows can be retired and synced
        assert InventoryService(upgraded).list(search=tag[:6], limit=5)
        StructureService(upgraded).set_site(sites[0].id, {"notes": "Remontti 2027"})
        assert StructureService(upgraded).site(sites[0].id).notes == "Remontti 2027"
    finally:
        upgraded.close()


@pytest.mark.postgres
def test_central_at_0005_with_rows_upgrades_on_postgresql(pg_url):
    from sqlalchemy import text

    store = Store.open(pg_url)
    with store.engine.begin() as connection:
        command.downgrade(migrations.alembic_config(connection), "0005_report_indexes")
        connection.execute(
            text("INSERT INTO areas (id, deleted, stamps, name) VALUES ('a-1', false, '{}', 'Keskusta')")
        )
        connection.execute(
            text(
                "INSERT INTO sites (id, deleted, stamps, area_id, name, code, kind) "
                "VALUES ('s-1', false, '{}', 'a-1', 'Keskuskoulu', 'KES01', 'primary')"
            )
        )
    store.close()
    upgraded = Store.open(pg_url)
    try:
        assert upgraded.revision() == migrations.head_revision()
        [site] = StructureService(upgraded).site_views()
        assert (site.code, site.retired, site.notes) == ("KES01", False, None)
        StructureService(upgraded).set_site("KES01", {"retired": "yes"})
        assert StructureService(upgraded).site("KES01").retired is True
    finally:
        upgraded.close()
