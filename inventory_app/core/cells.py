"""Spreadsheet-safe text: the one rule for every CSV and XLSX cell this app writes or reads back.

A cell whose text starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read by
Excel and LibreOffice as a formula (OWASP, "CSV Injection"): ``=HYPERLINK(...)`` in a device's notes
would become a live link in a controller's spreadsheet. Such text is written with a leading
apostrophe, which spreadsheets show as plain text, and :func:`restore_text` removes it again on
import, so a round trip keeps the text exactly. Numbers are not text and are never touched: a
negative amount stays a number.
"""

from __future__ import annotations

from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_QUOTE = "'"


def neutralise_text(text: str) -> str:
    """Text that no spreadsheet evaluates: a leading apostrophe before a formula-like start.

    Text that already starts with the apostrophe gets a second one, so :func:`restore_text` can
    always undo exactly one.
    """
    if text.startswith(FORMULA_STARTS) or (text.startswith(_QUOTE) and text[1:].startswith(FORMULA_STARTS + (_QUOTE,))):
        return _QUOTE + text
    return text


def restore_text(text: str) -> str:
    """Undo :func:`neutralise_text` (for imports of files this app wrote)."""
    if text.startswith(_QUOTE) and text[1:].startswith(FORMULA_STARTS + (_QUOTE,)):
        return text[1:]
    return text


def safe_cell(value: Any) -> Any:
    """``value`` unchanged unless it is text that a spreadsheet would evaluate."""
    return neutralise_text(value) if isinstance(value, str) else value
