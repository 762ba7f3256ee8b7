"""A device registered at another school, scanned while auditing this one: seen here, moved only on
confirmation; reasons travel as codes, never as sentences."""

from __future__ import annotations

from inventory_app.audit.engine import AuditSession
from inventory_app.audit.results import ScanReason
from inventory_app.core.enums import ScanOutcome
from inventory_app.core.identifiers import make_tag
from inventory_app.inventory.service import InventoryService
from inventory_app.storage.schema import DeviceRecord


def _other_school_device(store) -> str:
    tag = make_tag("HKI", 900)
    InventoryService(store).add(tag=tag, category="tablet", site="OTH02", room="B1", fields={"serial": "OTHER-1"})
    return tag


def _device(store, tag):
    with store.read() as s:
        view = InventoryService(store).show(tag)
        record = s.get(DeviceRecord, view.id)
        s.expunge(record)
        return record


def test_a_device_of_another_school_is_seen_here_not_moved(store, school, clock):
    tag = _other_school_device(store)
    before = _device(store, tag)
    audit = AuditSession.start(store, school.site_code, "Aino", monotonic=clock)
    audit.scan(school.labels["A101"])
    result = audit.scan(tag)
    assert result.outcome is ScanOutcome.OTHER_SITE
    assert result.other_site == "Other school" and result.previous_room_code == "B1"
    after = _device(store, tag)
    assert (after.site_id, after.room_id, after.last_seen_at) == (before.site_id, before.room_id, before.last_seen_at)
    assert [e.code for e in audit.seen_from_other_sites()] == [tag]
    assert audit.counts()["other_site"] == 1 and audit.counts()["moved"] == 0
    assert audit.progress().expected == 4  # not expected in this room
    clock.t += 10
    again = audit.scan(tag)  # same room again: still waiting for the auditor, with the same move offered
    assert again.outcome is ScanOutcome.OTHER_SITE and again.reason is ScanReason.ALREADY_SEEN_HERE
    assert again.event_id == result.event_id and again.other_site == "Other school"


def test_a_device_of_another_school_scanned_again_after_a_restart_can_still_be_moved(store, school, clock):
    """Field trial: after a restart the device gave "REPEAT, already recorded in this room" (it is
    recorded at another school) and Alt+M had nothing to move."""
    tag = _other_school_device(store)
    audit = AuditSession.start(store, school.site_code, "Aino", monotonic=clock)
    audit.scan(school.labels["A101"])
    first = audit.scan(tag)
    resumed = AuditSession.resume(store, audit.audit_id, monotonic=clock)
    waiting = resumed.waiting_move()  # what the window offers on Alt+M right after the restart
    assert waiting is not None and waiting.event_id == first.event_id and waiting.outcome is ScanOutcome.OTHER_SITE
    events = len(resumed.events())
    again = resumed.scan(tag)
    assert again.outcome is ScanOutcome.OTHER_SITE and again.reason is ScanReason.ALREADY_SEEN_HERE
    assert (again.other_site, again.previous_room_code, again.event_id) == ("Other school", "B1", first.event_id)
    assert len(resumed.events()) == events  # nothing recorded twice
    assert resumed.counts()["other_site"] == 1 and resumed.counts()["repeat"] == 0
    assert resumed.scan(tag).outcome is ScanOutcome.OTHER_SITE  # within the repeat window too
    moved = resumed.confirm_move(again.event_id)
    assert moved.reason is ScanReason.MOVE_CONFIRMED and InventoryService(store).show(tag).site_id == school.site_id
    assert resumed.waiting_move() is None
    clock.t += 10
    assert resumed.scan(tag).reason is ScanReason.ALREADY_IN_ROOM  # now it is recorded here


def test_a_waiting_move_is_offered_only_while_it_is_the_last_scan(store, school, clock):
    tag = _other_school_device(store)
    audit = AuditSession.start(store, school.site_code, "Aino", monotonic=clock)
    audit.scan(school.labels["A101"])
    audit.scan(tag)
    audit.scan(school.tags["A101"][0])
    assert AuditSession.resume(store, audit.audit_id).waiting_move() is None


