"""Sync files: a laptop's changes for central, central's file for one laptop, and importing either.

``SyncService`` (service.py) hands its ``export``, ``read_file`` and ``import_file`` to :class:`FileExchange`;
everything in a file is checked before a transaction opens (files.py), then merged as an online sync would.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import chain
from pathlib import Path
from typing import Any

from inventory_app.core.errors import RejectedInput
from inventory_app.storage.store import Store
from inventory_app.sync import duplicates, keys
from inventory_app.sync.central import OLD_COPY, CentralHub, change_mark
from inventory_app.sync.files import BadSyncFile, Limits, SyncFile, read_sync_file, write_sync_file
from inventory_app.sync.gc_pause import collector_paused
from inventory_app.sync.replica import ReplicaSync

log = logging.getLogger(__name__)


@dataclass(slots=True)
class ExportResult:
    path: Path
    kind: str
    changes: int
    size_bytes: int
    file_id: str

    def to_json(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "kind": self.kind,
            "changes": self.changes,
            "size_bytes": self.size_bytes,
            "file_id": self.file_id,
        }


@dataclass(slots=True)
class ImportResult:
    path: Path
    kind: str
    source: str
    changes: int
    applied: int = 0
    skipped: int = 0
    conflicts: int = 0
    quarantined: int = 0
    duplicates: int = 0
    preview: bool = False
    warnings: list[str] = field(default_factory=list)
    by_table: dict[str, int] = field(default_factory=dict)
    created_at: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "kind": self.kind,
            "source": self.source,
            "changes": self.changes,
            "applied": self.applied,
            "skipped": self.skipped,
            "conflicts": self.conflicts,
            "quarantined": self.quarantined,
            "duplicates": self.duplicates,
            "preview": self.preview,
            "warnings": self.warnings,
            "by_table": self.by_table,
            "created_at": self.created_at,
        }


def is_central(store: Store) -> bool:
    """A store on a postgresql:// URL is central; anything else is a laptop."""
    return store.engine.dialect.name == "postgresql"


