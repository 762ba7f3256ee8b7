"""What is exchanged: a ``Change`` (one row's fields with their stamps) and the rules for checking one.

Values inside a ``Change`` are Python values as the database returns them (dates are ``date``,
times are UTC-aware ``datetime``); ``to_json``/``change_from_json`` convert at the edges (outbox
payloads, the change log, sync files). ``change_from_json`` checks everything a hostile file could
get wrong and raises ``BadRecord`` with a plain reason.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import cache, lru_cache
from typing import Any

from sqlalchemy import BigInteger, Boolean, Date, DateTime, Float, Integer, String, Text, TypeDecorator, inspect

from inventory_app.storage.schema import INSERT_ONLY_RECORDS, SYNCED_RECORDS, Base, SyncedRecord, synced_columns

STAMP_RE = re.compile(r"^\d{13}-\d{5}-[0-9A-Za-z][0-9A-Za-z._-]{0,63}$")
ID_RE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z._-]{0,35}$")
UPSERT, INSERT = "upsert", "insert"
_RECORD_KEYS = frozenset({"t", "id", "op", "v", "s", "o", "seen", "seq"})
_STAMP_MATCH = STAMP_RE.match


class BadRecord(ValueError):
    """A change record that must not be applied; the message says what is wrong with it."""


@dataclass(frozen=True, slots=True)
class TableSpec:
    name: str
    record: type[Base]
    synced: bool
    columns: tuple[str, ...]  # exchanged attribute keys (never id, stamps or local lookup keys)
    kinds: dict[str, str]  # str | text | int | float | bool | date | datetime
    lengths: dict[str, int]
    required: frozenset[str]  # NOT NULL
    defaults: dict[str, Any]
    datetime_columns: tuple[str, ...]
    column_names: dict[str, str]  # attribute key -> database column (``group`` -> ``group_name``)


def _kind(column_type: Any) -> str:
    if isinstance(column_type, TypeDecorator):
        column_type = column_type.impl
    if isinstance(column_type, Boolean):
        return "bool"
    if isinstance(column_type, (Integer, BigInteger)):
        return "int"
    if isinstance(column_type, Float):
        return "float"
    if isinstance(column_type, DateTime):
        return "datetime"
    if isinstance(column_type, Date):
        return "date"
    if isinstance(column_type, Text):
        return "text"
    if isinstance(column_type, String):
        return "str"
    raise TypeError(f"no sync rule for column type {column_type!r}")


def _spec(record: type[Base], synced: bool) -> TableSpec:
    mapper = inspect(record)
    if not synced:
        columns = tuple(a.key for a in mapper.column_attrs if a.key != "id")
    elif issubclass(record, SyncedRecord):
        columns = tuple(synced_columns(record))
    else:
        raise TypeError(f"{record.__name__} is not a synced record")
    kinds: dict[str, str] = {}
    lengths: dict[str, int] = {}
    required: set[str] = set()
    defaults: dict[str, Any] = {}
    for key in columns:
        column = mapper.get_property(key).columns[0]
        kinds[key] = _kind(column.type)
        length = getattr(column.type, "length", None)
        if length:
            lengths[key] = int(length)
        if not column.nullable:
            required.add(key)
        if column.default is not None and column.default.is_scalar:
            defaults[key] = column.default.arg
    return TableSpec(
        name=record.__tablename__,
        record=record,
        synced=synced,
        columns=columns,
        kinds=kinds,
        lengths=lengths,
        required=frozenset(required),
        defaults=defaults,
        datetime_columns=tuple(k for k in columns if kinds[k] == "datetime"),
        column_names={a.key: a.columns[0].name for a in mapper.column_attrs},
    )


@lru_cache(maxsize=1)
def table_specs() -> dict[str, TableSpec]:
    """Every exchanged table in foreign-key order (parents before children)."""
    specs = {r.__tablename__: _spec(r, True) for r in SYNCED_RECORDS}
    specs.update({r.__tablename__: _spec(r, False) for r in INSERT_ONLY_RECORDS})
    return specs


def table_order() -> dict[str, int]:
    return {name: i for i, name in enumerate(table_specs())}


# -- values -------------------------------------------------------------------------------------------


def utc(value: datetime) -> datetime:
    """SQLite gives naive times (written as UTC), PostgreSQL aware ones in its zone: compare in UTC."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def value_to_json(value: Any) -> Any:
    if isinstance(value, datetime):
        return utc(value).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def value_from_json(spec: TableSpec, key: str, value: Any) -> Any:
    """Check one JSON value against its column and convert it; raise BadRecord when it does not fit."""
    kind = spec.kinds[key]
    if value is None:
        if key in spec.required and key not in spec.defaults:
            raise BadRecord(f"{spec.name}.{key} must not be empty")
        return None
    if kind in ("str", "text"):
        if not isinstance(value, str):
            raise BadRecord(f"{spec.name}.{key} must be text")
        limit = spec.lengths.get(key)
        if limit is not None and len(value) > limit:
            raise BadRecord(f"{spec.name}.{key} is longer than {limit} characters")
        return value
    if kind == "bool":
        if not isinstance(value, bool):
            raise BadRecord(f"{spec.name}.{key} must be true or false")
        return value
    if kind == "int":
        if isinstance(value, bool) or not isinstance(value, int) or abs(value) >= 2**63:
            raise BadRecord(f"{spec.name}.{key} must be a whole number")
        return value
    if kind == "float":
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value:
            raise BadRecord(f"{spec.name}.{key} must be a number")
        return float(value)
    if not isinstance(value, str):
        raise BadRecord(f"{spec.name}.{key} must be a date written as text")
    try:
        if kind == "date":
            return date.fromisoformat(value)
        return utc(datetime.fromisoformat(value))
    except ValueError:
        raise BadRecord(f"{spec.name}.{key} is not a valid date or time: {value[:40]!r}") from None


