"""A device recorded as retired (or recycled) turning up in a room: found, but said so, counted as such,
and put back in use only when the auditor says so (field trial: a plain "FOUND", and the room's count
left it out while its row said found)."""

from __future__ import annotations

import pytest

from inventory_app.audit.engine import AuditSession
from inventory_app.audit.results import ScanReason
from inventory_app.core.enums import ScanOutcome
from inventory_app.core.errors import RejectedInput
from inventory_app.inventory.service import InventoryService


@pytest.mark.parametrize("status", ["retired", "recycled"])
def test_a_retired_device_is_found_but_marked_so_and_counted_apart(store, school, clock, status):
    tag = school.tags["A101"][3]
    InventoryService(store).set(tag, {"status": status})
    audit = AuditSession.start(store, school.site_code, "Aino", monotonic=clock)
    audit.scan(school.labels["A101"])
    audit.scan(school.tags["A101"][0])
    result = audit.scan(tag)
    assert result.outcome is ScanOutcome.FOUND and result.reason is ScanReason.MARKED_RETIRED
    assert result.device.status == status  # the auditor decides; nothing changed behind their back
    assert f"marked {status}" in result.message
    progress = audit.progress()
    assert (progress.expected, progress.found, progress.retired_seen) == (3, 1, 1)
    counts = audit.counts()
    assert (counts["found"], counts["marked_retired"]) == (2, 1)
    assert InventoryService(store).show(tag).last_seen is not None


def test_a_retired_device_moved_here_is_marked_too(store, school, clock):
    tag = school.tags["A102"][0]
    InventoryService(store).set(tag, {"status": "retired"})
    audit = AuditSession.start(store, school.site_code, "Aino", monotonic=clock)
    audit.scan(school.labels["A101"])
    result = audit.scan(tag)
    assert result.outcome is ScanOutcome.MOVED and result.reason is ScanReason.MARKED_RETIRED
    assert audit.progress().retired_seen == 1 and audit.progress().moved_in == 1


def test_back_in_use_on_the_auditors_word(store, school, clock):
    tag = school.tags["A101"][3]
    InventoryService(store).set(tag, {"status": "retired"})
    audit = AuditSession.start(store, school.site_code, "Aino", monotonic=clock)
    audit.scan(school.labels["A101"])
    seen = audit.scan(tag)
    back = audit.return_to_use(seen.event_id)
    assert back.outcome is ScanOutcome.FOUND and back.reason is ScanReason.RETURNED_TO_USE
    assert InventoryService(store).show(tag).status == "in_use"
    progress = audit.progress()
    assert (progress.expected, progress.found, progress.retired_seen) == (4, 1, 0)
    assert audit.counts()["marked_retired"] == 0
    with pytest.raises(RejectedInput):
        audit.return_to_use(seen.event_id)  # nothing retired any more
    clock.t += 10
    assert audit.scan(tag).reason is ScanReason.ALREADY_IN_ROOM


def test_a_scan_log_says_how_many_found_are_marked_retired(cli, store, school, tmp_path):
    tag = school.tags["A101"][3]
    InventoryService(store).set(tag, {"status": "retired"})
    log = tmp_path / "scanner.txt"
    log.write_text("\n".join([school.labels["A101"], school.tags["A101"][0], tag]))
    result = cli("audit", "import-log", "--site", school.site_code, str(log), "--auditor", "Aino")
    assert result.code == 0, result.err
    assert (
        "2 found" in result.out and "Marked retired or recycled in the inventory: 1 of the devices found" in result.out
    )
