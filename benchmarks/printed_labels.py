"""Frames of the app's own printed labels: the real PDF, printed (badly) and photographed.

1. The app makes the sheets: ``main.py demo`` in a fresh store, then ``main.py labels --site S --out
   devices.pdf`` (asset tags, a4-3x7) and ``main.py labels --rooms --site S --out rooms.pdf`` (room
   labels) — the same code path as the Labels window's PDF (ui/label_pdf.py uses labels/).
2. ``pdftoppm -r 300 -gray`` turns each page into what a 300 dpi office printer puts on paper.
   The truth of every label is read from this clean page (zxing-cpp reads a clean sheet fully).
3. Print damage on the sheet: toner spread (bars thicker), a worn drum (a faded streak down the
   page), low toner (grey instead of black), paper grain.
4. A camera photographs one label at a time (with a bit of its neighbours) by the camera model of
   benchmarks/field_frames.py: tilt, perspective, size 1.6-3.5 px per module, blur or motion,
   uneven light, rolling shutter, noise, JPEG.

Needs poppler-utils (pdftoppm). Made in a temporary folder each run; nothing is committed.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import cv2
import numpy as np
import zxingcpp

from benchmarks.field_frames import DEGRADATIONS, FieldFrame, FieldGenerator
from inventory_app.scanning import symbology as sym

ROOT = Path(__file__).resolve().parent.parent


def _run(args: list[str], home: Path) -> None:
    env = {**os.environ, "INVENTORY_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args], env=env, capture_output=True, text=True, timeout=600
    )
    if proc.returncode != 0:
        raise SystemExit(f"main.py {' '.join(args)} failed: {proc.stderr or proc.stdout}")


def sheets(site: str = "KES05", pages: int = 3) -> list[np.ndarray]:
    """Clean 300 dpi greyscale pages of the app's label PDFs (device tags, then room labels)."""
    with tempfile.TemporaryDirectory(prefix="labels-bench-") as tmp:
        folder = Path(tmp)
        _run(["demo"], folder / "home")
        _run(["labels", "--site", site, "--out", str(folder / "devices.pdf")], folder / "home")
        _run(["labels", "--rooms", "--site", site, "--out", str(folder / "rooms.pdf")], folder / "home")
        out = []
        for name in ("devices", "rooms"):
            subprocess.run(
                [
                    "pdftoppm",
                    "-r",
                    "300",
                    "-gray",
                    "-png",
                    "-f",
                    "1",
                    "-l",
                    str(pages),
                    str(folder / f"{name}.pdf"),
                    str(folder / name),
                ],
                check=True,
                timeout=300,
            )
            for png in sorted(folder.glob(f"{name}-*.png")):
                out.append(cv2.imread(str(png), cv2.IMREAD_GRAYSCALE))
        return out


def labels_on(page: np.ndarray) -> list[tuple[str, str, tuple[int, int, int, int]]]:
    """(symbology, text, box x0, y0, x1, y1) of every code on a clean page."""
    found = []
    for r in zxingcpp.read_barcodes(page, try_rotate=False, try_invert=False):
        s = sym.ZXING_NAMES.get(r.format.name)
        if not s or not r.valid:
            continue
        p = r.position
        xs = [p.top_left.x, p.top_right.x, p.bottom_right.x, p.bottom_left.x]
        ys = [p.top_left.y, p.top_right.y, p.bottom_right.y, p.bottom_left.y]
        found.append((*sym.normalise(s, r.text), (min(xs), min(ys), max(xs), max(ys))))
    return found


def print_damage(page: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    img = page.astype(np.float32)
    if rng.random() < 0.6:  # toner spread: dark areas grow by a pixel or two at 300 dpi
        k = int(rng.integers(2, 4))
        img = cv2.erode(img, np.ones((1, k), np.uint8))
    black = float(rng.uniform(0, 110))  # low toner: grey bars
    img = black + img * (255 - black) / 255
    if rng.random() < 0.5:  # a worn drum: a faded streak down the page
        x0 = int(rng.integers(0, img.shape[1] - 200))
        width = int(rng.integers(20, 200))
        img[:, x0 : x0 + width] = img[:, x0 : x0 + width] * 0.35 + 255 * 0.65 * float(rng.uniform(0.5, 1.0))
    img += rng.normal(0, 6, img.shape).astype(np.float32)  # paper grain
    return np.clip(img, 0, 255).astype(np.float32)


def printed_label_frames(
    seed: int, n: int, size: tuple[int, int] = (1280, 720), pages: list[np.ndarray] | None = None
) -> list[FieldFrame]:
    pages = pages if pages is not None else sheets()
    rng = np.random.default_rng(seed)
    camera = FieldGenerator(seed + 1000, size)
    cells = [(i, lab) for i, page in enumerate(pages) for lab in labels_on(page)]
    damaged: dict[int, np.ndarray] = {}
    frames = []
    for k in range(n):
        if k % 5 == 4:  # a frame of the room without a label in view
            frames.append(camera.frame(None))
            continue
        page_i, (symbology, text, (x0, y0, x1, y1)) = cells[int(rng.integers(0, len(cells)))]
        if page_i not in damaged or rng.random() < 0.3:
            damaged[page_i] = print_damage(pages[page_i], rng)
        page = damaged[page_i]
        # Some paper round the label, never a whole neighbour (those are 0.5 code heights and 0.5 widths away).
        pad_x, pad_y = int((x1 - x0) * rng.uniform(0.1, 0.45)), int((y1 - y0) * rng.uniform(0.25, 0.5))
        crop = page[max(0, y0 - pad_y) : y1 + pad_y, max(0, x0 - pad_x) : x1 + pad_x]
        picks = tuple(
            sorted(
                set(rng.choice(DEGRADATIONS, size=int(rng.integers(1, 3)), replace=False).tolist())
                - {"thermal", "curve"}
            )
        )
        # Module size on paper at 300 dpi is about 4 px (0.34 mm); 1.6-3.5 px in the frame.
        scale = float(rng.uniform(1.6, 3.5)) / 4.0
        angle = float(rng.choice([-1, 1]) * rng.uniform(15, 30)) if "tilt" in picks else float(rng.uniform(-8, 8))
        img = camera._place(camera.background(), crop, scale, angle, float(rng.uniform(0, 0.18)))
        frames.append(FieldFrame(camera._degrade(img, picks), symbology, text, picks))
    return frames
