"""Rows straight into SQLite tables that hold none yet: a fresh laptop's bootstrap, central's snapshot file.

Into an empty table nothing can clash, so the merge's answer for a row is the row itself: its values, its
stamps as they came, its device lookup keys. This module builds those rows as tuples in the table's column
order, with SQLite's storage form of every value (one pass, no dict per row, no ORM), and inserts them with
one driver-level ``executemany`` per batch; devices also fill the search index in one statement per batch.
``rows_from_changes`` gives up (``None``) whenever the merge could decide differently — a row that comes
twice, or without every field — and the caller merges that table instead.
"""

from __future__ import annotations

import contextlib
import json
import queue
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from operator import itemgetter
from typing import Any, TypeVar

from sqlalchemy import Boolean
from sqlalchemy.dialects import sqlite
from sqlalchemy.engine import Connection

from inventory_app.core.hlc import GENESIS_STAMP
from inventory_app.core.identifiers import identifier_key
from inventory_app.storage import search_index
from inventory_app.storage.schema import DeviceRecord
from inventory_app.sync.records import Change, TableSpec, stored_stamps_json, table_specs, utc

T = TypeVar("T")
GENESIS_TEXT = stored_stamps_json({"*": GENESIS_STAMP})
# A device's identifiers and the lookup keys made from them (unit_of_work.refresh_device_keys).
DEVICE_KEYS = (
    ("asset_tag", "tag_key"),
    ("serial", "serial_key"),
    ("inventory_number", "inventory_key"),
    ("mac", "mac_key"),
)


@dataclass(frozen=True, slots=True)
class TableLoad:
    """How one table's rows are written: ``id``, the exchanged columns, ``stamps`` (synced), device keys."""

    spec: TableSpec
    columns: tuple[str, ...]  # database column names, in insert order
    converters: tuple[tuple[int, Callable[[Any], Any]], ...]  # position -> SQLite bind processor
    key_sources: tuple[int, ...]  # positions of a device's identifiers (their keys are appended)
    sql: str

    @property
    def name(self) -> str:
        return self.spec.name


@cache
def table_load(table_name: str) -> TableLoad:
    spec = table_specs()[table_name]
    table: Any = spec.record.__table__
    names = spec.column_names
    keys = ["id", *spec.columns] + (["stamps"] if spec.synced else [])
    devices = spec.record is DeviceRecord
    columns = [names.get(k, k) for k in keys] + ([k for _, k in DEVICE_KEYS] if devices else [])
    dialect = sqlite.dialect()
    datetimes = {names[k] for k in spec.datetime_columns}
    converters = []
    for i, c in enumerate(columns):
        column_type = table.c[c].type
        # sqlite3 stores a bool as the integer SQLAlchemy's processor would make of it: no call per value.
        if isinstance(column_type, Boolean):
            continue
        processor = column_type._cached_bind_processor(dialect)
        if c in datetimes:
            converters.append((i, _in_utc(processor)))
        elif processor is not None:
            converters.append((i, processor))
    key_sources = tuple(keys.index(source) for source, _ in DEVICE_KEYS) if devices else ()
    quoted = ", ".join(f'"{c}"' for c in columns)
    sql = f'INSERT INTO "{table.name}" ({quoted}) VALUES ({", ".join("?" * len(columns))})'
    return TableLoad(spec, tuple(columns), tuple(converters), key_sources, sql)


def _in_utc(processor: Callable[[Any], Any] | None) -> Callable[[Any], Any]:
    """Times are compared and stored in UTC (PostgreSQL hands them over in its session's zone)."""
    if processor is None:
        return utc
    return lambda value: processor(utc(value))


def finish_row(load: TableLoad, values: list[Any]) -> tuple[Any, ...]:
    """``values`` (id, exchanged columns, stamps text) in SQLite's storage form, device keys appended."""
    for i, convert in load.converters:
        value = values[i]
        if value is not None:
            values[i] = convert(value)
    if load.key_sources:
        for i in load.key_sources:
            values.append(identifier_key(values[i]) or None)
    return tuple(values)


