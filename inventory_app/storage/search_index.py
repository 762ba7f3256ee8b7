"""The SQLite search index of devices (FTS5 trigram, migrations 0002 and 0003_search_bulk).

Triggers keep it current for every ordinary write; a bulk insert pauses the insert trigger and
indexes the new rows in one statement, which is ten times faster than a trigger call per row.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Connection

PAUSE_KEY = "search_index_paused"

# The text indexed for a device `d`: identifiers' keys, manufacturer and model, room code.
BODY_SQL = (
    "coalesce(d.tag_key, '') || ' ' || coalesce(d.serial_key, '') || ' ' || coalesce(d.inventory_key, '') || ' ' || "
    "coalesce(d.mac_key, '') || ' ' || "
    "coalesce((SELECT coalesce(m.manufacturer, '') || ' ' || m.name FROM models m WHERE m.id = d.model_id), '') "
    "|| ' ' || coalesce((SELECT r.code FROM rooms r WHERE r.id = d.room_id), '')"
)


def bulk_insert_devices(connection: Connection, statement: Any, rows: list[Any]) -> None:
    """Insert device rows, then index them at once; must run inside the caller's transaction.

    ``statement`` with ``rows`` (dicts) goes to ``connection.execute``; a plain SQL string with rows
    as tuples goes to the driver's executemany (a bulk load with its values already converted).
    """
    before = connection.execute(text("SELECT coalesce(max(rowid), 0) FROM devices")).scalar_one()
    connection.execute(text("INSERT INTO sync_state(key, value) VALUES (:k, '1')"), {"k": PAUSE_KEY})
    try:
        if isinstance(statement, str):
            connection.exec_driver_sql(statement, rows)
        else:
            connection.execute(statement, rows)
        connection.execute(
            text(
                f"INSERT INTO device_search(rowid, body) SELECT d.rowid, {BODY_SQL} FROM devices d WHERE d.rowid > :before"
            ),
            {"before": before},
        )
    finally:
        connection.execute(text("DELETE FROM sync_state WHERE key = :k"), {"k": PAUSE_KEY})
