"""The camera worker: a recording replayed as the camera yields exactly its codes, once each; failures are reported."""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QImage

from inventory_app.core.identifiers import make_tag
from inventory_app.scanning.camera import CameraBusy, CameraDisconnected
from inventory_app.scanning.pipeline import FrameResult, ScanPipeline
from inventory_app.scanning.sources import Frame, VideoFileSource
from inventory_app.ui.camera_worker import CameraWorker, to_qimage
from tests.scanning.label_frames import labels_video

TAGS = [make_tag("HKI", 1235), make_tag("HKI", 77), make_tag("ESP", 4242)]
BUSY = "Fake camera is in use by another app (Teams, Zoom, the Camera app). Close that app and press Reconnect."


class Collector(QObject):
    """Lives on the test's (UI) thread, so the worker's signals arrive queued, as in the app."""

    # Re-emitted on the UI thread: pytest-qt's blocker must not be called from the worker's thread.
    worker_stopped = Signal()

    def __init__(self, worker: CameraWorker) -> None:
        super().__init__()
        self.scans: list[tuple[str, str]] = []
        self.failures: list[str] = []
        self.previews = 0
        self.hints: list[str] = []
        worker.code_scanned.connect(self.scanned)
        worker.camera_failed.connect(self.failed)
        worker.frame_ready.connect(self.preview)
        worker.hint_changed.connect(self.hint)
        worker.stopped.connect(self.stopped)

    @Slot()
    def stopped(self) -> None:
        self.worker_stopped.emit()

    @Slot(str, str)
    def scanned(self, symbology: str, text: str) -> None:
        self.scans.append((symbology, text))

    @Slot(str)
    def failed(self, message: str) -> None:
        self.failures.append(message)

    @Slot(QImage)
    def preview(self, image: QImage) -> None:
        self.previews += 1

    @Slot(str)
    def hint(self, text: str) -> None:
        self.hints.append(text)


class FakeCamera:
    """A live source that gives ``good`` frames and then fails the way it is told to."""

    live = True
    name = "Fake camera"

    def __init__(self, good: int = 5, then: str = "raise", fail_open: bool = False) -> None:
        self.good = good
        self.then = then
        self.fail_open = fail_open
        self.i = 0
        self.closed = False

    def open(self) -> None:
        if self.fail_open:
            raise CameraBusy("busy (the scanning layer's English detail)", "Fake camera")

    def read(self) -> Frame | None:
        if self.i >= self.good:
            if self.then == "raise":
                raise CameraDisconnected("lost (the scanning layer's English detail)", "Fake camera")
            return None
        self.i += 1
        time.sleep(0.005)
        return Frame(np.full((90, 160, 3), 80, np.uint8), self.i, time.monotonic())

    def close(self) -> None:
        self.closed = True


def run_worker(qtbot, worker: CameraWorker, timeout: int = 30000) -> Collector:  # type: ignore[no-untyped-def]
    collector = Collector(worker)
    with qtbot.waitSignal(collector.worker_stopped, timeout=timeout):
        worker.start_in_thread()
    assert worker.wait(5000)
    return collector


def test_a_video_of_labels_replayed_as_the_camera_yields_each_code_exactly_once(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    video = labels_video(tmp_path / "labels.avi", TAGS, frames_per_label=10, gap_frames=4, fps=30)
    # Every frame decoded before the next is read: the same result however busy the machine is.
    worker = CameraWorker(lambda: VideoFileSource(video), max_preview_fps=0, every_frame=True)
    collector = run_worker(qtbot, worker)
    assert collector.scans == [("code128", tag) for tag in TAGS]
    assert collector.failures == []
    assert collector.previews == worker.frames_read == 3 * 14 + 4


def test_a_camera_unplugged_mid_stream_is_reported_and_released(qtbot) -> None:  # type: ignore[no-untyped-def]
    camera = FakeCamera(good=5, then="raise")
    worker = CameraWorker(lambda: camera, max_preview_fps=0)
    collector = run_worker(qtbot, worker)
    assert collector.failures == [
        "Fake camera stopped sending pictures (unplugged?). Check the cable and press Reconnect."
    ]
    assert collector.previews == 5 and camera.closed


def test_a_live_camera_that_returns_nothing_is_a_failure_not_an_end(qtbot) -> None:  # type: ignore[no-untyped-def]
    camera = FakeCamera(good=3, then="none")
    worker = CameraWorker(lambda: camera)
    with qtbot.assertNotEmitted(worker.source_finished):
        collector = run_worker(qtbot, worker)
    assert collector.failures == ["The camera stopped sending pictures."]


def test_a_busy_camera_is_reported_with_its_reason(qtbot) -> None:  # type: ignore[no-untyped-def]
    worker = CameraWorker(lambda: FakeCamera(fail_open=True))
    collector = run_worker(qtbot, worker)
    assert collector.failures == [BUSY]
    assert collector.previews == 0


class SlowPipeline(ScanPipeline):
    def process(self, frame: Frame) -> FrameResult:
        time.sleep(0.05)
        self.decoded = getattr(self, "decoded", 0) + 1
        return FrameResult(frame.index, frame.captured, [], [], [], [], "", False, 50.0)


def test_slow_decoding_drops_frames_never_the_preview(qtbot) -> None:  # type: ignore[no-untyped-def]
    pipeline = SlowPipeline()
    worker = CameraWorker(
        lambda: FakeCamera(good=40, then="raise"), pipeline_factory=lambda: pipeline, max_preview_fps=0
    )
    collector = run_worker(qtbot, worker)
    assert collector.previews == 40
    assert worker.decoder is not None and worker.decoder.dropped > 10
    assert pipeline.decoded < 30


@pytest.mark.parametrize("shape", [(720, 1280, 3), (480, 640, 3), (120, 160)])
def test_preview_images_keep_the_picture(shape: tuple[int, ...]) -> None:
    image = np.zeros(shape, np.uint8)
    image[:, : shape[1] // 2] = 255  # left half white
    qimage = to_qimage(image)
    assert qimage.width() <= 960 and qimage.width() * shape[0] == qimage.height() * shape[1]
    assert qimage.pixelColor(5, 5).lightness() == 255
    assert qimage.pixelColor(qimage.width() - 5, 5).lightness() == 0


def test_a_folder_of_stills_as_the_camera_confirms_codes_that_need_two_frames(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # Regression: frames of one held image shared an index, so two-frame agreement never came.
    import cv2

    from inventory_app.scanning.sources import ImageFolderSource
    from tests.scanning.label_frames import EASY, generator

    gen = generator(8)
    cv2.imwrite(str(tmp_path / "a.png"), gen.frame("qr", "SN:PF3ABC1299", EASY).image)
    cv2.imwrite(str(tmp_path / "b.png"), gen.frame("ean13", "5901234123457", EASY).image)
    worker = CameraWorker(lambda: ImageFolderSource(tmp_path, realtime=True, fps=30, hold_s=0.3), every_frame=True)
    collector = run_worker(qtbot, worker)
    assert collector.scans == [("qr", "SN:PF3ABC1299"), ("ean13", "5901234123457")]


def test_every_frame_mode_decodes_each_frame_of_a_recording_however_slow_the_decoder(qtbot) -> None:  # type: ignore[no-untyped-def]
    pipeline = SlowPipeline()
    worker = CameraWorker(
        lambda: FakeCamera(good=12, then="raise"),
        pipeline_factory=lambda: pipeline,
        max_preview_fps=0,
        every_frame=True,
    )
    run_worker(qtbot, worker)
    assert pipeline.decoded == 12
    assert worker.decoder is not None and worker.decoder.dropped == 0
