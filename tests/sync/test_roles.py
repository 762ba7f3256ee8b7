"""Least privilege at central (``central roles``): a laptop's login syncs, and can do nothing else."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import psycopg
import pytest

from inventory_app.core.errors import RejectedInput
from inventory_app.core.identifiers import make_tag
from inventory_app.inventory.service import InventoryService
from inventory_app.storage.store import Store
from inventory_app.sync import roles
from inventory_app.sync.central import CentralHub
from inventory_app.sync.online import sync_online
from tests.sync.helpers import seed_site

pytestmark = pytest.mark.postgres


def _as(url: str, login: str) -> str:
    scheme, rest = url.split("://", 1)
    return f"{scheme}://{login}@{rest.split('@', 1)[1]}"


@pytest.fixture
def logins(central: Store, pg_url: str) -> Iterator[dict[str, str]]:
    suffix = uuid.uuid4().hex[:8]
    names = {"a": f"lap_a_{suffix}", "b": f"lap_b_{suffix}", "it": f"it_{suffix}"}
    roles.setup_roles(central)
    roles.create_login(central, names["a"], laptop=True)
    roles.create_login(central, names["b"], laptop=True)
    roles.create_login(central, names["it"], laptop=False)
    yield {k: _as(pg_url, v) for k, v in names.items()}
    admin = pg_url.rsplit("/", 1)[0] + "/test"
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute(
            f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename IN "
            f"('{names['a']}', '{names['b']}', '{names['it']}')"
        )
    with psycopg.connect(admin, autocommit=True) as conn:
        for name in names.values():
            conn.execute(f"DROP ROLE IF EXISTS {name}")


def _sync(laptop, url: str):  # type: ignore[no-untyped-def]
    store = Store.open(url, migrate=False)
    try:
        return sync_online(laptop.replica, CentralHub(store))
    finally:
        store.close()


def test_laptops_with_their_own_logins_sync_normally(central, logins, make_laptop):
    seed_site(central)
    a, b = make_laptop("a"), make_laptop("b")
    assert _sync(a, logins["a"]).snapshot_rows > 0
    tag = make_tag("HKI", 1)
    InventoryService(a.store).add(tag=tag, category="pupil_laptop", site="KOU01", room="A101")
    assert _sync(a, logins["a"]).pushed == 1
    _sync(b, logins["b"])
    assert InventoryService(b.store).show(tag).room == "A101"
    b.clock.tick(5000)
    InventoryService(b.store).set(tag, {"status": "broken"})
    assert _sync(b, logins["b"]).pushed == 1
    _sync(a, logins["a"])
    assert InventoryService(a.store).show(tag).status == "broken"
    assert InventoryService(central).show(tag).status == "broken"


def test_a_laptop_login_belongs_to_one_laptop(central, logins, make_laptop):
    seed_site(central)
    _sync(make_laptop("a"), logins["a"])
    with pytest.raises(RejectedInput, match="belongs to another laptop"):
        _sync(make_laptop("thief"), logins["a"])


FORBIDDEN = [
    "DELETE FROM devices",
    "TRUNCATE devices",
    "UPDATE devices SET notes = 'changed outside sync'",
    "INSERT INTO rooms (id, site_id, code, kind, deleted, stamps) "
    "SELECT 'rogue-room', site_id, 'X1', 'classroom', false, '{}' FROM rooms LIMIT 1",
    "SELECT signing_key FROM replica_state",
    "UPDATE outbox SET acked = false",
    "SELECT * FROM central_logins",
    "DELETE FROM central_changes",
    "UPDATE central_changes SET payload = '{}'",
    "INSERT INTO central_changes (pos, table_name, row_id, op, payload, stamps, origin, seen_pos, accepted_at) "
    "VALUES (999999, 'devices', 'x', 'upsert', '{}', '{}', 'another-laptop', 0, now())",
    "INSERT INTO central_ledgers (replica_id, applied_seq, pulled_pos, updated_at) VALUES ('another', 9, 9, now())",
    "INSERT INTO central_replicas (key_id, public_key, replica_id, enrolled_at, revoked) "
    "VALUES ('k', 'p', 'another', now(), false)",
    "CREATE TABLE rogue (a int)",
    "DROP TABLE devices",
    "ALTER TABLE devices ADD COLUMN rogue int",
    "CREATE FUNCTION rogue() RETURNS int LANGUAGE sql AS 'SELECT 1'",
]


def test_a_laptop_login_cannot_change_central_outside_sync(central, logins, make_laptop, pg_url):
    seed_site(central)
    a, b = make_laptop("a"), make_laptop("b")
    _sync(a, logins["a"])
    InventoryService(a.store).add(tag=make_tag("HKI", 1), category="pupil_laptop", site="KOU01", room="A101")
    _sync(a, logins["a"])
    _sync(b, logins["b"])
    before = _rows(pg_url)
    url = logins["a"].replace("postgresql+psycopg://", "postgresql://")
    for statement in FORBIDDEN:
        with psycopg.connect(url) as conn:
            with pytest.raises(psycopg.Error):
                conn.execute(statement)
                conn.commit()  # the sync-path check is deferred to the commit
            conn.rollback()
    with psycopg.connect(url, autocommit=True) as conn:
        # Another laptop's ledger and keys are invisible: writes to them change nothing.
        assert (
            conn.execute(
                "UPDATE central_ledgers SET pulled_pos = 0 WHERE replica_id = %s", (b.store.replica_id,)
            ).rowcount
            == 0
        )
        assert [r[0] for r in conn.execute("SELECT replica_id FROM central_replicas")] == [a.store.replica_id]
        assert conn.execute(
            "SELECT count(*) FROM central_quarantine WHERE origin <> %s", (a.store.replica_id,)
        ).fetchone() == (0,)
    assert _rows(pg_url) == before


def test_central_its_login_runs_migrations_and_imports(central, logins, make_laptop, tmp_path):
    from inventory_app.sync.service import SyncService

    seed_site(central)
    it = Store.open(logins["it"])  # migrating (nothing to do) and opening need the owner's rights
    try:
        SyncService(it).make_enrolment("by file", tmp_path / "c.enrol")
        laptop = make_laptop("c")
        laptop.service.enrol_from_file(tmp_path / "c.enrol")
        SyncService(it).export(tmp_path / "snapshot.zip", for_replica="by file")
        laptop.service.import_file(tmp_path / "snapshot.zip")
        InventoryService(laptop.store).add(tag=make_tag("HKI", 7), category="pupil_laptop", site="KOU01", room="A101")
        laptop.service.export(tmp_path / "c.zip")
        assert SyncService(it).import_file(tmp_path / "c.zip").applied == 1
        with it.engine.begin() as conn:
            conn.exec_driver_sql("UPDATE devices SET notes = 'central IT may'")
    finally:
        it.close()


def _rows(url: str) -> dict[str, list[tuple]]:  # type: ignore[type-arg]
    from tests.sync.helpers import pg_dump_rows

    rows = pg_dump_rows(url)
    rows.pop("replica_state", None)  # central's clock moves on every sync
    return rows


def test_a_laptop_that_read_past_a_restored_centrals_log_is_told_and_its_changes_still_go_up(
    central, make_laptop, pg_url
):
    seed_site(central)
    laptop = make_laptop("a")
    sync_online(laptop.replica, CentralHub(central))
    with psycopg.connect(pg_url, autocommit=True) as conn:  # "restore": central loses its last log entries
        conn.execute("DELETE FROM central_changes WHERE pos > 1")
    InventoryService(laptop.store).add(tag=make_tag("HKI", 3), category="pupil_laptop", site="KOU01", room="A101")
    with pytest.raises(RejectedInput, match="restored from a backup"):
        sync_online(laptop.replica, CentralHub(central))
    assert laptop.store.pending_changes() == 0
    assert InventoryService(central).show(make_tag("HKI", 3)).room == "A101"
