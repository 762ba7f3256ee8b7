"""Before an audit: choose the site and the auditor, or resume an unfinished audit."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inventory_app.audit.results import AuditInfo
from inventory_app.inventory.service import SiteSummary


class AuditStartPanel(QWidget):
    """``start_requested(site_id, auditor)``, ``resume_requested(audit_id)``."""

    start_requested = Signal(str, str)
    resume_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.site = QComboBox()
        self.site.setEditable(True)  # type to find a site among dozens
        self.site.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.auditor = QLineEdit()
        self.auditor.setPlaceholderText(self.tr("your name"))
        self.start_button = QPushButton(self.tr("&Start audit"))
        self.start_button.setDefault(True)
        self.start_button.setMinimumHeight(40)
        self.start_button.clicked.connect(self._start)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b71c1c; font-weight: bold;")
        self.open_list = QListWidget()
        self.open_list.itemActivated.connect(
            lambda item: self.resume_requested.emit(item.data(Qt.ItemDataRole.UserRole))
        )
        self.resume_button = QPushButton(self.tr("&Resume selected audit"))
        self.resume_button.clicked.connect(self._resume)

        start_box = QGroupBox(self.tr("New audit"))
        form = QFormLayout(start_box)
        form.addRow(self.tr("S&ite"), self.site)
        form.addRow(self.tr("A&uditor"), self.auditor)
        form.addRow("", self.start_button)
        form.addRow("", self.error)
        self.open_box = QGroupBox(self.tr("Unfinished audits"))
        open_layout = QVBoxLayout(self.open_box)
        open_layout.addWidget(self.open_list)
        open_layout.addWidget(self.resume_button)
        title = QLabel(self.tr("Audit a site room by room"))
        title.setStyleSheet("font-size: 18pt; font-weight: bold;")
        hint = QLabel(
            self.tr(
                "Choose the site and press Enter. Then scan the room label at the door (or pick the "
                "room with Ctrl+R) and scan every device in the room."
            )
        )
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 24, 40, 24)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addWidget(start_box)
        layout.addWidget(self.open_box, 1)
        self.setTabOrder(self.site, self.auditor)
        self.setTabOrder(self.auditor, self.start_button)
        self.setTabOrder(self.start_button, self.open_list)
        self.auditor.returnPressed.connect(self._start)
        site_edit = self.site.lineEdit()
        if site_edit is not None:
            site_edit.returnPressed.connect(self._start)

    def load(self, sites: list[SiteSummary], audits: list[AuditInfo], default_site: str, auditor: str) -> None:
        self.site.clear()
        for site in sites:
            self.site.addItem(site.name if not site.code else f"{site.name} ({site.code})", site.id)
        self.site.setCurrentIndex(max(0, self.site.findData(default_site)))
        if auditor and not self.auditor.text():
            self.auditor.setText(auditor)
        self.open_list.clear()
        for audit in audits:
            text = (
                self.tr("%1 — started %2 by %3")
                .replace("%1", audit.site)
                .replace("%2", audit.started_at.astimezone().strftime("%d.%m.%Y %H:%M"))
                .replace("%3", audit.auditor or "–")
            )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, audit.audit_id)
            self.open_list.addItem(item)
        self.open_box.setVisible(bool(audits))
        if audits:
            self.open_list.setCurrentRow(0)

    def focus_first(self) -> None:
        self.site.setFocus()

    def _start(self) -> None:
        index = self.site.findText(self.site.currentText(), Qt.MatchFlag.MatchFixedString)
        site_id = self.site.itemData(index) if index >= 0 else None
        if not site_id:
            self.error.setText(self.tr("Choose a site from the list."))
            return
        self.error.clear()
        self.start_requested.emit(site_id, " ".join(self.auditor.text().split()))

    def _resume(self) -> None:
        item = self.open_list.currentItem()
        if item is not None:
            self.resume_requested.emit(item.data(Qt.ItemDataRole.UserRole))
