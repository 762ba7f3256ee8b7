"""The real window, driven through every action that opens a file dialog or touches files (run as a child).

``python store_safety_window.py STORE SITE_ID ROOM_LABEL TAG...``: Qt's own (non-native) file dialogs are
pointed at the store's folder and wait there until the folder is listed; after each action a second
process opens and closes the store (``main.py device show TAG``), then the window records scans. Every
scan the window shows is printed as ``SHOWN <event id>``; at the end ``READY`` is printed and the process
waits to be killed (the test sends SIGKILL).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QFileSystemModel, QLineEdit

from inventory_app.context import AppContext
from inventory_app.ui.application import create_qapplication
from inventory_app.ui.main_window import MainWindow

MAIN = Path(__file__).resolve().parents[2] / "main.py"


class DialogDriver(QObject):
    """Answers every file dialog: show the store's folder, wait until it is listed, then choose ``answer``."""

    def __init__(self, app: QApplication, store_folder: Path) -> None:
        super().__init__()
        self.store_folder = store_folder
        self.answer: Path | None = None
        self.shown = 0
        self.listed = 0
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Show and isinstance(watched, QFileDialog):
            self.shown += 1
            QTimer.singleShot(0, lambda dialog=watched: self._point(dialog))
        return False

    def _point(self, dialog: QFileDialog) -> None:
        model = dialog.findChild(QFileSystemModel)
        assert model is not None, "not Qt's own file dialog"
        folder = str(self.store_folder)

        def loaded(path: str) -> None:
            if path == folder:
                self.listed += 1
                QTimer.singleShot(0, lambda: self._finish(dialog))

        model.directoryLoaded.connect(loaded)
        if dialog.directory().absolutePath() == folder:  # already there (Qt remembers the last folder)
            dialog.setDirectory(str(self.store_folder.parent))
        dialog.setDirectory(folder)

    def _finish(self, dialog: QFileDialog) -> None:
        answer, self.answer = self.answer, None
        if answer is None:
            dialog.reject()
            return
        name_edit = dialog.findChild(QLineEdit, "fileNameEdit")
        assert name_edit is not None
        name_edit.setText(str(answer))  # as a person types a full path
        dialog.accept()


def wait_signal(signal: Any, timeout_ms: int = 30000) -> list[Any]:
    loop = QEventLoop()
    got: list[Any] = []

    def done(*args: Any) -> None:
        got.extend(args)
        loop.quit()

    signal.connect(done)
    QTimer.singleShot(timeout_ms, loop.quit)  # a failsafe: the test then fails on the missing scans
    loop.exec()
    signal.disconnect(done)
    return got


def settle(window: MainWindow) -> None:
    for _ in range(5):
        window.runner.wait(30000)
        QApplication.processEvents()