def test_confirmed_move_and_its_undo_restore_everything(store, school, clock):
    tag = _other_school_device(store)
    audit = AuditSession.start(store, school.site_code, "Aino", monotonic=clock)
    audit.scan(school.labels["A102"])
    before = _device(store, tag)
    audit.scan(tag)
    moved = audit.confirm_move()
    assert moved.outcome is ScanOutcome.MOVED and moved.reason is ScanReason.MOVE_CONFIRMED
    assert moved.other_site == "Other school" and moved.room_code == "A102"
    shown = InventoryService(store).show(tag)
    assert shown.site_id == school.site_id and shown.room == "A102" and shown.last_seen is not None
    assert audit.seen_from_other_sites() == [] and audit.counts()["moved"] == 1
    undone = audit.undo_last()
    assert undone is not None and undone.outcome is ScanOutcome.UNDO
    after = _device(store, tag)
    assert (after.site_id, after.room_id, after.last_seen_at, after.last_seen_room_id, after.last_seen_audit_id) == (
        before.site_id,
        before.room_id,
        before.last_seen_at,
        before.last_seen_room_id,
        before.last_seen_audit_id,
    )
    # back to "seen here, belongs to the other school"; undo again forgets the sighting too
    assert [e.code for e in audit.seen_from_other_sites()] == [tag]
    audit.undo_last()
    assert audit.seen_from_other_sites() == []


def test_undo_of_a_found_scan_restores_last_seen(store, school, clock):
    audit = AuditSession.start(store, school.site_code, "Aino", monotonic=clock)
    audit.scan(school.labels["A101"])
    tag = school.tags["A101"][0]
    audit.scan(tag)
    first_seen = _device(store, tag).last_seen_at
    audit.scan(school.labels["A102"])
    audit.scan(tag)  # moved to A102
    audit.undo_last()
    after = _device(store, tag)
    assert after.last_seen_at == first_seen and after.last_seen_room_id == school.rooms["A101"]
    audit.undo_last()  # the A101 sighting too: never seen
    assert _device(store, tag).last_seen_at is None


def test_no_move_waits_without_a_device_of_another_school(store, school, clock):
    import pytest

    from inventory_app.core.errors import RejectedInput

    audit = AuditSession.start(store, school.site_code, "Aino", monotonic=clock)
    audit.scan(school.labels["A101"])
    with pytest.raises(RejectedInput):
        audit.confirm_move()


def test_results_carry_reason_codes_not_sentences(store, school, clock):
    audit = AuditSession.start(store, school.site_code, "Aino", monotonic=clock)
    tag = school.tags["A101"][0]
    wrong = tag[:-1] + ("A" if tag[-1] != "A" else "B")
    assert audit.scan("  ").reason is ScanReason.EMPTY
    assert audit.scan(tag).reason is ScanReason.NO_ROOM
    other = audit.scan(school.other_site_label)
    assert other.reason is ScanReason.ROOM_OF_OTHER_SITE and other.other_site == "Other school"
    assert audit.scan("RMNOWHERE99").reason is ScanReason.NOT_A_ROOM
    audit.scan(school.labels["A101"])
    assert audit.scan(wrong).reason is ScanReason.WRONG_CHECK_CHARACTER
    audit.scan(tag)
    assert audit.scan(tag).reason is ScanReason.JUST_SCANNED
    clock.t += 10
    assert audit.scan(tag).reason is ScanReason.ALREADY_IN_ROOM
    assert audit.keep_placeholder("MYSTERY-1").reason is ScanReason.PLACEHOLDER_KEPT
    # the command line still gets its English line, worded outside the engine
    assert "belongs to another site (Other school)" in other.to_json()["message"]


def test_the_audit_report_lists_devices_seen_here_that_belong_elsewhere(store, school, clock):
    from datetime import date

    from inventory_app.reports.service import ReportParams, ReportService

    tag = _other_school_device(store)
    audit = AuditSession.start(store, school.site_code, "Aino", monotonic=clock)
    audit.scan(school.labels["A101"])
    audit.scan(tag)
    report = ReportService(store).run(ReportParams(name="audit", as_of=date(2026, 12, 1), site="KOI01"))
    rows = report.section("other_site").rows
    assert [(r["asset_tag"], r["belongs_to"], r["room"]) for r in rows] == [(tag, "Other school", "A101")]
    audit.confirm_move()
    report = ReportService(store).run(ReportParams(name="audit", as_of=date(2026, 12, 1), site="KOI01"))
    assert report.section("other_site").rows == []
    assert [r["asset_tag"] for r in report.section("moved").rows] == [tag]


def test_a_scan_log_counts_a_device_of_another_school_once(store, school):
    from inventory_app.audit.scan_log import import_log

    tag = _other_school_device(store)
    result = import_log(store, school.site_code, [school.labels["A101"], tag, tag])
    assert (result.counts["other_site"], result.counts["repeat"]) == (1, 1)
