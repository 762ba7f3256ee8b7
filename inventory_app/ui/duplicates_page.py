"""Duplicates: one serial under two tags. Merge into the survivor (chosen the same way everywhere); undo."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from inventory_app.context import AppContext
from inventory_app.sync.service import SyncService
from inventory_app.ui.review_table import ReviewTable
from inventory_app.ui.tasks import TaskRunner


class DuplicatesPage(QWidget):
    duplicates_merged = Signal(str)  # the serial
    merge_undone = Signal(str)  # the device id
    duplicates_loaded = Signal(int)

    def __init__(self, ctx: AppContext, task_runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.serials: list[str] = []
        self.merged: list[str] = []  # devices merged from this page (for undo)
        self.merge_button = QPushButton(self.tr("Merge"))
        self.undo_button = QPushButton(self.tr("Undo last merge"))
        self.undo_button.setEnabled(False)
        self.review = ReviewTable(
            self.tr("The same serial number under different asset tags: probably one device registered twice."),
            [self.tr("Serial"), self.tr("Keeps"), self.tr("Merged into it")],
            [self.merge_button, self.undo_button],
            task_runner,
        )
        self.table = self.review.table
        self.message = self.review.message
        QVBoxLayout(self).addWidget(self.review)
        self.merge_button.clicked.connect(self.merge_selected)
        self.undo_button.clicked.connect(self.undo_last)
        self.reload()

    def reload(self) -> None:
        self.review.run(lambda: SyncService(self.ctx.store).duplicates(), self._loaded)

    def _loaded(self, groups: Any) -> None:
        self.serials = [g.serial_key for g in groups]
        self.review.set_rows(
            [
                [
                    g.survivor.serial or g.serial_key,
                    g.survivor.asset_tag or g.survivor.id,
                    ", ".join(d.asset_tag or d.id for d in g.devices[1:]),
                ]
                for g in groups
            ]
        )
        self.merge_button.setEnabled(bool(groups))
        self.message.setText(self.tr("{0} possible duplicates").format(len(groups)))
        self.duplicates_loaded.emit(len(groups))

    def merge_selected(self) -> None:
        row = self.review.chosen_row()
        if row is None:
            self.message.setText(self.tr("Select a row first."))
            return
        serial = self.serials[row]
        service = SyncService(self.ctx.store)
        self.review.run(lambda: service.merge_duplicates(serial), self._merged)

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
        self.review.run(lambda: service.undo_merge(device), self._undone)

    def _undone(self, device_id: str) -> None:
        self.undo_button.setEnabled(bool(self.merged))
        self.merge_undone.emit(device_id)
        self.reload()
