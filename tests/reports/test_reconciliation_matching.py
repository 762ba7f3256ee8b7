"""Which device a billing line names: serial first, then asset tag, inventory number, MAC address.

The world of conftest.py plus: d11 (Beta's owned tablet) carries the asset tag "SN-003", which is
also d3's serial; d12 (Gamma's desktop) has the MAC 00:1A:2B:3C:4D:5E. Worked out by hand:
row 2  SN-003         -> d3 by its serial, not d11 by its tag: Alpha's device billed to Alpha (4100), fine
row 3  sn 003         -> the same key, d3 again: fine, but rows 2 and 3 bill SN-003 twice
row 4  001a2b3c4d5e   -> d12 by its MAC: Gamma's device (4300) billed to 4100, another unit
(Had the tag won, rows 2 and 3 would name Beta's d11, 4200: billed to another unit.)
"""

from __future__ import annotations

from decimal import Decimal

from inventory_app.reports.service import ReportParams, ReportService
from inventory_app.storage.schema import DeviceRecord
from tests.reports.conftest import AS_OF, World

BILLING = (
    "Laskutuskausi;Sopimus;Sarjanumero;Kustannuspaikka;Kuukausimaksu\r\n"
    "3/2026;K-1;SN-003;4100;20,00\r\n"
    "3/2026;K-1;sn 003;4100;20,00\r\n"
    "3/2026;;001a2b3c4d5e;4100;5,00\r\n"
)


def test_a_serial_wins_over_another_devices_tag_and_a_mac_matches_last(world: World) -> None:
    with world.store.unit_of_work() as uow:
        uow.session.get(DeviceRecord, world.ids["d11"]).asset_tag = "SN-003"
        uow.session.get(DeviceRecord, world.ids["d12"]).mac = "00:1A:2B:3C:4D:5E"
    path = world.folder / "bill.csv"
    path.write_text(BILLING, encoding="utf-8")
    result = ReportService(world.store).run(ReportParams(name="reconciliation", as_of=AS_OF, billing=path))
    assert result.section("billed_not_found").rows == []
    assert [
        (r["row"], r["asset_tag"], r["site"], r["expected_cost_centre"], r["amount"])
        for r in result.section("billed_to_other_unit").rows
    ] == [(4, None, "Gamma office", "4300", Decimal("5.00"))]
    assert [(r["identifier"], r["rows"]) for r in result.section("billed_twice").rows] == [("SN-003", "2, 3")]
