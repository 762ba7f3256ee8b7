"""Conflicts: both values of every concurrent overwrite; picking one is an ordinary edit that syncs."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import Qt, Signal
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

from inventory_app.context import AppContext
from inventory_app.sync.service import SyncService
from inventory_app.ui.tasks import TaskRunner


def _show(value: Any) -> str:
    return "" if value is None else value if isinstance(value, str) else json.dumps(value)


class ConflictsPage(QWidget):
    conflict_resolved = Signal(str)  # the conflict's id
    conflicts_loaded = Signal(int)

    def __init__(self, ctx: AppContext, task_runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.runner = task_runner
        self.ids: list[str] = []
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([self.tr("Device"), self.tr("Field"), self.tr("Current value"),
                                              self.tr("Overwritten value"), self.tr("Overwritten by"),
                                              self.tr("When")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.keep_button = QPushButton(self.tr("Keep current value"))
        self.restore_button = QPushButton(self.tr("Use overwritten value"))
        self.message = QLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Edits made at the same time on different laptops. The later one was kept; "
                                        "choose which value is right.")))
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.keep_button.clicked.connect(lambda: self.resolve_selected("keep"))
        self.restore_button.clicked.connect(lambda: self.resolve_selected("overwritten"))
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.reload()

    def reload(self) -> None:
        self.runner.run(lambda progress: SyncService(self.ctx.store).conflicts(), on_done=self._loaded,
                        on_error=lambda exc: self.message.setText(str(exc)))

    def _loaded(self, views: Any) -> None:
        self.ids = [v.id for v in views]
        self.table.setRowCount(len(views))
        for row, v in enumerate(views):
            cells = [v.label, v.field, _show(v.kept_value), _show(v.lost_value), v.lost_by[:12],
                     v.lost_at.strftime("%Y-%m-%d %H:%M")]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.ToolTipRole, text)
                self.table.setItem(row, col, item)
        self.message.setText(self.tr("{0} open conflicts").format(len(views)))
        self._selection_changed()
        self.conflicts_loaded.emit(len(views))

    def _selection_changed(self) -> None:
        chosen = bool(self.table.selectionModel().selectedRows())
        self.keep_button.setEnabled(chosen)
        self.restore_button.setEnabled(chosen)

    def resolve_selected(self, choice: str) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        conflict_id = self.ids[rows[0].row()]
        service = SyncService(self.ctx.store)
        self.runner.run(lambda progress: service.resolve_conflict(conflict_id, choice),
                        on_done=lambda view: self._resolved(view.id),
                        on_error=lambda exc: self.message.setText(str(exc)))

    def _resolved(self, conflict_id: str) -> None:
        self.conflict_resolved.emit(conflict_id)
        self.reload()
