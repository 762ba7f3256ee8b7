"""The camera panel: pick a camera, start and stop it, watch the preview, get ``code_scanned``.

The audit page connects ``code_scanned(symbology, text)`` to the same handler as its keyboard
scan field (``attach_code_source(panel)``). Nothing here takes the keyboard focus, and a camera
that fails only changes this panel: the scan field goes on working.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent, QImage
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from inventory_app.context import AppContext
from inventory_app.scanning.pipeline import FrameResult, ScanPipeline
from inventory_app.scanning.sources import FrameSource
from inventory_app.ui.camera_preview import CameraPreview
from inventory_app.ui.camera_settings import (
    SIZES,
    CameraChoice,
    CameraSettings,
    available_cameras,
    frame_source_from_arg,
)
from inventory_app.ui.camera_worker import CameraWorker

log = logging.getLogger(__name__)


class CameraPanel(QWidget):
    code_scanned = Signal(str, str)  # symbology, text
    running_changed = Signal(bool)
    camera_failed = Signal(str)  # the message shown in the panel

    def __init__(
        self,
        ctx: AppContext | None = None,
        camera: str | None = None,
        cameras: list[CameraChoice] | None = None,
        pipeline_factory: Callable[[], ScanPipeline] | None = None,
        source_factory: Callable[[CameraChoice, CameraSettings], FrameSource] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.settings = CameraSettings.from_config(ctx.config.camera if ctx is not None else "")
        self.pipeline_factory = pipeline_factory
        self._make_source = source_factory or (lambda choice, s: frame_source_from_arg(choice.spec, s, choice.label))
        self.worker: CameraWorker | None = None
        # Stopped workers stay referenced until their thread has ended (Qt must not see a live
        # thread's objects deleted); purged on the next release.
        self._retired: list[CameraWorker] = []
        self.last_error = ""

        self.picker = QComboBox()
        self.picker.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.size_picker = QComboBox()
        self.size_picker.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.size_picker.setToolTip(self.tr("Picture size: bigger reads smaller labels, and costs more"))
        self.start_button = QPushButton(self.tr("Start camera"))
        self.start_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.start_button.clicked.connect(self.toggle)
        self.preview = CameraPreview()
        self.hint_label = QLabel()
        self.hint_label.setWordWrap(True)
        self.hint_label.setStyleSheet("color: #8a5a00; font-weight: bold;")
        self.hint_label.hide()
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reconnect_button = QPushButton(self.tr("Reconnect"))
        self.reconnect_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.reconnect_button.clicked.connect(self.start)
        self.error_box = QFrame()
        self.error_box.setFrameShape(QFrame.Shape.StyledPanel)
        self.error_box.setObjectName("cameraError")
        self.error_box.setStyleSheet(
            "QFrame#cameraError { background: #fdecea; border: 1px solid #e0a39a; border-radius: 4px; }"
        )
        error_row = QHBoxLayout(self.error_box)
        error_row.addWidget(self.error_label, 1)
        error_row.addWidget(self.reconnect_button, 0, Qt.AlignmentFlag.AlignTop)
        self.error_box.hide()

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Camera:")))
        top.addWidget(self.picker, 1)
        top.addWidget(self.size_picker)
        top.addWidget(self.start_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.error_box)

        self._fill_picker(cameras if cameras is not None else available_cameras(), camera or self.settings.camera)
        self.picker.currentIndexChanged.connect(self._camera_chosen)
        self._fill_sizes()
        self.size_picker.currentIndexChanged.connect(self._size_chosen)

    # ---- the picker ---------------------------------------------------------------------------------

    def _fill_picker(self, cameras: list[CameraChoice], wanted: str) -> None:
        choices = list(cameras)
        if wanted and not wanted.isdigit() and all(c.spec != wanted for c in choices):
            # gui --camera FILE|DIR: a recording acts as the camera.
            choices.insert(0, CameraChoice(self.tr("Recording: {0}").format(Path(wanted).name), wanted))
        self.picker.clear()
        for choice in choices:
            self.picker.addItem(choice.label, choice)
        index = next((i for i, c in enumerate(choices) if c.spec == wanted), 0)
        self.picker.setCurrentIndex(index)

    def _fill_sizes(self) -> None:
        sizes = list(SIZES)
        current = (self.settings.width, self.settings.height)
        if current not in sizes:
            sizes.append(current)
        for width, height in sizes:
            self.size_picker.addItem(f"{width}×{height}", f"{width}x{height}")
        self.size_picker.setCurrentIndex(sizes.index(current))

    @Slot(int)
    def _size_chosen(self, _index: int) -> None:
        width, height = (int(v) for v in str(self.size_picker.currentData()).split("x"))
        self._save(CameraSettings(self.settings.camera, width, height))
        if self.is_running:
            self.stop()
            self.start()

    @property
    def current_choice(self) -> CameraChoice | None:
        choice = self.picker.currentData()
        return choice if isinstance(choice, CameraChoice) else None

    @Slot(int)
    def _camera_chosen(self, _index: int) -> None:
        choice = self.current_choice
        if choice is None:
            return
        self._remember(choice)
        if self.is_running:
            self.stop()
            self.start()

    def _remember(self, choice: CameraChoice) -> None:
        if not choice.spec.isdigit():
            return  # a recording given on the command line is not a setting
        self._save(CameraSettings(choice.spec, self.settings.width, self.settings.height))

    def _save(self, settings: CameraSettings) -> None:
        self.settings = settings
        if self.ctx is None:
            return
        self.ctx.config.camera = settings.to_config()
        try:
            self.ctx.save_config()
        except OSError:
            log.warning("could not save the camera choice", exc_info=True)

    # ---- start / stop -------------------------------------------------------------------------------

    @property
    def is_running(self) -> bool:
        return self.worker is not None

    @Slot()
    def toggle(self) -> None:
        if self.is_running:
            self.stop()
        else:
            self.start()

    @Slot()
    def start(self) -> None:
        if self.is_running:
            return
        choice = self.current_choice
        if choice is None:
            self._failed(self.tr("No camera to start."))
            return
        self.error_box.hide()
        self.last_error = ""
        self._set_hint("")
        self.preview.set_message(self.tr("Starting {0}…").format(choice.label))
        settings = self.settings
        worker = CameraWorker(lambda: self._make_source(choice, settings), self.pipeline_factory)
        worker.frame_ready.connect(self._frame_ready)
        worker.codes_seen.connect(self._codes_seen)
        worker.code_scanned.connect(self._code_scanned)
        worker.hint_changed.connect(self._set_hint)
        worker.camera_failed.connect(self._failed)
        worker.source_finished.connect(self._finished)
        worker.stopped.connect(self._worker_stopped)
        self.worker = worker
        worker.start_in_thread()
        self.start_button.setText(self.tr("Stop camera"))
        self.running_changed.emit(True)

    @Slot()
    def stop(self) -> None:
        """Stop and wait for the camera to be released (a fraction of a second)."""
        worker = self.worker
        if worker is None:
            return
        worker.wait()
        self._release(worker)
        self.preview.clear()
        self.preview.set_message(self.tr("Camera off"))

    def _release(self, worker: CameraWorker) -> None:
        if self.worker is not worker:
            return
        self.worker = None
        worker.wait()
        self._retired = [w for w in self._retired if w.is_thread_running] + [worker]
        self._set_hint("")
        self.start_button.setText(self.tr("Start camera"))
        self.running_changed.emit(False)

    # ---- from the worker ----------------------------------------------------------------------------

    @Slot(QImage)
    def _frame_ready(self, image: QImage) -> None:
        if self.worker is None:
            return
        if self.preview.message and not self.last_error:
            self.preview.set_message("")
        self.preview.set_frame(image)

    @Slot(object)
    def _codes_seen(self, result: FrameResult) -> None:
        self.preview.set_result(result)

    @Slot(str, str)
    def _code_scanned(self, symbology: str, text: str) -> None:
        self.preview.flash(symbology, text)
        self.code_scanned.emit(symbology, text)

    @Slot(str)
    def _set_hint(self, text: str) -> None:
        self.hint_label.setText(text)
        self.hint_label.setVisible(bool(text))

    @Slot(str)
    def _failed(self, message: str) -> None:
        self.last_error = message
        self.error_label.setText(message)
        self.error_box.show()
        self.preview.set_message(self.tr("Camera not available"))
        self.camera_failed.emit(message)

    @Slot()
    def _finished(self) -> None:
        self.preview.set_message(self.tr("Recording ended"))

    @Slot()
    def _worker_stopped(self) -> None:
        # Queued from the worker's thread; by now a newer worker may be running: release only a finished one.
        if self.worker is not None and self.worker.done:
            self._release(self.worker)

    # ---- teardown -----------------------------------------------------------------------------------

    def shutdown(self) -> None:
        """Release the camera; call before the window goes away."""
        self.stop()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        self.shutdown()
        super().closeEvent(event)
