import shutil
import sqlite3

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from inventory_app.core.errors import StoreError
from inventory_app.storage import migrations
from inventory_app.storage.schema import Base
from inventory_app.storage.store import Store


def _diff(engine):
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True, "include_object": migrations.include_object})
        return compare_metadata(ctx, Base.metadata)


def test_models_and_migrations_agree_on_sqlite(store):
    assert store.revision() == migrations.head_revision()
    assert _diff(store.engine) == []


@pytest.mark.postgres
def test_the_same_migrations_build_postgresql(pg_url):
    store = Store.open(pg_url)
    try:
        assert store.revision() == migrations.head_revision()
        assert _diff(store.engine) == []
        tables = set(inspect(store.engine).get_table_names())
        assert {"devices", "scan_events", "outbox", "conflicts"} <= tables
    finally:
        store.close()


def test_standard_categories_are_seeded_identically_everywhere(tmp_path):
    from sqlalchemy import select

    from inventory_app.storage.schema import CategoryRecord

    rows = []
    for name in ("a.sqlite", "b.sqlite"):
        s = Store.open(tmp_path / name)
        with s.read() as session:
            rows.append(sorted((c.id, c.code, c.stamps) for c in session.scalars(select(CategoryRecord))))
        s.close()
    assert rows[0] == rows[1] and len(rows[0]) >= 13


def test_a_store_with_a_newer_schema_is_refused_and_left_alone(store_path):
    Store.open(store_path).close()
    conn = sqlite3.connect(store_path)
    conn.execute("UPDATE alembic_version SET version_num='9999_from_the_future'")
    conn.commit()
    conn.close()
    before = store_path.read_bytes()
    with pytest.raises(StoreError, match="newer than this version"):
        Store.open(store_path)
    assert store_path.read_bytes() == before


def test_backup_is_taken_before_upgrading_a_store_at_an_older_revision(tmp_path, monkeypatch):
    path = tmp_path / "s.sqlite"
    Store.open(path).close()
    # Make this build believe there is a newer head than the store's revision.
    real_head = migrations.head_revision()
    monkeypatch.setattr(migrations, "head_revision", lambda: "0002_pretend")
    monkeypatch.setattr(migrations, "upgrade", lambda conn, target="head": None)
    monkeypatch.setattr(migrations, "known_revisions", lambda: {real_head, "0002_pretend"})
    Store.open(path, backup_dir=tmp_path / "backups").close()
    backups = list((tmp_path / "backups").glob("*.sqlite"))
    assert len(backups) == 1 and "before-migration-" in backups[0].name
    assert sqlite3.connect(backups[0]).execute("SELECT version_num FROM alembic_version").fetchone() == (real_head,)


def test_a_file_that_is_not_a_store_is_refused_unchanged(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_text("these are my notes, not a database")
    with pytest.raises(StoreError, match="not an inventory store"):
        Store.open(path)
    assert path.read_text() == "these are my notes, not a database"


def test_a_truncated_store_is_refused(tmp_path, store_path):
    Store.open(store_path).close()
    damaged = tmp_path / "damaged.sqlite"
    shutil.copy(store_path, damaged)
    data = damaged.read_bytes()
    damaged.write_bytes(data[:100] + b"\x00" * 50 + data[150:4096])
    with pytest.raises(StoreError):
        Store.open(damaged)


def test_wal_and_foreign_keys_are_on(store):
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
