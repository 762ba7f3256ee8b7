"""A process killed in the middle of applying a sync file leaves the store before or after, never between."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from inventory_app.storage.store import Store
from tests.sync.helpers import pg_dump_rows, sqlite_dump

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

SCRIPT = Path(__file__).with_name("crash_import.py")
ROOT = Path(__file__).resolve().parents[2]


def _run(db: str, path: Path, k: int) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), db, str(path), str(k)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**__import__("os").environ, "PYTHONPATH": str(ROOT)},
    )


def _clone_pg(admin_url: str, template_db: str, name: str) -> str:
    import psycopg

    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template_db}"')
    return f"{admin_url.rsplit('/', 1)[0]}/{name}"


def _drop_pg(admin_url: str, name: str) -> None:
    import psycopg

    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def file_setup(cli, pg_url, tmp_path):  # type: ignore[no-untyped-def]
    from tests.sync.test_files import _build

    data = _build(cli, pg_url, tmp_path)
    # More rows make more statements to die between.
    for n in range(3, 9):
        from inventory_app.core.identifiers import make_tag

        assert (
            cli(
                "device", "add", "--tag", make_tag("HKI", n), "--category", "tablet", "--site", "KOU01", db=data["a"]
            ).code
            == 0
        )
    assert cli("export-sync", "--out", str(data["file"]), db=data["a"]).code == 0
    return data


def test_killed_import_at_central_is_before_or_after_and_the_retry_completes(file_setup):
    import os

    admin = os.environ.get("INVENTORY_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/test")
    base = file_setup["pg"].rsplit("/", 1)[1]
    before = pg_dump_rows(file_setup["pg"])
    outcomes = set()
    for k in (0, 3, 6, 9, 12, 15, 17, 10_000):  # an import at central takes ~18 statements
        name = f"{base}_k{k}"
        url = _clone_pg(admin, base, name)
        try:
            run = _run(url, file_setup["file"], k)
            crashed = pg_dump_rows(url)
            retry = _run(url, file_setup["file"], 10**9)
            assert retry.returncode == 0, retry.stderr
            after = pg_dump_rows(url)
            assert len(after["devices"]) == len(before["devices"]) + 8
            assert crashed in (before, after), f"killed after {k} statements: the store is half-applied"
            outcomes.add("before" if crashed == before else "after")
            assert run.returncode in (0, 137), run.stderr
        finally:
            _drop_pg(admin, name)
    assert outcomes == {"before", "after"}


def test_killed_import_at_a_laptop_is_before_or_after_and_the_retry_completes(file_setup, cli, tmp_path):
    pg, _a_db = file_setup["pg"], file_setup["a"]
    assert cli("import-sync", str(file_setup["file"]), db=pg).code == 0
    # Laptop B enrolled by file gets a snapshot file with everything.
    enrol = tmp_path / "b.json"
    assert cli("central", "enrol", "--name", "B", "--out", str(enrol), db=pg).code == 0
    b_db = tmp_path / "b.sqlite"
    assert cli("enrol", str(enrol), db=str(b_db)).code == 0
    to_b = tmp_path / "to-b.zip"
    assert cli("export-sync", "--for", "B", "--out", str(to_b), db=pg).code == 0
    Store.open(b_db).close()
    before = sqlite_dump(b_db)
    outcomes = set()
    for k in (0, 5, 10, 20, 40, 10_000):
        copy = tmp_path / f"b-{k}.sqlite"
        shutil.copy(b_db, copy)
        _run(str(copy), to_b, k)
        crashed = sqlite_dump(copy)
        assert _run(str(copy), to_b, 10**9).returncode == 0
        after = sqlite_dump(copy)
        assert after != before
        assert crashed in (before, after), f"killed after {k} statements: the laptop is half-applied"
        outcomes.add("before" if crashed == before else "after")
    assert outcomes == {"before", "after"}
