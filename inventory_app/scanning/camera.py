"""The webcam as a frame source, through OpenCV (headless build), and what can go wrong with it.

Backends per OS: DirectShow then Media Foundation on Windows (DirectShow opens in a fraction of
the time and honours the requested size on most laptop cameras), AVFoundation on macOS, V4L2 on
Linux. The camera is asked for MJPG at 1280x720: uncompressed 720p is 10 fps or less on most USB
webcams, and 1D codes need about 2 px per module, which 640x480 gives only at arm's length.

Failures become one exception each, with a message a user can act on: the camera is missing,
busy (another app holds it), denied (OS privacy settings or device permissions), or it
disconnected mid-stream.
"""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from inventory_app.scanning.sources import (
    Frame,
    FrameSource,
    FrameSourceError,
    ImageFolderSource,
    SourceUnreadable,
    VideoFileSource,
    is_image_file,
)


class CameraError(FrameSourceError):
    """The camera cannot give frames. Subclasses say why; ``camera`` names it (the UI words its own message)."""

    def __init__(self, message: str, camera: str = "") -> None:
        super().__init__(message)
        self.camera = camera


class CameraNotFound(CameraError):
    pass


class CameraBusy(CameraError):
    pass


class CameraAccessDenied(CameraError):
    pass


class CameraDisconnected(CameraError):
    pass


class CameraUnavailable(CameraError):
    """Could not be opened, and the OS does not say whether it is missing, busy or denied."""


@dataclass(frozen=True, slots=True)
class CameraInfo:
    index: int  # what OpenCV opens
    name: str  # what the user reads in the picker


def default_backends(platform: str | None = None) -> tuple[int, ...]:
    platform = platform or sys.platform
    if platform.startswith("win"):
        return (cv2.CAP_DSHOW, cv2.CAP_MSMF)
    if platform == "darwin":
        return (cv2.CAP_AVFOUNDATION,)
    return (cv2.CAP_V4L2, cv2.CAP_ANY)


def linux_cameras(sysfs: Path = Path("/sys/class/video4linux")) -> list[CameraInfo]:
    """Capture devices with their names, from sysfs. A webcam often has a second node for
    metadata (its ``index`` file says 1): only the first of each device is a camera."""
    found: list[CameraInfo] = []
    if not sysfs.is_dir():
        return found
    for node in sorted(sysfs.glob("video*"), key=lambda p: int(p.name[5:]) if p.name[5:].isdigit() else 1 << 30):
        if not node.name[5:].isdigit():
            continue
        try:
            name = (node / "name").read_text(encoding="utf-8", errors="replace").strip()
            index_file = node / "index"
            sub_index = int(index_file.read_text().strip()) if index_file.exists() else 0
        except (OSError, ValueError):
            continue
        if sub_index == 0:
            found.append(CameraInfo(int(node.name[5:]), name or f"Camera {node.name[5:]}"))
    return found


