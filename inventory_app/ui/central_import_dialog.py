"""Central-side import of a laptop's sync file: choose it, see what it holds (verified), then import."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inventory_app.context import AppContext
from inventory_app.sync.service import SyncService
from inventory_app.ui.error_texts import ErrorTexts
from inventory_app.ui.file_dialogs import FileDialogs
from inventory_app.ui.tasks import TaskRunner

log = logging.getLogger(__name__)


class CentralImportDialog(QDialog):
    file_previewed = Signal(object)  # ImportResult of the preview, or None when refused
    sync_file_imported = Signal(object)  # ImportResult

    def __init__(self, ctx: AppContext, task_runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.files = FileDialogs(ctx.db_path)  # never reads the files it lists (file_dialogs)
        self.ctx = ctx
        self.runner = task_runner
        self.preview_ok = False
        self.result_text = ""
        self.setWindowTitle(self.tr("Import a sync file"))
        self.path_edit = QLineEdit()
        browse = QPushButton(self.tr("Choose…"))
        self.preview_button = QPushButton(self.tr("Check the file"))
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.import_button = self.buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        row.addWidget(self.preview_button)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("A sync file from a laptop. It is checked completely before anything is imported."))
        )
        layout.addLayout(row)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.buttons)
        browse.clicked.connect(self._browse)
        self.preview_button.clicked.connect(self.preview)
        self.path_edit.textChanged.connect(self._path_changed)
        self.buttons.rejected.connect(self.reject)
        self.import_button.clicked.connect(self.start_import)
        self.resize(640, 420)

    def _browse(self) -> None:
        path = self.files.open_file(self, self.tr("Sync file"), str(Path.home()), self.tr("Sync files (*.zip)"))
        if path:
            self.path_edit.setText(path)
            self.preview()

    def _path_changed(self) -> None:
        self.preview_ok = False
        self.import_button.setEnabled(False)

    def preview(self) -> None:
        path = Path(self.path_edit.text().strip())
        service = SyncService(self.ctx.store)
        self.details.setPlainText(self.tr("Checking…"))
        self.runner.run(
            lambda progress: service.import_file(path, preview=True), on_done=self._previewed, on_error=self._refused
        )

    def _previewed(self, result: Any) -> None:
        self.preview_ok = True
        lines = [
            self.tr("From laptop: {0}").format(result.source),
            self.tr("Made: {0}").format(result.created_at[:19].replace("T", " ")),
            self.tr("Changes: {0} ({1} already imported)").format(result.changes, result.skipped),
        ]
        names = self._table_names()
        lines += [f"  {names.get(table, table)}: {count}" for table, count in sorted(result.by_table.items())]
        lines += result.warnings
        self.details.setPlainText("\n".join(lines))
        self.import_button.setEnabled(result.changes > result.skipped or result.changes == 0)
        self.file_previewed.emit(result)

    def _table_names(self) -> dict[str, str]:
        """What a sync file's changes are about, in the user's words (not the tables' names)."""
        return {
            "areas": self.tr("Areas"),
            "sites": self.tr("Sites"),
            "rooms": self.tr("Rooms"),
            "site_populations": self.tr("Pupil numbers"),
            "categories": self.tr("Device categories"),
            "models": self.tr("Device models"),
            "leasing_contracts": self.tr("Leasing contracts"),
            "devices": self.tr("Devices"),
            "target_levels": self.tr("Targets"),
            "audits": self.tr("Audits"),
            "audit_decisions": self.tr("Audit decisions"),
            "billing_lines": self.tr("Billing lines"),
            "tag_blocks": self.tr("Asset tag blocks"),
            "scan_events": self.tr("Scans"),
            "observations": self.tr("Observations"),
        }

    def _refused(self, exc: BaseException) -> None:
        self.preview_ok = False
        self.import_button.setEnabled(False)
        errors = ErrorTexts()
        details = errors.details(exc)
        log.warning("sync file refused: %s", details)
        self.details.setPlainText(errors.text(exc) + "\n\n" + self.tr("Details: {0}").replace("{0}", details))
        self.file_previewed.emit(None)

    def start_import(self) -> None:
        if not self.preview_ok:
            return
        path = Path(self.path_edit.text().strip())
        service = SyncService(self.ctx.store)
        self.import_button.setEnabled(False)
        self.runner.run(lambda progress: service.import_file(path), on_done=self._imported, on_error=self._refused)

    def _imported(self, result: Any) -> None:
        """The result stays on screen until the user closes the dialog."""
        self.preview_ok = False
        lines = [
            self.tr("The file was imported."),
            self.tr("%n change(s) applied.", "", result.applied),
            self.tr("%n change(s) had been imported before.", "", result.skipped),
            self.tr("%n conflict(s): see the Conflicts page.", "", result.conflicts)
            if result.conflicts
            else self.tr("No conflicts."),
        ]
        self.result_text = "\n".join(lines)
        self.details.setPlainText(self.result_text)
        self.sync_file_imported.emit(result)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setFocus()
