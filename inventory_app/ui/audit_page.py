"""Audit mode: one site, room by room; a scan field that keeps the focus and a large result card.

Every code (keyboard wedge, camera, scan log) goes through the audit engine, which commits each
scan before it answers; this page only shows what happened and keeps the UI in step with it, so
after a crash or restart it resumes from the engine's record exactly where the audit was.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from inventory_app.audit.engine import AuditSession
from inventory_app.audit.results import ScanReason, ScanResult, open_audits
from inventory_app.context import AppContext
from inventory_app.core.enums import MissingDecision, ScanMethod, ScanOutcome
from inventory_app.core.errors import InventoryError
from inventory_app.inventory.browse import DeviceBrowser
from inventory_app.inventory.service import InventoryService
from inventory_app.ui.audit_actions import AuditActions
from inventory_app.ui.audit_start_panel import AuditStartPanel
from inventory_app.ui.audit_tasks import AuditTasks
from inventory_app.ui.audit_worker import AuditWorker
from inventory_app.ui.audit_workspace import AuditWorkspace
from inventory_app.ui.error_texts import ErrorTexts
from inventory_app.ui.missing_dialog import MissingDialog
from inventory_app.ui.observation_dialog import ObservationDialog
from inventory_app.ui.quick_add_dialog import QuickAddDialog
from inventory_app.ui.scan_texts import CardText, ScanTexts, fill
from inventory_app.ui.sounds import SoundPlayer
from inventory_app.ui.tasks import TaskRunner

log = logging.getLogger(__name__)


class AuditPage(QWidget):
    """Emits ``devices_changed(ids)`` when scans changed devices, ``room_changed(room_id, previous_id)``,
    ``audit_changed(audit_id)`` when an audit starts, resumes or finishes, ``scan_shown(result)`` after
    the card and the room table show a scan, ``counts_updated`` when the progress line follows."""

    devices_changed = Signal(object)
    room_changed = Signal(str, str)
    audit_changed = Signal(str)
    scan_shown = Signal(object)
    counts_updated = Signal(str)  # the progress line's new text
    log_import_finished = Signal(bool)
    room_loaded = Signal(str)  # the room table shows this room's devices
    status_message = Signal(str)  # a confirmation for the window's status bar

    def __init__(
        self,
        ctx: AppContext,
        browser: DeviceBrowser,
        runner: TaskRunner,
        sounds: SoundPlayer,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.store = ctx.store
        self.browser = browser
        self.runner = runner
        self.sounds = sounds
        self.texts = ScanTexts(self)
        self.errors = ErrorTexts(self)
        self.session: AuditSession | None = None
        self.last_result: ScanResult | None = None
        self.importing = False
        self._sources: list[QObject] = []
        # Every call into the audit session runs here, in order (a slow disk never freezes the window).
        self.worker = AuditWorker(self)
        self.tasks = AuditTasks(ctx, runner, self.worker, self)
        self.tasks.log_imported.connect(self._imported)
        self.tasks.log_failed.connect(self._import_failed)
        self._counts_timer = QTimer(self)
        self._counts_timer.setSingleShot(True)
        self._counts_timer.setInterval(0)
        self._counts_timer.timeout.connect(self.refresh_counts)

        self.start_panel = AuditStartPanel()
        self.start_panel.start_requested.connect(self.start_audit)
        self.start_panel.resume_requested.connect(self.resume_audit)
        self.workspace = AuditWorkspace(self.texts)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.start_panel)
        self.stack.addWidget(self.workspace)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)
        self._wire_workspace()
        self._build_actions()
        self.set_active(False)

    def _wire_workspace(self) -> None:
        """The workspace's widgets under the page's names (tests and the camera panel use them)."""
        ws = self.workspace
        self.site_label, self.room_combo, self.progress_label = ws.site_label, ws.room_combo, ws.progress_label
        self.scan_field, self.card = ws.scan_field, ws.card
        self.counts_label, self.history = ws.counts_label, ws.history
        self.room_model, self.room_table = ws.room_model, ws.room_table
        self.code_source_area, self.code_source_layout = ws.code_source_area, ws.code_source_layout
        self.observation_buttons = ws.observation_buttons
        self.room_combo.activated.connect(lambda _i: self.pick_room(self.room_combo.currentData()))
        self.scan_field.returnPressed.connect(self._scan_field_entered)
        self.card.undo_requested.connect(self.undo_last)
        self.card.quick_add_requested.connect(self.quick_add)
        self.card.keep_placeholder_requested.connect(self.keep_placeholder)
        self.card.move_here_requested.connect(self.move_here)
        self.card.back_in_use_requested.connect(self.back_in_use)
        for value, button in self.observation_buttons.items():
            button.clicked.connect(lambda _c=False, v=value: self.open_observation(v))

    def _build_actions(self) -> None:
        self.audit_actions = AuditActions(
            self,
            self.workspace.add_action_button,
            {
                "undo": self.undo_last,
                "observation": lambda: self.open_observation("network"),
                "import_log": self.choose_log_file,
                "finish": self.finish,
                "new_audit": self.show_start_panel,
                "room": self.workspace.open_room_picker,
                "scan_focus": self.focus_scan_field,
                "add": self.quick_add,
                "keep": self.keep_placeholder,
                "move": self.move_here,
                "back_in_use": self.back_in_use,
            },
        )
        a = self.audit_actions
        self.undo_action, self.observation_action, self.import_action = a.undo, a.observation, a.import_log
        self.finish_action, self.new_audit_action, self.room_action = a.finish, a.new_audit, a.room

    def page_actions(self) -> list[QAction]:
        return self.audit_actions.all()

    def set_active(self, active: bool) -> None:
        """Shortcuts work only while this page is shown (other pages reuse keys like Ctrl+Z)."""
        self.audit_actions.set_active(active, self.session is not None)
        if active and self.session is None and self.stack.currentWidget() is self.start_panel:
            self.show_start_panel()  # sites made since (City page, import, sync, another process)

    # -- starting and resuming --------------------------------------------------------------------
    def set_tree_site(self, site_id: str) -> None:
        """The school picked in the navigation tree: a new audit starts there unless the auditor chooses
        another (a tester started an audit at the first school in the list by mistake)."""
        self._tree_site = site_id
        if site_id and self.stack.currentWidget() is self.start_panel:
            self.start_panel.site.setCurrentIndex(max(0, self.start_panel.site.findData(site_id)))

    def show_start_panel(self) -> None:
        site = getattr(self, "_tree_site", "") or self.ctx.config.default_site
        self.start_panel.load(
            InventoryService(self.store).sites(), open_audits(self.store), site, self.ctx.config.auditor
        )
        self.stack.setCurrentWidget(self.start_panel)
        self.start_panel.focus_first()

    def start_audit(self, site_id: str, auditor: str) -> AuditSession:
        auditor = auditor or self.ctx.config.auditor
        if auditor and not self.ctx.config.auditor:
            self.ctx.config.auditor = auditor  # remembered for the next audit and the status bar
            self.ctx.save_config()
        session = AuditSession.start(self.store, site_id, auditor or None)
        self._enter_session(session, self.texts.started(session.site_name))
        return session

    def resume_audit(self, audit_id: str) -> AuditSession:
        session = AuditSession.resume(self.store, audit_id)
        # A device of another school scanned last is still waiting: Alt+M moves it, as before the restart.
        waiting = self.worker.call(session.waiting_move)
        self._enter_session(session, self.texts.resumed(session.site_name, session.current_room_code, waiting))
        self.last_result = waiting
        return session

    def resume_latest(self, preferred_id: str | None = None) -> bool:
        """At start-up: carry on with the unfinished audit (the remembered one, else the newest)."""
        audits = open_audits(self.store)
        if not audits:
            self.show_start_panel()
            return False
        chosen = next((a for a in audits if a.audit_id == preferred_id), audits[0])
        self.resume_audit(chosen.audit_id)
        return True

    def _enter_session(self, session: AuditSession, text: CardText) -> None:
        self.session = session
        self.last_result = None
        self.site_label.setText(session.site_name)
        self.room_combo.clear()
        self.room_combo.addItem(self.tr("(pick a room)"), "")
        for room in self.browser.rooms(session.site_id):
            self.room_combo.addItem(room.code if not room.name else f"{room.code} – {room.name}", room.id)
        self.scan_field.setEnabled(True)
        self.scan_field.setPlaceholderText(self.tr("Scan a barcode, or type a code and press Enter"))
        self._load_room()
        # After a resume the recent scans list shows the audit's last scans from the engine's record.
        self.workspace.fill_history(session.events()[-50:])
        self._show(text)
        self.stack.setCurrentWidget(self.workspace)
        self.set_active(True)
        self.focus_scan_field()
        self.audit_changed.emit(session.audit_id)

    # -- scanning ----------------------------------------------------------------------------------
    def _scan_field_entered(self) -> None:
        text = self.scan_field.text()
        self.scan_field.clear()
        self.handle_code(text, ScanMethod.KEYBOARD, None)

    def attach_code_source(self, source: QObject) -> None:
        """Connect anything with a ``code_scanned(str symbology, str text)`` signal (the camera panel)
        to the same path as the keyboard; a widget is shown in this page's code source area."""
        source.code_scanned.connect(self._code_from_source)  # type: ignore[attr-defined]
        self._sources.append(source)
        if isinstance(source, QWidget):
            self.code_source_layout.addWidget(source)
            self.code_source_area.setVisible(True)

    def _code_from_source(self, symbology: str, text: str) -> None:
        self.handle_code(text, ScanMethod.CAMERA, symbology or None)

    def handle_code(self, raw: str, method: ScanMethod = ScanMethod.KEYBOARD, symbology: str | None = None) -> None:
        """Record one code through the engine (on the audit worker) and show the outcome when it is
        stored: card, sound, room table, then the progress line. ``scan_shown`` tells when."""
        session = self.session
        if session is None:
            self._show(self.texts.no_audit(raw.strip()), sound="invalid")
            return
        if self.importing:
            self._show(self.texts.busy(), sound="invalid")
            return

        def job() -> tuple[str | None, ScanResult, Any]:
            previous = session.current_room_id
            result = session.scan(raw, method, symbology)
            # The progress line of this very moment travels with the result: never a stale count.
            return previous, result, (session.progress(), session.counts())

        self.worker.submit(job, on_done=lambda answer: self._scanned(session, *answer), on_error=self._refused)

    def wait_for_scans(self) -> None:
        """Block until every queued scan is stored and shown (shutdown, scripts)."""
        self.worker.call(lambda: None)

    def _refused(self, exc: BaseException) -> None:
        if not isinstance(exc, InventoryError):
            log.error("scan failed: %r", exc)
        self._show(self.texts.refused(self.errors.text(exc)), sound="invalid")

    def _scanned(
        self, session: AuditSession, previous_room: str | None, result: ScanResult, counts: Any = None
    ) -> None:
        self.last_result = result
        if result.outcome is ScanOutcome.ROOM or result.reason is ScanReason.NOT_A_ROOM:  # entered or left
            self._room_entered(previous_room, result.room_id if result.outcome is ScanOutcome.ROOM else None)
        elif result.outcome in (ScanOutcome.FOUND, ScanOutcome.MOVED) and result.device is not None:
            self.workspace.show_row(self.room_model.mark(result.device, result.outcome.value))
            if result.outcome is ScanOutcome.MOVED:
                self.devices_changed.emit({result.device.id})
        # The result carries the room of its own moment; the session may already be further on.
        attention = result.outcome is ScanOutcome.OTHER_SITE or result.reason is ScanReason.MARKED_RETIRED
        sound = "moved" if attention else result.outcome.value
        self._show(self.texts.for_result(result), sound=sound, counts=counts)
        self.workspace.remember(result)
        self.scan_shown.emit(result)

    def _show(self, text: CardText, sound: str | None = None, counts: Any = None) -> None:
        self.card.show_result(
            text.look,
            text.title,
            text.main,
            text.detail,
            undo=text.undo,
            unknown_actions=text.unknown_actions,
            move_here=text.move_here,
            back_in_use=text.back_in_use,
        )
        if sound:
            self.sounds.enabled = self.ctx.config.sound
            self.sounds.play(sound)
        if counts is not None:
            self._apply_counts(counts)
        else:
            self._update_counts()

    def _update_counts(self) -> None:
        # After actions other than scans (whose answer carries its progress line): ask the worker
        # on the next turn of the event loop, once, however many actions came in between.
        if not self._counts_timer.isActive():
            self._counts_timer.start()

    def refresh_counts(self) -> None:
        session = self.session
        if session is None:
            self.progress_label.clear()
            self.counts_label.clear()
            self.counts_updated.emit("")
            return
        self.worker.submit(lambda: (session.progress(), session.counts()), on_done=self._apply_counts)

    def _apply_counts(self, answer: tuple[Any, dict[str, int]]) -> None:
        self.counts_updated.emit(self.workspace.show_counts(*answer))

    def devices_placed(self) -> None:
        """Devices were added or moved (this audit's move or its undo, an edit, an import, a sync): the
        room table and the counts are read again, in line with the scans on the worker."""
        if self.session is not None and not self.importing:
            self._load_room(background=True)
            self._update_counts()

    # -- rooms ---------------------------------------------------------------------------------------
    def pick_room(self, room_id: str | None) -> None:
        """Make a room current (from the list); shown like a scanned room label (``scan_shown``)."""
        session = self.session
        if session is None or not room_id or self.importing:
            return
        self.focus_scan_field()

        def job() -> tuple[str | None, ScanResult, Any]:
            previous = session.current_room_id
            result = session.set_room(room_id)
            return previous, result, (session.progress(), session.counts())

        self.worker.submit(job, on_done=lambda answer: self._scanned(session, *answer), on_error=self._refused)

    def _room_entered(self, previous_room_id: str | None, room_id: str | None) -> None:
        self._load_room(room_id, background=True)
        if room_id:
            self.room_changed.emit(room_id, previous_room_id or "")

    def _load_room(self, room_id: str | None = None, background: bool = False) -> None:
        """Fill the room table (AuditWorkspace.load_room); ``room_loaded(room_id)`` when it is shown."""
        session = self.session
        room_id = room_id or (session.current_room_id if session else None)
        self.workspace.load_room(
            self.browser, session, room_id, self.worker if background else None, on_shown=self.room_loaded.emit
        )

    def focus_scan_field(self) -> None:
        if self.stack.currentWidget() is self.workspace:
            self.scan_field.setFocus()

    def shutdown(self) -> None:
        """Store every queued scan and stop the worker (the window is closing)."""
        self.worker.stop()

    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt name)
        super().showEvent(event)
        self.focus_scan_field()

    # -- undo, unknown codes ---------------------------------------------------------------------------
    def undo_last(self) -> ScanResult | None:
        session = self.session
        if session is None or self.importing:
            return None
        result = self.worker.call(session.undo_last)
        if result is None:
            self._show(self.texts.nothing_to_undo())
        else:
            if result.device is not None:
                here = result.device.room_id == session.current_room_id
                self.room_model.unmark(result.device.id, still_here=here, view=result.device)
                self.devices_changed.emit({result.device.id})
            self.last_result = result
            self._show(self.texts.for_result(result), sound="undo")
            self.workspace.remember(result)
            self.scan_shown.emit(result)
        self.focus_scan_field()
        return result

    def _unknown_code(self) -> str | None:
        last = self.last_result
        return last.code if last is not None and last.outcome is ScanOutcome.UNKNOWN else None

    def quick_add(self) -> QuickAddDialog | None:
        code, session = self._unknown_code(), self.session
        if code is None or session is None:
            return None
        dialog = QuickAddDialog(
            code,
            session.current_room_code or "",
            self.browser.categories(),
            lambda c, cat, fields: self.worker.call(lambda: session.quick_add(c, cat, fields)),
            parent=self,
        )
        dialog.device_registered.connect(self._registered)
        dialog.finished.connect(lambda _r: self.focus_scan_field())
        dialog.open()
        return dialog

    def keep_placeholder(self) -> ScanResult | None:
        code, session = self._unknown_code(), self.session
        if code is None or session is None:
            return None
        return self._record(lambda: session.keep_placeholder(code))

    def move_here(self) -> ScanResult | None:
        """The auditor confirms that the device of another school now belongs to this one (Alt+M)."""
        last, session = self.last_result, self.session
        if last is None or last.outcome is not ScanOutcome.OTHER_SITE or session is None or self.importing:
            return None
        return self._record(lambda: session.confirm_move(last.event_id))

    def back_in_use(self) -> ScanResult | None:
        """The auditor says the device found marked retired is in use (Alt+B)."""
        last, session = self.last_result, self.session
        if last is None or last.reason is not ScanReason.MARKED_RETIRED or session is None or self.importing:
            return None
        event_id = last.event_id or ""
        return self._record(lambda: session.return_to_use(event_id))

    def _record(self, call: Callable[[], ScanResult]) -> ScanResult | None:
        try:
            result: ScanResult = self.worker.call(call)
        except InventoryError as exc:
            self._refused(exc)
            return None
        self._registered(result)
        return result

    def _registered(self, result: ScanResult) -> None:
        self.last_result = result
        if result.device is not None:
            if result.room_id == (self.session.current_room_id if self.session else None):
                self.workspace.show_row(self.room_model.mark(result.device, result.outcome.value))
            self.devices_changed.emit({result.device.id})
        self._show(self.texts.for_result(result), sound=result.outcome.value)
        self.workspace.remember(result)
        self.scan_shown.emit(result)
        self.focus_scan_field()

    # -- observations ---------------------------------------------------------------------------------
    def open_observation(self, kind: str = "network") -> ObservationDialog | None:
        if self.session is None:
            return None
        dialog = self.tasks.observation_dialog(self.session, kind, parent=self)
        dialog.finished.connect(lambda _r: self.focus_scan_field())
        dialog.observation_saved.connect(lambda _id: self._observation_saved(dialog.kind()))
        dialog.open()
        return dialog

    def _observation_saved(self, kind: str) -> None:
        """Saving confirms itself: a line in the recent scans and in the window's status bar."""
        room = self.session.current_room_code if self.session else None
        self.status_message.emit(self.workspace.note_observation(kind, room))

    # -- scan logs --------------------------------------------------------------------------------------
    def choose_log_file(self) -> None:
        path = self.tasks.ask_log_file(self) if self.session is not None else None
        if path:
            self.import_log_file(path)

    def import_log_file(self, path: Path) -> None:
        """Feed a handheld scanner's file through the engine off the UI thread; scanning waits meanwhile.
        ``log_import_finished(ok)`` tells when it is done."""
        if self.session is None or self.importing:
            return
        self.importing = True
        self.scan_field.setEnabled(False)
        self.card.show_result("idle", self.tr("Importing…"), path.name)
        self.tasks.import_log_file(self.session, path)

    def _imported(self, result: Any) -> None:
        self._import_done()
        self._load_room()
        self._show(self.texts.imported(result.counts, result.lines), sound="room")
        self.devices_changed.emit(set())
        self.log_import_finished.emit(True)

    def _import_failed(self, message: str) -> None:
        self._import_done()
        self._show(self.texts.refused(message), sound="invalid")
        self.log_import_finished.emit(False)

    def _import_done(self) -> None:
        self.importing = False
        self.scan_field.setEnabled(True)
        self.focus_scan_field()

    # -- finishing --------------------------------------------------------------------------------------
    def finish(self) -> MissingDialog | None:
        if self.session is None:
            return None
        dialog = MissingDialog(self.worker.call(self.session.missing), parent=self)
        dialog.accepted.connect(lambda: self.complete_finish(dialog.decisions()))
        dialog.finished.connect(lambda _r: self.focus_scan_field())
        dialog.open()
        return dialog

    def complete_finish(self, decisions: dict[str, MissingDecision]) -> Any:
        session = self.session
        if session is None:
            return None
        try:
            summary = self.worker.call(lambda: session.finish(decisions))
        except InventoryError as exc:
            self._show(self.texts.refused(self.errors.text(exc)), sound="invalid")
            return None
        self.session = None
        self._show(self.texts.finished(summary))
        self.scan_field.setEnabled(False)
        keys = self.new_audit_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        self.scan_field.setPlaceholderText(fill(self.tr("Audit finished — %1 starts a new one"), keys))
        self.set_active(True)
        self.devices_changed.emit(set(decisions))
        self.audit_changed.emit(summary.audit_id)
        return summary
