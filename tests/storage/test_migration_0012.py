"""Migration 0012_central_roles: a store at the revision before it, with real rows, upgrades with every row kept."""

from __future__ import annotations

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect, text

from inventory_app.demo.city import DemoCity
from inventory_app.inventory.service import InventoryService
from inventory_app.storage import migrations
from inventory_app.storage.store import Store, resolve_url

TABLES = ("devices", "scan_events", "outbox", "rooms", "sites")


def _counts(engine) -> dict[str, int]:  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        return {t: int(conn.scalar(text(f"SELECT count(*) FROM {t}"))) for t in TABLES}


# The revision just before 0012 (the chain is re-linked as branches merge; ask Alembic, not a constant).
PREVIOUS = ScriptDirectory.from_config(migrations.alembic_config()).get_revision("0012_central_roles").down_revision


def _build_at_previous(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as conn:
        migrations.upgrade(conn, PREVIOUS)
    engine.dispose()


def _fill(store: Store) -> str:
    DemoCity(store, devices=120, seed=4).generate()
    return InventoryService(store).list(limit=1)[0].serial


@pytest.mark.parametrize("dialect", ["sqlite", "postgresql"])
def test_a_store_at_the_previous_revision_with_rows_upgrades_to_0012(dialect, tmp_path, request):
    url = resolve_url(tmp_path / "old.sqlite") if dialect == "sqlite" else request.getfixturevalue("pg_url")
    _build_at_previous(url)
    # Real rows written by the app at that revision: open without migrating, fill, close.
    store = Store.open(url, migrate=False)
    assert store.revision() == PREVIOUS
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
