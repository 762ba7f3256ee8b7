"""Where everything on a label sheet goes, in millimetres and in whole printer dots.

The scannability rule: every bar is a whole number of printer dots wide (a module that falls
between dots prints as uneven bars), a module is at least ``MIN_MODULE_MM`` wide, the code has
``QUIET_ZONE_MODULES`` of white on each side, and the bars are at least ``MIN_BAR_HEIGHT_MM``
high and 15 % of the symbol's width. A code that cannot meet this on the chosen label at the
chosen resolution is refused with the numbers that would make it fit; it is never shrunk.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from inventory_app.core.errors import RejectedInput
from inventory_app.labels.barcodes import QUIET_ZONE_MODULES, code128_modules
from inventory_app.labels.templates import LabelTemplate

MM_PER_INCH = 25.4
MIN_MODULE_MM = 0.25
MAX_MODULE_MM = 0.5
MIN_BAR_HEIGHT_MM = 5.0
MAX_BAR_HEIGHT_MM = 25.0
MIN_HEIGHT_RATIO = 0.15
# White kept between the quiet zone and the label's edge: sheets are never cut exactly.
EDGE_MM = 0.5


class LabelTooSmall(RejectedInput):
    """A code cannot be printed scannably on the chosen label at the chosen resolution."""


@dataclass(frozen=True, slots=True)
class LabelContent:
    code: str  # what the barcode carries
    text: str  # human-readable line under the bars
    owner: str = ""  # short owner text (city / unit) above the bars
    title: str = ""  # room labels: the room code, large
    subtitle: str = ""  # room labels: the room's name


@dataclass(frozen=True, slots=True)
class TextBox:
    x_mm: float
    y_mm: float
    w_mm: float
    h_mm: float
    text: str
    bold: bool = False


@dataclass(frozen=True, slots=True)
class BarcodeBox:
    """Bars in printer dots: ``modules`` is '1'/'0' per module, each ``module_dots`` wide."""

    x_dots: int  # left edge of the first bar (after the quiet zone)
    y_dots: int
    module_dots: int
    height_dots: int
    modules: str
    dpi: int

    @property
    def module_mm(self) -> float:
        return self.module_dots * MM_PER_INCH / self.dpi

    @property
    def width_dots(self) -> int:
        return len(self.modules) * self.module_dots


@dataclass(frozen=True, slots=True)
class PlacedLabel:
    page: int
    position: int  # 0-based place on the page, row by row
    x_mm: float
    y_mm: float
    w_mm: float
    h_mm: float
    content: LabelContent | None  # None on a calibration page
    barcode: BarcodeBox | None
    texts: tuple[TextBox, ...] = ()


@dataclass(slots=True)
class SheetPlan:
    template: LabelTemplate
    dpi: int
    pages: list[list[PlacedLabel]] = field(default_factory=list)
    calibration: bool = False

    @property
    def labels(self) -> list[PlacedLabel]:
        return [label for page in self.pages for label in page]


def mm_to_dots(mm: float, dpi: int) -> int:
    return round(mm * dpi / MM_PER_INCH)


def dots_to_mm(dots: int, dpi: int) -> float:
    return dots * MM_PER_INCH / dpi


@dataclass(frozen=True, slots=True)
class _Zones:
    """Vertical split of a label's inside (mm from the label's top)."""

    top_text_h: float
    title_h: float
    subtitle_h: float
    bottom_text_h: float


def _zones(template: LabelTemplate, content: LabelContent) -> _Zones:
    h = template.label_height_mm
    if content.title:
        return _Zones(
            top_text_h=h * 0.09 if content.owner else 0.0,
            title_h=h * 0.22,
            subtitle_h=h * 0.11 if content.subtitle else 0.0,
            bottom_text_h=h * 0.09,
        )
    text_h = min(max(h * 0.13, 2.2), 5.0)
    return _Zones(top_text_h=text_h if content.owner else 0.0, title_h=0.0, subtitle_h=0.0, bottom_text_h=text_h)


def barcode_fit(code: str, width_mm: float, height_mm: float, dpi: int) -> tuple[int, int, str]:
    """(module dots, bar height dots, modules) for the widest scannable module that fits, or
    LabelTooSmall saying what would fit."""
    if not code:
        raise LabelTooSmall("a label needs a code to print")
    modules = code128_modules(code)
    total = len(modules) + 2 * QUIET_ZONE_MODULES
    # Whole dots, never thinner than the minimum (the epsilon keeps 203 dpi at 2 dots, 0.2502 mm).
    min_dots = max(1, math.ceil(MIN_MODULE_MM * dpi / MM_PER_INCH - 1e-6))
    avail_dots = mm_to_dots(width_mm, dpi)
    max_dots = max(int(MAX_MODULE_MM * dpi / MM_PER_INCH), min_dots)
    for module_dots in range(max_dots, min_dots - 1, -1):
        symbol_mm = dots_to_mm(total * module_dots, dpi)
        needed_h = max(MIN_BAR_HEIGHT_MM, MIN_HEIGHT_RATIO * symbol_mm)
        if total * module_dots <= avail_dots and needed_h <= height_mm + 1e-9:
            bar_h = min(height_mm, max(needed_h, MAX_BAR_HEIGHT_MM))
            return module_dots, mm_to_dots(bar_h, dpi), modules
    need_w = dots_to_mm(total * min_dots, dpi)
    need_h = max(MIN_BAR_HEIGHT_MM, MIN_HEIGHT_RATIO * need_w)
    raise LabelTooSmall(
        f"'{code}' cannot be printed scannably here: at {dpi} dpi it needs {need_w:.1f} mm x {need_h:.1f} mm "
        f"({total} modules of {dots_to_mm(min_dots, dpi):.3f} mm including quiet zones) but the label "
        f"leaves {width_mm:.1f} mm x {height_mm:.1f} mm; choose a bigger label"
    )


def place_label(
    template: LabelTemplate, content: LabelContent, dpi: int, x_mm: float, y_mm: float, page: int, position: int
) -> PlacedLabel:
    """Lay out one label whose top-left corner (offsets included) is at ``x_mm, y_mm``."""
    w, h = template.label_width_mm, template.label_height_mm
    zones = _zones(template, content)
    inner_w = w - 2 * EDGE_MM
    texts: list[TextBox] = []
    pad = max(0.6, min(1.5, h * 0.04))  # text keeps off the die-cut edge
    y = y_mm + pad
    if zones.top_text_h:
        texts.append(TextBox(x_mm + pad, y, w - 2 * pad, zones.top_text_h, content.owner))
        y += zones.top_text_h
    if zones.title_h:
        texts.append(TextBox(x_mm + pad, y, w - 2 * pad, zones.title_h, content.title, bold=True))
        y += zones.title_h
    if zones.subtitle_h:
        texts.append(TextBox(x_mm + pad, y, w - 2 * pad, zones.subtitle_h, content.subtitle))
        y += zones.subtitle_h
    bottom_y = y_mm + h - pad - zones.bottom_text_h
    gap = min(0.8, h * 0.02)
    bars_h = bottom_y - y - 2 * gap
    module_dots, height_dots, modules = barcode_fit(content.code, inner_w, bars_h, dpi)
    width_dots = len(modules) * module_dots
    # Centre the bars on the label, then snap to whole dots.
    left_dots = mm_to_dots(x_mm + w / 2, dpi) - width_dots // 2
    # Bars shorter than their zone (big labels) sit in its middle.
    top_dots = mm_to_dots(y + gap + (bars_h - dots_to_mm(height_dots, dpi)) / 2, dpi)
    barcode = BarcodeBox(left_dots, top_dots, module_dots, height_dots, modules, dpi)
    texts.append(TextBox(x_mm + pad, bottom_y, w - 2 * pad, zones.bottom_text_h, content.text, bold=True))
    return PlacedLabel(page, position, x_mm, y_mm, w, h, content, barcode, tuple(texts))


def plan_sheets(
    contents: Sequence[LabelContent],
    template: LabelTemplate,
    *,
    dpi: int | None = None,
    start_position: int = 1,
    offset_x_mm: float = 0.0,
    offset_y_mm: float = 0.0,
) -> SheetPlan:
    """Every label placed on its page; ``start_position`` (1-based) skips used labels on the first sheet.

    Every label is checked before anything is drawn: one label that cannot scan refuses the job.
    """
    template.validate()
    dpi = dpi or template.default_dpi
    if not 72 <= dpi <= 2400:
        raise RejectedInput(f"printer resolution {dpi} dpi is not plausible (72..2400)")
    if not 1 <= start_position <= template.per_page:
        raise RejectedInput(f"start position must be 1..{template.per_page} on template {template.name}")
    if abs(offset_x_mm) > 20 or abs(offset_y_mm) > 20:
        raise RejectedInput("printer offsets are limited to ±20 mm; check the calibration")
    plan = SheetPlan(template, dpi)
    slot = start_position - 1
    for content in contents:
        page, position = divmod(slot, template.per_page)
        while len(plan.pages) <= page:
            plan.pages.append([])
        x, y = template.label_origin_mm(position)
        plan.pages[page].append(place_label(template, content, dpi, x + offset_x_mm, y + offset_y_mm, page, position))
        slot += 1
    return plan


def check_fits(contents: Sequence[LabelContent], template: LabelTemplate, dpi: int | None = None) -> None:
    """Raise LabelTooSmall for the first label that cannot be printed scannably."""
    dpi = dpi or template.default_dpi
    for content in contents:
        place_label(template, content, dpi, 0.0, 0.0, 0, 0)


def calibration_plan(
    template: LabelTemplate, *, dpi: int | None = None, offset_x_mm: float = 0.0, offset_y_mm: float = 0.0
) -> SheetPlan:
    """One page of label outlines with centre marks, to hold against a blank sheet."""
    template.validate()
    plan = SheetPlan(template, dpi or template.default_dpi, calibration=True)
    page = []
    for position in range(template.per_page):
        x, y = template.label_origin_mm(position)
        page.append(
            PlacedLabel(
                0,
                position,
                x + offset_x_mm,
                y + offset_y_mm,
                template.label_width_mm,
                template.label_height_mm,
                None,
                None,
                (
                    TextBox(
                        x + offset_x_mm,
                        y + offset_y_mm,
                        template.label_width_mm,
                        template.label_height_mm,
                        str(position + 1),
                    ),
                ),
            )
        )
    plan.pages.append(page)
    return plan
