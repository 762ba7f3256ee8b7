"""Exports re-read and compared cell by cell: CSV, XLSX; the PDF exists, has pages and its title."""

from __future__ import annotations

import csv
import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path

import pytest

from inventory_app.reports.export import write_csv, write_xlsx
from inventory_app.reports.service import ReportParams, ReportService
from tests.reports.conftest import AS_OF, World


def cost_report(world: World):
    return ReportService(world.store).run(ReportParams(name="cost-per-pupil", as_of=AS_OF))


def test_csv_round_trip_cell_by_cell(world: World) -> None:
    result = cost_report(world)
    path = world.folder / "cost.csv"
    write_csv(result, path)
    with path.open(encoding="utf-8-sig", newline="") as fh:
        cells = list(csv.reader(fh))
    assert cells[0] == ["Per site"]
    assert cells[1] == [
        "Site",
        "Area",
        "Pupils",
        "Annual cost €",
        "€ per pupil",
        "of which leases €",
        "of which owned €",
        "Devices paid for",
        "Pupil devices in use",
        "Devices per pupil",
        "Target per pupil",
    ]
    # Inventory beside cost: Alpha's pupil devices in use are d1 d2 d3 d16 (4 / 40 pupils), target 0,25.
    assert cells[2] == [
        "Alpha school",
        "North",
        "40",
        "1420.00",
        "35.50",
        "720.00",
        "700.00",
        "6",
        "4",
        "0.100",
        "0.25",
    ]
    # Beta: tablets d8 d11 d14 in use (d9 is lost): 3 / 45.
    assert cells[3][8:] == ["3", "0.067", "0.2"]
    assert cells[4] == ["Gamma office", "South", "", "500.00", "", "300.00", "200.00", "2", "", "", ""]
    assert cells[5] == [] and cells[6] == ["Per area"]
    # North: 7 devices / 85 pupils; required ceil(0,25 x 40) + ceil(0,2 x 45) = 19 -> 19 / 85 per pupil.
    assert cells[8] == ["North", "2", "85", "2215.00", "26.06", "7", "0.082", "0.224"]


def test_finnish_csv_opens_in_a_finnish_excel(world: World) -> None:
    path = world.folder / "kustannus.csv"
    write_csv(cost_report(world), path, "fi")
    with path.open(encoding="utf-8-sig", newline="") as fh:
        cells = list(csv.reader(fh, delimiter=";"))
    assert cells[0] == ["Kohteittain"]
    assert cells[1][:5] == ["Kohde", "Alue", "Oppilaita", "Vuosikustannus €", "€ oppilasta kohden"]
    assert cells[2] == [
        "Alpha school",
        "North",
        "40",
        "1420,00",
        "35,50",
        "720,00",
        "700,00",
        "6",
        "4",
        "0,100",
        "0,25",
    ]


def test_xlsx_has_real_numbers_and_dates(world: World) -> None:
    from openpyxl import load_workbook

    result = ReportService(world.store).run(ReportParams(name="leasing", as_of=AS_OF))
    path = world.folder / "leasing.xlsx"
    write_xlsx(result, path)
    wb = load_workbook(path)
    assert wb.sheetnames == ["Summary", "Contracts", "Leased devices"]
    summary = wb["Summary"]
    assert summary["A1"].value == "Leases ending within 12 months"
    assert summary["B3"].value == datetime(2026, 3, 15) and summary["B3"].is_date
    sheet = wb["Contracts"]
    assert [c.value for c in sheet[1]] == [
        "Lessor",
        "Contract",
        "Start",
        "End",
        "Notice (months)",
        "Notice deadline",
        "Devices",
        "Monthly cost €",
        "Why listed",
        "Notice status",
    ]
    for row, expected in zip(sheet.iter_rows(min_row=2), result.section("contracts").rows, strict=True):
        values = [c.value for c in row]
        assert values[1] == expected["contract"]
        assert values[3] == datetime.combine(expected["end_date"], datetime.min.time()) and row[3].is_date
        assert values[6] == expected["devices"] and isinstance(values[6], int)
        assert values[7] == pytest.approx(float(expected["monthly_cost"])) and isinstance(values[7], (int, float))
        assert row[7].number_format == '#,##0.00 "€"'
    devices = wb["Leased devices"]
    assert devices.max_row == 1 + len(result.section("devices").rows)


