"""The city's structure is synced data: two laptops creating the same site offline end with one site."""

from __future__ import annotations

import pytest

from inventory_app.inventory.structure import StructureService
from inventory_app.sync.central import CentralHub
from inventory_app.sync.conflicts import list_conflicts
from inventory_app.sync.online import sync_online

pytestmark = pytest.mark.postgres


def _sync(laptop, central):
    return sync_online(laptop.replica, CentralHub(central))


def test_the_same_site_created_offline_on_two_laptops_is_one_site_merged_field_by_field(central, make_laptop):
    a, b = make_laptop("a"), make_laptop("b")
    _sync(a, central)
    _sync(b, central)
    for laptop, cost_centre in ((a, "4100"), (b, "4200")):
        laptop.clock.tick(1000 if laptop is a else 3000)  # b creates it later
        s = StructureService(laptop.store)
        s.add_area("Keskusta")
        s.add_site("kes01", name="Keskuskoulu", area="Keskusta", kind="comprehensive", cost_centre=cost_centre)
        s.add_room("KES01", "A101")
        s.add_contract("LEA-1", lessor="Atea", start="1.8.2026", end="31.7.2030")
    # after both, a edits the address: its edit survives beside b's cost centre (field by field)
    a.clock.tick(9000)
    StructureService(a.store).set_site("KES01", {"address": "Koulukatu 1"})
    for laptop in (a, b, a):
        _sync(laptop, central)
    for laptop in (a, b):
        s = StructureService(laptop.store)
        [site] = s.site_views()
        assert (site.code, site.cost_centre, site.address) == ("KES01", "4200", "Koulukatu 1")
        assert [r.code for r in s.room_views("KES01")] == ["A101"]
        assert [c.number for c in s.contracts()] == ["LEA-1"]
        assert [x.name for x in s.areas()] == ["Keskusta"]
        assert s.duplicates() == []
    assert [x.code for x in StructureService(central).site_views()] == ["KES01"]
    # the overwritten cost centre is kept for a person to review
    lost = [(v.field, v.kept_value, v.lost_value) for v in list_conflicts(central) if v.table == "sites"]
    assert ("cost_centre", "4200", "4100") in lost


def test_a_retirement_syncs_and_the_same_code_under_two_ids_is_listed_for_review(central, make_laptop):
    from inventory_app.storage.schema import SiteRecord

    a, b = make_laptop("a"), make_laptop("b")
    s_a, s_b = StructureService(a.store), StructureService(b.store)
    s_a.add_area("Keskusta")
    s_a.add_site("KES01", name="Keskuskoulu", area="Keskusta", kind="primary")
    _sync(a, central)
    _sync(b, central)
    s_a.set_site("KES01", {"retired": "yes"})
    _sync(a, central)
    _sync(b, central)
    assert s_b.site("KES01").retired is True
    # an older version (random ids) made site LAU02 on b while a made it here: two rows, one code
    area_id = s_b.areas()[0].id
    with b.store.unit_of_work() as uow:
        uow.session.add(SiteRecord(name="Lauritsala", code="LAU02", area_id=area_id, kind="primary"))
    s_a.add_site("LAU02", name="Lauritsalan koulu", area="Keskusta", kind="primary")
    for laptop in (a, b, a):
        _sync(laptop, central)
    for service in (s_a, s_b):
        [dup] = service.duplicates()
        assert (dup.table, dup.key, len(dup.ids)) == ("sites", "LAU02", 2)
    # a person reviews: retire one of them; the other stays
    s_b.set_site(dup.ids[0], {"retired": "yes"})
    assert sorted(v.retired for v in s_b.site_views() if v.code == "LAU02") == [False, True]
