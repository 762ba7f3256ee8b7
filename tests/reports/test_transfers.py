"""``transfers``: spare and surplus devices from a site above its target to one below it, with the tags.

The world of conftest.py plus 12 tablets in use and 2 spare ones at Beta daycare. Pupil devices:
Alpha (primary, 40 pupils, 0,25 per pupil) needs 10 and has 4 in use: short by 6.
Beta (early childhood, 45 pupils, 0,2) needs 9 and has 3 + 12 = 15 in use: 6 surplus, plus 2 spares.
So: move 6 tablets Beta -> Alpha within North, the 2 spares first. The staff shortages have no donor:
Alpha needs 5 and has 1, Beta needs ceil(0,5 x 3) = 2 and has none: 6 left over. Presentation: Alpha has one projector more than its target, no taker.
"""

from __future__ import annotations

from inventory_app.core.catalogue import category_id
from inventory_app.reports.service import ReportParams, ReportService
from inventory_app.storage.schema import DeviceRecord
from tests.reports.conftest import AS_OF, World


def _add_tablets(world: World) -> None:
    with world.store.unit_of_work() as uow:
        for n in range(14):
            uow.session.add(
                DeviceRecord(
                    asset_tag=f"TAB{n:02d}",
                    serial=f"TS-{n:02d}",
                    category_id=category_id("tablet"),
                    site_id=world.ids["bet"],
                    room_id=world.ids["b1"],
                    status="spare" if n >= 12 else "in_use",
                    ownership="owned",
                    condition="good",
                )
            )


def test_transfers_move_spares_first_within_the_area(world: World) -> None:
    _add_tablets(world)
    result = ReportService(world.store).run(ReportParams(name="transfers", as_of=AS_OF))
    rows = result.section("rows").rows
    assert [(r["target"], r["from_site"], r["to_site"], r["devices"], r["spare"], r["same_area"]) for r in rows] == [
        ("pupil", "Beta daycare", "Alpha school", 6, 2, "yes")
    ]
    tags = rows[0]["tags"].split(", ")
    # The spares first; then Beta's tablets in use (by tag, else serial): named so someone can fetch them.
    betas = {f"TAB{n:02d}" for n in range(12)} | {"AB-12-cd", "SN-011", "SN-014"}
    assert tags[:2] == ["TAB12", "TAB13"] and len(tags) == 6 and set(tags[2:]) <= betas
    assert result.totals["devices"] == 6 and result.totals["shortage_left"] == 6


def test_no_donor_no_transfer(world: World) -> None:
    result = ReportService(world.store).run(ReportParams(name="transfers", as_of=AS_OF))
    assert result.section("rows").rows == []
    assert result.totals["shortage_left"] == 6 + 6 + 4 + 2
