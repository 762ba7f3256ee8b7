"""After ``duplicates --merge`` the merged-away record's label is still on the device: it finds the survivor."""

from __future__ import annotations

from inventory_app.audit.engine import AuditSession
from inventory_app.core.enums import ScanOutcome
from inventory_app.core.identifiers import make_tag
from inventory_app.inventory.service import InventoryService
from inventory_app.storage import repositories as repo


def test_a_merged_away_tag_finds_the_survivor(store, school, clock, cli):
    service = InventoryService(store)
    kept, merged = make_tag("HKI", 801), make_tag("HKI", 802)
    service.add(tag=kept, category="tablet", site="KOI01", room="A101", fields={"serial": "DUP-1"})
    service.add(tag=merged, category="tablet", site="KOI01", room="A101")
    with store.unit_of_work() as uow:  # as sync brings a second registration of the same serial
        repo.device_by_identifier(uow.session, merged).serial = "dup 1"
    result = cli("duplicates", "--merge", "DUP-1")
    assert result.code == 0, result.err
    shown = cli("device", "show", merged, "--json")
    assert shown.code == 0, shown.err
    data = shown.json()
    assert data["asset_tag"] == kept and data["merged_tags"] == [merged]
    assert cli("device", "show", kept, "--json").json()["merged_tags"] == [merged]
    audit = AuditSession.start(store, school.site_code, "Aino", monotonic=clock)
    audit.scan(school.labels["A101"])
    scanned = audit.scan(merged)
    assert scanned.outcome is ScanOutcome.FOUND and scanned.device.asset_tag == kept
