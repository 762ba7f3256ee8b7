"""A fresh laptop's first sync fills the sync panel's progress bar as central's inventory arrives."""

from __future__ import annotations

from pathlib import Path

import pytest

from inventory_app.context import AppContext
from inventory_app.demo.city import DemoCity
from inventory_app.paths import UserPaths
from inventory_app.storage.store import Store
from inventory_app.sync.central import CentralHub
from inventory_app.ui.sync_panel import SyncPanel
from inventory_app.ui.tasks import TaskRunner


@pytest.fixture
def runner():  # type: ignore[no-untyped-def]
    r = TaskRunner()
    yield r
    r.wait(10000)


@pytest.mark.postgres
def test_the_first_sync_shows_how_much_of_central_has_arrived(qtbot, runner, pg_url, tmp_path: Path):
    central = Store.open(pg_url)
    CentralHub(central).initialise()
    DemoCity(central, devices=400, seed=2).generate()
    central.close()
    ctx = AppContext.create(db=str(tmp_path / "laptop.sqlite"), paths=UserPaths.under(tmp_path / "home"))
    try:
        panel = SyncPanel(ctx, runner)
        qtbot.addWidget(panel)
        panel.central_edit.setText(pg_url)
        seen: list[tuple[int, int, str]] = []
        panel.progress.valueChanged.connect(lambda v: seen.append((v, panel.progress.maximum(), panel.message.text())))
        with qtbot.waitSignal(panel.sync_finished, timeout=60000) as finished:
            panel.sync_button.click()
        rows = finished.args[0].snapshot_rows
        arriving = [(v, m) for v, m, text in seen if "inventory" in text or "inventaario" in text]
        assert rows > 400 and arriving and arriving[-1] == (rows, rows)
        assert any(0 < v < m for v, m in arriving)  # the bar moved while rows arrived, not only at the end
    finally:
        ctx.close()
