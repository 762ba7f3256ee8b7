"""Field-level last-writer-wins merge of changes into a store, inside the caller's transaction.

Every field is a register stamped with an HLC string; the higher stamp wins, equal stamps are the
same write (so re-applying anything is a no-op). Soft deletes are the ``deleted`` field. Insert-only
tables (scans, observations) are a union. Where two different values meet, a ``Clash`` is reported;
the caller (central or a laptop) decides which clashes were concurrent and logs those as conflicts.
Rows are read and written in bulk with SQLAlchemy Core (100,000 changes must apply in seconds).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from operator import itemgetter
from typing import Any

from sqlalchemy import ARRAY, String, any_, bindparam, select, text
from sqlalchemy.orm import Session

from inventory_app.core.hlc import GENESIS_STAMP
from inventory_app.storage import search_index
from inventory_app.storage import stamps as row_stamps
from inventory_app.storage.schema import DeviceRecord
from inventory_app.storage.unit_of_work import refresh_device_keys
from inventory_app.sync.records import (
    Change,
    TableSpec,
    compact,
    same_value,
    stamp_replica,
    stored_stamps_json,
    table_specs,
    utc,
)

CHUNK = 900  # ids per IN (...) query: below SQLite's variable limit
FTS_AUTOMERGE = 4  # FTS5's default
PG_CHUNK = 20_000  # ids per PostgreSQL query (one array parameter)
INDEX_REBUILD_MIN = 5_000  # below this many rows, keeping the indexes is cheaper than rebuilding them
BULK_CACHE_KIB = -65_536  # SQLite page cache during a bulk load (negative: KiB)

_FALLBACK: dict[str, Any] = {
    "str": "",
    "text": "",
    "int": 0,
    "float": 0.0,
    "bool": False,
    "date": datetime(1970, 1, 1).date(),
    "datetime": datetime(1970, 1, 1, tzinfo=UTC),
}


@dataclass(slots=True)
class Clash:
    """Two different values of one field met; ``kept`` is what the row holds now."""

    table: str
    row_id: str
    field: str
    kept_value: Any
    kept_stamp: str
    lost_value: Any
    lost_stamp: str
    incoming_won: bool
    change: Change
    # The clash was concurrent only if the change's author had not seen this stamp (None: never seen).
    unseen_stamp: str | None


@dataclass(slots=True)
class MergeResult:
    accepted: list[Change] = field(default_factory=list)  # each change cut down to the fields that won
    clashes: list[Clash] = field(default_factory=list)
    max_stamp: str | None = None
    inserted: int = 0
    updated: int = 0


@dataclass(slots=True)
class _Row:
    values: dict[str, Any]
    stamps: dict[str, str]  # full map field -> stamp (empty while ``packed`` holds them)
    base: str  # the stored "*" stamp (the row's creation, usually)
    new: bool  # not in the store yet
    dirty: bool = False
    touched: bool = False  # holds real values (loaded, or written by an earlier change of this batch)
    packed: dict[str, str] | None = None  # stamps as stored, for a row made whole by one change (fast path)

    def expand(self, columns: tuple[str, ...]) -> None:
        if self.packed is not None:
            star = self.packed["*"]
            self.stamps = {c: self.packed.get(c, star) for c in columns}
            self.packed = None


def _grouped(changes: Iterable[Change]) -> list[tuple[TableSpec, list[Change]]]:
    specs = table_specs()
    groups: dict[str, list[Change]] = {}
    for change in changes:
        groups.setdefault(change.table, []).append(change)
    return [(spec, groups[name]) for name, spec in specs.items() if name in groups]


def _chunks(items: Sequence[str], size: int = CHUNK) -> Iterable[Sequence[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def merge(session: Session, changes: Sequence[Change], *, lock_rows: bool = False) -> MergeResult:
    """Apply ``changes`` (in order within each table) and report what won and what clashed."""
    result = MergeResult()
    for change in changes:
        top = change.max_stamp()
        if result.max_stamp is None or top > result.max_stamp:
            result.max_stamp = top
    for spec, group in _grouped(changes):
        if spec.synced:
            _merge_synced(session, spec, group, result, lock_rows)
        else:
            _merge_insert_only(session, spec, group, result)
    return result


def _load(session: Session, spec: TableSpec, ids: list[str], lock_rows: bool) -> dict[str, _Row]:
    record: Any = spec.record
    cols = [record.id.label("id"), record.stamps.label("stamps"), *(getattr(record, c).label(c) for c in spec.columns)]
    rows: dict[str, _Row] = {}
    postgres = session.get_bind().dialect.name == "postgresql"
    # PostgreSQL takes the ids as one array parameter (no statement with 900 placeholders to build per chunk).
    for chunk in _chunks(ids, PG_CHUNK if postgres else CHUNK):
        if postgres:
            stmt = select(*cols).where(record.id == any_(bindparam("ids", list(chunk), type_=ARRAY(String))))
        else:
            stmt = select(*cols).where(record.id.in_(chunk))
        if lock_rows and postgres:
            stmt = stmt.with_for_update()
        for m in session.execute(stmt).mappings():
            stored = row_stamps.parse(m["stamps"])
            base = stored.get("*", GENESIS_STAMP)
            values = {c: m[c] for c in spec.columns}
            for c in spec.datetime_columns:
                if values[c] is not None:
                    values[c] = utc(values[c])
            rows[m["id"]] = _Row(values, {c: stored.get(c, base) for c in spec.columns}, base, new=False, touched=True)
    return rows


def _new_row(spec: TableSpec) -> _Row:
    values: dict[str, Any] = {}
    for c in spec.columns:
        if c in spec.defaults:
            values[c] = spec.defaults[c]
        elif c in spec.required:
            values[c] = _FALLBACK[spec.kinds[c]]
        else:
            values[c] = None
    return _Row(values, dict.fromkeys(spec.columns, GENESIS_STAMP), GENESIS_STAMP, new=True)


def _merge_synced(session: Session, spec: TableSpec, group: list[Change], result: MergeResult, lock_rows: bool) -> None:
    ids = list(dict.fromkeys(c.row_id for c in group))
    rows = _load(session, spec, ids, lock_rows)
    for change in group:
        row = rows.get(change.row_id)
        if row is None:
            # A new row from one change (bulk loads, snapshots): it takes the change whole (every field:
            # nothing of the template is left; its stamps are only read, so they are not copied).
            if len(change.values) == len(spec.columns):
                rows[change.row_id] = _Row(
                    dict(change.values),
                    {},
                    change.stamps["*"],
                    new=True,
                    dirty=True,
                    touched=True,
                    packed=change.stamps,
                )
                result.accepted.append(change)
                continue
            row = rows[change.row_id] = _new_row(spec)
        row.expand(spec.columns)
        was_deleted = bool(row.values.get("deleted"))
        won: dict[str, str] = {}
        for key, incoming in change.values.items():
            s_in = change.stamp_of(key)
            s_loc = row.stamps[key]
            if s_in > s_loc:
                old = row.values[key]
                if row.touched and s_loc != GENESIS_STAMP and not same_value(old, incoming):
                    result.clashes.append(
                        Clash(spec.name, change.row_id, key, incoming, s_in, old, s_loc, True, change, s_loc)
                    )
                row.values[key] = incoming
                row.stamps[key] = s_in
                won[key] = s_in
            elif s_in < s_loc and not same_value(row.values[key], incoming):
                result.clashes.append(
                    Clash(spec.name, change.row_id, key, row.values[key], s_loc, incoming, s_in, False, change, None)
                )
        if not won:
            continue
        row.dirty = True
        if row.touched:
            _deletion_clashes(spec, row, change, won, was_deleted, result)
        else:
            row.base = min(won.values())
        row.touched = True
        if len(won) == len(change.values):
            accepted = change
        else:
            accepted = Change(
                change.table,
                change.row_id,
                change.op,
                {k: change.values[k] for k in won},
                compact(won),
                change.origin,
                change.seen,
                change.seq,
            )
        result.accepted.append(accepted)
    _write(session, spec, rows, result)


def _deletion_clashes(
    spec: TableSpec, row: _Row, change: Change, won: dict[str, str], was_deleted: bool, result: MergeResult
) -> None:
    """An edit after a delete is kept (its fields won) and logged; so is a delete over others' edits."""
    deleted_now = bool(row.values.get("deleted"))
    if deleted_now and "deleted" not in won:
        s_del = row.stamps["deleted"]
        result.clashes.append(
            Clash(spec.name, change.row_id, "deleted", True, s_del, False, max(won.values()), False, change, s_del)
        )
    elif deleted_now and not was_deleted:
        edits = [
            s
            for c, s in row.stamps.items()
            if c != "deleted" and s != row.base and s not in won.values() and stamp_replica(s) != change.origin
        ]
        if edits:
            edit = max(edits)
            result.clashes.append(
                Clash(spec.name, change.row_id, "deleted", True, won["deleted"], False, edit, True, change, edit)
            )


