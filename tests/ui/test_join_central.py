"""A new laptop joins the central from the window and exports its first sync file; central IT enrols it."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt

from inventory_app.context import AppContext
from inventory_app.sync.service import SyncService
from inventory_app.ui.central_laptops_panel import CentralLaptopsPanel
from inventory_app.ui.file_dialogs import FileDialogs
from inventory_app.ui.first_run_dialog import FirstRunDialog, needs_first_run


@pytest.fixture
def central_ctx(pg_url):
    context = AppContext.create(db=pg_url)
    SyncService(context.store).central_init()
    yield context
    context.close()


@pytest.fixture
def enrolment(qtbot, central_ctx, tmp_path):
    panel = CentralLaptopsPanel(central_ctx)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.laptop_enrolled, timeout=5000):
        assert panel.enrol("Auditor laptop 3", tmp_path / "enrolment.json")
    assert panel.table.rowCount() == 1 and panel.table.item(0, 0).text() == "Auditor laptop 3"
    return tmp_path / "enrolment.json"


def _no_file_dialog(*args, **kwargs):
    raise AssertionError("no file name may be asked for before the laptop has joined")


@pytest.mark.postgres
def test_a_new_laptop_enrols_and_exports_its_first_sync_file_from_the_window(
    qtbot, main_window, central_ctx, enrolment, tmp_path, monkeypatch
):
    sync = main_window.features.sync_panel
    main_window.show_page(sync)
    assert sync.join_banner.isVisible() and not sync.export_button.isEnabled()
    monkeypatch.setattr(FileDialogs, "_ask", _no_file_dialog)  # every file dialog of the window goes through it
    sync._choose_export()  # the keyboard path to the export: refused before any file dialog
    assert "not joined" in sync.message.text()
    with qtbot.waitSignal(sync.enrolled, timeout=3000):
        assert sync.enrol_from(enrolment)
    assert not sync.join_banner.isVisible() and sync.export_button.isEnabled()
    out = tmp_path / "first.zip"
    with qtbot.waitSignal(sync.export_finished, timeout=10000):
        sync.export_to(out)
    assert out.is_file() and "Wrote" in sync.message.text()
    # central accepts the file: the laptop's devices arrive, its ledger moves
    result = SyncService(central_ctx.store).import_file(out)
    assert result.applied > 0
    laptops = CentralLaptopsPanel(central_ctx)
    qtbot.addWidget(laptops)
    assert int(laptops.table.item(0, 3).text()) > 0


@pytest.mark.postgres
def test_the_first_run_questions_save_the_answers_and_join_with_the_file(qtbot, ctx, enrolment):
    assert needs_first_run(ctx)
    dialog = FirstRunDialog(ctx)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.auditor, "Aino Auditoija")
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.join_file.setChecked(True)
    dialog.file_edit.setText(str(enrolment))
    with qtbot.waitSignal(dialog.setup_done, timeout=3000):
        dialog.start_button.click()
    saved = AppContext.create(db=ctx.db_target).config
    assert (saved.auditor, saved.language) == ("Aino Auditoija", "en")
    assert SyncService(ctx.store).status().enrolled
    assert not needs_first_run(ctx)


def test_skipping_the_first_run_is_remembered(qtbot, ctx):
    dialog = FirstRunDialog(ctx)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.rejected, timeout=3000):
        dialog.skip_button.click()
    assert not needs_first_run(ctx)


def test_a_bad_enrolment_file_is_refused_and_nothing_changes(qtbot, main_window, store_path, tmp_path):
    sync = main_window.features.sync_panel
    bad = tmp_path / "enrolment.json"
    bad.write_text('{"format": "something else"}', encoding="utf-8")
    before = list(sqlite3.connect(store_path).iterdump())
    assert not sync.enrol_from(bad)
    assert "did not join" in sync.message.text() and "not an enrolment file" in sync.message.text()
    assert not sync.join_banner.isHidden()
    assert list(sqlite3.connect(store_path).iterdump()) == before
    dialog = FirstRunDialog(main_window.ctx)
    qtbot.addWidget(dialog)
    dialog.join_file.setChecked(True)
    dialog.start_button.click()
    assert "Choose the enrolment file" in dialog.error.text()
    dialog.file_edit.setText(str(bad))
    dialog.start_button.click()
    assert "not an enrolment file" in dialog.error.text()
    assert dialog.result() == 0 and not SyncService(main_window.store).status().enrolled


def test_signing_in_online_keeps_the_address_without_a_password_and_asks_for_a_sync(qtbot, ctx):
    dialog = FirstRunDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.join_online.setChecked(True)
    dialog.url_edit.setText("ftp://nowhere")
    dialog.start_button.click()
    assert "postgresql://" in dialog.error.text() and not dialog.sync_requested
    dialog.url_edit.setText("postgresql://auditor@central.example/inventory")
    with qtbot.waitSignal(dialog.setup_done, timeout=3000):
        dialog.start_button.click()
    assert dialog.sync_requested
    assert AppContext.create(db=ctx.db_target).config.central_url == "postgresql://auditor@central.example/inventory"


def test_the_sync_page_reopens_the_set_up_questions(qtbot, main_window):
    sync = main_window.features.sync_panel
    dialog = sync.open_setup()
    assert isinstance(dialog, FirstRunDialog)
    dialog.auditor.setText("Eero")
    with qtbot.waitSignal(dialog.setup_done, timeout=3000):
        dialog.start_button.click()
    assert main_window.ctx.config.auditor == "Eero"


@pytest.mark.postgres
def test_central_it_revokes_a_laptop_from_the_window_and_its_file_is_refused(qtbot, central_ctx, enrolment, tmp_path):
    from inventory_app.core.errors import InventoryError
    from inventory_app.storage.store import Store

    laptop = Store.open(tmp_path / "laptop.sqlite")
    try:
        SyncService(laptop).enrol_from_file(enrolment)
        out = tmp_path / "from-laptop.zip"
        SyncService(laptop).export(out)
    finally:
        laptop.close()
    panel = CentralLaptopsPanel(central_ctx)
    qtbot.addWidget(panel)
    assert not panel.revoke_button.isEnabled(), "nothing chosen yet"
    panel.table.selectRow(0)
    assert panel.revoke_button.isEnabled()
    with qtbot.waitSignal(panel.laptop_revoked, timeout=5000):
        assert panel.revoke(str(panel.laptops[0]["replica_id"] or panel.laptops[0]["key_id"]))
    assert panel.laptops[0]["revoked"] and panel.table.item(0, 4).text() == "revoked"
    assert not panel.revoke_button.isEnabled(), "a revoked laptop cannot be revoked twice"
    with pytest.raises(InventoryError, match="revoked"):
        SyncService(central_ctx.store).import_file(out)


def test_enter_in_the_name_field_starts_and_does_not_open_the_file_dialog(qtbot, ctx, monkeypatch):
    """Field trial: Return after typing the name opened "Browse…" (a file dialog) instead of "Start"."""
    monkeypatch.setattr(FileDialogs, "open_file", _no_file_dialog)
    dialog = FirstRunDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.auditor.setFocus()
    qtbot.keyClicks(dialog.auditor, "Aino Auditoija")
    with qtbot.waitSignal(dialog.setup_done, timeout=3000):
        qtbot.keyClick(dialog.auditor, Qt.Key.Key_Return)
    assert AppContext.create(db=ctx.db_target).config.auditor == "Aino Auditoija"
