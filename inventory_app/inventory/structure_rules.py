"""Rules of the city's structure: checked parsing of every field, deterministic ids, lookups and views.

Used by ``structure.StructureService`` (and the importer); no writing here.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from inventory_app.core.devices import cents_to_euros, euros_to_cents, parse_date
from inventory_app.core.enums import GONE_STATUSES, FeeBasis, RoomKind, SiteKind
from inventory_app.core.errors import RejectedInput
from inventory_app.core.identifiers import deterministic_id, identifier_key
from inventory_app.storage.schema import (
    AreaRecord,
    DeviceModelRecord,
    DeviceRecord,
    LeasingContractRecord,
    RoomRecord,
    SiteRecord,
)

# Site codes go into room-label barcodes (Code 128, typed by keyboard-wedge scanners): ASCII only.
SITE_CODE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,19}$")
ROOM_CODE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 ._-]{0,39}$")
YES = {"yes", "y", "true", "1", "on", "kyllä", "k"}
NO = {"no", "n", "false", "0", "off", "ei", "e", ""}


class StructureRejected(RejectedInput):
    """Input refused; ``field`` names the input that is wrong (``None`` for the whole form) and ``reason``
    says what kind of problem it is, so the window can say it in the user's language."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field
        self.reason = next((reason for text, reason in _REASONS if text in message), "other")
        numbers = re.findall(r"\b\d+\b", message.split(":", 1)[-1])
        self.count = int(numbers[0]) if numbers and self.reason == "in_use" else 0


# The kinds of refusal, recognised from the messages written below (one place: the tests read both).
_REASONS = (
    ("must not be empty", "empty"),
    ("needs a", "empty"),
    ("belongs to an area", "empty"),
    ("already", "duplicate"),
    ("is not known", "choice"),
    ("cannot be a site code", "code"),
    ("cannot be a room code", "code"),
    ("is not a date", "date"),
    ("is not a euro amount", "money"),
    ("cannot be negative", "negative"),
    ("is not a whole number", "number"),
    ("must be between", "range"),
    ("before it starts", "end_before_start"),
    ("still h", "in_use"),
    ("is retired", "retired_parent"),
    ("no area is called", "not_found"),
    ("no site is called", "not_found"),
    ("no category", "not_found"),
    ("at most", "too_long"),
)


# -- views ------------------------------------------------------------------------------------------


@dataclass(slots=True)
class AreaView:
    id: str
    name: str
    code: str | None
    retired: bool
    sites: int

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "code": self.code, "retired": self.retired, "sites": self.sites}


@dataclass(slots=True)
class SiteView:
    id: str
    code: str | None
    name: str
    area: str | None
    area_id: str | None
    kind: str
    cost_centre: str | None
    address: str | None
    notes: str | None
    retired: bool

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "code": self.code,
            "name": self.name,
            "area": self.area,
            "area_id": self.area_id,
            "kind": self.kind,
            "cost_centre": self.cost_centre,
            "address": self.address,
            "notes": self.notes,
            "retired": self.retired,
        }


@dataclass(slots=True)
class RoomView:
    id: str
    site_id: str
    site_code: str | None
    code: str
    name: str | None
    kind: str
    label_code: str | None
    retired: bool

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "site_id": self.site_id,
            "site": self.site_code,
            "code": self.code,
            "name": self.name,
            "kind": self.kind,
            "label_code": self.label_code,
            "retired": self.retired,
        }


@dataclass(slots=True)
class ContractView:
    id: str
    number: str
    lessor: str
    start: date | None
    end: date | None
    notice_months: int
    fee_basis: str
    monthly_fee: Decimal | None
    cost_centre: str | None
    retired: bool
    devices: int

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "number": self.number,
            "lessor": self.lessor,
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "notice_months": self.notice_months,
            "fee_basis": self.fee_basis,
            "monthly_fee": float(self.monthly_fee) if self.monthly_fee is not None else None,
            "cost_centre": self.cost_centre,
            "retired": self.retired,
            "devices": self.devices,
        }


