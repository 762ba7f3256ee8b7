"""The store guard: a descriptor of the store closed elsewhere in the process cannot cost a committed row."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from inventory_app.storage.store import Store
from inventory_app.storage.store_guard import ofd_locks_available

ROOT = Path(__file__).resolve().parents[2]

CHILD = textwrap.dedent("""
    import os, signal, subprocess, sys
    from pathlib import Path
    from inventory_app.storage.store import Store
    path = Path(sys.argv[1])
    store = Store.open(path)
    with store.engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE IF NOT EXISTS probe (n INTEGER)")
    for suffix in ("", "-wal", "-shm"):  # what a MIME sniffer does: open, read, close
        fd = os.open(str(path) + suffix, os.O_RDONLY)
        os.read(fd, 64)
        os.close(fd)
    subprocess.run([sys.executable, "-c", "import sys; from inventory_app.storage.store import Store; "
                    "Store.open(sys.argv[1]).close()", str(path)], check=True)
    print("wal", Path(str(path) + "-wal").exists(), flush=True)
    for n in range(5):
        with store.engine.begin() as conn:
            conn.exec_driver_sql("INSERT INTO probe VALUES (?)", (n,))
    os.kill(os.getpid(), signal.SIGKILL)
""")


@pytest.mark.skipif(not ofd_locks_available(), reason="OFD locks are Linux's; Windows locks belong to a handle")
def test_a_closed_descriptor_and_another_program_cannot_cost_committed_rows(tmp_path):
    path = tmp_path / "inventory.sqlite"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == -9, done.stderr
    assert "wal True" in done.stdout  # the other program left the WAL alone
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("SELECT count(*) FROM probe").fetchone() == (5,)
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        conn.close()


def test_closing_the_store_lets_the_last_user_tidy_the_wal_away(tmp_path):
    path = tmp_path / "inventory.sqlite"
    store = Store.open(path)
    assert store.guard is not None
    if ofd_locks_available():
        assert store.guard.held == ["inventory.sqlite", "inventory.sqlite-shm"]
    store.close()
    assert not Path(str(path) + "-wal").exists() and not Path(str(path) + "-shm").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["inventory.sqlite"]


def test_opening_the_same_store_again_in_the_process_does_not_read_it_by_hand(tmp_path, monkeypatch):
    """A second Store on an open path (the window reopening after a restore) must not open() the file:
    closing that descriptor would drop the first one's SQLite locks."""
    path = tmp_path / "inventory.sqlite"
    first = Store.open(path)
    opened: list[str] = []
    real_open = Path.open

    def spy(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        if self == path:
            opened.append(str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", spy)
    second = Store.open(path)
    second.close()
    first.close()
    assert opened == [] or not ofd_locks_available()
