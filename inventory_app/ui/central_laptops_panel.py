"""Central IT's side of joining: enrol a laptop (write its enrolment file), list the laptops, revoke one."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inventory_app.context import AppContext
from inventory_app.core.errors import InventoryError
from inventory_app.core.identifiers import identifier_key
from inventory_app.sync.service import SyncService
from inventory_app.ui.file_dialogs import FileDialogs


class CentralLaptopsPanel(QGroupBox):
    """``laptop_enrolled(path)`` after an enrolment file was written."""

    laptop_enrolled = Signal(str)
    laptop_revoked = Signal(str)  # the laptop's name or key

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Laptops"), parent)
        self.ctx = ctx
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("a name for the laptop, e.g. Auditor laptop 3"))
        self.enrol_button = QPushButton(self.tr("&Enrol a laptop…"))
        self.enrol_button.clicked.connect(self._choose_file)
        self.revoke_button = QPushButton(self.tr("&Revoke the selected laptop…"))
        self.revoke_button.setToolTip(
            self.tr("A lost or stolen laptop: its sync files and syncs are refused from now on.")
        )
        self.revoke_button.clicked.connect(self._confirm_revoke)
        self.laptops: list[dict[str, Any]] = []
        self.note = QLabel(
            self.tr(
                "The enrolment file holds the laptop's signing key: hand it over safely "
                "(a USB stick, not e-mail). On the laptop: Sync › Join with an enrolment file."
            )
        )
        self.note.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Key"), self.tr("Enrolled"), self.tr("Changes received"), self.tr("State")]
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        row = QHBoxLayout()
        row.addWidget(self.name_edit, 1)
        row.addWidget(self.enrol_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        revoke_row = QHBoxLayout()
        revoke_row.addStretch(1)
        revoke_row.addWidget(self.revoke_button)
        layout.addLayout(revoke_row)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.reload()

    def reload(self) -> list[dict[str, Any]]:
        laptops = SyncService(self.ctx.store).replicas()
        self.laptops = laptops
        self.table.setRowCount(len(laptops))
        for i, laptop in enumerate(laptops):
            enrolled = laptop.get("enrolled_at")
            cells = [
                str(laptop.get("name") or ""),
                str(laptop.get("key_id") or "")[:12],
                enrolled.astimezone().strftime("%d.%m.%Y %H:%M")
                if isinstance(enrolled, datetime)
                else str(enrolled or ""),
                str(laptop.get("applied_seq") or 0),
                self.tr("revoked") if laptop.get("revoked") else self.tr("in use"),
            ]
            for j, text in enumerate(cells):
                self.table.setItem(i, j, QTableWidgetItem(text))
        self._selection_changed()
        return laptops

    def _chosen(self) -> dict[str, Any] | None:
        rows = self.table.selectionModel().selectedRows()
        return self.laptops[rows[0].row()] if rows and rows[0].row() < len(self.laptops) else None

    def _selection_changed(self) -> None:
        laptop = self._chosen()
        self.revoke_button.setEnabled(laptop is not None and not laptop.get("revoked"))

    def _confirm_revoke(self) -> None:
        laptop = self._chosen()
        if laptop is None:
            return
        name = str(laptop.get("name") or laptop.get("key_id") or "")
        answer = QMessageBox.question(
            self,
            self.tr("Revoke a laptop"),
            self.tr(
                "Revoke “%1”? Its sync files and syncs will be refused from now on. This cannot be undone; "
                "the laptop can be enrolled again as a new laptop."
            ).replace("%1", name),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.revoke(str(laptop.get("replica_id") or laptop.get("key_id") or name))

    def revoke(self, who: str) -> bool:
        """Refuse the laptop's files and syncs from now on (``central revoke``); ``who``: name, replica or key id."""
        try:
            SyncService(self.ctx.store).revoke_laptop(who)
        except InventoryError as exc:
            self.message.setText(self.tr("The laptop was not revoked: %1").replace("%1", str(exc)))
            return False
        self.message.setText(self.tr("Revoked. Its sync files and syncs are refused from now on."))
        self.reload()
        self.laptop_revoked.emit(who)
        return True

    def _choose_file(self) -> None:
        name = " ".join(self.name_edit.text().split())
        if not name:
            self.message.setText(self.tr("Name the laptop first."))
            self.name_edit.setFocus()
            return
        default = Path.home() / f"enrolment-{identifier_key(name).lower() or 'laptop'}.json"
        path = FileDialogs(self.ctx.db_path).save_file(
            self, self.tr("Save the enrolment file"), str(default), self.tr("Enrolment files (*.json)")
        )
        if path:
            self.enrol(name, Path(path))

    def enrol(self, name: str, path: Path) -> bool:
        try:
            result = SyncService(self.ctx.store).make_enrolment(name, path)
        except (InventoryError, OSError) as exc:
            self.message.setText(self.tr("No enrolment file was written: %1").replace("%1", str(exc)))
            return False
        self.message.setText(
            self.tr("Wrote the enrolment file of “%1” to %2.").replace("%1", name).replace("%2", str(result["path"]))
        )
        self.name_edit.clear()
        self.reload()
        self.laptop_enrolled.emit(str(result["path"]))
        return True