@dataclass(slots=True)
class ModelView:
    id: str
    manufacturer: str | None
    name: str
    category: str | None
    lifetime_years: int | None
    retired: bool
    devices: int

    @property
    def label(self) -> str:
        return f"{self.manufacturer} {self.name}" if self.manufacturer else self.name

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "manufacturer": self.manufacturer,
            "name": self.name,
            "category": self.category,
            "lifetime_years": self.lifetime_years,
            "retired": self.retired,
            "devices": self.devices,
        }


@dataclass(slots=True)
class DuplicateStructure:
    """Rows of one table that name the same thing (same site code, room code, contract number, area name)."""

    table: str
    key: str
    ids: list[str]

    def to_json(self) -> dict[str, Any]:
        return {"table": self.table, "key": self.key, "ids": self.ids}


# -- parsing helpers ----------------------------------------------------------------------------------

SITE_KEYS = ("code", "name", "area", "kind", "cost_centre", "address", "notes", "retired")
ROOM_KEYS = ("code", "name", "kind", "retired")
AREA_KEYS = ("name", "code", "retired")
CONTRACT_KEYS = (
    "number",
    "lessor",
    "start",
    "end",
    "notice_months",
    "fee_basis",
    "monthly_fee",
    "cost_centre",
    "retired",
)
MODEL_KEYS = ("manufacturer", "name", "category", "lifetime_years", "retired")
_ALIASES = {
    "cost_center": "cost_centre",
    "costcentre": "cost_centre",
    "contract_number": "number",
    "start_date": "start",
    "end_date": "end",
    "notice": "notice_months",
    "fee": "monthly_fee",
    "lifetime": "lifetime_years",
    "area_name": "area",
}