class FileExchange:
    """Writes and reads sync files for one store (central on PostgreSQL, else a laptop)."""

    def __init__(self, store: Store, limits: Limits | None = None) -> None:
        self.store = store
        self.limits = limits or Limits()

    @property
    def central(self) -> bool:
        return is_central(self.store)

    def export(self, out: Path, *, for_replica: str | None = None) -> ExportResult:
        if self.central:
            if not for_replica:
                raise RejectedInput("at central, say which laptop the file is for: export-sync --for NAME --out FILE")
            return self._export_central(out, for_replica)
        if for_replica:
            raise RejectedInput("--for is for central; a laptop's file always goes to central")
        replica = ReplicaSync(self.store)
        ident = replica.identity()
        if not ident.deployment_id:
            raise RejectedInput(
                "this laptop is not enrolled with a central yet: enrol FILE, or sync online once", code="not_enrolled"
            )
        acked = replica.acked_seq()
        changes = replica.pending(0, for_file=True)
        seqs = [changes[0].seq, changes[-1].seq] if changes else [acked, acked]
        manifest = write_sync_file(
            out,
            kind="replica-changes",
            deployment_id=ident.deployment_id,
            source_replica=ident.replica_id,
            private_key=replica.private_key(),
            changes=changes,
            ranges={"outbox_seq": seqs, "acked_through": acked},
            extra={"cursor": replica.cursor()},
            created_at=self._now(),
        )
        return ExportResult(Path(out), "replica-changes", len(changes), Path(out).stat().st_size, manifest["file_id"])

    def _export_central(self, out: Path, who: str) -> ExportResult:
        hub = CentralHub(self.store)
        hub.publish_local()
        ident = hub.identity()
        target = hub.find_laptop(who)
        if target["revoked"]:
            raise RejectedInput(f"laptop {who!r} was revoked at central; it gets no more sync files")
        ledger = hub.ledger(target["replica_id"]) if target["replica_id"] else None
        target_id = target["replica_id"] or f"key:{target['key_id']}"
        pulled = ledger.pulled_pos if ledger else 0
        if pulled == 0:
            kind = "central-snapshot"
            chunks = hub.snapshot()
            # The first chunk fixes the position the (repeatable-read) snapshot stands for.
            first = next(chunks, None)
            head = first[0] if first is not None else hub.head()
            changes: Any = chain(first[1] if first else [], (c for _, chunk in chunks for c in chunk))
            ranges = {"central_pos": [0, head]}
        else:
            kind = "central-changes"
            changes, head = hub.changes_after(pulled, 10**12, exclude_origin=target["replica_id"])
            head = max(head, pulled)
            ranges = {"central_pos": [pulled, head]}
        manifest = write_sync_file(
            out,
            kind=kind,
            deployment_id=ident.deployment_id,
            source_replica=ident.replica_id,
            private_key=hub.private_key(),
            changes=changes,
            ranges=ranges,
            created_at=self._now(),
            extra={
                "target_replica": target_id,
                "acks": {
                    "applied_seq": ledger.applied_seq if ledger else 0,
                    "applied_mark": ledger.applied_mark if ledger else None,
                },
            },
        )
        return ExportResult(
            Path(out), kind, manifest["counts"]["changes"], Path(out).stat().st_size, manifest["file_id"]
        )

    def _now(self) -> datetime:
        return datetime.fromtimestamp(self.store.now_ms() / 1000, tz=UTC)

    def read_file(self, path: Path) -> SyncFile:
        """Verify a sync file completely against this store (nothing is written)."""
        if self.central:
            hub = CentralHub(self.store)
            ident = hub.identity()

            def trust(manifest: dict[str, Any]) -> str:
                if manifest["kind"] != "replica-changes":
                    raise BadSyncFile(
                        "sync file refused: it was made by central for a laptop; import it on that "
                        "laptop. Nothing was imported.",
                        code="sync_file_for_laptop",
                    )
                with self.store.read() as s:
                    try:
                        return hub.signer_key(s, manifest["source_replica"], manifest["key_id"])
                    except RejectedInput as exc:
                        raise BadSyncFile(f"sync file refused: {exc}. Nothing was imported.") from None

            return read_sync_file(path, deployment_id=ident.deployment_id, trust=trust, limits=self.limits)
        ident_r = ReplicaSync(self.store).identity()

        def trust_central(manifest: dict[str, Any]) -> str:
            if manifest["kind"] == "replica-changes":
                raise BadSyncFile(
                    "sync file refused: it was made by a laptop; import it at central. Nothing was imported.",
                    code="sync_file_from_laptop",
                )
            if (
                not ident_r.central_public_key
                or manifest["source_replica"] != ident_r.central_replica
                or manifest["key_id"] != keys.key_id(ident_r.central_public_key)
            ):
                raise BadSyncFile(
                    "sync file refused: it is not signed by this laptop's central (unknown signer); "
                    "ask central IT for a file made for this laptop. Nothing was imported.",
                    code="sync_file_unknown_signer",
                )
            target = manifest.get("target_replica")
            if target not in (ident_r.replica_id, f"key:{ident_r.key_id}"):
                raise BadSyncFile(
                    f"sync file refused: it was made for another laptop ({str(target)[:40]}); ask "
                    "central IT for a file for this laptop. Nothing was imported.",
                    code="sync_file_other_laptop",
                )
            return ident_r.central_public_key

        return read_sync_file(path, deployment_id=ident_r.deployment_id, trust=trust_central, limits=self.limits)

    def import_file(self, path: Path, *, preview: bool = False) -> ImportResult:
        with collector_paused():
            return self._import_file(path, preview)

    def _import_file(self, path: Path, preview: bool) -> ImportResult:
        sync_file = self.read_file(path)
        m = sync_file.manifest
        result = ImportResult(
            Path(path),
            sync_file.kind,
            sync_file.source,
            len(sync_file.changes),
            preview=preview,
            by_table=dict(m["counts"].get("by_table", {})),
            created_at=str(m["created_at"]),
        )
        created = _parse_time(m["created_at"])
        if created is not None and (created - self._now()).total_seconds() > 300:
            result.warnings.append("the file says it was made in the future: the sender's clock is probably wrong")
        if self.central:
            self._import_at_central(sync_file, result, preview)
        else:
            self._import_at_laptop(sync_file, result, preview)
        if not preview:
            result.duplicates = len(duplicates.find_duplicates(self.store))
            log.info(
                "imported sync file %s at %s from %s: %d changes applied, %d already there, %d conflicts, "
                "%d quarantined",
                Path(path).name,
                "central" if self.central else "this laptop",
                sync_file.source,
                result.applied,
                result.skipped,
                result.conflicts,
                result.quarantined,
            )
        return result

    def _import_at_central(self, f: SyncFile, result: ImportResult, preview: bool) -> None:
        hub = CentralHub(self.store)
        m = f.manifest
        acked = int(m["ranges"]["acked_through"])
        cursor = m.get("cursor", 0)
        if not isinstance(cursor, int) or isinstance(cursor, bool) or cursor < 0:
            raise BadSyncFile("sync file refused: its manifest has no valid cursor. Nothing was imported.")
        ledger = hub.ledger(f.source)
        if acked > ledger.applied_seq:
            raise BadSyncFile(
                f"sync file refused: it continues after change {acked} of its laptop, but central has only up to "
                f"{ledger.applied_seq}; import that laptop's earlier file first, or export a new file on the laptop. "
                "Nothing was imported."
            )
        again = next((c for c in f.changes if c.seq == ledger.applied_seq), None)
        if again is not None and ledger.applied_mark and change_mark(again) != ledger.applied_mark:
            raise BadSyncFile("sync file refused: " + OLD_COPY.format(seq=again.seq))
        fresh = [c for c in f.changes if c.seq > ledger.applied_seq]
        result.skipped = len(f.changes) - len(fresh)
        if preview:
            return
        if not fresh and cursor <= ledger.pulled_pos and ledger.known:
            return  # a repeated file: nothing to do, nothing written
        accepted = hub.accept(
            f.source,
            f.changes,
            acked_through=acked,
            pulled_pos=cursor,
            file_id=str(m["file_id"]),
            bind_key=str(m["key_id"]),
        )
        result.applied, result.conflicts, result.quarantined = (
            accepted.applied,
            accepted.conflicts,
            accepted.quarantined,
        )
        result.warnings.extend(accepted.warnings)

    def _import_at_laptop(self, f: SyncFile, result: ImportResult, preview: bool) -> None:
        replica = ReplicaSync(self.store)
        m = f.manifest
        acks = m.get("acks")
        applied_seq = acks.get("applied_seq") if isinstance(acks, dict) else None
        if not isinstance(applied_seq, int) or isinstance(applied_seq, bool) or applied_seq < 0:
            raise BadSyncFile("sync file refused: its manifest has no valid acknowledgement. Nothing was imported.")
        start, end = m["ranges"]["central_pos"]
        cursor = replica.cursor()
        snapshot = f.kind == "central-snapshot"
        mark = acks.get("applied_mark") if isinstance(acks, dict) else None
        if not preview and replica.is_old_copy(applied_seq, mark if isinstance(mark, str) else None, start):
            # Central has seen more of this laptop than this store remembers, or another change under the same
            # number: an old copy of the store file. It never hands out numbers central has seen, so it becomes a
            # new laptop identity (as after a restore); this file, addressed to the old one, is not applied.
            replica.renew_identity()
            result.warnings.append(
                "this store is older than what central has from this laptop (a copied or restored file); it is now "
                "a new laptop identity and keeps its own changes. Ask central IT for a new enrolment file, enrol it, "
                "then exchange sync files again. Nothing of this file was applied."
            )
            return
        if not snapshot and start > cursor:
            raise BadSyncFile(
                f"sync file refused: it continues after central change {start}, but this laptop has only up to "
                f"{cursor}; import central's earlier file first, or ask central for a new file. Nothing was imported."
            )
        result.skipped = sum(1 for c in f.changes if not snapshot and c.seq <= cursor)
        if preview:
            return
        if end <= cursor and applied_seq <= replica.acked_seq():
            result.skipped = len(f.changes)
            return  # already applied: nothing written
        applied = replica.apply(
            f.changes if end > cursor else [],
            max(end, cursor),
            first_after=start,
            acked_seq=applied_seq,
            snapshot=snapshot and end > cursor,
        )
        result.applied, result.conflicts = applied.applied, applied.conflicts
        result.warnings.extend(applied.warnings)


def _parse_time(text: str) -> datetime | None:
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)
