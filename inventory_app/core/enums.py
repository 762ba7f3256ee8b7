"""Closed vocabularies of the domain. Values are stored and exchanged as these strings."""

from __future__ import annotations

from enum import StrEnum


class SiteKind(StrEnum):
    EARLY_CHILDHOOD = "early_childhood"
    PRIMARY = "primary"
    LOWER_SECONDARY = "lower_secondary"
    COMPREHENSIVE = "comprehensive"
    UPPER_SECONDARY = "upper_secondary"
    OTHER = "other"


class RoomKind(StrEnum):
    CLASSROOM = "classroom"
    STAFF_ROOM = "staff_room"
    OFFICE = "office"
    STORAGE = "storage"
    HALL = "hall"
    OTHER = "other"


class CategoryGroup(StrEnum):
    PRESENTATION = "presentation"
    PUPIL = "pupil"
    STAFF = "staff"
    INFRASTRUCTURE = "infrastructure"


class DeviceStatus(StrEnum):
    IN_USE = "in_use"
    SPARE = "spare"
    BROKEN = "broken"
    IN_REPAIR = "in_repair"
    LOST = "lost"
    RETIRED = "retired"
    RECYCLED = "recycled"
    # Registered from an unknown scan and kept to be sorted out later.
    PLACEHOLDER = "placeholder"


class Condition(StrEnum):
    GOOD = "good"
    FAIR = "fair"
    POOR = "poor"
    UNKNOWN = "unknown"


class Ownership(StrEnum):
    OWNED = "owned"
    LEASED = "leased"


class FeeBasis(StrEnum):
    PER_DEVICE = "per_device"
    TOTAL = "total"


class TargetBasis(StrEnum):
    PER_PUPIL = "per_pupil"
    PER_STAFF = "per_staff"
    PER_CLASSROOM = "per_classroom"


class AuditStatus(StrEnum):
    OPEN = "open"
    FINISHED = "finished"
    CANCELLED = "cancelled"


class ScanMethod(StrEnum):
    CAMERA = "camera"
    KEYBOARD = "keyboard"
    LOG = "log"
    REGISTER = "register"  # an unknown code registered (or kept as a placeholder) during an audit


class ScanOutcome(StrEnum):
    FOUND = "found"
    MOVED = "moved"
    # A device registered at another site, seen here; not moved until the auditor confirms the move.
    OTHER_SITE = "other_site"
    UNKNOWN = "unknown"
    REPEAT = "repeat"
    INVALID = "invalid"
    AMBIGUOUS = "ambiguous"
    ROOM = "room"  # a room label made a room current
    UNDO = "undo"  # undoes an earlier event (insert-only log)


class MissingDecision(StrEnum):
    NOT_CHECKED = "not_checked"
    LOST = "lost"
    RETIRED = "retired"


class ObservationKind(StrEnum):
    NETWORK = "network"
    PRINTING = "printing"
    PRESENTATION = "presentation"
    OTHER = "other"


class Severity(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


# The four levels of the first schema, as migration 0010 maps them (and as older sync files may carry).
LEGACY_SEVERITY = {"info": Severity.LOW, "minor": Severity.LOW, "major": Severity.MEDIUM, "critical": Severity.HIGH}


# Statuses that count as "the device is there and usable" for target levels.
ACTIVE_STATUSES = frozenset({DeviceStatus.IN_USE})
# Statuses after which the city no longer holds the device.
GONE_STATUSES = frozenset({DeviceStatus.LOST, DeviceStatus.RETIRED, DeviceStatus.RECYCLED})
