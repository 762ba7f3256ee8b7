"""Label templates as data: page size, grid, label size, pitch and margins, all in millimetres.

Sheets follow the common A4 layouts (the Avery/Zweckform L71xx family and their clones); single
labels are one label per page, as label printers expect. A custom grid is a template too, given
as ``custom:COLSxROWS:WxH[:PXxPY[:LEFTxTOP]]`` or as a JSON file with the fields below.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from inventory_app.core.errors import RejectedInput

A4_WIDTH_MM = 210.0
A4_HEIGHT_MM = 297.0


@dataclass(frozen=True, slots=True)
class LabelTemplate:
    name: str
    title: str
    columns: int
    rows: int
    label_width_mm: float
    label_height_mm: float
    pitch_x_mm: float
    pitch_y_mm: float
    margin_left_mm: float
    margin_top_mm: float
    page_width_mm: float = A4_WIDTH_MM
    page_height_mm: float = A4_HEIGHT_MM
    # Printer resolution the bars are laid out for; 300 also prints exactly at 600 and 1200 dpi.
    default_dpi: int = 300
    # Room labels: a big room code and name above the barcode.
    for_rooms: bool = False

    @property
    def per_page(self) -> int:
        return self.columns * self.rows

    @property
    def is_single(self) -> bool:
        return self.per_page == 1

    def label_origin_mm(self, position: int) -> tuple[float, float]:
        """Top-left corner of the label at ``position`` (0-based, row by row) on its page."""
        row, col = divmod(position % self.per_page, self.columns)
        return (self.margin_left_mm + col * self.pitch_x_mm, self.margin_top_mm + row * self.pitch_y_mm)

    def validate(self) -> LabelTemplate:
        """Refuse a grid that cannot be printed, with the reason in one line."""
        if self.columns < 1 or self.rows < 1:
            raise RejectedInput(f"template {self.name}: columns and rows must be at least 1")
        if self.label_width_mm <= 0 or self.label_height_mm <= 0:
            raise RejectedInput(f"template {self.name}: the label size must be positive")
        if self.columns > 1 and self.pitch_x_mm < self.label_width_mm:
            raise RejectedInput(f"template {self.name}: the horizontal pitch is smaller than the label width")
        if self.rows > 1 and self.pitch_y_mm < self.label_height_mm:
            raise RejectedInput(f"template {self.name}: the vertical pitch is smaller than the label height")
        right = self.margin_left_mm + (self.columns - 1) * self.pitch_x_mm + self.label_width_mm
        bottom = self.margin_top_mm + (self.rows - 1) * self.pitch_y_mm + self.label_height_mm
        if (
            self.margin_left_mm < 0
            or self.margin_top_mm < 0
            or right > self.page_width_mm + 0.01
            or bottom > self.page_height_mm + 0.01
        ):
            raise RejectedInput(
                f"template {self.name}: the labels ({right:.1f} x {bottom:.1f} mm with margins) do not fit "
                f"on the {self.page_width_mm:g} x {self.page_height_mm:g} mm page"
            )
        if not 72 <= self.default_dpi <= 2400:
            raise RejectedInput(f"template {self.name}: printer resolution {self.default_dpi} dpi is not plausible")
        return self

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def _sheet(
    name: str,
    title: str,
    cols: int,
    rows: int,
    w: float,
    h: float,
    px: float,
    py: float,
    left: float,
    top: float,
    *,
    rooms: bool = False,
) -> LabelTemplate:
    return LabelTemplate(name, title, cols, rows, w, h, px, py, left, top, for_rooms=rooms)


def _single(name: str, title: str, w: float, h: float, dpi: int, *, rooms: bool = False) -> LabelTemplate:
    return LabelTemplate(
        name, title, 1, 1, w, h, w, h, 0.0, 0.0, page_width_mm=w, page_height_mm=h, default_dpi=dpi, for_rooms=rooms
    )


BUILTIN_TEMPLATES: tuple[LabelTemplate, ...] = (
    _sheet("a4-3x7", "A4 3 × 7, 63.5 × 38.1 mm (L7160)", 3, 7, 63.5, 38.1, 66.0, 38.1, 7.25, 15.15),
    _sheet("a4-3x8", "A4 3 × 8, 63.5 × 33.9 mm (L7159)", 3, 8, 63.5, 33.9, 66.0, 33.9, 7.25, 12.9),
    _sheet("a4-2x7", "A4 2 × 7, 99.1 × 38.1 mm (L7163)", 2, 7, 99.1, 38.1, 101.6, 38.1, 4.65, 15.15),
    _sheet("a4-5x13", "A4 5 × 13, 38.1 × 21.2 mm small (L7651)", 5, 13, 38.1, 21.2, 40.6, 21.2, 4.75, 10.7),
    _sheet(
        "a4-2x4-room",
        "A4 2 × 4 room labels, 99.1 × 67.7 mm (L7165)",
        2,
        4,
        99.1,
        67.7,
        101.6,
        67.7,
        4.65,
        13.1,
        rooms=True,
    ),
    _single("roll-62", "Label printer, 62 mm continuous tape (62 × 30 mm)", 62.0, 30.0, 300),
    _single("single-57x32", "Label printer, 57 × 32 mm", 57.0, 32.0, 203),
    _single("roll-62-room", "Label printer, 62 mm tape, room label (62 × 90 mm)", 62.0, 90.0, 300, rooms=True),
)
TEMPLATES_BY_NAME = {t.name: t for t in BUILTIN_TEMPLATES}
DEFAULT_TEMPLATE = "a4-3x7"
DEFAULT_ROOM_TEMPLATE = "a4-2x4-room"


def _pair(text: str, what: str) -> tuple[float, float]:
    a, sep, b = text.lower().partition("x")
    try:
        if not sep:
            raise ValueError
        return float(a.replace(",", ".")), float(b.replace(",", "."))
    except ValueError:
        raise RejectedInput(f"'{text}' is not a {what} like 63.5x38.1") from None


def custom_template(spec: str) -> LabelTemplate:
    """``custom:COLSxROWS:WxH[:PXxPY[:LEFTxTOP]]`` on A4; without pitch the labels touch,
    without margins the grid is centred on the page."""
    parts = spec.split(":")
    if parts[0] != "custom" or not 3 <= len(parts) <= 5:
        raise RejectedInput(
            "a custom grid is custom:COLSxROWS:WxH[:PITCHXxPITCHY[:LEFTxTOP]] in mm, "
            "e.g. custom:3x7:63.5x38.1:66x38.1:7.25x15.15"
        )
    cols_f, rows_f = _pair(parts[1], "grid")
    if cols_f != int(cols_f) or rows_f != int(rows_f):
        raise RejectedInput(f"'{parts[1]}' must be whole columns x rows, e.g. 3x7")
    cols, rows = int(cols_f), int(rows_f)
    w, h = _pair(parts[2], "label size")
    px, py = _pair(parts[3], "pitch") if len(parts) > 3 else (w, h)
    if len(parts) > 4:
        left, top = _pair(parts[4], "margin")
    else:
        left = (A4_WIDTH_MM - ((cols - 1) * px + w)) / 2
        top = (A4_HEIGHT_MM - ((rows - 1) * py + h)) / 2
    return LabelTemplate(
        "custom", f"Custom {cols} × {rows}, {w:g} × {h:g} mm", cols, rows, w, h, px, py, round(left, 2), round(top, 2)
    ).validate()


def template_from_file(path: Path) -> LabelTemplate:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise RejectedInput(f"cannot read the template {path}: {exc}") from exc
    if not isinstance(raw, dict):
        raise RejectedInput(f"the template {path} is not a JSON object")
    base = TEMPLATES_BY_NAME[DEFAULT_TEMPLATE]
    known = set(base.to_json())
    unknown = sorted(set(raw) - known)
    if unknown:
        raise RejectedInput(f"the template {path} has unknown fields: {', '.join(unknown)}")
    try:
        template = replace(base, **{"name": path.stem, "title": path.stem, **raw})
    except TypeError as exc:
        raise RejectedInput(f"the template {path} is not valid: {exc}") from exc
    return template.validate()


def find_template(name: str) -> LabelTemplate:
    """A built-in template by name, a ``custom:`` grid, or a JSON template file."""
    text = name.strip()
    if text in TEMPLATES_BY_NAME:
        return TEMPLATES_BY_NAME[text]
    if text.startswith("custom:"):
        return custom_template(text)
    if text.lower().endswith(".json"):
        return template_from_file(Path(text))
    names = ", ".join(TEMPLATES_BY_NAME)
    raise RejectedInput(f"no label template '{text}'; choose one of: {names}, or custom:COLSxROWS:WxH")
