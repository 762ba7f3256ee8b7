"""The full export carries the city (sites with their areas, rooms, contracts) as well as the devices:
importing it into a fresh store rebuilds the same inventory."""

import sqlite3

import pytest
from openpyxl import load_workbook

from tests.support import dump

DEVICE_COLUMNS = (
    "id",
    "asset_tag",
    "serial",
    "inventory_number",
    "mac",
    "status",
    "condition",
    "ownership",
    "purchase_date",
    "purchase_price_cents",
    "lease_monthly_fee_cents",
    "lease_end",
    "assigned_to",
    "notes",
    "deleted",
)


def city_dump(path):
    """Devices, areas, sites, rooms and contracts by their meaning (model ids differ between stores)."""
    conn = sqlite3.connect(path)
    try:
        q = conn.execute
        devices = sorted(
            q(f"""
            select {", ".join("d." + c for c in DEVICE_COLUMNS)}, c.code, m.manufacturer, m.name, d.site_id,
                   d.room_id, d.contract_id
            from devices d left join categories c on c.id = d.category_id left join models m on m.id = d.model_id
            where d.deleted = 0 and d.merged_into is null""").fetchall()
        )
        areas = sorted(q("select id, name, code from areas where deleted = 0").fetchall())
        sites = sorted(
            q("select id, area_id, name, code, kind, cost_centre, address from sites where deleted = 0").fetchall()
        )
        rooms = sorted(q("select id, site_id, code, name, kind, label_code from rooms where deleted = 0").fetchall())
        contracts = sorted(
            q("""select id, lessor, contract_number, start_date, end_date, notice_months,
                                monthly_fee_cents, fee_basis, cost_centre from leasing_contracts where deleted = 0""").fetchall(),
            key=str,
        )
        return {"devices": devices, "areas": areas, "sites": sites, "rooms": rooms, "contracts": contracts}
    finally:
        conn.close()


@pytest.fixture
def demo(cli):
    result = cli("demo", "--devices", "300", "--seed", "5", "--json")
    assert result.code == 0, result.err
    return result.json()


def test_full_export_rebuilds_the_inventory_in_a_fresh_store(cli, demo, tmp_path, store_path):
    out = tmp_path / "full.xlsx"
    assert cli("export", "--out", str(out)).code == 0
    assert load_workbook(out, read_only=True).sheetnames == ["Devices", "Sites", "Rooms", "Contracts"]
    fresh = tmp_path / "fresh.sqlite"
    assert cli("init", db=str(fresh)).code == 0
    result = cli("import", str(out), "--json", db=str(fresh))
    assert result.code == 0, result.err
    report = result.json()
    assert (report["new"], report["invalid"]) == (demo["devices"], [])
    original, rebuilt = city_dump(store_path), city_dump(fresh)
    for part in ("areas", "sites", "rooms", "contracts", "devices"):
        assert rebuilt[part] == original[part], part
    # And the rebuilt store exports the same file again: nothing more to import.
    before = dump(fresh)
    again = cli("import", str(out), "--json", db=str(fresh)).json()
    assert (again["new"], again["changed"], again["new_sites"], again["new_rooms"]) == (0, 0, [], [])
    assert dump(fresh) == before


def test_structure_sheet_errors_refuse_the_file(cli, demo, tmp_path):
    from openpyxl import load_workbook as open_book

    out = tmp_path / "full.xlsx"
    cli("export", "--out", str(out))
    book = open_book(out)
    book["Contracts"].append(["LPR-X-1", "Leasing Oy", "31.2.2025"])
    book.save(out)
    fresh = tmp_path / "fresh.sqlite"
    cli("init", db=str(fresh))
    before = dump(fresh)
    result = cli("import", str(out), db=str(fresh))
    assert result.code == 3
    assert "sheet Contracts" in result.err and "31.2.2025" in result.err
    assert dump(fresh) == before


def test_full_export_rebuilds_the_inventory_in_a_postgresql_store(cli, tmp_path, pg_url):
    assert cli("demo", "--devices", "120", "--seed", "9").code == 0
    out = tmp_path / "full.xlsx"
    assert cli("export", "--out", str(out)).code == 0
    assert cli("init", db=pg_url).code == 0
    result = cli("import", str(out), "--json", db=pg_url)
    assert result.code == 0, result.err
    assert (result.json()["new"], result.json()["invalid"]) == (120, [])
    sites = {s["code"]: s["devices"] for s in cli("site", "list", "--json").json()}
    assert {s["code"]: s["devices"] for s in cli("site", "list", "--json", db=pg_url).json()} == sites
    again = cli("import", str(out), "--json", db=pg_url).json()
    assert (again["new"], again["changed"], again["new_sites"]) == (0, 0, [])


@pytest.mark.parametrize(
    "sheet, row, message",
    [
        ("Rooms", ["NOPE99", "A1", None, "classroom"], "sheet Rooms, row"),
        ("Rooms", ["KON07X", "A1", None, "swimming pool"], "'swimming pool' is not a room kind"),
        ("Sites", ["Itä", None, "X1", "Uusi koulu", "castle"], "'castle' is not a site kind"),
        ("Sites", ["Itä", None, "X2", "Toinen koulu", "other", None, None, "not-an-id"], "'not-an-id' is not an id"),
    ],
)
def test_bad_structure_rows_refuse_the_file(cli, demo, tmp_path, sheet, row, message):
    from openpyxl import load_workbook as open_book

    out = tmp_path / "full.xlsx"
    cli("export", "--out", str(out))
    book = open_book(out)
    book[sheet].append(row)
    book.save(out)
    fresh = tmp_path / "fresh.sqlite"
    cli("init", db=str(fresh))
    before = dump(fresh)
    result = cli("import", str(out), db=str(fresh))
    assert result.code == 3 and message in result.err, result.err
    assert dump(fresh) == before
