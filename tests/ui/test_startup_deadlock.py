"""Defect 1 of the field trial: the window hung black at start on a laptop that had joined central.

The UI thread loaded QtMultimedia's plugin (the camera list) holding the loader lock; the plugin logged
through the Python Qt message hook, which needs the GIL; a pool thread held the GIL importing keyring for
the start-up connection check and waited for the loader lock. Before the fix the subprocess below hung in
6 of 8 starts (5 of 7 in the trial)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import qInstallMessageHandler, qWarning

from inventory_app.context import AppContext
from inventory_app.sync.service import SyncService
from inventory_app.ui import camera_settings
from inventory_app.ui.plugin_loading import qt_plugin_load
from inventory_app.ui.tasks import _Job

ROOT = Path(__file__).resolve().parents[2]
STARTS = 5


@pytest.mark.postgres
def test_a_laptop_that_has_joined_central_always_shows_its_window(pg_url, tmp_path, monkeypatch):
    central = AppContext.create(db=pg_url)
    SyncService(central.store).central_init()
    central.close()
    laptop = tmp_path / "laptop.sqlite"
    ctx = AppContext.create(db=str(laptop))
    SyncService(ctx.store).sync(pg_url)  # joined
    ctx.config.central_url = pg_url  # so the window checks the connection at start
    ctx.save_config()
    ctx.close()
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONPATH"] = str(ROOT)  # this worktree's inventory_app
    hung = 0
    for _ in range(STARTS):
        try:
            done = subprocess.run(
                [sys.executable, str(Path(__file__).with_name("startup_window.py")), str(laptop)],
                cwd=ROOT,
                env=env,
                capture_output=True,
                text=True,
                timeout=60,
            )
        except subprocess.TimeoutExpired:
            hung += 1
            continue
        assert done.returncode == 0 and "started True" in done.stdout, done.stderr[-2000:]
    assert hung == 0, f"the window hung in {hung} of {STARTS} starts"


def test_no_pool_job_runs_before_the_camera_list_is_known(qtbot, ctx, monkeypatch):
    from inventory_app.ui.main_window import MainWindow

    events: list[str] = []
    names = camera_settings.qt_camera_names
    run = _Job.run

    def camera_names() -> list[str]:
        events.append("cameras")
        return names()

    def job_run(self: _Job) -> None:
        events.append("job")
        run(self)

    monkeypatch.setattr(camera_settings, "linux_cameras", list)  # no sysfs camera: QtMultimedia is asked
    monkeypatch.setattr(camera_settings, "qt_camera_names", camera_names)
    monkeypatch.setattr(_Job, "run", job_run)
    ctx.config.central_url = "postgresql://nobody@127.0.0.1:1/central"  # the start-up connection check runs
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: "job" in events and not window.runner.busy, timeout=10000)
    assert events[0] == "cameras", events
    window.runner.wait(5000)


def test_qt_messages_skip_the_python_hook_while_a_plugin_loads(qapp):
    seen: list[str] = []
    previous = qInstallMessageHandler(lambda _mode, _context, text: seen.append(text))
    try:
        with qt_plugin_load():
            qWarning("while a plugin loads")
        qWarning("afterwards")
    finally:
        qInstallMessageHandler(previous)
    assert seen == ["afterwards"]
