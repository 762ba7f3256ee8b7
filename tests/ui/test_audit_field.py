"""What an auditor notices in the first hour: a device of another school, placeholders, a screen that
stays put (splitter, card), focus after dialogs, the first key in the missing-devices dialog, saved
observations confirming themselves, the labels dialog's site and one pending count."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from inventory_app.core.enums import ScanOutcome
from inventory_app.inventory.service import InventoryService

LONG_MAIN = (
    "HKI0001237 · Interaktiivinen näyttö · Promethean ActivPanel Titanium Pro 86 tuumaa 4K "
    "kosketusnäyttö opettajan pöydän vieressä luokan etuosassa"
)
LONG_DETAIL = (
    "Kuuluu kohteeseen Koivukylän yhtenäiskoulun Itä-Helsingin toimipiste (huone A101-LUONNONTIEDE). "
    "Kirjattu täällä nähdyksi; siirrä se tähän kouluun: Alt+M. Lisäksi pitkä selitys, joka jatkuu."
)
UNBROKEN = "X" * 120


def scan(qtbot, page, code: str):  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(page.scan_shown, timeout=5000) as shown:
        page.handle_code(code)
    return shown.args[0]


def start(qtbot, page, school):  # type: ignore[no-untyped-def]
    page.start_audit(school.site_id, "Aino")
    with qtbot.waitSignal(page.scan_shown, timeout=5000):
        page.pick_room(school.rooms["A101"])


def test_a_device_of_another_school_gets_its_own_card_and_moves_on_alt_m(qtbot, main_window, ctx, school):
    page = main_window.audit_page
    main_window.show_page(page)
    start(qtbot, page, school)
    other_tag = school.tags["B1"][0]
    result = scan(qtbot, page, other_tag)
    assert result.outcome is ScanOutcome.OTHER_SITE
    assert page.card.title.text() == "FROM ANOTHER SCHOOL" and "Tapanilan lukio" in page.card.detail.text()
    assert page.card.move_button.isVisibleTo(page.card) and page.card.look == "other_site"
    assert InventoryService(ctx.store).show(other_tag).site_id == school.other_site_id  # nothing moved yet
    with qtbot.waitActive(main_window):
        main_window.activateWindow()
    qtbot.keyClick(page.scan_field, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    assert page.last_result.outcome is ScanOutcome.MOVED
    moved = InventoryService(ctx.store).show(other_tag)
    assert moved.site_id == school.site_id and moved.room == "A101"
    assert page.card.title.text() == "MOVED TO THIS SCHOOL" and "Tapanilan lukio" in page.card.detail.text()
    page.undo_last()
    back = InventoryService(ctx.store).show(other_tag)
    assert back.site_id == school.other_site_id and back.room == "B1" and back.last_seen is None


def test_keep_to_sort_out_later_is_shown_as_a_placeholder_not_found(qtbot, main_window, ctx, school):
    page = main_window.audit_page
    start(qtbot, page, school)
    assert scan(qtbot, page, "MYSTERY-42").outcome is ScanOutcome.UNKNOWN
    result = page.keep_placeholder()
    assert result is not None and result.device.status == "placeholder"
    assert page.card.title.text() == "KEPT TO SORT OUT" and page.card.look == "placeholder"
    assert "Kept to sort out" in page.history.item(0).text() and "MYSTERY-42" in page.history.item(0).text()
    row = next(r for r in range(page.room_model.rowCount()) if page.room_model.index(r, 4).data() == "MYSTERY-42")
    assert page.room_model.index(row, 0).data() == "? kept to sort out"


@pytest.mark.parametrize("texts", [(LONG_MAIN, LONG_DETAIL), (UNBROKEN, UNBROKEN)])
def test_long_card_texts_neither_shrink_the_tree_nor_overlap(qtbot, main_window, school, texts):
    page = main_window.audit_page
    main_window.show_page(page)
    start(qtbot, page, school)
    main_window.splitter.setSizes([340, 1026])
    QApplication.processEvents()
    before = main_window.splitter.sizes()
    page.card.show_result("other_site", "TOISEN KOULUN LAITE", texts[0], texts[1], move_here=True, undo=True)
    page.counts_label.setText(UNBROKEN)
    page.progress_label.setText(UNBROKEN)
    QApplication.processEvents()
    assert main_window.splitter.sizes() == before
    card = page.card
    shown = [w for w in (card.title, card.main, card.detail, *card.buttons) if w.isVisibleTo(card)]
    for i, a in enumerate(shown):
        assert card.rect().contains(a.geometry()), a.objectName()
        for b in shown[i + 1 :]:
            assert not a.geometry().intersects(b.geometry()), (a.objectName(), b.objectName())
    for name in ("title", "main", "detail"):
        assert card.text_fits(name) or texts[0] == UNBROKEN, name


def test_missing_dialog_first_key_acts_on_the_first_row(qtbot, main_window, school):
    page = main_window.audit_page
    main_window.show_page(page)
    with qtbot.waitActive(main_window):
        main_window.activateWindow()
    start(qtbot, page, school)
    dialog = page.finish()
    assert dialog is not None
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        pass
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.table, timeout=3000)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_L)
    assert dialog.combos[0].currentData() == "lost"
    dialog.reject()
    qtbot.waitUntil(lambda: main_window.focusWidget() is page.scan_field, timeout=3000)


def test_focus_returns_to_the_scan_field_after_a_dialog_of_the_window(qtbot, main_window, school):
    page = main_window.audit_page
    main_window.show_page(page)
    with qtbot.waitActive(main_window):
        main_window.activateWindow()
    start(qtbot, page, school)
    dialog = main_window.features.open_labels()
    with qtbot.waitExposed(dialog):
        pass
    dialog.reject()
    qtbot.waitUntil(lambda: main_window.focusWidget() is page.scan_field, timeout=3000)


def test_labels_dialog_opens_on_the_audited_site(qtbot, main_window, school):
    page = main_window.audit_page
    start(qtbot, page, school)
    dialog = main_window.features.open_labels()
    qtbot.addWidget(dialog)
    assert dialog.site_combo.currentData() == "KOI01"
    dialog.reject()


def test_a_saved_observation_confirms_itself(qtbot, main_window, school):
    page = main_window.audit_page
    start(qtbot, page, school)
    dialog = page.open_observation("printing")
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(page.status_message, timeout=3000) as said:
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert said.args[0] == "Observation saved: Printing in A101"
    assert main_window.statusBar().currentMessage() == said.args[0]
    assert said.args[0] in page.history.item(0).text()


def test_observation_check_message_never_lies_over_the_note(qtbot, main_window, school):
    page = main_window.audit_page
    start(qtbot, page, school)
    dialog = page.open_observation("network")
    qtbot.addWidget(dialog)
    dialog.figures.setText("Yhteyttä ei voitu mitata: " + "palvelin ei vastannut määräajassa, " * 8)
    dialog.adjustSize()
    QApplication.processEvents()
    note, figures = dialog.note.geometry(), dialog.figures.geometry()
    note_in_dialog = note.translated(dialog.note.parentWidget().mapTo(dialog, note.topLeft()) - note.topLeft())
    figures_in_dialog = figures.translated(
        dialog.figures.parentWidget().mapTo(dialog, figures.topLeft()) - figures.topLeft()
    )
    assert not note_in_dialog.intersects(figures_in_dialog)
    assert figures.height() >= dialog.figures.heightForWidth(figures.width()) - 2
    dialog.reject()


def test_the_sync_page_and_the_status_bar_say_the_same_pending_count(qtbot, main_window, ctx, school):
    panel = main_window.features.sync_panel
    main_window.show_page(panel)
    InventoryService(ctx.store).set(school.tags["A101"][0], {"status": "broken"})
    main_window.update_status()
    pending = ctx.store.pending_changes()
    assert main_window.pending_label.text().startswith(str(pending))
    assert panel.detail_label.text().startswith(f"{pending} ")


def test_a_label_that_is_no_room_leaves_the_room_in_the_list_too(qtbot, main_window, school):
    page = main_window.audit_page
    start(qtbot, page, school)
    result = scan(qtbot, page, "RMNOWHERE99")
    assert result.outcome is ScanOutcome.INVALID and page.card.title.text() == "NOT A ROOM HERE"
    with qtbot.waitSignal(page.counts_updated, timeout=3000):
        page.refresh_counts()
    page.wait_for_scans()
    QApplication.processEvents()
    assert page.room_combo.currentData() == "" and page.progress_label.text().startswith("No room yet")


def test_a_device_of_another_school_can_still_be_moved_after_a_restart(qtbot, store, store_path, school):
    """Field trial: after a restart the device gave "REPEAT, already recorded in this room" (it is
    recorded at another school) and Alt+M did nothing."""
    from tests.ui.test_audit_end_to_end import open_window, wedge

    other_tag = school.tags["B1"][0]
    window = open_window(qtbot, store_path)
    page = window.audit_page
    window.show_page(page)
    start(qtbot, page, school)
    assert wedge(qtbot, page, other_tag).outcome is ScanOutcome.OTHER_SITE
    window.close()
    window.ctx.close()

    window = open_window(qtbot, store_path)  # the audit resumes on its own
    page = window.audit_page
    assert page.session is not None and page.card.title.text() == "AUDIT RESUMED"
    assert page.card.move_button.isVisibleTo(page.card) and other_tag in page.card.detail.text()
    again = wedge(qtbot, page, other_tag)
    assert again.outcome is ScanOutcome.OTHER_SITE
    assert page.card.title.text() == "FROM ANOTHER SCHOOL" and "Tapanilan lukio" in page.card.detail.text()
    assert page.card.move_button.isVisibleTo(page.card)
    with qtbot.waitSignal(page.scan_shown, timeout=5000) as shown:
        qtbot.keyClick(page.scan_field, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    assert shown.args[0].outcome is ScanOutcome.MOVED
    moved = InventoryService(store).show(other_tag)
    assert moved.site_id == school.site_id and moved.room == "A101"
    window.close()
    window.ctx.close()


def test_alt_m_right_after_a_restart_moves_the_waiting_device(qtbot, store, store_path, school):
    from tests.ui.test_audit_end_to_end import open_window, wedge

    other_tag = school.tags["B1"][0]
    window = open_window(qtbot, store_path)
    page = window.audit_page
    window.show_page(page)
    start(qtbot, page, school)
    wedge(qtbot, page, other_tag)
    window.close()
    window.ctx.close()
    window = open_window(qtbot, store_path)
    page = window.audit_page
    with qtbot.waitSignal(page.scan_shown, timeout=5000) as shown:
        qtbot.keyClick(page.scan_field, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    assert shown.args[0].outcome is ScanOutcome.MOVED
    assert InventoryService(store).show(other_tag).site_id == school.site_id
    window.close()
    window.ctx.close()