class CameraSource:
    """A webcam by OpenCV index."""

    live = True

    def __init__(
        self,
        index: int = 0,
        width: int = 1280,
        height: int = 720,
        backends: tuple[int, ...] | None = None,
        display_name: str | None = None,
        lost_after_s: float = 2.0,
    ) -> None:
        self.index = index
        self.width = width
        self.height = height
        self.backends = backends or default_backends()
        self.name = display_name or f"Camera {index + 1}"
        self.lost_after_s = lost_after_s
        self.actual_size: tuple[int, int] = (0, 0)
        self._cap: cv2.VideoCapture | None = None
        self._first: np.ndarray | None = None
        self._index = 0

    def open(self) -> None:
        self.close()
        # OpenCV prints a warning per backend that cannot open the device; the exception below
        # says it better, so only its errors are let through.
        _only_opencv_errors()
        for backend in self.backends:
            cap = cv2.VideoCapture(self.index, backend)
            if cap.isOpened():
                self._configure(cap)
                self._cap = cap
                break
            cap.release()
        if self._cap is None:
            raise self._why_not_opened()
        # Some drivers open a camera that another app holds and then deliver nothing.
        frame = self._read_within(self.lost_after_s)
        if frame is None:
            self.close()
            raise CameraBusy(
                f"{self.name} opened but sends no pictures: another app (Teams, Zoom, the "
                "Camera app) may be using it. Close that app and press Reconnect.",
                self.name,
            )
        self._first = frame
        self.actual_size = (frame.shape[1], frame.shape[0])
        self._index = 0

    def _configure(self, cap: cv2.VideoCapture) -> None:
        cap.set(cv2.CAP_PROP_FOURCC, cv2.VideoWriter.fourcc(*"MJPG"))
        cap.set(cv2.CAP_PROP_FRAME_WIDTH, self.width)
        cap.set(cv2.CAP_PROP_FRAME_HEIGHT, self.height)
        # A short driver queue: the newest picture, not one from a second ago.
        cap.set(cv2.CAP_PROP_BUFFERSIZE, 1)

    def _read_within(self, seconds: float) -> np.ndarray | None:
        assert self._cap is not None
        deadline = time.monotonic() + seconds
        while True:
            ok, image = self._cap.read()
            if ok and image is not None and image.size:
                return image
            if time.monotonic() >= deadline:
                return None
            time.sleep(0.02)

    def _why_not_opened(self) -> CameraError:
        if sys.platform.startswith("linux"):
            device = Path(f"/dev/video{self.index}")
            if not device.exists():
                return CameraNotFound(
                    f"{self.name} is not connected (no {device}). Plug it in and press Reconnect.", self.name
                )
            if not os.access(device, os.R_OK | os.W_OK):
                return CameraAccessDenied(
                    f"No permission to use {self.name} ({device}): ask IT to add you to the 'video' group.", self.name
                )
            return CameraBusy(f"{self.name} is in use by another app. Close that app and press Reconnect.", self.name)
        if sys.platform == "darwin":
            return CameraUnavailable(
                f"{self.name} could not be opened: it is not connected, in use, or this app "
                "is not allowed to use the camera (System Settings > Privacy & Security > "
                "Camera).",
                self.name,
            )
        return CameraUnavailable(
            f"{self.name} could not be opened: it is not connected, in use by another app, or "
            "blocked in Settings > Privacy & security > Camera.",
            self.name,
        )

    def read(self) -> Frame | None:
        if self._cap is None:
            raise CameraDisconnected(f"{self.name} is not open", self.name)
        image: np.ndarray | None = self._first
        if image is not None:
            self._first = None
        else:
            image = self._read_within(self.lost_after_s)
        if image is None:
            raise CameraDisconnected(
                f"{self.name} stopped sending pictures (unplugged?). Check the cable and press Reconnect.", self.name
            )
        frame = Frame(image, self._index, time.monotonic())
        self._index += 1
        return frame

    def close(self) -> None:
        if self._cap is not None:
            self._cap.release()
            self._cap = None
        self._first = None


def _only_opencv_errors() -> None:
    # The wheel exposes cv2.utils.logging; the bundle's lean build (installer/lean_opencv.sh) only cv2.setLogLevel.
    log = getattr(cv2.utils, "logging", None)
    if log is not None:
        log.setLogLevel(log.LOG_LEVEL_ERROR)
    elif hasattr(cv2, "setLogLevel"):
        cv2.setLogLevel(2)  # cv::utils::logging::LOG_LEVEL_ERROR


def frame_source_for(
    spec: str,
    *,
    width: int = 1280,
    height: int = 720,
    realtime: bool = True,
    loop: bool = False,
    display_name: str | None = None,
) -> FrameSource:
    """What ``--camera`` names: a camera index ("0"), a video file, an image, or a folder of images."""
    text = spec.strip()
    if text.isdigit():
        return CameraSource(int(text), width, height, display_name=display_name)
    path = Path(text).expanduser()
    if path.is_dir() or (path.is_file() and is_image_file(path)):
        return ImageFolderSource(path, realtime=realtime, loop=loop)
    if path.is_file():
        return VideoFileSource(path, realtime=realtime, loop=loop)
    raise SourceUnreadable(f"{text}: not a camera number, a video file or a folder of images")
