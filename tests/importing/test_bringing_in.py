"""Bringing in what a city already has: another tool's export (Snipe-IT, GLPI, InvenTree), a school's
own Excel list with a title row, unknown sites created on request, other systems' identifiers kept.

The Snipe-IT rows are Snipe-IT's own importer sample (see data/README.md for the source)."""

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from inventory_app.audit.engine import AuditSession
from inventory_app.core.enums import ScanOutcome
from inventory_app.core.identifiers import looks_like_tag, make_tag, own_tag
from inventory_app.importing.mapping import ColumnMapping
from inventory_app.storage.store import Store
from tests.support import dump

DATA = Path(__file__).parent / "data"
SNIPE = DATA / "snipe-it-assets-sample.csv"
SNIPE_TYPES = [
    "Fire Protection",
    "Ornamental Railings",
    "Roofing (Metal)",
    "Soft Flooring and Base",
    "Structural and Misc Steel (Fabrication)",
    "Construction Clean and Final Clean",
]


@pytest.fixture
def fresh(cli):
    assert cli("init").code == 0
    return cli


def test_snipe_it_sample_imports_with_from_and_create_missing(fresh, store_path):
    result = fresh(
        "import", str(SNIPE), "--from", "snipe-it", "--create-missing", "--category-map", "*=staff_laptop", "--json"
    )
    assert result.code == 0, result.err
    report = result.json()
    assert (report["new"], report["invalid"]) == (6, [])
    assert report["from"] == "snipe-it"
    assert {s["site"] for s in report["new_sites"]} == {
        "Wilkinson, Waters and Kerluke",
        "Lindgren-Marquardt",
        "Pacocha-Kiehn",
        "Mills, Gleichner and Schamberger",
        "Jenkins, Goldner and Cruickshank",
    }
    assert all(s["kind"] == "other" and s["area"] is None for s in report["new_sites"])
    assert report["categories"]["Ornamental Railings"] == {"category": "staff_laptop", "rows": 1}
    assert report["foreign_tags_as_inventory_numbers"] == 6
    # Other tool's tag: kept as the inventory number, found by search and by `device show`.
    shown = fresh("device", "show", "ICC-2065556", "--json").json()
    assert shown["inventory_number"] == "ICC-2065556" and shown["asset_tag"] is None
    assert shown["purchase_date"] == "2023-01-23" and shown["purchase_price"] == 2266.13  # US m/d/yy, dot decimals
    assert (shown["manufacturer"], shown["model"], shown["site"]) == (
        "Berge Inc",
        'Macbook Pro 13"',
        "Wilkinson, Waters and Kerluke",
    )
    listed = fresh("device", "list", "--search", "WBH-2841795", "--json").json()
    assert [d["inventory_number"] for d in listed] == ["WBH-2841795"]
    # Importing the same file again changes nothing.
    before = dump(store_path)
    again = fresh(
        "import", str(SNIPE), "--from", "snipe-it", "--create-missing", "--category-map", "*=staff_laptop", "--json"
    ).json()
    assert (again["new"], again["unchanged"], again["new_sites"]) == (0, 6, [])
    assert dump(store_path) == before


def test_snipe_it_unknown_categories_are_refused_with_one_fix(fresh, store_path):
    before = dump(store_path)
    result = fresh("import", str(SNIPE), "--from", "snipe-it", "--create-missing")
    assert result.code == 3
    assert dump(store_path) == before
    text = result.err
    for word in SNIPE_TYPES:
        assert f"  {word} -> UNKNOWN" in text
    assert "Unknown device types: Construction Clean and Final Clean, Fire Protection" in text
    assert '--category-map "*=staff_laptop"' in text
    # Every refusal reason in full, one per line (the old table cut them at 40 characters).
    assert (
        "row 3: Category: unknown device type 'Structural and Misc Steel (Fabrication)' (say which type it "
        'is, e.g. --category-map "Structural and Misc Steel (Fabrication)=pupil_laptop")'
    ) in text


