"""Code 128 barcodes from python-barcode, as a module pattern that any renderer can draw.

``code128_modules`` gives the bars as a string of '1' (bar) and '0' (space), one character per
module, without quiet zones. Drawing from the pattern keeps bars on whole device pixels (Qt at the
printer's resolution, Pillow for tests and benchmarks), which is what makes small labels scan.
"""

from __future__ import annotations

import barcode
from PIL import Image, ImageDraw

# Quiet zone on each side, in modules (the Code 128 standard asks for at least 10).
QUIET_ZONE_MODULES = 10


def code128_modules(text: str) -> str:
    modules = barcode.get("code128", text).build()[0]
    return str(modules)


def code128_width_modules(text: str, quiet_zone: int = QUIET_ZONE_MODULES) -> int:
    return len(code128_modules(text)) + 2 * quiet_zone


def code128_image(
    text: str,
    module_px: int = 3,
    height_px: int = 80,
    quiet_zone: int = QUIET_ZONE_MODULES,
) -> Image.Image:
    """A black-on-white greyscale image of the barcode with its quiet zones."""
    if module_px < 1:
        raise ValueError("module_px must be at least 1")
    modules = code128_modules(text)
    width = (len(modules) + 2 * quiet_zone) * module_px
    image = Image.new("L", (width, height_px), 255)
    draw = ImageDraw.Draw(image)
    x = quiet_zone * module_px
    run_start = None
    for i, bit in enumerate(modules + "0"):
        if bit == "1" and run_start is None:
            run_start = i
        elif bit == "0" and run_start is not None:
            draw.rectangle([x + run_start * module_px, 0, x + i * module_px - 1, height_px - 1], fill=0)
            run_start = None
    return image
