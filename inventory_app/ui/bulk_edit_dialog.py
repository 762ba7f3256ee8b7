"""Bulk edit: set room, status, condition, category or the lease of the selected devices in one step."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from inventory_app.inventory.browse import DeviceBrowser
from inventory_app.inventory.structure import StructureService
from inventory_app.ui.labels import choices, label


class BulkEditDialog(QDialog):
    """Pick the fields to change; ``changes()`` gives them as the service's key=value edits.

    The room can be set only when every selected device is in the same site (room codes are per site).
    """

    def __init__(self, browser: DeviceBrowser, device_ids: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.device_ids = device_ids
        self.setWindowTitle(self.tr("Edit %n device(s)", "", len(device_ids)))
        sites = browser.sites_of(device_ids)
        self.site_id = next(iter(sites)) if len(sites) == 1 else None

        self.room = QComboBox()
        self.room.addItem(self.tr("(no room)"), "")
        if self.site_id:
            for room in browser.rooms(self.site_id):
                self.room.addItem(room.code if not room.name else f"{room.code} – {room.name}", room.id)
        self.status = QComboBox()
        for value, text in choices("status"):
            self.status.addItem(text, value)
        self.condition = QComboBox()
        for value, text in choices("condition"):
            self.condition.addItem(text, value)
        self.category = QComboBox()
        for cat in browser.categories():
            self.category.addItem(label("category", cat.code), cat.code)

        self.ownership = QComboBox()
        for value, text in choices("ownership"):
            self.ownership.addItem(text, value)
        self.contract = QComboBox()
        self.contract.addItem(self.tr("(no leasing contract)"), "")
        for contract in StructureService(browser.store).contracts(include_retired=False):
            self.contract.addItem(f"{contract.number} – {contract.lessor}", contract.number)
        self.lease_end = QLineEdit()
        self.lease_end.setPlaceholderText(self.tr("d.m.yyyy"))
        self.lease_fee = QLineEdit()
        self.lease_fee.setPlaceholderText(self.tr("euros per month, for example 12,50"))

        self.checks: dict[str, QCheckBox] = {
            "room": QCheckBox(self.tr("Set &room")),
            "status": QCheckBox(self.tr("Set &status")),
            "condition": QCheckBox(self.tr("Set con&dition")),
            "category": QCheckBox(self.tr("Set &category")),
            "ownership": QCheckBox(self.tr("Set &ownership")),
            "contract": QCheckBox(self.tr("Set leasing co&ntract")),
            "lease_end": QCheckBox(self.tr("Set lease &end")),
            "lease_monthly_fee": QCheckBox(self.tr("Set monthly &fee")),
        }
        self.combos: dict[str, QComboBox | QLineEdit] = {
            "room": self.room,
            "status": self.status,
            "condition": self.condition,
            "category": self.category,
            "ownership": self.ownership,
            "contract": self.contract,
            "lease_end": self.lease_end,
            "lease_monthly_fee": self.lease_fee,
        }
        grid = QGridLayout()
        for row, key in enumerate(self.checks):
            check, combo = self.checks[key], self.combos[key]
            combo.setEnabled(False)
            check.toggled.connect(combo.setEnabled)
            # Choosing a value means "change it": tick the box so the keyboard path is one step.
            if isinstance(combo, QComboBox):
                combo.activated.connect(lambda _i, c=check: c.setChecked(True))
            grid.addWidget(check, row, 0)
            grid.addWidget(combo, row, 1)
        if self.site_id is None:
            self.checks["room"].setEnabled(False)
            self.checks["room"].setToolTip(self.tr("The selected devices are in different sites."))
        self.error = QLabel()
        self.error.setStyleSheet("color: #b71c1c; font-weight: bold;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._accept_if_something)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Change %n selected device(s):", "", len(device_ids))))
        layout.addLayout(grid)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def changes(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for key, check in self.checks.items():
            if check.isChecked():
                widget = self.combos[key]
                out[key] = widget.text().strip() if isinstance(widget, QLineEdit) else widget.currentData()
        if out.get("contract") and "ownership" not in out:
            out["ownership"] = "leased"
        return out

    def _accept_if_something(self) -> None:
        if not self.changes():
            self.error.setText(self.tr("Tick at least one thing to change."))
            return
        self.accept()
