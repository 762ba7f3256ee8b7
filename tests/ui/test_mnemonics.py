"""Alt+letter shortcuts: one per control on every screen that has them, in Finnish and English.

Field trial: on the City page in Finnish, Alt+N meant the "New contract" button and the Name field at
once (Qt then does nothing), and the reports, labels and backups screens had no Alt keys at all.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from inventory_app.ui.application import install_translators
from inventory_app.ui.mnemonics import assign_mnemonics, controls, menu_letters, mnemonic

ROOT = Path(__file__).resolve().parents[2]
KINDS = ("area", "site", "room", "contract", "model")


@pytest.fixture
def translated(qapp, request):  # type: ignore[no-untyped-def]
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_translations.py"), "--quiet"], check=True)
    install_translators(qapp, request.param)
    yield request.param
    install_translators(qapp, "en")


def _window(qtbot, ctx):  # type: ignore[no-untyped-def]
    from inventory_app.ui.main_window import MainWindow

    window = MainWindow(ctx)  # built after the translators, as at start-up
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    return window


def _clashes(root: QWidget, reserved: set[str]) -> dict[str, list[str]]:
    claims: dict[str, list[str]] = {letter: ["(menu bar)"] for letter in reserved}
    for widget in controls(root):
        letter = mnemonic(widget.text())  # type: ignore[attr-defined]
        if letter:
            claims.setdefault(letter, []).append(widget.text())  # type: ignore[attr-defined]
    return {letter: texts for letter, texts in claims.items() if len(texts) > 1}


def _without_key(root: QWidget, reserved: frozenset[str] = frozenset()) -> list[str]:
    """Controls with no Alt key although one of their letters is free."""
    texts = [w.text() for w in controls(root)]  # type: ignore[attr-defined]
    claimed = {mnemonic(t) for t in texts} | reserved
    return [t for t in texts if mnemonic(t) is None and any(ch.lower() not in claimed for ch in t if ch.isalpha())]


def test_a_free_letter_is_kept_a_taken_one_moves_to_a_word_start():
    assert assign_mnemonics(["&Lessor", "Contract &number"], reserved="n") == ["&Lessor", "&Contract number"]
    assert assign_mnemonics(["&Name", "&Notes"]) == ["&Name", "N&otes"]


def test_an_earlier_control_gives_up_its_letter_when_a_later_one_has_no_other():
    # Finnish City page: "Kustannuspaikka" had no letter left because "(kk)" had taken its only free one.
    out = assign_mnemonics(["Irtisanomisaika (&kk)", "Kustannuspaikka"], reserved="usntiap")
    assert [mnemonic(t) for t in out] == ["r", "k"], out


def test_no_letter_left_means_no_mnemonic_and_a_literal_ampersand_stays():
    assert assign_mnemonics(["&Save"], reserved="save") == ["Save"]
    assert assign_mnemonics(["Sales && returns"], reserved="s") == ["Sales && &returns"]


@pytest.mark.parametrize("translated", ["fi", "en"], indirect=True)
def test_every_city_form_has_one_alt_key_per_control(qtbot, ctx, translated):
    window = _window(qtbot, ctx)
    page = window.features.city_page
    window.show_page(page)
    reserved = menu_letters(window)
    assert reserved, "the menu bar's letters are part of the check"
    for kind in KINDS:
        page.new(kind)
        assert not _clashes(page, reserved), (kind, _clashes(page, reserved))
        assert not _without_key(page, frozenset(reserved)), (kind, _without_key(page, frozenset(reserved)))
        fields = [lb.text() for lb in page.form.findChildren(QLabel) if lb.buddy() is not None]
        assert len(fields) >= 2 and all(mnemonic(t) for t in fields), (kind, " | ".join(fields))


@pytest.mark.parametrize("translated", ["fi"], indirect=True)
def test_alt_and_a_fields_letter_moves_to_that_field_in_finnish(qtbot, ctx, translated):
    window = _window(qtbot, ctx)
    page = window.features.city_page
    window.show_page(page)
    page.new("contract")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    for key in ("lessor", "number", "monthly_fee"):
        field = page.form.widgets[key]
        caption = next(lb for lb in page.form.findChildren(QLabel) if lb.buddy() is field)
        letter = mnemonic(caption.text())
        assert letter, caption.text()
        start = page.form.widgets["cost_centre"]
        start.setFocus()
        qtbot.keyClick(start, letter, Qt.KeyboardModifier.AltModifier)
        assert window.focusWidget() is field, (key, caption.text())


@pytest.mark.parametrize("translated", ["fi", "en"], indirect=True)
def test_labels_backups_targets_and_reports_screens_have_an_alt_key_for_every_control(qtbot, ctx, translated):
    window = _window(qtbot, ctx)
    from inventory_app.ui.targets_dialog import TargetsDialog

    targets = TargetsDialog(ctx, window)
    for dialog in (window.features.open_labels(), window.features.open_backups(), targets):
        qtbot.addWidget(dialog)
        everything = controls(dialog, visible_only=False)
        assert everything
        assert not _without_key(dialog), _without_key(dialog)
        letters = [mnemonic(w.text()) for w in everything]  # type: ignore[attr-defined]
        assert len(letters) == len(set(letters)), [w.text() for w in everything]  # type: ignore[attr-defined]
        dialog.reject()
    reports = window.features.reports_page
    window.show_page(reports)
    assert not _without_key(reports, frozenset(menu_letters(window))), _without_key(reports)
    assert not _clashes(reports, menu_letters(window)), _clashes(reports, menu_letters(window))


@pytest.mark.parametrize("translated", ["fi", "en"], indirect=True)
def test_menu_titles_and_the_items_of_each_menu_have_their_own_letters(qtbot, ctx, translated):
    """Finnish had Alt+T for both Tiedosto and Työkalut."""
    window = _window(qtbot, ctx)
    titles = [a.text() for a in window.menuBar().actions()]
    assert len({mnemonic(t) for t in titles}) == len(titles) and None not in {mnemonic(t) for t in titles}, titles
    for title in window.menuBar().actions():
        items = [a.text() for a in title.menu().actions() if a.text()]
        letters = [mnemonic(t) for t in items if mnemonic(t)]
        assert len(letters) == len(set(letters)), (title.text(), items)
