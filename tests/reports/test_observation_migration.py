"""Migration 0010_observation_resolution on a store with real rows, built at the previous revision.

A store made at 0005 (devices through the unit of work, so with outbox entries and the search index,
an audit's scans, observations at the four old severities) is opened by this version: it upgrades,
keeps every row, maps the severities (info and minor -> low, major -> medium, critical -> high) and
the observations can then be resolved.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from pathlib import Path

from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, func, select, text

from inventory_app.audit.observations import ObservationService
from inventory_app.core.catalogue import category_id
from inventory_app.core.identifiers import device_id_for_tag, make_tag
from inventory_app.storage import migrations
from inventory_app.storage.schema import (
    AreaRecord,
    AuditRecord,
    DeviceRecord,
    OutboxRecord,
    RoomRecord,
    ScanEventRecord,
    SiteRecord,
)
from inventory_app.storage.store import Store

# The revision just before 0010 (the chain is re-linked as branches merge; ask Alembic, not a constant).
PREVIOUS = (
    ScriptDirectory.from_config(migrations.alembic_config()).get_revision("0010_observation_resolution").down_revision
)


def _build_at_previous(path: Path) -> dict[str, str]:
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        migrations.upgrade(conn, PREVIOUS)
    engine.dispose()
    store = Store.open(path, migrate=False)
    ids = {"area": str(uuid.uuid4()), "site": str(uuid.uuid4()), "room": str(uuid.uuid4()), "audit": str(uuid.uuid4())}
    tags = [make_tag("LPR", n) for n in range(1, 4)]
    with store.unit_of_work() as uow:
        uow.insert_many(AreaRecord, [{"id": ids["area"], "name": "Kesämäki", "code": "KES"}])
        uow.insert_many(
            SiteRecord,
            [
                {
                    "id": ids["site"],
                    "area_id": ids["area"],
                    "name": "Kesämäen koulu",
                    "code": "KES05",
                    "kind": "comprehensive",
                }
            ],
        )
        uow.insert_many(RoomRecord, [{"id": ids["room"], "site_id": ids["site"], "code": "A101", "name": "Luokka"}])
        uow.insert_many(
            DeviceRecord,
            [
                {
                    "id": device_id_for_tag(t),
                    "asset_tag": t,
                    "serial": f"SER{n}",
                    "category_id": category_id("tablet"),
                    "site_id": ids["site"],
                    "room_id": ids["room"],
                    "status": "in_use",
                    "ownership": "owned",
                }
                for n, t in enumerate(tags)
            ],
        )
        uow.insert_many(
            AuditRecord,
            [
                {
                    "id": ids["audit"],
                    "site_id": ids["site"],
                    "auditor": "Aino",
                    "started_at": datetime(2026, 10, 1, 8, tzinfo=UTC),
                    "status": "finished",
                }
            ],
        )
        uow.insert_many(
            ScanEventRecord,
            [
                {
                    "audit_id": ids["audit"],
                    "room_id": ids["room"],
                    "raw_code": t,
                    "code": t,
                    "method": "camera",
                    "scanned_at": datetime(2026, 10, 1, 8, n, tzinfo=UTC),
                    "device_id": device_id_for_tag(t),
                    "outcome": "found",
                }
                for n, t in enumerate(tags)
            ],
        )
    store.close()
    # Observations as the old schema has them (no resolves_id), one per old severity.
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        for n, severity in enumerate(("info", "minor", "major", "critical")):
            conn.execute(
                text(
                    "INSERT INTO observations (id, site_id, room_id, kind, severity, text, observed_at) "
                    "VALUES (:id, :site, :room, 'network', :severity, :note, :at)"
                ),
                {
                    "id": f"obs-{n}",
                    "site": ids["site"],
                    "room": ids["room"],
                    "severity": severity,
                    "note": f"Wi-Fi {severity}",
                    "at": f"2026-10-0{n + 1} 09:00:00.000000",
                },
            )
    engine.dispose()
    return ids


def test_a_store_at_the_previous_revision_upgrades_with_every_row(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    _build_at_previous(path)
    old = Store.open(path, migrate=False)
    with old.read() as s:
        outbox_before = s.scalar(select(func.count()).select_from(OutboxRecord))
    old.close()
    store = Store.open(path, backup_dir=tmp_path / "backups")
    try:
        assert store.revision() == migrations.head_revision()
        with store.read() as s:
            assert s.scalar(select(func.count()).select_from(DeviceRecord)) == 3
            assert s.scalar(select(func.count()).select_from(ScanEventRecord)) == 3
            assert s.scalar(select(func.count()).select_from(OutboxRecord)) == outbox_before > 0
            found = s.execute(text("SELECT count(*) FROM device_search WHERE device_search MATCH 'SER1'")).scalar()
            assert found == 1
        service = ObservationService(store)
        seen = {o.id: (o.severity, o.site_code, o.room, o.text, o.open) for o in service.find()}
        assert seen == {
            "obs-0": ("low", "KES05", "A101", "Wi-Fi info", True),
            "obs-1": ("low", "KES05", "A101", "Wi-Fi minor", True),
            "obs-2": ("medium", "KES05", "A101", "Wi-Fi major", True),
            "obs-3": ("high", "KES05", "A101", "Wi-Fi critical", True),
        }
        service.resolve("obs-3")
        assert [o.id for o in service.find(open_only=True)] == ["obs-0", "obs-1", "obs-2"]
    finally:
        store.close()