def test_dry_run_lists_the_sites_and_area_it_would_create(fresh, store_path):
    before = dump(store_path)
    result = fresh(
        "import",
        str(SNIPE),
        "--from",
        "snipe-it",
        "--create-missing",
        "--area",
        "Itä",
        "--category-map",
        "*=staff_laptop",
        "--dry-run",
    )
    assert result.code == 0, result.err
    assert "New areas: Itä" in result.out
    assert "  Pacocha-Kiehn: area Itä, kind other" in result.out
    assert "Dry run: nothing was written." in result.out
    assert dump(store_path) == before


def test_unknown_site_without_create_missing_is_refused(fresh, store_path):
    before = dump(store_path)
    result = fresh("import", str(SNIPE), "--from", "snipe-it", "--category-map", "*=staff_laptop")
    assert result.code == 3
    assert "unknown site 'Pacocha-Kiehn'" in result.err and "--create-missing" in result.err
    assert fresh("import", str(SNIPE), "--area", "Itä").code == 3  # --area alone means nothing
    assert dump(store_path) == before


def write_xlsx(path, rows):
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def kesamaki_list(path):
    """A Finnish school's own list: title row, blank row, Finnish headers, its own device codes."""
    return write_xlsx(
        path,
        [
            ["Kesämäen koulu – laiteluettelo 2026"],
            [],
            ["Laitetunnus", "Laite", "Merkki", "Malli", "Sarjanumero", "Koulu", "Luokka", "Hankintapäivä", "Hinta"],
            [
                "KES-001",
                "Kannettava tietokone",
                "Lenovo",
                "ThinkPad L13",
                "PF-3K1A",
                "Kesämäen koulu",
                "A12",
                date(2024, 8, 1),
                689.0,
            ],
            ["KES-002", "Videotykki", "Epson", "EB-L210W", "X5ZX0012", "Kesämäen koulu", "A12", "1.8.2023", "1 149,90"],
            ["KES-003", "iPad", "Apple", "iPad 10.9", "DMPX88", "Kesämäen koulu", "B3", None, None],
            ["KES-004", "Älytaulu", "Promethean", "ActivPanel 9", "AP9-00412", "Kesämäen koulu", "Sali", None, "3 990"],
        ],
    )


def test_finnish_school_list_with_a_title_row_imports_without_a_mapping(fresh, tmp_path):
    path = kesamaki_list(tmp_path / "Kesämäki laitteet.xlsx")
    result = fresh("import", str(path), "--create-missing", "--json")
    assert result.code == 0, result.err
    report = result.json()
    assert (report["new"], report["invalid"], report["header_row"]) == (4, [], 3)
    assert report["mapping"]["asset_tag"] == "Laitetunnus" and "id" not in report["mapping"]
    assert report["mapping"]["category"] == "Laite" and report["mapping"]["manufacturer"] == "Merkki"
    assert report["categories"] == {
        "Kannettava tietokone": {"category": "pupil_laptop", "rows": 1},
        "Videotykki": {"category": "projector", "rows": 1},
        "iPad": {"category": "tablet", "rows": 1},
        "Älytaulu": {"category": "interactive_display", "rows": 1},
    }
    assert report["new_sites"] == [{"site": "Kesämäen koulu", "code": "KES01", "area": None, "kind": "other"}]
    assert {r["room"] for r in report["new_rooms"]} == {"A12", "B3", "Sali"}
    projector = fresh("device", "show", "KES-002", "--json").json()
    assert projector["inventory_number"] == "KES-002" and projector["purchase_price"] == 1149.90
    assert projector["purchase_date"] == "2023-08-01" and projector["room"] == "A12"


def test_title_row_text_is_shown_in_the_preview(fresh, tmp_path):
    path = kesamaki_list(tmp_path / "k.xlsx")
    result = fresh("import", str(path), "--create-missing", "--dry-run")
    assert result.code == 0, result.err
    assert "Header on row 3" in result.out


