"""Camera-like test frames with labels drawn by the project's own label code (shared by the scanning and UI tests)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import cv2
import numpy as np

from inventory_app.labels.barcodes import code128_image
from inventory_app.scanning.synthetic import Conditions, FrameGenerator

MODULE_PX = 4

# Comfortable conditions: a label held up in a lit room, slightly turned.
EASY = Conditions(ppm=3.0, tilt_deg=4.0, noise=3.0, jpeg=90)


def code128_label(text: str) -> tuple[np.ndarray, int]:
    """The asset tag's barcode exactly as the label code renders it (bars a quarter as tall as the code is wide)."""
    image = code128_image(text, module_px=MODULE_PX, height_px=36 * MODULE_PX)
    return np.asarray(image, dtype=np.uint8), MODULE_PX


def generator(seed: int = 1, size: tuple[int, int] = (1280, 720)) -> FrameGenerator:
    return FrameGenerator(seed=seed, size=size, renderers={"code128": code128_label})


def write_video(path: Path, frames: Sequence[np.ndarray], fps: float = 15.0) -> Path:
    """An MJPG .avi (OpenCV writes it without any codec installed)."""
    height, width = frames[0].shape[:2]
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), fps, (width, height))
    assert writer.isOpened(), "OpenCV cannot write MJPG here"
    for frame in frames:
        writer.write(frame)
    writer.release()
    return path


def labels_video(
    path: Path,
    tags: Sequence[str],
    seed: int = 3,
    frames_per_label: int = 8,
    gap_frames: int = 4,
    size: tuple[int, int] = (1280, 720),
    fps: float = 15.0,
) -> Path:
    """A recording of labels held up one after another, with empty frames between them."""
    gen = generator(seed, size)
    frames: list[np.ndarray] = []
    for tag in tags:
        frames += [gen.empty(EASY).image for _ in range(gap_frames)]
        frames += [f.image for f in gen.scene("code128", tag, EASY, frames_per_label)]
    frames += [gen.empty(EASY).image for _ in range(gap_frames)]
    return write_video(path, frames, fps)


def label_sheet(
    tags: Sequence[str],
    *,
    columns: int = 3,
    module_px: int = 2,
    size: tuple[int, int] = (1280, 720),
    tilt_deg: float = 0.0,
    glare: tuple[float, float, float, float] | None = None,
    seed: int = 5,
) -> np.ndarray:
    """A photo of a sheet of labels (greyscale): the label code's barcodes in rows of ``columns``.

    ``tilt_deg`` turns the sheet (and shrinks it to 80 % so it stays in the picture, on a grey
    desk); ``glare`` is a specular highlight (x, y, radius, strength) over the photo.
    """
    width, height = size
    page = np.full((height, width), 235, np.uint8)
    for i, tag in enumerate(tags):
        bars = np.asarray(code128_image(tag, module_px=module_px, height_px=36 * module_px), dtype=np.uint8)
        row, col = divmod(i, columns)
        x, y = 60 + col * (width - 120) // columns, 80 + row * 300
        h, w = bars.shape
        page[y : y + h, x : x + w] = np.minimum(page[y : y + h, x : x + w], bars)
        cv2.putText(page, tag, (x, y + h + 30), cv2.FONT_HERSHEY_SIMPLEX, 0.8, 40, 2)
    if tilt_deg:
        turn = cv2.getRotationMatrix2D((width / 2, height / 2), tilt_deg, 0.8)
        page = cv2.warpAffine(page, turn, (width, height), borderValue=120)
    photo = page.astype(np.float32)
    if glare is not None:
        gx, gy, radius, strength = glare
        yy, xx = np.mgrid[0:height, 0:width]
        photo += strength * np.exp(-((xx - gx) ** 2 + (yy - gy) ** 2) / (2 * radius**2))
    photo += np.random.default_rng(seed).normal(0.0, 3.0, photo.shape)
    return np.asarray(photo.clip(0, 255), dtype=np.uint8)
