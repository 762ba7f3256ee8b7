"""Which column holds what: automatic detection of Finnish and English headers, saved mappings,
and the Finnish and English words for categories, statuses, conditions and ownership."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from inventory_app.core.catalogue import STANDARD_CATEGORIES
from inventory_app.core.enums import Condition, DeviceStatus, Ownership
from inventory_app.core.errors import RejectedInput
from inventory_app.core.tabular import header_key

MAPPING_FORMAT = 1
# In a mapping's categories, the word for "every other device type in the file".
ANY_CATEGORY = "*"
DATE_ORDERS = ("dmy", "mdy")

# Field key -> (English label, header names people use). The first alias is what export writes.
FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    # "Laitetunnus" is a school's own device code ("KES-001"), never this app's internal id.
    "id": ("Device id", ("Device id", "Laite-ID", "id", "uuid")),
    "asset_tag": (
        "Asset tag",
        (
            "Asset tag",
            "Tunniste",
            "Tunnistetarra",
            "Tarra",
            "Viivakoodi",
            "Tag",
            "Inventory tag",
            "Barcode",
            "Laitetunnus",
            "Laitenumero",
        ),
    ),
    "serial": ("Serial", ("Serial", "Sarjanumero", "Sarjanro", "Sarja nro", "S/N", "SN", "Serial number", "Serial no")),
    "inventory_number": (
        "Inventory number",
        (
            "Inventory number",
            "Inventaarionumero",
            "Inventaarionro",
            "Inv nro",
            "Inventaario",
            "Inventory no",
            "Inventory",
        ),
    ),
    "mac": ("MAC", ("MAC", "MAC-osoite", "MAC address", "Mac-osoite")),
    "category": (
        "Category",
        ("Category", "Laitetyyppi", "Tyyppi", "Kategoria", "Laiteluokka", "Device type", "Type", "Laite", "Laji"),
    ),
    "manufacturer": ("Manufacturer", ("Manufacturer", "Valmistaja", "Merkki", "Make", "Brand")),
    "model": ("Model", ("Model", "Malli", "Laitemalli")),
    "site": (
        "Site",
        (
            "Site",
            "Koulu",
            "Toimipiste",
            "Yksikkö",
            "Päiväkoti",
            "Koulu/päiväkoti",
            "School",
            "Unit",
            "Site code",
            "Koulun nimi",
        ),
    ),
    "site_kind": ("Site kind", ("Site kind", "Koulumuoto", "Yksikön tyyppi", "Toimipisteen tyyppi")),
    "room": ("Room", ("Room", "Luokka", "Huone", "Luokkahuone", "Tila-koodi", "Tilakoodi", "Classroom", "Room code")),
    "status": ("Status", ("Status", "Tila", "Käyttötila")),
    "condition": ("Condition", ("Condition", "Kunto")),
    "ownership": ("Ownership", ("Ownership", "Omistus", "Hallinta")),
    "contract": ("Contract", ("Contract", "Sopimus", "Leasingsopimus", "Sopimusnumero", "Contract number")),
    "purchase_date": (
        "Purchase date",
        ("Purchase date", "Hankintapäivä", "Hankintapvm", "Ostopäivä", "Hankittu", "Purchased"),
    ),
    "purchase_price": ("Purchase price", ("Purchase price", "Hankintahinta", "Hinta", "Ostohinta", "Price")),
    "lease_monthly_fee": (
        "Monthly fee",
        ("Monthly fee", "Kuukausimaksu", "Kk-maksu", "Leasingmaksu", "Lease monthly fee"),
    ),
    "lease_end": (
        "Lease end",
        ("Lease end", "Leasing päättyy", "Leasingin loppu", "Sopimus päättyy", "Vuokra päättyy"),
    ),
    "assigned_to": ("Assigned to", ("Assigned to", "Käyttäjä", "Ryhmä", "Luokka-aste", "Käyttäjäryhmä")),
    "notes": ("Notes", ("Notes", "Huom", "Huomautukset", "Huomautus", "Lisätiedot", "Kommentit", "Comments")),
}
IDENTIFIER_FIELDS = ("id", "asset_tag", "serial", "inventory_number", "mac")

# Finnish and English words for categories, beyond the catalogue's own names and codes.
CATEGORY_WORDS: dict[str, tuple[str, ...]] = {
    # A plain "laptop" in a school's list is most often a pupil's; a saved mapping can say otherwise.
    "pupil_laptop": (
        "kannettava tietokone",
        "kannettava",
        "oppilaskone",
        "oppilaan kone",
        "läppäri",
        "laptop",
        "notebook",
        "kannettavat",
        "kannettavat tietokoneet",
        "läppärit",
        "laptops",
        "notebooks",
        "macbook",
    ),
    "chromebook": ("chromebook", "chromebookit", "chromebooks"),
    "tablet": ("tabletti", "ipad", "taulutietokone", "tablet", "tabletit", "tablets", "ipads"),
    "staff_laptop": ("opettajan kannettava", "henkilöstön kannettava"),
    "staff_desktop": (
        "pöytäkone",
        "työasema",
        "pöytätietokone",
        "desktop",
        "pöytäkoneet",
        "työasemat",
        "desktops",
        "desktop computer",
        "desktop computers",
        "computer",
        "computers",
        "tietokone",
    ),
    "staff_tablet": ("opettajan tabletti", "opettajan ipad"),
    "printer": (
        "monitoimilaite",
        "tulostin",
        "printer",
        "tulostimet",
        "monitoimilaitteet",
        "printers",
        "multifunction printer",
    ),
    "access_point": (
        "tukiasema",
        "wlan tukiasema",
        "wifi",
        "access point",
        "ap",
        "tukiasemat",
        "access points",
        "networking",
    ),
    "projector": (
        "videotykki",
        "dataprojektori",
        "tykki",
        "projektori",
        "videotykit",
        "projektorit",
        "projectors",
        "video projector",
        "video projectors",
        "beamer",
    ),
    "display": (
        "monitori",
        "televisio",
        "tv",
        "näyttö",
        "screen",
        "monitor",
        "näytöt",
        "monitorit",
        "displays",
        "monitors",
        "screens",
    ),
    "interactive_display": (
        "kosketusnäyttö",
        "älytaulu",
        "interaktiivinen taulu",
        "smartboard",
        "kosketustaulu",
        "älytaulut",
        "kosketusnäytöt",
        "interactive whiteboard",
        "interactive whiteboards",
        "smart board",
        "interactive displays",
    ),
    "document_camera": (
        "dokkari",
        "visualizer",
        "dokumenttikamera",
        "dokumenttikamerat",
        "document cameras",
        "visualisers",
    ),
    "audio": ("kaiutin", "kaiuttimet", "äänentoistojärjestelmä", "speakers", "audio", "äänentoisto"),
}
STATUS_WORDS: dict[str, str] = {
    "käytössä": "in_use",
    "kaytossa": "in_use",
    "in use": "in_use",
    "varalla": "spare",
    "varastossa": "spare",
    "rikki": "broken",
    "viallinen": "broken",
    "korjauksessa": "in_repair",
    "huollossa": "in_repair",
    "kadonnut": "lost",
    "poistettu": "retired",
    "poistettu käytöstä": "retired",
    "kierrätetty": "recycled",
    # What Snipe-IT, GLPI and InvenTree call their statuses.
    "deployed": "in_use",
    "ready to deploy": "spare",
    "pending": "spare",
    "archived": "retired",
    "undeployable": "broken",
    "lost/stolen": "lost",
    "stolen": "lost",
    "out for repair": "in_repair",
    "out for diagnostics": "in_repair",
    "pending diagnostics": "in_repair",
    "in stock": "spare",
    "ok": "in_use",
    "damaged": "broken",
    "destroyed": "retired",
    "attention needed": "in_repair",
    "quarantined": "in_repair",
    "rejected": "retired",
    "returned": "spare",
    **{s.value.replace("_", " "): s.value for s in DeviceStatus},
}
CONDITION_WORDS: dict[str, str] = {
    "hyvä": "good",
    "kohtalainen": "fair",
    "tyydyttävä": "fair",
    "huono": "poor",
    "tuntematon": "unknown",
    "ei tiedossa": "unknown",
    **{c.value: c.value for c in Condition},
}
OWNERSHIP_WORDS: dict[str, str] = {
    "oma": "owned",
    "omistettu": "owned",
    "ostettu": "owned",
    "leasing": "leased",
    "vuokrattu": "leased",
    "liisattu": "leased",
    "leasattu": "leased",
    **{o.value: o.value for o in Ownership},
}


def word_table(words: dict[str, str]) -> dict[str, str]:
    return {header_key(k): v for k, v in words.items()}


def category_table(overrides: dict[str, str] | None = None) -> dict[str, str]:
    """Word (header_key form) -> category code: codes, catalogue names, common words, overrides."""
    table: dict[str, str] = {}
    for code, words in CATEGORY_WORDS.items():
        for word in words:
            table[header_key(word)] = code
    for spec in STANDARD_CATEGORIES:
        for word in (spec.code, spec.code.replace("_", " "), spec.name_en, spec.name_fi):
            table[header_key(word)] = spec.code
    for word, code in (overrides or {}).items():
        table[header_key(word)] = code
    return table


@dataclass(slots=True)
class ColumnMapping:
    """Field key -> the header text in the file; plus category words the city uses.

    ``source`` names the program the file came from (``--from``), ``date_order`` how dates with
    slashes read ("mdy": Snipe-IT's US 1/23/23; "dmy" otherwise).
    """

    columns: dict[str, str] = field(default_factory=dict)
    categories: dict[str, str] = field(default_factory=dict)
    sheet: str | None = None
    source: str | None = None
    date_order: str = "dmy"

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"format": MAPPING_FORMAT, "columns": dict(self.columns)}
        if self.categories:
            data["categories"] = dict(self.categories)
        if self.sheet:
            data["sheet"] = self.sheet
        if self.source:
            data["from"] = self.source
        if self.date_order != "dmy":
            data["date_order"] = self.date_order
        return data

    @classmethod
    def from_json(cls, raw: Any, source: str = "mapping") -> ColumnMapping:
        if not isinstance(raw, dict) or not isinstance(raw.get("columns"), dict):
            raise RejectedInput(f'{source} is not a column mapping (expected {{"columns": {{...}}}})')
        version = raw.get("format", MAPPING_FORMAT)
        if not isinstance(version, int) or isinstance(version, bool):
            raise RejectedInput(f'{source}: "format" must be a whole number (1)')
        if version > MAPPING_FORMAT:
            raise RejectedInput(f"{source} was saved by a newer version of the app; update the app")
        unknown = sorted(set(raw["columns"]) - set(FIELDS))
        if unknown:
            raise RejectedInput(f"{source}: unknown field(s) {', '.join(unknown)}; fields: {', '.join(FIELDS)}")
        categories = raw.get("categories") or {}
        if not isinstance(categories, dict):
            raise RejectedInput(f'{source}: "categories" must be {{"word in the file": "category code"}}')
        known_codes = {s.code for s in STANDARD_CATEGORIES}
        bad = sorted(str(v) for v in categories.values() if v not in known_codes)
        if bad:
            raise RejectedInput(f"{source}: unknown category code(s) {', '.join(bad)}")
        from inventory_app.importing.profiles import PROFILES

        if raw.get("from") and str(raw["from"]) not in PROFILES:
            raise RejectedInput(f'{source}: "from" must be one of {", ".join(PROFILES)}')
        date_order = str(raw.get("date_order") or "dmy")
        if date_order not in DATE_ORDERS:
            raise RejectedInput(f"{source}: date_order must be one of {', '.join(DATE_ORDERS)}")
        return cls(
            {str(k): str(v) for k, v in raw["columns"].items() if v},
            {str(k): str(v) for k, v in categories.items()},
            raw.get("sheet"),
            str(raw["from"]) if raw.get("from") else None,
            date_order,
        )

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(json.dumps(self.to_json(), indent=2, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)

    @classmethod
    def load(cls, path: Path) -> ColumnMapping:
        try:
            raw = json.loads(path.read_text(encoding="utf-8-sig"))
        except OSError as exc:
            raise RejectedInput(f"cannot read the mapping {path}: {exc.strerror}") from None
        except ValueError as exc:
            raise RejectedInput(f"the mapping {path} is not valid JSON ({exc})") from None
        return cls.from_json(raw, str(path))


def detect_mapping(headers: list[str], source: str | None = None) -> ColumnMapping:
    """Map every header whose name (Finnish or English) is known; the first match of a field wins.

    With ``source`` (``--from snipe-it``, ``glpi``, ``inventree``) that tool's export names come
    first and the columns it writes that have no field here are left unmapped.
    """
    from inventory_app.importing.profiles import profile

    tool = profile(source)
    lookup: dict[str, str] = {}
    if tool is not None:
        for key, names in tool.columns.items():
            for name in names:
                lookup.setdefault(header_key(name), key)
        for name in tool.unused:
            lookup.setdefault(header_key(name), "")
    for key, (_, aliases) in FIELDS.items():
        for alias in (key, *aliases):
            lookup.setdefault(header_key(alias), key)
    columns: dict[str, str] = {}
    for header in headers:
        field_key = lookup.get(header_key(header))
        if field_key and field_key not in columns:
            columns[field_key] = header
    return ColumnMapping(columns, source=tool.name if tool else None, date_order=tool.date_order if tool else "dmy")


def header_score(headers: list[str], source: str | None = None) -> int:
    """How many cells of a row name known columns (finds the header below a title row)."""
    return len(detect_mapping(headers, source).columns)


def resolve_columns(mapping: ColumnMapping, headers: list[str], source: str) -> dict[str, int]:
    """Field -> cell index; a mapped header missing from the file is refused, naming it."""
    index_by_key: dict[str, int] = {}
    for i, header in enumerate(headers):
        index_by_key.setdefault(header_key(header), i)
    result: dict[str, int] = {}
    missing: list[str] = []
    for key, header in mapping.columns.items():
        found = index_by_key.get(header_key(header))
        if found is None:
            missing.append(header)
        else:
            result[key] = found
    if missing:
        raise RejectedInput(
            f"{source}: the mapping names column(s) the file does not have: "
            f"{', '.join(repr(m) for m in missing)}; nothing was imported"
        )
    if not any(k in result for k in IDENTIFIER_FIELDS):
        raise RejectedInput(
            f"{source}: no identifier column (asset tag, serial, inventory number, MAC or "
            "device id) was found; map one, e.g. Sarjanumero; nothing was imported"
        )
    return result
