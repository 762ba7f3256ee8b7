"""Render resources/samples/label_sample.png, the picture ``selftest`` decodes.

A Code 128 asset tag drawn by the project's own label code (labels/barcodes.py), placed in a
640x480 camera-like frame (scanning/synthetic.py). Run from the repository root:

    .venv/bin/python scripts/make_scan_sample.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import cv2
import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from inventory_app.core.identifiers import make_tag  # noqa: E402
from inventory_app.labels.barcodes import code128_image  # noqa: E402
from inventory_app.scanning.synthetic import Conditions, FrameGenerator  # noqa: E402

SAMPLE_TAG = make_tag("SLF", 1)


def main() -> None:
    def label(text: str) -> tuple[np.ndarray, int]:
        return np.asarray(code128_image(text, module_px=4, height_px=144), dtype=np.uint8), 4

    gen = FrameGenerator(seed=2024, size=(640, 480), renderers={"code128": label})
    frame = gen.frame("code128", SAMPLE_TAG, Conditions(ppm=2.6, tilt_deg=8.0, noise=0.6, jpeg=0))
    out = ROOT / "resources" / "samples" / "label_sample.png"
    out.parent.mkdir(parents=True, exist_ok=True)
    cv2.imwrite(str(out), frame.image, [cv2.IMWRITE_PNG_COMPRESSION, 9])
    print(f"{out}: {SAMPLE_TAG}")


if __name__ == "__main__":
    main()
