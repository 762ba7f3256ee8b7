"""Setting a city up from nothing with the command line alone, and every refusal (exit 3, nothing changed)."""

import io
import shutil
import sqlite3
from contextlib import redirect_stderr, redirect_stdout

import pytest

from inventory_app.core.identifiers import make_tag


def dump(path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def ok(cli, *args):
    result = cli(*args, "--json")
    assert result.code == 0, result.err
    return result.json()


TAGS = [make_tag("LPR", n) for n in (1, 2)]


@pytest.fixture(scope="module")
def city_template(tmp_path_factory):
    """The city built once per module with the CLI; each test gets its own copy (``city``)."""
    from inventory_app.app import main

    home = tmp_path_factory.mktemp("home")
    path = home / "template.sqlite"

    def run(*args):
        out, err = io.StringIO(), io.StringIO()
        with redirect_stdout(out), redirect_stderr(err):
            code = main(["--db", str(path), *args])
        assert code == 0, err.getvalue()
        import json

        return json.loads(out.getvalue()) if "--json" in args else None

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("INVENTORY_HOME", str(home))
        mp.delenv("INVENTORY_DB", raising=False)
        build_city(lambda *a: run(*a, "--json"))
    return path


@pytest.fixture
def city(city_template, store_path):
    shutil.copy(city_template, store_path)
    return TAGS


def test_the_city_is_built_from_a_fresh_init(cli):
    assert cli("init").code == 0
    build_city(lambda *a: ok(cli, *a))
    assert len(ok(cli, "site", "list")) == 5


def build_city(ok1):
    """Three areas, five sites, rooms, a contract and leased devices: the issue's first day, CLI only."""
    ok = lambda cli, *a: ok1(*a)  # noqa: E731
    cli = None
    ok(cli, "area", "add", "Keskusta")
    ok(cli, "area", "add", "Pohjoinen", "--code", "POH")
    ok(cli, "area", "add", "Etelä")
    for code, name, area, kind in (
        ("KES01", "Keskuskoulu", "Keskusta", "comprehensive"),
        ("LAU02", "Lauritsalan koulu", "Etelä", "primary"),
        ("POH03", "Pohjolan päiväkoti", "POH", "early_childhood"),
        ("LYS04", "Lyseon lukio", "keskusta", "upper_secondary"),
        ("SAL05", "Sammonlahden koulu", "Pohjoinen", "lower_secondary"),
    ):
        ok(cli, "site", "add", code, "--name", name, "--area", area, "--kind", kind, "--cost-centre", "41" + code[-2:])
    ok(cli, "room", "add", "KES01", "A101", "--name", "Luokka A101")
    ok(cli, "room", "add", "KES01", "OH1", "--kind", "staff_room")
    ok(cli, "room", "add", "LAU02", "B201")
    ok(
        cli,
        "contract",
        "add",
        "LEA-2026-01",
        "--lessor",
        "Atea Finland",
        "--start",
        "1.8.2026",
        "--end",
        "2030-07-31",
        "--notice-months",
        "6",
        "--fee-basis",
        "per_device",
        "--monthly-fee",
        "12,50",
        "--cost-centre",
        "4101",
    )
    tags = TAGS
    ok(
        cli,
        "device",
        "add",
        "--tag",
        tags[0],
        "--category",
        "pupil_laptop",
        "--site",
        "KES01",
        "--room",
        "A101",
        "--contract",
        "LEA-2026-01",
        "--lease-monthly-fee",
        "12,50",
    )
    ok(cli, "device", "add", "--tag", tags[1], "--category", "pupil_laptop", "--site", "KES01")
    device = ok(
        cli,
        "device",
        "set",
        tags[1],
        "ownership=leased",
        "contract=LEA-2026-01",
        "lease_end=31.12.2029",
        "lease_monthly_fee=12,50",
    )
    assert (device["ownership"], device["contract"], device["lease_end"], device["lease_monthly_fee"]) == (
        "leased",
        "LEA-2026-01",
        "2029-12-31",
        12.5,
    )
    return tags


def test_a_fresh_store_is_set_up_with_the_cli_alone(cli, city):
    areas = ok(cli, "area", "list")
    assert [(a["name"], a["sites"]) for a in areas] == [("Etelä", 1), ("Keskusta", 2), ("Pohjoinen", 2)]
    sites = ok(cli, "site", "list")
    assert sorted(s["code"] for s in sites) == ["KES01", "LAU02", "LYS04", "POH03", "SAL05"]
    kes = next(s for s in sites if s["code"] == "KES01")
    assert (kes["area"], kes["kind"], kes["cost_centre"], kes["classrooms"], kes["devices"]) == (
        "Keskusta",
        "comprehensive",
        "4101",
        1,
        2,
    )
    rooms = ok(cli, "site", "rooms", "KES01")
    assert [(r["code"], r["kind"], r["label_code"]) for r in rooms] == [
        ("A101", "classroom", "RMKES01A101"),
        ("OH1", "staff_room", "RMKES01OH1"),
    ]
    [contract] = ok(cli, "contract", "list")
    assert (
        contract["number"],
        contract["start"],
        contract["end"],
        contract["notice_months"],
        contract["fee_basis"],
        contract["monthly_fee"],
        contract["devices"],
    ) == ("LEA-2026-01", "2026-08-01", "2030-07-31", 6, "per_device", 12.5, 2)
    first = ok(cli, "device", "show", city[0])
    assert (first["ownership"], first["lease_end"]) == ("leased", "2030-07-31")  # the contract's end


def test_the_leasing_report_follows_the_new_contract_at_once(cli, city):
    report = cli("report", "leasing", "--json", "--as-of", "2029-10-01", "--months", "12")
    assert report.code == 0, report.err
    assert "LEA-2026-01" in report.out


def test_rename_and_retire_instead_of_delete(cli, city):
    assert ok(cli, "area", "set", "Keskusta", "name=Keskus")["name"] == "Keskus"
    assert (
        ok(
            cli,
            "site",
            "set",
            "LYS04",
            "name=Lappeenrannan lyseon lukio",
            "address=Kimpisenkatu 2",
            "notes=Uusi rakennus 2027",
        )["address"]
        == "Kimpisenkatu 2"
    )
    assert ok(cli, "room", "set", "KES01", "A101", "name=Kemian luokka", "kind=classroom")["name"] == "Kemian luokka"
    assert ok(cli, "site", "set", "SAL05", "retired=yes")["retired"] is True
    assert ok(cli, "contract", "set", "LEA-2026-01", "end=31.7.2031", "monthly_fee=13,00")["end"] == "2031-07-31"
    # a site nothing points to can be deleted; one with rooms and devices cannot
    assert cli("site", "delete", "POH03").code == 0
    assert "POH03" not in {s["code"] for s in ok(cli, "site", "list")}


def test_a_room_code_change_keeps_the_printed_label_working(cli, city):
    room = ok(cli, "room", "set", "KES01", "A101", "code=A102")
    assert (room["code"], room["label_code"]) == ("A102", "RMKES01A101")


REFUSALS = [
    (("area", "add", "keskusta"), "name: there is already an area called 'Keskusta'"),
    (("area", "add", "  "), "name: must not be empty"),
    (("area", "set", "Keskusta", "name=Etelä"), "already an area called 'Etelä'"),
    (("area", "set", "Nowhere", "name=X"), "no area is called 'Nowhere'"),
    (("area", "set", "Keskusta", "retired=yes"), "still has 2 sites in use"),
    (
        ("site", "add", "kes01", "--name", "X", "--area", "Keskusta", "--kind", "primary"),
        "code: site code KES01 is already used by 'Keskuskoulu'",
    ),
    (("site", "add", "NEW1", "--name", "X", "--area", "Nowhere", "--kind", "primary"), "area: no area is called"),
    (("site", "add", "NEW1", "--name", "X", "--area", "Keskusta", "--kind", "castle"), "kind: 'castle' is not known"),
    (("site", "add", "KÄÖ 1", "--name", "X", "--area", "Keskusta", "--kind", "primary"), "cannot be a site code"),
    (("site", "add", "NEW1", "--name", " ", "--area", "Keskusta", "--kind", "primary"), "name: must not be empty"),
    (("site", "set", "KES01", "colour=red"), "a site has no field 'colour'"),
    (("site", "set", "KES01", "code=LAU02"), "already used by 'Lauritsalan koulu'"),
    (("site", "set", "KES01", "retired=yes"), "still holds 2 devices"),
    (("site", "set", "KES01", "retired=maybe"), "retired: 'maybe' is not yes or no"),
    (("site", "set", "NOPE", "name=X"), "no site is called 'NOPE'"),
    (("site", "delete", "KES01"), "2 rooms, 2 devices still point to it; retire it instead"),
    (("room", "add", "KES01", "a101"), "code: this site already has a room A101"),
    (("room", "add", "KES01", "B1", "--kind", "kitchen"), "kind: 'kitchen' is not known"),
    (("room", "add", "NOPE", "B1"), "site: no site is called 'NOPE'"),
    (("room", "add", "KES01", "B/1"), "cannot be a room code"),
    (("room", "set", "KES01", "A101", "retired=yes"), "room A101 still holds 1 devices"),
    (("room", "set", "KES01", "Z9", "name=X"), "has no room 'Z9'"),
    (("room", "delete", "KES01", "A101"), "1 devices still point to it"),
    (
        ("contract", "add", "lea-2026-01", "--lessor", "X", "--start", "1.1.2026", "--end", "1.1.2027"),
        "number: contract LEA-2026-01 already exists",
    ),
    (
        ("contract", "add", "C2", "--lessor", "X", "--start", "1.8.2026", "--end", "31.7.2026"),
        "end: the contract ends (31.07.2026) before it starts (01.08.2026)",
    ),
    (("contract", "add", "C2", "--lessor", "X", "--start", "31.2.2026", "--end", "1.1.2027"), "start: '31.2.2026'"),
    (
        ("contract", "add", "C2", "--lessor", "X", "--start", "1.1.2026", "--end", "1.1.2027", "--monthly-fee", "-1"),
        "monthly_fee: cannot be negative",
    ),
    (
        ("contract", "add", "C2", "--lessor", "X", "--start", "1.1.2026", "--end", "1.1.2027", "--monthly-fee", "abc"),
        "monthly_fee: 'abc' is not a euro amount",
    ),
    (
        ("contract", "add", "C2", "--lessor", "X", "--start", "1.1.2026", "--end", "1.1.2027", "--fee-basis", "weekly"),
        "fee_basis: 'weekly' is not known",
    ),
    (
        ("contract", "add", "C2", "--lessor", "X", "--start", "1.1.2026", "--end", "1.1.2027", "--notice-months", "x"),
        "notice_months: 'x' is not a whole number",
    ),
    (("contract", "add", "C2", "--lessor", "", "--start", "1.1.2026", "--end", "1.1.2027"), "lessor: must not be"),
    (("contract", "set", "LEA-2026-01", "end=1.1.2020"), "ends (01.01.2020) before it starts"),
    (("contract", "delete", "LEA-2026-01"), "2 devices still point to it"),
    (("model", "add", "X", "--category", "toaster"), "category: no category 'toaster'"),
    (("model", "add", "X", "--lifetime", "0"), "lifetime_years: must be between 1 and 30"),
    (("device", "set", "LPR000001J", "lease_end=31.13.2029"), "is not a date"),
    (("device", "set", "LPR000001J", "lease_monthly_fee=-12"), "cannot be negative"),
    (("device", "set", "LPR000001J", "ownership=owned"), "under a leasing contract; clear it too"),
    (("device", "set", "LPR000001J", "contract=NOPE"), "no leasing contract 'NOPE'"),
]


@pytest.mark.parametrize(("args", "message"), REFUSALS, ids=[" ".join(a[:3]) for a, _ in REFUSALS])
def test_bad_input_is_refused_with_the_field_named_and_nothing_changed(cli, city, store_path, args, message):
    before = dump(store_path)
    result = cli(*args)
    assert result.code == 3, (result.out, result.err)
    assert message in result.err
    assert dump(store_path) == before


def test_a_retired_site_refuses_new_rooms_and_devices(cli, city, store_path):
    ok(cli, "site", "set", "LAU02", "retired=yes")
    before = dump(store_path)
    result = cli("room", "add", "LAU02", "B202")
    assert result.code == 3 and "site: 'Lauritsalan koulu' is retired" in result.err
    result = cli("device", "set", city[0], "site=LAU02")
    assert result.code == 3 and "is retired" in result.err
    assert dump(store_path) == before
    # bringing it back makes it usable again
    ok(cli, "site", "set", "LAU02", "retired=no")
    assert ok(cli, "room", "add", "LAU02", "B202")["code"] == "B202"


def test_a_retired_contract_is_not_offered_to_new_devices(cli, city):
    ok(cli, "contract", "add", "OLD-1", "--lessor", "X", "--start", "1.1.2020", "--end", "31.12.2023")
    ok(cli, "contract", "set", "OLD-1", "retired=yes")
    result = cli("device", "set", city[0], "contract=OLD-1")
    assert result.code == 3 and "contract: OLD-1 is retired" in result.err


# -- site import -----------------------------------------------------------------------------------

SITES_CSV = (
    "Alue;Tunnus;Nimi;Tyyppi;Kustannuspaikka;Huoneet\n"
    "Keskusta;KES01;Keskuskoulu;yhtenäiskoulu;4100;A101, A102, OH1\n"
    "Etelä;LAU02;Lauritsalan koulu;alakoulu;4200;B201\n"
    "Itä;ITA03;Itäisen päiväkoti;päiväkoti;;\n"
)


def test_site_import_creates_areas_sites_and_rooms_after_a_dry_run(cli, store_path, tmp_path):
    assert cli("init").code == 0
    path = tmp_path / "koulut.csv"
    path.write_text(SITES_CSV, encoding="utf-8")
    before = dump(store_path)
    preview = ok(cli, "site", "import", str(path), "--dry-run")
    assert preview["areas_created"] == ["Keskusta", "Etelä", "Itä"] and preview["rooms_created"] == 4
    assert dump(store_path) == before
    result = ok(cli, "site", "import", str(path))
    assert (result["sites_created"], result["rooms_created"]) == (["KES01", "LAU02", "ITA03"], 4)
    sites = {s["code"]: s for s in ok(cli, "site", "list")}
    assert (sites["ITA03"]["kind"], sites["KES01"]["cost_centre"], sites["KES01"]["area"]) == (
        "early_childhood",
        "4100",
        "Keskusta",
    )
    assert [r["code"] for r in ok(cli, "site", "rooms", "KES01")] == ["A101", "A102", "OH1"]
    again = ok(cli, "site", "import", str(path))
    assert again["sites_unchanged"] == ["KES01", "LAU02", "ITA03"] and again["rooms_created"] == 0


def test_site_import_reads_an_english_xlsx_and_updates_what_changed(cli, city, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Area", "Code", "Name", "Kind", "Cost centre", "Rooms"])
    sheet.append(["Keskusta", "KES01", "Keskuskoulu", "comprehensive", "9999", "A101, C301"])
    sheet.append(["Länsi", "LAN06", "Lännen koulu", "primary", None, None])
    path = tmp_path / "sites.xlsx"
    book.save(path)
    result = ok(cli, "site", "import", str(path))
    assert (result["areas_created"], result["sites_created"], result["sites_updated"], result["rooms_created"]) == (
        ["Länsi"],
        ["LAN06"],
        ["KES01"],
        1,
    )
    assert next(s for s in ok(cli, "site", "list") if s["code"] == "KES01")["cost_centre"] == "9999"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("Alue;Tunnus;Nimi;Tyyppi\nKeskusta;X1;Koulu;linna\n", "kind: 'linna' is not known"),
        ("Alue;Tunnus;Nimi\nKeskusta;X1;Koulu\nKeskusta;x1;Toinen\n", "code x1 is already on row 2"),
        ("Alue;Tunnus;Nimi\nKeskusta;KÄÄ 1;Koulu\n", "cannot be a site code"),
        ("Alue;Tunnus;Nimi;Huoneet\nKeskusta;NEW9;Koulu;A/1\n", "cannot be a room code"),
        ("Alue;Nimi\nKeskusta;Koulu\n", "the column 'Tunnus' is missing"),
        ("Alue;Tunnus;Nimi;Väri\nKeskusta;X1;Koulu;punainen\n", "unknown column 'Väri'"),
    ],
)
def test_a_bad_site_list_is_refused_whole_and_nothing_changes(cli, city, store_path, tmp_path, content, message):
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    before = dump(store_path)
    result = cli("site", "import", str(path))
    assert result.code == 3, result.err
    assert message in result.err and "nothing was imported" in result.err
    assert dump(store_path) == before


