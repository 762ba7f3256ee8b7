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

# Field key -> (English label, header names people use). The first alias is what export writes.
FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "id": ("Device id", ("Device id", "Laite-ID", "Laitetunnus", "id", "uuid")),
    "asset_tag": ("Asset tag", ("Asset tag", "Tunniste", "Tunnistetarra", "Tarra", "Viivakoodi", "Tag",
                                "Inventory tag", "Barcode")),
    "serial": ("Serial", ("Serial", "Sarjanumero", "Sarjanro", "Sarja nro", "S/N", "SN", "Serial number",
                          "Serial no")),
    "inventory_number": ("Inventory number", ("Inventory number", "Inventaarionumero", "Inventaarionro",
                                              "Inv nro", "Inventaario", "Inventory no", "Inventory")),
    "mac": ("MAC", ("MAC", "MAC-osoite", "MAC address", "Mac-osoite")),
    "category": ("Category", ("Category", "Laitetyyppi", "Tyyppi", "Kategoria", "Laiteluokka", "Device type",
                              "Type")),
    "manufacturer": ("Manufacturer", ("Manufacturer", "Valmistaja", "Merkki", "Make", "Brand")),
    "model": ("Model", ("Model", "Malli", "Laitemalli")),
    "site": ("Site", ("Site", "Koulu", "Toimipiste", "Yksikkö", "Päiväkoti", "Koulu/päiväkoti", "School", "Unit",
                      "Site code")),
    "room": ("Room", ("Room", "Luokka", "Huone", "Luokkahuone", "Tila-koodi", "Tilakoodi", "Classroom",
                      "Room code")),
    "status": ("Status", ("Status", "Tila", "Käyttötila")),
    "condition": ("Condition", ("Condition", "Kunto")),
    "ownership": ("Ownership", ("Ownership", "Omistus", "Hallinta")),
    "contract": ("Contract", ("Contract", "Sopimus", "Leasingsopimus", "Sopimusnumero", "Contract number")),
    "purchase_date": ("Purchase date", ("Purchase date", "Hankintapäivä", "Hankintapvm", "Ostopäivä",
                                        "Hankittu", "Purchased")),
    "purchase_price": ("Purchase price", ("Purchase price", "Hankintahinta", "Hinta", "Ostohinta", "Price")),
    "lease_monthly_fee": ("Monthly fee", ("Monthly fee", "Kuukausimaksu", "Kk-maksu", "Leasingmaksu",
                                          "Lease monthly fee")),
    "assigned_to": ("Assigned to", ("Assigned to", "Käyttäjä", "Ryhmä", "Luokka-aste", "Käyttäjäryhmä")),
    "notes": ("Notes", ("Notes", "Huom", "Huomautukset", "Huomautus", "Lisätiedot", "Kommentit", "Comments")),
}
IDENTIFIER_FIELDS = ("id", "asset_tag", "serial", "inventory_number", "mac")

