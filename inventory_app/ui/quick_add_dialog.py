"""Quick add: register an unknown scanned code as a device in the current room."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from inventory_app.core.errors import InventoryError
from inventory_app.core.identifiers import is_valid_tag
from inventory_app.inventory.browse import CategoryChoice
from inventory_app.ui.labels import label

Register = Callable[[str, str, dict[str, str]], Any]


class QuickAddDialog(QDialog):
    """Prefilled with the code; ``device_registered(result)`` after the engine registered it."""

    device_registered = Signal(object)

    def __init__(
        self,
        code: str,
        room_code: str,
        categories: list[CategoryChoice],
        register: Register,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.code = code
        self.register = register
        self.setWindowTitle(self.tr("Add device in %1").replace("%1", room_code))
        self.code_edit = QLineEdit(code)
        self.code_edit.setReadOnly(True)
        self.category = QComboBox()
        self.category.addItem(self.tr("(choose)"), "")
        for cat in categories:
            self.category.addItem(label("category", cat.code), cat.code)
        self.model = QLineEdit()
        self.model.setPlaceholderText(self.tr("manufacturer and model, for example Lenovo 300e"))
        self.serial = QLineEdit()
        # A code that is not one of our tags is usually the manufacturer's serial: it is kept as such.
        self.serial.setPlaceholderText(self.tr("serial from the device's sticker"))
        self.notes = QLineEdit()
        self.error = QLabel()
        self.error.setStyleSheet("color: #b71c1c; font-weight: bold;")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Code"), self.code_edit)
        form.addRow(self.tr("&Category"), self.category)
        form.addRow(self.tr("&Model"), self.model)
        if is_valid_tag(code):
            form.addRow(self.tr("&Serial"), self.serial)
        form.addRow(self.tr("&Notes"), self.notes)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("This code is not in the inventory. Register it in room %1:").replace("%1", room_code))
        )
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.category.setFocus()

    def save(self) -> None:
        category = self.category.currentData()
        if not category:
            self.error.setText(self.tr("Choose the category."))
            return
        fields = {
            k: w.text().strip()
            for k, w in (("model", self.model), ("serial", self.serial), ("notes", self.notes))
            if w.text().strip()
        }
        try:
            result = self.register(self.code, category, fields)
        except InventoryError as exc:
            self.error.setText(str(exc))
            return
        self.device_registered.emit(result)
        self.accept()
