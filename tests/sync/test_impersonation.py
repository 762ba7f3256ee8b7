"""One laptop cannot sign or sync as another; a revoked laptop is refused as revoked.

A key belongs to exactly one replica from enrolment on: central binds the key it makes to a replica id
it names in the enrolment file, and the laptop takes that id.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import update

from inventory_app.core.errors import RejectedInput
from inventory_app.core.identifiers import make_tag
from inventory_app.inventory.service import InventoryService
from inventory_app.storage.schema import CentralReplicaRecord
from inventory_app.storage.store import Store
from inventory_app.sync import keys
from inventory_app.sync.central import CentralHub
from inventory_app.sync.online import sync_online
from inventory_app.sync.replica import ReplicaSync
from tests.sync.helpers import forge_zip, pg_dump_rows, read_zip, reseal, seed_site, sqlite_dump

pytestmark = pytest.mark.postgres


def _replica_id(db: str) -> str:
    store = Store.open(db)
    try:
        return store.replica_id
    finally:
        store.close()


def _add_device(cli, db: str, n: int) -> None:  # type: ignore[no-untyped-def]
    r = cli(
        "device",
        "add",
        "--tag",
        make_tag("HKI", n),
        "--category",
        "pupil_laptop",
        "--site",
        "KOU01",
        "--room",
        "A101",
        "--serial",
        f"SN{n}",
        db=db,
    )
    assert r.code == 0, r.err


@pytest.fixture
def two_laptops(cli, pg_url, tmp_path):  # type: ignore[no-untyped-def]
    """Central with a site; laptops A (victim) and B (forger) enrolled by file, both with central's snapshot."""
    assert cli("central", "init", "--db", pg_url).code == 0
    central = Store.open(pg_url)
    seed_site(central)
    central.close()
    out = {"pg": pg_url, "tmp": tmp_path}
    for name in ("a", "b"):
        doc = tmp_path / f"{name}-enrol.json"
        assert cli("central", "enrol", "--name", f"Laptop {name.upper()}", "--out", str(doc), db=pg_url).code == 0
        db = str(tmp_path / f"{name}.sqlite")
        assert cli("enrol", str(doc), db=db).code == 0
        snap = tmp_path / f"to-{name}-0.zip"
        assert cli("export-sync", "--for", f"Laptop {name.upper()}", "--out", str(snap), db=pg_url).code == 0
        assert cli("import-sync", str(snap), db=db).code == 0
        out[name] = db
        out[f"{name}_key"] = json.loads(doc.read_text())["private_key"]
        out[f"{name}_doc"] = doc
    return out


def _forge_as(victim_file: Path, forger_key: str, out: Path, *, seq_base: int = 10**9) -> Path:
    """A file with the victim's records and source, re-signed with the forger's own (enrolled) key."""
    good = read_zip(victim_file)
    manifest = json.loads(good["manifest.json"])
    lines = good["changes.ndjson"].splitlines()
    body = b"".join(
        json.dumps({**json.loads(line), "seq": seq_base + n}).encode() + b"\n" for n, line in enumerate(lines)
    )
    forged = {
        **manifest,
        "key_id": keys.key_id(keys.public_key_of(forger_key)),
        "ranges": {"outbox_seq": [seq_base, seq_base + len(lines) - 1], "acked_through": 0},
    }
    forge_zip(out, reseal(forged, body, forger_key))
    return out


