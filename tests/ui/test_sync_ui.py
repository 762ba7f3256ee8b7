"""The sync panel, conflicts page, duplicates page and central import dialog, driven like a user would."""

from __future__ import annotations

from pathlib import Path

import pytest

from inventory_app.context import AppContext
from inventory_app.core.identifiers import make_tag
from inventory_app.inventory.service import InventoryService
from inventory_app.paths import UserPaths
from inventory_app.storage.store import Store
from inventory_app.sync.central import CentralHub
from inventory_app.sync.online import sync_online
from inventory_app.sync.replica import ReplicaSync
from inventory_app.sync.service import SyncService
from inventory_app.ui.central_import_dialog import CentralImportDialog
from inventory_app.ui.conflicts_page import ConflictsPage
from inventory_app.ui.duplicates_page import DuplicatesPage
from inventory_app.ui.sync_panel import SyncPanel
from inventory_app.ui.tasks import TaskRunner
from tests.sync.helpers import Clock, seed_site

TAG = make_tag("HKI", 7)


@pytest.fixture
def runner():  # type: ignore[no-untyped-def]
    r = TaskRunner()
    yield r
    r.wait(10000)


def _ctx(tmp_path: Path, db: str) -> AppContext:
    return AppContext.create(db=db, paths=UserPaths.under(tmp_path / "home"))


def _central(pg_url: str) -> None:
    central = Store.open(pg_url)
    CentralHub(central).initialise()
    seed_site(central)
    central.close()


@pytest.mark.postgres
def test_sync_panel_syncs_and_reports_online(qtbot, runner, pg_url, tmp_path):
    _central(pg_url)
    ctx = _ctx(tmp_path, str(tmp_path / "laptop.sqlite"))
    try:
        panel = SyncPanel(ctx, runner)
        qtbot.addWidget(panel)
        panel.central_edit.setText(pg_url)
        with (
            qtbot.waitSignal(panel.online_changed, timeout=20000) as online,
            qtbot.waitSignal(panel.sync_finished, timeout=20000) as finished,
        ):
            panel.sync_button.click()
        assert online.args == [True]
        assert finished.args[0].snapshot_rows > 0
        assert "Online" in panel.status_label.text()
        assert ctx.config.central_url == pg_url
        InventoryService(ctx.store).add(tag=TAG, category="tablet", site="KOU01")
        panel.refresh_status()
        assert panel.detail_label.text().startswith("1 changes waiting")
        target = tmp_path / panel.default_export_name()
        with qtbot.waitSignal(panel.export_finished, timeout=20000):
            panel.export_to(target)
        assert target.exists() and target.name.startswith("sync-all-sites-")
        panel.resize(1366, 768)
        assert not panel.grab().isNull()
    finally:
        ctx.close()


def test_sync_panel_says_offline_when_central_cannot_be_reached(qtbot, runner, tmp_path):
    ctx = _ctx(tmp_path, str(tmp_path / "laptop.sqlite"))
    try:
        panel = SyncPanel(ctx, runner)
        qtbot.addWidget(panel)
        panel.central_edit.setText("postgresql://nobody@127.0.0.1:1/none")
        with qtbot.waitSignal(panel.sync_finished, timeout=30000) as finished:
            panel.start_sync()
        assert finished.args == [None]
        assert "Offline" in panel.status_label.text()
        assert "Sync failed" in panel.message.text()
    finally:
        ctx.close()


@pytest.mark.postgres
def test_conflicts_page_brings_the_overwritten_value_back_as_an_edit(qtbot, runner, pg_url, tmp_path):
    _central(pg_url)
    central = Store.open(pg_url)
    a = Store.open(tmp_path / "a.sqlite", now_ms=Clock())
    b_clock = Clock()
    b = Store.open(tmp_path / "b.sqlite", now_ms=b_clock)
    hub = CentralHub(central)
    try:
        sync_online(ReplicaSync(a), hub)
        InventoryService(a).add(tag=TAG, category="tablet", site="KOU01")
        sync_online(ReplicaSync(a), hub)
        sync_online(ReplicaSync(b), hub)
        InventoryService(a).set(TAG, {"status": "broken"})
        b_clock.tick(10_000)
        InventoryService(b).set(TAG, {"status": "spare"})
        sync_online(ReplicaSync(a), hub)
        sync_online(ReplicaSync(b), hub)
        a_id, b_id = ReplicaSync(a).replica_id, ReplicaSync(b).replica_id
    finally:
        for s in (a, b):
            s.close()
        central.close()
    ctx = _ctx(tmp_path, pg_url)  # the person reviewing sits at central
    try:
        page = ConflictsPage(ctx, runner)
        qtbot.addWidget(page)
        with qtbot.waitSignal(page.conflicts_loaded, timeout=10000) as loaded:
            pass
        assert loaded.args == [1]
        row = [page.table.item(0, c).text() for c in range(6)]
        assert [row[0], row[1], row[2], row[4]] == [TAG, "status", "spare", "broken"]
        # Field trial: "Overwritten by" named the laptop whose value was lost. Each value now names its
        # own author: b wrote the kept "spare" (later), a the overwritten "broken".
        assert row[3].startswith(b_id[:8] + ", ") and row[5].startswith(a_id[:8] + ", "), row
        page.table.selectRow(0)
        with (
            qtbot.waitSignal(page.conflict_resolved, timeout=10000),
            qtbot.waitSignal(page.conflicts_loaded, timeout=10000) as reloaded,
        ):
            page.restore_button.click()
        assert reloaded.args == [0]
        assert InventoryService(ctx.store).show(TAG).status == "broken"
        assert ctx.store.pending_changes() == 1  # the choice is an ordinary edit that syncs
        page.resize(1366, 768)
        page.grab().save(str(tmp_path / "conflicts.png"))
    finally:
        ctx.close()


