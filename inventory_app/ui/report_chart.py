"""A report's chart (a ``ChartSpec``) as a QtCharts chart, on screen and as an image for the PDF."""

from __future__ import annotations

from typing import Any

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QHorizontalStackedBarSeries,
    QLineSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QLocale, QMargins, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen
from PySide6.QtWidgets import QGraphicsScene

from inventory_app.reports.model import ChartSpec

# Colour-blind friendly (Okabe-Ito), in series order.
HORIZONTAL_FROM = 8
# Category names longer than this lie horizontally too: side by side under narrow bars they overlapped
# ("Oppilaslaitteet", "Henkilöstön laitteet" in the reports page's chart pane, field trial).
LONG_LABEL = 12
LONG_LABELS = 40  # ... and so do categories whose names add up to more than this (five area names)
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")


class ReportChart(QChart):
    """Bars (stacked when the spec says so) with line series (a target) drawn over the same categories.

    With many categories (sites) the bars lie horizontally so every name can be read; a line series
    then becomes one more bar set beside the others.
    """

    def __init__(self, spec: ChartSpec, lang: str = "en") -> None:
        """``spec`` already in ``lang`` (``texts.localise``); numbers are written the language's way."""
        super().__init__()
        names: dict[str, str] = {}
        self.setTitle(spec.title)
        # Axis and bar numbers as people write them: "400 000" in Finnish, "400,000" in English.
        self.setLocalizeNumbers(True)
        self.setLocale(
            QLocale(
                QLocale.Language.Finnish if lang == "fi" else QLocale.Language.English,
                QLocale.Country.Finland if lang == "fi" else QLocale.Country.UnitedKingdom,
            )
        )
        self.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.legend().setShowToolTips(True)  # a series name cut to "…" in a narrow pane, whole on hover
        self.setMargins(QMargins(4, 4, 4, 4))
        horizontal = (
            len(spec.categories) > HORIZONTAL_FROM
            or any(len(c) > LONG_LABEL for c in spec.categories)
            or sum(len(c) for c in spec.categories) > LONG_LABELS
        )
        if horizontal:
            bars: Any = QHorizontalStackedBarSeries() if spec.stacked else QHorizontalBarSeries()
        else:
            bars = QStackedBarSeries() if spec.stacked else QBarSeries()
        axis_cat = QBarCategoryAxis()
        # Horizontal bars run top to bottom in the table's order.
        axis_cat.append(list(reversed(spec.categories)) if horizontal else spec.categories)
        axis_cat.setTruncateLabels(False)
        label_font = QFont(axis_cat.labelsFont())
        label_font.setPointSizeF(max(label_font.pointSizeF() * 0.85, 6.0))
        axis_cat.setLabelsFont(label_font)
        axis_cat.setTitleText(spec.x_label)
        axis_val = QValueAxis()
        axis_val.setTitleText(spec.y_label)
        self.addAxis(axis_cat, Qt.AlignmentFlag.AlignLeft if horizontal else Qt.AlignmentFlag.AlignBottom)
        self.addAxis(axis_val, Qt.AlignmentFlag.AlignBottom if horizontal else Qt.AlignmentFlag.AlignLeft)
        lines: list[QLineSeries] = []
        colour = 0
        for series in spec.series:
            values = [v if v is not None else 0.0 for v in series.values]
            if horizontal:
                values.reverse()
            if series.style == "line" and not horizontal:
                line = QLineSeries()
                line.setName(names.get(series.name, series.name))
                pen = QPen(QColor("#D55E00"))
                pen.setWidthF(2.5)
                pen.setStyle(Qt.PenStyle.DashLine)
                line.setPen(pen)
                for i, v in enumerate(values):
                    line.append(QPointF(i, v))
                lines.append(line)
                continue
            bar_set = QBarSet(names.get(series.name, series.name))
            bar_set.setColor(QColor("#D55E00" if series.style == "line" else PALETTE[colour % len(PALETTE)]))
            colour += series.style != "line"
            bar_set.append(values)
            # Value labels: dark beside a bar, white inside a stacked segment (Qt's default is white).
            bar_set.setLabelColor(QColor("#FFFFFF" if spec.stacked else "#222222"))
            bars.append(bar_set)
        bar_values = [s for s in spec.series if s.style != "line" or horizontal]
        if spec.stacked:
            highest = max(
                (sum((s.values[i] or 0.0) for s in bar_values) for i in range(len(spec.categories))), default=0.0
            )
        else:
            highest = max((v or 0.0 for s in bar_values for v in s.values), default=0.0)
        highest = max([highest] + [v or 0.0 for s in spec.series if s.style == "line" for v in s.values])
        total_bars = len(spec.categories) * max(1, sum(1 for x in spec.series if x.style != "line" or horizontal))
        if total_bars <= 60 and not spec.stacked:
            # Each bar says its value (thin stacked segments would print over each other: the table has them).
            bars.setLabelsVisible(True)
            bars.setLabelsFormat("@value")
            bars.setLabelsPrecision(6 if highest >= 10 else 3)
            bars.setLabelsPosition(
                QAbstractBarSeries.LabelsPosition.LabelsCenter
                if spec.stacked
                else QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd
            )
        if bars.count():
            self.addSeries(bars)
            bars.attachAxis(axis_cat)
            bars.attachAxis(axis_val)
        for line in lines:
            self.addSeries(line)
            line.attachAxis(axis_cat)
            line.attachAxis(axis_val)
        whole = all(v is None or float(v).is_integer() for x in spec.series for v in x.values)
        if whole and highest <= 10:
            # Counts: one tick per whole number, never "0,50 problems".
            top = int(highest) + 1
            axis_val.setRange(0.0, float(top))
            axis_val.setTickCount(top + 1)
        else:
            axis_val.setRange(0.0, highest * 1.1 if highest > 0 else 1.0)
            axis_val.applyNiceNumbers()
        # Whole numbers on the axis unless the values are small ratios (devices per pupil).
        axis_val.setLabelFormat("%.0f" if whole or highest >= 10 else "%.2f")


def chart_view(spec: ChartSpec | None, lang: str = "en") -> QChartView:
    view = QChartView(ReportChart(spec, lang) if spec else QChart())
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    return view


def chart_image(spec: ChartSpec, width: int = 1200, height: int = 560, lang: str = "en") -> QImage:
    """The chart drawn into an image (GUI thread only: QtCharts lays out through a widget)."""
    chart = ReportChart(spec, lang)
    font = QFont(chart.titleFont())
    font.setPointSizeF(font.pointSizeF() * 1.6)
    font.setBold(True)
    chart.setTitleFont(font)
    # Drawn through a scene of its own: no widget, and the chart lays itself out on resize.
    scene = QGraphicsScene()
    scene.addItem(chart)
    chart.resize(width, height)
    scene.setSceneRect(0, 0, width, height)
    layout = chart.layout()
    if layout is not None:
        layout.activate()
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    scene.render(painter, QRectF(0, 0, width, height), QRectF(0, 0, width, height))
    painter.end()
    scene.removeItem(chart)
    return image
