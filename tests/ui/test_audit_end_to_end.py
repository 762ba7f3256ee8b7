"""Issue 3's end-to-end audit, typed as a keyboard-wedge scanner types: code + Enter in the scan field."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from inventory_app.context import AppContext
from inventory_app.core.enums import MissingDecision, ScanOutcome
from inventory_app.inventory.service import InventoryService
from inventory_app.storage.schema import AuditDecisionRecord, AuditRecord, ScanEventRecord
from inventory_app.ui.main_window import MainWindow


def wedge(qtbot, page, text: str):  # type: ignore[no-untyped-def]
    """Type ``text`` and Enter into whatever has the focus, like a USB scanner; return the shown result."""
    focused = QApplication.focusWidget()
    assert focused is page.scan_field, f"focus is on {focused!r}, not the scan field"
    with (
        qtbot.waitSignal(page.scan_shown, timeout=5000) as shown,
        qtbot.waitSignal(page.counts_updated, timeout=5000),
    ):  # the progress line follows the card
        qtbot.keyClicks(focused, text)
        qtbot.keyClick(focused, Qt.Key.Key_Return)
    assert page.scan_field.text() == ""
    return shown.args[0]


def events(store) -> list[tuple[str, str]]:
    with store.read() as s:
        return [(e.outcome, e.code) for e in s.scalars(select(ScanEventRecord).order_by(ScanEventRecord.scanned_at))]


def open_window(qtbot, store_path) -> MainWindow:  # type: ignore[no-untyped-def]
    ctx = AppContext.create(db=str(store_path))
    ctx.config.sound = False
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    with qtbot.waitActive(window):  # shortcuts only reach the active window
        window.show()
        window.activateWindow()
    return window


def test_a_whole_audit_by_keyboard_survives_a_restart(qtbot, store, store_path, school):
    window = open_window(qtbot, store_path)
    page = window.audit_page
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # Ctrl+2: audit mode
    assert window.pages.currentWidget() is page
    # Start: the site list has the focus; pick the school by typing and press Enter.
    panel = page.start_panel
    panel.site.setCurrentIndex(panel.site.findData(school.site_id))
    qtbot.keyClicks(panel.auditor, "Aino Auditor")
    with qtbot.waitSignal(page.audit_changed, timeout=5000):
        qtbot.keyClick(panel.auditor, Qt.Key.Key_Return)
    assert page.session is not None and page.session.site_id == school.site_id
    assert QApplication.focusWidget() is page.scan_field

    a101, a102 = school.tags["A101"], school.tags["A102"]
    with qtbot.waitSignal(page.room_loaded, timeout=5000):
        room = wedge(qtbot, page, school.labels["A101"])
    assert room.outcome is ScanOutcome.ROOM and page.room_combo.currentData() == school.rooms["A101"]
    assert page.progress_label.text() == "0 of 4 expected in A101 found"
    assert page.room_model.rowCount() == 4

    found = wedge(qtbot, page, a101[0])
    assert found.outcome is ScanOutcome.FOUND and page.card.look == "found" and page.card.title.text() == "FOUND"
    assert page.room_model.state_of(found.device.id) == "found"
    # Scanner noise: an AIM symbology prefix and spaces around the code (a line edit drops control keys).
    noisy = wedge(qtbot, page, f"]C1 {a101[1]}  ")
    assert noisy.outcome is ScanOutcome.FOUND and noisy.code == a101[1]
    assert page.progress_label.text() == "2 of 4 expected in A101 found"

    unknown = wedge(qtbot, page, "SN-NOT-IN-INVENTORY")
    assert unknown.outcome is ScanOutcome.UNKNOWN and page.card.look == "unknown"
    assert page.card.add_button.isVisibleTo(page) and page.card.keep_button.isVisibleTo(page)
    with qtbot.waitSignal(page.scan_shown, timeout=5000) as kept, qtbot.waitSignal(page.counts_updated, timeout=5000):
        qtbot.keyClick(page.scan_field, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)  # Keep as placeholder
    assert kept.args[0].device.status == "placeholder" and QApplication.focusWidget() is page.scan_field
    assert page.room_model.rowCount() == 5

    moved = wedge(qtbot, page, a102[0])
    assert moved.outcome is ScanOutcome.MOVED and page.card.look == "moved" and page.card.undo_button.isVisibleTo(page)
    assert "A102" in page.card.detail.text() and page.room_model.rowCount() == 6
    assert InventoryService(store).show(a102[0]).room == "A101"

    repeat = wedge(qtbot, page, a101[0])
    assert repeat.outcome is ScanOutcome.REPEAT and page.card.look == "repeat"

    wrong_check = a101[2][:-1] + ("A" if a101[2][-1] != "A" else "B")
    before_invalid = events(store)
    invalid = wedge(qtbot, page, wrong_check)
    assert invalid.outcome is ScanOutcome.INVALID and "check character" in page.card.detail.text().lower()
    empty = wedge(qtbot, page, "")
    assert empty.outcome is ScanOutcome.INVALID and page.card.title.text() == "NOTHING SCANNED"
    assert events(store) == before_invalid  # nothing wrong recorded

    # Undo the move with Ctrl+Z in the scan field: the projector goes back to A102.
    with (
        qtbot.waitSignal(page.scan_shown, timeout=5000) as undone,
        qtbot.waitSignal(page.counts_updated, check_params_cb=lambda text: "moved" not in text),
    ):
        qtbot.keyClick(page.scan_field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert undone.args[0].outcome is ScanOutcome.UNDO and page.card.look == "undo"
    assert InventoryService(store).show(a102[0]).room == "A102"
    assert page.room_model.rowCount() == 5
    # Repeats and invalid codes are not recorded (by design), so only recorded outcomes are compared.
    recorded = ("found", "moved", "unknown", "ambiguous")
    counts_before = {k: page.session.counts()[k] for k in recorded}
    progress_before = page.progress_label.text()
    audit_id = page.session.audit_id
    stored_before = events(store)

    # Restart mid-audit: close the window (or the process dies), open a new one on the same store.
    window.close()
    window.ctx.close()
    window = open_window(qtbot, store_path)
    page = window.audit_page
    if not page.progress_label.text():  # the progress line follows on the first turn of the event loop
        with qtbot.waitSignal(page.counts_updated, timeout=5000):
            pass
    assert window.pages.currentWidget() is page
    assert page.session is not None and page.session.audit_id == audit_id
    assert page.session.current_room_code == "A101" and page.room_combo.currentData() == school.rooms["A101"]
    assert {k: page.session.counts()[k] for k in recorded} == counts_before
    assert page.progress_label.text() == progress_before
    assert page.card.title.text() == "AUDIT RESUMED"
    assert {page.room_model.state_of(InventoryService(store).show(t).id) for t in a101[:2]} == {"found"}
    assert page.history.count() == len(stored_before)
    assert events(store) == stored_before
    assert QApplication.focusWidget() is page.scan_field

    # Carry on in A102 (picked from the list this time) and finish.
    wedge(qtbot, page, school.labels["A102"])
    assert wedge(qtbot, page, a102[1]).outcome is ScanOutcome.FOUND
    with qtbot.waitSignal(page.scan_shown, timeout=5000):
        page.handle_code(school.labels["A101"])
    dialog = page.finish()
    assert dialog is not None
    qtbot.addWidget(dialog)
    missing_tags = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    assert missing_tags == sorted([a101[2], a101[3]]) + [a102[0]]
    dialog.table.selectRow(0)
    qtbot.keyClick(dialog.table, Qt.Key.Key_L)
    dialog.table.selectRow(2)
    qtbot.keyClick(dialog.table, Qt.Key.Key_R)
    with qtbot.waitSignal(page.audit_changed, timeout=5000):
        dialog.finish_button.click()
    assert page.session is None and page.card.title.text() == "AUDIT FINISHED"
    assert "3 missing: 1 lost, 1 retired, 1 not checked" in page.card.detail.text()

    service = InventoryService(store)
    assert service.show(a101[2]).status == "lost"
    assert service.show(a101[3]).status == "in_use"
    assert service.show(a102[0]).status == "retired"
    with store.read() as s:
        audit = s.get(AuditRecord, audit_id)
        assert audit.status == "finished" and audit.finished_at is not None
        decisions = dict(
            s.execute(
                select(AuditDecisionRecord.decision, func.count())
                .where(AuditDecisionRecord.audit_id == audit_id)
                .group_by(AuditDecisionRecord.decision)
            ).all()
        )
    assert decisions == {
        MissingDecision.LOST.value: 1,
        MissingDecision.RETIRED.value: 1,
        MissingDecision.NOT_CHECKED.value: 1,
    }
    outcomes = [o for o, _ in events(store)]
    assert outcomes.count("moved") == 1 and outcomes.count("undo") == 1 and outcomes.count("unknown") == 1
    assert service.show("SN-NOT-IN-INVENTORY").status == "placeholder"
    window.close()
