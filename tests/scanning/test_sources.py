"""Frame sources (video, folder, camera) and the newest-frame-only decoder thread."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import cv2
import numpy as np
import pytest

from inventory_app.scanning.camera import CameraError, CameraNotFound, CameraSource, frame_source_for, linux_cameras
from inventory_app.scanning.pipeline import FrameResult, LatestFrameDecoder
from inventory_app.scanning.sources import Frame, ImageFolderSource, SourceUnreadable, VideoFileSource
from tests.scanning.label_frames import write_video


def frames(n: int, size: tuple[int, int] = (160, 120)) -> list[np.ndarray]:
    # Each frame carries its number in its brightness, so order and identity can be checked.
    return [np.full((size[1], size[0], 3), 10 * i, np.uint8) for i in range(n)]


def drain(source) -> list[Frame]:  # type: ignore[no-untyped-def]
    source.open()
    out = []
    while (frame := source.read()) is not None:
        out.append(frame)
    source.close()
    return out


def test_a_video_file_gives_every_frame_in_order(tmp_path: Path) -> None:
    path = write_video(tmp_path / "clip.avi", frames(12))
    got = drain(VideoFileSource(path))
    assert [f.index for f in got] == list(range(12))
    assert [int(round(f.image.mean() / 10)) for f in got] == list(range(12))


def test_a_video_played_as_a_camera_keeps_its_frame_rate(tmp_path: Path) -> None:
    path = write_video(tmp_path / "clip.avi", frames(6), fps=30)
    source = VideoFileSource(path, realtime=True)
    got = drain(source)
    assert got[-1].captured - got[0].captured >= 5 / 30 - 0.01


@pytest.mark.parametrize("content", [b"", b"this is not a video at all" * 50])
def test_a_file_that_is_not_a_video_is_refused_with_a_clear_message(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "broken.avi"
    path.write_bytes(content)
    with pytest.raises(SourceUnreadable, match="not a video that can be read"):
        VideoFileSource(path).open()


def test_a_missing_file_is_named_in_the_message(tmp_path: Path) -> None:
    with pytest.raises(SourceUnreadable, match="no such file"):
        VideoFileSource(tmp_path / "nope.avi").open()


def test_a_folder_gives_its_images_in_name_order_and_skips_the_rest(tmp_path: Path) -> None:
    for i, image in enumerate(frames(3)):
        cv2.imwrite(str(tmp_path / f"img{2 - i}.png"), image)
    (tmp_path / "notes.txt").write_text("not an image")
    (tmp_path / "broken.jpg").write_bytes(b"\xff\xd8 not really a jpeg")
    got = drain(ImageFolderSource(tmp_path))
    assert [f.name for f in got] == ["img0.png", "img1.png", "img2.png"]
    assert [int(round(f.image.mean() / 10)) for f in got] == [2, 1, 0]


def test_a_folder_as_a_camera_holds_each_image_for_a_while(tmp_path: Path) -> None:
    for i, image in enumerate(frames(2)):
        cv2.imwrite(str(tmp_path / f"img{i}.png"), image)
    got = drain(ImageFolderSource(tmp_path, realtime=True, fps=40, hold_s=0.1))
    assert [f.name for f in got] == ["img0.png"] * 4 + ["img1.png"] * 4
    assert [f.index for f in got] == list(range(8))  # distinct frames, as confirmation needs


def test_an_empty_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SourceUnreadable, match="no images"):
        ImageFolderSource(tmp_path).open()


def test_the_camera_argument_picks_the_source(tmp_path: Path) -> None:
    video = write_video(tmp_path / "clip.avi", frames(2))
    cv2.imwrite(str(tmp_path / "still.png"), frames(1)[0])
    assert isinstance(frame_source_for("0"), CameraSource)
    assert isinstance(frame_source_for("1"), CameraSource) and frame_source_for("1").index == 1
    assert isinstance(frame_source_for(str(video)), VideoFileSource)
    assert isinstance(frame_source_for(str(tmp_path)), ImageFolderSource)
    assert isinstance(frame_source_for(str(tmp_path / "still.png")), ImageFolderSource)
    with pytest.raises(SourceUnreadable, match="not a camera number"):
        frame_source_for(str(tmp_path / "missing.avi"))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="device nodes are a Linux thing")
def test_a_camera_that_is_not_there_says_so() -> None:
    index = next(i for i in range(40, 64) if not Path(f"/dev/video{i}").exists())
    with pytest.raises(CameraNotFound, match="not connected"):
        CameraSource(index, backends=(cv2.CAP_V4L2,)).open()


def test_camera_names_come_from_sysfs_and_skip_metadata_nodes(tmp_path: Path) -> None:
    for node, name, index in [
        ("video0", "Integrated Camera: Integrated C", 0),
        ("video1", "Integrated Camera", 1),
        ("video2", "Logitech BRIO", 0),
    ]:
        (tmp_path / node).mkdir()
        (tmp_path / node / "name").write_text(name + "\n")
        (tmp_path / node / "index").write_text(f"{index}\n")
    assert [(c.index, c.name) for c in linux_cameras(tmp_path)] == [
        (0, "Integrated Camera: Integrated C"),
        (2, "Logitech BRIO"),
    ]


def test_camera_errors_are_frame_source_errors() -> None:
    # The worker reports every FrameSourceError as a camera failure; the camera's own are among them.
    from inventory_app.scanning.sources import FrameSourceError

    assert issubclass(CameraError, FrameSourceError)


class SlowPipeline:
    """Blocks on the first frame until released, to show what happens to frames that arrive meanwhile."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.started = threading.Event()
        self.seen: list[int] = []

    def process(self, frame: Frame) -> FrameResult:
        self.started.set()
        self.release.wait(5)
        self.seen.append(frame.index)
        return FrameResult(frame.index, frame.captured, [], [], [], [], "", False, 0.0)


