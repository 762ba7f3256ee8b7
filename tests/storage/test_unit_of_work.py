import json
from datetime import UTC

import pytest
from sqlalchemy import select

from inventory_app.core.errors import StoreError
from inventory_app.storage import stamps as row_stamps
from inventory_app.storage.schema import AreaRecord, OutboxRecord, ScanEventRecord, SiteRecord


def _outbox(store):
    with store.read() as s:
        return list(s.scalars(select(OutboxRecord).order_by(OutboxRecord.seq)))


def test_new_row_gets_id_stamp_and_one_outbox_entry_with_every_field(store):
    with store.unit_of_work() as uow:
        area = AreaRecord(name="North")
        uow.session.add(area)
    entries = _outbox(store)
    assert len(entries) == 1
    entry = entries[0]
    assert (entry.table_name, entry.row_id, entry.op) == ("areas", area.id, "upsert")
    assert json.loads(entry.payload) == {"name": "North", "code": None, "deleted": False, "retired": False}
    with store.read() as s:
        stamps = row_stamps.parse(s.get(AreaRecord, area.id).stamps)
    assert row_stamps.stamp_of(stamps, "name") == entry.hlc


def test_only_changed_fields_are_stamped_and_sent(store):
    with store.unit_of_work() as uow:
        area = AreaRecord(name="North", code="N")
        uow.session.add(area)
    with store.unit_of_work() as uow:
        row = uow.session.get(AreaRecord, area.id)
        row.name = "North"  # same value: no change
    assert len(_outbox(store)) == 1
    with store.unit_of_work() as uow:
        uow.session.get(AreaRecord, area.id).code = "NO"
    entries = _outbox(store)
    assert len(entries) == 2
    assert json.loads(entries[1].payload) == {"code": "NO"}
    with store.read() as s:
        stamps = row_stamps.parse(s.get(AreaRecord, area.id).stamps)
    assert row_stamps.stamp_of(stamps, "code") == entries[1].hlc
    assert row_stamps.stamp_of(stamps, "name") == entries[0].hlc
    assert entries[1].hlc > entries[0].hlc


def test_failed_transaction_leaves_neither_row_nor_outbox(store):
    with pytest.raises(RuntimeError), store.unit_of_work() as uow:
        uow.session.add(AreaRecord(name="Ghost"))
        uow.flush()
        raise RuntimeError("crash mid-work")
    assert _outbox(store) == []
    with store.read() as s:
        assert s.scalars(select(AreaRecord)).all() == []


def test_hard_delete_is_refused(store):
    with store.unit_of_work() as uow:
        area = AreaRecord(name="North")
        uow.session.add(area)
    with pytest.raises(StoreError, match="never deleted"), store.unit_of_work() as uow:
        uow.session.delete(uow.session.get(AreaRecord, area.id))
    with store.read() as s:
        assert s.get(AreaRecord, area.id) is not None


def test_soft_delete_is_an_ordinary_stamped_change(store):
    with store.unit_of_work() as uow:
        area = AreaRecord(name="North")
        uow.session.add(area)
    with store.unit_of_work() as uow:
        uow.session.get(AreaRecord, area.id).deleted = True
    assert json.loads(_outbox(store)[-1].payload) == {"deleted": True}


def test_scan_events_are_insert_only(store):
    from datetime import datetime

    from inventory_app.storage.schema import AuditRecord

    with store.unit_of_work() as uow:
        area = AreaRecord(name="A")
        uow.session.add(area)
        uow.flush()
        site = SiteRecord(name="S", area_id=area.id, kind="primary")
        uow.session.add(site)
        uow.flush()
        audit = AuditRecord(site_id=site.id, started_at=datetime.now(UTC), status="open")
        uow.session.add(audit)
        uow.flush()
        event = ScanEventRecord(
            audit_id=audit.id,
            raw_code="X",
            code="X",
            method="keyboard",
            scanned_at=datetime.now(UTC),
            outcome="unknown",
        )
        uow.session.add(event)
    assert _outbox(store)[-1].op == "insert"
    with pytest.raises(StoreError, match="insert-only"), store.unit_of_work() as uow:
        uow.session.get(ScanEventRecord, event.id).outcome = "found"


def test_clock_survives_reopen_and_keeps_increasing(store_path):
    from inventory_app.storage.store import Store

    s1 = Store.open(store_path, now_ms=lambda: 5_000)
    with s1.unit_of_work() as uow:
        uow.session.add(AreaRecord(name="a"))
    first = _outbox(s1)[-1].hlc
    s1.close()
    s2 = Store.open(store_path, now_ms=lambda: 1_000)  # wall clock went back
    with s2.unit_of_work() as uow:
        uow.session.add(AreaRecord(name="b"))
    second = _outbox(s2)[-1].hlc
    s2.close()
    assert second > first


def test_bulk_insert_writes_rows_stamps_and_outbox(store):
    with store.unit_of_work() as uow:
        uow.insert_many(AreaRecord, [{"name": f"Area {i}"} for i in range(50)])
    entries = _outbox(store)
    assert len(entries) == 50
    assert len({e.hlc for e in entries}) == 50
    with store.read() as s:
        assert len(s.scalars(select(AreaRecord)).all()) == 50


def test_receive_advances_the_clock_so_later_local_edits_win(store_path):
    from inventory_app.storage.store import Store

    s = Store.open(store_path, now_ms=lambda: 1_000)
    remote = "0000000900000-00007-other"
    with s.unit_of_work(remote=True) as uow:
        uow.receive(remote)
    with s.unit_of_work() as uow:
        uow.session.add(AreaRecord(name="after"))
    local = _outbox(s)[-1].hlc
    s.close()
    assert local > remote
    assert local.startswith("0000000900000-00009-")