def test_a_good_row_is_not_kept_when_a_later_row_is_refused(cli, city, store_path, tmp_path):
    path = tmp_path / "mixed.csv"
    path.write_text(
        "Alue;Tunnus;Nimi;Huoneet\nUusi alue;OK01;Hyvä koulu;A1\nKeskusta;LAU02;Lauritsala;B/2\n", encoding="utf-8"
    )
    before = dump(store_path)
    result = cli("site", "import", str(path))
    assert result.code == 3 and "row 3" in result.err
    assert dump(store_path) == before


def test_device_add_takes_the_lease_fields_too(cli, city):
    tag = make_tag("LPR", 3)
    device = ok(
        cli,
        "device",
        "add",
        "--tag",
        tag,
        "--category",
        "tablet",
        "--site",
        "LAU02",
        "--room",
        "B201",
        "--ownership",
        "leased",
        "--contract",
        "LEA-2026-01",
        "--lease-end",
        "2029-06-30",
        "--lease-monthly-fee",
        "7,90",
    )
    assert (device["ownership"], device["contract"], device["lease_end"], device["lease_monthly_fee"]) == (
        "leased",
        "LEA-2026-01",
        "2029-06-30",
        7.9,
    )
    result = cli(
        "device",
        "add",
        "--tag",
        make_tag("LPR", 4),
        "--category",
        "tablet",
        "--site",
        "LAU02",
        "--ownership",
        "owned",
        "--contract",
        "LEA-2026-01",
    )
    assert result.code == 3 and "leased, not owned" in result.err
