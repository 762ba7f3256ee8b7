"""Device-level value objects and editing rules shared by the CLI, the UI and services."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from inventory_app.core.enums import Condition, DeviceStatus, Ownership
from inventory_app.core.errors import RejectedInput


@dataclass(slots=True)
class DeviceView:
    """A device as people see it: names resolved, money in euros."""

    id: str
    asset_tag: str | None
    serial: str | None
    inventory_number: str | None
    mac: str | None
    category: str | None
    group: str | None
    model: str | None
    manufacturer: str | None
    area: str | None
    site: str | None
    site_id: str | None
    room: str | None
    room_id: str | None
    status: str
    condition: str
    ownership: str
    purchase_date: date | None
    purchase_price: Decimal | None
    expected_lifetime_years: int | None
    lease_monthly_fee: Decimal | None
    lease_end: date | None
    contract: str | None
    assigned_to: str | None
    last_seen: datetime | None
    notes: str | None
    identifiers: dict[str, str] = field(default_factory=dict)
    # Asset tags of records merged into this one (a duplicate's label may still be on the device).
    merged_tags: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        for key, value in data.items():
            if isinstance(value, (date, datetime)):
                data[key] = value.isoformat()
            elif isinstance(value, Decimal):
                data[key] = float(value)
        return data


# The common plain form ("10,42", "-3.5", "120"): read as whole cents without a Decimal. Exactly
# one or two decimals, so "1,234" (which the full parser reads as 1.234 €) never takes this path.
_PLAIN_EUROS = re.compile(r"(-?)([0-9]+)(?:[.,]([0-9][0-9]?))?")
# No device, fee or contract comes near a trillion euros (twelve digits); a larger number is a
# mistake (or "1e308"), and past 19 digits of cents it would not fit the store's 64-bit column.
MAX_CENTS = 10**14


def _bounded(cents: int, text: object) -> int:
    if abs(cents) >= MAX_CENTS:
        raise RejectedInput(f"'{text}' is too large for a euro amount")
    return cents


def euros_to_cents(text: str | float | Decimal | None) -> int | None:
    """Parse a euro amount as people write it: ``1 234,50 €``, ``1234.5``, ``EUR 12``."""
    if text is None:
        return None
    if isinstance(text, str):
        plain = _PLAIN_EUROS.fullmatch(text)
        if plain is not None:
            sign, whole, decimals = plain.groups()
            if len(whole) > 12:
                raise RejectedInput(f"'{text}' is too large for a euro amount")
            cents = int(whole) * 100 + int((decimals or "0").ljust(2, "0"))
            return _bounded(-cents if sign else cents, text)
    if isinstance(text, (int, float, Decimal)):
        number = Decimal(str(text))
        if not number.is_finite():
            raise RejectedInput(f"'{text}' is not a euro amount")
        if abs(number) >= MAX_CENTS // 100:
            raise RejectedInput(f"'{text}' is too large for a euro amount")
        return int((number * 100).quantize(Decimal(1)))
    cleaned = (
        text.replace("€", "").replace("EUR", "").replace("\u00a0", "").replace("\u202f", "").replace(" ", "").strip()
    )
    if not cleaned:
        return None
    if "," in cleaned and "." in cleaned:
        # 1.234,50 (European) or 1,234.50 (English): the last separator is the decimal one.
        if cleaned.rfind(",") > cleaned.rfind("."):
            cleaned = cleaned.replace(".", "").replace(",", ".")
        else:
            cleaned = cleaned.replace(",", "")
    else:
        cleaned = cleaned.replace(",", ".")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise RejectedInput(f"'{text}' is not a euro amount") from None
    if not value.is_finite():
        raise RejectedInput(f"'{text}' is not a euro amount")
    if abs(value) >= MAX_CENTS // 100:
        raise RejectedInput(f"'{text}' is too large for a euro amount")
    return int((value * 100).quantize(Decimal(1)))


def cents_to_euros(cents: int | None) -> Decimal | None:
    return None if cents is None else (Decimal(cents) / 100).quantize(Decimal("0.01"))


def parse_date(text: str | date | None) -> date | None:
    """Dates as ``d.m.yyyy`` (Finnish) or ISO ``yyyy-mm-dd``; a wrong day like 31.2. is refused."""
    if text is None or isinstance(text, date):
        return text
    value = text.strip()
    if not value:
        return None
    try:
        if "." in value:
            parts = value.rstrip(".").split(".")
            if len(parts) != 3:
                raise ValueError
            day, month, year = (int(p) for p in parts)
            return date(year, month, day)
        return date.fromisoformat(value[:10])
    except ValueError:
        raise RejectedInput(f"'{text}' is not a date (use d.m.yyyy or yyyy-mm-dd)") from None


def parse_enum(enum_type: type[DeviceStatus] | type[Condition] | type[Ownership], value: str, what: str):  # type: ignore[no-untyped-def]
    try:
        return enum_type(value.strip().lower())
    except ValueError:
        allowed = ", ".join(member.value for member in enum_type)
        raise RejectedInput(f"'{value}' is not a {what}; use one of: {allowed}") from None


# Keys accepted by `device set` and bulk edit, with what they mean to a person.
EDITABLE_KEYS: dict[str, str] = {
    "status": "status (" + ", ".join(s.value for s in DeviceStatus) + ")",
    "condition": "condition (" + ", ".join(c.value for c in Condition) + ")",
    "ownership": "ownership (owned, leased)",
    "site": "site name or code",
    "room": "room code in the device's site",
    "category": "category code",
    "model": "model name (manufacturer name)",
    "serial": "manufacturer serial",
    "inventory_number": "city inventory number",
    "mac": "MAC address",
    "asset_tag": "asset tag",
    "notes": "free text",
    "assigned_to": "class group or staff role",
    "purchase_date": "date d.m.yyyy or yyyy-mm-dd",
    "purchase_price": "euros",
    "lease_monthly_fee": "euros per month",
    "lease_end": "date d.m.yyyy or yyyy-mm-dd (default: the contract's end)",
    "contract": "leasing contract number (sets ownership=leased; empty clears it)",
}
