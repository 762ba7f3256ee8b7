"""Drawing label sheets with QPainter: to a PDF (QPdfWriter), a printer, or an image.

The painter's device resolution is set to the plan's dpi, so one device unit is one printer
dot and every bar, laid out in whole dots by ``labels.layout``, lands on whole dots. Bars are
drawn without antialiasing; text is antialiased.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRect, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from inventory_app.core.errors import RejectedInput
from inventory_app.labels.layout import PlacedLabel, SheetPlan, TextBox, dots_to_mm, mm_to_dots
from inventory_app.ui.none_refs import none_refcount_guard

Progress = Callable[[int, int], None]


def ensure_painting_possible() -> None:
    """Painting text needs a Qt GUI application; without a display (CLI on a server), go offscreen."""
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from inventory_app.ui.application import create_qapplication

    create_qapplication()


def _tr(text: str) -> str:
    return QCoreApplication.translate("LabelSheetPainter", text)


class LabelSheetPainter:
    """Paints the pages of one SheetPlan onto any QPainter whose units are the plan's dots."""

    def __init__(self, plan: SheetPlan) -> None:
        self.plan = plan
        self.dpi = plan.dpi

    def page_size_dots(self) -> tuple[int, int]:
        t = self.plan.template
        return mm_to_dots(t.page_width_mm, self.dpi), mm_to_dots(t.page_height_mm, self.dpi)

    def draw_page(self, painter: QPainter, page: int) -> None:
        for label in self.plan.pages[page]:
            if self.plan.calibration:
                self._draw_calibration_label(painter, label)
            else:
                self._draw_label(painter, label)
        if self.plan.calibration:
            self._draw_calibration_notes(painter)

    # -- one label -----------------------------------------------------------------------------
    def _draw_label(self, painter: QPainter, label: PlacedLabel) -> None:
        bars = label.barcode
        if bars is not None:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            black = QColor(0, 0, 0)
            run_start = -1
            for i, bit in enumerate(bars.modules + "0"):
                if bit == "1" and run_start < 0:
                    run_start = i
                elif bit == "0" and run_start >= 0:
                    x = bars.x_dots + run_start * bars.module_dots
                    painter.fillRect(QRect(x, bars.y_dots, (i - run_start) * bars.module_dots, bars.height_dots), black)
                    run_start = -1
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        for box in label.texts:
            self._draw_text(painter, box)

    def _rect(self, x_mm: float, y_mm: float, w_mm: float, h_mm: float) -> QRect:
        x, y = mm_to_dots(x_mm, self.dpi), mm_to_dots(y_mm, self.dpi)
        return QRect(x, y, mm_to_dots(x_mm + w_mm, self.dpi) - x, mm_to_dots(y_mm + h_mm, self.dpi) - y)

    def _draw_text(
        self, painter: QPainter, box: TextBox, *, align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignCenter
    ) -> None:
        if not box.text:
            return
        rect = self._rect(box.x_mm, box.y_mm, box.w_mm, box.h_mm)
        font = QFont("DejaVu Sans")
        font.setStyleHint(QFont.StyleHint.SansSerif)
        font.setBold(box.bold)
        font.setPixelSize(max(4, int(rect.height() * 0.78)))
        metrics = QFontMetrics(font)
        # Long owner or room names shrink a little, then elide: a label never overflows.
        while metrics.horizontalAdvance(box.text) > rect.width() and font.pixelSize() > rect.height() * 0.55:
            font.setPixelSize(font.pixelSize() - 1)
            metrics = QFontMetrics(font)
        painter.setFont(font)
        painter.setPen(QColor(0, 0, 0))
        text = metrics.elidedText(box.text, Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(rect, int(align | Qt.AlignmentFlag.AlignVCenter), text)

    # -- calibration -------------------------------------------------------------------------
    def _draw_calibration_label(self, painter: QPainter, label: PlacedLabel) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        pen = QPen(QColor(0, 0, 0))
        pen.setWidth(max(1, mm_to_dots(0.2, self.dpi)))
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(self._rect(label.x_mm, label.y_mm, label.w_mm, label.h_mm))
        cx, cy = label.x_mm + label.w_mm / 2, label.y_mm + label.h_mm / 2
        arm = min(label.w_mm, label.h_mm) * 0.2
        painter.drawLine(
            mm_to_dots(cx - arm, self.dpi),
            mm_to_dots(cy, self.dpi),
            mm_to_dots(cx + arm, self.dpi),
            mm_to_dots(cy, self.dpi),
        )
        painter.drawLine(
            mm_to_dots(cx, self.dpi),
            mm_to_dots(cy - arm, self.dpi),
            mm_to_dots(cx, self.dpi),
            mm_to_dots(cy + arm, self.dpi),
        )
        number = TextBox(
            label.x_mm + 1,
            label.y_mm + 1,
            label.w_mm * 0.3,
            min(4.0, label.h_mm * 0.2),
            label.texts[0].text if label.texts else "",
        )
        self._draw_text(painter, number, align=Qt.AlignmentFlag.AlignLeft)

    def _draw_calibration_notes(self, painter: QPainter) -> None:
        t = self.plan.template
        if t.is_single:
            return
        # A 100 mm ruler: if it does not measure 100 mm on paper, the print was scaled.
        y = max(2.0, t.margin_top_mm / 2)
        pen = QPen(QColor(0, 0, 0))
        pen.setWidth(max(1, mm_to_dots(0.2, self.dpi)))
        painter.setPen(pen)
        x0 = (t.page_width_mm - 100) / 2
        painter.drawLine(
            mm_to_dots(x0, self.dpi), mm_to_dots(y, self.dpi), mm_to_dots(x0 + 100, self.dpi), mm_to_dots(y, self.dpi)
        )
        for i in range(11):
            tick = 2.0 if i % 5 else 3.5
            xi = mm_to_dots(x0 + i * 10, self.dpi)
            painter.drawLine(xi, mm_to_dots(y - tick / 2, self.dpi), xi, mm_to_dots(y + tick / 2, self.dpi))
        note = _tr(
            "Calibration: print at 100 % (actual size); the ruler must measure 100 mm. "
            "Lay this page on a label sheet against the light; measure how far the crosses are "
            "from the labels' centres and enter that as the printer's X/Y offset (right and down positive)."
        )
        bottom = t.margin_top_mm + (t.rows - 1) * t.pitch_y_mm + t.label_height_mm
        area_h = max(4.0, t.page_height_mm - bottom - 2)
        rect = self._rect(10, bottom + 1, t.page_width_mm - 20, min(area_h, 12))
        font = QFont("DejaVu Sans")
        font.setPixelSize(max(6, mm_to_dots(2.6, self.dpi)))
        painter.setFont(font)
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap), note)