def _stored(spec: TableSpec, row_id: str, row: _Row, renamed: bool) -> dict[str, Any]:
    values = row.values  # the row is written once and then dropped: its dict becomes the statement's
    values["id"] = row_id
    values["stamps"] = stored_stamps_json(row.packed if row.packed is not None else compact(row.stamps))
    if spec.record is DeviceRecord:
        refresh_device_keys(values)
    if not renamed:
        return values
    names = spec.column_names
    return {names[k]: v for k, v in values.items()}


def _write(session: Session, spec: TableSpec, rows: dict[str, _Row], result: MergeResult) -> None:
    # Core statements with column names: one executemany batch each (the ORM bulk path splits
    # rows into many small batches by which values are None).
    table: Any = spec.record.__table__
    renamed = any(k != c for k, c in spec.column_names.items())
    inserts = [_stored(spec, rid, r, renamed) for rid, r in rows.items() if r.new and r.dirty]
    updates = [_stored(spec, rid, r, renamed) for rid, r in rows.items() if not r.new and r.dirty]
    if inserts:
        insert_rows(session, table, inserts)
        result.inserted += len(inserts)
    if updates:
        for u in updates:
            u["_id"] = u.pop("id")
        stmt = (
            table.update()
            .where(table.c.id == bindparam("_id"))
            .values({c: bindparam(c) for c in updates[0] if c != "_id"})
        )
        session.execute(stmt, updates)
        result.updated += len(updates)


