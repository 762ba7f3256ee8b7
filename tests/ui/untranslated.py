"""A pseudo-translation run: every text that goes through Qt's translation is marked ⟦…⟧, so a visible
text without the mark never went through a translation (a hard-coded English word, a raw code)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QWidget,
)

OPEN, CLOSE = "⟦", "⟧"
MARKED = re.compile(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}")  # innermost first: a translated text may hold another
# Words that are the same in Finnish: product and format names, key names, units.
ALLOWED_WORDS = {
    "pdf",
    "csv",
    "xlsx",
    "zip",
    "json",
    "qt",
    "wi",
    "fi",
    "wifi",
    "ctrl",
    "alt",
    "shift",
    "vaihto",
    "esc",
    "enter",
    "f1",
    "ms",
    "dbm",
    "mb",
    "mt",
    "kt",
    "gt",
    "id",
    "url",
    "postgresql",
    "sqlite",
    "a4",
    "ok",
    "it",
    "usb",
    "mac",
    "pyside6",
    "python",
    "sqlalchemy",
    "alembic",
    "opencv",
    "numpy",
    "zxing",
    "pyzbar",
    "reportlab",
    "openpyxl",
    "cryptography",
    "keyring",
    "english",
    "suomi",
    "svenska",
    "mm",
    "psycopg",
    "zxing-cpp",
    "matplotlib",
    "pillow",
    "barcode",
    "code128",
    "qr",
    "ean",
    "hki",
    "lpr",
    "rm",
    "rmkoi01a101",
    "glpi",
    "inventree",
    "snipe-it",  # other inventory tools an import can come from
}


class PseudoTranslator(QTranslator):
    """Marks every text that asks for a translation (our tr() calls and Qt's own)."""

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:  # type: ignore[override]
        if not source:
            return source
        return f"{OPEN}{source}{CLOSE}"

    def isEmpty(self) -> bool:  # noqa: N802 (Qt name)
        return False


def _strip_markup(text: str) -> str:
    text = re.sub(r"<[^>]+>", " ", text)
    return text.replace("&nbsp;", " ").replace("&amp;", "&")


def unmarked_words(text: str, data: set[str]) -> list[str]:
    """Words of ``text`` outside marked parts that are neither data nor on the allowed list."""
    rest, before = _strip_markup(text), None
    while rest != before:
        before, rest = rest, MARKED.sub(" ", rest)
    for value in sorted(data, key=len, reverse=True):
        if value and value in rest:
            rest = rest.replace(value, " ")
    words = re.findall(r"[^\W\d_][\w'-]*", rest)
    return [
        w
        for w in words
        if len(w) > 1
        and w.lower().replace("&", "") not in ALLOWED_WORDS
        and not re.fullmatch(r"[A-ZÅÄÖ]{1,4}\d+\w*", w)
    ]


def _columns(model: QAbstractItemModel, parent: QModelIndex) -> int:
    try:
        return model.columnCount(parent)
    except TypeError:  # a list model (its columnCount is private in the binding)
        return 1


def _model_texts(model: QAbstractItemModel, rows: int = 15) -> Iterable[tuple[str, str]]:
    for column in range(_columns(model, QModelIndex())):
        yield "header", str(model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "")

    def walk(parent: QModelIndex, depth: int) -> Iterable[tuple[str, str]]:
        for row in range(min(model.rowCount(parent), rows)):
            for column in range(_columns(model, parent)):
                index = model.index(row, column, parent)
                for role, kind in ((Qt.ItemDataRole.DisplayRole, "cell"), (Qt.ItemDataRole.ToolTipRole, "cell tip")):
                    value = index.data(role)
                    if isinstance(value, str):
                        yield kind, value
            if depth < 3:
                yield from walk(model.index(row, 0, parent), depth + 1)

    yield from walk(QModelIndex(), 0)


def visible_texts(root: QWidget) -> Iterable[tuple[str, str]]:
    """(where, text) for everything a person reads in ``root``: titles, labels, buttons, tooltips,
    placeholders, combo items, tab titles, group titles, table headers and the first rows, menus."""
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        if not w.isVisibleTo(root) and w is not root:
            continue
        name = type(w).__name__
        if w.isWindow() and w.windowTitle():
            yield f"{name} title", w.windowTitle()
        if w.toolTip():
            yield f"{name} tooltip", w.toolTip()
        if isinstance(w, QLabel) and w.text() or isinstance(w, QAbstractButton) and w.text():
            yield name, w.text()
        elif isinstance(w, QGroupBox) and w.title():
            yield name, w.title()
        elif isinstance(w, QLineEdit | QPlainTextEdit) and w.placeholderText():
            yield f"{name} placeholder", w.placeholderText()
        if isinstance(w, QComboBox):
            for i in range(w.count()):
                yield f"{name} item", w.itemText(i)
        if isinstance(w, QTabWidget):
            for i in range(w.count()):
                yield f"{name} tab", w.tabText(i)
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            for kind, text in _model_texts(w.model()):
                yield f"{name} {kind}", text
    if isinstance(root, QMainWindow):
        for menu in root.menuBar().findChildren(QMenu):
            yield "menu", menu.title()
            for action in menu.actions():
                if action.text():
                    yield "menu item", action.text()


def untranslated(root: QWidget, data: set[str]) -> list[str]:
    found = []
    for where, text in visible_texts(root):
        words = unmarked_words(text, data)
        if words:
            found.append(f"{where}: {text!r} -> {words}")
    return sorted(set(found))


def install_pseudo(app: QCoreApplication) -> PseudoTranslator:
    translator = PseudoTranslator(app)
    app.installTranslator(translator)
    return translator
