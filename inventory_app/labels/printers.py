"""Per-printer calibration: x/y offset (mm) and resolution, kept in the user's config folder.

Offsets come from the calibration page: print it, lay it on a blank label sheet against the
light, and measure how far the marks sit from the labels' centres (right and down positive).
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from inventory_app.core.errors import RejectedInput

PROFILES_FILE = "label_printers.json"
MAX_OFFSET_MM = 20.0


@dataclass(frozen=True, slots=True)
class PrinterProfile:
    offset_x_mm: float = 0.0
    offset_y_mm: float = 0.0
    dpi: int | None = None  # None: the template's default


class PrinterProfiles:
    """Profiles by printer name (the print dialog's name, or 'pdf' for files)."""

    def __init__(self, config_dir: Path) -> None:
        self.path = config_dir / PROFILES_FILE

    def load_all(self) -> dict[str, PrinterProfile]:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}  # no file yet, or a damaged one: offsets default to zero
        result = {}
        if isinstance(raw, dict):
            for name, values in raw.items():
                try:
                    result[str(name)] = PrinterProfile(
                        float(values.get("offset_x_mm", 0)),
                        float(values.get("offset_y_mm", 0)),
                        int(values["dpi"]) if values.get("dpi") else None,
                    )
                except (AttributeError, TypeError, ValueError):
                    continue
        return result

    def get(self, printer: str) -> PrinterProfile:
        return self.load_all().get(printer, PrinterProfile())

    def save(self, printer: str, profile: PrinterProfile) -> None:
        if abs(profile.offset_x_mm) > MAX_OFFSET_MM or abs(profile.offset_y_mm) > MAX_OFFSET_MM:
            raise RejectedInput(f"printer offsets are limited to ±{MAX_OFFSET_MM:g} mm")
        profiles = self.load_all()
        profiles[printer] = profile
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps({k: asdict(v) for k, v in profiles.items()}, indent=2), encoding="utf-8")
        os.replace(tmp, self.path)
