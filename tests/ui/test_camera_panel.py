"""The camera panel: failures are shown with a Reconnect that works, the keyboard path is untouched, choices are kept."""

from __future__ import annotations

import sys
from pathlib import Path

import cv2
import numpy as np
import pytest
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from inventory_app.context import AppContext
from inventory_app.core.identifiers import make_tag
from inventory_app.paths import UserPaths
from inventory_app.scanning.camera import CameraSource
from inventory_app.scanning.sources import ImageFolderSource, VideoFileSource
from inventory_app.ui.camera_panel import CameraPanel
from inventory_app.ui.camera_settings import CameraChoice, CameraSettings, available_cameras, frame_source_from_arg
from tests.scanning.label_frames import EASY, generator, labels_video
from tests.ui.test_camera_worker import BUSY, FakeCamera

TAG = make_tag("HKI", 31)
TEST_CAMERAS = [CameraChoice("Integrated Camera", "0"), CameraChoice("Logitech BRIO", "1")]


def window_with_scan_field(qtbot, panel: CameraPanel) -> QLineEdit:  # type: ignore[no-untyped-def]
    """A stand-in for the audit page: its scan field first, the camera panel beside it."""
    window = QWidget()
    layout = QVBoxLayout(window)
    field = QLineEdit()
    layout.addWidget(field)
    layout.addWidget(panel)
    qtbot.addWidget(window)
    window.resize(1000, 700)
    window.show()
    qtbot.waitExposed(window)
    field.setFocus()
    panel.test_window = window  # type: ignore[attr-defined]  # pytest-qt holds widgets weakly
    return field


