"""A fresh laptop's first online sync: central's whole state copied in one transaction, at bulk speed.

The general path (``ReplicaSync.apply(snapshot=True)``) turns every row into a ``Change`` and merges it
field by field; for a table the laptop has no rows in yet, nothing can clash, so the rows are copied
as they are: read from central in one repeatable-read transaction (one log position), written with one
``executemany`` per chunk while the table's secondary indexes are dropped (SQLite rebuilds an index by
sorting far faster than it maintains eleven random-keyed B-trees row by row) and the search index is
filled per chunk in one statement. A table that already holds rows (a laptop that edited before its
first sync) still goes through the merge, so the outcome is the same as the general path's.
Everything — rows, indexes, cursor, clock — commits together or not at all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from inventory_app.core.hlc import GENESIS_STAMP, Stamp
from inventory_app.storage import stamps as row_stamps
from inventory_app.storage.schema import CentralChangeRecord, DeviceRecord, OutboxRecord
from inventory_app.storage.unit_of_work import refresh_device_keys
from inventory_app.sync import bulk_load, conflicts
from inventory_app.sync import state as sync_state
from inventory_app.sync.merge import IndexesPaused, merge
from inventory_app.sync.records import Change, TableSpec, table_specs, utc
from inventory_app.sync.replica import ApplyResult, ReplicaSync

CHUNK = 10_000
GENESIS_TEXT = row_stamps.dump({"*": GENESIS_STAMP})
Progress = Callable[[int, int], None]


def bootstrap(replica: ReplicaSync, central: Any, *, progress: Progress | None = None) -> ApplyResult | None:
    """Copy central's current state into a laptop that has never pulled; None when it already has."""
    tell = progress or (lambda done, total: None)
    result = ApplyResult()
    specs = table_specs()
    with replica.store.unit_of_work(remote=True) as uow:
        s = uow.session
        if sync_state.get_int(s, sync_state.CURSOR) > 0:
            return None
        with central.engine.connect() as conn:
            if conn.dialect.name == "postgresql":
                conn = conn.execution_options(isolation_level="REPEATABLE READ")
            with conn.begin():
                head = int(conn.scalar(select(func.coalesce(func.max(CentralChangeRecord.pos), 0))) or 0)
                totals = {
                    name: int(conn.scalar(select(func.count()).select_from(spec.record.__table__)) or 0)
                    for name, spec in specs.items()
                }
                total = sum(totals.values())
                if head == 0 and total == 0:
                    return None
                done = 0
                top = GENESIS_STAMP
                tell(0, total)
                now = datetime.fromtimestamp(replica.store.now_ms() / 1000, tz=UTC)
                for name, spec in specs.items():
                    if not totals[name]:
                        continue
                    table: Any = spec.record.__table__
                    local = int(s.scalar(select(func.count()).select_from(table)) or 0)
                    if local == 0:
                        load = bulk_load.table_load(name)
                        with IndexesPaused(s, [table.name], totals[name]):
                            for chunk, chunk_top in bulk_load.prefetched(_load_rows(conn, load)):
                                bulk_load.insert(s.connection(), load, chunk)
                                top = max(top, chunk_top)
                                done += len(chunk)
                                result.received += len(chunk)
                                result.applied += len(chunk)
                                tell(done, total)
                    else:
                        origin = central_origin(conn)
                        for dicts, _ in _rows(conn, spec):
                            changes = [_as_change(spec, r, origin, head) for r in dicts]
                            merged = merge(s, changes)
                            result.received += len(changes)
                            result.applied += len(merged.accepted)
                            mine = conflicts.concurrent_at_replica(s, merged.clashes, replica.replica_id)
                            result.conflicts += conflicts.record(s, mine, now)
                            if merged.max_stamp is not None:
                                top = max(top, merged.max_stamp)
                            done += len(changes)
                            tell(done, total)
        if top != GENESIS_STAMP:
            if uow.clock is not None and uow.clock.is_too_far_ahead(Stamp.decode(top)):
                result.warnings.append(
                    "central's changes are stamped more than a day ahead of this laptop's clock; "
                    "check the date and time of this laptop"
                )
            uow.receive(top)
        sync_state.put(s, sync_state.CURSOR, str(head))
        result.cursor = head
        assert uow.clock is not None
        clock = Stamp(uow.clock.wall_ms, uow.clock.counter, replica.replica_id).encode()
        oldest = s.scalar(select(func.min(OutboxRecord.hlc)).where(OutboxRecord.acked.is_(False)))
        sync_state.add_pull_mark(s, head, clock, oldest)
    return result