def normalise_changes(changes: Mapping[str, Any], allowed: tuple[str, ...], what: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in changes.items():
        k = _ALIASES.get(key.strip().lower().replace("-", "_"), key.strip().lower().replace("-", "_"))
        if k not in allowed:
            raise StructureRejected(f"a {what} has no field '{key}'; fields you can set: {', '.join(allowed)}", key)
        out[k] = value.strip() if isinstance(value, str) else value
    return out


def parse_yes_no(value: Any, field: str) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in YES:
        return True
    if text in NO:
        return False
    raise StructureRejected(f"{field}: '{value}' is not yes or no", field)


def parse_text(value: Any, field: str, limit: int, *, required: bool = False) -> str | None:
    text = " ".join(str(value).split()) if value is not None else ""
    if not text:
        if required:
            raise StructureRejected(f"{field}: must not be empty", field)
        return None
    if len(text) > limit:
        raise StructureRejected(f"{field}: at most {limit} characters ({len(text)} given)", field)
    return text


def parse_choice(enum_type: type[SiteKind] | type[RoomKind] | type[FeeBasis], value: Any, field: str) -> str:
    text = str(value or "").strip().lower().replace("-", "_").replace(" ", "_")
    try:
        return enum_type(text).value
    except ValueError:
        allowed = ", ".join(m.value for m in enum_type)
        raise StructureRejected(f"{field}: '{value}' is not known; use one of: {allowed}", field) from None


def parse_date_field(value: Any, field: str) -> date | None:
    try:
        return parse_date(value)
    except RejectedInput as exc:
        raise StructureRejected(f"{field}: {exc}", field) from None


def parse_cents(value: Any, field: str) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        cents = euros_to_cents(value)
    except RejectedInput as exc:
        raise StructureRejected(f"{field}: {exc}", field) from None
    if cents is not None and cents < 0:
        raise StructureRejected(f"{field}: cannot be negative", field)
    return cents


def parse_int(value: Any, field: str, low: int, high: int) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        number = int(str(value).strip())
    except ValueError:
        raise StructureRejected(f"{field}: '{value}' is not a whole number", field) from None
    if not low <= number <= high:
        raise StructureRejected(f"{field}: must be between {low} and {high}", field)
    return number


def site_code(value: Any, field: str = "code") -> str:
    text = str(value or "").strip()
    if not text:
        raise StructureRejected(f"{field}: a site needs a code (letters and digits, e.g. KES01)", field)
    if not SITE_CODE_RE.match(text):
        raise StructureRejected(
            f"{field}: '{text}' cannot be a site code: use 1-20 letters A-Z, digits, '-' or '_' "
            "(it is printed in the room labels' barcodes)",
            field,
        )
    return text.upper()


def room_code(value: Any, field: str = "code") -> str:
    text = " ".join(str(value or "").split())
    if not text:
        raise StructureRejected(f"{field}: a room needs a code, e.g. A203", field)
    if not ROOM_CODE_RE.match(text):
        raise StructureRejected(
            f"{field}: '{text}' cannot be a room code: use letters A-Z, digits, spaces, '.', '-' or '_' "
            "(it is printed in the room's label)",
            field,
        )
    return text


def name_key(text: str) -> str:
    return " ".join(text.split()).casefold()


# Deterministic ids: the same thing created on two laptops is one row after sync.
def area_id_for(name: str) -> str:
    return deterministic_id("area", name_key(name))


def site_id_for(code: str) -> str:
    return deterministic_id("site", identifier_key(code))


def room_id_for(site_id: str, code: str) -> str:
    return deterministic_id("room", f"{site_id}:{identifier_key(code)}")


def contract_id_for(number: str) -> str:
    return deterministic_id("contract", identifier_key(number))


def model_id_for(manufacturer: str | None, name: str) -> str:
    return deterministic_id("model", name_key(f"{manufacturer or ''} {name}"))


def free_id(session: Session, record: type[Any], wanted: str) -> str:
    """The deterministic id, unless a (renamed or deleted) row already has it: then a random one."""
    return wanted if session.get(record, wanted) is None else str(uuid.uuid4())


# -- lookups and view builders ------------------------------------------------------------------------------


def find_area(s: Session, ident: str) -> AreaRecord:
    text = str(ident).strip()
    record = s.get(AreaRecord, text)
    if record is not None and not record.deleted:
        return record
    key = name_key(text)
    matches = [
        a
        for a in s.scalars(select(AreaRecord).where(AreaRecord.deleted.is_(False)))
        if name_key(a.name) == key or (a.code or "").casefold() == key
    ]
    if not matches:
        raise StructureRejected(f"no area is called '{text}'; 'area list' shows the areas", "area")
    if len(matches) > 1:
        raise StructureRejected(f"'{text}' names {len(matches)} areas; use the area's id", "area")
    return matches[0]


def find_model(s: Session, ident: str) -> DeviceModelRecord:
    text = str(ident).strip()
    record = s.get(DeviceModelRecord, text)
    if record is not None and not record.deleted:
        return record
    key = name_key(text)
    matches = [
        m
        for m in s.scalars(select(DeviceModelRecord).where(DeviceModelRecord.deleted.is_(False)))
        if key in (name_key(m.name), name_key(f"{m.manufacturer or ''} {m.name}"))
    ]
    if not matches:
        raise StructureRejected(f"no model is called '{text}'; 'model list' shows the models", "model")
    if len(matches) > 1:
        raise StructureRejected(f"'{text}' names {len(matches)} models; use manufacturer and name", "model")
    return matches[0]


def devices_held(s: Session, where: Any) -> int:
    return int(
        s.scalar(
            select(func.count())
            .select_from(DeviceRecord)
            .where(
                where,
                DeviceRecord.deleted.is_(False),
                DeviceRecord.merged_into.is_(None),
                DeviceRecord.status.not_in([st.value for st in GONE_STATUSES]),
            )
        )
        or 0
    )


def site_view(site: SiteRecord, area: str | None) -> SiteView:
    return SiteView(
        site.id,
        site.code,
        site.name,
        area,
        site.area_id,
        site.kind,
        site.cost_centre,
        site.address,
        site.notes,
        bool(site.retired),
    )


def room_view(room: RoomRecord, site_code_text: str | None) -> RoomView:
    return RoomView(
        room.id, room.site_id, site_code_text, room.code, room.name, room.kind, room.label_code, bool(room.retired)
    )


def contract_view(c: LeasingContractRecord, devices: int) -> ContractView:
    return ContractView(
        c.id,
        c.contract_number,
        c.lessor,
        c.start_date,
        c.end_date,
        c.notice_months,
        c.fee_basis,
        cents_to_euros(c.monthly_fee_cents),
        c.cost_centre,
        bool(c.retired),
        devices,
    )
