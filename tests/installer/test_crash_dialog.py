"""An unexpected error shows a plain dialog with details to copy, logs them masked, and loses no data."""

from __future__ import annotations

import logging
import sys
import threading

import pytest
from PySide6.QtGui import QGuiApplication

from inventory_app.app import setup_logging
from inventory_app.context import AppContext
from inventory_app.inventory.service import InventoryService
from inventory_app.paths import UserPaths
from inventory_app.ui.crash_handler import install_crash_handler


@pytest.fixture
def ctx(tmp_path, store_path):
    c = AppContext.create(db=str(store_path), paths=UserPaths.under(tmp_path / "home"))
    yield c
    c.close()


@pytest.fixture
def handler(qapp, ctx):
    root = logging.getLogger("inventory_app")
    saved = list(root.handlers)
    for old in saved:  # earlier tests' CLI runs left handlers pointing at their own folders
        root.removeHandler(old)
    setup_logging(ctx.paths)
    h = install_crash_handler(qapp, ctx)
    yield h
    h.uninstall()
    if h.dialog is not None:
        h.dialog.close()
    for extra in list(root.handlers):
        root.removeHandler(extra)
        extra.close()
    for old in saved:
        root.addHandler(old)


def _raise_in_a_slot() -> None:
    raise ConnectionError("postgresql://sync:pa55word@central.city.fi/inv refused the connection")


def test_an_unexpected_error_shows_the_dialog_and_copy_details_gives_the_masked_report(qtbot, handler, ctx):
    with qtbot.waitSignal(handler.crash_shown, timeout=3000) as shown:
        try:
            _raise_in_a_slot()
        except ConnectionError:
            sys.excepthook(*sys.exc_info())
    dialog = shown.args[0]
    qtbot.addWidget(dialog)
    assert dialog.isVisible()
    assert "work up to now is saved" in dialog.message.text()
    assert "ConnectionError" in dialog.summary.text() and "pa55word" not in dialog.summary.text()

    with qtbot.waitSignal(dialog.details_copied, timeout=3000) as copied:
        dialog.copy_button.click()
    report = QGuiApplication.clipboard().text()
    assert report == copied.args[0]
    assert "Traceback" in report and "_raise_in_a_slot" in report  # useful to support
    assert "Store schema (this build)" in report and "Qt (runtime)" in report
    assert "pa55word" not in report and "sync:" not in report  # and safe to send
    log_text = handler.log_path.read_text(encoding="utf-8")
    assert "ConnectionError" in log_text and "pa55word" not in log_text


def test_an_error_on_a_worker_thread_reaches_the_ui_thread(qtbot, handler):
    def work() -> None:
        raise ValueError("bad frame")

    with qtbot.waitSignal(handler.crash_shown, timeout=3000) as shown:
        t = threading.Thread(target=work)
        t.start()
        t.join()
    qtbot.addWidget(shown.args[0])
    assert "ValueError: bad frame" in shown.args[0].summary.text()


def test_a_second_error_while_the_dialog_is_open_does_not_stack_dialogs(qtbot, handler):
    with qtbot.waitSignal(handler.crash_shown, timeout=3000) as shown:
        sys.excepthook(RuntimeError, RuntimeError("first"), None)
    qtbot.addWidget(shown.args[0])
    sys.excepthook(RuntimeError, RuntimeError("second"), None)
    assert handler.repeats == 1 and handler.dialog is shown.args[0]


def test_quit_from_the_dialog_asks_the_app_to_quit(qtbot, handler):
    with qtbot.waitSignal(handler.crash_shown, timeout=3000) as shown:
        sys.excepthook(RuntimeError, RuntimeError("boom"), None)
    dialog = shown.args[0]
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.quit_requested, timeout=3000):
        dialog.quit_button.click()
    assert not dialog.isVisible()


def test_work_committed_before_a_crash_is_still_there(qtbot, handler, ctx, store_path):
    from inventory_app.storage.schema import AreaRecord, RoomRecord, SiteRecord

    with ctx.store.unit_of_work() as uow:
        area = AreaRecord(name="A")
        uow.session.add(area)
        uow.flush()
        site = SiteRecord(name="S", code="KOI", area_id=area.id, kind="primary")
        uow.session.add(site)
        uow.flush()
        uow.session.add(RoomRecord(site_id=site.id, code="A1", kind="classroom"))
    InventoryService(ctx.store).add(tag="HKI0012376", category="pupil_laptop", site="KOI", room="A1", fields={})
    with qtbot.waitSignal(handler.crash_shown, timeout=3000) as shown:
        sys.excepthook(RuntimeError, RuntimeError("crash right after a scan"), None)
    qtbot.addWidget(shown.args[0])
    # Another process (the restarted app) sees the device: it was committed, not held in memory.
    other = AppContext.create(db=str(store_path), paths=ctx.paths)
    try:
        assert InventoryService(other.store).show("HKI0012376").room == "A1"
    finally:
        other.close()


def test_qt_warnings_go_to_the_log(handler, caplog):
    from PySide6.QtCore import qWarning

    with caplog.at_level(logging.WARNING, logger="inventory_app.qt"):
        qWarning("a Qt warning for the log")
    assert any("a Qt warning for the log" in r.getMessage() for r in caplog.records)
