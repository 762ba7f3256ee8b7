"""The review table the Conflicts and Duplicates pages share: an explanation, a read-only table of
rows to decide on, the page's buttons, and a message line; its background work reports errors there."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inventory_app.ui.tasks import TaskRunner


class ReviewTable(QWidget):
    """Composed by a page: ``rows`` fills the table, ``chosen_row`` is the one selected row (or None)."""

    def __init__(
        self,
        intro: str,
        headers: Sequence[str],
        buttons: Sequence[QPushButton],
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(list(headers))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.message = QLabel()
        self.message.setWordWrap(True)
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        explanation = QLabel(intro)
        explanation.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(explanation)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.message)

    def set_rows(self, rows: Sequence[Sequence[str]]) -> None:
        """Replace the table's rows; each cell's full text is also its tooltip (columns are narrow)."""
        self.table.setRowCount(len(rows))
        for r, cells in enumerate(rows):
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.ToolTipRole, text)
                self.table.setItem(r, c, item)

    def chosen_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def run(self, work: Callable[[], Any], on_done: Callable[[Any], None]) -> None:
        """``work`` off the UI thread; a refusal or failure is shown in the message line."""
        self.runner.run(lambda progress: work(), on_done=on_done, on_error=lambda exc: self.message.setText(str(exc)))
