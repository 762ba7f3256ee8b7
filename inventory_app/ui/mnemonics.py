"""One Alt+letter per control: keyboard-first forms whose shortcuts never clash, in any language.

Translators cannot see which letters the other labels of a screen have taken (in Finnish "&Nimi",
"&Numero" and "Uusi sopimus (&N)" all wanted N), and two controls with the same Alt+letter make Qt
do nothing at all (an ambiguous shortcut). So a screen calls :func:`spread_mnemonics` after building
(or rebuilding) its controls: it keeps each control's own letter where it is free and moves or adds
one where it is not, preferring the first letters of words. Letters the window's menu bar uses
(Alt+F for the File menu) are never given to a control.

Controls are buttons (push, check and radio) and labels that name a field (labels with a buddy,
as QFormLayout makes them). A control with no free letter left keeps no mnemonic.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QLabel, QMenu, QMenuBar, QTabBar, QWidget

_MARK = re.compile(r"&([^&\s])")


def mnemonic(text: str) -> str | None:
    """The Alt+letter that ``text`` claims (lower case), or None."""
    match = _MARK.search(text.replace("&&", ""))
    return match.group(1).lower() if match else None


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&&")


def _candidates(text: str) -> tuple[str, list[int]]:
    """The text without its mark, and the positions worth a mnemonic in the order preferred: the
    translator's own letter, then first letters of words, then the other letters."""
    plain = _plain(text)
    own = _MARK.search(text.replace("&&", "\0\0"))
    letters = [i for i, ch in enumerate(plain) if ch.isalpha()]
    initials = [i for i in letters if i == 0 or not plain[i - 1].isalnum()]
    order = initials + [i for i in letters if i not in initials]
    if own is not None:
        mark = own.start()  # the mark's position is the letter's position in the plain text
        order = [mark] + [i for i in order if i != mark]
    return plain, order


def assign_mnemonics(texts: list[str], reserved: Iterable[str] = ()) -> list[str]:
    """``texts`` with one Alt+letter each, none of them ``reserved`` and no two alike.

    As many texts as possible get a letter (a matching: an earlier text gives up its letter for
    another of its own when a later one has no other choice); each prefers its own, then word
    starts. Earlier texts win ties. A text none of whose letters is left gets no mark.
    """
    taken = {letter.lower() for letter in reserved}
    options = [_candidates(text) for text in texts]
    owner: dict[str, int] = {}
    chosen: list[int | None] = [None] * len(texts)

    def place(i: int, seen: set[str]) -> bool:
        plain, order = options[i]
        usable = [p for p in order if plain[p].lower() not in taken]
        # A free letter first; only when none is left, ask an owner to move to another of its own.
        for pos in [p for p in usable if plain[p].lower() not in owner] + usable:
            letter = plain[pos].lower()
            if letter in seen:
                continue
            seen.add(letter)
            if letter not in owner or place(owner[letter], seen):
                owner[letter] = i
                chosen[i] = pos
                return True
        return False

    for i in range(len(texts)):
        place(i, set())
    out = []
    for (plain, _order), pos in zip(options, chosen, strict=True):
        out.append(plain if pos is None else plain[:pos] + "&" + plain[pos:])
    return out


def _hidden_in(widget: QWidget, root: QWidget) -> bool:
    """Hidden on purpose (by the widget or a parent below ``root``): a field a layout has just
    added counts as shown, though Qt shows it only at the next turn of the event loop."""
    current: QWidget | None = widget
    while current is not None and current is not root:
        if current.testAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide) and current.isHidden():
            return True
        current = current.parentWidget()
    return False


def controls(root: QWidget, *, visible_only: bool = True) -> list[QWidget]:
    """The field labels, then the buttons, under ``root`` that take part, each in the order made:
    a field is what is typed into, so its label chooses its letter first."""
    labels: list[QWidget] = []
    buttons: list[QWidget] = []
    for child in root.findChildren(QWidget):
        if visible_only and _hidden_in(child, root):
            continue
        if isinstance(child, QAbstractButton) and child.text() and not isinstance(child.parent(), QTabBar):
            buttons.append(child)
        elif isinstance(child, QLabel) and child.buddy() is not None and child.text():
            labels.append(child)
    return labels + buttons


def menu_letters(window: QWidget | None) -> set[str]:
    """The letters the window's menu bar titles claim (Alt+F opens File)."""
    letters: set[str] = set()
    bar = window.findChild(QMenuBar) if window is not None else None
    if bar is not None:
        for action in bar.actions():
            letter = mnemonic(action.text())
            if letter:
                letters.add(letter)
    return letters


def spread_mnemonics(movable: list[QWidget], *, reserved: Iterable[str] = ()) -> None:
    """Give the ``movable`` controls one Alt+letter each, none of the ``reserved`` ones."""
    texts = [_text(widget) for widget in movable]
    for widget, old, new in zip(movable, texts, assign_mnemonics(texts, reserved), strict=True):
        if new != old:
            widget.setText(new)  # type: ignore[attr-defined]


def spread_menus(bar: QMenuBar) -> None:
    """One letter per menu title, and one per item within each menu (Finnish had Alt+T twice)."""
    _spread_actions([a for a in bar.actions() if a.text()])
    for title in bar.actions():
        menu = title.menu()
        if isinstance(menu, QMenu):
            _spread_actions([a for a in menu.actions() if a.text() and not a.isSeparator()])


def _spread_actions(actions: list[QAction]) -> None:
    texts = [a.text() for a in actions]
    for action, old, new in zip(actions, texts, assign_mnemonics(texts), strict=True):
        if new != old:
            action.setText(new)


def spread_in(root: QWidget, *, visible_only: bool = False) -> None:
    """Every control under ``root`` (a dialog or page) gets its own letter, clear of the menu bar's."""
    spread_mnemonics(controls(root, visible_only=visible_only), reserved=menu_letters(root.window()))


def _text(widget: QWidget) -> str:
    return str(widget.text()) if hasattr(widget, "text") else ""
