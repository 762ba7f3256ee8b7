"""The city's structure in an inventory file: areas, sites, rooms and leasing contracts.

Two ways in:
- the full export's own sheets (``Sites``, ``Rooms``, ``Contracts`` next to ``Devices``), so that
  importing an export into a fresh store rebuilds the same city, ids included where they are free;
- ``--create-missing``: a device row naming an unknown site plans that site (in the ``--area``
  given, kind ``other`` unless the file has a site-kind column).

Nothing here writes except :func:`write_structure`, the one place where an import creates areas,
sites, rooms and contracts (stamped, in the outbox, in the import's transaction). Existing rows are
never changed by it: a site already in the store is used as it is.
"""

from __future__ import annotations

import unicodedata
import uuid
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from inventory_app.core.cells import restore_text
from inventory_app.core.enums import RoomKind, SiteKind
from inventory_app.core.errors import RejectedInput
from inventory_app.core.identifiers import room_label_code
from inventory_app.core.tabular import (
    Column,
    Table,
    cents_cell,
    choice_cell,
    date_cell,
    int_cell,
    parse_rows,
    text_cell,
)

SITES_SHEET, ROOMS_SHEET, CONTRACTS_SHEET = "Sites", "Rooms", "Contracts"
SITE_KINDS = {k.value: k.value for k in SiteKind} | {
    "varhaiskasvatus": "early_childhood",
    "päiväkoti": "early_childhood",
    "alakoulu": "primary",
    "yläkoulu": "lower_secondary",
    "peruskoulu": "comprehensive",
    "lukio": "upper_secondary",
    "toinen aste": "upper_secondary",
    "muu": "other",
}
FEE_BASES = {
    "per_device": "per_device",
    "per device": "per_device",
    "laitekohtainen": "per_device",
    "total": "total",
    "yhteensä": "total",
    "kokonais": "total",
}


def _text(value: Any) -> str:
    return restore_text(text_cell(value))


def _optional_id(value: Any) -> str:
    text = text_cell(value)
    try:
        return str(uuid.UUID(text))
    except ValueError:
        raise RejectedInput(f"'{text}' is not an id") from None


SITE_COLUMNS = (
    Column("area", ("Area", "Alue"), _text),
    Column("area_code", ("Area code", "Alueen koodi"), _text),
    Column("code", ("Site code", "Koodi", "Code"), _text),
    Column("name", ("Site name", "Nimi", "Name", "Site"), _text, required=True),
    Column("kind", ("Kind", "Tyyppi", "Site kind"), choice_cell(SITE_KINDS, "site kind")),
    Column("cost_centre", ("Cost centre", "Kustannuspaikka", "Cost center"), _text),
    Column("address", ("Address", "Osoite"), _text),
    Column("id", ("Site id",), _optional_id),
    Column("area_id", ("Area id",), _optional_id),
)
ROOM_COLUMNS = (
    Column("site", ("Site code", "Site", "Koulu", "Toimipiste"), _text, required=True),
    Column("code", ("Room", "Huone", "Luokka", "Room code"), _text, required=True),
    Column("name", ("Room name", "Huoneen nimi", "Name"), _text),
    Column("kind", ("Kind", "Tyyppi", "Room kind"), choice_cell({k.value: k.value for k in RoomKind}, "room kind")),
    Column("label_code", ("Label code", "Tarrakoodi"), _text, ignored=True),
    Column("id", ("Room id",), _optional_id),
)
CONTRACT_COLUMNS = (
    Column("number", ("Contract number", "Sopimusnumero", "Contract"), _text, required=True),
    Column("lessor", ("Lessor", "Vuokranantaja", "Leasingyhtiö"), _text, required=True),
    Column("start", ("Start", "Alkaa", "Start date"), date_cell),
    Column("end", ("End", "Päättyy", "End date"), date_cell),
    Column("notice_months", ("Notice months", "Irtisanomisaika kk", "Notice period"), int_cell),
    Column("fee_basis", ("Fee basis", "Maksuperuste"), choice_cell(FEE_BASES, "fee basis")),
    Column("monthly_fee", ("Monthly fee", "Kuukausimaksu"), cents_cell),
    Column("cost_centre", ("Cost centre", "Kustannuspaikka", "Cost center"), _text),
    Column("id", ("Contract id",), _optional_id),
)


@dataclass(slots=True)
class NewArea:
    id: str
    name: str
    code: str | None = None


@dataclass(slots=True)
class NewSite:
    id: str
    name: str
    code: str | None
    area_id: str | None
    area_name: str | None
    kind: str = "other"
    cost_centre: str | None = None
    address: str | None = None
    from_sheet: bool = False

    def to_json(self) -> dict[str, Any]:
        return {"site": self.name, "code": self.code, "area": self.area_name, "kind": self.kind}


