"""``site import``: a list of sites (and their rooms) from a spreadsheet, Finnish or English headers.

Columns: area, code, name, kind, cost centre, address and, optionally, rooms (codes separated by
commas). Unknown areas are created and listed; a site whose code exists is updated where the file
says something different; missing rooms are added. Every row is checked first; one bad row refuses
the whole file with every problem named, and nothing is changed. The rules are the structure
service's (the same as ``site add``), run in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from inventory_app.core.errors import RejectedInput
from inventory_app.core.identifiers import identifier_key
from inventory_app.core.tabular import Column, Table, describe_problems, parse_rows, text_cell
from inventory_app.inventory.structure import StructureService
from inventory_app.inventory.structure_rules import name_key

# Finnish and English words for the site kinds.
KIND_WORDS = {
    "early_childhood": "early_childhood",
    "early childhood": "early_childhood",
    "päiväkoti": "early_childhood",
    "varhaiskasvatus": "early_childhood",
    "esiopetus": "early_childhood",
    "daycare": "early_childhood",
    "primary": "primary",
    "alakoulu": "primary",
    "primary school": "primary",
    "lower_secondary": "lower_secondary",
    "lower secondary": "lower_secondary",
    "yläkoulu": "lower_secondary",
    "comprehensive": "comprehensive",
    "yhtenäiskoulu": "comprehensive",
    "peruskoulu": "comprehensive",
    "upper_secondary": "upper_secondary",
    "upper secondary": "upper_secondary",
    "lukio": "upper_secondary",
    "other": "other",
    "muu": "other",
}

COLUMNS = (
    Column("area", ("Alue", "Area", "Palvelualue"), text_cell, required=True),
    Column(
        "code", ("Tunnus", "Code", "Koodi", "Site code", "Yksikön tunnus", "Koulun tunnus"), text_cell, required=True
    ),
    Column("name", ("Nimi", "Name", "Koulu", "School", "Yksikkö", "Unit", "Site"), text_cell, required=True),
    Column("kind", ("Tyyppi", "Kind", "Koulumuoto", "Type", "Yksikkötyyppi"), text_cell),
    Column("cost_centre", ("Kustannuspaikka", "Cost centre", "Cost center", "Kp"), text_cell),
    Column("address", ("Osoite", "Address", "Katuosoite"), text_cell),
    Column("rooms", ("Huoneet", "Rooms", "Tilat", "Luokat"), text_cell),
)


@dataclass(slots=True)
class SiteImportResult:
    dry_run: bool
    areas_created: list[str] = field(default_factory=list)
    sites_created: list[str] = field(default_factory=list)
    sites_updated: list[str] = field(default_factory=list)
    sites_unchanged: list[str] = field(default_factory=list)
    rooms_created: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "dry_run": self.dry_run,
            "areas_created": self.areas_created,
            "sites_created": self.sites_created,
            "sites_updated": self.sites_updated,
            "sites_unchanged": self.sites_unchanged,
            "rooms_created": self.rooms_created,
        }


def _kind(value: Any) -> str:
    text = " ".join(str(value or "").split()).casefold().replace("-", " ")
    if not text:
        return "other"
    kind = KIND_WORDS.get(text) or KIND_WORDS.get(text.replace(" ", "_"))
    if kind is None:
        raise RejectedInput(f"kind: '{value}' is not known (alakoulu, yläkoulu, yhtenäiskoulu, lukio, päiväkoti, muu)")
    return kind


def _rooms(value: Any) -> list[str]:
    text = str(value or "").replace(";", ",").replace("\n", ",")
    return [" ".join(part.split()) for part in text.split(",") if part.strip()]


def import_sites(service: StructureService, table: Table, *, dry_run: bool = False) -> SiteImportResult:
    """Create or update the file's sites and rooms in one transaction (or check them only, ``dry_run``)."""
    rows = parse_rows(table, COLUMNS)
    if not rows:
        raise RejectedInput(f"{table.source} has no rows")
    result = SiteImportResult(dry_run)
    problems: list[str] = []
    seen: dict[str, int] = {}
    for row in rows:
        key = identifier_key(row["code"])
        if key in seen:
            problems.append(f"row {row['row']}: code {row['code']} is already on row {seen[key]}")
        seen[key] = row["row"]
        try:
            row["kind"] = _kind(row.get("kind"))
        except RejectedInput as exc:
            problems.append(f"row {row['row']}: {exc}")
    if problems:
        raise RejectedInput(describe_problems(table.source, problems))
    with service.batch(dry_run=dry_run):
        areas = {name_key(a.name): a for a in service.areas()}
        sites = {identifier_key(s.code): s for s in service.site_views()}
        for row in rows:
            try:
                _import_row(service, row, areas, sites, result)
            except RejectedInput as exc:
                problems.append(f"row {row['row']}: {exc}")
        if problems:
            raise RejectedInput(describe_problems(table.source, problems))
    return result


def _import_row(
    service: StructureService,
    row: dict[str, Any],
    areas: dict[str, Any],
    sites: dict[str, Any],
    result: SiteImportResult,
) -> None:
    area = areas.get(name_key(row["area"]))
    if area is None:
        area = service.add_area(row["area"])
        areas[name_key(area.name)] = area
        result.areas_created.append(area.name)
    existing = sites.get(identifier_key(row["code"]))
    if existing is None:
        site = service.add_site(
            row["code"],
            name=row["name"],
            area=area.id,
            kind=row["kind"],
            cost_centre=row.get("cost_centre"),
            address=row.get("address"),
        )
        result.sites_created.append(site.code or "")
    else:
        wanted = {"name": row["name"], "area": area.id, "kind": row["kind"]}
        for key in ("cost_centre", "address"):
            if row.get(key):
                wanted[key] = row[key]
        current = {
            "name": existing.name,
            "area": existing.area_id,
            "kind": existing.kind,
            "cost_centre": existing.cost_centre,
            "address": existing.address,
        }
        changes = {k: v for k, v in wanted.items() if v != current.get(k)}
        if changes:
            site = service.set_site(existing.id, changes)
            result.sites_updated.append(site.code or "")
        else:
            site = existing
            result.sites_unchanged.append(site.code or "")
    have = {identifier_key(r.code) for r in service.room_views(site.id)}
    for room in _rooms(row.get("rooms")):
        if identifier_key(room) not in have:
            service.add_room(site.id, room)
            have.add(identifier_key(room))
            result.rooms_created += 1
