"""Central: the hub every laptop syncs with (any Store on a postgresql:// URL).

Central keeps a change log numbered in commit order (writers take one advisory lock, so positions
are handed out in the order transactions commit and a reader's cursor never skips a late commit),
a ledger per replica (how far its outbox is applied: re-sent changes are skipped), the enrolled
replicas' public keys, and a quarantine for changes stamped far in the future.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, func, select, text, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from inventory_app.core.errors import NotFound, RejectedInput
from inventory_app.core.hlc import MAX_FUTURE_MS, Stamp
from inventory_app.core.identifiers import ID_NAMESPACE
from inventory_app.storage import stamps as row_stamps
from inventory_app.storage.schema import (
    CentralChangeRecord,
    CentralLedgerRecord,
    CentralQuarantineRecord,
    CentralReplicaRecord,
    OutboxRecord,
)
from inventory_app.storage.store import Store
from inventory_app.sync import conflicts, keys
from inventory_app.sync import state as sync_state
from inventory_app.sync.merge import insert_rows, merge
from inventory_app.sync.records import (
    Change,
    change_from_json,
    change_from_outbox,
    stamps_json,
    table_specs,
    utc,
)

ADVISORY_LOCK = 74_203_911  # "one writer at a time appends to the change log"
SNAPSHOT_CHUNK = 5000
ENROLMENT_VERSION = 2  # 2: the document names the laptop's replica id (bound at enrolment)


@dataclass(slots=True)
class CentralIdentity:
    deployment_id: str
    replica_id: str
    public_key: str

    @property
    def key_id(self) -> str:
        return keys.key_id(self.public_key)


@dataclass(slots=True)
class AcceptResult:
    received: int = 0
    skipped: int = 0  # already applied earlier (re-sent or a repeated file)
    applied: int = 0  # changes of which at least one field won
    quarantined: int = 0
    conflicts: int = 0
    applied_seq: int = 0
    head: int = 0
    warnings: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Ledger:
    applied_seq: int = 0
    pulled_pos: int = 0
    known: bool = False
    applied_mark: str | None = None


OLD_COPY = (
    "this file comes from an older copy of the laptop's store: its change {seq} is not the one central received "
    "under that number. On the laptop, import central's latest sync file first (the store then becomes a new "
    "laptop identity and keeps its changes), enrol it again, and export a new file. Nothing was imported."
)


def change_mark(change: Change) -> str:
    """What tells two changes with the same number apart: the newest stamp they carry."""
    return change.stamps.get("*") or max(change.stamps.values())


class CentralHub:
    def __init__(self, store: Store) -> None:
        self.store = store

    # -- identity ---------------------------------------------------------------------------------
    def initialise(self) -> CentralIdentity:
        """Give this database its deployment id and signing key (once); publish its own edits."""
        with self.store.unit_of_work(remote=True) as uow:
            s = uow.session
            state = sync_state.replica_state(s)
            if not state.deployment_id:
                state.deployment_id = str(uuid.uuid4())
            private = sync_state.signing_key(s)
            self._lock(s)
            self._publish_local(s)
            public = keys.public_key_of(private)
            publish_public_key(s, public)
            return CentralIdentity(state.deployment_id, state.replica_id, public)

    def identity(self) -> CentralIdentity:
        with self.store.read() as s:
            state = sync_state.replica_state(s)
            public = public_key_at_central(s, state)
            if not state.deployment_id or not public:
                raise RejectedInput(f"{self.store.url} is not set up as central; run: central init --db URL")
            return CentralIdentity(state.deployment_id, state.replica_id, public)

    def private_key(self) -> str:
        with self.store.read() as s:
            key = sync_state.replica_state(s).signing_key
        if not key:
            raise RejectedInput("central has no signing key yet; run: central init --db URL")
        return key

    # -- enrolment: one key belongs to exactly one laptop (replica) -----------------------------------
    def enrol(self, public_key: str, *, replica_id: str | None, name: str | None) -> str:
        """Record a laptop's key (online: at its first sync, with its replica id)."""
        kid = keys.key_id(public_key)
        with self.store.unit_of_work(remote=True) as uow:
            s = uow.session
            row = s.get(CentralReplicaRecord, kid)
            if row is not None and row.revoked:
                raise RejectedInput(
                    f"this laptop ({_label(row)}) was revoked at central and cannot sync any more; "
                    "ask central IT. Nothing was changed."
                )
            if row is not None and replica_id and row.replica_id and row.replica_id != replica_id:
                raise RejectedInput(
                    f"the key {kid[:12]} is enrolled for another laptop ({_label(row)}); a laptop "
                    "can only sync as itself. Nothing was changed."
                )
            if replica_id and (row is None or row.replica_id is None):
                self._check_unclaimed(s, replica_id, kid)
            if row is None:
                s.add(
                    CentralReplicaRecord(
                        key_id=kid,
                        public_key=public_key,
                        replica_id=replica_id,
                        name=name,
                        enrolled_at=self._now(),
                        revoked=False,
                    )
                )
            else:
                if replica_id and not row.replica_id:
                    row.replica_id = replica_id
                if name and not row.name:
                    row.name = name
        return kid

    def _check_unclaimed(self, session: Session, replica_id: str, kid: str) -> None:
        """A replica id that central already knows (another key, its ledger, central itself) is taken."""
        if replica_id == sync_state.replica_state(session).replica_id:
            raise RejectedInput("it claims to be central itself")
        owner = session.scalars(
            select(CentralReplicaRecord).where(
                CentralReplicaRecord.replica_id == replica_id, CentralReplicaRecord.key_id != kid
            )
        ).first()
        if owner is not None and owner.revoked:
            raise RejectedInput(f"laptop {_label(owner)} was revoked at central; it cannot sync any more")
        if owner is not None or session.get(CentralLedgerRecord, replica_id) is not None:
            raise RejectedInput(
                f"it claims to be another laptop ({replica_id[:8]}), which has its own key; "
                "a laptop can only sync as itself"
            )

    def make_enrolment(self, name: str) -> dict[str, Any]:
        """A new key pair and replica id for one laptop, bound to each other here from the start.

        The document goes to the laptop (keep it safe): the laptop takes that replica id, so its files
        can only ever be signed as itself.
        """
        ident = self.identity()
        private = keys.new_private_key()
        replica_id = str(uuid.uuid4())
        kid = self.enrol(keys.public_key_of(private), replica_id=replica_id, name=name)
        return {
            "format": "inventory-enrolment",
            "format_version": ENROLMENT_VERSION,
            "deployment_id": ident.deployment_id,
            "central_replica": ident.replica_id,
            "central_public_key": ident.public_key,
            "name": name,
            "key_id": kid,
            "replica_id": replica_id,
            "private_key": private,
        }

    def signer_key(self, session: Session, replica_id: str, kid: str) -> str:
        """The public key a file from ``replica_id`` signed with key ``kid`` must verify with.

        Raises RejectedInput (saying why) for an unknown or revoked key, and for a key that belongs to
        another laptop than the one the file claims to come from.
        """
        row = session.get(CentralReplicaRecord, kid)
        if row is None:
            raise RejectedInput(
                f"it is signed by a laptop that is not enrolled here (unknown key {kid[:12]}); "
                "enrol the laptop (central enrol) or sync it online once"
            )
        if row.revoked:
            raise RejectedInput(
                f"it is signed by laptop {_label(row)}, which was revoked at central (key "
                f"{kid[:12]}); a revoked laptop's files are not accepted"
            )
        if row.replica_id is None:  # enrolled before keys were bound at enrolment: bound at first use
            self._check_unclaimed(session, replica_id, kid)
        elif row.replica_id != replica_id:
            raise RejectedInput(
                f"it is signed with the key of laptop {_label(row)} but claims to come from another "
                f"laptop ({replica_id[:8]}); it may be forged, do not use it"
            )
        return row.public_key

    def find_laptop(self, who: str) -> dict[str, Any]:
        """One enrolled laptop by name, replica id or key id (or an unambiguous start of the ids)."""
        text = who.strip()
        rows = self.replicas()
        exact = [r for r in rows if text in (r["name"], r["replica_id"], r["key_id"])]
        matches = exact or [
            r for r in rows if text and ((r["replica_id"] or "").startswith(text) or r["key_id"].startswith(text))
        ]
        if not matches:
            raise NotFound(f"no enrolled laptop {who!r}; list them with: central replicas")
        if len({r["replica_id"] or r["key_id"] for r in matches}) > 1:
            raise RejectedInput(f"{who!r} matches several laptops; use its replica id")
        return matches[0]

    def revoke_laptop(self, who: str) -> dict[str, Any]:
        """Revoke one laptop (by name, replica id or key id): its files and online syncs are refused from now.

        Its changes already at central stay. It cannot be un-revoked: enrol the laptop again as a new one.
        """
        laptop = self.find_laptop(who)
        with self.store.unit_of_work(remote=True) as uow:
            s = uow.session
            cond = (
                CentralReplicaRecord.replica_id == laptop["replica_id"]
                if laptop["replica_id"]
                else CentralReplicaRecord.key_id == laptop["key_id"]
            )
            s.execute(update(CentralReplicaRecord).where(cond).values(revoked=True))
        return {**laptop, "revoked": True}

    def replicas(self) -> list[dict[str, Any]]:
        with self.store.read() as s:
            ledgers = {r.replica_id: r for r in s.scalars(select(CentralLedgerRecord))}
            out = []
            for r in s.scalars(select(CentralReplicaRecord).order_by(CentralReplicaRecord.enrolled_at)):
                ledger = ledgers.get(r.replica_id or "")
                out.append(
                    {
                        "name": r.name,
                        "replica_id": r.replica_id,
                        "key_id": r.key_id,
                        "revoked": r.revoked,
                        "enrolled_at": r.enrolled_at,
                        "applied_seq": ledger.applied_seq if ledger else 0,
                        "pulled_pos": ledger.pulled_pos if ledger else 0,
                        "last_sync_at": ledger.updated_at if ledger else None,
                    }
                )
            return out

    # -- the change log -----------------------------------------------------------------------------
    def _now(self) -> datetime:
        return datetime.fromtimestamp(self.store.now_ms() / 1000, tz=UTC)

    def _lock(self, session: Session) -> None:
        if session.get_bind().dialect.name == "postgresql":
            session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": ADVISORY_LOCK})

    @staticmethod
    def _head(session: Session) -> int:
        return int(session.scalar(select(func.coalesce(func.max(CentralChangeRecord.pos), 0))) or 0)

    def head(self) -> int:
        with self.store.read() as s:
            return self._head(s)

    def _append(self, session: Session, accepted: Sequence[Change], now: datetime) -> int:
        pos = self._head(session)
        rows = []
        for change in accepted:
            pos += 1
            rows.append(
                {
                    "pos": pos,
                    "table_name": change.table,
                    "row_id": change.row_id,
                    "op": change.op,
                    "payload": change.values_json(),
                    "stamps": stamps_json(change.stamps),
                    "origin": change.origin,
                    "seen_pos": change.seen,
                    "accepted_at": now,
                }
            )
        insert_rows(session, CentralChangeRecord.__table__, rows)
        return pos

    def _publish_local(self, session: Session) -> int:
        """Edits made at central itself (admin, demo, conflict resolution) enter the log like any other."""
        if session.get_bind().dialect.name == "postgresql":
            return self._publish_local_sql(session)
        entries = list(
            session.scalars(select(OutboxRecord).where(OutboxRecord.acked.is_(False)).order_by(OutboxRecord.seq))
        )
        if not entries:
            return 0
        me = sync_state.replica_state(session).replica_id
        specs = table_specs()
        seen = self._head(session)
        changes = [
            change_from_outbox(specs[e.table_name], e.row_id, e.op, e.payload, e.hlc, me, e.seq, seen) for e in entries
        ]
        self._append(session, changes, self._now())
        session.execute(
            update(OutboxRecord)
            .where(OutboxRecord.seq <= entries[-1].seq, OutboxRecord.acked.is_(False))
            .values(acked=True)
        )
        return len(changes)

    def _publish_local_sql(self, session: Session) -> int:
        """The same as ``_publish_local``, set-based in PostgreSQL (a 100,000-device demo: seconds, not minutes)."""
        # db/versions/0012_central_roles.py: a function, so a laptop's login (no right to central's
        # outbox) can publish too; central's admin edits reach the log before anyone reads it.
        me = sync_state.replica_state(session).replica_id
        return int(
            session.scalar(text("SELECT inventory_publish_local(:me, :now)"), {"me": me, "now": self._now()}) or 0
        )

    def bind_login(self, replica_id: str) -> None:
        """A laptop's own database login (``central roles --laptop``) belongs to one replica, bound here once."""
        if self.store.engine.dialect.name != "postgresql":
            return
        try:
            with self.store.engine.begin() as conn:
                conn.execute(text("SELECT inventory_bind_login(:r)"), {"r": replica_id})
        except DBAPIError as exc:
            if "belongs to another laptop" in str(exc):
                raise RejectedInput(
                    "this database login belongs to another laptop; ask central IT for this "
                    "laptop's own login. Nothing was changed."
                ) from None
            raise

    def publish_local(self) -> int:
        with self.store.unit_of_work(remote=True) as uow:
            self._lock(uow.session)
            return self._publish_local(uow.session)

    # -- ledgers ----------------------------------------------------------------------------------------
    def ledger(self, replica_id: str, session: Session | None = None) -> Ledger:
        def read(s: Session) -> Ledger:
            row = s.get(CentralLedgerRecord, replica_id)
            return Ledger(row.applied_seq, row.pulled_pos, True, row.applied_mark) if row else Ledger()

        if session is not None:
            return read(session)
        with self.store.read() as s:
            return read(s)

    def _ledger_row(self, session: Session, replica_id: str) -> CentralLedgerRecord:
        row = session.get(CentralLedgerRecord, replica_id)
        if row is None:
            row = CentralLedgerRecord(replica_id=replica_id, applied_seq=0, pulled_pos=0, updated_at=self._now())
            session.add(row)
            session.flush()
        return row

    def record_pulled(self, replica_id: str, pos: int) -> None:
        """A laptop reports how far it has applied the log (never moves back)."""
        with self.store.unit_of_work(remote=True) as uow:
            row = self._ledger_row(uow.session, replica_id)
            if pos > row.pulled_pos:
                row.pulled_pos = pos
                row.updated_at = self._now()

    # -- accepting a replica's changes -------------------------------------------------------------------
    def _too_far_ahead(self, change: Change) -> bool:
        return Stamp.decode(change.max_stamp()).wall_ms - self.store.now_ms() > MAX_FUTURE_MS

    def accept(
        self,
        replica_id: str,
        changes: Sequence[Change],
        *,
        acked_through: int | None = None,
        pulled_pos: int | None = None,
        file_id: str | None = None,
        bind_key: str | None = None,
    ) -> AcceptResult:
        """Apply one page (or one file) of a replica's outbox in one transaction with its ledger."""
        stranger = next((c.origin for c in changes if c.origin != replica_id), None)
        if stranger is not None:  # a laptop sends only its own changes (central relays the others)
            raise RejectedInput(
                f"a change in this batch claims to come from {stranger[:36]}, not {replica_id[:36]}; "
                "a laptop can only send its own changes. Nothing was changed."
            )
        result = AcceptResult(received=len(changes))
        with self.store.unit_of_work(remote=True) as uow:
            s = uow.session
            self._lock(s)
            self._publish_local(s)
            ledger = self._ledger_row(s, replica_id)
            if acked_through is not None and acked_through > ledger.applied_seq:
                raise RejectedInput(
                    f"this file continues after change {acked_through} of its laptop, but central has only "
                    f"up to {ledger.applied_seq}: import that laptop's earlier file first, or export a new file "
                    "on the laptop. Nothing was imported."
                )
            if bind_key:
                key_row = s.get(CentralReplicaRecord, bind_key)
                if key_row is not None and key_row.replica_id is None:
                    self._check_unclaimed(s, replica_id, bind_key)
                    key_row.replica_id = replica_id
            again = next((c for c in changes if c.seq == ledger.applied_seq), None)
            if again is not None and ledger.applied_mark and change_mark(again) != ledger.applied_mark:
                raise RejectedInput(OLD_COPY.format(seq=again.seq))
            fresh = [c for c in changes if c.seq > ledger.applied_seq]
            result.skipped = len(changes) - len(fresh)
            now = self._now()
            usable: list[Change] = []
            for change in fresh:
                if self._too_far_ahead(change):
                    self._quarantine(s, change, now)
                    result.quarantined += 1
                else:
                    usable.append(change)
            merged = merge(s, usable, lock_rows=True)
            concurrent = conflicts.concurrent_at_central(s, merged.clashes)
            result.conflicts = conflicts.record(s, concurrent, now)
            result.applied = len(merged.accepted)
            result.head = self._append(s, merged.accepted, now) if merged.accepted else self._head(s)
            if merged.max_stamp is not None:
                uow.receive(merged.max_stamp)
            changed = False
            if changes and max(c.seq for c in changes) > ledger.applied_seq:
                top = max(changes, key=lambda c: c.seq)
                ledger.applied_seq, ledger.applied_mark = top.seq, change_mark(top)
                changed = True
            if pulled_pos is not None and pulled_pos > ledger.pulled_pos:
                ledger.pulled_pos = pulled_pos
                changed = True
            if file_id and fresh:
                ledger.last_file_id = file_id
            if changed:
                ledger.updated_at = now
            result.applied_seq = ledger.applied_seq
            if result.quarantined:
                result.warnings.append(
                    f"{result.quarantined} changes are stamped more than a day ahead of central's clock and were "
                    "put in quarantine; check that laptop's clock (central quarantine lists them)"
                )
        return result

    def _quarantine(self, session: Session, change: Change, now: datetime) -> None:
        qid = str(uuid.uuid5(ID_NAMESPACE, f"quarantine:{change.origin}:{change.seq}:{change.table}:{change.row_id}"))
        if session.get(CentralQuarantineRecord, qid) is None:
            session.add(
                CentralQuarantineRecord(
                    id=qid,
                    origin=change.origin,
                    seq=change.seq,
                    change=json.dumps(change.to_json(), ensure_ascii=False),
                    stamp=change.max_stamp(),
                    reason="stamped more than a day ahead of central's clock",
                    received_at=now,
                )
            )
            session.flush()

    def quarantined(self) -> list[dict[str, Any]]:
        with self.store.read() as s:
            return [
                {
                    "id": q.id,
                    "origin": q.origin,
                    "seq": q.seq,
                    "stamp": q.stamp,
                    "reason": q.reason,
                    "received_at": q.received_at,
                }
                for q in s.scalars(
                    select(CentralQuarantineRecord).order_by(
                        CentralQuarantineRecord.received_at, CentralQuarantineRecord.seq
                    )
                )
            ]

    def release_quarantine(self, *, force: bool = False) -> AcceptResult:
        """Apply held changes whose time has come (or all, with ``force``), in their original order."""
        result = AcceptResult()
        with self.store.unit_of_work(remote=True) as uow:
            s = uow.session
            self._lock(s)
            self._publish_local(s)
            held = list(
                s.scalars(
                    select(CentralQuarantineRecord).order_by(
                        CentralQuarantineRecord.origin, CentralQuarantineRecord.seq
                    )
                )
            )
            ready = []
            for q in held:
                change = change_from_json(json.loads(q.change))
                if force or not self._too_far_ahead(change):
                    ready.append((q, change))
            if not ready:
                return result
            now = self._now()
            merged = merge(s, [c for _, c in ready], lock_rows=True)
            result.conflicts = conflicts.record(s, conflicts.concurrent_at_central(s, merged.clashes), now)
            result.applied = len(merged.accepted)
            result.head = self._append(s, merged.accepted, now) if merged.accepted else self._head(s)
            if merged.max_stamp is not None:
                uow.receive(merged.max_stamp)
            s.execute(delete(CentralQuarantineRecord).where(CentralQuarantineRecord.id.in_([q.id for q, _ in ready])))
            result.received = len(ready)
        return result

    # -- handing out changes ---------------------------------------------------------------------------
    def changes_after(self, pos: int, limit: int, *, exclude_origin: str | None = None) -> tuple[list[Change], int]:
        """Up to ``limit`` log entries after ``pos`` and the position the reader may move its cursor to."""
        specs = table_specs()
        with self.store.read() as s:
            rows = list(
                s.execute(
                    select(CentralChangeRecord)
                    .where(CentralChangeRecord.pos > pos)
                    .order_by(CentralChangeRecord.pos)
                    .limit(limit)
                ).scalars()
            )
        out = []
        last = pos
        for r in rows:
            last = r.pos
            if r.origin == exclude_origin:
                continue
            out.append(_log_change(specs, r))
        return out, last

    def snapshot(self) -> Iterator[tuple[int, list[Change]]]:
        """The whole current state, consistent with one log position: (position, chunk of rows) ..."""
        specs = table_specs()
        origin = self.identity().replica_id
        with self.store.engine.connect() as conn:
            if conn.dialect.name == "postgresql":
                conn = conn.execution_options(isolation_level="REPEATABLE READ")
            with conn.begin():
                head = int(conn.scalar(select(func.coalesce(func.max(CentralChangeRecord.pos), 0))) or 0)
                for spec in specs.values():
                    record: Any = spec.record
                    cols = [record.id.label("id"), *(getattr(record, c).label(c) for c in spec.columns)]
                    if spec.synced:
                        cols.append(record.stamps.label("stamps"))
                    result = conn.execution_options(yield_per=SNAPSHOT_CHUNK).execute(select(*cols).order_by(record.id))
                    for part in result.partitions(SNAPSHOT_CHUNK):
                        yield head, [_row_change(spec, row, origin, head) for row in part]