def insert_rows(session: Session, table: Any, rows: list[dict[str, Any]]) -> None:
    """Insert many rows (keys are column names); PostgreSQL gets them through COPY."""
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite" and len(rows) > 100 and set(rows[0]) == set(table.c.keys()):
        _sqlite_insert(session, table, rows)
        return
    if dialect == "postgresql" and len(rows) > 200:
        columns = list(rows[0])
        conn = session.connection().connection.dbapi_connection
        assert conn is not None
        quoted = ", ".join(f'"{c}"' for c in columns)
        values = itemgetter(*columns) if len(columns) > 1 else (lambda r: (r[columns[0]],))
        with conn.cursor() as cur, cur.copy(f'COPY "{table.name}" ({quoted}) FROM STDIN') as copy:  # type: ignore[attr-defined]
            for row in rows:
                copy.write_row(values(row))
        return
    session.execute(table.insert(), rows)


def _sqlite_insert(session: Session, table: Any, rows: list[dict[str, Any]]) -> None:
    """One driver-level executemany, values converted once per column (not per row by the ORM)."""
    conn = session.connection()
    columns = list(rows[0])
    procs = [
        (i, p) for i, c in enumerate(columns) if (p := table.c[c].type._cached_bind_processor(conn.dialect)) is not None
    ]
    values = itemgetter(*columns)
    data: list[Any] = [values(r) for r in rows] if len(columns) > 1 else [(r[columns[0]],) for r in rows]
    if procs:
        for n, row in enumerate(data):
            converted = list(row)
            for i, p in procs:
                converted[i] = p(converted[i])
            data[n] = tuple(converted)
    sql = (
        f'INSERT INTO "{table.name}" ({", ".join(chr(34) + c + chr(34) for c in columns)}) '
        f"VALUES ({', '.join('?' * len(columns))})"
    )
    if table.name == "devices":
        # The search index's per-row trigger costs 5x the insert itself: index the new rows at once.
        search_index.bulk_insert_devices(conn, sql, data)
    else:
        conn.exec_driver_sql(sql, data)


