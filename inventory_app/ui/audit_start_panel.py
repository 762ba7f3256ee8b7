"""Before an audit: choose the site and the auditor, or resume an unfinished audit."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
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
        # Typing replaces the school shown (field trial: "Joutsenon koulu (JOU01)Pulpin" was refused),
        # and any part of a name or code finds it, whatever its case: "pulpin", "lukio", "jou01", "ylämaa".
        completer = QCompleter(self.site.model(), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.site.setCompleter(completer)
        self.site.installEventFilter(self)
        site_line = self.site.lineEdit()
        if site_line is not None:
            site_line.setPlaceholderText(self.tr("type part of the site's name or code"))
            site_line.installEventFilter(self)
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
        # No school is chosen for the auditor: the tree's school (or the default one), else none.
        self.site.setCurrentIndex(self.site.findData(default_site) if default_site else -1)
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
        self._select_site_text()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.FocusIn and watched in (self.site, self.site.lineEdit()):
            # After the click that focused it has placed the cursor: the next turn of the event loop.
            QTimer.singleShot(0, self._select_site_text)
        return super().eventFilter(watched, event)

    def _select_site_text(self) -> None:
        edit = self.site.lineEdit()
        if edit is not None and edit.hasFocus():
            edit.selectAll()

    def site_for_text(self, text: str) -> str | None:
        """The site the typed text names: a whole entry, else the one entry containing it (any case)."""
        wanted = " ".join(text.split()).casefold()
        if not wanted:
            return None
        entries = [(self.site.itemText(i).casefold(), self.site.itemData(i)) for i in range(self.site.count())]
        exact = [site_id for entry, site_id in entries if entry == wanted]
        if exact:
            return str(exact[0])
        partial = [site_id for entry, site_id in entries if wanted in entry]
        return str(partial[0]) if len(partial) == 1 else None

    def _start(self) -> None:
        site_id = self.site_for_text(self.site.currentText())
        if not site_id:
            self.error.setText(self.tr("Choose a site from the list."))
            return
        self.error.clear()
        self.start_requested.emit(site_id, " ".join(self.auditor.text().split()))

    def _resume(self) -> None:
        item = self.open_list.currentItem()
        if item is not None:
            self.resume_requested.emit(item.data(Qt.ItemDataRole.UserRole))
