"""Issue 11 part 2: restoring a backup after a sync (or syncing an old copy of the store) loses no edit.

backup create -> edit T1 -> sync -> backup restore -> edit T2 -> sync -> sync: before, T2 got an outbox
number central had already passed (never pushed, marked confirmed) and T1 was skipped as "mine" on the
way back. Now the restored store is a new replica: both edits end up on the laptop and at central.
"""

from __future__ import annotations

import shutil

import pytest

from inventory_app.core.identifiers import make_tag
from inventory_app.inventory.service import InventoryService
from inventory_app.storage.store import Store
from tests.sync.helpers import seed_site

pytestmark = pytest.mark.postgres

T1, T2 = make_tag("HKI", 1), make_tag("HKI", 2)


def _notes(target: str, tag: str) -> str | None:
    store = Store.open(target, migrate=False)
    try:
        return InventoryService(store).show(tag).notes
    finally:
        store.close()


def _central_with_devices(cli, pg_url: str) -> None:  # type: ignore[no-untyped-def]
    assert cli("central", "init", "--db", pg_url).code == 0
    central = Store.open(pg_url)
    seed_site(central)
    for tag in (T1, T2):
        InventoryService(central).add(tag=tag, category="pupil_laptop", site="KOU01", room="A101")
    central.close()


def _ok(result) -> None:  # type: ignore[no-untyped-def]
    assert result.code == 0, result.err


def test_online_both_edits_survive_a_restore_after_a_sync(cli, pg_url, tmp_path):
    _central_with_devices(cli, pg_url)
    laptop = str(tmp_path / "laptop.sqlite")
    _ok(cli("sync", "--central", pg_url, db=laptop))
    _ok(cli("backup", "create", db=laptop))
    _ok(cli("device", "set", T1, "notes=edit one", db=laptop))
    _ok(cli("sync", "--central", pg_url, db=laptop))
    backup = sorted((tmp_path / "home").rglob("laptop-*-manual.sqlite"))[-1]
    _ok(cli("backup", "restore", str(backup), db=laptop))
    _ok(cli("device", "set", T2, "notes=edit two", db=laptop))
    _ok(cli("sync", "--central", pg_url, db=laptop))
    _ok(cli("sync", "--central", pg_url, db=laptop))
    assert (_notes(laptop, T1), _notes(laptop, T2)) == ("edit one", "edit two")
    assert (_notes(pg_url, T1), _notes(pg_url, T2)) == ("edit one", "edit two")


def test_online_an_old_copy_of_the_store_file_becomes_a_new_replica(cli, pg_url, tmp_path):
    _central_with_devices(cli, pg_url)
    laptop = tmp_path / "laptop.sqlite"
    _ok(cli("sync", "--central", pg_url, db=str(laptop)))
    _ok(cli("device", "set", T1, "notes=first", db=str(laptop)))
    _ok(cli("sync", "--central", pg_url, db=str(laptop)))
    old = tmp_path / "old-copy.sqlite"
    shutil.copy(laptop, old)  # the store is closed: the file alone is the whole store
    _ok(cli("device", "set", T1, "notes=edit one", db=str(laptop)))
    _ok(cli("sync", "--central", pg_url, db=str(laptop)))
    # The laptop is rebuilt from the old copy (no restore command: the file is simply put back).
    laptop.unlink()
    shutil.copy(old, laptop)
    _ok(cli("device", "set", T2, "notes=edit two", db=str(laptop)))
    r = cli("sync", "--central", pg_url, db=str(laptop))
    _ok(r)
    _ok(cli("sync", "--central", pg_url, db=str(laptop)))
    assert (_notes(str(laptop), T1), _notes(str(laptop), T2)) == ("edit one", "edit two")
    assert (_notes(pg_url, T1), _notes(pg_url, T2)) == ("edit one", "edit two")


def test_by_sync_file_both_edits_survive_a_restore_after_a_sync(cli, pg_url, tmp_path):
    _central_with_devices(cli, pg_url)
    laptop = str(tmp_path / "laptop.sqlite")

    def enrol(name: str) -> None:
        doc = tmp_path / f"{name}.json"
        _ok(cli("central", "enrol", "--name", name, "--out", str(doc), db=pg_url))
        _ok(cli("enrol", str(doc), db=laptop))

    def round_trip(name: str, n: int) -> None:
        up = tmp_path / f"from-laptop-{n}.zip"
        _ok(cli("export-sync", "--out", str(up), db=laptop))
        _ok(cli("import-sync", str(up), db=pg_url))
        down = tmp_path / f"to-laptop-{n}.zip"
        _ok(cli("export-sync", "--for", name, "--out", str(down), db=pg_url))
        _ok(cli("import-sync", str(down), db=laptop))

    enrol("Laptop A")
    round_trip("Laptop A", 0)
    _ok(cli("backup", "create", db=laptop))
    _ok(cli("device", "set", T1, "notes=edit one", db=laptop))
    round_trip("Laptop A", 1)
    backup = sorted((tmp_path / "home").rglob("laptop-*-manual.sqlite"))[-1]
    _ok(cli("backup", "restore", str(backup), db=laptop))
    _ok(cli("device", "set", T2, "notes=edit two", db=laptop))
    enrol("Laptop A restored")  # a new replica signs with a new key: enrolled like a new laptop
    round_trip("Laptop A restored", 2)
    round_trip("Laptop A restored", 3)
    assert (_notes(laptop, T1), _notes(laptop, T2)) == ("edit one", "edit two")
    assert (_notes(pg_url, T1), _notes(pg_url, T2)) == ("edit one", "edit two")


