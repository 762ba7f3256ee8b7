"""Issue 11 part 1: scans shown as saved survive a crash, whatever the window's file dialogs did.

Found this way: Qt's own file dialog, showing the store's folder, opened and closed the store's files to
work out their types; that dropped the window's SQLite locks (POSIX locks belong to the process), the next
``device show`` in another process then deleted the WAL the window was still writing into, and the scans
shown after it were gone after a ``kill -9``. The window runs as a child process (it gets SIGKILLed).
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

WINDOW = Path(__file__).with_name("store_safety_window.py")


@pytest.mark.slow
def test_every_scan_shown_survives_sigkill_after_every_file_action(store, store_path, school, tmp_path):
    from inventory_app.sync import keys
    from inventory_app.sync.replica import ReplicaSync

    # Enrolled as an enrolment file would (so the Sync page can write a sync file), without a central here.
    ReplicaSync(store).join(
        "deployment-1", "central-1", keys.public_key_of(keys.new_private_key()), keys.new_private_key()
    )
    store.close()  # the window must be the store's only user in this test, as in the field
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path / "elsewhere"),
        "PYTHONPATH": os.pathsep.join([str(Path(__file__).resolve().parents[2]), os.environ.get("PYTHONPATH", "")]),
    }
    (tmp_path / "elsewhere").mkdir()
    tags = school.tags["A101"] + school.tags["A102"]
    errors = (tmp_path / "window.err").open("w")
    child = subprocess.Popen(
        [sys.executable, str(WINDOW), str(store_path), school.site_id, school.labels["A101"], *tags],
        stdout=subprocess.PIPE,
        stderr=errors,
        text=True,
        cwd=tmp_path / "elsewhere",
        env=env,
    )
    watchdog = threading.Timer(240, child.kill)  # a hung window fails the test instead of hanging it
    watchdog.start()
    shown, steps, lines = [], [], []
    try:
        assert child.stdout is not None
        for line in child.stdout:
            lines.append(line.rstrip())
            if line.startswith("SHOWN "):
                shown.append(line.split()[1])
            elif line.startswith("STEP "):
                steps.append(line.split(maxsplit=1)[1].strip())
            elif line.startswith("READY"):
                break
        else:
            pytest.fail(
                "the window stopped before it was done:\n"
                + "\n".join(lines)
                + "\n"
                + (tmp_path / "window.err").read_text()[-3000:]
            )
        child.send_signal(signal.SIGKILL)
    finally:
        watchdog.cancel()
        child.kill()
        child.wait(30)
        errors.close()
    assert len(steps) == 9, lines
    assert all(int(s.split()[-1]) >= 1 for s in steps), f"a dialog never listed the store's folder: {steps}"
    assert len(shown) >= 18, lines

    conn = sqlite3.connect(store_path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        stored = {row[0] for row in conn.execute("SELECT id FROM scan_events")}
        imported = {row[0] for row in conn.execute("SELECT serial FROM devices WHERE serial LIKE 'IMP-%'")}
    finally:
        conn.close()
    lost = [event for event in shown if event not in stored]
    assert lost == [], f"{len(lost)} of {len(shown)} scans shown as saved are gone after the crash"
    assert imported == {"IMP-1", "IMP-2", "IMP-3"}
    assert any(line.endswith("DELETED-FDS 0") for line in lines), f"the window writes into a deleted WAL: {lines[-2:]}"
