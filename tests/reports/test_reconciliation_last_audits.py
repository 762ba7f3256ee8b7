"""A billed device counts as seen when ANY site's last finished audit saw it, not only its own site's.

The world of conftest.py with Alpha's audit of 1.3.2026 (add_audit: d3 not scanned there) and a
finished audit of Beta on 5.3.2026 that finds Beta's d8 and scans d3 (an Alpha laptop carried to
the daycare). Worked out by hand, the billing file of test_reports.py:
row 2  sn003   d3: not seen by Alpha's last audit, but found in Beta's -> billed as expected
row 3  SN-004  d4 retired; rows 4, 5 d8 found by Beta's audit; row 7 XX-999 no such device;
row 8  d9 lost (as before)
When Beta's scan of d3 is only "unknown" (no device), d3 was seen by no last audit: row 2 is
``not_seen_in_last_audit``.

The report looks first in the line's own site's last audit and only then in every last audit;
this guards that the second look is never skipped.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from inventory_app.reports.service import ReportParams, ReportService
from inventory_app.storage.schema import AuditRecord, ScanEventRecord
from inventory_app.storage.store import Store
from tests.reports.conftest import AS_OF, World, _id, add_audit, build_world
from tests.reports.test_reports import billing_file


def _beta_audit_scanning_d3(world: World, outcome: str) -> None:
    at = datetime(2026, 3, 5, 9, 0, tzinfo=UTC)
    audit_id = _id("beta-audit")
    with world.store.unit_of_work() as uow:
        uow.session.add(
            AuditRecord(
                id=audit_id,
                site_id=world.ids["bet"],
                auditor="Test",
                started_at=at,
                finished_at=at.replace(hour=11),
                status="finished",
            )
        )
        uow.session.flush()
        uow.insert_many(
            ScanEventRecord,
            [
                {
                    "id": _id(f"beta-{device}"),
                    "audit_id": audit_id,
                    "room_id": world.ids["b1"],
                    "raw_code": code,
                    "code": code,
                    "symbology": "code128",
                    "method": "camera",
                    "scanned_at": at.replace(minute=minute),
                    "device_id": None if result == "unknown" else world.ids[device],
                    "outcome": result,
                }
                for minute, (device, code, result) in enumerate(
                    [("d8", "AB-12-CD", "found"), ("d3", "SN-003", outcome)]
                )
            ],
        )


@pytest.mark.parametrize(
    ("outcome", "row_2"),
    [("found", None), ("moved", None), ("unknown", "not_seen_in_last_audit")],
)
def test_a_device_found_in_another_sites_last_audit_is_not_billed_for_nothing(
    world: World, outcome: str, row_2: str | None
) -> None:
    add_audit(world.store, world.ids)
    _beta_audit_scanning_d3(world, outcome)
    result = ReportService(world.store).run(
        ReportParams(name="reconciliation", as_of=AS_OF, billing=billing_file(world))
    )
    not_found = {r["row"]: r["reason"] for r in result.section("billed_not_found").rows}
    expected = {3: "retired", 7: "not_in_inventory", 8: "lost"}
    if row_2:
        expected[2] = row_2
    assert not_found == expected


@pytest.mark.postgres
def test_the_same_on_postgresql(pg_url: str, tmp_path: Path) -> None:
    store = Store.open(pg_url)
    try:
        world = World(store, build_world(store), tmp_path)
        add_audit(store, world.ids)
        _beta_audit_scanning_d3(world, "found")
        service = ReportService(store)
        result = service.run(ReportParams(name="reconciliation", as_of=AS_OF, billing=billing_file(world)))
        assert {r["row"]: r["reason"] for r in result.section("billed_not_found").rows} == {
            3: "retired",
            7: "not_in_inventory",
            8: "lost",
        }
        # And a line billed to another unit is found the same way there (d10: Gamma's, billed to 4100).
        assert [r["row"] for r in result.section("billed_to_other_unit").rows] == [6]
    finally:
        store.close()
