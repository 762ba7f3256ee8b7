"""Export the inventory to CSV or XLSX in exactly the shape the importer reads back.

Headers are the importer's English names; the device id comes first, so a re-import matches
every row to its device even when identifiers were edited. CSV is UTF-8 with a BOM, ``;`` and
decimal commas (what Excel on a Finnish computer opens as columns); dates are ISO.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from inventory_app.core.errors import RejectedInput
from inventory_app.importing.mapping import FIELDS
from inventory_app.storage import import_queries as q
from inventory_app.storage import repositories as repo
from inventory_app.storage.store import Store

Progress = Callable[..., None]
EXPORT_FIELDS = ("id", "asset_tag", "serial", "inventory_number", "mac", "category", "manufacturer", "model",
                 "site", "room", "status", "condition", "ownership", "contract", "purchase_date",
                 "purchase_price", "lease_monthly_fee", "assigned_to", "notes")
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
            rows.append([
                d.id, d.asset_tag, d.serial, d.inventory_number, d.mac, categories.get(d.category_id or ""),
                manufacturer, model, sites.get(d.site_id or ""), rooms.get(d.room_id or ""), d.status,
                d.condition, d.ownership, contracts.get(d.contract_id or ""), d.purchase_date,
                _euros(d.purchase_price_cents, comma_decimals), _euros(d.lease_monthly_fee_cents, comma_decimals),
                d.assigned_to, d.notes,
            ])
    return rows


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
                    writer.writerow(["" if v is None else (v.isoformat() if hasattr(v, "isoformat") else v)
                                     for v in row])
        else:
            _write_xlsx(tmp, rows, progress)
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
    if progress:
        progress(len(rows), len(rows), "written")
    return len(rows)


def _write_xlsx(path: Path, rows: list[list[Any]], progress: Progress | None) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Devices")
    sheet.append(HEADERS)
    for n, row in enumerate(rows, start=1):
        # Dates as date cells; money as text with a dot keeps cents exact; identifiers stay text.
        sheet.append(row)
        if progress and n % 5000 == 0:
            progress(n, len(rows), "writing")
    book.save(path)
