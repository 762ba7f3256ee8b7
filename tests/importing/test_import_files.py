"""Importing a secretary's spreadsheet: Finnish headers and words, cp1252, semicolons, decimal commas,
bad rows named by spreadsheet row, nothing duplicated on the second try."""

import json
from datetime import date

import pytest
from openpyxl import Workbook

from inventory_app.inventory.service import InventoryService
from tests.support import dump

HEADER = (
    "Koulu;Luokka;Laitetyyppi;Valmistaja;Malli;Sarjanumero;Inventaarionumero;Hankintapäivä;Hankintahinta;Huom;Tunniste"
)
GOOD_ROWS = [
    "Kontulan peruskoulu;A101;Kannettava tietokone;Lenovo;ThinkPad 11e;LN-1001;INV-77;15.8.2022;1 234,50;Pöydän alla;HKI000001P",
    "KON07;B202;Dokumenttikamera;IPEVO;V4K;IP-2002;;1.9.2021;110,00;;",
    "Malmin päiväkoti;SALI;Projektori;Epson;EB-W49;EP-3003;INV-78;3.1.2020;649;Vanha;",
    "kon07;a101;Tabletti;Apple;iPad 10.2;AP-4004;;;;;",
]


def write_csv(path, lines, encoding="cp1252", newline="\r\n"):
    path.write_bytes(newline.join(lines).encode(encoding) + newline.encode())
    return path


@pytest.fixture
def good_file(tmp_path):
    return write_csv(tmp_path / "laitteet.csv", [HEADER, *GOOD_ROWS])


def test_finnish_cp1252_semicolon_file_imports(cli, city, good_file):
    result = cli("import", str(good_file), "--json")
    assert result.code == 0, result.err
    report = result.json()
    assert (report["new"], report["changed"], report["unchanged"], report["invalid"]) == (4, 0, 0, [])
    assert report["new_rooms"] == [{"site": "Kontulan peruskoulu", "room": "B202"}]
    service = InventoryService(city)
    laptop = service.show("LN-1001")
    assert laptop.category == "pupil_laptop" and laptop.site == "Kontulan peruskoulu" and laptop.room == "A101"
    assert str(laptop.purchase_price) == "1234.50" and laptop.purchase_date == date(2022, 8, 15)
    assert laptop.asset_tag == "HKI000001P" and laptop.inventory_number == "INV-77" and laptop.notes == "Pöydän alla"
    assert (laptop.manufacturer, laptop.model) == ("Lenovo", "ThinkPad 11e")
    camera = service.show("IP-2002")
    assert camera.room == "B202" and camera.category == "document_camera" and camera.asset_tag is None
    assert service.show("EP-3003").purchase_price is not None and service.show("AP-4004").room == "A101"


def test_second_import_of_the_same_file_changes_nothing(cli, city, good_file, store_path):
    assert cli("import", str(good_file)).code == 0
    before = dump(store_path)
    again = cli("import", str(good_file), "--json").json()
    assert (again["new"], again["changed"], again["unchanged"]) == (0, 0, 4)
    assert dump(store_path) == before


def test_an_edited_row_updates_its_device_instead_of_adding_one(cli, city, good_file, tmp_path):
    assert cli("import", str(good_file)).code == 0
    edited = write_csv(
        tmp_path / "edited.csv",
        [
            "Sarjanumero;Luokka;Koulu;Huom",
            "ip 2002;A101;KON07;Siirretty",  # the serial written differently still finds the device
        ],
    )
    report = cli("import", str(edited), "--json").json()
    assert (report["new"], report["changed"]) == (0, 1)
    camera = InventoryService(city).show("IP-2002")
    assert camera.room == "A101" and camera.notes == "Siirretty"
    assert len(InventoryService(city).list()) == 4


BAD_ROWS = {
    3: "Kontulan peruskoulu;A101;Projektori;Epson;EB-W49;EP-5005;;31.2.2020;100;;",  # no 31 February
    4: "Kontulan peruskoulu;A101;Projektori;Epson;EB-W49;EP-5006;;1.1.2020;12,3,4;;",  # not a number
    5: "Tuntematon koulu;A101;Projektori;Epson;EB-W49;EP-5007;;;;;",  # unknown site
    6: "KON07;A101;Leijuva lauta;X;Y;EP-5008;;;;;",  # unknown device type
    7: "KON07;A101;Projektori;Epson;EB-W49;DUP-1;;;;;",  # serial twice
    8: "KON07;A101;Projektori;Epson;EB-W49;DUP-1;;;;;",
    9: "KON07;A101;Projektori;Epson;EB-W49;EP-5009;;;;;HKI000002X",  # wrong check character (N is right)
    10: "KON07;A101;Projektori;;;;;;;Ei tunnistetta;",  # no identifier at all
}


@pytest.fixture
def bad_file(tmp_path):
    return write_csv(tmp_path / "virheet.csv", [HEADER, GOOD_ROWS[0], *BAD_ROWS.values()])


def test_a_file_with_bad_rows_is_refused_whole_naming_every_row(cli, city, bad_file, store_path):
    before = dump(store_path)
    result = cli("import", str(bad_file), "--json")
    assert result.code == 3
    report = result.json()
    reasons = {item["row"]: item["reason"] for item in report["invalid"]}
    assert sorted(reasons) == sorted(BAD_ROWS)
    assert "31.2.2020" in reasons[3] and "Hankintapäivä" in reasons[3]
    assert "12,3,4" in reasons[4] and "Hankintahinta" in reasons[4]
    assert "unknown site 'Tuntematon koulu'" in reasons[5]
    assert "Leijuva lauta" in reasons[6]
    assert "row 8" in reasons[7] and "row 7" in reasons[8]
    assert "check character" in reasons[9]
    assert "no identifier" in reasons[10]
    assert report["written"] is False
    assert dump(store_path) == before
    assert "nothing was imported" in result.err


