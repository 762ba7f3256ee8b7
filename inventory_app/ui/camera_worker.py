"""The camera worker: frames from a source to the preview, codes to whoever listens.

It runs in its own QThread (``CameraWorker.start_in_thread``). Reading frames and sending the
preview never wait for decoding: frames go to a ``LatestFrameDecoder`` (its own thread), which
always decodes the newest one and drops the rest, so the preview keeps the camera's frame rate
while a slow decode simply skips frames.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtGui import QImage

from inventory_app.scanning.camera import (
    CameraAccessDenied,
    CameraBusy,
    CameraDisconnected,
    CameraError,
    CameraNotFound,
    CameraUnavailable,
)
from inventory_app.scanning.pipeline import HINT_CHECK, HINT_CLOSER, FrameResult, LatestFrameDecoder, ScanPipeline
from inventory_app.scanning.sources import FrameSource, FrameSourceError

log = logging.getLogger(__name__)

# The preview is scaled down to this width at most: painting 1080p thirty times a second would
# cost more than decoding it.
PREVIEW_MAX_WIDTH = 960


def to_qimage(image: np.ndarray, max_width: int = PREVIEW_MAX_WIDTH) -> QImage:
    """A BGR numpy frame as a QImage that owns its pixels, at most ``max_width`` wide."""
    height, width = image.shape[:2]
    if width > max_width:
        # Every n-th pixel: fast and good enough for a preview the size of a panel.
        step = -(-width // max_width)
        image = np.ascontiguousarray(image[::step, ::step])
        height, width = image.shape[:2]
    image = np.ascontiguousarray(image)
    if image.ndim == 2:
        return QImage(image.data, width, height, image.strides[0], QImage.Format.Format_Grayscale8).copy()
    return QImage(image.data, width, height, image.strides[0], QImage.Format.Format_BGR888).copy()


class CameraWorker(QObject):
    frame_ready = Signal(QImage)
    code_scanned = Signal(str, str)  # symbology, text: confirmed and not a repeat
    codes_seen = Signal(object)  # FrameResult of each decoded frame (outlines for the overlay)
    hint_changed = Signal(str)  # a sentence for the user, "" to clear
    camera_failed = Signal(str)  # a sentence for the user
    source_finished = Signal()  # a recording (video, folder) has played to its end
    stopped = Signal()  # the worker has let go of the source (always the last signal)

    def __init__(
        self,
        source_factory: Callable[[], FrameSource],
        pipeline_factory: Callable[[], ScanPipeline] | None = None,
        max_preview_fps: float = 60.0,
        every_frame: bool = False,
    ) -> None:
        super().__init__()
        # Decode every frame before reading the next: a recording then gives the same results on a busy
        # machine as on an idle one (tests, benchmarks). A live camera never waits: it drops stale frames.
        self.every_frame = every_frame
        self.source_factory = source_factory
        self.pipeline_factory = pipeline_factory or ScanPipeline
        self.min_preview_interval = 1.0 / max_preview_fps if max_preview_fps > 0 else 0.0
        self._stop = threading.Event()
        self._done = threading.Event()
        self._thread: QThread | None = None
        self.frames_read = 0
        self.decoder: LatestFrameDecoder | None = None

    # ---- life cycle -------------------------------------------------------------------------------

    def start_in_thread(self) -> QThread:
        """Move to a new QThread and start reading; ``stopped`` says when it is over."""
        thread = QThread()
        thread.setObjectName("camera")
        self.moveToThread(thread)
        thread.started.connect(self.run)
        # Direct: quit() is thread-safe, and a queued call would wait for the UI thread, which may
        # itself be blocked in wait() for this thread to end.
        self.stopped.connect(thread.quit, Qt.ConnectionType.DirectConnection)
        self._thread = thread
        thread.start()
        return thread

    def request_stop(self) -> None:
        """Ask the loop to end (from any thread); ``stopped`` follows."""
        self._stop.set()

    def wait(self, timeout_ms: int = 5000) -> bool:
        """Stop and wait until the thread has ended."""
        self.request_stop()
        if self._thread is None:
            return True
        return self._thread.wait(timeout_ms)

    @property
    def done(self) -> bool:
        """The loop has ended and the source is released."""
        return self._done.is_set()

    @property
    def is_thread_running(self) -> bool:
        return self._thread is not None and self._thread.isRunning()

    # ---- the loop -----------------------------------------------------------------------------------

    @Slot()
    def run(self) -> None:
        try:
            self._run()
        except Exception:  # never let the thread die silently
            log.exception("camera worker failed")
            self.camera_failed.emit(self.tr("The camera stopped because of an unexpected error (see the log)."))
        finally:
            self._done.set()
            self.stopped.emit()

    def _run(self) -> None:
        try:
            source = self.source_factory()
            source.open()
        except FrameSourceError as exc:
            self.camera_failed.emit(self.failure_text(exc))
            return
        decoder = LatestFrameDecoder(self.pipeline_factory(), self._on_result, self._on_decode_error)
        self.decoder = decoder
        decoder.start()
        last_preview = 0.0
        try:
            while not self._stop.is_set():
                try:
                    frame = source.read()
                except FrameSourceError as exc:
                    self.camera_failed.emit(self.failure_text(exc))
                    return
                if frame is None:
                    if source.live:
                        self.camera_failed.emit(self.tr("The camera stopped sending pictures."))
                    else:
                        # A recording's last frames still count: wait for their results.
                        decoder.wait_idle()
                        self.source_finished.emit()
                    return
                self.frames_read += 1
                decoder.submit(frame)
                if self.every_frame:
                    decoder.wait_idle(timeout=60.0)
                now = time.monotonic()
                if now - last_preview >= self.min_preview_interval:
                    last_preview = now
                    self.frame_ready.emit(to_qimage(frame.image))
        finally:
            decoder.stop()
            source.close()

    # ---- called on the decoder's thread --------------------------------------------------------------

    def _on_result(self, result: FrameResult) -> None:
        # Qt queues these to the receivers' threads.
        self.codes_seen.emit(result)
        for code in result.scanned:
            self.code_scanned.emit(code.symbology, code.text)
        if result.hint_changed:
            self.hint_changed.emit(self.hint_text(result.hint))

    def _on_decode_error(self, exc: BaseException) -> None:
        log.error("decoding a frame failed: %s", exc, exc_info=exc)

    def failure_text(self, exc: FrameSourceError) -> str:
        """The user's sentence for a failure: camera failures worded here (translated), file ones as they are."""
        if not isinstance(exc, CameraError):
            return str(exc)
        name = exc.camera or self.tr("The camera")
        if isinstance(exc, CameraNotFound):
            return self.tr("{0} is not connected. Plug it in and press Reconnect.").format(name)
        if isinstance(exc, CameraBusy):
            return self.tr(
                "{0} is in use by another app (Teams, Zoom, the Camera app). Close that app and press Reconnect."
            ).format(name)
        if isinstance(exc, CameraAccessDenied):
            return self.tr(
                "This app is not allowed to use {0}. Allow camera access in the privacy settings (or ask "
                "IT), then press Reconnect."
            ).format(name)
        if isinstance(exc, CameraUnavailable):
            return self.tr(
                "{0} could not be opened: it is not connected, in use by another app, or camera access is "
                "blocked in the privacy settings. Check these and press Reconnect."
            ).format(name)
        if isinstance(exc, CameraDisconnected):
            return self.tr("{0} stopped sending pictures (unplugged?). Check the cable and press Reconnect.").format(
                name
            )
        return str(exc)

    def hint_text(self, hint: str) -> str:
        if hint == HINT_CLOSER:
            return self.tr("Code seen but not readable: bring the label closer and hold it still.")
        if hint == HINT_CHECK:
            return self.tr("A label was read with a wrong check character: type the code in instead.")
        return ""
