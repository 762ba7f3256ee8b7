"""Central-signed sync files for laptops, made without a central server (no PostgreSQL).

A laptop verifies a file from central with what it learnt at enrolment (deployment id, central's
replica id and public key, the replica id it was given); it never asks central. So a central made of
plain keys in Python signs files that a laptop store (SQLite) checks exactly as it checks real ones:
the laptop-side refusal tests run on a machine without a PostgreSQL server.
"""

from __future__ import annotations

import dataclasses
import json
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from inventory_app.core.identifiers import make_tag
from inventory_app.storage.store import Store
from inventory_app.sync import keys
from inventory_app.sync.central import ENROLMENT_VERSION
from inventory_app.sync.files import write_sync_file
from inventory_app.sync.records import Change
from inventory_app.sync.replica import ReplicaSync
from tests.sync.helpers import seed_site


@dataclass
class PaperCentral:
    """A central's identity and signing key, with no database behind it."""

    deployment_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    replica_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    private_key: str = field(default_factory=keys.new_private_key)

    @property
    def public_key(self) -> str:
        return keys.public_key_of(self.private_key)

    def enrolment(self, name: str) -> dict[str, Any]:
        """The document ``central enrol`` writes: a new key pair and replica id for one laptop."""
        private = keys.new_private_key()
        return {
            "format": "inventory-enrolment",
            "format_version": ENROLMENT_VERSION,
            "deployment_id": self.deployment_id,
            "central_replica": self.replica_id,
            "central_public_key": self.public_key,
            "name": name,
            "key_id": keys.key_id(keys.public_key_of(private)),
            "replica_id": str(uuid.uuid4()),
            "private_key": private,
        }

    def snapshot_file(self, out: Path, changes: list[Change], *, target_replica: str) -> dict[str, Any]:
        """A ``central-snapshot`` file for one laptop, laid out as central's export writes it."""
        head = len(changes)
        rows = [dataclasses.replace(c, origin=self.replica_id, seq=head, seen=head) for c in changes]
        return write_sync_file(
            out,
            kind="central-snapshot",
            deployment_id=self.deployment_id,
            source_replica=self.replica_id,
            private_key=self.private_key,
            changes=rows,
            ranges={"central_pos": [0, head]},
            extra={"target_replica": target_replica, "acks": {"applied_seq": 0}},
        )


def school_changes(db: str, devices: int = 2) -> list[Change]:
    """Add a site 'KOU01', its room 'A101' and ``devices`` pupil laptops (serials SN1, SN2, ...) to the laptop
    store ``db``; return its pending changes (the devices last), which central would pass on to others."""
    from tests.sync.helpers import run_cli

    store = Store.open(db)
    try:
        seed_site(store)
    finally:
        store.close()
    for n in range(1, devices + 1):
        r = run_cli(
            "device",
            "add",
            "--tag",
            make_tag("HKI", n),
            "--category",
            "pupil_laptop",
            "--site",
            "KOU01",
            "--room",
            "A101",
            "--serial",
            f"SN{n}",
            db=db,
        )
        assert r.code == 0, r.err
    store = Store.open(db)
    try:
        changes = ReplicaSync(store).pending(0)
    finally:
        store.close()
    assert changes and changes[-1].table == "devices", [c.table for c in changes]
    return changes


def enrolled_laptop(central: PaperCentral, name: str, folder: Path) -> tuple[str, dict[str, Any]]:
    """A new laptop store enrolled from ``central``'s enrolment file (as ``enrol FILE`` does it)."""
    from tests.sync.helpers import run_cli

    doc = central.enrolment(name)
    enrol = folder / f"{name}-enrol.json"
    enrol.write_text(json.dumps(doc, indent=1))
    db = str(folder / f"{name}.sqlite")
    r = run_cli("enrol", str(enrol), db=db)
    assert r.code == 0, r.err
    return db, doc