def test_a_busy_decoder_drops_stale_frames_and_decodes_the_newest() -> None:
    pipeline = SlowPipeline()
    results: list[int] = []
    decoder = LatestFrameDecoder(pipeline, lambda r: results.append(r.index))  # type: ignore[arg-type]
    decoder.start()
    image = np.zeros((4, 4, 3), np.uint8)
    decoder.submit(Frame(image, 0, 0.0))
    assert pipeline.started.wait(5)
    for i in range(1, 6):  # five frames arrive while frame 0 is being decoded
        decoder.submit(Frame(image, i, 0.0))
    pipeline.release.set()
    assert decoder.wait_idle(5)
    decoder.stop()
    assert results == [0, 5]
    assert decoder.dropped == 4 and decoder.submitted == 6


class FakeCapture:
    """Stands in for cv2.VideoCapture: opens or not, gives ``frames`` pictures, then nothing."""

    script: dict = {}  # type: ignore[type-arg]

    def __init__(self, index: int, backend: int) -> None:
        self.opened = self.script.get("opens", True)
        self.left = self.script.get("frames", 3)
        self.props: dict[int, float] = {}
        self.script.setdefault("backends", []).append(backend)

    def isOpened(self) -> bool:  # noqa: N802 (OpenCV's name)
        return self.opened

    def set(self, prop: int, value: float) -> bool:
        self.props[prop] = value
        self.script["props"] = self.props
        return True

    def read(self):  # type: ignore[no-untyped-def]
        if self.left <= 0:
            return False, None
        self.left -= 1
        return True, np.zeros((720, 1280, 3), np.uint8)

    def release(self) -> None:
        self.opened = False


@pytest.fixture
def fake_capture(monkeypatch: pytest.MonkeyPatch) -> dict:  # type: ignore[type-arg]
    FakeCapture.script = {}
    monkeypatch.setattr("inventory_app.scanning.camera.cv2.VideoCapture", FakeCapture)
    return FakeCapture.script


def test_a_camera_asks_for_720p_mjpg_and_reports_unplugging(fake_capture: dict) -> None:  # type: ignore[type-arg]
    fake_capture["frames"] = 3
    camera = CameraSource(0, backends=(cv2.CAP_V4L2,), lost_after_s=0.1, display_name="Integrated Camera")
    camera.open()
    props = fake_capture["props"]
    assert (props[cv2.CAP_PROP_FRAME_WIDTH], props[cv2.CAP_PROP_FRAME_HEIGHT]) == (1280, 720)
    assert props[cv2.CAP_PROP_FOURCC] == cv2.VideoWriter.fourcc(*"MJPG")
    assert camera.actual_size == (1280, 720)
    assert [camera.read().index for _ in range(3)] == [0, 1, 2]
    with pytest.raises(CameraError, match="Integrated Camera stopped sending pictures") as lost:
        camera.read()
    assert type(lost.value).__name__ == "CameraDisconnected" and lost.value.camera == "Integrated Camera"


def test_a_camera_that_opens_but_sends_nothing_is_busy(fake_capture: dict) -> None:  # type: ignore[type-arg]
    fake_capture["frames"] = 0
    with pytest.raises(CameraError, match="another app") as busy:
        CameraSource(0, backends=(cv2.CAP_V4L2,), lost_after_s=0.1).open()
    assert type(busy.value).__name__ == "CameraBusy"


def test_every_backend_is_tried_before_giving_up(fake_capture: dict) -> None:  # type: ignore[type-arg]
    fake_capture["opens"] = False
    with pytest.raises(CameraError):
        CameraSource(0, backends=(cv2.CAP_DSHOW, cv2.CAP_MSMF)).open()
    assert fake_capture["backends"] == [cv2.CAP_DSHOW, cv2.CAP_MSMF]


def test_an_image_opencv_cannot_decode_is_read_through_pillow(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The bundle's lean OpenCV has no TIFF or WebP codec: such photos still open.
    from PIL import Image

    from inventory_app.scanning import sources

    picture = np.zeros((20, 30, 3), np.uint8)
    picture[:, :, 0] = 200  # red in RGB
    path = tmp_path / "photo.webp"
    Image.fromarray(picture).save(path, lossless=True)
    monkeypatch.setattr(sources.cv2, "imdecode", lambda data, flags: None)
    image = sources.read_image(path)
    assert image.shape == (20, 30, 3) and tuple(image[5, 5]) == (0, 0, 200)  # BGR
    broken = tmp_path / "broken.webp"
    broken.write_bytes(b"RIFF....WEBPjunk")
    with pytest.raises(sources.SourceUnreadable, match="not an image that can be read"):
        sources.read_image(broken)


def test_a_png_cut_short_is_refused_plainly_without_libpng_noise(tmp_path: Path, capfd) -> None:  # type: ignore[no-untyped-def]
    """Field trial: `scan` on a truncated PNG printed libpng's own "PNG input buffer is incomplete"."""
    import cv2
    import numpy as np

    from inventory_app.scanning.sources import SourceUnreadable, read_image

    picture = np.full((120, 200, 3), 255, np.uint8)
    cv2.rectangle(picture, (20, 20), (180, 100), (0, 0, 0), -1)
    whole = cv2.imencode(".png", picture)[1].tobytes()
    (tmp_path / "whole.png").write_bytes(whole + b"trailing bytes a copier added")
    assert read_image(tmp_path / "whole.png").shape == (120, 200, 3)
    (tmp_path / "cut.png").write_bytes(whole[: len(whole) // 2])
    with pytest.raises(SourceUnreadable, match="not an image that can be read"):
        read_image(tmp_path / "cut.png")
    assert "libpng" not in capfd.readouterr().err
