"""At central, a command's own edits enter the change log as it finishes (issue 16: the first laptop to
sync after `demo --devices 100000` on central's URL waited seconds while central published them)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from inventory_app.storage.schema import CentralChangeRecord, OutboxRecord
from inventory_app.storage.store import Store
from inventory_app.sync.central import CentralHub

pytestmark = pytest.mark.postgres


def _waiting_and_logged(url: str) -> tuple[int, int]:
    store = Store.open(url)
    try:
        with store.read() as s:
            waiting = s.scalar(select(func.count()).select_from(OutboxRecord).where(OutboxRecord.acked.is_(False)))
            logged = s.scalar(select(func.count()).select_from(CentralChangeRecord))
        return int(waiting or 0), int(logged or 0)
    finally:
        store.close()


def test_demo_and_edits_at_central_are_in_its_log_when_the_command_ends(cli, pg_url):
    assert cli("central", "init", db=pg_url).code == 0
    assert cli("demo", "--devices", "40", db=pg_url).code == 0
    waiting, logged = _waiting_and_logged(pg_url)
    assert waiting == 0 and logged > 40
    assert cli("area", "add", "Uusi alue", db=pg_url).code == 0
    assert _waiting_and_logged(pg_url) == (0, logged + 1)
    store = Store.open(pg_url)
    try:
        assert CentralHub(store).publish_local() == 0  # nothing left for the first laptop's sync
    finally:
        store.close()


def test_a_plain_postgresql_store_not_set_up_as_central_keeps_its_edits_waiting(cli, pg_url):
    assert cli("demo", "--devices", "10", db=pg_url).code == 0
    waiting, logged = _waiting_and_logged(pg_url)
    assert waiting > 0 and logged == 0  # `central init` publishes them when it sets central up