def central_origin(conn: Connection) -> str:
    from inventory_app.storage.schema import ReplicaStateRecord

    return str(conn.scalar(select(ReplicaStateRecord.replica_id).limit(1)))


def _load_rows(conn: Connection, load: bulk_load.TableLoad) -> Iterator[tuple[list[tuple[Any, ...]], str]]:
    """Central's rows of one table, finished for SQLite (``bulk_load``), in chunks, with their top stamp.

    From PostgreSQL they come through a server-side cursor of the driver itself, inside the caller's
    repeatable-read transaction (SQLAlchemy's result rows would cost as much again as the reading).
    """
    spec = load.spec
    table: Any = spec.record.__table__
    names = spec.column_names
    keys = ["id", *spec.columns] + (["stamps"] if spec.synced else [])
    finish, stamps_text, synced = bulk_load.finish_row, bulk_load.stamps_text, spec.synced
    for part in _raw_chunks(conn, table, [names.get(k, k) for k in keys]):
        chunk = []
        top = GENESIS_STAMP
        for row in part:
            values = list(row)
            if synced:
                values[-1], high = stamps_text(values[-1])
                if high > top:
                    top = high
            chunk.append(finish(load, values))
        yield chunk, top


def _raw_chunks(conn: Connection, table: Any, columns: list[str]) -> Iterator[Sequence[Sequence[Any]]]:
    if conn.dialect.name == "postgresql":
        driver: Any = conn.connection.driver_connection
        quoted = ", ".join(f'"{c}"' for c in columns)
        with driver.cursor(name=f"bootstrap_{table.name}") as cur:
            cur.itersize = CHUNK
            cur.execute(f'SELECT {quoted} FROM "{table.name}" ORDER BY id')
            while part := cur.fetchmany(CHUNK):
                yield part
        return
    result = conn.execution_options(yield_per=CHUNK).execute(
        select(*(table.c[c] for c in columns)).order_by(table.c.id)
    )
    yield from result.partitions(CHUNK)


def _rows(conn: Connection, spec: TableSpec) -> Iterator[tuple[list[dict[str, Any]], str]]:
    """Central's rows of one table as insertable dicts (column names), in chunks, with their top stamp."""
    table: Any = spec.record.__table__
    names = spec.column_names
    keys = ["id", *spec.columns] + (["stamps"] if spec.synced else [])
    columns = [table.c[names.get(k, k)] for k in keys]
    db_names = [c.name for c in columns]
    datetimes = {names[c] for c in spec.datetime_columns}
    devices = spec.record is DeviceRecord
    result = conn.execution_options(yield_per=CHUNK).execute(select(*columns).order_by(table.c.id))
    for part in result.partitions(CHUNK):
        chunk = []
        top = GENESIS_STAMP
        for row in part:
            values = dict(zip(db_names, row, strict=True))
            for c in datetimes:
                if values[c] is not None:
                    values[c] = utc(values[c])
            if spec.synced:
                stored = row_stamps.parse(values["stamps"])
                if stored:
                    values["stamps"] = row_stamps.dump(stored)
                    high = max(stored.values())
                    if high > top:
                        top = high
                else:
                    values["stamps"] = GENESIS_TEXT
            if devices:
                refresh_device_keys(values)
            chunk.append(values)
        yield chunk, top


def _as_change(spec: TableSpec, values: dict[str, Any], origin: str, head: int) -> Change:
    """A row for the merge path (the laptop already has rows in this table)."""
    names = spec.column_names
    fields = {c: values[names[c]] for c in spec.columns}
    if spec.synced:
        return Change(spec.name, values["id"], "upsert", fields, row_stamps.parse(values["stamps"]), origin, head, head)
    return Change(spec.name, values["id"], "insert", fields, {"*": GENESIS_STAMP}, origin, head, head)