def _json_default(value: Any) -> Any:
    if isinstance(value, (datetime, date)):
        return value_to_json(value)
    raise TypeError(f"cannot write {type(value).__name__} to a change")


# Encoders made once (``json.dumps`` with any option builds a new encoder per call; 100,000 changes
# make several hundred thousand of these calls). Stateless, so shared.
_VALUES_JSON = json.JSONEncoder(default=_json_default, ensure_ascii=False, separators=(",", ":")).encode
_COMPACT_JSON = json.JSONEncoder(separators=(",", ":")).encode
_STORED_STAMPS_JSON = json.JSONEncoder(separators=(",", ":"), sort_keys=True).encode


def stamps_json(stamps: dict[str, str]) -> str:
    """A change's stamps as JSON (the change log, sync files)."""
    return _COMPACT_JSON(stamps)


def stored_stamps_json(stamps: dict[str, str]) -> str:
    """A row's stamps column: the same text as ``storage.stamps.dump``, through a shared encoder."""
    return _STORED_STAMPS_JSON(stamps)


def same_value(a: Any, b: Any) -> bool:
    if isinstance(a, datetime) and isinstance(b, datetime):
        return utc(a) == utc(b)
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    return bool(a == b)


# -- stamps --------------------------------------------------------------------------------------------


def stamp_replica(stamp: str) -> str:
    return stamp.split("-", 2)[2]


def compact(stamps: dict[str, str]) -> dict[str, str]:
    """A full field -> stamp map in the stored form: the most common stamp under ``*``."""
    if not stamps:
        return {}
    counts: dict[str, int] = {}
    for s in stamps.values():
        counts[s] = counts.get(s, 0) + 1
    common = max(counts, key=lambda s: (counts[s], s))
    out = {"*": common}
    out.update({k: s for k, s in stamps.items() if s != common})
    return out


# -- changes ---------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Change:
    """One row's changed fields; every field's stamp is ``stamps[field]`` or ``stamps["*"]``."""

    table: str
    row_id: str
    op: str
    values: dict[str, Any]
    stamps: dict[str, str]
    origin: str
    seen: int = 0  # the origin's central cursor when it made the change
    seq: int = 0  # outbox seq at the origin, or central change-log position
    raw_values: str | None = field(default=None, repr=False)  # the values' JSON, when known

    def stamp_of(self, key: str) -> str:
        return self.stamps.get(key) or self.stamps["*"]

    def max_stamp(self) -> str:
        return max(self.stamps.values())

    def values_json(self) -> str:
        if self.raw_values is None:
            # One C-level dumps per change (dates through the hook): 100,000 changes in well under a second.
            self.raw_values = _VALUES_JSON(self.values)
        return self.raw_values

    def to_json(self) -> dict[str, Any]:
        return {
            "t": self.table,
            "id": self.row_id,
            "op": self.op,
            "v": json.loads(self.values_json()),
            "s": self.stamps,
            "o": self.origin,
            "seen": self.seen,
            "seq": self.seq,
        }

    def to_line(self) -> str:
        return (
            '{"t":'
            + json.dumps(self.table)
            + ',"id":'
            + json.dumps(self.row_id)
            + ',"op":"'
            + self.op
            + '","v":'
            + self.values_json()
            + ',"s":'
            + _COMPACT_JSON(self.stamps)
            + ',"o":'
            + json.dumps(self.origin)
            + ',"seen":'
            + str(self.seen)
            + ',"seq":'
            + str(self.seq)
            + "}"
        )


def _int_field(obj: dict[str, Any], key: str) -> int:
    value = obj.get(key, 0)
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < 2**63:
        raise BadRecord(f"'{key}' must be a whole number 0 or more")
    return value


def check_stamp(stamp: Any) -> str:
    if not isinstance(stamp, str) or not STAMP_RE.match(stamp):
        raise BadRecord(f"{str(stamp)[:60]!r} is not a valid change stamp")
    return stamp


