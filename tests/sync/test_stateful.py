"""A stateful model: 3 laptops and a central on a real PostgreSQL, driven by hypothesis.

Laptops create devices from a small tag pool, edit, delete, jump their clocks by a year either way,
sync online (sometimes dropping mid-way), and exchange files that arrive stale, twice and out of
order. Invariants: cursors only move forward; one live device per tag; at the end everybody
converges, re-applying every file changes nothing, and every value that was overwritten by an edit
whose author had not seen it is in a conflict log.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
import uuid
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule, run_state_machine_as_test
from sqlalchemy import select

from inventory_app.core.errors import RejectedInput
from inventory_app.core.identifiers import device_id_for_tag, make_tag
from inventory_app.inventory.service import InventoryService
from inventory_app.storage import stamps as row_stamps
from inventory_app.storage.schema import CentralChangeRecord, ConflictRecord, DeviceRecord, OutboxRecord
from inventory_app.storage.store import Store
from inventory_app.sync.central import CentralHub
from inventory_app.sync.online import sync_online
from inventory_app.sync.records import table_specs
from inventory_app.sync.replica import ReplicaSync
from inventory_app.sync.service import SyncService
from tests.sync.helpers import Clock, seed_site

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

YEAR = 365 * 24 * 3600 * 1000
TAGS = [make_tag("HKI", n) for n in range(1, 5)]
SERIALS = ["S-1", "S-2", "S-3"]
FIELDS = {
    "status": ["in_use", "spare", "broken", "lost"],
    "condition": ["good", "fair", "poor"],
    "notes": ["a", "b", "c", None],
}
N_LAPTOPS = 3

settings.register_profile("sync", max_examples=6, stateful_step_count=25, deadline=None)
settings.register_profile("sync-long", max_examples=40, stateful_step_count=40, deadline=None)
PROFILE = settings.get_profile(os.environ.get("INVENTORY_SYNC_PROFILE", "sync"))


class Dropped(ConnectionError):
    pass


class SyncModel(RuleBasedStateMachine):
    admin_url: str = ""

    def __init__(self) -> None:
        super().__init__()
        import psycopg

        self.db = f"inv_model_{uuid.uuid4().hex[:10]}"
        with psycopg.connect(self.admin_url, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{self.db}"')
        self.tmp = Path(tempfile.mkdtemp(prefix="sync-model-"))
        self.central_clock = Clock()
        self.central = Store.open(f"{self.admin_url.rsplit('/', 1)[0]}/{self.db}", now_ms=self.central_clock)
        self.hub = CentralHub(self.central)
        self.hub.initialise()
        seed_site(self.central)
        self.laptops: list[tuple[Store, Clock]] = []
        self.cursors: list[int] = []
        self.laptop_files: list[Path] = []
        self.central_files: list[list[Path]] = []
        # Every write: (row, field, stamp, value, frozenset of writes its author had seen).
        self.writes: list[tuple[str, str, str, Any, frozenset[tuple[str, str, str]]]] = []
        self.known: list[set[tuple[str, str, str]]] = []
        for i in range(N_LAPTOPS):
            clock = Clock(self.central_clock.ms + i * 7)
            store = Store.open(self.tmp / f"laptop{i}.sqlite", now_ms=clock)
            self.laptops.append((store, clock))
            self.cursors.append(0)
            self.central_files.append([])
            self.known.append(set())
            sync_online(ReplicaSync(store), self.hub, page_size=3)
            self._learn(i)

    def teardown(self) -> None:
        import psycopg

        for store, _ in self.laptops:
            store.close()
        self.central.close()
        with psycopg.connect(self.admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{self.db}" WITH (FORCE)')
        shutil.rmtree(self.tmp, ignore_errors=True)

    # -- bookkeeping for the conflict oracle ---------------------------------------------------------------
    def _learn(self, i: int) -> None:
        """After laptop i pulled: it has seen every write central logged up to its cursor."""
        cursor = ReplicaSync(self.laptops[i][0]).cursor()
        with self.central.read() as s:
            for row_id, payload, stamps in s.execute(
                select(CentralChangeRecord.row_id, CentralChangeRecord.payload, CentralChangeRecord.stamps).where(
                    CentralChangeRecord.pos <= cursor, CentralChangeRecord.table_name == "devices"
                )
            ):
                st_map = json.loads(stamps)
                for f in json.loads(payload):
                    self.known[i].add((row_id, f, st_map.get(f) or st_map["*"]))

    def _record_local_writes(self, i: int, since_seq: int) -> None:
        store = self.laptops[i][0]
        with store.read() as s:
            entries = list(
                s.scalars(
                    select(OutboxRecord).where(OutboxRecord.seq > since_seq, OutboxRecord.table_name == "devices")
                )
            )
        for e in entries:
            for f, v in json.loads(e.payload).items():
                self.writes.append((e.row_id, f, e.hlc, v, frozenset(self.known[i])))
                self.known[i].add((e.row_id, f, e.hlc))

    def _last_seq(self, i: int) -> int:
        with self.laptops[i][0].read() as s:
            return max(s.scalars(select(OutboxRecord.seq)).all(), default=0)

    def _tick(self, i: int) -> None:
        self.laptops[i][1].tick(1000)
        self.central_clock.tick(100)

    # -- rules -------------------------------------------------------------------------------------------
    @rule(i=st.integers(0, N_LAPTOPS - 1), tag=st.sampled_from(TAGS), serial=st.sampled_from(SERIALS))
    def create(self, i: int, tag: str, serial: str) -> None:
        self._tick(i)
        seq = self._last_seq(i)
        try:
            InventoryService(self.laptops[i][0]).add(
                tag=tag, category="pupil_laptop", site="KOU01", room="A101", fields={"serial": serial}
            )
        except RejectedInput:
            return
        self._record_local_writes(i, seq)

    @rule(
        i=st.integers(0, N_LAPTOPS - 1),
        tag=st.sampled_from(TAGS),
        field=st.sampled_from(sorted(FIELDS)),
        data=st.data(),
    )
    def edit(self, i: int, tag: str, field: str, data: st.DataObject) -> None:
        value = data.draw(st.sampled_from(FIELDS[field]))
        self._tick(i)
        store = self.laptops[i][0]
        seq = self._last_seq(i)
        with store.unit_of_work() as uow:
            row = uow.session.get(DeviceRecord, device_id_for_tag(tag))
            if row is None:
                return
            setattr(row, field, value)
        self._record_local_writes(i, seq)

    @rule(i=st.integers(0, N_LAPTOPS - 1), tag=st.sampled_from(TAGS), deleted=st.booleans())
    def delete_or_restore(self, i: int, tag: str, deleted: bool) -> None:
        self._tick(i)
        seq = self._last_seq(i)
        with self.laptops[i][0].unit_of_work() as uow:
            row = uow.session.get(DeviceRecord, device_id_for_tag(tag))
            if row is None:
                return
            row.deleted = deleted
        self._record_local_writes(i, seq)

    @rule(i=st.integers(0, N_LAPTOPS - 1), sign=st.sampled_from([-1, 1]))
    def clock_jump(self, i: int, sign: int) -> None:
        self.laptops[i][1].ms += sign * YEAR

    @rule(
        i=st.integers(0, N_LAPTOPS - 1),
        drop=st.one_of(st.none(), st.tuples(st.sampled_from(["push", "pull", "snapshot"]), st.integers(0, 2))),
    )
    def sync(self, i: int, drop: tuple[str, int] | None) -> None:
        self._tick(i)

        def interrupt(stage: str, page: int) -> None:
            if drop is not None and (stage, page) == drop:
                raise Dropped("line dropped")

        with contextlib.suppress(Dropped):
            sync_online(ReplicaSync(self.laptops[i][0]), self.hub, page_size=2, interrupt=interrupt)
        self._learn(i)

    @rule(i=st.integers(0, N_LAPTOPS - 1))
    def export_laptop_file(self, i: int) -> None:
        self._tick(i)
        path = self.tmp / f"from-{i}-{len(self.laptop_files)}.zip"
        SyncService(self.laptops[i][0]).export(path)
        self.laptop_files.append(path)

    @precondition(lambda self: self.laptop_files)
    @rule(data=st.data())
    def import_at_central(self, data: st.DataObject) -> None:
        path = data.draw(st.sampled_from(self.laptop_files))  # stale, repeated, out of order
        self.central_clock.tick(100)
        SyncService(self.central).import_file(path)

    @rule(i=st.integers(0, N_LAPTOPS - 1))
    def export_central_file(self, i: int) -> None:
        self.central_clock.tick(100)
        path = self.tmp / f"to-{i}-{len(self.central_files[i])}.zip"
        SyncService(self.central).export(path, for_replica=self.laptops[i][0].replica_id)
        self.central_files[i].append(path)

    @precondition(lambda self: any(self.central_files))
    @rule(data=st.data())
    def import_at_laptop(self, data: st.DataObject) -> None:
        i = data.draw(st.sampled_from([k for k, files in enumerate(self.central_files) if files]))
        path = data.draw(st.sampled_from(self.central_files[i]))
        self._tick(i)
        try:
            SyncService(self.laptops[i][0]).import_file(path)
        except RejectedInput as exc:
            assert "earlier file first" in str(exc)
        self._learn(i)

    # -- invariants --------------------------------------------------------------------------------------
    @invariant()
    def cursors_only_move_forward(self) -> None:
        for i, (store, _) in enumerate(self.laptops):
            cursor = ReplicaSync(store).cursor()
            assert cursor >= self.cursors[i]
            self.cursors[i] = cursor

    @invariant()
    def one_live_device_per_tag(self) -> None:
        for store in [self.central, *(s for s, _ in self.laptops)]:
            with store.read() as s:
                tags = s.scalars(
                    select(DeviceRecord.tag_key).where(
                        DeviceRecord.deleted.is_(False), DeviceRecord.merged_into.is_(None)
                    )
                ).all()
            assert len(tags) == len(set(tags))

    # -- the end: converge and check ---------------------------------------------------------------------------
    def finish(self) -> None:
        # Time catches up with every far-future clock: quarantined changes are released.
        self.central_clock.ms += 3 * YEAR
        for _, clock in self.laptops:
            clock.ms = max(clock.ms, self.central_clock.ms)
        for i in range(N_LAPTOPS):
            sync_online(ReplicaSync(self.laptops[i][0]), self.hub, page_size=50)
        self.hub.release_quarantine()
        for _round in range(2):
            for i in range(N_LAPTOPS):
                sync_online(ReplicaSync(self.laptops[i][0]), self.hub, page_size=50)
                self._learn(i)
        assert self.hub.quarantined() == []
        expected = _state(self.central)
        for store, _ in self.laptops:
            assert _state(store) == expected, "a laptop did not converge with central"
            assert store.pending_changes() == 0
        # Re-applying every file ever made changes nothing anywhere.
        from tests.sync.helpers import pg_dump_rows, sqlite_dump

        before = pg_dump_rows(str(self.central.engine.url.render_as_string(hide_password=False)))
        for path in self.laptop_files:
            SyncService(self.central).import_file(path)
        assert pg_dump_rows(str(self.central.engine.url.render_as_string(hide_password=False))) == before
        for i, files in enumerate(self.central_files):
            dump = sqlite_dump(self.laptops[i][0].path)
            for path in files:
                with contextlib.suppress(RejectedInput):
                    SyncService(self.laptops[i][0]).import_file(path)
            assert sqlite_dump(self.laptops[i][0].path) == dump
        self._check_no_silent_loss(expected)

    def _check_no_silent_loss(self, final: dict[str, Any]) -> None:
        logged: set[tuple[str, str, str]] = set()
        for store in [self.central, *(s for s, _ in self.laptops)]:
            with store.read() as s:
                logged |= {(c.row_id, c.field, c.lost_stamp) for c in s.scalars(select(ConflictRecord))}
        devices = final["devices"]
        for row_id, field, stamp, value, _ in self.writes:
            values, stamps = devices[row_id]
            if stamps[field] == stamp or values[field] == value:
                continue  # it is the value now (or the same value): nothing lost
            # Superseded by an edit whose author had seen it, or lost only to the same value written
            # later (no information lost; that later write is checked in its own turn).
            superseded = any(
                r == row_id and f == field and s2 > stamp and ((row_id, field, stamp) in seen or v2 == value)
                for r, f, s2, v2, seen in self.writes
            )
            assert superseded or (row_id, field, stamp) in logged, (
                f"the write {field}={value!r} ({stamp}) on {row_id} was overwritten without a conflict entry"
            )


def _state(store: Store) -> dict[str, Any]:
    """Every synced row's values and (expanded) field stamps, per table."""
    out: dict[str, Any] = {}
    with store.read() as s:
        for name, spec in table_specs().items():
            record: Any = spec.record
            rows = {}
            for obj in s.scalars(select(record)):
                values = {c: _plain(getattr(obj, c)) for c in spec.columns}
                if spec.synced:
                    stored = row_stamps.parse(obj.stamps)
                    rows[obj.id] = (values, {c: row_stamps.stamp_of(stored, c) for c in spec.columns})
                else:
                    rows[obj.id] = (values, {})
            out[name] = rows
    return out


def _plain(value: Any) -> Any:
    from inventory_app.sync.records import value_to_json

    return value_to_json(value)


def test_laptops_and_central_converge_without_losing_edits(pg_url: str) -> None:
    # pg_url proves the server is reachable (and fails in CI when it is not); the model makes its own databases.
    admin = os.environ.get("INVENTORY_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/test")

    class Model(SyncModel):
        admin_url = admin

        def teardown(self) -> None:
            try:
                self.finish()
            finally:
                super().teardown()

    run_state_machine_as_test(Model, settings=PROFILE)