def test_a_laptop_cannot_sign_a_file_as_another_and_both_keep_syncing(cli, two_laptops):
    t = two_laptops
    pg, tmp = t["pg"], t["tmp"]
    # A's first genuine file reaches central.
    _add_device(cli, t["a"], 1)
    a1 = tmp / "from-a-1.zip"
    assert cli("export-sync", "--out", str(a1), db=t["a"]).code == 0
    assert cli("import-sync", str(a1), db=pg).code == 0
    # B forges a file claiming to be A with a huge sequence number: refused, central unchanged.
    forged = _forge_as(a1, t["b_key"], tmp / "forged.zip")
    before = pg_dump_rows(pg)
    r = cli("import-sync", str(forged), db=pg)
    assert r.code == 3, (r.out, r.err)
    assert "claims to come from another laptop" in r.err and "Nothing was imported" in r.err
    assert pg_dump_rows(pg) == before
    # A's next genuine file is applied (not skipped as "already there"), and B's own files still import.
    _add_device(cli, t["a"], 2)
    a2 = tmp / "from-a-2.zip"
    assert cli("export-sync", "--out", str(a2), db=t["a"]).code == 0
    r = cli("import-sync", str(a2), "--json", db=pg)
    assert r.code == 0, r.err
    assert r.json()["applied"] == 1 and r.json()["skipped"] == 1
    _add_device(cli, t["b"], 3)
    b1 = tmp / "from-b-1.zip"
    assert cli("export-sync", "--out", str(b1), db=t["b"]).code == 0
    r = cli("import-sync", str(b1), "--json", db=pg)
    assert r.code == 0, r.err
    assert r.json()["applied"] == 1
    assert cli("device", "show", make_tag("HKI", 2), "--json", db=pg).json()["serial"] == "SN2"


def test_a_key_enrolled_before_binding_cannot_claim_a_laptop_central_knows(cli, two_laptops):
    """Keys enrolled by older versions were bound at first use: they still cannot take a known laptop's id."""
    t = two_laptops
    pg, tmp = t["pg"], t["tmp"]
    _add_device(cli, t["a"], 1)
    a1 = tmp / "from-a-1.zip"
    assert cli("export-sync", "--out", str(a1), db=t["a"]).code == 0
    assert cli("import-sync", str(a1), db=pg).code == 0
    central = Store.open(pg)
    b_kid = keys.key_id(keys.public_key_of(t["b_key"]))
    with central.unit_of_work(remote=True) as uow:
        uow.session.execute(
            update(CentralReplicaRecord).where(CentralReplicaRecord.key_id == b_kid).values(replica_id=None)
        )
    central.close()
    forged = _forge_as(a1, t["b_key"], tmp / "forged.zip")
    before = pg_dump_rows(pg)
    r = cli("import-sync", str(forged), db=pg)
    assert r.code == 3 and "claims to be another laptop" in r.err, r.err
    assert pg_dump_rows(pg) == before


def test_a_file_claiming_to_be_central_is_refused(cli, two_laptops):
    t = two_laptops
    pg, tmp = t["pg"], t["tmp"]
    _add_device(cli, t["b"], 1)
    b1 = tmp / "from-b-1.zip"
    assert cli("export-sync", "--out", str(b1), db=t["b"]).code == 0
    central = Store.open(pg)
    central_id = central.replica_id
    central.close()
    good = read_zip(b1)
    manifest = json.loads(good["manifest.json"])
    body = good["changes.ndjson"].replace(_replica_id(t["b"]).encode(), central_id.encode())
    bad = tmp / "as-central.zip"
    forge_zip(bad, reseal({**manifest, "source_replica": central_id}, body, t["b_key"]))
    before = pg_dump_rows(pg)
    r = cli("import-sync", str(bad), db=pg)
    assert r.code == 3 and "claims to come from another laptop" in r.err, r.err
    assert pg_dump_rows(pg) == before


