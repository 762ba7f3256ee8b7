"""The live picture: the frame scaled to fit, read codes outlined, the last scan flashed."""

from __future__ import annotations

import math
import time

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from inventory_app.scanning.pipeline import FrameResult
from inventory_app.scanning.symbology import display_name

OUTLINE_SHOWN_S = 0.5  # how long an outline stays after the last frame that read the code
FLASH_SHOWN_S = 1.6  # how long a scanned code's banner stays

_CONFIRMED = QColor(40, 200, 90)
_PENDING = QColor(240, 180, 40)


class CameraPreview(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # The scan field keeps the keyboard: a wedge scanner types into whatever has focus.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 180)
        self._image: QImage | None = None
        self._result: FrameResult | None = None
        self._result_at = 0.0
        self._flash = ""
        self._flash_at = 0.0
        self._message = self.tr("Camera off")
        # Repaints the fading overlays when no new frame arrives (a paused or ended source).
        self._fade = QTimer(self)
        self._fade.setInterval(100)
        self._fade.timeout.connect(self._expire)

    # ---- inputs -------------------------------------------------------------------------------------

    def set_frame(self, image: QImage) -> None:
        self._image = image
        self.update()

    def set_result(self, result: FrameResult) -> None:
        """The newest decoded frame's reads replace the outlines (an empty result clears them)."""
        if result.reads or result.unread:
            self._result = result
            self._result_at = time.monotonic()
            self._fade.start()
        elif self._result is not None:
            self._result = None
            self.update()

    def flash(self, symbology: str, text: str) -> None:
        self._flash = f"{text}   ·   {display_name(symbology)}"
        self._flash_at = time.monotonic()
        self._fade.start()
        self.update()

    def set_message(self, text: str) -> None:
        """Shown over the picture (or instead of it): "Camera off", a failure, "Starting..."."""
        self._message = text
        self.update()

    def clear(self) -> None:
        self._image = None
        self._result = None
        self.update()

    @property
    def message(self) -> str:
        return self._message

    @property
    def flashed_text(self) -> str:
        return self._flash if time.monotonic() - self._flash_at < FLASH_SHOWN_S else ""

    # ---- drawing -----------------------------------------------------------------------------------

    def _expire(self) -> None:
        now = time.monotonic()
        if now - self._result_at >= OUTLINE_SHOWN_S:
            self._result = None
        if now - self._flash_at >= FLASH_SHOWN_S:
            self._flash = ""
        if self._result is None and not self._flash:
            self._fade.stop()
        self.update()

    def _image_rect(self) -> QRectF:
        assert self._image is not None
        iw, ih = self._image.width(), self._image.height()
        scale = min(self.width() / iw, self.height() / ih)
        w, h = iw * scale, ih * scale
        return QRectF((self.width() - w) / 2, (self.height() - h) / 2, w, h)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(24, 24, 28))
        if self._image is not None and not self._image.isNull():
            target = self._image_rect()
            painter.drawImage(target, self._image)
            if self._result is not None:
                self._draw_outlines(painter, target)
        if self._flash:
            self._draw_banner(painter, self._flash, _CONFIRMED, "bottom")
        if self._message:
            self._draw_banner(
                painter, self._message, QColor(60, 60, 70), "top" if self._image is not None else "center"
            )
        painter.end()

    def _draw_outlines(self, painter: QPainter, target: QRectF) -> None:
        result = self._result
        assert result is not None
        fw, fh = result.size
        if not fw or not fh:
            return
        sx, sy = target.width() / fw, target.height() / fh
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for code in result.reads:
            confirmed = code.text in result.confirmed_texts
            pen = QPen(_CONFIRMED if confirmed else _PENDING, 3)
            painter.setPen(pen)
            points = _outline_band(code.outline)
            painter.drawPolygon(QPolygonF([QPointF(target.x() + x * sx, target.y() + y * sy) for x, y in points]))
        dashed = QPen(_PENDING, 2, Qt.PenStyle.DashLine)
        painter.setPen(dashed)
        for cand in result.unread:
            points = cand.corners()
            painter.drawPolygon(QPolygonF([QPointF(target.x() + x * sx, target.y() + y * sy) for x, y in points]))

    def _draw_banner(self, painter: QPainter, text: str, colour: QColor, where: str) -> None:
        font = QFont(self.font())
        font.setPointSizeF(max(11.0, self.height() / 28))
        font.setBold(True)
        painter.setFont(font)
        metrics = painter.fontMetrics()
        height = metrics.height() + 16
        width = min(self.width() - 20, metrics.horizontalAdvance(text) + 40)
        y = {"bottom": self.height() - height - 12, "top": 12}.get(where, (self.height() - height) / 2)
        box = QRectF((self.width() - width) / 2, y, width, height)
        fill = QColor(colour)
        fill.setAlpha(220)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(box, 8, 8)
        painter.setPen(QColor(255, 255, 255))
        painter.drawText(
            box, Qt.AlignmentFlag.AlignCenter, metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(width) - 20)
        )


def _outline_band(outline: tuple[tuple[float, float], ...]) -> tuple[tuple[float, float], ...]:
    """zxing outlines a 1D read by its scan lines, often a thin sliver: widen it to a band a
    quarter as tall as it is long so it reads as a box around the bars."""
    if len(outline) != 4:
        return outline
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = outline
    length = math.hypot(x1 - x0, y1 - y0)
    thickness = math.hypot(x3 - x0, y3 - y0)
    if length == 0 or thickness >= 0.12 * length:
        return outline
    nx, ny = -(y1 - y0) / length, (x1 - x0) / length  # normal to the reading direction
    half = 0.12 * length
    mx0, my0 = (x0 + x3) / 2, (y0 + y3) / 2
    mx1, my1 = (x1 + x2) / 2, (y1 + y2) / 2
    return (
        (mx0 - nx * half, my0 - ny * half),
        (mx1 - nx * half, my1 - ny * half),
        (mx1 + nx * half, my1 + ny * half),
        (mx0 + nx * half, my0 + ny * half),
    )
