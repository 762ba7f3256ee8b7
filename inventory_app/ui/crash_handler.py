"""Catch what nobody else caught: Python exceptions on any thread and Qt's own warnings.

``install_crash_handler(app, ctx)`` (called once from ``ui/application.py``) logs every unexpected
exception with its traceback (masked by the log's privacy filter) and shows a ``CrashDialog`` with a
plain message and a support report. It never touches the store: each change was committed when made,
so there is nothing to rescue, and a crash must not turn into a half-written save.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QObject, QtMsgType, Signal, qInstallMessageHandler, qVersion
from PySide6.QtWidgets import QApplication, QWidget

from inventory_app.context import AppContext
from inventory_app.maintenance.log_privacy import mask
from inventory_app.maintenance.versions import versions
from inventory_app.ui.crash_dialog import CrashDialog

log = logging.getLogger(__name__)
qt_log = logging.getLogger("inventory_app.qt")

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


class CrashHandler(QObject):
    """Owns the hooks; ``crash_shown`` fires once the dialog is up (tests wait for it)."""

    crash_shown = Signal(CrashDialog)
    # Exceptions from other threads are carried to the UI thread through this queued signal.
    _thread_exception = Signal(object, object, object)

    def __init__(self, app: QApplication, ctx: AppContext) -> None:
        super().__init__(app)
        self.app = app
        self.ctx = ctx
        self.dialog: CrashDialog | None = None
        self.repeats = 0
        self._previous_excepthook = sys.excepthook
        self._previous_threading_hook = threading.excepthook
        self._thread_exception.connect(self.handle_exception)

    # -- hooks -------------------------------------------------------------------------------------
    def install(self) -> CrashHandler:
        sys.excepthook = self.handle_exception
        threading.excepthook = self._from_thread
        qInstallMessageHandler(self._qt_message)
        return self

    def uninstall(self) -> None:
        sys.excepthook = self._previous_excepthook
        threading.excepthook = self._previous_threading_hook
        qInstallMessageHandler(None)

    def _from_thread(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit or args.exc_value is None:
            return
        self._thread_exception.emit(args.exc_type, args.exc_value, args.exc_traceback)

    def _qt_message(self, mode: QtMsgType, context: Any, message: str) -> None:
        where = f" ({context.file}:{context.line})" if getattr(context, "file", None) else ""
        qt_log.log(_QT_LEVELS.get(mode, logging.WARNING), "%s%s", message, where)

    # -- the report ---------------------------------------------------------------------------------
    def handle_exception(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self._previous_excepthook(exc_type, exc, tb)
            return
        log.critical("unexpected error", exc_info=(exc_type, exc, tb))
        try:
            self._show(exc_type, exc, tb)
        except Exception:  # the report itself failed: the log has the details, do not loop
            log.exception("could not show the crash dialog")
            self._previous_excepthook(exc_type, exc, tb)

    def report(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> str:
        """The text support gets: what failed, versions, where, the traceback and the last log lines."""
        lines = [
            "School device inventory — error report",
            f"time: {datetime.now().isoformat(timespec='seconds')}",
            f"error: {exc_type.__name__}: {exc}",
            "",
            *(f"{k}: {v}" for k, v in versions().items()),
            f"Qt (runtime): {qVersion()}",
            f"store: {self.ctx.db_target}",
            "",
            "".join(traceback.format_exception(exc_type, exc, tb)).rstrip(),
        ]
        tail = self._log_tail()
        if tail:
            lines += ["", "last log lines:", tail]
        text = "\n".join(lines)
        home = str(Path.home())
        if len(home) > 3:  # the user's name is often in the home folder's path
            text = text.replace(home, "~")
        return mask(text)

    def _log_tail(self, count: int = 30) -> str:
        path = self.log_path
        try:
            return "\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-count:])
        except OSError:
            return ""

    @property
    def log_path(self) -> Path:
        return self.ctx.paths.log_dir / "inventory.log"

    def _show(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            self.repeats += 1  # one dialog at a time; a storm of errors must not bury the window
            return
        parent = self.app.activeWindow()
        summary = mask(f"{exc_type.__name__}: {exc}")
        self.dialog = CrashDialog(
            summary, self.report(exc_type, exc, tb), self.log_path, parent if isinstance(parent, QWidget) else None
        )
        self.dialog.quit_requested.connect(self.app.quit)
        self.dialog.open()
        self.crash_shown.emit(self.dialog)


def install_crash_handler(app: QApplication, ctx: AppContext) -> CrashHandler:
    """Install the hooks for this application; keep the returned handler (it owns the dialog)."""
    return CrashHandler(app, ctx).install()
