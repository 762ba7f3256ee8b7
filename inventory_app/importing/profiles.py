"""Column names of the inventory tools cities use before this app (``import --from NAME``).

Each profile lists, per field of ours, the headers that tool writes in its standard CSV export.
They are tried before the app's own Finnish and English names, so "Location" means the site and
"Asset Tag" the other tool's tag (kept as the inventory number when it is not one of ours).

Where the names come from:
- Snipe-IT: the importer's sample file ``sample_csvs/assets-sample.csv`` in github.com/snipe/snipe-it
  (Company, Name, Asset Tag, Category, Supplier, Manufacturer, Location, Order Number, Model, …,
  Purchase Date as m/d/yy, Purchase Cost, …, Asset EOL Date) and its importer's field names
  (Serial, Status, Notes).
- GLPI: the English labels of the computer search options (Name, Entity, Serial number,
  Inventory number, Location, Manufacturer, Model, Type, Status, Comments), which its CSV export
  of a list uses as headers, and the financial tab's Date of purchase and Value. A GLPI location
  is a path ("Kesämäen koulu > A-siipi > A203"): its first part is the site, its last the room.
- InvenTree: the column names of its stock item export resource (Stock Item ID, Part Name,
  Serial, Location Name, Status, Notes, Purchase Price, Expiry Date).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from inventory_app.core.errors import RejectedInput


@dataclass(frozen=True, slots=True)
class SourceProfile:
    name: str
    title: str
    columns: dict[str, tuple[str, ...]]
    date_order: str = "dmy"
    # Columns that tool writes that have no field here: listed as not imported, never guessed.
    unused: tuple[str, ...] = field(default_factory=tuple)


PROFILES: dict[str, SourceProfile] = {
    "snipe-it": SourceProfile(
        "snipe-it",
        "Snipe-IT",
        {
            "asset_tag": ("Asset Tag",),
            "serial": ("Serial", "Serial Number"),
            "site": ("Location", "Checked Out To: Location"),
            "purchase_price": ("Purchase Cost",),
            "purchase_date": ("Purchase Date",),
            "model": ("Model", "Model name", "Model Name"),
            "manufacturer": ("Manufacturer",),
            "category": ("Category",),
            "status": ("Status",),
            "notes": ("Asset Notes", "Notes"),
        },
        date_order="mdy",
        unused=(
            "Company",
            "Name",
            "Supplier",
            "Order Number",
            "Model Notes",
            "Model Number",
            "Checkout Type",
            "Checked Out To: Username",
            "Checked Out To: First Name",
            "Checked Out To: Last Name",
            "Checked Out To: Email",
            "Asset EOL Date",
            "Warranty",
        ),
    ),
    "glpi": SourceProfile(
        "glpi",
        "GLPI",
        {
            "serial": ("Serial number",),
            "inventory_number": ("Inventory number",),
            "site": ("Location",),
            "manufacturer": ("Manufacturer",),
            "model": ("Model",),
            "category": ("Type",),
            "status": ("Status",),
            "notes": ("Comments",),
            "purchase_date": ("Date of purchase",),
            "purchase_price": ("Value",),
        },
        unused=("Name", "Entity", "Last update", "Operating system - Name", "Components - Processor", "ID"),
    ),
    "inventree": SourceProfile(
        "inventree",
        "InvenTree",
        {
            "serial": ("Serial",),
            "model": ("Part Name",),
            "site": ("Location Name",),
            "status": ("Status",),
            "notes": ("Notes",),
            "purchase_price": ("Purchase Price",),
        },
        unused=(
            "Stock Item ID",
            "Part ID",
            "Quantity",
            "Batch",
            "Status Code",
            "Location ID",
            "Supplier Part ID",
            "Supplier ID",
            "Supplier Name",
            "Customer ID",
            "Installed In",
            "Build ID",
            "Parent ID",
            "Sales Order ID",
            "Purchase Order ID",
            "Packaging",
            "Link",
            "Building",
            "Review Needed",
            "Delete on Deplete",
            "Last Updated",
            "Stocktake",
            "Expiry Date",
        ),
    ),
}


def profile(name: str | None) -> SourceProfile | None:
    if not name:
        return None
    found = PROFILES.get(name.strip().lower())
    if found is None:
        raise RejectedInput(f"unknown --from '{name}'; known: {', '.join(PROFILES)}")
    return found
