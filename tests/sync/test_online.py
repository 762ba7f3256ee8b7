"""Online sync between laptops and a central PostgreSQL."""

from __future__ import annotations

import pytest

from inventory_app.core.identifiers import make_tag
from inventory_app.inventory.service import InventoryService
from inventory_app.sync.central import CentralHub
from inventory_app.sync.conflicts import list_conflicts
from inventory_app.sync.online import sync_online
from tests.sync.helpers import seed_site

pytestmark = pytest.mark.postgres


def _sync(laptop, central, **kw):
    return sync_online(laptop.replica, CentralHub(central), **kw)


def test_two_laptops_converge_and_a_concurrent_edit_is_logged(central, make_laptop):
    a, b = make_laptop("a"), make_laptop("b")
    seed_site(central)
    _sync(a, central)
    _sync(b, central)
    tag = make_tag("HKI", 1)
    InventoryService(a.store).add(tag=tag, category="pupil_laptop", site="KOU01", room="A101")
    _sync(a, central)
    _sync(b, central)
    assert InventoryService(b.store).show(tag).room == "A101"
    # Both edit the same field offline; b's edit is later and wins; a's value goes to the log.
    InventoryService(a.store).set(tag, {"status": "broken"})
    b.clock.tick(5000)
    InventoryService(b.store).set(tag, {"status": "spare"})
    _sync(a, central)
    _sync(b, central)
    _sync(a, central)
    assert InventoryService(a.store).show(tag).status == "spare"
    assert InventoryService(b.store).show(tag).status == "spare"
    views = list_conflicts(central)
    assert [(v.field, v.kept_value, v.lost_value) for v in views] == [("status", "spare", "broken")]
    # Each value names its own author (field trial: "overwritten by" named the loser); at central both
    # are laptops (central's own edits would be "self").
    assert (views[0].kept_by, views[0].lost_by) == (b.replica.replica_id, a.replica.replica_id)
    assert (views[0].kept_origin, views[0].lost_origin) == ("laptop", "laptop")


def test_a_fresh_laptops_snapshot_is_searchable_and_its_pages_resume_after_a_drop(central, make_laptop):
    from inventory_app.demo.city import DemoCity

    DemoCity(central, devices=1500, seed=3).generate()
    laptop = make_laptop("fresh")
    report = _sync(laptop, central)
    assert report.snapshot_rows > 1500
    service = InventoryService(laptop.store)
    one = service.list(limit=1)[0]
    # The bulk path suspends the search index trigger; the index must still hold every new device.
    assert [v.id for v in service.list(search=one.serial)] == [one.id]
    for v in service.list(limit=30):
        service.set(v.asset_tag, {"notes": "seen"})

    def drop(stage, page):
        if (stage, page) == ("push", 2):
            raise ConnectionError("line dropped")

    with pytest.raises(ConnectionError):
        _sync(laptop, central, page_size=10, interrupt=drop)
    assert laptop.store.pending_changes() == 10  # two pages made it, each whole
    assert _sync(laptop, central, page_size=10).pushed == 10
    assert laptop.store.pending_changes() == 0
