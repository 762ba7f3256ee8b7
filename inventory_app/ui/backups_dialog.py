"""Backups: see the store's copies, make one now, restore one (after a confirmation and a safety copy).

The work runs on the task runner; the store is closed before a restore and reopened (and migrated if
the backup is older) afterwards, so the rest of the window keeps working on the restored data.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inventory_app.context import AppContext
from inventory_app.storage.backups import BackupInfo, StoreBackups
from inventory_app.ui.file_dialogs import FileDialogs
from inventory_app.ui.mnemonics import spread_in
from inventory_app.ui.tasks import TaskRunner

Confirm = Callable[[QWidget, str], bool]


def ask_yes_no(parent: QWidget, text: str) -> bool:
    answer = QMessageBox.question(
        parent,
        parent.tr("Restore a backup"),
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


class BackupsDialog(QDialog):
    backup_created = Signal(str)  # path of the new backup
    store_restored = Signal(str)  # path of the backup that was restored
    action_failed = Signal(str)  # the message shown to the user

    def __init__(
        self, ctx: AppContext, task_runner: TaskRunner, parent: QWidget | None = None, confirm: Confirm = ask_yes_no
    ) -> None:
        super().__init__(parent)
        self.files = FileDialogs(ctx.db_path)  # never reads the files it lists (file_dialogs)
        self.ctx = ctx
        self.runner = task_runner
        self.confirm = confirm
        self.backups: StoreBackups | None = ctx.backups()
        self.setWindowTitle(self.tr("Backups"))
        self.resize(760, 420)

        layout = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Made"), self.tr("Why"), self.tr("Size")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        layout.addWidget(self.table)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

        row = QHBoxLayout()
        self.create_button = QPushButton(self.tr("Back up now"))
        self.restore_button = QPushButton(self.tr("Restore selected…"))
        self.restore_file_button = QPushButton(self.tr("Restore from a file…"))
        self.close_button = QPushButton(self.tr("Close"))
        for button in (self.create_button, self.restore_button, self.restore_file_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.close_button)
        layout.addLayout(row)

        self.create_button.clicked.connect(self.create_backup)
        self.restore_button.clicked.connect(self._restore_selected)
        self.restore_file_button.clicked.connect(self._restore_from_file)
        self.close_button.clicked.connect(self.accept)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.runner.busy_changed.connect(lambda _busy: self._update_buttons())
        spread_in(self)  # an Alt+letter for every button, in either language
        self.refresh()

    # -- view -----------------------------------------------------------------------------------
    def refresh(self) -> None:
        if self.backups is None:
            self.intro.setText(
                self.tr("This app is working on a PostgreSQL database; it is backed up on its server, not here.")
            )
            self.items: list[BackupInfo] = []
        else:
            self.intro.setText(
                self.tr(
                    "A copy of the store is made before every update of the app's data format, before every "
                    "sync file import and once a day. The newest {0} copies are kept in {1}."
                ).format(self.backups.keep, str(self.backups.backup_dir))
            )
            self.items = self.backups.list()
        self.table.setRowCount(len(self.items))
        for i, info in enumerate(self.items):
            made = QTableWidgetItem(info.created.strftime("%Y-%m-%d %H:%M:%S"))
            made.setData(Qt.ItemDataRole.UserRole, str(info.path))
            self.table.setItem(i, 0, made)
            self.table.setItem(i, 1, QTableWidgetItem(self._reason_text(info.reason)))
            size = QTableWidgetItem(self.tr("{0} MB").format(QLocale().toString(info.size_bytes / 1e6, "f", 1)))
            size.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(i, 2, size)
        self.table.resizeColumnToContents(0)
        self._update_buttons()

    def _reason_text(self, reason: str) -> str:
        known = {
            "daily": self.tr("daily copy"),
            "manual": self.tr("made by hand"),
            "before-restore": self.tr("before a restore"),
            "before-sync-import": self.tr("before a sync file import"),
        }
        if reason.startswith("before-migration"):
            return self.tr("before a data format update")
        return known.get(reason, reason)

    def _update_buttons(self) -> None:
        idle = not self.runner.busy and self.backups is not None
        self.create_button.setEnabled(idle)
        self.restore_file_button.setEnabled(idle)
        self.restore_button.setEnabled(idle and self.selected_backup() is not None)

    def selected_backup(self) -> Path | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        if item is None:
            return None
        return Path(item.data(Qt.ItemDataRole.UserRole))

    # -- actions ----------------------------------------------------------------------------------
    def create_backup(self) -> None:
        if self.backups is None:
            return
        backups = self.backups
        self.status.setText(self.tr("Backing up…"))
        self.runner.run(lambda _progress: backups.create("manual"), on_done=self._created, on_error=self._failed)
        self._update_buttons()

    def _created(self, info: BackupInfo) -> None:
        self.status.setText(self.tr("Backed up to {0}.").format(info.name))
        self.refresh()
        self.backup_created.emit(str(info.path))

    def _restore_selected(self) -> None:
        path = self.selected_backup()
        if path is not None:
            self.restore(path)

    def _restore_from_file(self) -> None:
        start = str(self.backups.backup_dir) if self.backups else ""
        name = self.files.open_file(
            self, self.tr("Restore a backup"), start, self.tr("Store backups (*.sqlite);;All files (*)")
        )
        if name:
            self.restore(Path(name))

    def restore(self, path: Path) -> None:
        """Check the file, ask, close the store, restore on the runner, reopen."""
        if self.backups is None:
            return
        backups = self.backups
        try:
            info = backups.check_restorable(path)
        except Exception as exc:  # refused before anything happens: say why, change nothing
            self._failed(exc)
            return
        question = self.tr(
            "Replace the store with the backup {0} ({1} devices)?\n\n"
            "Changes made after that backup that were not yet synced will be lost. "
            "A copy of the current store is kept first, so this can be undone."
        ).format(path.name, info.devices)
        if not self.confirm(self, question):
            return
        self.ctx.close()  # release our connections; the store is reopened when the restore is done
        self.status.setText(self.tr("Restoring…"))
        self.runner.run(
            lambda _progress: backups.restore(path),
            on_done=lambda result: self._restored(path, result),
            on_error=self._failed,
        )
        self._update_buttons()

    def _restored(self, path: Path, result: Any) -> None:
        _info, safety = result
        try:
            self.ctx.store  # reopen now (migrates an older backup, with its own backup first)  # noqa: B018
        except Exception as exc:
            self._failed(exc)
            return
        safety_name = safety.name if safety is not None else "-"
        self.status.setText(self.tr("Restored {0}. The previous store was kept as {1}.").format(path.name, safety_name))
        self.refresh()
        self.store_restored.emit(str(path))

    def _failed(self, exc: BaseException) -> None:
        message = str(exc) or type(exc).__name__
        self.status.setText(self.tr("Not done: {0}").format(message))
        self.refresh()
        self.action_failed.emit(message)
