"""device search index (SQLite only): FTS5 trigram over identifiers, model and room

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28

Search-as-you-type must stay under 30 ms on 100,000 devices; a LIKE '%q%' scan with joins takes
~200 ms. This local index is kept by triggers, so every write path (unit of work, bulk inserts,
sync applies) keeps it current. Its rowid is the devices table's rowid: a migration that
rebuilds the devices table must call ``rebuild_device_search`` afterwards.
PostgreSQL (central) has no such index; there the plain LIKE search is used.
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_BODY = """
    coalesce({d}.tag_key, '') || ' ' || coalesce({d}.serial_key, '') || ' ' || coalesce({d}.inventory_key, '') || ' ' ||
    coalesce({d}.mac_key, '') || ' ' ||
    coalesce((SELECT coalesce(m.manufacturer, '') || ' ' || m.name FROM models m WHERE m.id = {d}.model_id), '') || ' ' ||
    coalesce((SELECT r.code FROM rooms r WHERE r.id = {d}.room_id), '')
"""


def rebuild_device_search() -> None:
    op.execute("DELETE FROM device_search")
    op.execute(f"INSERT INTO device_search(rowid, body) SELECT d.rowid, {_BODY.format(d='d')} FROM devices d")


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("CREATE VIRTUAL TABLE device_search USING fts5(body, tokenize='trigram')")
    new_row = _BODY.format(d="NEW")
    op.execute(f"""
        CREATE TRIGGER device_search_insert AFTER INSERT ON devices BEGIN
            INSERT INTO device_search(rowid, body) VALUES (NEW.rowid, {new_row});
        END""")
    op.execute(f"""
        CREATE TRIGGER device_search_update AFTER UPDATE OF tag_key, serial_key, inventory_key, mac_key, model_id, room_id
        ON devices BEGIN
            DELETE FROM device_search WHERE rowid = OLD.rowid;
            INSERT INTO device_search(rowid, body) VALUES (NEW.rowid, {new_row});
        END""")
    for table, columns in (("rooms", "code"), ("models", "name, manufacturer")):
        key = "room_id" if table == "rooms" else "model_id"
        op.execute(f"""
            CREATE TRIGGER device_search_{table} AFTER UPDATE OF {columns} ON {table} BEGIN
                DELETE FROM device_search WHERE rowid IN (SELECT rowid FROM devices WHERE {key} = NEW.id);
                INSERT INTO device_search(rowid, body)
                    SELECT d.rowid, {_BODY.format(d='d')} FROM devices d WHERE d.{key} = NEW.id;
            END""")
    rebuild_device_search()


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for name in ("device_search_insert", "device_search_update", "device_search_rooms", "device_search_models"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS device_search")
