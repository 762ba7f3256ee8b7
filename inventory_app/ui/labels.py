"""Translated names for the domain's closed vocabularies (statuses, categories, outcomes ...).

The English words are marked with QT_TRANSLATE_NOOP so lupdate collects them under the context
"Labels"; they are translated when shown, so a language switch needs no restart of this table.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QDateTime, QLocale, QTime

_CONTEXT = "Labels"

# QT_TRANSLATE_NOOP hands its text back unchanged, but PySide6's stubs type the result as ``object``:
# the marked table is converted to ``str`` once, below.
_MARKED: dict[str, dict[str, object]] = {
    "status": {
        "in_use": QT_TRANSLATE_NOOP("Labels", "In use"),
        "spare": QT_TRANSLATE_NOOP("Labels", "Spare"),
        "broken": QT_TRANSLATE_NOOP("Labels", "Broken"),
        "in_repair": QT_TRANSLATE_NOOP("Labels", "In repair"),
        "lost": QT_TRANSLATE_NOOP("Labels", "Lost"),
        "retired": QT_TRANSLATE_NOOP("Labels", "Retired"),
        "recycled": QT_TRANSLATE_NOOP("Labels", "Recycled"),
        "placeholder": QT_TRANSLATE_NOOP("Labels", "Placeholder (to sort out)"),
    },
    "condition": {
        "good": QT_TRANSLATE_NOOP("Labels", "Good"),
        "fair": QT_TRANSLATE_NOOP("Labels", "Fair"),
        "poor": QT_TRANSLATE_NOOP("Labels", "Poor"),
        "unknown": QT_TRANSLATE_NOOP("Labels", "Unknown"),
    },
    "ownership": {
        "owned": QT_TRANSLATE_NOOP("Labels", "Owned"),
        "leased": QT_TRANSLATE_NOOP("Labels", "Leased"),
    },
    "group": {
        "presentation": QT_TRANSLATE_NOOP("Labels", "Presentation technology"),
        "pupil": QT_TRANSLATE_NOOP("Labels", "Pupil devices"),
        "staff": QT_TRANSLATE_NOOP("Labels", "Staff devices"),
        "infrastructure": QT_TRANSLATE_NOOP("Labels", "Infrastructure"),
    },
    "category": {
        "projector": QT_TRANSLATE_NOOP("Labels", "Projector"),
        "display": QT_TRANSLATE_NOOP("Labels", "Display"),
        "interactive_display": QT_TRANSLATE_NOOP("Labels", "Interactive display"),
        "document_camera": QT_TRANSLATE_NOOP("Labels", "Document camera"),
        "audio": QT_TRANSLATE_NOOP("Labels", "Audio system"),
        "pupil_laptop": QT_TRANSLATE_NOOP("Labels", "Pupil laptop"),
        "chromebook": QT_TRANSLATE_NOOP("Labels", "Chromebook"),
        "tablet": QT_TRANSLATE_NOOP("Labels", "Tablet"),
        "staff_laptop": QT_TRANSLATE_NOOP("Labels", "Staff laptop"),
        "staff_desktop": QT_TRANSLATE_NOOP("Labels", "Staff desktop"),
        "staff_tablet": QT_TRANSLATE_NOOP("Labels", "Staff tablet"),
        "printer": QT_TRANSLATE_NOOP("Labels", "Printer"),
        "access_point": QT_TRANSLATE_NOOP("Labels", "Wi-Fi access point"),
    },
    "outcome": {
        "found": QT_TRANSLATE_NOOP("Labels", "Found"),
        "moved": QT_TRANSLATE_NOOP("Labels", "Moved here"),
        "other_site": QT_TRANSLATE_NOOP("Labels", "From another school"),
        "placeholder": QT_TRANSLATE_NOOP("Labels", "Kept to sort out"),
        "marked_retired": QT_TRANSLATE_NOOP("Labels", "Found, marked retired"),
        "returned_to_use": QT_TRANSLATE_NOOP("Labels", "Back in use"),
        "unknown": QT_TRANSLATE_NOOP("Labels", "Unknown code"),
        "repeat": QT_TRANSLATE_NOOP("Labels", "Repeat — ignored"),
        "invalid": QT_TRANSLATE_NOOP("Labels", "Invalid code"),
        "ambiguous": QT_TRANSLATE_NOOP("Labels", "Ambiguous code"),
        "room": QT_TRANSLATE_NOOP("Labels", "Room changed"),
        "undo": QT_TRANSLATE_NOOP("Labels", "Scan undone"),
    },
    "decision": {
        "not_checked": QT_TRANSLATE_NOOP("Labels", "Not checked"),
        "lost": QT_TRANSLATE_NOOP("Labels", "Lost"),
        "retired": QT_TRANSLATE_NOOP("Labels", "Retired"),
    },
    "observation": {
        "network": QT_TRANSLATE_NOOP("Labels", "Network"),
        "printing": QT_TRANSLATE_NOOP("Labels", "Printing"),
        "presentation": QT_TRANSLATE_NOOP("Labels", "Presentation technology"),
        "other": QT_TRANSLATE_NOOP("Labels", "Other"),
    },
    "severity": {
        "low": QT_TRANSLATE_NOOP("Labels", "Low"),
        "medium": QT_TRANSLATE_NOOP("Labels", "Medium"),
        "high": QT_TRANSLATE_NOOP("Labels", "High"),
    },
    "site_kind": {
        "early_childhood": QT_TRANSLATE_NOOP("Labels", "Early childhood education"),
        "primary": QT_TRANSLATE_NOOP("Labels", "Primary school"),
        "lower_secondary": QT_TRANSLATE_NOOP("Labels", "Lower secondary school"),
        "comprehensive": QT_TRANSLATE_NOOP("Labels", "Comprehensive school"),
        "upper_secondary": QT_TRANSLATE_NOOP("Labels", "Upper secondary school"),
        "other": QT_TRANSLATE_NOOP("Labels", "Other"),
    },
    "room_kind": {
        "classroom": QT_TRANSLATE_NOOP("Labels", "Classroom"),
        "staff_room": QT_TRANSLATE_NOOP("Labels", "Staff room"),
        "office": QT_TRANSLATE_NOOP("Labels", "Office"),
        "storage": QT_TRANSLATE_NOOP("Labels", "Storage"),
        "hall": QT_TRANSLATE_NOOP("Labels", "Hall"),
        "other": QT_TRANSLATE_NOOP("Labels", "Other"),
    },
    "basis": {
        "per_pupil": QT_TRANSLATE_NOOP("Labels", "per pupil"),
        "per_staff": QT_TRANSLATE_NOOP("Labels", "per staff member"),
        "per_classroom": QT_TRANSLATE_NOOP("Labels", "per classroom"),
    },
    "fee_basis": {
        "per_device": QT_TRANSLATE_NOOP("Labels", "per device"),
        "total": QT_TRANSLATE_NOOP("Labels", "total"),
    },
    # Built-in label templates by name (the numbers in the names follow the language's decimal comma).
    "template": {
        "a4-3x7": QT_TRANSLATE_NOOP("Labels", "A4 3 × 7, 63.5 × 38.1 mm (L7160)"),
        "a4-3x8": QT_TRANSLATE_NOOP("Labels", "A4 3 × 8, 63.5 × 33.9 mm (L7159)"),
        "a4-2x7": QT_TRANSLATE_NOOP("Labels", "A4 2 × 7, 99.1 × 38.1 mm (L7163)"),
        "a4-5x13": QT_TRANSLATE_NOOP("Labels", "A4 5 × 13, 38.1 × 21.2 mm small (L7651)"),
        "a4-2x4-room": QT_TRANSLATE_NOOP("Labels", "A4 2 × 4 room labels, 99.1 × 67.7 mm (L7165)"),
        "roll-62": QT_TRANSLATE_NOOP("Labels", "Label printer, 62 mm continuous tape (62 × 30 mm)"),
        "single-57x32": QT_TRANSLATE_NOOP("Labels", "Label printer, 57 × 32 mm"),
        "roll-62-room": QT_TRANSLATE_NOOP("Labels", "Label printer, 62 mm tape, room label (62 × 90 mm)"),
    },
    "audit_state": {
        "none": QT_TRANSLATE_NOOP("Labels", "not audited"),
        "visited": QT_TRANSLATE_NOOP("Labels", "scanned"),
        "current": QT_TRANSLATE_NOOP("Labels", "current room"),
        "audited": QT_TRANSLATE_NOOP("Labels", "audited"),
    },
}

_NAMES: dict[str, dict[str, str]] = {
    kind: {value: str(english) for value, english in names.items()} for kind, names in _MARKED.items()
}


def label(kind: str, value: str | None) -> str:
    """The translated name of ``value`` in vocabulary ``kind``; unknown values are shown as they are."""
    if value is None:
        return ""
    english = _NAMES.get(kind, {}).get(value)
    if english is None:
        return value
    return QCoreApplication.translate(_CONTEXT, english)


def choices(kind: str) -> list[tuple[str, str]]:
    """(value, translated name) pairs in the vocabulary's natural order, for combo boxes."""
    return [(value, QCoreApplication.translate(_CONTEXT, english)) for value, english in _NAMES[kind].items()]


def vocabulary(kind: str) -> dict[str, str]:
    """The English names of a vocabulary (for tests that check every value has a name)."""
    return dict(_NAMES[kind])


def when_text(moment: datetime) -> str:
    """A moment as people write it in the window's language, in this computer's time zone:
    "30.11.2026 4.12" in Finnish, "30/11/2026 04:12" in English (never ISO 8601)."""
    local = moment.astimezone() if moment.tzinfo else moment
    stamp = QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))
    return QLocale().toString(stamp, QLocale.FormatType.ShortFormat)