def test_other_systems_identifiers_are_scannable_and_ours_keep_the_check(fresh, tmp_path, store_path):
    path = kesamaki_list(tmp_path / "k.xlsx")
    assert fresh("import", str(path), "--create-missing").code == 0
    store = Store.open(store_path)
    try:
        audit = AuditSession.start(store, "Kesämäen koulu", "Testaaja")
        with store.read() as s:
            room_id = s.execute(__import__("sqlalchemy").text("select id from rooms where code='A12'")).scalar()
        audit.set_room(room_id)
        found = audit.scan("KES-001")
        assert found.outcome == ScanOutcome.FOUND
        assert audit.scan("ICC-2065556").outcome == ScanOutcome.UNKNOWN  # not ours: unknown, never "wrong check"
        good = make_tag("KES", 1)
        bad = good[:-1] + ("0" if good[-1] != "0" else "1")
        result = audit.scan(bad)
        assert result.outcome == ScanOutcome.INVALID and "wrong check character" in result.message
    finally:
        store.close()


@pytest.mark.parametrize(
    "code, shaped",
    [
        ("ICC-2065556", False),
        ("KES-001", False),
        ("kes 001", False),
        ("HKI0001235", True),
        ("hki 000123 5", True),
        ("HKI.0001235", False),
    ],
)
def test_what_is_shaped_like_our_tags(code, shaped):
    assert looks_like_tag(code) is shaped


def test_own_tag_tells_ours_from_others():
    good = make_tag("LPR", 42)
    assert own_tag(good.lower()) == good
    assert own_tag("ICC-2065556") is None
    with pytest.raises(Exception, match="wrong check character"):
        own_tag(good[:-1] + ("0" if good[-1] != "0" else "1"))


def test_an_own_tag_with_a_wrong_check_character_is_refused_in_an_import(fresh, tmp_path, store_path):
    good = make_tag("HKI", 19)
    bad = good[:-1] + ("0" if good[-1] != "0" else "1")
    path = write_xlsx(tmp_path / "t.xlsx", [["Tunniste", "Laite", "Koulu"], [bad, "Tabletti", "X"]])
    before = dump(store_path)
    result = fresh("import", str(path), "--create-missing")
    assert result.code == 3 and "wrong check character" in result.err
    assert dump(store_path) == before


def test_category_words_of_other_tools_and_finnish_are_mapped(fresh, tmp_path):
    lines = ["Asset Tag,Category,Location,Serial,Purchase Date,Purchase Cost"]
    words = {
        "Laptops": "pupil_laptop",
        "Desktops": "staff_desktop",
        "Tablets": "tablet",
        "Displays": "display",
        "Projectors": "projector",
        "Printers": "printer",
        "Kannettavat": "pupil_laptop",
        "Document Cameras": "document_camera",
        "Chromebooks": "chromebook",
        "Access Points": "access_point",
    }
    for n, word in enumerate(words):
        lines.append(f"X-{n},{word},Kesämäki,SN{n:04d},12/31/22,100")
    path = tmp_path / "snipe.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = fresh("import", str(path), "--from", "snipe-it", "--create-missing", "--json").json()
    assert report["invalid"] == []
    assert {w: v["category"] for w, v in report["categories"].items()} == words


def test_category_map_option_and_mapping_file_keep_the_fix(fresh, tmp_path, store_path):
    saved = tmp_path / "snipe-mapping.json"
    result = fresh(
        "import",
        str(SNIPE),
        "--from",
        "snipe-it",
        "--create-missing",
        "--category-map",
        "Fire Protection=display",
        "--category-map",
        "*=staff_laptop",
        "--save-mapping",
        str(saved),
        "--dry-run",
    )
    assert result.code == 0, result.err
    mapping = ColumnMapping.load(saved)
    assert mapping.source == "snipe-it" and mapping.date_order == "mdy"
    assert mapping.categories == {"Fire Protection": "display", "*": "staff_laptop"}
    report = fresh("import", str(SNIPE), "--mapping", str(saved), "--create-missing", "--json").json()
    assert report["new"] == 6 and report["categories"]["Fire Protection"]["category"] == "display"
    refused = fresh("import", str(SNIPE), "--category-map", "Foo=spaceship")
    assert refused.code == 3 and "unknown category 'spaceship'" in refused.err