# Finnish and English words for categories, beyond the catalogue's own names and codes.
CATEGORY_WORDS: dict[str, tuple[str, ...]] = {
    "projector": ("videotykki", "dataprojektori", "tykki", "projektori"),
    "display": ("monitori", "televisio", "tv", "näyttö", "screen", "monitor"),
    "interactive_display": ("kosketusnäyttö", "älytaulu", "interaktiivinen taulu", "smartboard",
                            "kosketustaulu"),
    "document_camera": ("dokkari", "visualizer", "dokumenttikamera"),
    "audio": ("kaiutin", "kaiuttimet", "äänentoistojärjestelmä", "speakers", "audio"),
    # A plain "laptop" in a school's list is most often a pupil's; a saved mapping can say otherwise.
    "pupil_laptop": ("kannettava tietokone", "kannettava", "oppilaskone", "oppilaan kone", "läppäri", "laptop",
                     "notebook"),
    "chromebook": ("chromebook",),
    "tablet": ("tabletti", "ipad", "taulutietokone", "tablet"),
    "staff_laptop": ("opettajan kannettava", "henkilöstön kannettava"),
    "staff_desktop": ("pöytäkone", "työasema", "pöytätietokone", "desktop"),
    "staff_tablet": ("opettajan tabletti", "opettajan ipad"),
    "printer": ("monitoimilaite", "tulostin", "printer"),
    "access_point": ("tukiasema", "wlan tukiasema", "wifi", "access point", "ap"),
}
STATUS_WORDS: dict[str, str] = {
    "käytössä": "in_use", "kaytossa": "in_use", "in use": "in_use", "varalla": "spare", "varastossa": "spare",
    "rikki": "broken", "viallinen": "broken", "korjauksessa": "in_repair", "huollossa": "in_repair",
    "kadonnut": "lost", "poistettu": "retired", "poistettu käytöstä": "retired", "kierrätetty": "recycled",
    **{s.value.replace("_", " "): s.value for s in DeviceStatus},
}
CONDITION_WORDS: dict[str, str] = {
    "hyvä": "good", "kohtalainen": "fair", "tyydyttävä": "fair", "huono": "poor", "tuntematon": "unknown",
    "ei tiedossa": "unknown", **{c.value: c.value for c in Condition},
}
OWNERSHIP_WORDS: dict[str, str] = {
    "oma": "owned", "omistettu": "owned", "ostettu": "owned", "leasing": "leased", "vuokrattu": "leased",
    "liisattu": "leased", "leasattu": "leased", **{o.value: o.value for o in Ownership},
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
    """Field key -> the header text in the file; plus category words the city uses."""

    columns: dict[str, str] = field(default_factory=dict)
    categories: dict[str, str] = field(default_factory=dict)
    sheet: str | None = None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"format": MAPPING_FORMAT, "columns": dict(self.columns)}
        if self.categories:
            data["categories"] = dict(self.categories)
        if self.sheet:
            data["sheet"] = self.sheet
        return data

    @classmethod
    def from_json(cls, raw: Any, source: str = "mapping") -> ColumnMapping:
        if not isinstance(raw, dict) or not isinstance(raw.get("columns"), dict):
            raise RejectedInput(f"{source} is not a column mapping (expected {{\"columns\": {{...}}}})")
        if raw.get("format", MAPPING_FORMAT) > MAPPING_FORMAT:
            raise RejectedInput(f"{source} was saved by a newer version of the app; update the app")
        unknown = sorted(set(raw["columns"]) - set(FIELDS))
        if unknown:
            raise RejectedInput(f"{source}: unknown field(s) {', '.join(unknown)}; fields: {', '.join(FIELDS)}")
        categories = raw.get("categories") or {}
        known_codes = {s.code for s in STANDARD_CATEGORIES}
        bad = sorted(v for v in categories.values() if v not in known_codes)
        if bad:
            raise RejectedInput(f"{source}: unknown category code(s) {', '.join(bad)}")
        return cls({str(k): str(v) for k, v in raw["columns"].items() if v},
                   {str(k): str(v) for k, v in categories.items()}, raw.get("sheet"))

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


def detect_mapping(headers: list[str]) -> ColumnMapping:
    """Map every header whose name (Finnish or English) is known; the first match of a field wins."""
    lookup: dict[str, str] = {}
    for key, (_, aliases) in FIELDS.items():
        for alias in (key, *aliases):
            lookup.setdefault(header_key(alias), key)
    columns: dict[str, str] = {}
    for header in headers:
        key = lookup.get(header_key(header))
        if key and key not in columns:
            columns[key] = header
    return ColumnMapping(columns)


def resolve_columns(mapping: ColumnMapping, headers: list[str], source: str) -> dict[str, int]:
    """Field -> cell index; a mapped header missing from the file is refused, naming it."""
    index_by_key: dict[str, int] = {}
    for i, header in enumerate(headers):
        index_by_key.setdefault(header_key(header), i)
    result: dict[str, int] = {}
    missing = []
    for key, header in mapping.columns.items():
        i = index_by_key.get(header_key(header))
        if i is None:
            missing.append(header)
        else:
            result[key] = i
    if missing:
        raise RejectedInput(f"{source}: the mapping names column(s) the file does not have: "
                            f"{', '.join(repr(m) for m in missing)}; nothing was imported")
    if not any(k in result for k in IDENTIFIER_FIELDS):
        raise RejectedInput(f"{source}: no identifier column (asset tag, serial, inventory number, MAC or "
                            "device id) was found; map one, e.g. Sarjanumero; nothing was imported")
    return result