def test_a_busy_camera_shows_a_clear_message_and_reconnect_starts_it(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    video = labels_video(tmp_path / "one.avi", [TAG], frames_per_label=8, gap_frames=2, fps=30)
    attempts: list[str] = []

    def sources(choice: CameraChoice, settings: CameraSettings):  # type: ignore[no-untyped-def]
        attempts.append(choice.spec)
        return FakeCamera(fail_open=True) if len(attempts) == 1 else VideoFileSource(video, realtime=True)

    panel = CameraPanel(cameras=TEST_CAMERAS, source_factory=sources)
    field = window_with_scan_field(qtbot, panel)
    with qtbot.waitSignal(panel.camera_failed, timeout=10000) as failed:
        panel.start()
    assert failed.args == [BUSY]
    qtbot.waitUntil(lambda: not panel.is_running)
    assert panel.error_box.isVisible() and panel.reconnect_button.isVisible()
    assert panel.error_label.text() == failed.args[0]
    assert field.hasFocus()  # the failure took nothing from the keyboard path

    with qtbot.waitSignal(panel.code_scanned, timeout=20000) as scanned:
        panel.reconnect_button.click()
    assert scanned.args == ["code128", TAG]
    assert not panel.error_box.isVisible()
    assert panel.preview.flashed_text.startswith(TAG)
    assert attempts == ["0", "0"]
    panel.shutdown()
    assert not panel.is_running


def test_typing_into_the_scan_field_works_while_the_camera_runs_and_after_it_fails(qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = CameraPanel(cameras=TEST_CAMERAS, source_factory=lambda c, s: FakeCamera(good=30, then="raise"))
    field = window_with_scan_field(qtbot, panel)
    with qtbot.waitSignal(panel.camera_failed, timeout=10000):
        panel.start_button.click()
        qtbot.keyClicks(field, "HKI00")
    qtbot.keyClicks(field, "0031")
    assert field.text() == "HKI000031" and field.hasFocus()
    assert "unplugged" in panel.error_label.text()


def test_the_picker_shows_camera_names_and_keeps_the_choice(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ctx = AppContext.create(db=str(tmp_path / "s.sqlite"), paths=UserPaths.under(tmp_path / "home"))
    ctx.config.camera = "1@1920x1080"
    panel = CameraPanel(ctx, cameras=TEST_CAMERAS)
    qtbot.addWidget(panel)
    assert [panel.picker.itemText(i) for i in range(panel.picker.count())] == ["Integrated Camera", "Logitech BRIO"]
    assert panel.picker.currentText() == "Logitech BRIO"  # the saved choice
    panel.picker.setCurrentIndex(0)
    assert ctx.config.camera == "0@1920x1080"
    reloaded = AppContext.create(db=str(tmp_path / "s.sqlite"), paths=UserPaths.under(tmp_path / "home"))
    assert CameraSettings.from_config(reloaded.config.camera) == CameraSettings("0", 1920, 1080)
    assert panel.size_picker.currentText() == "1920×1080"
    panel.size_picker.setCurrentIndex(panel.size_picker.findData("1280x720"))
    assert ctx.config.camera == "0@1280x720"


def test_the_chosen_size_is_what_the_camera_is_asked_for(qtbot) -> None:  # type: ignore[no-untyped-def]
    asked: list[tuple[int, int]] = []

    def sources(choice: CameraChoice, settings: CameraSettings):  # type: ignore[no-untyped-def]
        asked.append((settings.width, settings.height))
        return FakeCamera(good=1, then="raise")

    panel = CameraPanel(cameras=TEST_CAMERAS, source_factory=sources)
    qtbot.addWidget(panel)
    panel.size_picker.setCurrentIndex(panel.size_picker.findData("1920x1080"))
    with qtbot.waitSignal(panel.camera_failed, timeout=10000):
        panel.start()
    assert asked == [(1920, 1080)]


def test_a_recording_given_on_the_command_line_is_offered_first_and_not_saved(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ctx = AppContext.create(db=str(tmp_path / "s.sqlite"), paths=UserPaths.under(tmp_path / "home"))
    folder = tmp_path / "walk"
    folder.mkdir()
    panel = CameraPanel(ctx, camera=str(folder), cameras=TEST_CAMERAS)
    qtbot.addWidget(panel)
    assert panel.picker.currentText() == "Recording: walk"
    assert panel.current_choice == CameraChoice("Recording: walk", str(folder))
    assert ctx.config.camera == ""


def test_the_camera_argument_becomes_a_frame_source(tmp_path: Path) -> None:
    folder = tmp_path / "stills"
    folder.mkdir()
    cv2.imwrite(str(folder / "a.png"), generator(1).frame("code128", TAG, EASY).image)
    video = labels_video(tmp_path / "v.avi", [TAG], frames_per_label=2, gap_frames=1, size=(320, 240))
    camera = frame_source_from_arg("1", CameraSettings("0", 1920, 1080))
    assert isinstance(camera, CameraSource) and (camera.index, camera.width, camera.height) == (1, 1920, 1080)
    assert isinstance(frame_source_from_arg(str(folder)), ImageFolderSource)
    recording = frame_source_from_arg(str(video))
    assert isinstance(recording, VideoFileSource) and recording.realtime


def test_settings_strings_round_trip_and_bad_ones_fall_back() -> None:
    assert CameraSettings.from_config("") == CameraSettings()
    assert CameraSettings.from_config("2") == CameraSettings("2", 1280, 720)
    assert CameraSettings.from_config("/data/walk@2.avi@640x480") == CameraSettings("/data/walk@2.avi", 640, 480)
    assert CameraSettings.from_config(CameraSettings("1", 1920, 1080).to_config()) == CameraSettings("1", 1920, 1080)


def test_without_any_camera_list_the_picker_offers_numbered_cameras(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("inventory_app.ui.camera_settings.linux_cameras", lambda: [])
    assert available_cameras(names=[]) == [CameraChoice("Camera 1", "0"), CameraChoice("Camera 2", "1")]
    assert available_cameras(names=["FaceTime HD", "Desk Cam"]) == [
        CameraChoice("FaceTime HD", "0"),
        CameraChoice("Desk Cam", "1"),
    ]


def test_the_preview_outlines_a_read_code(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from inventory_app.scanning.pipeline import ScanPipeline
    from inventory_app.scanning.sources import Frame
    from inventory_app.ui.camera_worker import to_qimage

    frame = generator(2).frame("code128", TAG, EASY)
    result = ScanPipeline().process(Frame(frame.image, 0, 0.0))
    panel = CameraPanel(cameras=TEST_CAMERAS)
    qtbot.addWidget(panel)
    panel.resize(1280 + 40, 720 + 120)
    panel.show()
    panel.preview.set_message("")
    panel.preview.set_frame(to_qimage(frame.image, max_width=1280))
    panel.preview.set_result(result)
    shot = panel.preview.grab().toImage()
    # Green outline pixels near the label's centre (the preview letterboxes the 16:9 frame).
    scale = min(shot.width() / 1280, shot.height() / 720)
    ox, oy = (shot.width() - 1280 * scale) / 2, (shot.height() - 720 * scale) / 2
    cx, cy = frame.corners.mean(axis=0)
    greens = 0
    for dx in range(-150, 151, 2):
        for dy in range(-80, 81, 2):
            x, y = int(ox + (cx + dx) * scale), int(oy + (cy + dy) * scale)
            if 0 <= x < shot.width() and 0 <= y < shot.height():
                c = shot.pixelColor(x, y)
                greens += c.green() > 170 and c.red() < 90 and c.blue() < 130
    assert greens > 5
    assert np.asarray(frame.image).shape == (720, 1280, 3)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="device nodes are a Linux thing")
def test_a_real_camera_that_is_not_connected_is_reported_by_name(qtbot) -> None:  # type: ignore[no-untyped-def]
    index = next(i for i in range(40, 64) if not Path(f"/dev/video{i}").exists())
    panel = CameraPanel(cameras=[CameraChoice("Integrated Camera", str(index))])  # the real source factory
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.camera_failed, timeout=10000) as failed:
        panel.start()
    assert failed.args == ["Integrated Camera is not connected. Plug it in and press Reconnect."]
    qtbot.waitUntil(lambda: not panel.is_running)
