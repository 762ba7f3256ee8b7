"""A lessor's billing file (invoice lines, CSV or XLSX) read into checked lines."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

from inventory_app.core.errors import RejectedInput
from inventory_app.core.identifiers import identifier_key
from inventory_app.core.tabular import Column, cents_cell, parse_rows, text_cell
from inventory_app.reports.files import read_table

BILLING_COLUMNS = (
    Column("period", ("Laskutuskausi", "Period", "Billing period", "Kausi", "Laskutusjakso"), text_cell),
    Column("contract", ("Sopimus", "Contract", "Sopimusnumero", "Contract number", "Sopimusnro"), text_cell),
    Column(
        "identifier",
        (
            "Sarjanumero",
            "Serial",
            "Serial number",
            "Tunniste",
            "Identifier",
            "Laitetunnus",
            "Device id",
            "Inventaarionumero",
            "Inventory number",
            "Asset tag",
            "Tunnus",
        ),
        text_cell,
        required=True,
    ),
    Column("cost_centre", ("Kustannuspaikka", "Cost centre", "Cost center", "Kustannuspaikka nro", "Kp"), text_cell),
    Column(
        "amount",
        ("Kuukausimaksu", "Monthly fee", "Summa", "Amount", "Hinta", "Price", "Veroton summa", "Amount excl VAT"),
        cents_cell,
        required=True,
    ),
    # Columns invoices carry that the check does not need.
    Column("lessor", ("Vuokranantaja", "Lessor", "Toimittaja", "Supplier"), text_cell, ignored=True),
    Column("model", ("Malli", "Model", "Laite", "Device", "Tuote", "Product"), text_cell, ignored=True),
    Column("description", ("Kuvaus", "Description", "Lisätieto", "Notes", "Selite"), text_cell, ignored=True),
)


class BillingLine(NamedTuple):
    """One invoice line; a tuple in the temporary table's column order, so it is inserted as it is."""

    row: int
    period: str | None
    contract: str | None
    identifier: str
    key: str
    cost_centre: str | None
    centre_key: str | None
    amount_cents: int


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """The cyclic garbage collector paused while a file is read.

    A billing file of 26,000 lines makes some 100,000 small containers (cells, rows, lines), none
    of them in a cycle, yet they set off collections, some over the whole heap: a third of the
    reading time. Left as it was found (a caller that paused it keeps it paused).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def read_billing(path: Path) -> list[BillingLine]:
    with _no_cycle_collection():
        return _read_billing(path)


def _read_billing(path: Path) -> list[BillingLine]:
    table = read_table(path)
    rows = parse_rows(table, BILLING_COLUMNS)
    if not rows:
        raise RejectedInput(f"{table.source} has no billing lines")
    keys = [identifier_key(r["identifier"]) for r in rows]
    problems = [
        f"row {r['row']}: '{r['identifier']}' is no identifier" for r, key in zip(rows, keys, strict=True) if not key
    ]
    if problems:
        raise RejectedInput(f"{table.source}: {'; '.join(problems[:8])}")
    # A file names a few dozen cost centres over and over: each is normalised once.
    centres = {centre: identifier_key(centre) or None for centre in {r.get("cost_centre") for r in rows}}
    return [
        BillingLine(
            r["row"],
            r.get("period"),
            r.get("contract"),
            r["identifier"],
            key,
            r.get("cost_centre"),
            centres[r.get("cost_centre")],
            r["amount"],
        )
        for r, key in zip(rows, keys, strict=True)
    ]
