"""Upgrade harness: a store at an earlier schema revision, with real rows, upgraded to head and checked.

How it works (every migration gets its case for free; see test_upgrades.py):
1. ``reference_store`` fills a store at head through the app's own services: sites and rooms, devices
   with models and serials, an audit with scans, and the outbox those writes made.
2. ``build_at_revision`` migrates an empty database (SQLite or PostgreSQL) only up to ``revision`` and
   copies those rows in, each table with the columns it had at that revision (the search index triggers
   of that revision fill the index as the rows go in).
3. ``check_upgraded`` opens it with ``Store.open`` (the real upgrade path, with its backup first) and
   checks every copied row and column, the outbox and the device search.
A migration that needs rows the reference does not have: add them to ``reference_store``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import MetaData, Table, create_engine, insert, inspect, select

from inventory_app.audit.engine import AuditSession
from inventory_app.core.identifiers import make_tag, room_label_code
from inventory_app.inventory.service import InventoryService
from inventory_app.storage import migrations
from inventory_app.storage import repositories as repo
from inventory_app.storage.schema import AreaRecord, Base, RoomRecord, SiteRecord
from inventory_app.storage.store import Store, resolve_url

Rows = dict[str, list[dict[str, Any]]]
SKIP_TABLES = {"alembic_version"}


def revisions_before_head() -> list[str]:
    return sorted(r for r in migrations.known_revisions() if r != migrations.head_revision())


def reference_store(path: Path) -> Rows:
    """A store at head with real rows made the way the app makes them; returns every table's rows."""
    store = Store.open(path)
    try:
        with store.unit_of_work() as uow:
            area = AreaRecord(name="Pohjoinen")
            uow.session.add(area)
            uow.flush()
            site = SiteRecord(name="Koivukylän koulu", code="KOI01", area_id=area.id, kind="primary")
            uow.session.add(site)
            uow.flush()
            for code in ("A101", "A102"):
                uow.session.add(
                    RoomRecord(
                        site_id=site.id,
                        code=code,
                        name=f"Luokka {code}",
                        kind="classroom",
                        label_code=room_label_code("KOI01", code),
                    )
                )
        service = InventoryService(store)
        for n in range(1, 7):
            service.add(
                tag=make_tag("HKI", n),
                category="pupil_laptop" if n < 5 else "projector",
                site="KOI01",
                room="A101" if n % 2 else "A102",
                fields={"serial": f"SN-UPG-{n:03d}", "model": "Lenovo 300e" if n < 5 else "Epson EB-W49"},
            )
        service.set(make_tag("HKI", 1), {"notes": "näyttö haljennut", "status": "broken"})
        audit = AuditSession.start(store, "KOI01", "Aino Auditor")
        audit.scan(room_label_code("KOI01", "A101"))
        for n in (1, 3, 5):
            audit.scan(make_tag("HKI", n))
        audit.scan("SN-NOT-IN-INVENTORY")
        with store.engine.connect() as conn:
            return dump(conn, Base.metadata.sorted_tables)
    finally:
        store.close()


def dump(conn: Any, tables: list[Table], columns: dict[str, set[str]] | None = None) -> Rows:
    rows: Rows = {}
    for table in tables:
        if table.name in SKIP_TABLES or (columns is not None and table.name not in columns):
            continue
        keep = columns[table.name] if columns is not None else {c.name for c in table.columns}
        pk = list(table.primary_key.columns) or list(table.columns)
        rows[table.name] = [
            {k: v for k, v in row._mapping.items() if k in keep} for row in conn.execute(select(table).order_by(*pk))
        ]
    return rows


def build_at_revision(target: str | Path, revision: str, rows: Rows) -> dict[str, set[str]]:
    """An empty database migrated to ``revision`` with ``rows`` copied in; returns its tables' columns."""
    engine = create_engine(resolve_url(target))
    try:
        with engine.begin() as conn:
            migrations.upgrade(conn, revision)
        with engine.begin() as conn:
            assert migrations.current_revision(conn) == revision
            old = MetaData()
            old.reflect(conn)
            columns = {name: {c.name for c in table.columns} for name, table in old.tables.items()}
            for table in reversed(Base.metadata.sorted_tables):  # children first: seeded rows go before copying
                if table.name in old.tables and rows.get(table.name):
                    conn.execute(old.tables[table.name].delete())
            for table in Base.metadata.sorted_tables:  # parents before children
                if table.name not in old.tables or not rows.get(table.name):
                    continue
                have = columns[table.name]
                values = [{k: v for k, v in row.items() if k in have} for row in rows[table.name]]
                conn.execute(insert(old.tables[table.name]), values)
        return columns
    finally:
        engine.dispose()


def check_upgraded(target: str | Path, revision: str, rows: Rows, columns: dict[str, set[str]]) -> None:
    """Open (and so upgrade) the store; every row and column it had must still be there, search too."""
    store = Store.open(target)
    try:
        assert store.revision() == migrations.head_revision()
        with store.engine.connect() as conn:
            after = dump(conn, Base.metadata.sorted_tables, columns)
        for table, before_rows in rows.items():
            if table not in columns:
                continue
            expected = [{k: v for k, v in row.items() if k in columns[table]} for row in before_rows]
            assert after[table] == expected, f"{table}: rows changed upgrading from {revision}"
        assert len(after["outbox"]) == len(rows["outbox"]) > 0
        assert store.pending_changes() == sum(1 for r in rows["outbox"] if not r["acked"])
        with store.read() as s:
            found = [v.asset_tag for v in repo.search_devices(s, query="UPG-004")]
            assert found == [make_tag("HKI", 4)], f"search after upgrading from {revision}: {found}"
        if store.is_sqlite:
            tables = set(inspect(store.engine).get_table_names())
            assert "device_search" in tables or any(t.startswith("device_search") for t in tables)
    finally:
        store.close()
