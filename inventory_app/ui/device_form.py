"""The device form: add a device or edit one, checked field by field before anything is saved."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from inventory_app.core.devices import DeviceView, euros_to_cents, parse_date
from inventory_app.core.errors import InventoryError
from inventory_app.core.identifiers import parse_tag
from inventory_app.inventory.browse import DeviceBrowser
from inventory_app.inventory.service import InventoryService
from inventory_app.inventory.structure import StructureService
from inventory_app.ui.error_texts import ErrorTexts
from inventory_app.ui.labels import choices, label

TEXT_FIELDS = (
    "model",
    "serial",
    "inventory_number",
    "mac",
    "assigned_to",
    "purchase_date",
    "purchase_price",
    "lease_end",
    "lease_monthly_fee",
)


class DeviceFormDialog(QDialog):
    """``device_saved(device_id)`` after a successful save; a refused save keeps the dialog open."""

    device_saved = Signal(str)

    def __init__(
        self,
        service: InventoryService,
        browser: DeviceBrowser,
        device_id: str | None = None,
        default_site_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.browser = browser
        self.device: DeviceView | None = service.show(device_id) if device_id else None
        self.setWindowTitle(self.tr("Edit device") if self.device else self.tr("New device"))
        self.setMinimumWidth(460)

        self.tag = QLineEdit()
        self.tag.setPlaceholderText(self.tr("for example HKI0001235"))
        self.category = QComboBox()
        for cat in browser.categories():
            self.category.addItem(label("category", cat.code), cat.code)
        self.site = QComboBox()
        for site in service.sites():
            if not site.retired or (self.device is not None and self.device.site_id == site.id):
                self.site.addItem(site.name, site.id)
        self.room = QComboBox()
        self.edits: dict[str, QLineEdit] = {key: QLineEdit() for key in TEXT_FIELDS}
        self.edits["purchase_date"].setPlaceholderText(self.tr("d.m.yyyy"))
        self.edits["purchase_price"].setPlaceholderText(self.tr("euros, for example 649,90"))
        self.status = _enum_combo("status")
        self.condition = _enum_combo("condition")
        self.ownership = _enum_combo("ownership")
        self.contract = QComboBox()
        self.contract.addItem(self.tr("(no leasing contract)"), "")
        for contract in StructureService(service.store).contracts():
            if not contract.retired or (self.device is not None and self.device.contract == contract.number):
                self.contract.addItem(f"{contract.number} – {contract.lessor}", contract.number)
        self.edits["lease_end"].setPlaceholderText(self.tr("d.m.yyyy (empty: the contract's end)"))
        self.edits["lease_monthly_fee"].setPlaceholderText(self.tr("euros per month, for example 12,50"))
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(60)
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setStyleSheet("color: #b71c1c; font-weight: bold;")
        self.error.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("&Asset tag"), self.tag)
        form.addRow(self.tr("Cate&gory"), self.category)
        form.addRow(self.tr("&Site"), self.site)
        form.addRow(self.tr("&Room"), self.room)
        form.addRow(self.tr("&Model"), self.edits["model"])
        form.addRow(self.tr("S&erial"), self.edits["serial"])
        form.addRow(self.tr("&Inventory no."), self.edits["inventory_number"])
        form.addRow(self.tr("MA&C address"), self.edits["mac"])
        form.addRow(self.tr("S&tatus"), self.status)
        form.addRow(self.tr("Con&dition"), self.condition)
        form.addRow(self.tr("O&wnership"), self.ownership)
        form.addRow(self.tr("&Leasing contract"), self.contract)
        form.addRow(self.tr("Lease &until"), self.edits["lease_end"])
        form.addRow(self.tr("Monthly &fee"), self.edits["lease_monthly_fee"])
        form.addRow(self.tr("Purc&hase date"), self.edits["purchase_date"])
        form.addRow(self.tr("Purchase &price"), self.edits["purchase_price"])
        form.addRow(self.tr("Assigned t&o"), self.edits["assigned_to"])
        form.addRow(self.tr("&Notes"), self.notes)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        self.site.currentIndexChanged.connect(self._fill_rooms)
        # Choosing a contract makes the device leased; choosing "owned" clears the contract.
        self.contract.activated.connect(self._contract_chosen)
        self.ownership.activated.connect(self._ownership_chosen)
        self._prefill(default_site_id)

    # -- filling -------------------------------------------------------------------------------
    def _prefill(self, default_site_id: str | None) -> None:
        d = self.device
        site_id = d.site_id if d else default_site_id
        if site_id:
            self.site.setCurrentIndex(max(0, self.site.findData(site_id)))
        self._fill_rooms()
        if d is None:
            return
        self.tag.setText(d.asset_tag or "")
        _select(self.category, d.category)
        _select(self.room, d.room_id)
        _select(self.status, d.status)
        _select(self.condition, d.condition)
        _select(self.ownership, d.ownership)
        _select(self.contract, d.contract)
        model = " ".join(p for p in (d.manufacturer, d.model) if p)
        values = {
            "model": model,
            "serial": d.serial,
            "inventory_number": d.inventory_number,
            "mac": d.mac,
            "assigned_to": d.assigned_to,
            "purchase_date": d.purchase_date.strftime("%d.%m.%Y") if d.purchase_date else "",
            "purchase_price": f"{d.purchase_price:.2f}".replace(".", ",") if d.purchase_price is not None else "",
            "lease_end": d.lease_end.strftime("%d.%m.%Y") if d.lease_end else "",
            "lease_monthly_fee": (
                f"{d.lease_monthly_fee:.2f}".replace(".", ",") if d.lease_monthly_fee is not None else ""
            ),
        }
        for key, value in values.items():
            self.edits[key].setText(value or "")
        self.notes.setPlainText(d.notes or "")
        self._initial = self._values()

    def _fill_rooms(self) -> None:
        self.room.clear()
        self.room.addItem(self.tr("(no room)"), "")
        site_id = self.site.currentData()
        if site_id:
            for room in self.browser.rooms(site_id):
                self.room.addItem(room.code if not room.name else f"{room.code} – {room.name}", room.id)

    def _values(self) -> dict[str, str]:
        values = {key: edit.text().strip() for key, edit in self.edits.items()}
        values.update(
            asset_tag=self.tag.text().strip(),
            category=self.category.currentData() or "",
            site=self.site.currentData() or "",
            room=self.room.currentData() or "",
            status=self.status.currentData(),
            condition=self.condition.currentData(),
            ownership=self.ownership.currentData(),
            notes=self.notes.toPlainText().strip(),
            contract=self.contract.currentData() or "",
        )
        return values

    def _contract_chosen(self) -> None:
        if self.contract.currentData():
            _select(self.ownership, "leased")

    def _ownership_chosen(self) -> None:
        if self.ownership.currentData() == "owned":
            self.contract.setCurrentIndex(0)

    # -- checking and saving -----------------------------------------------------------------
    def validate(self) -> str | None:
        """The first problem a person must fix, or None."""
        v = self._values()
        try:
            if v["asset_tag"] or self.device is None:
                parse_tag(v["asset_tag"])
            parse_date(v["purchase_date"] or None)
            parse_date(v["lease_end"] or None)
            cents = euros_to_cents(v["purchase_price"] or None)
            fee = euros_to_cents(v["lease_monthly_fee"] or None)
        except InventoryError as exc:
            return ErrorTexts().text(exc)
        if cents is not None and cents < 0:
            return self.tr("The purchase price cannot be negative.")
        if fee is not None and fee < 0:
            return self.tr("The monthly fee cannot be negative.")
        if v["contract"] and v["ownership"] == "owned":
            return self.tr("A device under a leasing contract is leased, not owned.")
        if not v["site"]:
            return self.tr("Choose the site.")
        if not v["category"]:
            return self.tr("Choose the category.")
        return None

    def save(self) -> None:
        problem = self.validate()
        if problem:
            self.error.setText(problem)
            return
        v = self._values()
        try:
            if self.device is None:
                fields = {
                    k: v[k] for k in (*TEXT_FIELDS, "status", "condition", "ownership", "notes", "contract") if v[k]
                }
                saved = self.service.add(
                    tag=v["asset_tag"], category=v["category"], site=v["site"], room=v["room"] or None, fields=fields
                )
            else:
                changes = {k: value for k, value in v.items() if value != self._initial.get(k)}
                if "room" in changes and "site" not in changes and v["room"]:
                    changes["room"] = v["room"]
                saved = self.service.set(self.device.id, changes) if changes else self.device
        except InventoryError as exc:
            self.error.setText(ErrorTexts().text(exc))
            return
        self.error.clear()
        self.device_saved.emit(saved.id)
        self.accept()


def _enum_combo(kind: str) -> QComboBox:
    combo = QComboBox()
    for value, text in choices(kind):
        combo.addItem(text, value)
    return combo


def _select(combo: QComboBox, value: str | None) -> None:
    i = combo.findData(value or "", Qt.ItemDataRole.UserRole)
    if i >= 0:
        combo.setCurrentIndex(i)