def _file_laptop(cli, pg_url: str, tmp_path, laptop):  # type: ignore[no-untyped-def]
    def enrol(name: str) -> None:
        doc = tmp_path / f"{name}.json"
        _ok(cli("central", "enrol", "--name", name, "--out", str(doc), db=pg_url))
        _ok(cli("enrol", str(doc), db=str(laptop)))

    def up(n: int):  # type: ignore[no-untyped-def]
        out = tmp_path / f"from-laptop-{n}.zip"
        _ok(cli("export-sync", "--out", str(out), db=str(laptop)))
        return cli("import-sync", str(out), db=pg_url)

    def down(name: str, n: int):  # type: ignore[no-untyped-def]
        out = tmp_path / f"to-laptop-{n}.zip"
        _ok(cli("export-sync", "--for", name, "--out", str(out), db=pg_url))
        return cli("import-sync", str(out), db=str(laptop))

    return enrol, up, down


def test_by_sync_file_an_old_copy_of_the_store_file_becomes_a_new_replica(cli, pg_url, tmp_path):
    """A file-only laptop rebuilt from an old copy of its file that made as many new edits as it lost: the
    change numbers match central's ledger, the stamps do not. Central refuses its file, the laptop finds out
    from central's next file, becomes a new identity, re-enrols, and both edits arrive everywhere."""
    _central_with_devices(cli, pg_url)
    laptop = tmp_path / "laptop.sqlite"
    enrol, up, down = _file_laptop(cli, pg_url, tmp_path, laptop)
    enrol("Laptop F")
    _ok(up(0))
    _ok(down("Laptop F", 0))
    old = tmp_path / "old-copy.sqlite"
    shutil.copy(laptop, old)
    _ok(cli("device", "set", T1, "notes=edit one", db=str(laptop)))
    _ok(up(1))
    _ok(down("Laptop F", 1))
    laptop.unlink()
    shutil.copy(old, laptop)  # rebuilt from the old copy of its file
    _ok(cli("device", "set", T2, "notes=edit two", db=str(laptop)))
    central_before = _notes(pg_url, T2)
    refused = up(2)  # the old copy's file reuses change number 1 for another change
    assert refused.code == 3 and "older copy of the laptop's store" in refused.err, refused.err
    assert _notes(pg_url, T2) == central_before
    seen = down("Laptop F", 2)
    _ok(seen)
    assert "older than what central has" in seen.out + seen.err
    enrol("Laptop F again")
    _ok(up(3))
    _ok(down("Laptop F again", 3))
    _ok(up(4))
    _ok(down("Laptop F again", 4))
    assert (_notes(str(laptop), T1), _notes(str(laptop), T2)) == ("edit one", "edit two")
    assert (_notes(pg_url, T1), _notes(pg_url, T2)) == ("edit one", "edit two")


def test_by_sync_file_a_file_sent_twice_is_still_harmless(cli, pg_url, tmp_path):
    """The stamp check refuses only a different change under a seen number, never the same file again."""
    _central_with_devices(cli, pg_url)
    laptop = tmp_path / "laptop.sqlite"
    enrol, up, down = _file_laptop(cli, pg_url, tmp_path, laptop)
    enrol("Laptop G")
    _ok(down("Laptop G", 0))  # the devices arrive
    _ok(cli("device", "set", T1, "notes=once", db=str(laptop)))
    out = tmp_path / "twice.zip"
    _ok(cli("export-sync", "--out", str(out), db=str(laptop)))
    _ok(cli("import-sync", str(out), db=pg_url))
    _ok(cli("import-sync", str(out), db=pg_url))
    _ok(down("Laptop G", 1))
    _ok(cli("import-sync", str(out), db=pg_url))  # and once more after the laptop has its acknowledgement
    _ok(down("Laptop G", 2))
    assert _notes(pg_url, T1) == "once" and _notes(str(laptop), T1) == "once"
