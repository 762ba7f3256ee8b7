"""Writes report what they changed: one notification after each commit, none after a rollback."""

import pytest
from sqlalchemy import select

from inventory_app.core.changes import Changes
from inventory_app.core.errors import RejectedInput
from inventory_app.inventory.service import InventoryService
from inventory_app.storage.schema import AreaRecord, DeviceRecord, SiteRecord
from inventory_app.storage.store import Store


def test_a_committed_edit_reports_its_tables_and_devices(store):
    seen: list[Changes] = []
    store.subscribe(seen.append)
    with store.unit_of_work() as uow:
        uow.insert_many(DeviceRecord, [{"id": "d-1", "asset_tag": None, "serial": "S1"}])
    assert len(seen) == 1
    assert seen[0].devices and seen[0].outbox and not seen[0].structure
    assert seen[0].device_ids == {"d-1"} and seen[0].placed
    with store.unit_of_work() as uow:
        uow.session.add(AreaRecord(name="Pohjoinen"))
    assert seen[-1].structure and not seen[-1].devices and seen[-1].outbox


def test_a_rolled_back_write_reports_nothing(store):
    seen: list[Changes] = []
    store.subscribe(seen.append)
    with pytest.raises(RuntimeError), store.unit_of_work() as uow:
        uow.session.add(AreaRecord(name="Itä"))
        raise RuntimeError("refused half-way")
    with pytest.raises(RejectedInput):
        InventoryService(store).set("no-such-device", {"status": "broken"})
    assert seen == []


def test_an_edit_through_the_service_names_the_device(store):
    with store.unit_of_work() as uow:
        area = AreaRecord(name="Keskusta")
        uow.session.add(area)
        uow.flush()
        uow.session.add(SiteRecord(code="KES", name="Kesämäen koulu", area_id=area.id, kind="primary"))
        uow.insert_many(DeviceRecord, [{"id": "d-2", "serial": "S2"}])
    seen: list[Changes] = []
    unsubscribe = store.subscribe(seen.append)
    InventoryService(store).set("d-2", {"status": "broken"})
    assert seen and seen[-1].device_ids == {"d-2"}
    assert not seen[-1].placed  # a status: the counts per site and room stay
    with store.unit_of_work() as uow:
        uow.session.get(DeviceRecord, "d-2").site_id = uow.session.scalars(select(SiteRecord.id)).one()
    assert seen[-1].placed  # moved: the tree's counts follow (field trial: only at the audit's finish)
    unsubscribe()
    InventoryService(store).set("d-2", {"status": "spare"})
    assert len(seen) == 2


def test_another_process_writing_moves_the_data_version(store, store_path):
    before = store.data_version()
    other = Store.open(store_path)
    try:
        with other.unit_of_work() as uow:
            uow.session.add(AreaRecord(name="Etelä"))
    finally:
        other.close()
    assert store.data_version() != before
