"""Which camera, at what size: the choice kept in ``ctx.config.camera``, and the picker's list.

The setting is one string, ``"<camera>@<width>x<height>"`` (the size optional), where
``<camera>`` is what ``gui --camera`` takes: an OpenCV camera index, a video file or a folder.
"""

from __future__ import annotations

import logging
import re
import sys
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from inventory_app.scanning.camera import frame_source_for, linux_cameras
from inventory_app.scanning.sources import FrameSource
from inventory_app.ui.plugin_loading import qt_plugin_load

log = logging.getLogger(__name__)

_SIZE_RE = re.compile(r"^(.*)@(\d{3,4})x(\d{3,4})$")
SIZES: tuple[tuple[int, int], ...] = ((1280, 720), (1920, 1080), (640, 480))


@dataclass(frozen=True, slots=True)
class CameraSettings:
    camera: str = "0"
    width: int = 1280
    height: int = 720

    @classmethod
    def from_config(cls, text: str | None) -> CameraSettings:
        text = (text or "").strip()
        if not text:
            return cls()
        match = _SIZE_RE.match(text)
        if match:
            camera, width, height = match.group(1).strip(), int(match.group(2)), int(match.group(3))
            return cls(camera or "0", width, height)
        return cls(text)

    def to_config(self) -> str:
        return f"{self.camera}@{self.width}x{self.height}"


@dataclass(frozen=True, slots=True)
class CameraChoice:
    label: str  # what the picker shows
    spec: str  # what frame_source_for opens: "0", "1", a file or a folder


def frame_source_from_arg(
    camera: str, settings: CameraSettings | None = None, display_name: str | None = None
) -> FrameSource:
    """What ``gui --camera 0|FILE|DIR`` names, as a frame source (not opened yet).

    Raises ``SourceUnreadable`` with a one-line message for a path that does not exist.
    """
    settings = settings or CameraSettings()
    return frame_source_for(
        camera, width=settings.width, height=settings.height, realtime=True, display_name=display_name
    )


def available_cameras(names: list[str] | None = None) -> list[CameraChoice]:
    """The cameras to offer, with readable names, mapped to OpenCV indexes.

    Linux: from sysfs, which gives the exact /dev/videoN index. Elsewhere: QtMultimedia's list
    (``names``, or asked here), by order, which is also how OpenCV's DirectShow and AVFoundation
    number them. Nothing known: "Camera 1" and "Camera 2" for indexes 0 and 1.
    """
    if sys.platform.startswith("linux"):
        found = linux_cameras()
        if found:
            return [CameraChoice(c.name, str(c.index)) for c in found]
    if names is None:
        names = qt_camera_names()
    if names:
        return [CameraChoice(name, str(i)) for i, name in enumerate(names)]
    return [
        CameraChoice(QCoreApplication.translate("CameraSettings", "Camera {0}").format(i + 1), str(i)) for i in range(2)
    ]


def qt_camera_names() -> list[str]:
    # The camera list loads QtMultimedia's FFmpeg plugin, which logs while it loads: see plugin_loading.py.
    with qt_plugin_load():
        try:
            from PySide6.QtMultimedia import QMediaDevices
        except ImportError:  # QtMultimedia is in PySide6-Addons; the picker works without it
            return []
        try:
            return [device.description() for device in QMediaDevices.videoInputs()]
        except Exception:  # a broken multimedia backend must not stop the panel
            log.warning("could not list cameras through QtMultimedia", exc_info=True)
            return []