GLPI_CSV = (
    "Name;Entity;Status;Manufacturer;Serial number;Type;Model;Location;Inventory number;Date of purchase;Value\n"
    "PC-101;Root entity;In use;Dell;7HX2K93;Laptop;Latitude 3420;Kesämäki;INV-2211;2022-08-15;799.00\n"
    "PRN-7;Root entity;In stock;HP;CNB1R2;Printer;LaserJet M404;Kesämäki > A-siipi > A203;INV-2212;;\n"
)
INVENTREE_CSV = (
    "Stock Item ID,Part ID,Part Name,Quantity,Serial,Batch,Status,Status Code,Location ID,Location Name,"
    "Purchase Price,Notes\n"
    "41,7,Epson EB-L210W,1,X5ZX0099,,OK,10,3,Kesämäki,1149.9,\n"
    "42,7,Epson EB-L210W,1,X5ZX0100,,Damaged,55,3,Kesämäki,,lamp\n"
)


@pytest.mark.parametrize(
    "tool, text, extra", [("glpi", GLPI_CSV, []), ("inventree", INVENTREE_CSV, ["--category-map", "*=projector"])]
)
def test_glpi_and_inventree_exports(fresh, tmp_path, tool, text, extra):
    path = tmp_path / f"{tool}.csv"
    path.write_text(text, encoding="utf-8")
    result = fresh("import", str(path), "--from", tool, "--create-missing", *extra, "--json")
    assert result.code == 0, result.err
    report = result.json()
    assert (report["new"], report["invalid"]) == (2, [])
    devices = fresh("device", "list", "--site", "Kesämäki", "--json").json()
    statuses = sorted(d["status"] for d in devices)
    assert statuses == (["in_use", "spare"] if tool == "glpi" else ["broken", "in_use"])
    if tool == "glpi":  # a location path is site and room
        assert report["new_rooms"] == [{"site": "Kesämäki", "room": "A203"}]


def test_mapping_file_documented_in_import_help(cli):
    result = cli("import", "--help")
    assert result.code == 0
    for word in ('"columns"', '"categories"', '"from"', '"date_order"', "--create-missing", "--from", "--category-map"):
        assert word in result.out


def test_dump_helper_sees_rows():  # guards the "nothing changed" checks above
    conn = sqlite3.connect(":memory:")
    conn.execute("create table t (x)")
    conn.execute("insert into t values (1)")
    assert any("INSERT" in line for line in conn.iterdump())


def test_a_tag_shaped_code_a_device_carries_is_found_when_scanned(fresh, tmp_path, store_path):
    good = make_tag("ABC", 123456)
    other = good[:-1] + ("0" if good[-1] != "0" else "1")  # shaped like ours, another system's number
    path = tmp_path / "inv.csv"
    path.write_text(f"Koulu;Laite;Inventaarionumero;Luokka\nKesämäki;iPad;{other};A1\n", encoding="utf-8")
    assert fresh("import", str(path), "--create-missing", "--area", "Pohjoinen").code == 0
    store = Store.open(store_path)
    try:
        audit = AuditSession.start(store, "Kesämäki")
        with store.read() as s:
            room_id = s.execute(__import__("sqlalchemy").text("select id from rooms where code='A1'")).scalar()
        audit.set_room(room_id)
        assert audit.scan(other).outcome == ScanOutcome.FOUND
    finally:
        store.close()


def test_created_areas_sites_and_rooms_are_synced_changes(fresh, tmp_path, store_path):
    path = kesamaki_list(tmp_path / "k.xlsx")
    assert fresh("import", str(path), "--create-missing", "--area", "Itä").code == 0
    conn = sqlite3.connect(store_path)
    try:
        tables = dict(conn.execute("select table_name, count(*) from outbox group by table_name").fetchall())
        stamped = conn.execute("select count(*) from sites where stamps like ?", ('%"*":%',)).fetchone()[0]
    finally:
        conn.close()
    assert tables["areas"] == 1 and tables["sites"] == 1 and tables["rooms"] == 3 and tables["devices"] == 4
    assert stamped == 1


