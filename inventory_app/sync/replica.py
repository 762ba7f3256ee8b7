"""A laptop's side of sync: its pending outbox, its cursor into central's log, applying what comes.

Everything that comes from central is applied in one transaction together with the cursor (and the
acknowledgement of our own changes), so a dropped connection or a crash leaves the laptop either
before or after a page, never between; the cursor only moves forward.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import String, func, or_, select, text, update
from sqlalchemy.orm import Session

from inventory_app.core.errors import RejectedInput
from inventory_app.core.hlc import Stamp
from inventory_app.storage.replica_identity import renew_identity
from inventory_app.storage.schema import Base, OutboxRecord
from inventory_app.storage.store import Store
from inventory_app.sync import bulk_load, conflicts, keys
from inventory_app.sync import state as sync_state
from inventory_app.sync.merge import IndexesPaused, empty_tables, merge
from inventory_app.sync.records import Change, change_from_outbox, table_specs


@dataclass(slots=True)
class Identity:
    replica_id: str
    public_key: str
    deployment_id: str | None
    central_replica: str | None
    central_public_key: str | None

    @property
    def key_id(self) -> str:
        return keys.key_id(self.public_key)


@dataclass(slots=True)
class ApplyResult:
    received: int = 0
    applied: int = 0
    conflicts: int = 0
    cursor: int = 0
    acked: int = 0
    noop: bool = False
    warnings: list[str] = field(default_factory=list)


APPLY_CHUNK = 5000  # changes merged at a time
# A snapshot into empty tables: fewer, larger statements (each devices chunk also fills the search index once).
SNAPSHOT_CHUNK = 50_000


class ReplicaSync:
    def __init__(self, store: Store) -> None:
        self.store = store

    @property
    def replica_id(self) -> str:
        return self.store.replica_id

    # -- identity and enrolment -------------------------------------------------------------------
    def identity(self) -> Identity:
        with self.store.unit_of_work(remote=True) as uow:
            s = uow.session
            state = sync_state.replica_state(s)
            public = keys.public_key_of(sync_state.signing_key(s))
            return Identity(
                state.replica_id,
                public,
                state.deployment_id,
                sync_state.get(s, sync_state.CENTRAL_REPLICA),
                sync_state.get(s, sync_state.CENTRAL_PUBLIC_KEY),
            )

    def private_key(self) -> str:
        with self.store.unit_of_work(remote=True) as uow:
            return sync_state.signing_key(uow.session)

    def join(
        self,
        deployment_id: str,
        central_replica: str,
        central_public_key: str,
        private_key: str | None = None,
        replica_id: str | None = None,
    ) -> None:
        """Belong to a central (online at first sync, or from an enrolment file made at central).

        An enrolment file names the replica id central bound its key to; a laptop that has not joined a
        central yet takes that id (nothing of it has left the machine, so every mention is rewritten).
        """
        with self.store.unit_of_work(remote=True) as uow:
            s = uow.session
            state = sync_state.replica_state(s)
            if state.deployment_id and state.deployment_id != deployment_id:
                raise RejectedInput(
                    f"this laptop belongs to deployment {state.deployment_id}, not {deployment_id}; "
                    "use a new store for the other central. Nothing was changed."
                )
            old_id = state.replica_id
            # A store that has a key has enrolled (or synced) under its id. A restored store was given a
            # new id and no key (storage.replica_identity): central has never seen it, so it may enrol again.
            if private_key and state.deployment_id and replica_id != old_id and state.signing_key:
                raise RejectedInput(
                    "this laptop is already enrolled with this central (it has synced or imported before) and "
                    "needs no enrolment file; give that file back to central IT. Nothing was changed."
                )
            known = sync_state.get(s, sync_state.CENTRAL_PUBLIC_KEY)
            if known and known != central_public_key:
                raise RejectedInput(
                    "this central's key differs from the one this laptop enrolled with; "
                    "ask central IT before syncing. Nothing was changed."
                )
            state.deployment_id = deployment_id
            if private_key:
                state.signing_key = private_key
            sync_state.put(s, sync_state.CENTRAL_REPLICA, central_replica)
            sync_state.put(s, sync_state.CENTRAL_PUBLIC_KEY, central_public_key)
            if replica_id and replica_id != old_id:
                s.flush()
                _rename_replica(s, old_id, replica_id)
        if replica_id and replica_id != old_id:
            self.store.replica_id = replica_id

    def is_older_than(self, applied_seq: int, pulled_pos: int) -> bool:
        """Whether central has seen more of this replica than the store remembers: change numbers it
        never handed out, or a pull position past its cursor (an old copy of the file, a restore)."""
        with self.store.read() as s:
            highest = max(
                int(s.scalar(select(func.max(OutboxRecord.seq))) or 0), sync_state.get_int(s, sync_state.ACKED_SEQ)
            )
            return applied_seq > highest or pulled_pos > sync_state.get_int(s, sync_state.CURSOR)

    def is_old_copy(self, applied_seq: int, applied_mark: str | None, pulled_pos: int) -> bool:
        """``is_older_than``, or central's change numbered ``applied_seq`` is not this store's (its stamp differs):
        an old copy of the file that handed the number out again."""
        if self.is_older_than(applied_seq, pulled_pos):
            return True
        if not applied_mark or applied_seq <= 0:
            return False
        with self.store.read() as s:
            mine = s.scalar(select(OutboxRecord.hlc).where(OutboxRecord.seq == applied_seq))
        return mine is not None and mine != applied_mark

    def renew_identity(self) -> str:
        """Become a new replica (storage.replica_identity): new id and key, pull everything again."""
        with Session(self.store.engine) as s, s.begin():

            def run(sql: str, params: dict[str, Any]) -> list[Any]:
                if sql.lstrip().upper().startswith(("SELECT", "PRAGMA")):
                    return list(s.execute(text(sql), params).fetchall())
                s.execute(text(sql), params)
                return []

            new_id = renew_identity(run)
        self.store.replica_id = new_id
        return new_id

    # -- status -----------------------------------------------------------------------------------------
    def cursor(self) -> int:
        with self.store.read() as s:
            return sync_state.get_int(s, sync_state.CURSOR)

    def acked_seq(self) -> int:
        with self.store.read() as s:
            return sync_state.get_int(s, sync_state.ACKED_SEQ)

    def last_sync(self) -> str | None:
        with self.store.read() as s:
            return sync_state.get(s, sync_state.LAST_SYNC)

    def pending_count(self) -> int:
        return self.store.pending_changes()

    # -- outgoing ----------------------------------------------------------------------------------------
    def pending(self, after_seq: int, limit: int | None = None, *, for_file: bool = False) -> list[Change]:
        """Our unconfirmed outbox entries after ``after_seq``, each with the cursor it was made on.

        ``for_file``: the changes are only written out (their JSON as stored), so their values are
        not parsed back into Python values (a 100,000-change export spends its time elsewhere).
        """
        specs = table_specs()
        o = OutboxRecord
        with self.store.read() as s:
            marks = sync_state.pull_marks(s)
            stmt = (
                select(o.seq, o.table_name, o.row_id, o.op, o.payload, o.hlc)
                .where(o.acked.is_(False), o.seq > after_seq)
                .order_by(o.seq)
            )
            if limit is not None:
                stmt = stmt.limit(limit)
            entries = s.execute(stmt).all()
        seen_for = sync_state.SeenLookup(marks)
        if for_file:
            # A synced table's payload holds exactly its exchanged fields; an insert-only table's payload
            # also holds the row id (the unit of work writes every column), which a file must not carry.
            return [
                Change(
                    e.table_name,
                    e.row_id,
                    e.op,
                    {},
                    {"*": e.hlc},
                    self.replica_id,
                    seen_for(e.hlc),
                    e.seq,
                    raw_values=e.payload,
                )
                if specs[e.table_name].synced
                else change_from_outbox(
                    specs[e.table_name], e.row_id, e.op, e.payload, e.hlc, self.replica_id, e.seq, seen_for(e.hlc)
                )
                for e in entries
            ]
        return [
            change_from_outbox(
                specs[e.table_name], e.row_id, e.op, e.payload, e.hlc, self.replica_id, e.seq, seen_for(e.hlc)
            )
            for e in entries
        ]

    def mark_acked(self, applied_seq: int) -> int:
        """Central confirmed our outbox up to ``applied_seq``."""
        with self.store.unit_of_work(remote=True) as uow:
            return self._ack(uow.session, applied_seq)

    @staticmethod
    def _ack(s: Any, applied_seq: int) -> int:
        if applied_seq <= sync_state.get_int(s, sync_state.ACKED_SEQ):
            return 0
        count = s.execute(
            update(OutboxRecord)
            .where(OutboxRecord.seq <= applied_seq, OutboxRecord.acked.is_(False))
            .values(acked=True)
        ).rowcount
        sync_state.put(s, sync_state.ACKED_SEQ, str(applied_seq))
        return int(count or 0)

    # -- incoming ----------------------------------------------------------------------------------------
    def apply(
        self,
        changes: Iterable[Change],
        new_cursor: int,
        *,
        first_after: int | None = None,
        acked_seq: int | None = None,
        snapshot: bool = False,
    ) -> ApplyResult:
        """Apply central's changes up to ``new_cursor`` in ONE transaction with the cursor.

        ``first_after``: the position the batch continues from; a batch that starts past our cursor
        would leave a hole and is refused. Changes at or before our cursor are skipped (no-op).
        """
        result = ApplyResult()
        with self.store.unit_of_work(remote=True) as uow:
            s = uow.session
            cursor = sync_state.get_int(s, sync_state.CURSOR)
            result.cursor = cursor
            if first_after is not None and first_after > cursor and not snapshot:
                raise RejectedInput(
                    f"these changes continue after central change {first_after}, but this laptop has only up to "
                    f"{cursor}: import central's earlier file first, or ask central for a new file. "
                    "Nothing was imported."
                )
            if acked_seq is not None:
                result.acked = self._ack(s, acked_seq)
            if new_cursor <= cursor and not snapshot:
                result.noop = result.acked == 0
                return result
            now = datetime.fromtimestamp(self.store.now_ms() / 1000, tz=UTC)
            if snapshot:
                sized = changes if isinstance(changes, list) else list(changes)
                empty = empty_tables(s)
                with IndexesPaused(s, empty, len(sized)):
                    self._apply_snapshot(s, uow, sized, set(empty), now, result)
            else:
                self._apply_chunks(s, uow, changes, cursor, snapshot, now, result)
            if new_cursor > cursor:
                sync_state.put(s, sync_state.CURSOR, str(new_cursor))
                result.cursor = new_cursor
                assert uow.clock is not None
                # Every later local stamp is above this clock state: those edits had seen new_cursor.
                clock = Stamp(uow.clock.wall_ms, uow.clock.counter, self.replica_id).encode()
                oldest = s.scalar(select(func.min(OutboxRecord.hlc)).where(OutboxRecord.acked.is_(False)))
                sync_state.add_pull_mark(s, new_cursor, clock, oldest)
        return result

    def _apply_snapshot(
        self, s: Any, uow: Any, changes: list[Change], empty: set[str], now: datetime, result: ApplyResult
    ) -> None:
        """Central's whole state (a snapshot file): a table this laptop holds no rows of takes its rows as
        they are (``bulk_load``: what the merge would write, without its work per field); the others merge."""
        result.received += len(changes)
        groups: dict[str, list[Change]] = {}
        for change in changes:
            if change.origin != self.replica_id:
                groups.setdefault(change.table, []).append(change)
        top: str | None = None
        for name in table_specs():
            group = groups.get(name)
            if not group:
                continue
            load = bulk_load.table_load(name)
            rows = bulk_load.rows_from_changes(load, group) if name in empty else None
            if rows is None:
                self._apply_chunks(s, uow, group, 0, True, now, result, count=False)
                continue
            bulk_load.insert(s.connection(), load, rows)
            result.applied += len(rows)
            high = max(max(c.stamps.values()) for c in group)
            if top is None or high > top:
                top = high
        if top is not None:
            self._receive(uow, top, result)

    def _apply_chunks(
        self,
        s: Any,
        uow: Any,
        changes: Iterable[Change],
        cursor: int,
        snapshot: bool,
        now: datetime,
        result: ApplyResult,
        *,
        count: bool = True,
    ) -> None:
        for chunk in _chunks(changes, SNAPSHOT_CHUNK if snapshot else APPLY_CHUNK):
            todo = [c for c in chunk if (snapshot or c.seq > cursor) and c.origin != self.replica_id]
            if count:
                result.received += len(chunk)
            merged = merge(s, todo)
            result.applied += len(merged.accepted)
            mine = conflicts.concurrent_at_replica(s, merged.clashes, self.replica_id)
            result.conflicts += conflicts.record(s, mine, now)
            if merged.max_stamp is not None:
                self._receive(uow, merged.max_stamp, result)

    def _receive(self, uow: Any, stamp: str, result: ApplyResult) -> None:
        if uow.clock.is_too_far_ahead(Stamp.decode(stamp)):
            result.warnings.append(
                "central's changes are stamped more than a day ahead of this laptop's clock; "
                "check the date and time of this laptop"
            )
        uow.receive(stamp)

    def record_sync(self, when: datetime) -> None:
        with self.store.unit_of_work(remote=True) as uow:
            sync_state.put(uow.session, sync_state.LAST_SYNC, when.isoformat())


def _rename_replica(session: Any, old: str, new: str) -> None:
    """Replace the replica id ``old`` by ``new`` in every text column of the store (ids, stamps, outbox)."""
    for table in Base.metadata.sorted_tables:
        texts = [c for c in table.columns if isinstance(c.type, String)]  # Text is a String too
        if texts:  # one pass over each table
            session.execute(
                update(table)
                .where(or_(*(c.contains(old, autoescape=True) for c in texts)))
                .values({c.name: func.replace(c, old, new) for c in texts})
            )
    session.expire_all()


def _chunks(items: Iterable[Change], size: int) -> Iterable[list[Change]]:
    chunk: list[Change] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
