"""The conflict log: which clashes were concurrent, recording them, listing and resolving them.

Central sees every change, so it decides exactly: a clash is concurrent when the two writes came
from different replicas and the author of the incoming one had not seen the other (its change-log
position is past the cursor the author had). A laptop also logs when a value pulled from central
overwrites one of its own edits that central has not confirmed yet, so the auditor sees it too.
Resolving is an ordinary edit (it syncs like any other) plus marking the entry resolved.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from inventory_app.core.errors import NotFound, RejectedInput
from inventory_app.core.identifiers import ID_NAMESPACE
from inventory_app.storage.schema import (
    RECORD_BY_TABLE,
    CentralChangeRecord,
    CentralReplicaRecord,
    ConflictRecord,
    DeviceRecord,
    OutboxRecord,
)
from inventory_app.storage.store import Store
from inventory_app.sync import state as sync_state
from inventory_app.sync.merge import CHUNK, Clash
from inventory_app.sync.records import stamp_replica, table_specs, value_from_json, value_to_json


def conflict_id(table: str, row_id: str, field: str, lost_stamp: str) -> str:
    return str(uuid.uuid5(ID_NAMESPACE, f"conflict:{table}:{row_id}:{field}:{lost_stamp}"))


def _positions(session: Session, wanted: set[tuple[str, str]]) -> dict[tuple[str, str], int]:
    """Change-log positions of (row id, stamp) pairs; stamps never logged (seed data) count as 0."""
    found: dict[tuple[str, str], int] = {}
    row_ids = sorted({r for r, _ in wanted})
    for i in range(0, len(row_ids), CHUNK):
        stmt = select(CentralChangeRecord.row_id, CentralChangeRecord.pos, CentralChangeRecord.stamps).where(
            CentralChangeRecord.row_id.in_(row_ids[i : i + CHUNK])
        )
        for row_id, pos, stamps in session.execute(stmt):
            for stamp in json.loads(stamps).values():
                if (row_id, stamp) in wanted:
                    found[(row_id, stamp)] = pos
    return found


def concurrent_at_central(session: Session, clashes: Sequence[Clash]) -> list[Clash]:
    candidates = [c for c in clashes if stamp_replica(c.lost_stamp) != stamp_replica(c.kept_stamp)]
    wanted = {(c.row_id, c.unseen_stamp) for c in candidates if c.unseen_stamp is not None}
    positions = _positions(session, wanted) if wanted else {}
    return [
        c for c in candidates if c.unseen_stamp is None or positions.get((c.row_id, c.unseen_stamp), 0) > c.change.seen
    ]


def concurrent_at_replica(session: Session, clashes: Sequence[Clash], replica_id: str) -> list[Clash]:
    """Pulled values that beat one of our own edits central has not confirmed."""
    mine = [c for c in clashes if c.incoming_won and stamp_replica(c.lost_stamp) == replica_id]
    if not mine:
        return []
    pending = set(
        session.execute(
            select(OutboxRecord.row_id, OutboxRecord.hlc).where(
                OutboxRecord.acked.is_(False), OutboxRecord.row_id.in_({c.row_id for c in mine})
            )
        ).all()
    )
    return [c for c in mine if (c.row_id, c.lost_stamp) in pending]


def record(session: Session, clashes: Sequence[Clash], now: datetime) -> int:
    if not clashes:
        return 0
    rows = {}
    for c in clashes:
        cid = conflict_id(c.table, c.row_id, c.field, c.lost_stamp)
        rows[cid] = ConflictRecord(
            id=cid,
            table_name=c.table,
            row_id=c.row_id,
            field=c.field,
            kept_value=json.dumps(value_to_json(c.kept_value), ensure_ascii=False),
            kept_stamp=c.kept_stamp,
            lost_value=json.dumps(value_to_json(c.lost_value), ensure_ascii=False),
            lost_stamp=c.lost_stamp,
            detected_at=now,
        )
    present = set(session.scalars(select(ConflictRecord.id).where(ConflictRecord.id.in_(list(rows)))))
    new = [r for cid, r in rows.items() if cid not in present]
    session.add_all(new)
    session.flush()
    return len(new)


# -- reading and resolving ------------------------------------------------------------------------------


@dataclass(slots=True)
class ConflictView:
    id: str
    table: str
    row_id: str
    label: str  # the device's tag (or the row id)
    field: str
    kept_value: Any
    lost_value: Any
    kept_by: str  # who wrote the value kept: the laptop's name where known, else its replica id
    kept_at: datetime
    lost_by: str  # who wrote the value that was overwritten
    lost_at: datetime
    detected_at: datetime
    resolution: str | None
    kept_origin: str = "laptop"  # "self" (this store), "central" or "laptop" (another one)
    lost_origin: str = "laptop"

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "table": self.table,
            "row_id": self.row_id,
            "device": self.label,
            "field": self.field,
            "kept_value": self.kept_value,
            "overwritten_value": self.lost_value,
            "kept_by": self.kept_by,
            "kept_at": self.kept_at.isoformat(),
            # The author of the overwritten value (not who overwrote it: that is kept_by).
            "overwritten_by": self.lost_by,
            "overwritten_at": self.lost_at.isoformat(),
            "kept_origin": self.kept_origin,
            "overwritten_origin": self.lost_origin,
            "detected_at": self.detected_at.isoformat(),
            "resolution": self.resolution,
        }


def _stamp_time(stamp: str) -> datetime:
    return datetime.fromtimestamp(int(stamp.split("-", 1)[0]) / 1000, tz=UTC)


def list_conflicts(store: Store, *, include_resolved: bool = False) -> list[ConflictView]:
    with store.read() as s:
        stmt = select(ConflictRecord).order_by(ConflictRecord.detected_at, ConflictRecord.id)
        if not include_resolved:
            stmt = stmt.where(ConflictRecord.resolved_at.is_(None))
        records = list(s.scalars(stmt))
        device_ids = [r.row_id for r in records if r.table_name == "devices"]
        tags = (
            dict(
                s.execute(select(DeviceRecord.id, DeviceRecord.asset_tag).where(DeviceRecord.id.in_(device_ids))).all()
            )
            if device_ids
            else {}
        )
        names = {
            rid: name
            for rid, name in s.execute(select(CentralReplicaRecord.replica_id, CentralReplicaRecord.name)).all()
            if rid and name
        }
        own = sync_state.replica_state(s).replica_id
        at_central = s.get_bind().dialect.name == "postgresql"  # central is the PostgreSQL store
        central = own if at_central else sync_state.get(s, sync_state.CENTRAL_REPLICA)

    def origin(replica: str) -> str:
        return "self" if replica == own else "central" if replica == central else "laptop"

    views = []
    for r in records:
        kept_by, lost_by = stamp_replica(r.kept_stamp), stamp_replica(r.lost_stamp)
        views.append(
            ConflictView(
                id=r.id,
                table=r.table_name,
                row_id=r.row_id,
                label=tags.get(r.row_id) or r.row_id,
                field=r.field,
                kept_value=json.loads(r.kept_value) if r.kept_value else None,
                lost_value=json.loads(r.lost_value) if r.lost_value else None,
                kept_by=names.get(kept_by, kept_by),
                kept_at=_stamp_time(r.kept_stamp),
                lost_by=names.get(lost_by, lost_by),
                lost_at=_stamp_time(r.lost_stamp),
                detected_at=r.detected_at,
                resolution=r.resolution,
                kept_origin=origin(kept_by),
                lost_origin=origin(lost_by),
            )
        )
    return views


def resolve(store: Store, conflict: str, choice: str) -> ConflictView:
    """``keep``: the current value stays. ``overwritten``: put the overwritten value back (an edit that syncs)."""
    if choice not in ("keep", "overwritten"):
        raise RejectedInput("choose 'keep' (the current value) or 'overwritten' (bring the other value back)")
    with store.unit_of_work() as uow:
        s = uow.session
        matches = list(s.scalars(select(ConflictRecord).where(ConflictRecord.id.startswith(conflict.strip()))))
        if not matches:
            raise NotFound(f"no conflict {conflict!r}; list them with: conflicts")
        if len(matches) > 1:
            raise RejectedInput(f"{conflict!r} matches {len(matches)} conflicts; give more of the id")
        entry = matches[0]
        if entry.resolved_at is not None:
            raise RejectedInput(f"conflict {entry.id[:8]} was already resolved ({entry.resolution})")
        if choice == "overwritten":
            record_cls: Any = RECORD_BY_TABLE[entry.table_name]
            row = s.get(record_cls, entry.row_id)
            if row is None:
                raise NotFound(f"the {entry.table_name} row {entry.row_id} is not in this store")
            spec = table_specs()[entry.table_name]
            attr = entry.field
            value = value_from_json(spec, attr, json.loads(entry.lost_value) if entry.lost_value else None)
            setattr(row, attr, value)
        entry.resolved_at = datetime.now(UTC)
        entry.resolution = choice
        conflict_key = entry.id
    return next(v for v in list_conflicts(store, include_resolved=True) if v.id == conflict_key)
