"""Frame sources: a video file or a folder of images, standing in for the webcam (see camera.py).

Every source has the same small interface: ``open()``, ``read()`` -> :class:`Frame` or ``None``
when a recording ends, ``close()``. A live camera never returns ``None``: it raises a
:class:`CameraError` saying what went wrong. With ``realtime=True`` a recording is paced like a
camera (a video at its own frame rate, each still image held for a while at ``fps``), which is
how ``gui --camera FILE|DIR`` demonstrates and tests the whole pipeline without a camera.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import cv2
import numpy as np

IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff", ".webp", ".pgm", ".ppm"})


class FrameSourceError(Exception):
    """A source could not give frames; ``str(exc)`` is a one-line message for the user."""


class SourceUnreadable(FrameSourceError):
    """A file or folder that is missing or holds nothing decodable as images or video."""


@dataclass(slots=True)
class Frame:
    image: np.ndarray  # BGR uint8, H x W x 3
    index: int  # position in the stream, counting frames (an image held for a second is many frames)
    captured: float  # time.monotonic() when the frame was read
    name: str = ""  # the image's file name, for a folder source


class FrameSource(Protocol):
    name: str
    live: bool  # a camera: running out of frames is a failure, not the end of a recording

    def open(self) -> None: ...

    def read(self) -> Frame | None: ...

    def close(self) -> None: ...


def is_image_file(path: Path) -> bool:
    return path.suffix.lower() in IMAGE_SUFFIXES


def read_image(path: Path) -> np.ndarray:
    """An image file as BGR; raises SourceUnreadable with a plain message."""
    if not path.is_file():
        raise SourceUnreadable(f"{path}: no such file")
    # imdecode on bytes (not imread) so that non-ASCII Windows paths work.
    try:
        data = np.fromfile(str(path), dtype=np.uint8)
    except OSError as exc:
        raise SourceUnreadable(f"{path}: cannot read ({exc.strerror or exc})") from None
    if _cut_short_png(data):  # libpng would print its own error to the terminal before refusing it
        raise SourceUnreadable(f"{path}: not an image that can be read")
    image = cv2.imdecode(data, cv2.IMREAD_COLOR) if data.size else None
    if image is None and data.size:
        image = _read_with_pillow(data)
    if image is None:
        raise SourceUnreadable(f"{path}: not an image that can be read")
    return image


_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _cut_short_png(data: np.ndarray) -> bool:
    """A PNG whose end chunk (IEND) is missing from its last 4 KB: a file cut short in copying."""
    return data[:8].tobytes() == _PNG_SIGNATURE and b"IEND" not in data[-4096:].tobytes()


def _read_with_pillow(data: np.ndarray) -> np.ndarray | None:
    """Formats the bundle's lean OpenCV does not decode (TIFF, WebP; see installer/build.py)."""
    import io

    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data.tobytes())) as picture:
            rgb = np.asarray(picture.convert("RGB"))
    except (UnidentifiedImageError, OSError, ValueError):
        return None
    return np.ascontiguousarray(rgb[:, :, ::-1])


class _Pacer:
    """Sleeps so that frame ``i`` is delivered at ``start + i / fps``, like a camera would."""

    def __init__(self, fps: float) -> None:
        self.period = 1.0 / fps if fps > 0 else 0.0
        self.start: float | None = None

    def wait(self, i: int) -> None:
        if not self.period:
            return
        now = time.monotonic()
        if self.start is None:
            self.start = now
        delay = self.start + i * self.period - now
        if delay > 0:
            time.sleep(delay)


class VideoFileSource:
    live = False

    def __init__(self, path: str | os.PathLike[str], realtime: bool = False, loop: bool = False) -> None:
        self.path = Path(path)
        self.name = self.path.name
        self.realtime = realtime
        self.loop = loop
        self._cap: cv2.VideoCapture | None = None
        self._index = 0
        self._delivered = 0
        self._pacer = _Pacer(0)
        self.fps = 0.0
        self.frame_count = 0

    def open(self) -> None:
        if not self.path.is_file():
            raise SourceUnreadable(f"{self.path}: no such file")
        cap = cv2.VideoCapture(str(self.path))
        ok, first = cap.read() if cap.isOpened() else (False, None)
        if not ok or first is None:
            cap.release()
            raise SourceUnreadable(f"{self.path}: not a video that can be read")
        cap.set(cv2.CAP_PROP_POS_FRAMES, 0)
        self._cap = cap
        fps = float(cap.get(cv2.CAP_PROP_FPS) or 0.0)
        self.fps = fps if 1.0 <= fps <= 240.0 else 25.0
        self.frame_count = int(cap.get(cv2.CAP_PROP_FRAME_COUNT) or 0)
        self._pacer = _Pacer(self.fps if self.realtime else 0)
        self._index = 0
        self._delivered = 0

    def read(self) -> Frame | None:
        if self._cap is None:
            raise FrameSourceError(f"{self.name}: not open")
        ok, image = self._cap.read()
        if (not ok or image is None) and self.loop and self._index > 0:
            self._cap.set(cv2.CAP_PROP_POS_FRAMES, 0)
            self._index = 0
            ok, image = self._cap.read()
        if not ok or image is None:
            return None
        self._pacer.wait(self._delivered)
        frame = Frame(image, self._index, time.monotonic())
        self._index += 1
        self._delivered += 1
        return frame

    def close(self) -> None:
        if self._cap is not None:
            self._cap.release()
            self._cap = None


class ImageFolderSource:
    """Still images in name order. As a camera (``realtime``) each is shown for ``hold_s``."""

    live = False

    def __init__(
        self,
        path: str | os.PathLike[str],
        realtime: bool = False,
        fps: float = 15.0,
        hold_s: float = 1.0,
        loop: bool = False,
    ) -> None:
        self.path = Path(path)
        self.name = self.path.name
        self.realtime = realtime
        self.fps = fps
        self.hold_s = hold_s
        self.loop = loop
        self.files: list[Path] = []
        self._position = 0
        self._repeat = 0
        self._current: np.ndarray | None = None
        self._delivered = 0
        self._pacer = _Pacer(0)

    def open(self) -> None:
        if self.path.is_file() and is_image_file(self.path):
            self.files = [self.path]
        elif self.path.is_dir():
            self.files = sorted(p for p in self.path.iterdir() if p.is_file() and is_image_file(p))
            if not self.files:
                raise SourceUnreadable(f"{self.path}: no images in this folder")
        else:
            raise SourceUnreadable(f"{self.path}: no such file or folder")
        self._position = 0
        self._repeat = 0
        self._current = None
        self._delivered = 0
        self._pacer = _Pacer(self.fps if self.realtime else 0)

    @property
    def _frames_per_image(self) -> int:
        return max(1, round(self.hold_s * self.fps)) if self.realtime else 1

    def read(self) -> Frame | None:
        """The next frame; an image that cannot be read is skipped (see ``skipped``)."""
        while True:
            if self._position >= len(self.files):
                if not self.loop or not self.files:
                    return None
                self._position = 0
            path = self.files[self._position]
            if self._current is None:
                try:
                    self._current = read_image(path)
                except SourceUnreadable:
                    self._position += 1
                    continue
            self._pacer.wait(self._delivered)
            # The index counts frames, not images: confirmation needs distinct frames of a held image.
            frame = Frame(self._current.copy(), self._delivered, time.monotonic(), path.name)
            self._delivered += 1
            self._repeat += 1
            if self._repeat >= self._frames_per_image:
                self._repeat = 0
                self._position += 1
                self._current = None
            return frame

    def close(self) -> None:
        self._current = None
