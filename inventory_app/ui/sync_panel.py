"""The sync button and its state: offline/online, pending changes, last sync, progress; export to a file.

Work runs on the TaskRunner; the panel emits ``online_changed(bool)`` when central's reachability
changes and ``sync_finished(report)`` after a sync (the report is a ``SyncReport``, or None on failure).
A laptop that has not joined a central is told so at the top, with the fix (an enrolment file, or the
set-up questions of the first start); its export button stays off until it has joined, so no file name
is asked for a file that cannot be written. At central, the panel lists the laptops and enrols new ones.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inventory_app.context import AppContext
from inventory_app.core.errors import InventoryError
from inventory_app.core.identifiers import identifier_key
from inventory_app.sync.credentials import strip_password
from inventory_app.sync.service import SyncService
from inventory_app.ui.error_texts import ErrorTexts
from inventory_app.ui.file_dialogs import FileDialogs
from inventory_app.ui.mnemonics import spread_in
from inventory_app.ui.tasks import TaskRunner

log = logging.getLogger(__name__)


class SyncPanel(QWidget):
    online_changed = Signal(bool)
    sync_finished = Signal(object)  # SyncReport | None
    export_finished = Signal(str)  # the written file
    enrolled = Signal(str)  # the deployment joined

    def __init__(self, ctx: AppContext, task_runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.files = FileDialogs(ctx.db_path)  # never reads the files it lists (file_dialogs)
        self.ctx = ctx
        self.runner = task_runner
        self.online: bool | None = None
        self.busy = False
        self.needs_enrolment = False
        self.status_label = QLabel()
        self.detail_label = QLabel()
        self.detail_label.setWordWrap(True)
        self.central_edit = QLineEdit(ctx.config.central_url)
        self.central_edit.setPlaceholderText(self.tr("postgresql://user@server/inventory"))
        self.sync_button = QPushButton(self.tr("Sync &now"))
        self.export_button = QPushButton(self.tr("&Export to file…"))
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.join_banner = self._join_banner()
        self.setup_button = QPushButton(self.tr("Set &up this laptop…"))
        self.setup_button.clicked.connect(self.open_setup)
        row = QHBoxLayout()
        central_label = QLabel(self.tr("&Central:"))
        central_label.setBuddy(self.central_edit)
        row.addWidget(central_label)
        row.addWidget(self.central_edit, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.sync_button)
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        buttons.addWidget(self.setup_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.join_banner)
        layout.addWidget(self.status_label)
        layout.addWidget(self.detail_label)
        layout.addLayout(row)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        self.laptops: QWidget | None = None
        if self._service().central:
            from inventory_app.ui.central_laptops_panel import CentralLaptopsPanel

            self.laptops = CentralLaptopsPanel(ctx)
            layout.addWidget(self.laptops, 1)
            self.setup_button.setVisible(False)
        layout.addStretch(1)
        self.sync_button.clicked.connect(self.start_sync)
        self.central_edit.returnPressed.connect(self._return_in_address)
        self.export_button.clicked.connect(self._choose_export)
        self.refresh_status()
        spread_in(self)  # an Alt+letter for every field and button, in either language

    def _return_in_address(self) -> None:
        """Return in the address field syncs, as the button would."""
        if self.sync_button.isEnabled():
            self.start_sync()

    def _join_banner(self) -> QFrame:
        banner = QFrame()
        banner.setObjectName("joinBanner")
        banner.setStyleSheet("#joinBanner { background: #fff3e0; border: 1px solid #e65100; border-radius: 4px; }")
        text = QLabel(
            self.tr(
                "This laptop has not joined the central yet. Its changes are kept safely here, "
                "but sync files can be made only after it has joined: open the enrolment file "
                "central IT gave you, or sync online once."
            )
        )
        text.setWordWrap(True)
        self.join_file_button = QPushButton(self.tr("Join with an &enrolment file…"))
        self.join_file_button.clicked.connect(self._choose_enrolment)
        row = QHBoxLayout()
        row.addWidget(self.join_file_button)
        row.addStretch(1)
        layout = QVBoxLayout(banner)
        layout.addWidget(text)
        layout.addLayout(row)
        return banner

    # -- state --------------------------------------------------------------------------------------
    def _service(self) -> SyncService:
        return SyncService(self.ctx.store)

    def refresh_status(self, pending: int | None = None) -> None:
        """``pending``: the count the window's status bar shows, so that both say the same number."""
        status = self._service().status()
        state = {None: self.tr("Not checked"), True: self.tr("Online"), False: self.tr("Offline")}[self.online]
        self.status_label.setText(self.tr("Sync: {0}").format(state))
        last = status.last_sync[:16].replace("T", " ") if status.last_sync else self.tr("never")
        self.detail_label.setText(
            self.tr(
                "{0} changes waiting to be sent · last sync {1} · {2} open conflicts · {3} possible duplicates"
            ).format(status.pending if pending is None else pending, last, status.open_conflicts, status.duplicates)
        )
        self.sync_button.setEnabled(not self.busy and not status.central)
        self.needs_enrolment = not status.central and not status.enrolled
        self.join_banner.setVisible(self.needs_enrolment)
        self.export_button.setEnabled(not self.busy and not self.needs_enrolment)
        self.export_button.setToolTip(self.tr("Join the central first (see above).") if self.needs_enrolment else "")

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt name)
        # The counts change while other pages work (scans, edits): read them when the page is shown.
        if not self.busy:
            self.refresh_status()
        super().showEvent(event)

    def _set_online(self, online: bool) -> None:
        if online != self.online:
            self.online = online
            self.online_changed.emit(online)
        self.refresh_status()

    def check_online(self) -> None:
        """Probe central in the background (the app calls this now and then)."""
        url = self.central_edit.text().strip()
        if not url:
            self._set_online(False)
            return
        self.runner.run(
            lambda progress: self._service().probe(url),
            on_done=self._set_online,
            on_error=lambda exc: self._set_online(False),
        )

    # -- sync -----------------------------------------------------------------------------------------
    def start_sync(self) -> None:
        url = self.central_edit.text().strip()
        if not url:
            self.message.setText(self.tr("Enter the address of the central database first."))
            return
        self.message.setToolTip("")
        self._begin(self.tr("Syncing…"))
        service = self._service()
        self.runner.run(
            lambda progress: service.sync(url, progress=progress),
            on_done=self._synced,
            on_error=self._sync_failed,
            on_progress=self._progressed,
        )

    def _begin(self, text: str) -> None:
        self.busy = True
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.message.setText(text)
        self.refresh_status()

    def _progressed(self, done: int, total: int, stage: str) -> None:
        if stage == "snapshot":  # a first sync: central's whole inventory arrives
            self.message.setText(
                self.tr("Receiving central's inventory: {0} / {1} rows").format(
                    self.locale().toString(done), self.locale().toString(total)
                )
            )
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))

    def _end(self) -> None:
        self.busy = False
        self.progress.setVisible(False)

    def _synced(self, report: Any) -> None:
        self._end()
        url = strip_password(self.central_edit.text().strip())
        if self.ctx.config.central_url != url:
            self.ctx.config.central_url = url
            self.ctx.save_config()
        text = self.tr("Synced: sent {0}, received {1}, {2} conflicts.").format(
            report.pushed, report.pulled + report.snapshot_rows, report.conflicts
        )
        if report.warnings:
            text += "\n" + "\n".join(report.warnings)
        self.message.setText(text)
        self._set_online(True)
        self.sync_finished.emit(report)

    def _show_error(self, text: str, exc: BaseException) -> None:
        """A plain sentence for the user; the technical detail in the tooltip and the log."""
        errors = ErrorTexts()
        details = errors.details(exc)
        shown = text.replace("{0}", errors.text(exc))
        log.warning("%s (%s)", shown, details)
        self.message.setText(shown)
        self.message.setToolTip(self.tr("Details: {0}").replace("{0}", details))

    def _sync_failed(self, exc: BaseException) -> None:
        self._end()
        self._show_error(self.tr("Sync failed. {0}"), exc)
        self._set_online(False)
        self.sync_finished.emit(None)

    # -- export -----------------------------------------------------------------------------------------
    def default_export_name(self) -> str:
        # In the user's language ("synkronointi-kaikki-toimipisteet-….zip" in Finnish).
        site = identifier_key(self.ctx.config.default_site) or self.tr("all-sites")
        auditor = identifier_key(self.ctx.config.auditor) or self.tr("auditor")
        name = self.tr("sync-%1-%2-%3.zip").replace("%1", site).replace("%2", f"{date.today():%Y-%m-%d}")
        return name.replace("%3", auditor).lower()

    def _choose_export(self) -> None:
        self.refresh_status()
        if self.needs_enrolment:  # asked before the file name, never after
            self.message.setText(self.tr("This laptop has not joined the central yet; join it first (above)."))
            return
        folder = Path.home()
        path = self.files.save_file(
            self,
            self.tr("Export changes to a sync file"),
            str(folder / self.default_export_name()),
            self.tr("Sync files (*.zip)"),
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        self._begin(self.tr("Writing the sync file…"))
        service = self._service()
        self.runner.run(lambda progress: service.export(path), on_done=self._exported, on_error=self._export_failed)

    def _exported(self, result: Any) -> None:
        self._end()
        self.message.setText(self.tr("Wrote {0} changes to {1}.").format(result.changes, str(result.path)))
        self.refresh_status()
        self.export_finished.emit(str(result.path))

    def _export_failed(self, exc: BaseException) -> None:
        self._end()
        self._show_error(self.tr("Export failed. {0}"), exc)
        self.refresh_status()

    # -- joining the central ------------------------------------------------------------------------------
    def _choose_enrolment(self) -> None:
        path = self.files.open_file(
            self, self.tr("The enrolment file"), str(Path.home()), self.tr("Enrolment files (*.json);;All files (*)")
        )
        if path:
            self.enrol_from(Path(path))

    def enrol_from(self, path: Path) -> bool:
        """Join the central with an enrolment file; a refused file changes nothing and says why."""
        try:
            result = self._service().enrol_from_file(path)
        except InventoryError as exc:
            self._show_error(self.tr("The laptop did not join. {0}"), exc)
            return False
        self.message.setText(self.tr("This laptop has joined the central. Sync files can be made now."))
        self.refresh_status()
        self.enrolled.emit(str(result["deployment_id"]))
        return True

    def open_setup(self) -> QWidget:
        from inventory_app.ui.first_run_dialog import FirstRunDialog

        dialog = FirstRunDialog(self.ctx, self)
        dialog.setup_done.connect(lambda _lang: self._after_setup(dialog.sync_requested))
        dialog.open()
        return dialog

    def _after_setup(self, sync_now: bool) -> None:
        if self.ctx.config.central_url:
            self.central_edit.setText(self.ctx.config.central_url)
        self.refresh_status()
        if sync_now and not self.busy:
            self.start_sync()  # signing in online: the first sync joins the laptop
