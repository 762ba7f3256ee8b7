"""Audit mode's keyboard actions: one key each, shown on buttons and in tooltips, enabled only while the
audit page is shown (other pages reuse keys like Ctrl+Z) and, for most, only while an audit is open."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from inventory_app.ui.actions import shortcut_action


class AuditActions(QObject):
    """The page's actions, built on ``page`` (so their shortcuts work in it); ``slots`` names what each does."""

    def __init__(
        self, page: QWidget, add_button: Callable[[QAction], Any], slots: dict[str, Callable[[], Any]]
    ) -> None:
        super().__init__(page)
        self._page, self._add_button = page, add_button

        def make(text: str, keys: str, slot: str, button: bool = True) -> QAction:
            action = shortcut_action(page, text, keys, slots[slot])
            page.addAction(action)
            if button:
                add_button(action)
            return action

        self.undo = make(self.tr("&Undo last scan"), "Ctrl+Z", "undo")
        self.observation = make(self.tr("&Observation…"), "Ctrl+O", "observation")
        self.import_log = make(self.tr("&Import scan log…"), "Ctrl+I", "import_log")
        self.finish = make(self.tr("&Finish audit…"), "Ctrl+Shift+F", "finish")
        self.new_audit = make(self.tr("&New audit…"), "Ctrl+Shift+N", "new_audit")
        self.room = make(self.tr("Pick &room"), "Ctrl+R", "room", button=False)
        self.scan_focus = make(self.tr("Back to the &scan field"), "Esc", "scan_focus", button=False)
        # The card's buttons: the same keys in every language (a mnemonic would change with the words).
        self.add = make(self.tr("Add the unknown code as a device"), "Alt+A", "add", button=False)
        self.keep = make(self.tr("Keep the unknown code to sort out later"), "Alt+K", "keep", button=False)
        self.move = make(self.tr("Move the device of another school here"), "Alt+M", "move", button=False)
        self.back_in_use = make(
            self.tr("Put the device found marked retired back in use"), "Alt+B", "back_in_use", button=False
        )

    def all(self) -> list[QAction]:
        return [
            self.undo,
            self.room,
            self.observation,
            self.import_log,
            self.finish,
            self.new_audit,
            self.scan_focus,
            self.add,
            self.keep,
            self.move,
            self.back_in_use,
        ]

    def set_active(self, active: bool, in_audit: bool) -> None:
        for action in self.all():
            action.setEnabled(active and (in_audit or action in (self.new_audit, self.scan_focus)))