def change_from_json(obj: Any) -> Change:
    """A change record from a file or the change log, checked field by field."""
    if not isinstance(obj, dict):
        raise BadRecord("a record must be a JSON object")
    if not _RECORD_KEYS.issuperset(obj):
        raise BadRecord(f"unknown keys {sorted(set(obj) - _RECORD_KEYS)}")
    spec = table_specs().get(obj.get("t"))  # type: ignore[arg-type]
    if spec is None:
        raise BadRecord(f"unknown table {str(obj.get('t'))[:40]!r}")
    row_id = obj.get("id")
    if not isinstance(row_id, str) or not ID_RE.match(row_id):
        raise BadRecord(f"{spec.name}: row id {str(row_id)[:40]!r} is not valid")
    op = obj.get("op")
    if op != (UPSERT if spec.synced else INSERT):
        raise BadRecord(f"{spec.name}: operation {str(op)[:20]!r} is not allowed")
    raw_values = obj.get("v")
    if not isinstance(raw_values, dict) or not raw_values:
        raise BadRecord(f"{spec.name} {row_id}: no field values")
    rules = _field_rules(spec.name)
    converted: dict[str, Any] | None = None
    for key, value in raw_values.items():
        rule = rules.get(key)
        if rule is None:
            raise BadRecord(f"{spec.name} has no field {str(key)[:40]!r}")
        # The common cases decided in line (the same rules as value_from_json, which decides the rest):
        # a value that is valid as it is stays as it is; the others are checked and converted below.
        plain, limit, nullable = rule
        kind = type(value)
        if kind is plain:
            if kind is str:
                if len(value) <= limit:
                    continue
            elif kind is bool or -(2**63) < value < 2**63:
                continue
        elif value is None and nullable:
            continue
        if converted is None:
            converted = {}
        converted[key] = value_from_json(spec, key, value)
    # The record's own dict (a fresh one per record, from the decoder) becomes the change's values.
    values = {**raw_values, **converted} if converted else raw_values
    if not spec.synced:
        missing = spec.required - set(values) - set(spec.defaults)
        if missing:
            raise BadRecord(f"{spec.name} {row_id}: missing {sorted(missing)}")
    stamps = obj.get("s")
    if not isinstance(stamps, dict) or "*" not in stamps:
        raise BadRecord(f"{spec.name} {row_id}: no stamps")
    kinds = spec.kinds
    for key, stamp in stamps.items():
        if key != "*" and key not in kinds:
            raise BadRecord(f"{spec.name} {row_id}: stamp for unknown field {str(key)[:40]!r}")
        if type(stamp) is not str or not _STAMP_MATCH(stamp):
            check_stamp(stamp)  # raises with the reason
    origin = obj.get("o")
    if not isinstance(origin, str) or not ID_RE.match(origin[:36]) or len(origin) > 64:
        raise BadRecord(f"{spec.name} {row_id}: origin replica is not valid")
    seen, seq = obj.get("seen", 0), obj.get("seq", 0)
    if type(seen) is not int or not 0 <= seen < 2**63:
        seen = _int_field(obj, "seen")
    if type(seq) is not int or not 0 <= seq < 2**63:
        seq = _int_field(obj, "seq")
    return Change(spec.name, row_id, op, values, stamps, origin, seen, seq)


@cache
def _field_rules(table: str) -> dict[str, tuple[type | None, int, bool]]:
    """Per field: the JSON type a valid value has without conversion (text, true/false, whole numbers;
    None for the others), the longest text allowed (any length: sys.maxsize), and whether it may be null."""
    spec = table_specs()[table]
    types = {"str": str, "text": str, "bool": bool, "int": int}
    return {
        k: (types.get(kind), spec.lengths.get(k, sys.maxsize), not (k in spec.required and k not in spec.defaults))
        for k, kind in spec.kinds.items()
    }


def change_from_outbox(
    spec: TableSpec, row_id: str, op: str, payload: str, hlc: str, origin: str, seq: int, seen: int
) -> Change:
    """An outbox entry of this replica (trusted: written by our own unit of work)."""
    raw = json.loads(payload)
    values = {k: _from_trusted(spec, k, v) for k, v in raw.items() if k in spec.kinds}
    # The payload as stored is the values' JSON unless a key was left out (an insert-only row's own id).
    kept = payload if len(values) == len(raw) else None
    return Change(spec.name, row_id, op, values, {"*": hlc}, origin, seen, seq, raw_values=kept)


def _from_trusted(spec: TableSpec, key: str, value: Any) -> Any:
    if value is None:
        return None
    kind = spec.kinds[key]
    if kind == "date":
        return date.fromisoformat(value)
    if kind == "datetime":
        return utc(datetime.fromisoformat(value))
    return value