def test_skip_invalid_imports_only_the_good_rows(cli, city, bad_file):
    result = cli("import", str(bad_file), "--skip-invalid", "--json")
    assert result.code == 0, result.err
    report = result.json()
    assert report["new"] == 1 and report["skipped_invalid"] == len(BAD_ROWS)
    assert [d.serial for d in InventoryService(city).list()] == ["LN-1001"]


def test_dry_run_writes_nothing(cli, city, good_file, store_path):
    before = dump(store_path)
    result = cli("import", str(good_file), "--dry-run", "--json")
    assert result.code == 0 and result.json()["new"] == 4
    assert dump(store_path) == before


def test_refused_file_shapes_change_nothing(cli, city, tmp_path, store_path):
    before = dump(store_path)
    no_ident = write_csv(tmp_path / "a.csv", ["Koulu;Malli", "KON07;X"])
    empty = write_csv(tmp_path / "b.csv", [""])
    folder = tmp_path / "dir.csv"
    folder.mkdir()
    for path, words in (
        (no_ident, "no identifier column"),
        (empty, "is empty"),
        (folder, "folder"),
        (tmp_path / "missing.csv", "no such file"),
    ):
        result = cli("import", str(path))
        assert result.code == 3 and words in result.err, result.err
    assert dump(store_path) == before


def test_tab_separated_utf8_bom_with_english_headers(cli, city, tmp_path):
    path = tmp_path / "devices.tsv"
    path.write_text(
        "\ufeffSite\tRoom\tCategory\tSerial\tPurchase price\tPurchase date\tStatus\tCondition\n"
        "KON07\tA101\tdocument camera\tDC-1\t99.90\t2024-02-29\tspare\tgood\n",
        encoding="utf-8",
    )
    assert cli("import", str(path)).code == 0
    view = InventoryService(city).show("DC-1")
    assert (view.status, view.condition, str(view.purchase_price)) == ("spare", "good", "99.90")


def test_xlsx_with_finnish_headers_typed_cells_and_a_saved_mapping(cli, city, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["Kampus", "Tila-numero", "Laji", "Laitteen S/N", "Ostettu", "Euroa", "Tila"])
    sheet.append(["KON07", "A101", "Opettajan kannettava", 123456789012, date(2023, 5, 2), 899.5, "käytössä"])
    sheet.append([None, None, None, None, None, None, None])  # a blank line keeps its row number
    sheet.append(["Tuntematon", "A101", "Tabletti", "TB-1", "2.5.2023", "1 000,00", "rikki"])
    path = tmp_path / "inventaario.xlsx"
    book.save(path)
    mapping = tmp_path / "kartoitus.json"
    mapping.write_text(
        json.dumps(
            {
                "columns": {
                    "site": "Kampus",
                    "room": "Tila-numero",
                    "category": "Laji",
                    "serial": "Laitteen S/N",
                    "purchase_date": "Ostettu",
                    "purchase_price": "Euroa",
                    "status": "Tila",
                }
            }
        ),
        encoding="utf-8",
    )
    refused = cli("import", str(path), "--mapping", str(mapping), "--json")
    assert refused.code == 3 and [i["row"] for i in refused.json()["invalid"]] == [4]
    result = cli("import", str(path), "--mapping", str(mapping), "--skip-invalid", "--json")
    assert result.code == 0, result.err
    view = InventoryService(city).show("123456789012")
    assert view.category == "staff_laptop" and view.purchase_date == date(2023, 5, 2)
    assert str(view.purchase_price) == "899.50" and view.status == "in_use"


def test_a_mapping_is_detected_saved_and_checked(cli, city, good_file, tmp_path):
    saved = tmp_path / "mapping.json"
    assert cli("import", str(good_file), "--dry-run", "--save-mapping", str(saved)).code == 0
    columns = json.loads(saved.read_text(encoding="utf-8"))["columns"]
    assert columns["site"] == "Koulu" and columns["asset_tag"] == "Tunniste" and columns["serial"] == "Sarjanumero"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"columns": {"colour": "Väri"}}), encoding="utf-8")
    result = cli("import", str(good_file), "--mapping", str(bad))
    assert result.code == 3 and "unknown field" in result.err


def test_a_tag_of_a_deleted_device_is_never_reused(cli, city, tmp_path, store_path):
    tag_file = write_csv(tmp_path / "t.csv", ["Koulu;Laitetyyppi;Tunniste", "KON07;Projektori;HKI000001P"])
    assert cli("import", str(tag_file)).code == 0
    assert cli("device", "set", "HKI000001P", "status=retired").code == 0
    from inventory_app.storage.schema import DeviceRecord

    with city.unit_of_work() as uow:
        for record in uow.session.query(DeviceRecord).all():
            record.deleted = True
    result = cli("import", str(tag_file), "--json")
    assert result.code == 3 and "never reused" in result.json()["invalid"][0]["reason"]


def test_a_dry_run_of_a_file_with_bad_rows_exits_3_like_the_import(cli, city, bad_file, store_path):
    """Found by a tester: scripts used `--dry-run` as a check and saw exit 0 for a file the import refuses."""
    before = dump(store_path)
    result = cli("import", str(bad_file), "--dry-run")
    assert result.code == 3 and "would be refused" in result.err
    assert cli("import", str(bad_file), "--dry-run", "--json").code == 3
    assert cli("import", str(bad_file), "--dry-run", "--skip-invalid").code == 0
    assert dump(store_path) == before