def stamps_text(text: str | None) -> tuple[str, str]:
    """A row's stored stamps as central holds them -> (the text a laptop stores, the row's highest stamp)."""
    stamps: dict[str, str] | None = json.loads(text) if text else None
    if not stamps:
        return GENESIS_TEXT, GENESIS_STAMP
    if len(stamps) == 1:
        star = stamps.get("*")
        # The usual row (one stamp): its canonical text is known without encoding it again.
        if star is not None and text == '{"*":"' + star + '"}':
            assert text is not None
            return text, star
    return stored_stamps_json(stamps), max(stamps.values())


def rows_from_changes(load: TableLoad, changes: Sequence[Change]) -> list[tuple[Any, ...]] | None:
    """The rows a merge of ``changes`` into the empty table would write, or None where it might differ."""
    spec = load.spec
    columns = spec.columns
    count = len(columns)
    seen: set[str] = set()
    rows: list[tuple[Any, ...]] = []
    row: list[Any]
    if spec.synced:
        fields = itemgetter(*columns) if count > 1 else (lambda values: (values[columns[0]],))
        for change in changes:
            values = change.values
            if change.row_id in seen or len(values) != count:
                return None  # twice, or a partial row: the merge decides field by field
            seen.add(change.row_id)
            stamps = change.stamps
            star = stamps.get("*") if len(stamps) == 1 else None
            # One stamp (checked by records.check_stamp, so plain printable text without quotes): its text.
            if star is not None and star.isascii() and star.isprintable() and '"' not in star and "\\" not in star:
                text = '{"*":"' + star + '"}'
            else:
                text = stored_stamps_json(stamps)
            row = [change.row_id, *fields(values), text]
            rows.append(finish_row(load, row))
        return rows
    defaults = spec.defaults
    for change in changes:
        if change.row_id in seen:
            continue  # an insert-only row is written once: the first one stays
        seen.add(change.row_id)
        values = change.values
        row = [change.row_id]
        row += [values.get(c, defaults.get(c)) for c in columns]
        rows.append(finish_row(load, row))
    return rows


def insert(connection: Connection, load: TableLoad, rows: list[tuple[Any, ...]]) -> None:
    """Insert finished rows (inside the caller's transaction); devices are indexed for search at once."""
    if not rows:
        return
    if load.spec.record is DeviceRecord:
        search_index.bulk_insert_devices(connection, load.sql, rows)
    else:
        connection.exec_driver_sql(load.sql, rows)


def batches(rows: Iterable[tuple[Any, ...]], size: int) -> Iterable[list[tuple[Any, ...]]]:
    batch: list[tuple[Any, ...]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def prefetched(items: Iterator[T], depth: int = 2) -> Iterator[T]:
    """``items``, produced by a thread of their own up to ``depth`` ahead of the consumer.

    A fresh laptop's bootstrap reads and converts central's next rows while SQLite inserts the previous
    ones and indexes them (SQLite releases the GIL while it works). The producer alone uses what it reads
    from (central's connection) until the consumer stops; its exception is raised in the consumer.
    """
    box: queue.Queue[tuple[str, Any]] = queue.Queue(maxsize=depth)
    stop = threading.Event()

    def produce() -> None:
        try:
            for item in items:
                if stop.is_set():
                    break
                box.put(("item", item))
            else:
                box.put(("end", None))
        except BaseException as exc:  # handed to the consumer, which raises it
            box.put(("error", exc))
        finally:
            close = getattr(items, "close", None)
            if close is not None:
                with contextlib.suppress(Exception):  # its error, if any, has been handed over already
                    close()  # a server-side cursor closes here, in the thread that used it

    worker = threading.Thread(target=produce, name="bootstrap-reader", daemon=True)
    worker.start()
    try:
        while True:
            kind, item = box.get()
            if kind == "end":
                return
            if kind == "error":
                raise item
            yield item
    finally:
        stop.set()
        while worker.is_alive():  # let a producer blocked on a full queue see the stop
            with contextlib.suppress(queue.Empty):
                box.get(timeout=0.05)
        worker.join()