def _merge_insert_only(session: Session, spec: TableSpec, group: list[Change], result: MergeResult) -> None:
    record: Any = spec.record
    ids = list(dict.fromkeys(c.row_id for c in group))
    present: set[str] = set()
    for chunk in _chunks(ids):
        present.update(session.scalars(select(record.id).where(record.id.in_(chunk))))
    rows = []
    for change in group:
        if change.row_id in present:
            continue
        present.add(change.row_id)
        values = {spec.column_names[c]: change.values.get(c, spec.defaults.get(c)) for c in spec.columns}
        values["id"] = change.row_id
        rows.append(values)
        result.accepted.append(change)
    if rows:
        insert_rows(session, record.__table__, rows)
        result.inserted += len(rows)


class IndexesPaused:
    """Drop SQLite tables' secondary indexes for a bulk load and rebuild them after (same transaction).

    SQLite rebuilds an index by sorting far faster than it maintains a dozen random-keyed B-trees row by
    row; DDL is transactional in SQLite, so a failure rolls the indexes back with the rows. While devices
    load, the search index (FTS5) does not merge its segments on every flush (``automerge`` 0, put back
    after: later writes merge them as usual) — that merging is half of indexing 100,000 devices.
    """

    def __init__(self, session: Session, tables: list[str], rows: int) -> None:
        self.conn = session.connection()
        self.tables = tables
        self.active = self.conn.dialect.name == "sqlite" and rows >= INDEX_REBUILD_MIN
        self.created: list[tuple[str, str]] = []
        self.automerge: Any = None
        self.cache_size: Any = None

    def __enter__(self) -> None:
        if not self.active:
            return
        # Rebuilding indexes and filling the search index sort and merge in the page cache: give the
        # load 64 MiB of it (SQLite's default is 2 MiB), put back after.
        self.cache_size = self.conn.scalar(text("PRAGMA cache_size"))
        self.conn.execute(text(f"PRAGMA cache_size = {BULK_CACHE_KIB}"))
        for table in self.tables:
            self.created += [
                (str(n), str(sql))
                for n, sql in self.conn.execute(
                    text(
                        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = :t AND sql IS NOT NULL"
                    ),
                    {"t": table},
                )
            ]
        for index_name, _ in self.created:
            self.conn.execute(text(f'DROP INDEX "{index_name}"'))
        if "devices" in self.tables:
            self.automerge = self.conn.scalar(text("SELECT v FROM device_search_config WHERE k = 'automerge'"))
            self.conn.execute(text("INSERT INTO device_search(device_search, rank) VALUES ('automerge', 0)"))

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        if exc_type is None and self.active:
            for _, sql in self.created:
                self.conn.execute(text(sql))
            if "devices" in self.tables:
                self.conn.execute(
                    text("INSERT INTO device_search(device_search, rank) VALUES ('automerge', :v)"),
                    {"v": FTS_AUTOMERGE if self.automerge is None else int(self.automerge)},
                )
        if self.active and self.cache_size is not None:
            self.conn.execute(text(f"PRAGMA cache_size = {int(self.cache_size)}"))


def empty_tables(session: Session) -> list[str]:
    """The exchanged tables that hold no row yet (a snapshot's rows go into them as they are)."""
    return [
        spec.record.__tablename__
        for spec in table_specs().values()
        if session.scalar(select(spec.record.__table__.c.id).limit(1)) is None
    ]
