"""First start on a new laptop: the auditor's name, the language, and joining the central.

Shown before the main window when the laptop has no settings file yet, and again from the Sync page
("Set up this laptop…"). Every part can be skipped; nothing here is needed to work offline. Joining
is either an enrolment file made by central IT (applied at once, so the first sync file can be made
right away) or central's address for online sync (the first sync enrols the laptop).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from inventory_app.context import AppContext
from inventory_app.core.errors import InventoryError
from inventory_app.sync.credentials import strip_password
from inventory_app.sync.service import SyncService
from inventory_app.ui.error_texts import ErrorTexts
from inventory_app.ui.file_dialogs import FileDialogs


class FirstRunDialog(QDialog):
    """``setup_done(language_changed)`` after the settings were saved (and the laptop joined, if asked)."""

    setup_done = Signal(bool)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.sync_requested = False  # "online" was chosen: the window syncs once it is up
        self.setWindowTitle(self.tr("Welcome to the school device inventory"))
        self.setMinimumWidth(560)
        cfg = ctx.config
        intro = QLabel(
            self.tr(
                "Three short questions before you start. You can skip them and change everything "
                "later (File › Settings, and the Sync page)."
            )
        )
        intro.setWordWrap(True)
        self.auditor = QLineEdit(cfg.auditor)
        self.auditor.setPlaceholderText(self.tr("your name as it should appear on audits"))
        self.language = QComboBox()
        self.language.addItem("Suomi", "fi")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(cfg.language or "fi")))
        form = QFormLayout()
        form.addRow(self.tr("Your &name"), self.auditor)
        form.addRow(self.tr("&Language"), self.language)

        self.join_later = QRadioButton(self.tr("&Later: work on this laptop only for now"))
        self.join_file = QRadioButton(self.tr("With an &enrolment file from central IT"))
        self.join_online = QRadioButton(self.tr("&Online: sign in to the central database"))
        self.choice = QButtonGroup(self)
        for button in (self.join_later, self.join_file, self.join_online):
            self.choice.addButton(button)
        self.file_edit = QLineEdit()
        self.file_edit.setPlaceholderText(self.tr("the .json file central IT gave you"))
        self.browse = QPushButton(self.tr("&Browse…"))
        self.browse.setAutoDefault(False)  # Return in a field means "Start", not "open a file dialog"
        self.browse.clicked.connect(self._browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.browse)
        self.url_edit = QLineEdit(cfg.central_url)
        self.url_edit.setPlaceholderText(self.tr("postgresql://user@server/inventory"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("password (kept in the system's key store)"))
        box = QGroupBox(self.tr("Join the central"))
        box_layout = QVBoxLayout(box)
        box_layout.addWidget(self.join_later)
        box_layout.addWidget(self.join_file)
        box_layout.addLayout(file_row)
        box_layout.addWidget(self.join_online)
        box_layout.addWidget(self.url_edit)
        box_layout.addWidget(self.password)
        enrolled = SyncService(ctx.store).status().enrolled
        self.joined_note = QLabel(self.tr("This laptop has already joined the central."))
        self.joined_note.setVisible(enrolled)
        box_layout.addWidget(self.joined_note)
        (self.join_online if cfg.central_url else self.join_later).setChecked(True)
        self.file_edit.textEdited.connect(lambda _t: self.join_file.setChecked(True))
        self.url_edit.textEdited.connect(lambda _t: self.join_online.setChecked(True))

        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b71c1c; font-weight: bold;")
        self.buttons = QDialogButtonBox()
        self.start_button = self.buttons.addButton(self.tr("&Start"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.skip_button = self.buttons.addButton(self.tr("S&kip"), QDialogButtonBox.ButtonRole.RejectRole)
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.finish)
        self.skip_button.clicked.connect(self.skip)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(box)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _browse(self) -> None:
        path = FileDialogs(self.ctx.db_path).open_file(
            self, self.tr("The enrolment file"), str(Path.home()), self.tr("Enrolment files (*.json);;All files (*)")
        )
        if path:
            self.file_edit.setText(path)
            self.join_file.setChecked(True)

    def finish(self) -> None:
        """Join as chosen (a refusal keeps the dialog open and changes nothing), then save the settings."""
        service = SyncService(self.ctx.store)
        url = self.url_edit.text().strip()
        try:
            if self.join_file.isChecked():
                text = self.file_edit.text().strip()
                if not text:
                    self.error.setText(self.tr("Choose the enrolment file, or pick “Later”."))
                    return
                service.enrol_from_file(Path(text))
            elif self.join_online.isChecked():
                if not url.startswith(("postgresql://", "postgres://")):
                    self.error.setText(self.tr("Write central's address, e.g. postgresql://user@server/inventory."))
                    return
                if self.password.text():
                    url = service.remember_password(url, self.password.text())
        except InventoryError as exc:
            self.error.setText(ErrorTexts().text(exc))  # in the window's language (field trial)
            self.error.setToolTip(ErrorTexts().details(exc))
            return
        except Exception as exc:  # a missing system key store must not lose the other answers
            self.error.setText(self.tr("The password could not be stored: %1").replace("%1", str(exc)))
            return
        cfg = self.ctx.config
        language_changed = cfg.language != self.language.currentData()
        cfg.auditor = " ".join(self.auditor.text().split())
        cfg.language = self.language.currentData()
        if self.join_online.isChecked():
            cfg.central_url = strip_password(url)
            self.sync_requested = True
        self.ctx.save_config()
        self.setup_done.emit(language_changed)
        self.accept()

    def skip(self) -> None:
        """Skipping still writes the settings file, so the questions are not asked again at every start."""
        self.ctx.save_config()
        self.reject()


def needs_first_run(ctx: AppContext) -> bool:
    """A laptop without a settings file (central's own window never asks)."""
    return not ctx.paths.config_file.exists() and not SyncService(ctx.store).central
