"""The new reports give the same figures on PostgreSQL as on SQLite (the world of conftest.py)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from inventory_app.audit.observations import ObservationService
from inventory_app.reports.service import ReportParams, ReportService
from inventory_app.storage.store import Store
from tests.reports.conftest import AS_OF, build_world
from tests.reports.test_reconciliation_balance import BILLING


@pytest.mark.postgres
def test_reconciliation_balance_network_and_transfers_on_postgresql(pg_url: str, tmp_path: Path) -> None:
    store = Store.open(pg_url)
    try:
        build_world(store)
        bill = tmp_path / "ghosts.csv"
        bill.write_text(BILLING, encoding="utf-8")
        service = ReportService(store)
        city = service.run(ReportParams(name="reconciliation", as_of=AS_OF, billing=bill))
        assert city.totals["billed_not_found"]["amount"] == Decimal("69.70")
        north = service.run(ReportParams(name="reconciliation", as_of=AS_OF, billing=bill, area="North"))
        assert [r["row"] for r in north.section("not_attributable").rows] == [4, 5, 6]
        for result in (city, north):
            balance = result.totals["balance"]
            assert sum(v for k, v in balance.items() if k != "amount_billed") == balance["amount_billed"]
        observations = ObservationService(store)
        first = observations.add(site="ALP", room="A101", kind="network", severity="high", latency_ms=100)
        observations.add(site="ALP", room="A102", kind="network", severity="low", latency_ms=20, loss_pct=5)
        observations.resolve(first)
        network = service.run(ReportParams(name="network", as_of=AS_OF.replace(year=2099)))
        assert [
            (r["site"], r["network_observations"], r["high"], r["open"], r["median_latency_ms"], r["rooms"])
            for r in network.section("rows").rows
        ] == [("Alpha school", 2, 1, 1, 60.0, "A101, A102")]
        transfers = service.run(ReportParams(name="transfers", as_of=AS_OF))
        assert transfers.totals["shortage_left"] == 18
        inventory = service.run(ReportParams(name="inventory", as_of=AS_OF))
        assert sum(r["total"] for r in inventory.section("by_area").rows) == 15
        cost = service.run(ReportParams(name="cost-per-pupil", as_of=AS_OF))
        assert cost.section("rows").rows[0]["devices_per_pupil"] == Decimal("0.100")
    finally:
        store.close()
