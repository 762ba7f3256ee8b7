"""Translated names of the structure's vocabularies (site kinds, room kinds, fee bases) for the City page."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_CONTEXT = "CityLabels"

# QT_TRANSLATE_NOOP gives its text back (typed as object in the stubs).
_NAMES: dict[str, dict[str, Any]] = {
    "site_kind": {
        "early_childhood": QT_TRANSLATE_NOOP("CityLabels", "Early childhood education"),
        "primary": QT_TRANSLATE_NOOP("CityLabels", "Primary school (grades 1-6)"),
        "lower_secondary": QT_TRANSLATE_NOOP("CityLabels", "Lower secondary school (grades 7-9)"),
        "comprehensive": QT_TRANSLATE_NOOP("CityLabels", "Comprehensive school (grades 1-9)"),
        "upper_secondary": QT_TRANSLATE_NOOP("CityLabels", "Upper secondary school"),
        "other": QT_TRANSLATE_NOOP("CityLabels", "Other unit"),
    },
    "room_kind": {
        "classroom": QT_TRANSLATE_NOOP("CityLabels", "Classroom"),
        "staff_room": QT_TRANSLATE_NOOP("CityLabels", "Staff room"),
        "office": QT_TRANSLATE_NOOP("CityLabels", "Office"),
        "storage": QT_TRANSLATE_NOOP("CityLabels", "Storage"),
        "hall": QT_TRANSLATE_NOOP("CityLabels", "Hall"),
        "other": QT_TRANSLATE_NOOP("CityLabels", "Other room"),
    },
    "fee_basis": {
        "per_device": QT_TRANSLATE_NOOP("CityLabels", "Per device"),
        "total": QT_TRANSLATE_NOOP("CityLabels", "Total for the contract"),
    },
}


def city_label(kind: str, value: str | None) -> str:
    english = _NAMES.get(kind, {}).get(value or "")
    return QCoreApplication.translate(_CONTEXT, str(english)) if english else (value or "")


def city_choices(kind: str) -> list[tuple[str, str]]:
    return [(value, QCoreApplication.translate(_CONTEXT, str(english))) for value, english in _NAMES[kind].items()]


def city_vocabulary(kind: str) -> dict[str, str]:
    return {k: str(v) for k, v in _NAMES[kind].items()}
