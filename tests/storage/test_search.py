"""Search-as-you-type through the SQLite trigram index, kept current by triggers."""

import pytest

from inventory_app.core.identifiers import make_tag
from inventory_app.inventory.service import InventoryService
from inventory_app.storage import repositories as repo
from inventory_app.storage.schema import AreaRecord, DeviceModelRecord, RoomRecord, SiteRecord


@pytest.fixture
def service(store):
    with store.unit_of_work() as uow:
        area = AreaRecord(name="A")
        uow.session.add(area)
        uow.flush()
        site = SiteRecord(name="School", code="SCH", area_id=area.id, kind="primary")
        uow.session.add(site)
        uow.flush()
        uow.session.add_all(
            [
                RoomRecord(site_id=site.id, code="A203", kind="classroom"),
                RoomRecord(site_id=site.id, code="B110", kind="classroom"),
            ]
        )
    s = InventoryService(store)
    s.add(
        tag=make_tag("HKI", 1),
        category="pupil_laptop",
        site="SCH",
        room="A203",
        fields={"serial": "PF-3A1B2C", "model": "Lenovo ThinkPad 11e", "mac": "00:1a:2b:3c:4d:5e"},
    )
    s.add(tag=make_tag("HKI", 2), category="tablet", site="SCH", room="B110", fields={"serial": "DMPX100_9"})
    return s


def tags(store, query):
    with store.read() as s:
        return sorted(v.asset_tag for v in repo.search_devices(s, query=query))


def test_substring_of_any_identifier_model_or_room(store, service):
    one, two = make_tag("HKI", 1), make_tag("HKI", 2)
    assert tags(store, "3a1b") == [one]  # inside the serial
    assert tags(store, "pf-3a1") == [one]  # as printed, with a dash
    assert tags(store, "thinkpad") == [one]
    assert tags(store, "ThinkPad 11") == [one]
    assert tags(store, "a203") == [one]
    assert tags(store, "2b3c4d") == [one]  # inside the MAC
    assert tags(store, "HKI00000") == [one, two]


def test_short_queries_match_the_start_of_identifiers(store, service):
    assert tags(store, "DM") == [make_tag("HKI", 2)]
    assert tags(store, "x") == []


def test_like_wildcards_in_the_query_are_plain_characters(store, service):
    assert tags(store, "X100_9") == [make_tag("HKI", 2)]
    assert tags(store, "%%%") == []
    assert tags(store, "___") == []
    # A % is a character like any other: "3a%1b" is not inside "PF-3A1B2C" (the store used to drop
    # it and find the device, while the window's index did not).
    assert tags(store, "3a%1b") == []
    service.add(tag=make_tag("HKI", 3), category="tablet", site="SCH", fields={"model": "Acme 100% Pad"})
    assert tags(store, "100% pad") == [make_tag("HKI", 3)]
    assert tags(store, "100%%") == []


def test_index_follows_edits_room_renames_and_model_renames(store, service):
    one = make_tag("HKI", 1)
    service.set(one, {"serial": "NEWSERIAL77"})
    assert tags(store, "3a1b") == []
    assert tags(store, "serial77") == [one]
    with store.unit_of_work() as uow:
        room = uow.session.query(RoomRecord).filter_by(code="A203").one()
        room.code = "C999"
        model = uow.session.query(DeviceModelRecord).filter_by(name="ThinkPad 11e").one()
        model.name = "Yoga 500"
    assert tags(store, "c999") == [one]
    assert tags(store, "a203") == []
    assert tags(store, "yoga") == [one]


def test_bulk_inserted_devices_are_indexed_and_the_trigger_resumes(store):
    from sqlalchemy import select

    from inventory_app.demo.city import DemoCity
    from inventory_app.storage.schema import DeviceRecord, SyncStateRecord

    DemoCity(store, devices=120, seed=2).generate()
    with store.read() as s:
        serial = s.scalars(select(DeviceRecord.serial).order_by(DeviceRecord.serial)).first()
        assert s.get(SyncStateRecord, "search_index_paused") is None
    assert len(tags(store, serial[2:9])) >= 1
    site = InventoryService(store).sites()[0]
    InventoryService(store).add(
        tag=make_tag("ZZ", 77), category="tablet", site=site.code, fields={"serial": "QQ-UNIQUE-9"}
    )
    assert tags(store, "unique9") == [make_tag("ZZ", 77)]


def test_short_prefix_search_honours_limit_offset_and_site(store, service):
    with store.read() as s:
        first = repo.search_devices(s, query="HK", limit=1)
        second = repo.search_devices(s, query="HK", limit=1, offset=1)
        site_id = first[0].site_id
        in_site = repo.search_devices(s, query="HK", site_id=site_id, limit=10)
        elsewhere = repo.search_devices(s, query="HK", site_id="no-such-site", limit=10)
    assert [v.asset_tag for v in first + second] == [make_tag("HKI", 1), make_tag("HKI", 2)]
    assert len(in_site) == 2 and elsewhere == []
