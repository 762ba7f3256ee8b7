"""Nothing billed is dropped: ghost devices under unknown and empty cost centres (the world of conftest.py).

Worked out by hand (as-of 15.3.2026):
row 2  SN-003    4100      d3, Alpha's leased laptop billed to Alpha: as expected, 20,00
row 3  SN-010    4100      d10 is Gamma's (4300): billed to another unit, 25,00
row 4  XX-1      9999      no such device, no such cost centre: 19,90
row 5  XX-2      Kaupunki  no such device, "the city": 19,90
row 6  XX-3      (empty)   no such device, no cost centre at all: 19,90
row 7  XX-4      4200      no such device, Beta's cost centre: 10,00
Total billed 114,70 €.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from inventory_app.reports.reconciliation import BALANCE_KEYS
from inventory_app.reports.service import ReportParams, ReportService
from tests.reports.conftest import AS_OF, World

BILLING = (
    "Laskutuskausi;Sopimus;Sarjanumero;Kustannuspaikka;Kuukausimaksu\r\n"
    "3/2026;K-1;SN-003;4100;20,00\r\n"
    "3/2026;K-2;SN-010;4100;25,00\r\n"
    "3/2026;K-1;XX-1;9999;19,90\r\n"
    "3/2026;K-1;XX-2;Kaupunki;19,90\r\n"
    "3/2026;K-1;XX-3;;19,90\r\n"
    "3/2026;K-1;XX-4;4200;10,00\r\n"
)


def _run(world: World, **scope: str):
    path = world.folder / "ghosts.csv"
    path.write_text(BILLING, encoding="utf-8")
    return ReportService(world.store).run(ReportParams(name="reconciliation", as_of=AS_OF, billing=path, **scope))


def _balanced(result) -> bool:
    balance = result.totals["balance"]
    return sum(balance[k] for k in BALANCE_KEYS) == result.meta["amount_billed"] == balance["amount_billed"]


def test_at_city_scope_every_ghost_line_is_billed_not_found_whatever_its_cost_centre(world: World) -> None:
    result = _run(world)
    assert result.meta["amount_billed"] == Decimal("114.70")
    ghosts = [(r["row"], r["identifier"], r["amount"]) for r in result.section("billed_not_found").rows]
    assert ghosts == [
        (4, "XX-1", Decimal("19.90")),
        (5, "XX-2", Decimal("19.90")),
        (6, "XX-3", Decimal("19.90")),
        (7, "XX-4", Decimal("10.00")),
    ]
    assert result.totals["billed_not_found"]["amount"] == Decimal("69.70")
    balance = result.totals["balance"]
    assert balance["billed_as_expected"] == Decimal("20.00")
    assert balance["billed_to_other_unit"] == Decimal("25.00")
    assert balance["not_attributable"] == balance["outside_scope"] == Decimal("0.00")
    assert _balanced(result)
    assert "not_attributable" not in [s.key for s in result.sections]


@pytest.mark.parametrize(
    ("scope", "not_found_rows", "outside"),
    [
        ({"area": "North"}, [7], Decimal("0.00")),  # XX-4 is billed to Beta (North)
        ({"area": "South"}, [], Decimal("30.00")),  # Gamma's d10 is South's: rows 2 and 7 are North's
        ({"site": "GAM"}, [], Decimal("30.00")),
    ],
)
def test_at_area_and_site_scope_lines_of_no_site_are_listed_apart_and_the_balance_holds(
    world: World, scope: dict[str, str], not_found_rows: list[int], outside: Decimal
) -> None:
    result = _run(world, **scope)
    assert [r["row"] for r in result.section("billed_not_found").rows] == not_found_rows
    assert [(r["row"], r["cost_centre"]) for r in result.section("not_attributable").rows] == [
        (4, "9999"),
        (5, "Kaupunki"),
        (6, None),
    ]
    assert result.totals["balance"]["not_attributable"] == Decimal("59.70")
    assert result.totals["balance"]["outside_scope"] == outside
    assert _balanced(result)
    assert not any("add up" in note for note in result.notes)
