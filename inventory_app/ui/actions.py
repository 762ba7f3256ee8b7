"""Actions with a shortcut whose tooltip names the key, as every menu, toolbar and button here shows it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence


def shortcut_action(
    parent: QObject,
    text: str,
    keys: str | QKeySequence | QKeySequence.StandardKey,
    slot: Callable[..., Any],
    *,
    context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut,
) -> QAction:
    """``QAction(text)`` with ``keys``, the tooltip "Text (Ctrl+X)", and ``slot`` on trigger."""
    action = QAction(text, parent)
    action.setShortcut(keys if isinstance(keys, QKeySequence) else QKeySequence(keys))
    action.setShortcutContext(context)
    native = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    action.setToolTip(f"{text.replace('&', '').rstrip('…')} ({native})")
    action.triggered.connect(slot)
    return action
