"""Migration 0014_central_indexes: central (PostgreSQL) drops ``ix_devices_report`` and
``ix_scan_events_audit_id``, a laptop's SQLite store keeps them; a store at the revision before, with real
rows, upgrades with every row kept and its reports unchanged."""

from __future__ import annotations

from datetime import date

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect, text

from inventory_app.demo.city import DemoCity
from inventory_app.reports.service import ReportParams, ReportService
from inventory_app.storage import migrations
from inventory_app.storage.store import Store, resolve_url

TABLES = ("devices", "scan_events", "outbox", "rooms", "sites")
REVISION = "0014_central_indexes"
AS_OF = date(2026, 3, 15)

# The revision just before 0014 (the chain is re-linked as branches merge; ask Alembic, not a constant).
PREVIOUS = ScriptDirectory.from_config(migrations.alembic_config()).get_revision(REVISION).down_revision


def _counts(engine) -> dict[str, int]:  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        return {t: int(conn.scalar(text(f"SELECT count(*) FROM {t}"))) for t in TABLES}


def _indexes(engine, table: str = "devices") -> set[str]:  # type: ignore[no-untyped-def]
    return {str(i["name"]) for i in inspect(engine).get_indexes(table)}


def _inventory(store: Store) -> list[tuple[object, ...]]:
    report = ReportService(store).run(ReportParams("inventory", as_of=AS_OF))
    return [tuple(row) for section in report.sections for row in section.rows]


@pytest.mark.parametrize("dialect", ["sqlite", "postgresql"])
def test_a_store_at_the_previous_revision_with_rows_upgrades_to_0014(dialect, tmp_path, request):
    url = resolve_url(tmp_path / "old.sqlite") if dialect == "sqlite" else request.getfixturevalue("pg_url")
    engine = create_engine(url)
    with engine.begin() as conn:
        migrations.upgrade(conn, PREVIOUS)
    assert "ix_devices_report" in _indexes(engine)
    engine.dispose()
    # Real rows written by the app at that revision: open without migrating, fill, report, close.
    store = Store.open(url, migrate=False)
    assert store.revision() == PREVIOUS
    DemoCity(store, devices=150, seed=5, as_of=AS_OF).generate()
    before = _counts(store.engine)
    report_before = _inventory(store)
    store.close()
    store = Store.open(url)  # upgrades to head
    try:
        assert store.revision() == migrations.head_revision()
        assert _counts(store.engine) == before
        assert _inventory(store) == report_before
        indexes = _indexes(store.engine)
        scans = _indexes(store.engine, "scan_events")
        if dialect == "sqlite":
            assert "ix_devices_report" in indexes  # a laptop's reports read it
            assert "ix_scan_events_audit_id" in scans
        else:
            assert "ix_devices_report" not in indexes  # central's planner never does
            assert "ix_scan_events_audit_id" not in scans  # the (audit, outcome, device) index leads with it
        assert "ix_scan_events_audit_seen" in scans
        # The other ten stay everywhere (lookups by identifier, the foreign keys' own indexes).
        assert {"ix_devices_tag_key", "ix_devices_serial_key", "ix_devices_room_id", "ix_devices_site_id_room_id"} <= (
            indexes
        )
    finally:
        store.close()


def test_downgrading_central_puts_the_index_back(pg_url):
    store = Store.open(pg_url)
    store.close()
    engine = create_engine(pg_url)
    try:
        assert "ix_devices_report" not in _indexes(engine)
        with engine.begin() as conn:
            from alembic import command

            command.downgrade(migrations.alembic_config(conn), PREVIOUS)
        assert "ix_devices_report" in _indexes(engine)
        assert "ix_scan_events_audit_id" in _indexes(engine, "scan_events")
    finally:
        engine.dispose()
