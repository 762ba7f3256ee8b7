"""Issue 11 part 5: a short command during another program's long write waits, then says so plainly (exit 3)."""

from __future__ import annotations

import sqlite3
import time

from inventory_app.core.identifiers import make_tag
from inventory_app.storage import store as store_module
from tests.sync.helpers import seed_site, sqlite_dump


def test_a_command_waits_for_a_writing_program_then_refuses_plainly(cli, store, store_path, monkeypatch):
    seed_site(store)
    monkeypatch.setattr(store_module, "BUSY_TIMEOUT_MS", 400)  # the app waits 5 s; the test need not
    before = sqlite_dump(store_path)
    writer = sqlite3.connect(store_path, isolation_level=None)  # another program in a long bulk edit
    writer.execute("BEGIN IMMEDIATE")
    try:
        started = time.monotonic()
        r = cli(
            "device",
            "add",
            "--tag",
            make_tag("HKI", 1),
            "--category",
            "pupil_laptop",
            "--site",
            "KOU01",
            "--room",
            "A101",
        )
        waited = time.monotonic() - started
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert r.code == 3, (r.out, r.err)
    assert "another program is writing the store" in r.err
    assert "OperationalError" not in r.err and "SQL" not in r.err
    assert waited >= 0.4  # it waited for the other program before giving up
    assert sqlite_dump(store_path) == before
    # Once the other program is done, the same command works.
    assert (
        cli(
            "device",
            "add",
            "--tag",
            make_tag("HKI", 1),
            "--category",
            "pupil_laptop",
            "--site",
            "KOU01",
            "--room",
            "A101",
        ).code
        == 0
    )
