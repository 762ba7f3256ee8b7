"""Duplicates: one serial under two tags. Merge into the survivor (chosen the same way everywhere); undo."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
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


class DuplicatesPage(QWidget):
    duplicates_merged = Signal(str)  # the serial
    merge_undone = Signal(str)  # the device id
    duplicates_loaded = Signal(int)

    def __init__(self, ctx: AppContext, task_runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.runner = task_runner
        self.serials: list[str] = []
        self.merged: list[str] = []  # devices merged from this page (for undo)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Serial"), self.tr("Keeps"), self.tr("Merged into it")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.merge_button = QPushButton(self.tr("Merge"))
        self.undo_button = QPushButton(self.tr("Undo last merge"))
        self.undo_button.setEnabled(False)
        self.message = QLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.merge_button)
        buttons.addWidget(self.undo_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("The same serial number under different asset tags: probably one device "
                                        "registered twice.")))
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.merge_button.clicked.connect(self.merge_selected)
        self.undo_button.clicked.connect(self.undo_last)
        self.reload()

    def reload(self) -> None:
        self.runner.run(lambda progress: SyncService(self.ctx.store).duplicates(), on_done=self._loaded,
                        on_error=lambda exc: self.message.setText(str(exc)))

    def _loaded(self, groups: Any) -> None:
        self.serials = [g.serial_key for g in groups]
        self.table.setRowCount(len(groups))
        for row, g in enumerate(groups):
            cells = [g.survivor.serial or g.serial_key, g.survivor.asset_tag or g.survivor.id,
                     ", ".join(d.asset_tag or d.id for d in g.devices[1:])]
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.merge_button.setEnabled(bool(groups))
        self.message.setText(self.tr("{0} possible duplicates").format(len(groups)))
        self.duplicates_loaded.emit(len(groups))

    def merge_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.message.setText(self.tr("Select a row first."))
            return
        serial = self.serials[rows[0].row()]
        service = SyncService(self.ctx.store)
        self.runner.run(lambda progress: service.merge_duplicates(serial), on_done=self._merged,
                        on_error=lambda exc: self.message.setText(str(exc)))

    def _merged(self, group: Any) -> None:
        self.merged.extend(d.id for d in group.devices[1:])
        self.undo_button.setEnabled(True)
        self.duplicates_merged.emit(group.serial_key)
        self.reload()

    def undo_last(self) -> None:
        if not self.merged:
            return
        device = self.merged.pop()
        service = SyncService(self.ctx.store)
        self.runner.run(lambda progress: service.undo_merge(device), on_done=self._undone,
                        on_error=lambda exc: self.message.setText(str(exc)))

    def _undone(self, device_id: str) -> None:
        self.undo_button.setEnabled(bool(self.merged))
        self.merge_undone.emit(device_id)
        self.reload()
