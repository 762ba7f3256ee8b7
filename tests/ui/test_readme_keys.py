"""The README names the keys the window really has (a tester found Alt+A in the README where the
Finnish card said Alt+L)."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtGui import QAction, QKeySequence

README = Path(__file__).resolve().parents[2] / "README.md"
KEY = re.compile(r"\b(?:(?:Ctrl|Alt|Shift)\+)+(?:F\d+|[A-Z0-9,]|Enter)\b|\bEsc\b|\bF\d\b")


def _readme_keys() -> set[str]:
    text = README.read_text(encoding="utf-8")
    section = text[text.index("An audit needs no mouse") : text.index("## Two commands")]
    return {QKeySequence(k).toString(QKeySequence.SequenceFormat.PortableText) for k in KEY.findall(section)}


def test_readme_and_window_name_the_same_keys(main_window):
    window_keys = {
        a.shortcut().toString(QKeySequence.SequenceFormat.PortableText)
        for a in main_window.findChildren(QAction)
        if not a.shortcut().isEmpty()
    }
    readme = _readme_keys()
    assert readme - window_keys == set(), "keys in the README that no action has"
    audit_keys = {
        a.shortcut().toString(QKeySequence.SequenceFormat.PortableText) for a in main_window.audit_page.page_actions()
    }
    assert audit_keys - readme == set(), "audit keys the README does not name"