def test_cli_writes_csv_and_xlsx(world: World, cli) -> None:
    out = cli("report", "age", "--as-of", "15.3.2026", "--format", "xlsx", "--out", str(world.folder / "age.xlsx"))
    assert out.code == 0, out.err
    from openpyxl import load_workbook

    wb = load_workbook(world.folder / "age.xlsx")
    assert wb.sheetnames[2] == "Units by share of outdated devi"  # Excel allows 31 characters
    units = wb.worksheets[2]
    assert [c.value for c in units[2]][:6] == ["North", "Beta daycare", "Early childhood", 3, 1, pytest.approx(0.3333)]
    out = cli("report", "inventory", "--site", "ALP", "--format", "csv", "--as-of", "2026-03-15", "--lang", "en")
    assert out.code == 0 and "Devices per area, group and status" in out.out.splitlines()[0]


def test_pdf_has_pages_and_the_title(world: World, cli) -> None:
    path = world.folder / "cost.pdf"
    out = cli("report", "cost-per-pupil", "--as-of", "15.3.2026", "--format", "pdf", "--out", str(path))
    assert out.code == 0, out.err
    data = path.read_bytes()
    assert data.startswith(b"%PDF") and b"/Type /Page" in data.replace(b"/Type/Page", b"/Type /Page")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
        assert "Annual device cost per pupil" in text and "Alpha school" in text


def test_report_on_the_demo_city_finds_the_planted_discrepancies(tmp_path: Path, cli) -> None:
    db = str(tmp_path / "demo.sqlite")
    made = cli("demo", "--devices", "800", "--as-of", "2026-03-15", "--json", db=db)
    assert made.code == 0, made.err
    planted = made.json()["planted_discrepancies"]
    out = cli(
        "report", "reconciliation", "--billing", made.json()["billing_file"], "--as-of", "2026-03-15", "--json", db=db
    )
    assert out.code == 0, out.err
    data = out.json()
    assert sum(1 for r in data["billed_not_found"] if r["reason"] == "not_in_inventory") == planted["billed_not_found"]
    assert len(data["billed_twice"]) == planted["billed_twice"]
    assert len(data["found_not_billed"]) == planted["found_not_billed"]
    assert len(data["billed_to_other_unit"]) == planted["billed_to_other_unit"]
    assert date.fromisoformat(data["as_of"]) == date(2026, 3, 15)


def test_formula_like_text_is_written_as_text_never_a_formula(tmp_path: Path) -> None:
    """A site or lessor name like "=HYPERLINK(...)" must not become a live formula in a controller's file."""
    from decimal import Decimal

    from openpyxl import load_workbook

    from inventory_app.reports.model import Column, Kind, ReportResult, Scope, Section

    rows = [
        {
            "site": '=HYPERLINK("http://evil.example","x")',
            "lessor": "+358 40 123",
            "note": "-1",
            "at": "@SUM(A1)",
            "amount": Decimal("-12.50"),
        }
    ]
    columns = [
        Column("site", "Site"),
        Column("lessor", "Lessor"),
        Column("note", "Notes"),
        Column("at", "Code"),
        Column("amount", "Amount €", Kind.MONEY),
    ]
    result = ReportResult(
        "x", "Test", Scope("city", None, "City"), AS_OF, [Section("rows", "Rows", columns, rows)], notes=["=1+1"]
    )
    csv_path = tmp_path / "x.csv"
    write_csv(result, csv_path)
    with csv_path.open(encoding="utf-8-sig", newline="") as fh:
        cells = list(csv.reader(fh))
    assert cells[1] == ['\'=HYPERLINK("http://evil.example","x")', "'+358 40 123", "'-1", "'@SUM(A1)", "-12.50"]
    xlsx = tmp_path / "x.xlsx"
    write_xlsx(result, xlsx, "fi")
    book = load_workbook(xlsx)
    sheet = book.worksheets[1]
    row = list(sheet.iter_rows(min_row=2, max_row=2))[0]
    assert [c.data_type for c in row[:4]] == ["s"] * 4
    assert row[0].value == '\'=HYPERLINK("http://evil.example","x")' and row[4].value == -12.5
    assert all(c.data_type != "f" for ws in book.worksheets for r in ws.iter_rows() for c in r)
