"""What a laptop writes into its sync file is what a receiver's checks accept, for every kind of table."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from inventory_app.storage.schema import ObservationRecord
from inventory_app.storage.store import Store
from inventory_app.sync.records import change_from_json
from inventory_app.sync.replica import ReplicaSync
from tests.sync.helpers import seed_site


def test_an_exported_observation_passes_the_receivers_record_checks(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "laptop.sqlite")
    try:
        site_id, room_id = seed_site(store)
        with store.unit_of_work() as uow:
            row = {
                "site_id": site_id,
                "room_id": room_id,
                "kind": "network",
                "severity": "info",
                "text": "slow wifi",
                "observed_at": datetime(2026, 11, 30, 8, 0, tzinfo=UTC),
            }
            uow.insert_many(ObservationRecord, [row])
        for for_file in (True, False):
            changes = ReplicaSync(store).pending(0, for_file=for_file)
            assert {c.table for c in changes} >= {"sites", "rooms", "observations"}
            for change in changes:
                # A file's record is checked field by field at central: an insert-only row's own id
                # (stored in its outbox payload) must not appear among its values.
                back = change_from_json(json.loads(change.to_line()))
                assert back.row_id == change.row_id
    finally:
        store.close()
