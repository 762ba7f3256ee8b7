"""A replica's sync bookkeeping in its local ``sync_state`` and ``replica_state`` tables."""

from __future__ import annotations

import json
from bisect import bisect_left
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from inventory_app.storage.schema import ReplicaStateRecord, SyncStateRecord
from inventory_app.sync import keys

CURSOR = "central_cursor"  # position in central's change log this replica has applied
ACKED_SEQ = "acked_seq"  # our outbox entries up to this seq are confirmed by central
PULL_MARKS = "pull_marks"  # [[cursor, clock-after-pull], ...]: which cursor a local edit had seen
CENTRAL_REPLICA = "central_replica_id"
CENTRAL_PUBLIC_KEY = "central_public_key"
LAST_SYNC = "last_sync_at"
LAST_FILE = "last_central_file_id"
MAX_MARKS = 500


def get(session: Session, key: str, default: str | None = None) -> str | None:
    row = session.get(SyncStateRecord, key)
    return row.value if row is not None and row.value is not None else default


def put(session: Session, key: str, value: str | None) -> None:
    row = session.get(SyncStateRecord, key)
    if row is None:
        session.add(SyncStateRecord(key=key, value=value))
    elif row.value != value:
        row.value = value
    session.flush()


def get_int(session: Session, key: str) -> int:
    return int(get(session, key, "0") or 0)


def replica_state(session: Session) -> ReplicaStateRecord:
    state = session.scalars(select(ReplicaStateRecord)).first()
    assert state is not None, "a store always has its replica identity"
    return state


def signing_key(session: Session) -> str:
    """This replica's private key, made on first use (it never leaves the store)."""
    state = replica_state(session)
    if not state.signing_key:
        state.signing_key = keys.new_private_key()
        session.flush()
    return state.signing_key


def pull_marks(session: Session) -> list[tuple[int, str]]:
    raw: Any = json.loads(get(session, PULL_MARKS, "[]") or "[]")
    return [(int(p), str(h)) for p, h in raw]


def add_pull_mark(session: Session, cursor: int, clock: str, oldest_pending: str | None) -> None:
    """Remember that local edits stamped after ``clock`` had seen central up to ``cursor``."""
    marks = pull_marks(session)
    marks.append((cursor, clock))
    if oldest_pending is not None:
        # Marks older than the last one before the oldest unsent edit are never asked about again.
        keep_from = 0
        for i, (_, h) in enumerate(marks):
            if h < oldest_pending:
                keep_from = i
        marks = marks[keep_from:]
    else:
        marks = marks[-1:]
    put(session, PULL_MARKS, json.dumps(marks[-MAX_MARKS:], separators=(",", ":")))


def seen_for(marks: list[tuple[int, str]], stamp: str) -> int:
    """The central cursor a local edit stamped ``stamp`` was made on top of."""
    seen = 0
    for cursor, clock in marks:
        if clock < stamp:
            seen = max(seen, cursor)
    return seen


class SeenLookup:
    """``seen_for`` for many stamps at once: a binary search instead of a walk over every mark."""

    def __init__(self, marks: list[tuple[int, str]]) -> None:
        ordered = sorted(marks, key=lambda m: m[1])
        self.clocks = [h for _, h in ordered]
        self.best: list[int] = []
        top = 0
        for cursor, _ in ordered:
            top = max(top, cursor)
            self.best.append(top)

    def __call__(self, stamp: str) -> int:
        i = bisect_left(self.clocks, stamp)  # marks [0, i) have clock < stamp
        return self.best[i - 1] if i else 0