def _setup_paged_device(device: QPagedPaintDevice, plan: SheetPlan) -> None:
    t = plan.template
    orientation = (
        QPageLayout.Orientation.Landscape if t.page_width_mm > t.page_height_mm else QPageLayout.Orientation.Portrait
    )
    size = QPageSize(
        QSizeF(min(t.page_width_mm, t.page_height_mm), max(t.page_width_mm, t.page_height_mm)),
        QPageSize.Unit.Millimeter,
        t.name,
        QPageSize.SizeMatchPolicy.FuzzyMatch,
    )
    layout = QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    layout.setMode(QPageLayout.Mode.FullPageMode)
    device.setPageLayout(layout)


def paint_plan(device: QPagedPaintDevice, plan: SheetPlan, progress: Progress | None = None) -> int:
    """Paint every page onto a paged device (QPdfWriter or QPrinter) already set to the plan's dpi."""
    _setup_paged_device(device, plan)
    sheet = LabelSheetPainter(plan)
    painter = QPainter()
    if not painter.begin(device):
        raise RejectedInput("cannot start printing (is the file or printer available?)")
    with none_refcount_guard():
        try:
            total = len(plan.pages)
            for index in range(total):
                if index:
                    device.newPage()
                sheet.draw_page(painter, index)
                if progress:
                    progress(index + 1, total)
        finally:
            painter.end()
    return len(plan.pages)


def write_pdf(plan: SheetPlan, path: Path, progress: Progress | None = None, title: str = "Labels") -> int:
    """Write the plan as a PDF at the plan's resolution; returns the number of pages."""
    if not plan.pages:
        raise RejectedInput("there are no labels to print")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    try:  # a failed write leaves neither the .part nor a half file behind
        writer = QPdfWriter(str(tmp))
        writer.setResolution(plan.dpi)
        writer.setTitle(title)
        writer.setCreator("School device inventory")
        try:
            pages = paint_plan(writer, plan, progress)
        finally:
            del writer  # flushes and closes the file
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)
    return pages


def render_page(plan: SheetPlan, page: int = 0) -> QImage:
    """One page as a white greyscale image at the plan's dpi (previews and tests)."""
    sheet = LabelSheetPainter(plan)
    width, height = sheet.page_size_dots()
    with none_refcount_guard():
        image = QImage(width, height, QImage.Format.Format_Grayscale8)
        image.fill(QColor(255, 255, 255))
        dots_per_metre = round(plan.dpi / 0.0254)
        image.setDotsPerMeterX(dots_per_metre)
        image.setDotsPerMeterY(dots_per_metre)
        painter = QPainter(image)
        try:
            sheet.draw_page(painter, page)
        finally:
            painter.end()
    return image


def label_rect_dots(plan: SheetPlan, label: PlacedLabel) -> QRectF:
    """A label's rectangle in the page image's pixels (tests crop labels with it)."""
    return QRectF(
        mm_to_dots(label.x_mm, plan.dpi),
        mm_to_dots(label.y_mm, plan.dpi),
        mm_to_dots(label.w_mm, plan.dpi),
        mm_to_dots(label.h_mm, plan.dpi),
    )


__all__ = ["LabelSheetPainter", "paint_plan", "write_pdf", "render_page", "label_rect_dots", "dots_to_mm"]
