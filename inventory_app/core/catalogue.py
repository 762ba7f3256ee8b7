"""The standard device categories every store starts with (same ids on every replica)."""

from __future__ import annotations

from dataclasses import dataclass

from inventory_app.core.enums import CategoryGroup
from inventory_app.core.identifiers import deterministic_id


@dataclass(frozen=True, slots=True)
class CategorySpec:
    code: str
    group: CategoryGroup
    name_en: str
    name_fi: str
    lifetime_years: int

    @property
    def id(self) -> str:
        return category_id(self.code)


def category_id(code: str) -> str:
    return deterministic_id("category", code)


STANDARD_CATEGORIES: tuple[CategorySpec, ...] = (
    CategorySpec("projector", CategoryGroup.PRESENTATION, "Projector", "Projektori", 7),
    CategorySpec("display", CategoryGroup.PRESENTATION, "Display", "Näyttö", 8),
    CategorySpec("interactive_display", CategoryGroup.PRESENTATION, "Interactive display", "Interaktiivinen näyttö", 8),
    CategorySpec("document_camera", CategoryGroup.PRESENTATION, "Document camera", "Dokumenttikamera", 7),
    CategorySpec("audio", CategoryGroup.PRESENTATION, "Audio system", "Äänentoisto", 10),
    CategorySpec("pupil_laptop", CategoryGroup.PUPIL, "Pupil laptop", "Oppilaan kannettava", 4),
    CategorySpec("chromebook", CategoryGroup.PUPIL, "Chromebook", "Chromebook", 4),
    CategorySpec("tablet", CategoryGroup.PUPIL, "Tablet", "Tabletti", 4),
    CategorySpec("staff_laptop", CategoryGroup.STAFF, "Staff laptop", "Henkilökunnan kannettava", 4),
    CategorySpec("staff_desktop", CategoryGroup.STAFF, "Staff desktop", "Henkilökunnan pöytäkone", 5),
    CategorySpec("staff_tablet", CategoryGroup.STAFF, "Staff tablet", "Henkilökunnan tabletti", 4),
    CategorySpec("printer", CategoryGroup.INFRASTRUCTURE, "Printer", "Tulostin", 6),
    CategorySpec("access_point", CategoryGroup.INFRASTRUCTURE, "Wi-Fi access point", "WLAN-tukiasema", 6),
)

CATEGORY_BY_CODE = {spec.code: spec for spec in STANDARD_CATEGORIES}
