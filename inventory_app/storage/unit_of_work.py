"""The one way to write: a transaction that stamps every changed field and writes the outbox.

Services change ORM records in ``uow.session`` as usual; at flush time a listener
- gives new synced rows an id and stamps every field with one fresh HLC stamp,
- stamps only the fields that really changed on updated rows,
- refuses hard deletes of synced or insert-only rows and updates of insert-only rows,
- keeps the devices' local lookup keys in step with their identifiers,
- and adds one outbox entry per changed row, in the same transaction.
Remote changes (sync) are applied with ``remote=True``: stamps come with the change, no outbox.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from types import TracebackType
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import Table, event, insert, inspect, select
from sqlalchemy.orm import Mapper, Session

from inventory_app.core.changes import PLACE_FIELDS, Changes
from inventory_app.core.errors import StoreError
from inventory_app.core.hlc import HybridLogicalClock, Stamp
from inventory_app.core.identifiers import identifier_key
from inventory_app.storage import search_index
from inventory_app.storage import stamps as row_stamps
from inventory_app.storage.codec import to_jsonable
from inventory_app.storage.schema import (
    DeviceRecord,
    InsertOnlyRecord,
    OutboxRecord,
    ReplicaStateRecord,
    SyncedRecord,
    synced_columns,
)

if TYPE_CHECKING:
    from inventory_app.storage.store import Store

_COLUMNS_CACHE: dict[type[Any], list[str]] = {}


def columns_of(record: type[SyncedRecord]) -> list[str]:
    cols = _COLUMNS_CACHE.get(record)
    if cols is None:
        cols = _COLUMNS_CACHE[record] = synced_columns(record)
    return cols


def insert_only_columns(record: type[InsertOnlyRecord]) -> list[str]:
    cols = _COLUMNS_CACHE.get(record)
    if cols is None:
        cols = _COLUMNS_CACHE[record] = [a.key for a in inspect(record).column_attrs]
    return cols


def refresh_device_keys(values: Any) -> None:
    """Set the lookup keys of a DeviceRecord or a row dict from its identifiers."""
    if isinstance(values, dict):
        values["tag_key"] = identifier_key(values.get("asset_tag")) or None
        values["serial_key"] = identifier_key(values.get("serial")) or None
        values["inventory_key"] = identifier_key(values.get("inventory_number")) or None
        values["mac_key"] = identifier_key(values.get("mac")) or None
    else:
        values.tag_key = identifier_key(values.asset_tag) or None
        values.serial_key = identifier_key(values.serial) or None
        values.inventory_key = identifier_key(values.inventory_number) or None
        values.mac_key = identifier_key(values.mac) or None


def utcnow() -> datetime:
    return datetime.now(UTC)


class UnitOfWork:
    """``with store.unit_of_work() as uow: ...`` commits on success, rolls back on error."""

    def __init__(self, store: Store, *, remote: bool = False) -> None:
        self.store = store
        self.remote = remote
        self.session: Session = store.new_write_session()
        self.session.info["uow"] = self
        self._replica_state: ReplicaStateRecord | None = None
        self.clock: HybridLogicalClock | None = None
        self.outbox_count = 0
        # What this transaction wrote, told to the store's subscribers once it has committed.
        self.touched: set[str] = set()
        self.touched_devices: set[str] = set()
        self.placed = False  # a device added or moved (core/changes.py PLACE_FIELDS)

    # -- context manager ------------------------------------------------------------------
    def __enter__(self) -> UnitOfWork:
        state = self.session.get(ReplicaStateRecord, self.store.replica_id)
        if state is None:  # the store became a new replica (a restore) while this Store object lived
            state = self.session.scalars(select(ReplicaStateRecord)).first()
            if state is not None:
                self.store.replica_id = state.replica_id
        if state is None:
            raise StoreError("the store has no replica identity; run 'init' to repair it")
        self._replica_state = state
        self.clock = HybridLogicalClock(
            state.replica_id, state.hlc_wall_ms, state.hlc_counter, now_ms=self.store.now_ms
        )
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            if exc_type is None:
                self.session.commit()
            else:
                self.session.rollback()
        finally:
            self.session.close()
        if exc_type is None:
            self.store.publish(self.changes())

    def touch(self, *tables: str) -> None:
        """Record tables written with Core statements (the ORM's writes are recorded by themselves)."""
        self.touched.update(tables)

    def changes(self) -> Changes:
        """What this unit wrote; applying remote changes counts as "anything may have changed"."""
        if self.remote:
            return Changes.all()
        return Changes(frozenset(self.touched), frozenset(self.touched_devices), placed=self.placed)

    def _note(self, obj: Any) -> None:
        table = getattr(obj, "__tablename__", None)
        if table:
            self.touched.add(table)
            if isinstance(obj, DeviceRecord) and obj.id:
                self.touched_devices.add(obj.id)

    def flush(self) -> None:
        self.session.flush()

    # -- stamping ---------------------------------------------------------------------------
    def next_stamp(self) -> str:
        assert self.clock is not None, "use the unit of work as a context manager"
        return self.clock.now().encode()

    def receive(self, stamp: str) -> None:
        """The HLC receive rule for applied remote changes: advance past ``stamp`` and save the clock,
        so any later local edit wins over what was received (also with ``remote=True``)."""
        assert self.clock is not None, "use the unit of work as a context manager"
        self.clock.receive(Stamp.decode(stamp))
        self._save_clock()

    def _save_clock(self) -> None:
        assert self.clock is not None and self._replica_state is not None
        if (
            self._replica_state.hlc_wall_ms != self.clock.wall_ms
            or self._replica_state.hlc_counter != self.clock.counter
        ):
            self._replica_state.hlc_wall_ms = self.clock.wall_ms
            self._replica_state.hlc_counter = self.clock.counter

    def _outbox(self, table: str, row_id: str, op: str, fields: Mapping[str, Any], hlc: str) -> dict[str, Any]:
        """One outbox entry: the changed fields; every one of them carries the stamp ``hlc``."""
        self.outbox_count += 1
        payload = json.dumps({k: to_jsonable(v) for k, v in fields.items()}, ensure_ascii=False, separators=(",", ":"))
        return {"table_name": table, "row_id": row_id, "op": op, "payload": payload, "hlc": hlc, "acked": False}

    def before_flush(self) -> None:
        session = self.session
        for obj in list(session.deleted):
            if isinstance(obj, (SyncedRecord, InsertOnlyRecord)):
                raise StoreError(f"{type(obj).__name__} rows are never deleted; set deleted=True instead")
        entries: list[dict[str, Any]] = []
        for obj in list(session.new):
            self._note(obj)
            if isinstance(obj, DeviceRecord):
                refresh_device_keys(obj)
                self.placed = True
            if self.remote:
                continue
            if isinstance(obj, SyncedRecord):
                if obj.id is None:
                    obj.id = str(uuid.uuid4())
                if obj.deleted is None:
                    obj.deleted = False
                self._apply_defaults(obj)
                cols = columns_of(type(obj))
                stamp = self.next_stamp()
                obj.stamps = row_stamps.dump(row_stamps.for_new_row(stamp))
                fields = {c: getattr(obj, c) for c in cols}
                entries.append(self._outbox(obj.__tablename__, obj.id, "upsert", fields, stamp))
            elif isinstance(obj, InsertOnlyRecord):
                if obj.id is None:
                    obj.id = str(uuid.uuid4())
                cols = insert_only_columns(type(obj))
                stamp = self.next_stamp()
                fields = {c: getattr(obj, c) for c in cols}
                entries.append(self._outbox(obj.__tablename__, obj.id, "insert", fields, stamp))
        for obj in list(session.dirty):
            if isinstance(obj, InsertOnlyRecord):
                if session.is_modified(obj):
                    raise StoreError(f"{type(obj).__name__} rows are insert-only")
                continue
            if not isinstance(obj, SyncedRecord):
                if session.is_modified(obj):
                    self._note(obj)
                continue
            state = inspect(obj)
            changed = []
            for col in columns_of(type(obj)):
                hist = state.attrs[col].history
                if hist.added and (not hist.deleted or hist.added[0] != hist.deleted[0]):
                    changed.append(col)
            if isinstance(obj, DeviceRecord) and (
                {"asset_tag", "serial", "inventory_number", "mac"} & set(changed) or self.remote
            ):
                refresh_device_keys(obj)
            if self.remote or not changed:
                continue
            self._note(obj)
            if isinstance(obj, DeviceRecord) and PLACE_FIELDS & set(changed):
                self.placed = True
            stamp = self.next_stamp()
            obj.stamps = row_stamps.dump(row_stamps.with_fields(row_stamps.parse(obj.stamps), changed, stamp))
            fields = {c: getattr(obj, c) for c in changed}
            entries.append(self._outbox(obj.__tablename__, obj.id, "upsert", fields, stamp))
        if entries:
            self.touched.add(OutboxRecord.__tablename__)
            session.add_all(OutboxRecord(**e) for e in entries)
        if not self.remote:
            self._save_clock()

    @staticmethod
    def _apply_defaults(obj: SyncedRecord) -> None:
        """Column defaults are applied at INSERT; apply them now so the outbox carries them."""
        for column in obj.__table__.columns:
            key = column.key
            if getattr(obj, key, None) is None and column.default is not None and column.default.is_scalar:
                attr = inspect(type(obj)).get_property_by_column(column).key
                if getattr(obj, attr) is None:
                    setattr(obj, attr, column.default.arg)

    # -- bulk path (demo data, imports, snapshots) --------------------------------------------
    def insert_many(self, record: type[SyncedRecord] | type[InsertOnlyRecord], rows: Iterable[dict[str, Any]]) -> int:
        """Insert many new rows with stamps and outbox entries, without ORM objects (fast)."""
        table_rows: list[dict[str, Any]] = []
        outbox_rows: list[dict[str, Any]] = []
        synced = issubclass(record, SyncedRecord)
        cols = columns_of(record) if synced else insert_only_columns(record)  # type: ignore[arg-type]
        mapper: Mapper[Any] = inspect(record)
        defaults = {
            prop.key: prop.columns[0].default.arg
            for prop in mapper.column_attrs
            if prop.columns[0].default is not None and prop.columns[0].default.is_scalar
        }
        for row in rows:
            values = {**defaults, **row}
            values.setdefault("id", str(uuid.uuid4()))
            for col in cols:
                values.setdefault(col, None)
            if record is DeviceRecord:
                refresh_device_keys(values)
            stamp = self.next_stamp()
            fields = {c: values[c] for c in cols}
            if synced:
                values["stamps"] = row_stamps.dump(row_stamps.for_new_row(stamp))
                if not self.remote:
                    outbox_rows.append(self._outbox(record.__tablename__, values["id"], "upsert", fields, stamp))
            elif not self.remote:
                outbox_rows.append(self._outbox(record.__tablename__, values["id"], "insert", fields, stamp))
            table_rows.append(values)
        if not table_rows:
            return 0
        self.touched.add(record.__tablename__)
        if record is DeviceRecord:
            self.touched_devices.update(r["id"] for r in table_rows)
            self.placed = True
        if outbox_rows:
            self.touched.add(OutboxRecord.__tablename__)
        # Core executemany with column names: the ORM's bulk path regroups rows and issued
        # thousands of statements for a demo city.
        names = {prop.key: prop.columns[0].name for prop in mapper.column_attrs}
        connection = self.session.connection()
        column_rows = [{names[k]: v for k, v in r.items()} for r in table_rows]
        if record is DeviceRecord and connection.dialect.name == "sqlite":
            search_index.bulk_insert_devices(connection, insert(cast(Table, record.__table__)), column_rows)
        else:
            connection.execute(insert(cast(Table, record.__table__)), column_rows)
        if outbox_rows:
            connection.execute(insert(cast(Table, OutboxRecord.__table__)), outbox_rows)
        self._save_clock()
        return len(table_rows)

    def pending_outbox(self) -> int:
        from sqlalchemy import func

        return int(
            self.session.scalar(select(func.count()).select_from(OutboxRecord).where(OutboxRecord.acked.is_(False)))
            or 0
        )


def _before_flush(session: Session, flush_context: Any, instances: Any) -> None:
    uow = session.info.get("uow")
    if isinstance(uow, UnitOfWork):
        uow.before_flush()


def install_change_tracking(factory: Any) -> None:
    """Attach the stamping listener to one store's session factory (no process-wide hooks)."""
    event.listen(factory, "before_flush", _before_flush)