def test_duplicates_page_merges_and_undoes(qtbot, runner, tmp_path):
    ctx = _ctx(tmp_path, str(tmp_path / "laptop.sqlite"))
    try:
        seed_site(ctx.store)
        service = InventoryService(ctx.store)
        service.add(tag=make_tag("HKI", 2), category="tablet", site="KOU01", fields={"serial": "SN-X"})
        service.add(tag=make_tag("HKI", 1), category="tablet", site="KOU01")
        # Two laptops registered the serial under different tags; sync brought both rows here.
        from inventory_app.storage import repositories as repo

        with ctx.store.unit_of_work() as uow:
            repo.device_by_identifier(uow.session, make_tag("HKI", 1)).serial = "sn x"
        page = DuplicatesPage(ctx, runner)
        qtbot.addWidget(page)
        with qtbot.waitSignal(page.duplicates_loaded, timeout=10000) as loaded:
            pass
        assert loaded.args == [1]
        assert page.table.item(0, 1).text() == make_tag("HKI", 1)  # the lower tag survives, everywhere
        page.table.selectRow(0)
        with (
            qtbot.waitSignal(page.duplicates_merged, timeout=10000),
            qtbot.waitSignal(page.duplicates_loaded, timeout=10000) as after,
        ):
            page.merge_button.click()
        assert after.args == [0]
        assert service.list(search="SNX")[0].asset_tag == make_tag("HKI", 1)
        with (
            qtbot.waitSignal(page.merge_undone, timeout=10000),
            qtbot.waitSignal(page.duplicates_loaded, timeout=10000) as undone,
        ):
            page.undo_button.click()
        assert undone.args == [1]
    finally:
        ctx.close()


@pytest.mark.postgres
def test_central_import_dialog_previews_then_imports_and_refuses_a_bad_file(qtbot, runner, pg_url, tmp_path):
    _central(pg_url)
    central = Store.open(pg_url)
    laptop = Store.open(tmp_path / "a.sqlite")
    try:
        sync_online(ReplicaSync(laptop), CentralHub(central))
        InventoryService(laptop).add(tag=TAG, category="tablet", site="KOU01")
        good = tmp_path / "a.zip"
        SyncService(laptop).export(good)
    finally:
        laptop.close()
        central.close()
    bad = tmp_path / "bad.zip"
    bad.write_bytes(good.read_bytes()[:200])
    ctx = _ctx(tmp_path, pg_url)
    try:
        dialog = CentralImportDialog(ctx, runner)
        qtbot.addWidget(dialog)
        dialog.path_edit.setText(str(bad))
        with qtbot.waitSignal(dialog.file_previewed, timeout=10000) as refused:
            dialog.preview_button.click()
        assert refused.args == [None] and not dialog.import_button.isEnabled()
        assert "not a complete zip" in dialog.details.toPlainText()
        dialog.path_edit.setText(str(good))
        with qtbot.waitSignal(dialog.file_previewed, timeout=10000) as previewed:
            dialog.preview_button.click()
        assert previewed.args[0].changes == 1 and dialog.import_button.isEnabled()
        assert "Devices: 1" in dialog.details.toPlainText()
        with qtbot.waitSignal(dialog.sync_file_imported, timeout=10000) as imported:
            dialog.import_button.click()
        assert imported.args[0].applied == 1
        assert InventoryService(ctx.store).show(TAG).site is not None
    finally:
        ctx.close()


def test_every_sync_ui_string_has_a_finnish_translation():
    import re
    import xml.etree.ElementTree as ET

    root = Path(__file__).resolve().parents[2]
    ts = ET.parse(root / "resources/i18n/sync_fi.ts").getroot()
    known = {
        (c.findtext("name"), m.findtext("source"))
        for c in ts.iter("context")
        for m in c.iter("message")
        if m.findtext("translation")
    }
    for cls, module in (
        ("SyncPanel", "sync_panel"),
        ("ConflictsPage", "conflicts_page"),
        ("DuplicatesPage", "duplicates_page"),
        ("CentralImportDialog", "central_import_dialog"),
    ):
        source = (root / f"inventory_app/ui/{module}.py").read_text(encoding="utf-8")
        for call in re.findall(r'self\.tr\(\s*((?:"(?:[^"\\]|\\.)*"\s*)+)', source):
            text = "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', call))
            assert (cls, text) in known, f"{cls}: no Finnish for {text!r}"
