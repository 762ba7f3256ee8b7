"""Conflicts: both values of every concurrent overwrite; picking one is an ordinary edit that syncs."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from inventory_app.context import AppContext
from inventory_app.sync.service import SyncService
from inventory_app.ui.labels import when_text
from inventory_app.ui.review_table import ReviewTable
from inventory_app.ui.tasks import TaskRunner


def _show(value: Any) -> str:
    return "" if value is None else value if isinstance(value, str) else json.dumps(value)


class ConflictsPage(QWidget):
    conflict_resolved = Signal(str)  # the conflict's id
    conflicts_loaded = Signal(int)

    def __init__(self, ctx: AppContext, task_runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ids: list[str] = []
        self.keep_button = QPushButton(self.tr("Keep current value"))
        self.restore_button = QPushButton(self.tr("Use overwritten value"))
        self.review = ReviewTable(
            self.tr(
                "Edits made at the same time on different laptops. The later one was kept; choose which value is right."
            ),
            [
                self.tr("Device"),
                self.tr("Field"),
                self.tr("Current value"),
                self.tr("Written by"),
                self.tr("Overwritten value"),
                self.tr("Written by"),
            ],
            [self.keep_button, self.restore_button],
            task_runner,
        )
        self.table = self.review.table
        self.message = self.review.message
        QVBoxLayout(self).addWidget(self.review)
        self.keep_button.clicked.connect(lambda: self.resolve_selected("keep"))
        self.restore_button.clicked.connect(lambda: self.resolve_selected("overwritten"))
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.reload()

    def reload(self) -> None:
        self.review.run(lambda: SyncService(self.ctx.store).conflicts(), self._loaded)

    def _loaded(self, views: Any) -> None:
        self.ids = [v.id for v in views]
        self.review.set_rows(
            [
                [
                    v.label,
                    v.field,
                    _show(v.kept_value),
                    self._author(v.kept_origin, v.kept_by, v.kept_at),
                    _show(v.lost_value),
                    self._author(v.lost_origin, v.lost_by, v.lost_at),
                ]
                for v in views
            ]
        )
        self.message.setText(self.tr("{0} open conflicts").format(len(views)))
        self._selection_changed()
        self.conflicts_loaded.emit(len(views))

    def _author(self, origin: str, who: str, when: datetime) -> str:
        """Who wrote a value and when: "this laptop", "central" or the laptop's name (its id's start)."""
        if origin == "self":
            name = self.tr("this computer")
        elif origin == "central":
            name = self.tr("central")
        else:
            name = who if len(who) < 32 else who[:8]  # a name given at enrolment, else the replica id's start
        return f"{name}, {when_text(when)}"

    def _selection_changed(self) -> None:
        chosen = self.review.chosen_row() is not None
        self.keep_button.setEnabled(chosen)
        self.restore_button.setEnabled(chosen)

    def resolve_selected(self, choice: str) -> None:
        row = self.review.chosen_row()
        if row is None:
            return
        conflict_id = self.ids[row]
        service = SyncService(self.ctx.store)
        self.review.run(lambda: service.resolve_conflict(conflict_id, choice), lambda view: self._resolved(view.id))

    def _resolved(self, conflict_id: str) -> None:
        self.conflict_resolved.emit(conflict_id)
        self.reload()
