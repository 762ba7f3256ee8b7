"""Every report over the hand-worked city of conftest.py; the expected figures are worked out there."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from inventory_app.core.errors import RejectedInput
from inventory_app.reports.service import ReportParams, ReportService
from tests.reports.conftest import AS_OF, World, add_audit

E = Decimal


def run(world: World, name: str, **kw) -> object:
    return ReportService(world.store).run(ReportParams(name=name, as_of=kw.pop("as_of", AS_OF), **kw))


def by(rows: list[dict], *keys: str) -> dict:
    return {tuple(r[k] for k in keys) if len(keys) > 1 else r[keys[0]]: r for r in rows}


# ---- cost per pupil ------------------------------------------------------------------------------


def test_cost_per_pupil_per_site_area_and_city(world: World) -> None:
    result = run(world, "cost-per-pupil")
    sites = by(result.section("rows").rows, "site")
    # Alpha: d1 300 + d3 240 (lease ends on as-of) + d4 240 (retired, under lease) + d6 300 + d7 100 + d16 240;
    # d2 is past its lifetime, d5 retired, d13 has no price, d15 deleted.
    assert sites["Alpha school"] == {
        "site": "Alpha school",
        "area": "North",
        "pupils": 40,
        "annual_cost": E("1420.00"),
        "cost_per_pupil": E("35.50"),
        "leased_cost": E("720.00"),
        "owned_cost": E("700.00"),
        "devices_paid": 6,
        # inventory beside cost: d1 d2 d3 d16 in use for 40 pupils, target 0,25
        "pupil_devices": 4,
        "devices_per_pupil": E("0.100"),
        "target_per_pupil": E("0.25"),
    }
    # Beta: d8 and lost d9 at 30 €/month (the total fee shared by three devices), d11 300/4; d14 past lifetime.
    assert (sites["Beta daycare"]["annual_cost"], sites["Beta daycare"]["cost_per_pupil"]) == (E("795.00"), E("17.67"))
    # Gamma has no population row: a cost, no ratio, and no error.
    assert sites["Gamma office"]["annual_cost"] == E("500.00")
    assert sites["Gamma office"]["pupils"] is None and sites["Gamma office"]["cost_per_pupil"] is None
    areas = by(result.section("areas").rows, "area")
    assert (areas["North"]["annual_cost"], areas["North"]["pupils"], areas["North"]["cost_per_pupil"]) == (
        E("2215.00"),
        85,
        E("26.06"),
    )
    assert areas["South"]["cost_per_pupil"] is None
    assert result.totals["annual_cost"] == E("2715.00") and result.totals["cost_per_pupil"] == E("31.94")
    assert any("Gamma office" in n for n in result.notes)


def test_cost_the_day_after_a_lease_ends_drops_it(world: World) -> None:
    result = run(world, "cost-per-pupil", as_of=date(2026, 3, 16))
    assert by(result.section("rows").rows, "site")["Alpha school"]["annual_cost"] == E("700.00")


def test_cost_json_field_names(world: World, cli) -> None:
    out = cli("report", "cost-per-pupil", "--as-of", "15.3.2026", "--format", "json")
    assert out.code == 0, out.err
    data = out.json()
    assert list(data["rows"][0]) == [
        "site",
        "area",
        "pupils",
        "annual_cost",
        "cost_per_pupil",
        "leased_cost",
        "owned_cost",
        "devices_paid",
        "pupil_devices",
        "devices_per_pupil",
        "target_per_pupil",
    ]
    gamma = next(r for r in data["rows"] if r["site"] == "Gamma office")
    assert gamma["cost_per_pupil"] is None and gamma["annual_cost"] == 500.0


def test_cost_for_one_area_and_one_site(world: World) -> None:
    area = run(world, "cost-per-pupil", area="north")
    assert [r["site"] for r in area.section("rows").rows] == ["Alpha school", "Beta daycare"]
    assert area.totals["annual_cost"] == E("2215.00")
    site = run(world, "cost-per-pupil", site="BET")
    assert site.totals["annual_cost"] == E("795.00") and site.totals["pupils"] == 45


# ---- target gap ----------------------------------------------------------------------------------


def test_target_gap(world: World) -> None:
    result = run(world, "target-gap")
    rows = by(result.section("rows").rows, "site", "target")
    alpha_pupil = rows[("Alpha school", "pupil")]
    # 0.25 x 40 pupils = 10 required; in use d1 d2 d3 d16 (d4, d5 retired; d15 deleted).
    assert (
        alpha_pupil["required"],
        alpha_pupil["in_use"],
        alpha_pupil["shortage"],
        alpha_pupil["surplus"],
        alpha_pupil["actual_per_unit"],
    ) == (10, 4, 6, 0, E("0.100"))
    assert (rows[("Alpha school", "staff")]["required"], rows[("Alpha school", "staff")]["in_use"]) == (5, 1)
    # 0.25 x 2 classrooms rounds up to 1; two projectors in use: one too many.
    pres = rows[("Alpha school", "presentation")]
    assert (pres["base"], pres["required"], pres["in_use"], pres["surplus"], pres["shortage"]) == (2, 1, 2, 1, 0)
    # 0.2 x 45 = 9 exactly (not 10 from float noise); lost d9 is not in use.
    beta = rows[("Beta daycare", "pupil")]
    assert (beta["required"], beta["in_use"], beta["shortage"]) == (9, 3, 6)
    assert rows[("Beta daycare", "staff")]["required"] == 2  # 0.5 x 3 staff, rounded up
    gamma = rows[("Gamma office", "staff")]
    assert (gamma["base"], gamma["required"], gamma["shortage"], gamma["in_use"], gamma["actual_per_unit"]) == (
        None,
        None,
        None,
        2,
        None,
    )
    assert result.totals == {"school_year": "2025-2026", "required": 27, "in_use": 12, "shortage": 18, "surplus": 1}
    assert result.chart is not None and result.chart.categories == ["Alpha school", "Beta daycare"]


# ---- leasing -------------------------------------------------------------------------------------


def test_leasing_within_twelve_months(world: World) -> None:
    result = run(world, "leasing")
    contracts = by(result.section("contracts").rows, "contract")
    assert contracts["K-1"]["reason"] == "ends" and contracts["K-1"]["end_date"] == date(2026, 3, 15)
    assert contracts["K-1"]["notice_deadline"] == date(2025, 12, 15)
    assert (contracts["K-1"]["devices"], contracts["K-1"]["monthly_cost"]) == (3, E("60.00"))
    assert contracts["K-2"]["reason"] == "notice deadline"
    assert contracts["K-2"]["notice_deadline"] == date(2026, 12, 30)
    assert (contracts["K-2"]["devices"], contracts["K-2"]["monthly_cost"]) == (3, E("85.00"))
    devices = by(result.section("devices").rows, "serial")
    assert set(devices) == {"SN-003", "SN-004", "SN-016", "SN-010", "AB-12-cd", "SN-009"}
    assert devices["SN-010"]["lease_end"] == date(2026, 9, 30)  # its own end beats the contract's
    assert devices["SN-010"]["notice_deadline"] == date(2026, 3, 30)
    assert devices["SN-010"]["reason"] == "ends; notice deadline"
    assert devices["AB-12-cd"]["monthly_fee"] == E("30.00")
    assert result.totals["monthly_cost"] == E("145.00")


def test_leasing_window_of_three_months_and_a_site(world: World) -> None:
    short = run(world, "leasing", months=3)
    assert [c["contract"] for c in short.section("contracts").rows] == ["K-1"]
    assert {d["serial"] for d in short.section("devices").rows} == {"SN-003", "SN-004", "SN-016", "SN-010"}
    beta = run(world, "leasing", site="Beta daycare")
    assert [(c["contract"], c["devices"], c["monthly_cost"]) for c in beta.section("contracts").rows] == [
        ("K-2", 2, E("60.00"))
    ]
    assert {d["serial"] for d in beta.section("devices").rows} == {"AB-12-cd", "SN-009"}


# ---- age -----------------------------------------------------------------------------------------


def test_age_bands_and_units(world: World) -> None:
    result = run(world, "age")
    bands = {
        (r["band"], r["group"]): (r["devices"], r["within_lifetime"], r["past_lifetime"])
        for r in result.section("rows").rows
    }
    assert bands == {
        ("0-1 y", "pupil"): (1, 1, 0),
        ("0-1 y", "staff"): (1, 1, 0),
        ("1-2 y", "pupil"): (1, 1, 0),
        ("1-2 y", "staff"): (1, 1, 0),
        ("2-3 y", "pupil"): (1, 1, 0),
        ("2-3 y", "staff"): (1, 1, 0),
        ("3-4 y", "pupil"): (2, 2, 0),  # leased on K-1 since exactly 3 years
        ("4-5 y", "pupil"): (1, 0, 1),
        ("5-6 y", "presentation"): (1, 1, 0),
        ("6-8 y", "pupil"): (1, 0, 1),
        ("unknown", "presentation"): (1, 1, 0),
    }
    units = result.section("units").rows
    assert [(u["site"], u["devices"], u["outdated"], u["outdated_share"]) for u in units] == [
        ("Beta daycare", 3, 1, E("0.3333")),
        ("Alpha school", 7, 1, E("0.1667")),
        ("Gamma office", 2, 0, E("0.0000")),
    ]
    assert result.totals == {"devices": 12, "past_lifetime": 2, "past_lifetime_share": E("0.1818")}


# ---- replacement plan ----------------------------------------------------------------------------


def test_replacement_plan_next_year(world: World) -> None:
    result = run(world, "replacement-plan")
    assert [
        (r["site"], r["category"], r["reason"], r["devices"], r["estimated_cost"]) for r in result.section("rows").rows
    ] == [
        ("Alpha school", "projector", "end_of_life", 1, E("700.00")),
        ("Alpha school", "pupil_laptop", "end_of_life", 1, E("900.00")),
        ("Alpha school", "pupil_laptop", "overdue", 1, E("800.00")),
        ("Beta daycare", "tablet", "lease_end", 1, E("360.00")),
        ("Beta daycare", "tablet", "overdue", 1, E("250.00")),
    ]
    assert result.totals["year"] == 2027 and result.totals["estimated_cost"] == E("3010.00")
    assert result.totals["by_reason"]["overdue"] == {"devices": 2, "estimated_cost": E("1050.00")}


def test_the_age_and_replacement_charts_speak_finnish(world: World) -> None:
    """Field trial: the age chart had a bar "unknown" and the replacement chart the legend
    "overdue", "end of life", "lease end" in the Finnish window."""
    from inventory_app.reports.texts import localise

    age = localise(run(world, "age"), "fi").chart
    assert age is not None and "unknown" not in age.categories and "Tuntematon" in age.categories
    plan = localise(run(world, "replacement-plan"), "fi").chart
    assert plan is not None
    assert [s.name for s in plan.series] == ["Käyttöikä jo täynnä", "Käyttöikä täyttyy", "Leasing päättyy"]


# ---- inventory -----------------------------------------------------------------------------------


def test_inventory_counts(world: World) -> None:
    result = run(world, "inventory")
    assert result.totals["devices"] == 15  # d15 is deleted
    pupil = result.totals["by_group"]["pupil"]
    assert (pupil["in_use"], pupil["retired"], pupil["lost"], pupil["total"]) == (7, 2, 1, 10)
    detail = {(r["site"], r["room"], r["category"], r["status"]): r["devices"] for r in result.section("rows").rows}
    assert detail[("Alpha school", "A101", "pupil_laptop", "in_use")] == 4
    assert detail[("Alpha school", "A101", "pupil_laptop", "retired")] == 1
    assert detail[("Beta daycare", "B1", "tablet", "lost")] == 1
    assert sum(detail.values()) == 15
    alpha = run(world, "inventory", site="ALP")
    assert alpha.totals["devices"] == 9


# ---- reconciliation ------------------------------------------------------------------------------

BILLING = (
    "Laskutuskausi;Sopimus;Sarjanumero;Kustannuspaikka;Kuukausimaksu\r\n"
    "3/2026;K-1;sn003;4100;20,00\r\n"  # row 2: d3, fine (case and dash differ)
    "3/2026;K-1;SN-004;4100;20,00\r\n"  # row 3: d4 is retired
    "3/2026;K-2;ab12CD;4200;30,00\r\n"  # row 4: d8
    "3/2026;K-2;AB-12-CD;4200;30,00\r\n"  # row 5: d8 again
    "3/2026;K-2;SN-010;4100;25,00\r\n"  # row 6: d10 is Gamma's (4300)
    "3/2026;K-2;XX-999;4200;1 234,50 €\r\n"  # row 7: no such device
    "3/2026;K-2;sn 009;4200;30,00\r\n"  # row 8: d9 is lost
)


def billing_file(world: World, text: str = BILLING, encoding: str = "cp1252", name: str = "laskutus.csv") -> Path:
    path = world.folder / name
    path.write_bytes(text.encode(encoding))
    return path


def test_reconciliation_finds_every_discrepancy(world: World) -> None:
    result = run(world, "reconciliation", billing=billing_file(world))
    not_found = {r["row"]: (r["reason"], r["amount"]) for r in result.section("billed_not_found").rows}
    assert not_found == {3: ("retired", E("20.00")), 7: ("not_in_inventory", E("1234.50")), 8: ("lost", E("30.00"))}
    assert [
        (r["identifier"], r["lines"], r["rows"], r["amount_billed"], r["amount"])
        for r in result.section("billed_twice").rows
    ] == [("AB-12-CD", 2, "4, 5", E("60.00"), E("30.00"))]
    assert [(r["serial"], r["contract"], r["amount"]) for r in result.section("found_not_billed").rows] == [
        ("SN-016", "K-1", E("20.00"))
    ]
    assert [
        (r["row"], r["cost_centre"], r["expected_cost_centre"], r["amount"])
        for r in result.section("billed_to_other_unit").rows
    ] == [(6, "4100", "4300", E("25.00"))]
    assert result.totals == {
        "billed_not_found": {"count": 3, "amount": E("1284.50")},
        "billed_twice": {"count": 1, "amount": E("30.00")},
        "found_not_billed": {"count": 1, "amount": E("20.00")},
        "billed_to_other_unit": {"count": 1, "amount": E("25.00")},
        # Every line in one bucket: rows 2, 4, 5 as expected (80), 3, 7, 8 not found, 6 another unit.
        "balance": {
            "billed_as_expected": E("80.00"),
            "billed_not_found": E("1284.50"),
            "billed_to_other_unit": E("25.00"),
            "not_attributable": E("0.00"),
            "outside_scope": E("0.00"),
            "amount_billed": E("1389.50"),
        },
    }
    assert result.meta["lines_read"] == 7


def test_reconciliation_json_has_the_four_lists(world: World, cli) -> None:
    path = billing_file(world, encoding="utf-8-sig")
    out = cli("report", "reconciliation", "--billing", str(path), "--as-of", "2026-03-15", "--json")
    assert out.code == 0, out.err
    data = out.json()
    for key in ("billed_not_found", "billed_twice", "found_not_billed", "billed_to_other_unit"):
        assert isinstance(data[key], list) and all("amount" in r for r in data[key])
    assert data["totals"]["billed_not_found"]["amount"] == 1284.5


def test_reconciliation_uses_the_last_audit(world: World) -> None:
    add_audit(world.store, world.ids)
    result = run(world, "reconciliation", billing=billing_file(world))
    not_found = {r["row"]: r["reason"] for r in result.section("billed_not_found").rows}
    # d3 was billed but not seen in Alpha's last finished audit.
    assert not_found == {2: "not_seen_in_last_audit", 3: "retired", 7: "not_in_inventory", 8: "lost"}


def test_reconciliation_scope_of_one_site(world: World) -> None:
    beta = run(world, "reconciliation", billing=billing_file(world), site="BET")
    assert sorted(r["row"] for r in beta.section("billed_not_found").rows) == [7, 8]
    assert len(beta.section("billed_twice").rows) == 1
    assert beta.section("found_not_billed").rows == [] and beta.section("billed_to_other_unit").rows == []
    alpha = run(world, "reconciliation", billing=billing_file(world), site="ALP")
    # Alpha is the unit charged for Gamma's device, so it sees that line.
    assert [r["row"] for r in alpha.section("billed_to_other_unit").rows] == [6]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Sarjanumero;Kuukausimaksu;Väri\r\nSN-1;1,00;red\r\n", "unknown column 'Väri'"),
        (
            "Sarjanumero;Kuukausimaksu\r\nSN-1;1,00\r\nSN-2;kymppi\r\nSN-3;2.00\r\n",
            "row 3: 'kymppi' is not a euro amount",
        ),
        ("Sarjanumero;Kustannuspaikka\r\nSN-1;4100\r\n", "'Kuukausimaksu' is missing"),
        ("Laskutuskausi;Sarjanumero;Kuukausimaksu\r\n3/2026;;1,00\r\n", "row 2: 'Sarjanumero' is empty"),
    ],
)
def test_reconciliation_refuses_a_bad_billing_file(world: World, text: str, message: str) -> None:
    with pytest.raises(RejectedInput, match=message):
        run(world, "reconciliation", billing=billing_file(world, text))


def test_reconciliation_reads_xlsx(world: World) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["Period", "Contract", "Serial", "Cost centre", "Monthly fee"])
    ws.append(["3/2026", "K-1", "SN-003", 4100, 20.0])
    ws.append(["3/2026", "K-1", "sn-003", 4100, 20.0])
    path = world.folder / "bill.xlsx"
    wb.save(path)
    result = run(world, "reconciliation", billing=path)
    assert [(r["identifier"], r["amount"]) for r in result.section("billed_twice").rows] == [("SN-003", E("20.00"))]
    # Only K-1 is billed in this file: K-2's devices are not "found, not billed".
    assert {r["serial"] for r in result.section("found_not_billed").rows} == {"SN-004", "SN-016"}


# ---- audit ---------------------------------------------------------------------------------------


def test_audit_found_moved_unknown_missing(world: World) -> None:
    audit_id = add_audit(world.store, world.ids)
    result = run(world, "audit", audit=audit_id[:8])
    assert [r["serial"] for r in result.section("found").rows] == ["SN-001"]
    assert [(r["serial"], r["from_room"], r["room"]) for r in result.section("moved").rows] == [
        ("SN-007", "A102", "A101")
    ]
    assert [r["code"] for r in result.section("unknown").rows] == ["ZZ-1"]
    missing = {r["serial"]: r["decision"] for r in result.section("missing").rows}
    assert missing == {"SN-002": None, "SN-003": None, "SN-016": None, "SN-004": "retired"}
    assert result.totals == {"found": 1, "moved": 1, "unknown": 1, "missing": 4}
    latest = run(world, "audit", site="ALP")
    assert latest.meta["audit"]["id"] == audit_id


def test_the_audit_chart_names_its_bars_in_finnish(world: World) -> None:
    """Field trial: the audit chart's bars were labelled with the codes found/moved/unknown/missing."""
    from inventory_app.reports.texts import localise

    add_audit(world.store, world.ids)
    chart = localise(run(world, "audit", site="ALP"), "fi").chart
    assert chart is not None and chart.categories == ["Löydetyt", "Siirtyneet", "Tuntemattomat", "Puuttuvat"]


def test_audit_report_without_audits_says_so(world: World) -> None:
    with pytest.raises(RejectedInput, match="Gamma office has no audits"):
        run(world, "audit", site="GAM")


# ---- scope and inputs ----------------------------------------------------------------------------


def test_empty_scope_says_so(store) -> None:
    from inventory_app.storage.schema import SiteRecord

    with store.unit_of_work() as uow:
        uow.session.add(SiteRecord(name="Empty school", code="EMP", kind="primary"))
    result = ReportService(store).run(ReportParams(name="inventory", site="EMP", as_of=AS_OF))
    assert result.empty and "Nothing to report for Empty school" in result.notes[0]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["report", "cost-per-pupil", "--site", "Nowhere"], "no site is called 'Nowhere'"),
        (["report", "cost-per-pupil", "--area", "Middle"], "no area is called 'Middle'"),
        (["report", "reconciliation"], "needs the lessor's billing file"),
        (["report", "inventory", "--format", "xlsx"], "give --out FILE.xlsx"),
        (["report", "leasing", "--as-of", "31.2.2026"], "is not a date"),
    ],
)
def test_bad_report_arguments_are_refused(world: World, cli, args: list[str], message: str) -> None:
    out = cli(*args)
    assert out.code == 3 and message in out.err
