"""The Backups dialog: back up now, restore with confirmation, refuse a bad file without changes."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest

from inventory_app.context import AppContext
from inventory_app.inventory.service import InventoryService
from inventory_app.paths import UserPaths
from inventory_app.ui.about_dialog import AboutDialog
from inventory_app.ui.backups_dialog import BackupsDialog
from inventory_app.ui.tasks import TaskRunner


@pytest.fixture
def ctx(tmp_path, store_path):
    from inventory_app.storage.schema import AreaRecord, RoomRecord, SiteRecord

    c = AppContext.create(db=str(store_path), paths=UserPaths.under(tmp_path / "home"))
    with c.store.unit_of_work() as uow:
        area = AreaRecord(name="A")
        uow.session.add(area)
        uow.flush()
        site = SiteRecord(name="S", code="KOI", area_id=area.id, kind="primary")
        uow.session.add(site)
        uow.flush()
        uow.session.add(RoomRecord(site_id=site.id, code="A1", kind="classroom"))
    InventoryService(c.store).add(tag="HKI0012376", category="pupil_laptop", site="KOI", room="A1", fields={})
    yield c
    c.close()


@pytest.fixture
def runner(qapp):
    r = TaskRunner()
    yield r
    r.wait(5000)


def devices(ctx: AppContext) -> int:
    return len(InventoryService(ctx.store).list())


def test_back_up_now_then_restore_it(qtbot, ctx, runner):
    answers = []
    dialog = BackupsDialog(ctx, runner, confirm=lambda parent, text: answers.append(text) or True)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.backup_created, timeout=10000):
        dialog.create_button.click()
    assert dialog.table.rowCount() == 1
    InventoryService(ctx.store).add(tag="HKI0012456", category="pupil_laptop", site="KOI", room="A1", fields={})
    assert devices(ctx) == 2

    dialog.table.selectRow(0)
    assert dialog.restore_button.isEnabled()
    with qtbot.waitSignal(dialog.store_restored, timeout=10000):
        dialog.restore_button.click()
    assert "1 devices" in answers[0]
    assert devices(ctx) == 1  # the context reopened the restored store
    assert dialog.table.rowCount() == 2  # the backup and the safety copy
    assert "before a restore" in [dialog.table.item(r, 1).text() for r in range(2)]


def test_saying_no_changes_nothing(qtbot, ctx, runner):
    backups = ctx.backups()
    info = backups.create("manual")
    InventoryService(ctx.store).add(tag="HKI0012456", category="pupil_laptop", site="KOI", room="A1", fields={})
    dialog = BackupsDialog(ctx, runner, confirm=lambda parent, text: False)
    qtbot.addWidget(dialog)
    dialog.restore(info.path)
    assert devices(ctx) == 2 and len(backups.list()) == 1 and not runner.busy


def test_a_file_that_is_not_a_store_is_refused_with_a_message(qtbot, ctx, runner, tmp_path, store_path):
    bad = tmp_path / "holiday-photos.sqlite"
    bad.write_bytes(b"\x89PNG not a database")
    asked = []
    dialog = BackupsDialog(ctx, runner, confirm=lambda parent, text: asked.append(text) or True)
    qtbot.addWidget(dialog)
    ctx.close()
    with sqlite3.connect(store_path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = hashlib.sha256(store_path.read_bytes()).hexdigest()
    with qtbot.waitSignal(dialog.action_failed, timeout=3000) as failed:
        dialog.restore(bad)
    assert "not an inventory store" in failed.args[0]
    assert "not an inventory store" in dialog.status.text()
    assert asked == []  # refused before asking
    assert hashlib.sha256(store_path.read_bytes()).hexdigest() == before
    assert ctx.backups().list() == []


def test_about_lists_versions_and_where_data_lives(qtbot, ctx):
    about = AboutDialog(ctx)
    qtbot.addWidget(about)
    for key in (
        "Qt (runtime)",
        "Store schema (this build)",
        "Store schema (this store)",
        "zxing-cpp",
        "zbar library",
        "OpenCV",
        "SQLAlchemy",
    ):
        assert about.value_labels[key].text(), key
    assert about.value_labels["Backups"].text() == str(ctx.paths.backup_dir)
    with qtbot.waitSignal(about.versions_copied, timeout=3000) as copied:
        about.copy_button.click()
    assert "Qt (runtime)" in copied.args[0]