def test_a_site_kind_column_gives_new_sites_their_kind(fresh, tmp_path):
    path = write_xlsx(
        tmp_path / "k.xlsx",
        [
            ["Koulu", "Koulumuoto", "Laite", "Sarjanumero"],
            ["Kesämäen koulu", "peruskoulu", "iPad", "S-1"],
            ["Kesämäen päiväkoti", "päiväkoti", "iPad", "S-2"],
            ["Kesämäen lukio", "avaruusasema", "iPad", "S-3"],
        ],
    )
    result = fresh("import", str(path), "--create-missing", "--skip-invalid", "--json")
    assert result.code == 0, result.err
    report = result.json()
    assert [(s["site"], s["code"], s["kind"]) for s in report["new_sites"]] == [
        ("Kesämäen koulu", "KES01", "comprehensive"),
        ("Kesämäen päiväkoti", "KES02", "early_childhood"),
    ]
    assert report["invalid"][0]["row"] == 4 and "'avaruusasema' is not a site kind" in report["invalid"][0]["reason"]


def test_a_foreign_tag_next_to_another_inventory_number_is_refused_with_the_fix(fresh, tmp_path, store_path):
    path = write_xlsx(
        tmp_path / "k.xlsx",
        [
            ["Tunniste", "Inventaarionumero", "Laite", "Koulu"],
            ["KES-001", "INV-9", "iPad", "Kesämäki"],
            ["KES-002", "KES-002", "iPad", "Kesämäki"],
        ],
    )
    before = dump(store_path)
    result = fresh("import", str(path), "--create-missing")
    assert result.code == 3
    assert (
        "row 2: Tunniste: 'KES-001' is not one of this app's asset tags, and the row already has the "
        "inventory number 'INV-9'; map that column as the serial or the inventory number instead"
    ) in result.err
    assert "row 3" not in result.err
    assert dump(store_path) == before


def test_an_existing_area_is_used_by_name_or_code(cli, city, tmp_path):
    path = write_xlsx(tmp_path / "k.xlsx", [["Koulu", "Laite", "Sarjanumero"], ["Kesämäen koulu", "iPad", "S-1"]])
    report = cli("import", str(path), "--create-missing", "--area", "ita", "--json").json()
    assert report["new_areas"] == []
    assert report["new_sites"] == [{"site": "Kesämäen koulu", "code": "KES01", "area": "Itä alue", "kind": "other"}]
    shown = cli("device", "show", "S-1", "--json").json()
    assert shown["area"] == "Itä alue"


def test_a_csv_list_with_a_title_line_and_blank_lines(fresh, tmp_path):
    text = (
        "Kesämäen koulu – laiteluettelo 2026;;;\r\n;;;\r\n\r\n"
        "Laitetunnus;Laite;Koulu;Luokka;Hinta\r\n"
        "KES-010;Tabletti;Kesämäen koulu;A1;399,00\r\n"
        "KES-011;Kannettava;Kesämäen koulu;A1;\r\n"
    )
    path = tmp_path / "lista.csv"
    path.write_bytes(text.encode("cp1252", errors="replace"))
    result = fresh("import", str(path), "--create-missing", "--json")
    assert result.code == 0, result.err
    report = result.json()
    assert (report["new"], report["invalid"], report["header_row"]) == (2, [], 4)


@pytest.mark.parametrize(
    "raw, message",
    [
        ({"columns": {"serial": "S"}, "from": "excel"}, '"from" must be one of snipe-it, glpi, inventree'),
        ({"columns": {"serial": "S"}, "date_order": "ymd"}, "date_order must be one of dmy, mdy"),
        ({"columns": {"serial": "S"}, "categories": {"*": "robot"}}, "unknown category code(s) robot"),
        ({"columns": {"serial": "S"}, "categories": ["tablet"]}, '"categories" must be'),
        ({"columns": {"serial": "S"}, "format": "1"}, '"format" must be a whole number'),
    ],
)
def test_a_bad_mapping_file_is_refused(fresh, tmp_path, store_path, raw, message):
    import json

    mapping = tmp_path / "m.json"
    mapping.write_text(json.dumps(raw), encoding="utf-8")
    before = dump(store_path)
    result = fresh("import", str(SNIPE), "--mapping", str(mapping))
    assert result.code == 3 and message in result.err
    assert dump(store_path) == before