def test_enrolment_binds_the_key_to_the_laptop_it_names(cli, pg_url, tmp_path):
    """A laptop with edits made before it enrolled takes the id central bound its key to; nothing is lost."""
    assert cli("central", "init", "--db", pg_url).code == 0
    central = Store.open(pg_url)
    seed_site(central)
    central.close()
    doc = tmp_path / "c-enrol.json"
    assert cli("central", "enrol", "--name", "Laptop C", "--out", str(doc), db=pg_url).code == 0
    listed = cli("central", "replicas", "--json", db=pg_url).json()
    bound = json.loads(doc.read_text())["replica_id"]
    assert [r["replica_id"] for r in listed] == [bound]  # bound at enrolment, before any file
    c_db = str(tmp_path / "c.sqlite")
    assert cli("init", db=c_db).code == 0
    old_id = _replica_id(c_db)
    snap = tmp_path / "to-c-0.zip"
    assert cli("export-sync", "--for", "Laptop C", "--out", str(snap), db=pg_url).code == 0
    assert cli("enrol", str(doc), db=c_db).code == 0
    assert _replica_id(c_db) == bound
    assert cli("import-sync", str(snap), db=c_db).code == 0
    _add_device(cli, c_db, 7)
    assert not any(old_id in line for line in sqlite_dump(c_db))
    c1 = tmp_path / "from-c-1.zip"
    assert cli("export-sync", "--out", str(c1), db=c_db).code == 0
    r = cli("import-sync", str(c1), "--json", db=pg_url)
    assert r.code == 0 and r.json()["applied"] == 1, r.err
    # The same file again is harmless; a second enrolment file for an enrolled laptop is refused.
    assert cli("enrol", str(doc), db=c_db).code == 0
    other = tmp_path / "d-enrol.json"
    assert cli("central", "enrol", "--name", "Laptop D", "--out", str(other), db=pg_url).code == 0
    before = sqlite_dump(c_db)
    r = cli("enrol", str(other), db=c_db)
    assert r.code == 3 and "already enrolled" in r.err
    assert sqlite_dump(c_db) == before


def test_revoked_laptop_files_are_refused_as_revoked(cli, two_laptops):
    t = two_laptops
    pg, tmp = t["pg"], t["tmp"]
    _add_device(cli, t["a"], 1)
    a1 = tmp / "from-a-1.zip"
    assert cli("export-sync", "--out", str(a1), db=t["a"]).code == 0
    r = cli("central", "revoke", "Laptop A", db=pg)
    assert r.code == 0 and "revoked" in r.out, r.err
    listed = {x["name"]: x["revoked"] for x in cli("central", "replicas", "--json", db=pg).json()}
    assert listed == {"Laptop A": True, "Laptop B": False}
    table = cli("central", "replicas", db=pg).out
    assert "revoked" in table and "active" in table
    before = pg_dump_rows(pg)
    r = cli("import-sync", str(a1), db=pg)
    assert r.code == 3 and "revoked" in r.err and "unknown key" not in r.err, r.err
    assert pg_dump_rows(pg) == before
    r = cli("export-sync", "--for", "Laptop A", "--out", str(tmp / "to-a.zip"), db=pg)
    assert r.code == 3 and "revoked" in r.err
    assert not (tmp / "to-a.zip").exists()
    assert cli("central", "revoke", "Laptop Z", db=pg).code != 0


def test_online_a_laptop_cannot_push_as_another_and_a_revoked_one_is_told(central, make_laptop):
    seed_site(central)
    hub = CentralHub(central)
    a, b = make_laptop("a"), make_laptop("b")
    sync_online(a.replica, hub)
    sync_online(b.replica, hub)
    InventoryService(a.store).add(tag=make_tag("HKI", 1), category="pupil_laptop", site="KOU01", room="A101")
    sync_online(a.replica, hub)
    before = pg_dump_rows(str(central.engine.url.render_as_string(hide_password=False)))
    # B presents its own key, or a brand-new one, under A's replica id: refused.
    with pytest.raises(RejectedInput, match="enrolled for another laptop"):
        hub.enrol(b.replica.identity().public_key, replica_id=a.store.replica_id, name=None)
    with pytest.raises(RejectedInput, match="claims to be another laptop"):
        hub.enrol(keys.public_key_of(keys.new_private_key()), replica_id=a.store.replica_id, name=None)
    # B's changes pushed under A's name: refused (the page names another origin).
    InventoryService(b.store).add(tag=make_tag("HKI", 2), category="pupil_laptop", site="KOU01", room="A101")
    page = ReplicaSync(b.store).pending(0)
    with pytest.raises(RejectedInput, match="claims to come from"):
        hub.accept(a.store.replica_id, page)
    assert pg_dump_rows(str(central.engine.url.render_as_string(hide_password=False))) == before
    # Revoked: the next online sync says so.
    hub.revoke_laptop(b.store.replica_id)
    with pytest.raises(RejectedInput, match="revoked"):
        sync_online(b.replica, hub)
    sync_online(a.replica, hub)  # the others go on
