"""Export -> import changes nothing: the exported file is exactly what the importer reads back."""

import csv

import pytest

from tests.support import dump


@pytest.fixture
def demo(cli):
    result = cli("demo", "--devices", "400", "--seed", "11", "--json")
    assert result.code == 0, result.err
    return result.json()


@pytest.mark.parametrize("suffix", ["xlsx", "csv"])
def test_round_trip_changes_nothing(cli, demo, tmp_path, store_path, suffix):
    out = tmp_path / f"inventory.{suffix}"
    exported = cli("export", "--out", str(out), "--json").json()
    assert exported["devices"] == demo["devices"]
    before = dump(store_path)
    result = cli("import", str(out), "--json")
    assert result.code == 0, result.err
    report = result.json()
    assert (report["new"], report["changed"], report["unchanged"], report["invalid"]) == (0, 0, demo["devices"], [])
    assert report["ignored_columns"] == []
    assert dump(store_path) == before


def test_an_edited_export_changes_just_the_edited_cells(cli, demo, tmp_path):
    out = tmp_path / "inventory.csv"
    cli("export", "--out", str(out))
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    header = rows[0]
    rows[1][header.index("Notes")] = "Näyttö vaihdettu"
    rows[2][header.index("Purchase price")] = "1 000,00"
    with out.open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh, delimiter=";").writerows(rows)
    report = cli("import", str(out), "--json").json()
    assert (report["new"], report["changed"]) == (0, 2)
    shown = cli("device", "show", rows[1][0], "--json").json()
    assert shown["notes"] == "Näyttö vaihdettu"


def test_export_of_one_site(cli, demo, tmp_path):
    sites = cli("site", "list", "--json").json()
    site = max(sites, key=lambda s: s["devices"])
    exported = cli("export", "--out", str(tmp_path / "s.xlsx"), "--site", site["code"], "--json").json()
    assert exported["devices"] == site["devices"]
    refused = cli("export", "--out", str(tmp_path / "s.pdf"))
    assert refused.code == 3 and ".csv or .xlsx" in refused.err
