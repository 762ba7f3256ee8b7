"""Target levels and populations: set, import (Finnish/English, ;/,/tab, cp1252/BOM, XLSX), refuse bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

from inventory_app.core.errors import RejectedInput
from inventory_app.core.tabular import read_delimited
from inventory_app.reports.levels import LevelsService, parse_school_year
from tests.reports.conftest import World


def snapshot(world: World) -> tuple:
    service = LevelsService(world.store)
    return (
        [t.to_json() for t in service.targets()],
        [p.to_json() for p in service.populations()],
        world.store.pending_changes(),
    )


def write(world: World, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = world.folder / name
    path.write_bytes(text.encode(encoding))
    return path


def test_populations_import_finnish_cp1252_semicolons(world: World) -> None:
    path = write(
        world,
        "oppilaat.csv",
        "Yksikkö;Lukuvuosi;Oppilaat;Henkilöstö\r\nALP;2025–2026;1 040;7\r\nGamma office;2025/26;12;4\r\n",
        "cp1252",
    )
    counts = LevelsService(world.store).import_populations(path)
    assert counts == {"added": 1, "changed": 1, "unchanged": 0}
    pops = {(p.site, p.school_year): (p.pupils, p.staff) for p in LevelsService(world.store).populations("2025-2026")}
    assert pops[("Alpha school", "2025-2026")] == (1040, 7)
    assert pops[("Gamma office", "2025-2026")] == (12, 4)


def test_targets_import_english_tabs_with_bom(world: World) -> None:
    path = write(
        world,
        "targets.tsv",
        "Site kind\tGroup\tCategory\tBasis\tPer unit\r\n"
        "primary\tpupil\t\tper pupil\t0,5\r\nlukio\t\ttablet\toppilas\t1\r\n",
        "utf-8-sig",
    )
    counts = LevelsService(world.store).import_targets(path)
    assert counts == {"added": 1, "changed": 1, "unchanged": 0}
    levels = {(t.site_kind, t.target): (t.basis, float(t.per_unit)) for t in LevelsService(world.store).targets()}
    assert levels[("primary", "pupil")] == ("per_pupil", 0.5)
    assert levels[("upper_secondary", "tablet")] == ("per_pupil", 1.0)


def test_targets_import_xlsx(world: World) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["Yksikkötyyppi", "Laiteryhmä", "Peruste", "Tavoite"])
    wb.active.append(["päiväkoti", "oppilaslaitteet", "per oppilas", 0.3])
    wb.save(world.folder / "t.xlsx")
    assert LevelsService(world.store).import_targets(world.folder / "t.xlsx")["changed"] == 1


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Yksikkö;Oppilaat;Kengännumero\r\nALP;10;42\r\n", "unknown column 'Kengännumero'"),
        ("Yksikkö;Oppilaat\r\nALP;10\r\nBET;kymmenen\r\n", "row 3: 'kymmenen' is not a whole number"),
        ("Yksikkö;Oppilaat\r\nALP;10\r\nNowhere;5\r\n", "row 3: no site is called 'Nowhere'"),
        ("Yksikkö;Lukuvuosi;Oppilaat\r\nALP;2025-2027;10\r\n", "row 2: '2025-2027' is not a school year"),
        ("Yksikkö;Oppilaat\r\nALP;10\r\nalp;11\r\n", "row 3: 'alp' 2025-2026 is also on row 2"),
        ("Yksikkö;Oppilaat\r\nALP;-3\r\n", "pupils cannot be negative"),
    ],
)
def test_a_bad_population_file_changes_nothing(world: World, text: str, message: str) -> None:
    before = snapshot(world)
    with pytest.raises(RejectedInput, match=message):
        LevelsService(world.store, today=lambda: __import__("datetime").date(2026, 3, 15)).import_populations(
            write(world, "bad.csv", text)
        )
    assert snapshot(world) == before


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "Site kind;Group;Basis;Per unit\r\nprimary;pupil;per_pupil;0,5\r\nprimary;pupil;per_pupil;lots\r\n",
            "row 3: 'lots' is not a number",
        ),
        ("Site kind;Group;Basis;Per unit\r\ncastle;pupil;per_pupil;1\r\n", "'castle' is not a site kind"),
        ("Site kind;Group;Basis;Per unit\r\nprimary;toys;per_pupil;1\r\n", "row 2: 'toys' is not a category group"),
        ("Site kind;Group;Basis;Per unit;Colour\r\nprimary;pupil;per_pupil;1;red\r\n", "unknown column 'Colour'"),
    ],
)
def test_a_bad_target_file_changes_nothing(world: World, text: str, message: str) -> None:
    before = snapshot(world)
    with pytest.raises(RejectedInput, match=message):
        LevelsService(world.store).import_targets(write(world, "bad.csv", text))
    assert snapshot(world) == before


def test_cli_set_and_list(world: World, cli) -> None:
    assert cli("targets", "set", "primary", "pupil", "per_pupil", "0,4").code == 0
    listed = cli("targets", "list", "--json").json()
    assert {"site_kind": "primary", "target": "pupil", "basis": "per_pupil", "per_unit": 0.4} in [
        {k: t[k] for k in ("site_kind", "target", "basis", "per_unit")} for t in listed
    ]
    assert len([t for t in listed if t["site_kind"] == "primary" and t["target"] == "pupil"]) == 1
    out = cli("populations", "set", "BET", "--year", "2025-2026", "--pupils", "50")
    assert out.code == 0, out.err
    pops = cli("populations", "list", "--year", "2025-2026", "--json").json()
    assert next(p for p in pops if p["site"] == "Beta daycare")["pupils"] == 50
    assert cli("populations", "set", "BET", "--pupils", "-1").code == 3


def test_reader_detects_delimiters_and_decimal_commas() -> None:
    table = read_delimited('a,b\n"1 234,50 €",2\n'.encode(), "x.csv")
    assert table.headers == ["a", "b"] and table.rows == [["1 234,50 €", "2"]]
    assert read_delimited(b"a\tb\n1\t2\n").headers == ["a", "b"]
    assert parse_school_year("2026", "") == "2026-2027"
