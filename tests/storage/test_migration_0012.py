"""Migration 0012_central_roles: a store at 0005 with real rows upgrades with every row kept."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, inspect, text

from inventory_app.demo.city import DemoCity
from inventory_app.inventory.service import InventoryService
from inventory_app.storage import migrations
from inventory_app.storage.store import Store, resolve_url

TABLES = ("devices", "scan_events", "outbox", "rooms", "sites")


def _counts(engine) -> dict[str, int]:  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        return {t: int(conn.scalar(text(f"SELECT count(*) FROM {t}"))) for t in TABLES}


def _build_at_0005(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as conn:
        migrations.upgrade(conn, "0005_report_indexes")
    engine.dispose()


def _fill(store: Store) -> str:
    DemoCity(store, devices=120, seed=4).generate()
    return InventoryService(store).list(limit=1)[0].serial


@pytest.mark.parametrize("dialect", ["sqlite", "postgresql"])
def test_a_store_at_0005_with_rows_upgrades_to_0012(dialect, tmp_path, request):
    url = resolve_url(tmp_path / "old.sqlite") if dialect == "sqlite" else request.getfixturevalue("pg_url")
    _build_at_0005(url)
    # Real rows written by the app at 0005: open without migrating, fill, close.
    store = Store.open(url, migrate=False)
    assert store.revision() == "0005_report_indexes"
    serial = _fill(store)
    before = _counts(store.engine)
    store.close()
    store = Store.open(url)  # upgrades to head
    try:
        assert store.revision() == migrations.head_revision()
        assert _counts(store.engine) == before
        assert "central_logins" in inspect(store.engine).get_table_names()
        if dialect == "sqlite":
            # The search index still finds a device written before the upgrade.
            assert [v.serial for v in InventoryService(store).list(search=serial)] == [serial]
        else:
            with store.engine.connect() as conn:
                assert conn.scalar(text("SELECT to_regprocedure('inventory_publish_local(text, timestamptz)')"))
    finally:
        store.close()
