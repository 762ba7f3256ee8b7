"""``SyncService``: what the command line and the desktop app call (plain values in and out).

A store on a postgresql:// URL is central; anything else is a laptop (a replica).
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from inventory_app.core.errors import RejectedInput
from inventory_app.storage.file_modes import write_private
from inventory_app.storage.store import Store, resolve_url
from inventory_app.storage.urls import split_password
from inventory_app.sync import conflicts as conflict_log
from inventory_app.sync import duplicates, keys
from inventory_app.sync.central import ENROLMENT_VERSION, CentralHub
from inventory_app.sync.credentials import Credentials, strip_password
from inventory_app.sync.duplicates import DuplicateGroup
from inventory_app.sync.file_exchange import ExportResult, FileExchange, ImportResult, is_central
from inventory_app.sync.files import Limits, SyncFile
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

    # -- files (sync/file_exchange.py) ----------------------------------------------------------------------
    def export(self, out: Path, *, for_replica: str | None = None) -> ExportResult:
        return FileExchange(self.store, self.limits).export(out, for_replica=for_replica)

    def read_file(self, path: Path) -> SyncFile:
        return FileExchange(self.store, self.limits).read_file(path)

    def import_file(self, path: Path, *, preview: bool = False) -> ImportResult:
        return FileExchange(self.store, self.limits).import_file(path, preview=preview)

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
