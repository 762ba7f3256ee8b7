"""Render resources/icons/inventory.svg to the PNG (Linux .desktop, window icon) and ICO (Windows exe,
Inno Setup) files that sit beside it. Run after editing the SVG; the outputs are committed.

    .venv/bin/python installer/render_icon.py
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render_png(svg: Path, size: int) -> bytes:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buf, "PNG")
    return bytes(data.data())


def main() -> int:
    svg = ICONS / "inventory.svg"
    big = render_png(svg, 256)
    (ICONS / "inventory.png").write_bytes(big)
    from PIL import Image

    # Pillow writes every size into one .ico, downscaling from the 256 px render.
    Image.open(io.BytesIO(big)).save(ICONS / "inventory.ico", sizes=[(s, s) for s in ICO_SIZES])
    print(f"wrote {ICONS / 'inventory.png'} and {ICONS / 'inventory.ico'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
