"""Choosing the school for an audit by typing. Field trial: the box started with a school filled in but
not selected, so typing "Pulpin" gave "Joutsenon koulu (JOU01)Pulpin" and was refused."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from inventory_app.inventory.structure import StructureService


def _type(qtbot, widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type like a keyboard, Finnish letters too (QTest's keyClicks knows ASCII only)."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def _panel(qtbot, main_window, school):  # type: ignore[no-untyped-def]
    page = main_window.audit_page
    main_window.show_page(page)
    with qtbot.waitActive(main_window):
        main_window.activateWindow()
    page.set_tree_site(school.site_id)  # the tree's school is shown, as in the field trial
    page.start_panel.focus_first()
    return page.start_panel


def test_typing_replaces_the_school_shown_and_enter_starts_there(qtbot, main_window, school):
    panel = _panel(qtbot, main_window, school)
    edit = panel.site.lineEdit()
    assert panel.site.currentText() == "Koivukylän koulu (KOI01)"
    assert edit.hasFocus() and edit.selectedText() == "Koivukylän koulu (KOI01)"
    qtbot.keyClicks(edit, "Tapanilan")
    assert not panel.site.currentText().startswith("Koivukylän")
    with qtbot.waitSignal(panel.start_requested, timeout=3000) as started:
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert started.args[0] == school.other_site_id


def test_a_click_or_the_alt_key_selects_the_text_too(qtbot, main_window, school):
    panel = _panel(qtbot, main_window, school)
    edit = panel.site.lineEdit()
    panel.auditor.setFocus()
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: edit.selectedText() == edit.text() != "", timeout=3000)
    panel.auditor.setFocus()
    qtbot.keyClick(panel.auditor, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)  # "S&ite"
    qtbot.waitUntil(lambda: edit.hasFocus() and edit.selectedText() == edit.text(), timeout=3000)


def test_any_part_of_a_finnish_name_or_code_in_any_case_finds_the_school(qtbot, main_window, ctx, school):
    site = StructureService(ctx.store).add_site("YLA01", name="Ylämaan koulu", area="Pohjoinen", kind="primary")
    main_window.show_page(main_window.device_page)
    panel = _panel(qtbot, main_window, school)
    edit = panel.site.lineEdit()
    for typed, wanted in (
        ("ylämaa", site.id),
        ("YLÄMAAN", site.id),
        ("lukio", school.other_site_id),
        ("koi01", school.site_id),
    ):
        edit.selectAll()
        _type(qtbot, edit, typed)
        with qtbot.waitSignal(panel.start_requested, timeout=3000) as started:
            qtbot.keyClick(edit, Qt.Key.Key_Return)
        assert started.args[0] == wanted, typed


def test_no_school_is_chosen_for_the_auditor_without_one_in_the_tree(qtbot, main_window, school):
    page = main_window.audit_page
    main_window.show_page(page)
    page.show_start_panel()
    panel = page.start_panel
    assert panel.site.currentText() == "" and panel.site.lineEdit().placeholderText()
    with qtbot.assertNotEmitted(panel.start_requested):
        qtbot.keyClick(panel.site.lineEdit(), Qt.Key.Key_Return)
    assert panel.error.text()