def main() -> None:
    import faulthandler

    faulthandler.dump_traceback_later(220, exit=True)  # a hang shows where
    store, site_id, room_label, *tags = sys.argv[1:]
    store_path = Path(store)
    work = store_path.parent.parent / "elsewhere"
    work.mkdir(exist_ok=True)
    app = create_qapplication()
    ctx = AppContext.create(db=store)
    ctx.config.sound = False
    window = MainWindow(ctx, resume=False, remember=False)
    window.resize(1366, 768)
    window.show()
    driver = DialogDriver(app, store_path.parent)
    features = window.features
    page = window.audit_page
    scan_round = [0]

    def second_process() -> None:
        subprocess.run(
            [sys.executable, str(MAIN), "--db", store, "device", "show", tags[0]],
            check=True,
            capture_output=True,
            timeout=60,
        )

    def scans(count: int = 2) -> None:
        for _ in range(count):
            # Known devices first, then codes nobody has seen (each one a new scan event too).
            n = scan_round[0]
            scan_round[0] += 1
            page.handle_code(tags[n] if n < len(tags) else f"SN-UNSEEN-{n:03d}")
            shown = wait_signal(page.scan_shown, 15000)
            if not shown or not shown[0].event_id:
                print("NOT SHOWN", n, shown[0].outcome if shown else "no card", flush=True)
                sys.exit(2)  # the window cannot record scans any more (e.g. "disk I/O error")
            print("SHOWN", shown[0].event_id, flush=True)

    def step(name: str) -> None:
        settle(window)
        second_process()
        print("STEP", name, driver.shown, driver.listed, flush=True)
        scans()

    # Backups: make one, restore it from a file chosen in the dialog (before any scan: a restore replaces them).
    backups = features.open_backups()
    backups.confirm = lambda *_args: True  # type: ignore[attr-defined]
    backups.create_backup()  # type: ignore[attr-defined]
    created = wait_signal(backups.backup_created)  # type: ignore[attr-defined]
    driver.answer = Path(created[0])
    backups._restore_from_file()  # type: ignore[attr-defined]
    wait_signal(backups.store_restored)  # type: ignore[attr-defined]
    backups.close()
    settle(window)
    second_process()

    page.start_audit(site_id, "Aino Auditor")
    page.handle_code(room_label)
    wait_signal(page.scan_shown)
    scans()

    # Sync file export: success, then a cancelled dialog and a failing write.
    panel = features.sync_panel
    export = work / "changes.zip"
    driver.answer = export
    panel._choose_export()
    wait_signal(panel.export_finished)
    assert export.is_file(), "the sync file was not written"
    step("sync export")
    driver.answer = None
    panel._choose_export()
    panel.export_to(store_path.parent / "no-such-folder" / "changes.zip")
    step("sync export failed")

    # Sync file import (central's dialog): browse, preview.
    central = features.open_central_import()
    driver.answer = export
    central._browse()  # type: ignore[attr-defined]
    settle(window)
    central.close()
    step("sync import")

    # Inventory import wizard: browse for the file, import three devices.
    csv = work / "laitteet.csv"
    csv.write_text(
        "Koulu;Luokka;Laitetyyppi;Sarjanumero\nKOI01;A101;Projektori;IMP-1\n"
        "KOI01;A101;Tabletti;IMP-2\nKOI01;A102;Tabletti;IMP-3\n",
        encoding="utf-8",
    )
    wizard = features.open_import()
    driver.answer = csv
    wizard.file_page._browse()  # type: ignore[attr-defined]
    wizard.next()  # -> mapping (detected)
    wizard.next()  # -> preview, checked off the UI thread
    wait_signal(wizard.preview_ready)  # type: ignore[attr-defined]
    wizard.next()
    wait_signal(wizard.import_finished)  # type: ignore[attr-defined]
    wizard.close()
    step("inventory import")

    # Labels: save a PDF.
    labels = features.open_labels()
    driver.answer = work / "labels.pdf"
    labels._ask_save_pdf()  # type: ignore[attr-defined]
    settle(window)
    labels.close()
    step("labels")

    # Reports: run one, export it as CSV and XLSX.
    reports = features.reports_page
    reports.run_report()
    wait_signal(reports.report_shown)
    for fmt in ("csv", "xlsx"):
        driver.answer = work / f"report.{fmt}"
        reports._ask_export(fmt)
        wait_signal(reports.export_finished)
        step(f"report {fmt}")

    # A handheld scanner's log file.
    log = work / "scans.txt"
    log.write_text("\n".join(tags[:2]) + "\n", encoding="utf-8")
    driver.answer = log
    page.choose_log_file()
    wait_signal(page.log_import_finished)
    step("scan log")

    # Targets import dialog (cancelled) and a last round of scans.
    targets = features.open_targets()
    driver.answer = None
    targets._ask_import("targets")  # type: ignore[attr-defined]
    targets.close()
    step("targets")

    wal = Path(store + "-wal")
    deleted = [fd for fd in os.listdir("/proc/self/fd") if _link(fd).endswith("-wal (deleted)")]
    print("WAL", "exists" if wal.exists() else "missing", "DELETED-FDS", len(deleted), flush=True)
    print("READY", flush=True)
    loop = QEventLoop()
    loop.exec()  # until killed


def _link(fd: str) -> str:
    try:
        return os.readlink(f"/proc/self/fd/{fd}")
    except OSError:
        return ""


if __name__ == "__main__":
    main()
