"""The dialog shown when something unexpected fails: a plain message, and details to copy for support.

Every scan and edit is committed when it is made, so the message can honestly say the work is saved.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class CrashDialog(QDialog):
    """Says what happened in plain words; "Copy details" puts the (masked) report on the clipboard."""

    details_copied = Signal(str)
    quit_requested = Signal()

    def __init__(self, summary: str, details: str, log_path: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.details = details
        self.setWindowTitle(self.tr("Something went wrong"))
        self.setMinimumWidth(560)

        layout = QVBoxLayout(self)
        self.message = QLabel(
            self.tr(
                "<b>Something went wrong, and this step did not finish.</b><br><br>"
                "Your work up to now is saved: every scan and change is stored the moment it is made. "
                "You can keep working, or quit and start the app again.<br><br>"
                "If it happens again, press <b>Copy details</b> and paste them into a message to IT support."
            )
        )
        self.message.setWordWrap(True)
        layout.addWidget(self.message)

        self.summary = QLabel(self.tr("What failed: {0}").format(summary))
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)

        self.details_view = QPlainTextEdit(details)
        self.details_view.setReadOnly(True)
        self.details_view.setVisible(False)
        self.details_view.setMinimumHeight(220)
        layout.addWidget(self.details_view)

        if log_path is not None:
            self.log_hint = QLabel(self.tr("The log file is {0}").format(str(log_path)))
            self.log_hint.setWordWrap(True)
            self.log_hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(self.log_hint)

        self.buttons = QDialogButtonBox()
        self.copy_button = QPushButton(self.tr("Copy details"))
        self.show_button = QPushButton(self.tr("Show details"))
        self.show_button.setCheckable(True)
        self.quit_button = QPushButton(self.tr("Quit the app"))
        self.continue_button = QPushButton(self.tr("Keep working"))
        self.continue_button.setDefault(True)
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.show_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.quit_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.buttons.addButton(self.continue_button, QDialogButtonBox.ButtonRole.AcceptRole)
        layout.addWidget(self.buttons)

        self.copy_button.clicked.connect(self.copy_details)
        self.show_button.toggled.connect(self.details_view.setVisible)
        self.continue_button.clicked.connect(self.accept)
        self.quit_button.clicked.connect(self._quit)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)
        self.copy_button.setText(self.tr("Copied"))
        self.details_copied.emit(self.details)

    def _quit(self) -> None:
        self.reject()
        self.quit_requested.emit()
