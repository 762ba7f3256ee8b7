"""Export the inventory to CSV or XLSX in exactly the shape the importer reads back.

Headers are the importer's English names; the device id comes first, so a re-import matches
every row to its device even when identifiers were edited. CSV is UTF-8 with a BOM, ``;`` and
decimal commas (what Excel on a Finnish computer opens as columns); dates are ISO.

The XLSX export is the full inventory: after the Devices sheet come Sites (with their areas),
Rooms and Contracts, so importing it into a fresh store rebuilds the same city. Every text cell
goes through ``core.cells.safe_cell``: a note starting with ``=`` is written as text, never as a
live formula, and the importer takes the apostrophe off again.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from inventory_app.core.cells import safe_cell
from inventory_app.core.errors import RejectedInput
from inventory_app.importing.mapping import FIELDS
from inventory_app.storage import import_queries as q
from inventory_app.storage import repositories as repo
from inventory_app.storage.store import Store

Progress = Callable[..., None]
EXPORT_FIELDS = (
    "id",
    "asset_tag",
    "serial",
    "inventory_number",
    "mac",
    "category",
    "manufacturer",
    "model",
    "site",
    "room",
    "status",
    "condition",
    "ownership",
    "contract",
    "purchase_date",
    "purchase_price",
    "lease_monthly_fee",
    "lease_end",
    "assigned_to",
    "notes",
)
HEADERS = [FIELDS[key][0] for key in EXPORT_FIELDS]


def _euros(cents: int | None, comma: bool) -> str | None:
    if cents is None:
        return None
    sign = "-" if cents < 0 else ""
    text = f"{sign}{abs(cents) // 100}.{abs(cents) % 100:02d}"
    return text.replace(".", ",") if comma else text


def export_rows(store: Store, site: str | None = None, *, comma_decimals: bool = True) -> list[list[Any]]:
    """The rows to write (values, not yet text), in a stable order."""
    with store.read() as s:
        site_id = repo.find_site(s, site).id if site else None
        sites = {x.id: (x.code or x.name) for x in q.live_sites(s)}
        rooms = {r.id: r.code for r in q.live_rooms(s)}
        categories = {c.id: c.code for c in q.live_categories(s)}
        models = {m.id: (m.manufacturer, m.name) for m in q.live_models(s)}
        contracts = {c.id: c.contract_number for c in q.live_contracts(s)}
        rows: list[list[Any]] = []
        for d in q.export_device_rows(s, site_id):
            manufacturer, model = models.get(d.model_id or "", (None, None))
            rows.append(
                [
                    d.id,
                    d.asset_tag,
                    d.serial,
                    d.inventory_number,
                    d.mac,
                    categories.get(d.category_id or ""),
                    manufacturer,
                    model,
                    sites.get(d.site_id or ""),
                    rooms.get(d.room_id or ""),
                    d.status,
                    d.condition,
                    d.ownership,
                    contracts.get(d.contract_id or ""),
                    d.purchase_date,
                    _euros(d.purchase_price_cents, comma_decimals),
                    _euros(d.lease_monthly_fee_cents, comma_decimals),
                    d.lease_end,
                    d.assigned_to,
                    d.notes,
                ]
            )
    return [[safe_cell(v) for v in row] for row in rows]


SITE_HEADERS = ["Area", "Area code", "Site code", "Site name", "Kind", "Cost centre", "Address", "Site id", "Area id"]
ROOM_HEADERS = ["Site code", "Room", "Room name", "Kind", "Label code", "Room id"]
CONTRACT_HEADERS = [
    "Contract number",
    "Lessor",
    "Start",
    "End",
    "Notice months",
    "Fee basis",
    "Monthly fee",
    "Cost centre",
    "Contract id",
]


def structure_rows(store: Store, site: str | None = None) -> dict[str, tuple[list[str], list[list[Any]]]]:
    """Sheet name -> (headers, rows) for the city's areas and sites, rooms and contracts."""
    with store.read() as s:
        only = repo.find_site(s, site).id if site else None
        areas = {a.id: a for a in q.live_areas(s)}
        sites = sorted(
            (x for x in q.live_sites(s) if only is None or x.id == only),
            key=lambda x: ((areas[x.area_id].name if x.area_id in areas else ""), x.code or "", x.name),
        )
        site_rows = []
        site_label = {}
        for x in sites:
            area = areas.get(x.area_id or "")
            site_label[x.id] = x.code or x.name
            site_rows.append(
                [
                    area.name if area else None,
                    area.code if area else None,
                    x.code,
                    x.name,
                    x.kind,
                    x.cost_centre,
                    x.address,
                    x.id,
                    area.id if area else None,
                ]
            )
        rooms = sorted(
            (r for r in q.live_rooms(s) if r.site_id in site_label), key=lambda r: (site_label[r.site_id], r.code)
        )
        room_rows = [[site_label[r.site_id], r.code, r.name, r.kind, r.label_code, r.id] for r in rooms]
        contract_rows = [
            [
                c.contract_number,
                c.lessor,
                c.start_date,
                c.end_date,
                c.notice_months,
                c.fee_basis,
                _euros(c.monthly_fee_cents, False),
                c.cost_centre,
                c.id,
            ]
            for c in sorted(q.live_contracts(s), key=lambda c: c.contract_number)
        ]
    return {
        "Sites": (SITE_HEADERS, [[safe_cell(v) for v in r] for r in site_rows]),
        "Rooms": (ROOM_HEADERS, [[safe_cell(v) for v in r] for r in room_rows]),
        "Contracts": (CONTRACT_HEADERS, [[safe_cell(v) for v in r] for r in contract_rows]),
    }


def export_file(store: Store, out: Path, site: str | None = None, progress: Progress | None = None) -> int:
    """Write CSV or XLSX by the file's extension; returns the number of devices written."""
    suffix = out.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise RejectedInput(f"export to a .csv or .xlsx file, not '{out.name}'")
    rows = export_rows(store, site, comma_decimals=suffix == ".csv")
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".part")
    try:
        if suffix == ".csv":
            with tmp.open("w", encoding="utf-8-sig", newline="") as fh:
                writer = csv.writer(fh, delimiter=";")
                writer.writerow(HEADERS)
                for row in rows:
                    writer.writerow(
                        ["" if v is None else (v.isoformat() if hasattr(v, "isoformat") else v) for v in row]
                    )
        else:
            _write_xlsx(tmp, rows, structure_rows(store, site), progress)
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
    if progress:
        progress(len(rows), len(rows), "written")
    return len(rows)


def _write_xlsx(
    path: Path,
    rows: list[list[Any]],
    structure: dict[str, tuple[list[str], list[list[Any]]]],
    progress: Progress | None,
) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Devices")
    sheet.append(HEADERS)
    for n, row in enumerate(rows, start=1):
        # Dates as date cells; money as text with a dot keeps cents exact; identifiers stay text.
        # Text is already neutralised (safe_cell), so no cell starts with "=" and none is a formula.
        sheet.append(row)
        if progress and n % 5000 == 0:
            progress(n, len(rows), "writing")
    for name, (headers, structure_rows_) in structure.items():
        extra = book.create_sheet(name)
        extra.append(headers)
        for row in structure_rows_:
            extra.append(row)
    book.save(path)
