"""``SyncService``: what the command line and the desktop app call (plain values in and out).

A store on a postgresql:// URL is central; anything else is a laptop (a replica).
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import chain
from pathlib import Path
from typing import Any

from sqlalchemy import select

from inventory_app.core.errors import RejectedInput
from inventory_app.storage.file_modes import write_private
from inventory_app.storage.store import Store, resolve_url
from inventory_app.storage.urls import split_password
from inventory_app.sync import conflicts as conflict_log
from inventory_app.sync import duplicates, keys
from inventory_app.sync.central import ENROLMENT_VERSION, OLD_COPY, CentralHub, change_mark
from inventory_app.sync.credentials import Credentials, strip_password
from inventory_app.sync.duplicates import DuplicateGroup
from inventory_app.sync.files import BadSyncFile, Limits, SyncFile, read_sync_file, write_sync_file
from inventory_app.sync.gc_pause import collector_paused
from inventory_app.sync.online import (
    Interrupt,
    Progress,
    SyncReport,
    open_central,
    sync_online,
    with_retries,
)
from inventory_app.sync.replica import ReplicaSync

log = logging.getLogger(__name__)
ENROLMENT_FILE_BYTES = 64 * 1024  # a real one is under 1 KB


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


@dataclass(slots=True)
class SyncStatus:
    central: bool
    enrolled: bool
    pending: int
    last_sync: str | None
    cursor: int
    open_conflicts: int
    duplicates: int

    def to_json(self) -> dict[str, Any]:
        return {
            "central": self.central,
            "enrolled": self.enrolled,
            "pending": self.pending,
            "last_sync": self.last_sync,
            "cursor": self.cursor,
            "open_conflicts": self.open_conflicts,
            "duplicates": self.duplicates,
        }


def is_central(store: Store) -> bool:
    return store.engine.dialect.name == "postgresql"


class SyncService:
    def __init__(self, store: Store, credentials: Credentials | None = None, limits: Limits | None = None) -> None:
        self.store = store
        self._credentials = credentials
        self.limits = limits or Limits()

    @property
    def credentials(self) -> Credentials:
        if self._credentials is None:
            self._credentials = Credentials()
        return self._credentials

    @property
    def central(self) -> bool:
        return is_central(self.store)

    # -- status ---------------------------------------------------------------------------------------
    def status(self) -> SyncStatus:
        replica = ReplicaSync(self.store)
        with self.store.read() as s:
            from inventory_app.sync import state

            enrolled = bool(state.replica_state(s).deployment_id)
        return SyncStatus(
            central=self.central,
            enrolled=enrolled,
            pending=replica.pending_count(),
            last_sync=replica.last_sync(),
            cursor=replica.cursor(),
            open_conflicts=len(conflict_log.list_conflicts(self.store)),
            duplicates=len(duplicates.find_duplicates(self.store)),
        )

    # -- central ----------------------------------------------------------------------------------------
    def publish_central_edits(self) -> int:
        """At central, a command's own edits (demo, import, device and structure edits) enter the change
        log as the command finishes, so the next laptop to sync does not wait while they are published."""
        if not self.central:
            return 0
        from inventory_app.storage.schema import OutboxRecord
        from inventory_app.sync import state

        with self.store.read() as s:
            if not state.replica_state(s).deployment_id:
                return 0  # not set up as central (yet): `central init` publishes then
            if s.scalar(select(OutboxRecord.seq).where(OutboxRecord.acked.is_(False)).limit(1)) is None:
                return 0
        return CentralHub(self.store).publish_local()

    def central_init(self) -> dict[str, Any]:
        self._require_central()
        ident = CentralHub(self.store).initialise()
        return {
            "store": self.store.url,
            "revision": self.store.revision(),
            "deployment_id": ident.deployment_id,
            "central_replica": ident.replica_id,
            "key_id": ident.key_id,
        }

    def make_enrolment(self, name: str, out: Path) -> dict[str, Any]:
        self._require_central()
        doc = CentralHub(self.store).make_enrolment(name)
        out.parent.mkdir(parents=True, exist_ok=True)
        write_private(out, json.dumps(doc, indent=1).encode("utf-8"))  # it holds a private key
        return {"path": str(out), "name": name, "key_id": doc["key_id"]}

    def replicas(self) -> list[dict[str, Any]]:
        self._require_central()
        return CentralHub(self.store).replicas()

    def revoke_laptop(self, who: str) -> dict[str, Any]:
        """Revoke a laptop at central (by name, replica id or key id): its files and syncs are refused."""
        self._require_central()
        return CentralHub(self.store).revoke_laptop(who)

    def quarantine(self, *, release: bool = False, force: bool = False) -> dict[str, Any]:
        self._require_central()
        hub = CentralHub(self.store)
        released = hub.release_quarantine(force=force).received if release else 0
        return {"released": released, "held": hub.quarantined()}

    def _require_central(self) -> None:
        if not self.central:
            raise RejectedInput("this is a laptop store; central commands need --db postgresql://... of central")

    def _require_laptop(self, what: str) -> None:
        if self.central:
            raise RejectedInput(f"{what} runs on a laptop; this store is central")

    # -- laptop: enrolment and online sync ------------------------------------------------------------------
    def enrol_from_file(self, path: Path) -> dict[str, Any]:
        self._require_laptop("enrol")
        try:
            with Path(path).open("rb") as fh:
                raw = fh.read(ENROLMENT_FILE_BYTES + 1)
            if len(raw) > ENROLMENT_FILE_BYTES:
                raise RejectedInput(
                    f"{path} is not an enrolment file made with: central enrol (it is far too large)",
                    code="enrolment_not_a_file",
                )
            doc = json.loads(raw.decode("utf-8"))
        except (OSError, ValueError) as exc:
            raise RejectedInput(f"cannot read the enrolment file {path}: {exc}", code="enrolment_not_a_file") from None
        needed = ("deployment_id", "central_replica", "central_public_key", "private_key", "key_id")
        if (
            not isinstance(doc, dict)
            or doc.get("format") != "inventory-enrolment"
            or not all(isinstance(doc.get(k), str) for k in needed)
        ):
            raise RejectedInput(
                f"{path} is not an enrolment file made with: central enrol", code="enrolment_not_a_file"
            )
        version = doc.get("format_version", 0)
        if not isinstance(version, int) or version > ENROLMENT_VERSION:
            raise RejectedInput(
                "the enrolment file was made by a newer app version; update this app", code="enrolment_newer"
            )
        replica_id = doc.get("replica_id")
        if version >= 2 and not isinstance(replica_id, str):
            raise RejectedInput(
                f"{path} is damaged (it names no laptop identity); make a new one with: central enrol",
                code="enrolment_damaged",
            )
        try:
            if keys.key_id(keys.public_key_of(doc["private_key"])) != doc["key_id"]:
                raise ValueError
        except Exception:
            raise RejectedInput(
                "the enrolment file is damaged (its key does not match); make a new one", code="enrolment_damaged"
            ) from None
        ReplicaSync(self.store).join(
            doc["deployment_id"],
            doc["central_replica"],
            doc["central_public_key"],
            private_key=doc["private_key"],
            replica_id=replica_id,
        )
        return {"deployment_id": doc["deployment_id"], "name": doc.get("name"), "key_id": doc["key_id"]}

    def _keep_password(self, url: str) -> list[str]:
        """A password written into the URL (it worked: central answered) goes to the keyring, nowhere else."""
        _, password = split_password(resolve_url(url))
        if not password:
            return []
        try:
            self.credentials.save(url, password)
        except RejectedInput as exc:
            return [f"{exc}; the password in the address was used for this sync only"]
        return []

    def remember_password(self, url: str, password: str) -> str:
        self.credentials.save(url, password)
        return strip_password(url)

    def sync(
        self,
        url: str,
        *,
        page_size: int = 2000,
        progress: Progress | None = None,
        interrupt: Interrupt | None = None,
        name: str | None = None,
    ) -> SyncReport:
        self._require_laptop("sync")
        central, skew = open_central(url, self.credentials)
        kept = self._keep_password(url)
        try:
            report = with_retries(
                lambda: sync_online(
                    ReplicaSync(self.store),
                    CentralHub(central),
                    page_size=page_size,
                    skew_ms=skew,
                    progress=progress,
                    interrupt=interrupt,
                    name=name,
                )
            )
        finally:
            central.close()
        report.warnings.extend(kept)
        # sync_online logs the sync once, with its figures.
        return report

    def probe(self, url: str) -> bool:
        """Is central reachable (and understood)? For the sync button's online state."""
        try:
            central, _ = open_central(url, self.credentials)
        except RejectedInput:
            return False
        central.close()
        return True

    # -- files ----------------------------------------------------------------------------------------------
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

    # -- conflicts and duplicates ------------------------------------------------------------------------
    def conflicts(self, *, include_resolved: bool = False) -> list[conflict_log.ConflictView]:
        return conflict_log.list_conflicts(self.store, include_resolved=include_resolved)

    def resolve_conflict(self, conflict_id: str, choice: str) -> conflict_log.ConflictView:
        return conflict_log.resolve(self.store, conflict_id, choice)

    def duplicates(self) -> list[DuplicateGroup]:
        return duplicates.find_duplicates(self.store)

    def merge_duplicates(self, serial: str) -> DuplicateGroup:
        return duplicates.merge_duplicates(self.store, serial)

    def undo_merge(self, device: str) -> str:
        return duplicates.undo_merge(self.store, device)


def _parse_time(text: str) -> datetime | None:
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)
