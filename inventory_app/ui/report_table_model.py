"""One report section as a Qt table model (and the cell formatting the PDF shares)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from inventory_app.reports.model import Kind, Section
from inventory_app.reports.texts import format_value

NUMERIC = (Kind.INT, Kind.MONEY, Kind.NUMBER, Kind.PERCENT)
Index = QModelIndex | QPersistentModelIndex


def format_cell(value: Any, kind: Kind, lang: str = "fi") -> str:
    """How people read a value: ``1 234,50 €`` and ``12.8.2026`` in Finnish (``reports/texts.py``)."""
    return format_value(value, kind, lang)


def _sort_key(value: Any) -> tuple[int, Any]:
    if value is None:
        return (1, 0)
    if isinstance(value, (int, float, Decimal)):
        return (0, float(value))
    if isinstance(value, (date, datetime)):
        return (0, value.isoformat())
    return (0, str(value).casefold())


class ReportTableModel(QAbstractTableModel):
    """A localised section (``texts.localise``): its labels are the headers, its cells formatted for ``lang``."""

    def __init__(self, section: Section, lang: str = "en", parent: Any = None) -> None:
        super().__init__(parent)
        self.section = section
        self.lang = lang
        self._rows = list(section.rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 -- Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.section.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            column = self.section.columns[section]
            return column.label
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = self.section.columns[index.column()]
        value = self._rows[index.row()].get(column.key)
        if role == Qt.ItemDataRole.DisplayRole:
            return format_cell(value, column.kind, self.lang)
        if role == Qt.ItemDataRole.UserRole:
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole and column.kind in NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.section.columns):
            return  # no sort column: keep the report's own order
        key = self.section.columns[column].key
        self.layoutAboutToBeChanged.emit()
        self._rows.sort(key=lambda r: _sort_key(r.get(key)), reverse=order == Qt.SortOrder.DescendingOrder)
        self.layoutChanged.emit()