def _label(row: CentralReplicaRecord) -> str:
    return repr(row.name) if row.name else (row.replica_id or row.key_id)[:8]


def publish_public_key(session: Session, public: str) -> None:
    """Central's public key where laptop logins may read it (the private key is not theirs to read)."""
    sync_state.put(session, sync_state.CENTRAL_PUBLIC_KEY, public)


def public_key_at_central(session: Session, state: Any) -> str | None:
    public = sync_state.get(session, sync_state.CENTRAL_PUBLIC_KEY)
    if public:
        return public
    return keys.public_key_of(state.signing_key) if state.signing_key else None


def _row_change(spec: Any, row: Any, origin: str, head: int) -> Change:
    m = row._mapping
    values = {c: m[c] for c in spec.columns}
    for c in spec.datetime_columns:
        if values[c] is not None:
            values[c] = utc(values[c])
    if spec.synced:
        stamps = row_stamps.parse(m["stamps"]) or {"*": "0000000000000-00000-genesis"}
        op = "upsert"
    else:
        stamps = {"*": "0000000000000-00000-genesis"}
        op = "insert"
    return Change(spec.name, m["id"], op, values, stamps, origin, head, head)


def _log_change(specs: dict[str, Any], r: CentralChangeRecord) -> Change:
    change = change_from_outbox(specs[r.table_name], r.row_id, r.op, r.payload, "", r.origin, r.pos, r.seen_pos)
    change.stamps = json.loads(r.stamps)
    return change


def iter_chunks(items: Iterable[Change], size: int) -> Iterator[list[Change]]:
    chunk: list[Change] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
