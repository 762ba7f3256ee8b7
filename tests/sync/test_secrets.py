"""No central password in any file or message: the keyring or a prompt only."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from inventory_app.paths import UserPaths
from inventory_app.storage.store import Store
from inventory_app.sync import service as sync_service
from inventory_app.sync.credentials import SERVICE, Credentials, account_for
from tests.sync.helpers import FakeKeyring, seed_site

PW = "S3cret-Pw_71x"


def _with_password(url: str, form: str) -> str:
    """``url`` (postgresql://user@host:port/db) carrying PW in the user part or as ?password=."""
    scheme, rest = url.split("://", 1)
    user, host = rest.split("@", 1)
    if form == "userinfo":
        return f"{scheme}://{user}:{PW}@{host}"
    return f"{scheme}://{user}@{host}?password={PW}&sslmode=prefer"


def _files_holding(root: Path, secret: str) -> list[str]:
    hits = []
    for f in root.rglob("*"):
        if f.is_file() and secret.encode() in f.read_bytes():
            hits.append(str(f))
    return hits


@pytest.fixture
def keyring(monkeypatch: pytest.MonkeyPatch) -> FakeKeyring:
    fake = FakeKeyring()
    monkeypatch.setattr(sync_service, "Credentials", lambda: Credentials(fake))
    return fake


@pytest.mark.postgres
@pytest.mark.parametrize("form", ["userinfo", "query"])
def test_a_password_in_the_central_url_goes_to_the_keyring_only(cli, pg_url, tmp_path, keyring, form):
    assert cli("central", "init", "--db", pg_url).code == 0
    central = Store.open(pg_url)
    seed_site(central)
    central.close()
    laptop = str(tmp_path / "laptop.sqlite")
    url = _with_password(pg_url, form)
    r = cli("sync", "--central", url, db=laptop)
    assert r.code == 0, r.err
    assert PW not in r.out + r.err
    paths = UserPaths.default()
    config = paths.config_file.read_text(encoding="utf-8")
    assert PW not in config and "password" not in config
    assert pg_url.split("://", 1)[1] in config  # the address itself is kept
    assert keyring.items[(SERVICE, account_for(pg_url))] == PW
    # Nothing on disk holds it: config, log, the laptop's store and its backups.
    assert _files_holding(paths.config_dir.parent, PW) == []
    assert _files_holding(tmp_path, PW) == []
    # The next sync uses the stored address (and the keyring) and says nothing secret either.
    again = cli("sync", db=laptop)
    assert again.code == 0, again.err
    assert PW not in again.out + again.err


@pytest.mark.postgres
@pytest.mark.parametrize("form", ["userinfo", "query"])
@pytest.mark.parametrize("where", ["unreachable", "no_such_database"])
def test_a_connection_error_never_shows_the_password(cli, pg_url, tmp_path, keyring, form, where):
    base = pg_url.rsplit("/", 1)[0]
    target = base.replace(":5432", ":1") + "/inventory" if where == "unreachable" else base + "/no_such_db_x"
    laptop = str(tmp_path / "laptop.sqlite")
    r = cli("sync", "--central", _with_password(target, form), db=laptop)
    assert r.code == 3, (r.out, r.err)
    assert "cannot reach central" in r.err
    assert PW not in r.out + r.err
    assert keyring.items == {}  # a password that did not get in is not kept
    assert _files_holding(UserPaths.default().config_dir.parent, PW) == []
    assert _files_holding(tmp_path, PW) == []


def test_a_password_in_a_db_url_never_shows_in_messages(cli, tmp_path):
    """Any command on a URL with a password (here: one that cannot be reached) keeps it out of its messages."""
    for url in (f"postgresql://someone:{PW}@127.0.0.1:1/x", f"postgresql://someone@127.0.0.1:1/x?password={PW}"):
        r = cli("central", "replicas", db=url)
        assert r.code == 3, (r.out, r.err)
        assert PW not in r.out + r.err
    assert _files_holding(UserPaths.default().config_dir.parent, PW) == []


def test_central_login_without_a_terminal_says_so(cli, monkeypatch, keyring):
    monkeypatch.setattr(sys, "stdin", io.StringIO(PW + "\n"))
    r = cli("central", "login", "postgresql://auditor@127.0.0.1/inventory")
    assert r.code == 3, (r.out, r.err)
    assert "terminal" in r.err and "keyring" in r.err
    assert PW not in r.out + r.err
    assert keyring.items == {}


# -- the laptop's signing key: every file that holds it is its owner's only -------------------------------


def _mode(path: Path) -> int:
    import stat

    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def open_umask():  # type: ignore[no-untyped-def]
    """The widest umask: files must still come out owner-only."""
    import os

    old = os.umask(0)
    yield
    os.umask(old)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_store_wal_shm_and_backups_are_owner_only(cli, tmp_path, open_umask):
    from inventory_app.core.identifiers import make_tag
    from inventory_app.inventory.service import InventoryService
    from inventory_app.sync.replica import ReplicaSync

    db = tmp_path / "laptop.sqlite"
    assert cli("init", db=str(db)).code == 0
    store = Store.open(db)
    try:
        assert ReplicaSync(store).private_key()  # the key is in this file
        site_id, _ = seed_site(store)
        InventoryService(store).add(tag=make_tag("HKI", 1), category="pupil_laptop", site="KOU01", room="A101")
        side = [db.with_name(db.name + s) for s in ("-wal", "-shm")]
        assert all(p.exists() for p in side)  # open while the store is open
        assert {str(p): _mode(p) for p in (db, *side)} == {str(p): 0o600 for p in (db, *side)}
    finally:
        store.close()
    r = cli("backup", "create", "--json", db=str(db))
    assert r.code == 0, r.err
    backups = [p for p in (tmp_path / "backups").rglob("*") if p.is_file()] or [
        p for p in UserPaths.default().backup_dir.rglob("*") if p.is_file()
    ]
    assert backups
    assert {str(p): _mode(p) for p in backups} == {str(p): 0o600 for p in backups}


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_an_older_world_readable_store_is_made_owner_only_when_opened(cli, tmp_path):
    db = tmp_path / "old.sqlite"
    assert cli("init", db=str(db)).code == 0
    db.chmod(0o644)
    assert cli("device", "list", db=str(db)).code == 0
    assert _mode(db) == 0o600


@pytest.mark.postgres
@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_an_enrolment_file_is_owner_only(cli, pg_url, tmp_path, open_umask):
    assert cli("central", "init", "--db", pg_url).code == 0
    doc = tmp_path / "enrol.json"
    assert cli("central", "enrol", "--name", "Laptop Q", "--out", str(doc), db=pg_url).code == 0
    assert _mode(doc) == 0o600 and "private_key" in doc.read_text()


def test_a_malformed_central_address_is_refused_plainly(cli, tmp_path):
    r = cli("sync", "--central", f"postgresql://u:{PW}@host:notaport/db", db=str(tmp_path / "l.sqlite"))
    assert r.code == 3 and "not a valid PostgreSQL URL" in r.err, r.err
    assert PW not in r.out + r.err


def test_an_oversized_enrolment_file_is_refused_without_reading_it_whole(cli, tmp_path):
    big = tmp_path / "enrol.json"
    big.write_bytes(b" " * (1 << 20) + b"{}")
    db = tmp_path / "l.sqlite"
    assert cli("init", db=str(db)).code == 0
    r = cli("enrol", str(big), db=str(db))
    assert r.code == 3 and "too large" in r.err, r.err
