"""Finishing an audit: the devices expected in the audited rooms but not seen, a decision for each."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inventory_app.core.devices import DeviceView
from inventory_app.core.enums import MissingDecision
from inventory_app.ui.labels import choices, label

DECISION_KEYS = {MissingDecision.NOT_CHECKED: "N", MissingDecision.LOST: "L", MissingDecision.RETIRED: "R"}


class MissingDialog(QDialog):
    """One row per missing device; N / L / R set the selected rows' decision; ``decisions()`` on accept."""

    def __init__(self, missing: list[DeviceView], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.missing = missing
        self.setWindowTitle(self.tr("Finish the audit"))
        self.resize(760, 480)
        intro = QLabel(
            self.tr(
                "%n device(s) expected in the audited rooms were not seen. Decide for each: "
                "not checked (stays as it is), lost, or retired.",
                "",
                len(missing),
            )
            if missing
            else self.tr("Every device expected in the audited rooms was seen.")
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(len(missing), 5)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Asset tag"), self.tr("Category"), self.tr("Model"), self.tr("Room"), self.tr("Decision")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.combos: list[QComboBox] = []
        for row, device in enumerate(missing):
            ident = device.asset_tag or device.serial or device.inventory_number or device.id[:8]
            model = " ".join(p for p in (device.manufacturer, device.model) if p)
            for column, text in enumerate((ident, label("category", device.category), model, device.room or "")):
                self.table.setItem(row, column, QTableWidgetItem(text))
            combo = QComboBox()
            combo.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # typed keys go to the list (N / L / R)
            for value, text in choices("decision"):
                combo.addItem(f"{text} ({DECISION_KEYS[MissingDecision(value)]})", value)
            self.combos.append(combo)
            self.table.setCellWidget(row, 4, combo)
        self.table.installEventFilter(self)  # N / L / R typed in the list set the decision
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

        mark_row = QHBoxLayout()
        mark_row.addWidget(QLabel(self.tr("Selected rows:")))
        for decision, key in DECISION_KEYS.items():
            button = QPushButton(f"{label('decision', decision.value)} ({key})")
            button.setToolTip(self.tr("Press %1 in the list").replace("%1", key))
            button.clicked.connect(lambda _c=False, d=decision: self.mark_selected(d))
            mark_row.addWidget(button)
        mark_row.addStretch(1)
        self.buttons = QDialogButtonBox()
        self.finish_button = self.buttons.addButton(self.tr("&Finish audit"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(mark_row)
        layout.addWidget(self.buttons)
        if missing:
            self.table.setCurrentCell(0, 0)
            self.table.selectRow(0)
        self.finish_button.setAutoDefault(False)

    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt name)
        # The first key typed acts on the first row: the list, not a button or a combo, has the focus.
        super().showEvent(event)
        if self.missing:
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            key = event.text().upper()  # type: ignore[attr-defined]
            for decision, letter in DECISION_KEYS.items():
                if key == letter:
                    self.mark_selected(decision)
                    return True
        return super().eventFilter(watched, event)

    def mark_selected(self, decision: MissingDecision) -> None:
        rows = {i.row() for i in self.table.selectionModel().selectedRows()}
        for row in rows:
            self.combos[row].setCurrentIndex(self.combos[row].findData(decision.value))

    def decisions(self) -> dict[str, MissingDecision]:
        return {
            device.id: MissingDecision(combo.currentData())
            for device, combo in zip(self.missing, self.combos, strict=True)
        }