@dataclass(slots=True)
class NewRoom:
    id: str
    site_id: str
    site_name: str
    code: str
    label_code: str
    name: str | None = None
    kind: str = "classroom"
    from_sheet: bool = False

    def to_json(self) -> dict[str, Any]:
        return {"site": self.site_name, "room": self.code}


@dataclass(slots=True)
class NewContract:
    id: str
    contract_number: str
    lessor: str
    start_date: date | None = None
    end_date: date | None = None
    notice_months: int | None = None
    fee_basis: str | None = None
    monthly_fee_cents: int | None = None
    cost_centre: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"contract": self.contract_number, "lessor": self.lessor}


@dataclass(slots=True)
class StructureSheets:
    """The structure sheets of a full export, parsed (every bad cell refuses the file)."""

    sites: list[dict[str, Any]] = field(default_factory=list)
    rooms: list[dict[str, Any]] = field(default_factory=list)
    contracts: list[dict[str, Any]] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.sites or self.rooms or self.contracts)


def parse_structure_sheets(source: str, sheets: dict[str, list[tuple[int, list[Any]]]]) -> StructureSheets:
    """The Sites, Rooms and Contracts sheets of a workbook (as the reader kept them), parsed."""
    result = StructureSheets()
    for name, columns, target in (
        (SITES_SHEET, SITE_COLUMNS, result.sites),
        (ROOMS_SHEET, ROOM_COLUMNS, result.rooms),
        (CONTRACTS_SHEET, CONTRACT_COLUMNS, result.contracts),
    ):
        rows = sheets.get(name) or []
        if not rows:
            continue
        headers = ["" if c is None else str(c).strip() for c in rows[0][1]]
        table = Table(f"{source}, sheet {name}", headers, [r for _, r in rows[1:]], [n for n, _ in rows[1:]])
        target.extend(parse_rows(table, columns))
    return result


def write_structure(
    uow: Any, areas: list[NewArea], sites: list[NewSite], rooms: list[NewRoom], contracts: list[NewContract]
) -> None:
    """Create what an import planned, stamped and in the outbox, in the import's transaction.

    The one place an import makes areas, sites, rooms and contracts: when the city's own structure
    service exists, this is what calls it.
    """
    from inventory_app.storage.schema import AreaRecord, LeasingContractRecord, RoomRecord, SiteRecord

    if areas:
        uow.insert_many(AreaRecord, [{"id": a.id, "name": a.name, "code": a.code} for a in areas])
    if sites:
        uow.insert_many(
            SiteRecord,
            [
                {
                    "id": s.id,
                    "name": s.name,
                    "code": s.code,
                    "area_id": s.area_id,
                    "kind": s.kind,
                    "cost_centre": s.cost_centre,
                    "address": s.address,
                }
                for s in sites
            ],
        )
    if rooms:
        uow.insert_many(
            RoomRecord,
            [
                {
                    "id": r.id,
                    "site_id": r.site_id,
                    "code": r.code,
                    "name": r.name,
                    "kind": r.kind,
                    "label_code": r.label_code,
                }
                for r in rooms
            ],
        )
    if contracts:
        rows = []
        for c in contracts:
            row: dict[str, Any] = {
                "id": c.id,
                "contract_number": c.contract_number,
                "lessor": c.lessor,
                "start_date": c.start_date,
                "end_date": c.end_date,
                "monthly_fee_cents": c.monthly_fee_cents,
                "cost_centre": c.cost_centre,
            }
            if c.notice_months is not None:
                row["notice_months"] = c.notice_months
            if c.fee_basis is not None:
                row["fee_basis"] = c.fee_basis
            rows.append(row)
        uow.insert_many(LeasingContractRecord, rows)


def site_code_for(text: str, taken: set[str]) -> str:
    """A new site's code from the name in a file.

    The text itself when it looks like a code ("KES07", "Pacocha-Kiehn"); otherwise the first
    word's first three letters and a running number ("Kesämäen koulu" -> "KES01"), so that room
    labels (RM + site code + room) stay short. ``taken`` holds the codes in use, case-folded.
    """
    value = " ".join(text.split())
    if value and " " not in value and len(value) <= 20 and value.casefold() not in taken:
        return value
    folded = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    prefix = "".join(ch for ch in folded.split(" ")[0] if ch.isalnum())[:3].upper() or "S"
    n = 1
    while f"{prefix}{n:02d}".casefold() in taken:
        n += 1
    return f"{prefix}{n:02d}"


def new_room(site_id: str, site_code: str | None, site_name: str, code: str, **kw: Any) -> NewRoom:
    return NewRoom(
        kw.pop("id", None) or str(uuid.uuid4()),
        site_id,
        site_name,
        code,
        room_label_code(site_code or site_name, code),
        **kw,
    )
