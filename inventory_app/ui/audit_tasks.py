"""The audit's side tasks: observations about the current room and importing a scan log.

Both talk to the engine's helpers off the UI thread: the connection check in the task runner,
the scan-log import on the audit worker (in line with the scans; the task runner reads the file).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from inventory_app.audit.engine import AuditSession
from inventory_app.audit.observations import check_connection, check_target, record_observation
from inventory_app.audit.scan_log import import_log
from inventory_app.context import AppContext
from inventory_app.core.errors import InventoryError
from inventory_app.ui.audit_worker import AuditWorker
from inventory_app.ui.error_texts import ErrorTexts
from inventory_app.ui.file_dialogs import FileDialogs
from inventory_app.ui.observation_dialog import ObservationDialog
from inventory_app.ui.tasks import TaskRunner


class AuditTasks(QObject):
    """``log_imported(result)`` or ``log_failed(message)`` after ``import_log_file``."""

    log_imported = Signal(object)
    log_failed = Signal(str)

    def __init__(self, ctx: AppContext, runner: TaskRunner, worker: AuditWorker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.runner = runner
        self.worker = worker
        self.files = FileDialogs(ctx.db_path)  # never reads the files it lists (file_dialogs)

    def ask_log_file(self, parent: QWidget) -> Path | None:
        """The handheld scanner's file to import, or None."""
        path = self.files.open_file(
            parent, self.tr("Import scan log"), "", self.tr("Scan logs (*.txt *.csv *.log);;All files (*)")
        )
        return Path(path) if path else None

    def observation_dialog(self, session: AuditSession, kind: str, parent: QWidget) -> ObservationDialog:
        store = self.ctx.store
        config = self.ctx.config

        def save(kind_value: str, severity: str, note: str, measurement: Any) -> str:
            return record_observation(
                store,
                site_id=session.site_id,
                room_id=session.current_room_id,
                audit_id=session.audit_id,
                kind=kind_value,
                severity=severity,
                text=note,
                measurement=measurement,
                auditor=session.auditor,
            )

        def measure() -> Any:
            # The host set in Settings, else the central's, else a public one: useful without a central.
            target = check_target(config.check_host, config.central_url)
            return check_connection(target.host, target.port, source=target.source)

        return ObservationDialog(session.current_room_code or "", save, measure, self.runner, kind, parent=parent)

    def import_log_file(self, session: AuditSession, path: Path) -> None:
        store = self.ctx.store

        def read(_progress: Any) -> list[str]:
            return path.read_text(encoding="utf-8", errors="replace").splitlines()

        def engine_import(lines: list[str]) -> None:
            self.worker.submit(
                lambda: import_log(store, session.site_id, lines, auditor=session.auditor, session=session),
                on_done=self.log_imported.emit,
                on_error=self._failed,
            )

        self.runner.run(read, on_done=engine_import, on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.log_failed.emit(ErrorTexts(self).text(exc) if isinstance(exc, (InventoryError, OSError)) else repr(exc))
