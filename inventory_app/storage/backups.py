"""Backups of the local SQLite store: made, listed, rotated and restored.

A copy is made with SQLite's online backup API (consistent while the app has the store open):
before every migration (``Store.open``), before every sync import (the sync code calls
``backup_now(store, "before-sync-import")``), once a day while the app is in use, and on request.
Only the newest ``keep`` copies stay. Restoring checks the file first (a store this build understands),
makes a safety copy of the current store, then copies the backup *into* the store file through the
same API, so open connections, the WAL and the file's permissions stay valid.

Plain ``sqlite3`` on purpose: backups must work on a store the ORM cannot open (a damaged or
older-schema one), and must not depend on the models matching the file.
"""

from __future__ import annotations

import builtins
import logging
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from inventory_app.core.errors import RejectedInput, StoreError
from inventory_app.storage.file_modes import create_private, make_private
from inventory_app.storage.replica_identity import renew_identity

if TYPE_CHECKING:
    from inventory_app.storage.store import Store

log = logging.getLogger(__name__)

DEFAULT_KEEP = 10
DAILY = timedelta(hours=24)
SQLITE_HEADER = b"SQLite format 3\x00"
# Tables every inventory store has, whatever its schema revision.
REQUIRED_TABLES = frozenset({"alembic_version", "devices", "sites", "replica_state"})
_STAMP_FORMAT = "%Y%m%d-%H%M%S"
_NAME = re.compile(r"^(?P<stem>.+?)-(?P<stamp>\d{8}-\d{6})(?:-(?P<seq>\d+))?-(?P<reason>[a-z0-9][a-z0-9-]*)\.sqlite$")
_REASON = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """One backup file, as a person choosing what to restore wants to see it."""

    path: Path
    created: datetime
    reason: str
    size_bytes: int

    @property
    def name(self) -> str:
        return self.path.name

    def to_json(self) -> dict[str, Any]:
        return {
            "file": str(self.path),
            "created": self.created.isoformat(timespec="seconds"),
            "reason": self.reason,
            "size_bytes": self.size_bytes,
        }


@dataclass(frozen=True, slots=True)
class StoreFileInfo:
    """What a store file holds, read without the ORM."""

    revision: str
    devices: int

    def to_json(self) -> dict[str, Any]:
        return {"revision": self.revision, "devices": self.devices}


def online_backup(source: Path, target: Path, *, pages_per_step: int = -1) -> Path:
    """Copy a (possibly open) SQLite file consistently with SQLite's online backup API.

    Writes to a temporary name and renames, so a half-written backup never looks like a real one.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    create_private(partial)  # a backup holds the signing key too: owner-only (file_modes)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=10)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst, pages=pages_per_step)
            # A backup is one self-contained file (no -wal beside it), whatever the source's mode.
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    except sqlite3.Error as exc:
        partial.unlink(missing_ok=True)
        raise StoreError(f"could not back up {source.name}: {exc}") from exc
    finally:
        src.close()
    partial.replace(target)
    return target


def inspect_store_file(path: Path) -> StoreFileInfo:
    """The schema revision and device count of a store file; RejectedInput if it is not a store."""
    if not path.is_file():
        raise RejectedInput(f"{path} does not exist or is not a file")
    with path.open("rb") as fh:
        if fh.read(16) != SQLITE_HEADER:
            raise RejectedInput(f"{path.name} is not an inventory store (not a SQLite database)")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise RejectedInput(f"{path.name} cannot be opened: {exc}") from exc
    try:
        check = conn.execute("PRAGMA quick_check").fetchone()
        if not check or check[0] != "ok":
            raise RejectedInput(f"{path.name} is damaged ({check[0] if check else 'no answer'}); choose another backup")
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not REQUIRED_TABLES.issubset(tables):
            raise RejectedInput(f"{path.name} is a SQLite file but not an inventory store")
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        if row is None:
            raise RejectedInput(f"{path.name} has no schema revision; it is not a complete inventory store")
        devices = conn.execute("SELECT count(*) FROM devices WHERE deleted = 0").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise RejectedInput(f"{path.name} is not a readable inventory store: {exc}") from exc
    finally:
        conn.close()
    return StoreFileInfo(revision=str(row[0]), devices=int(devices))


class StoreBackups:
    """The backups of one SQLite store file, kept in one folder."""

    def __init__(
        self,
        store_path: Path,
        backup_dir: Path | None = None,
        *,
        keep: int = DEFAULT_KEEP,
        now: Callable[[], datetime] = datetime.now,
    ) -> None:
        if keep < 1:
            raise ValueError("keep at least one backup")
        self.store_path = Path(store_path)
        self.backup_dir = Path(backup_dir) if backup_dir is not None else self.store_path.parent / "backups"
        self.keep = keep
        self.now = now

    @classmethod
    def for_store(cls, store: Store, *, keep: int = DEFAULT_KEEP) -> StoreBackups | None:
        """None for a PostgreSQL store: the central database is backed up by its server's admins."""
        path = store.path
        if path is None:
            return None
        return cls(path, store.backup_dir, keep=keep)

    # -- making --------------------------------------------------------------------------------
    def create(self, reason: str = "manual", *, rotate: bool = True) -> BackupInfo:
        if not self.store_path.is_file():
            raise StoreError(f"there is no store at {self.store_path} to back up")
        slug = _REASON.sub("-", reason.lower()).strip("-") or "manual"
        created = self.now().replace(microsecond=0)
        base = f"{self.store_path.stem}-{created.strftime(_STAMP_FORMAT)}"
        target = self.backup_dir / f"{base}-{slug}.sqlite"
        seq = 1
        while target.exists():  # two backups within a second keep both, in order
            seq += 1
            target = self.backup_dir / f"{base}-{seq}-{slug}.sqlite"
        online_backup(self.store_path, target)
        log.info("backed up the store (%s) to %s", slug, target.name)
        if rotate:
            self.rotate()
        return BackupInfo(target, created, slug, target.stat().st_size)

    def create_daily_if_due(self) -> BackupInfo | None:
        """A backup when none (of any kind) was made in the last 24 hours."""
        newest = self.list()[:1]
        if newest and self.now() - newest[0].created < DAILY:
            return None
        return self.create("daily")

    # -- listing and rotating -------------------------------------------------------------------
    def list(self) -> list[BackupInfo]:
        """This store's backups, newest first."""
        if not self.backup_dir.is_dir():
            return []
        found = []
        for path in self.backup_dir.glob(f"{self.store_path.stem}-*.sqlite"):
            match = _NAME.match(path.name)
            if not match or match.group("stem") != self.store_path.stem:
                continue
            created = datetime.strptime(match.group("stamp"), _STAMP_FORMAT)
            found.append(
                (
                    created,
                    int(match.group("seq") or 1),
                    BackupInfo(path, created, match.group("reason"), path.stat().st_size),
                )
            )
        found.sort(key=lambda item: (item[0], item[1]), reverse=True)
        return [info for _created, _seq, info in found]

    def rotate(self) -> builtins.list[Path]:
        """Delete all but the newest ``keep`` backups; returns what was deleted."""
        removed = []
        for info in self.list()[self.keep :]:
            try:
                info.path.unlink()
                removed.append(info.path)
            except OSError as exc:  # a locked old copy is not worth failing over
                log.warning("could not remove old backup %s: %s", info.name, exc)
        return removed

    # -- restoring ------------------------------------------------------------------------------
    def check_restorable(self, backup: Path) -> StoreFileInfo:
        """Refuse a file that is not a store or whose schema is newer than this build knows."""
        from inventory_app.storage import migrations  # Alembic only when a restore is asked for

        if backup.resolve() == self.store_path.resolve():  # before reading it: see inspect_store_file
            raise RejectedInput("that file is the store itself; choose a backup")
        info = inspect_store_file(backup)
        if info.revision not in migrations.known_revisions():
            raise RejectedInput(
                f"{backup.name} has schema revision {info.revision}, newer than this version of the app "
                f"understands (latest known: {migrations.head_revision()}); install the newer app to restore it"
            )
        return info

    def restore(self, backup: Path) -> tuple[StoreFileInfo, BackupInfo | None]:
        """Replace the store's contents with the backup's; returns its info and the safety copy made.

        The store must not be open in this process (close the Store first); another program
        holding it makes this fail with a clear message and changes nothing.
        """
        backup = Path(backup)
        info = self.check_restorable(backup)
        safety = self.create("before-restore", rotate=False) if self.store_path.is_file() else None
        self.store_path.parent.mkdir(parents=True, exist_ok=True)
        create_private(self.store_path)
        # The copy becomes a new replica BEFORE it replaces the store, so no crash leaves a store that
        # reuses change numbers central has seen (storage.replica_identity).
        staged = self.store_path.with_name(self.store_path.name + ".restoring")
        staged.unlink(missing_ok=True)
        online_backup(backup, staged)
        make_private(staged)
        try:
            staging = sqlite3.connect(staged)
            try:
                renew_identity(lambda sql, params: staging.execute(sql, params).fetchall())
                staging.commit()
            finally:
                staging.close()
        except sqlite3.Error as exc:
            staged.unlink(missing_ok=True)
            raise StoreError(f"could not restore {backup.name}: {exc}") from exc
        src = sqlite3.connect(f"file:{staged}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(self.store_path, timeout=5)
            try:
                src.backup(dst)
            finally:
                dst.close()
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise StoreError(
                    "the store is in use by another program; close it and try again (the store was not changed)"
                ) from exc
            raise StoreError(f"could not restore {backup.name}: {exc}") from exc
        finally:
            src.close()
            staged.unlink(missing_ok=True)
        log.info("restored the store from %s (schema %s) as a new replica", backup.name, info.revision)
        self.rotate()
        return info, safety


def backup_now(store: Store, reason: str, *, keep: int = DEFAULT_KEEP) -> BackupInfo | None:
    """Back up an open store now (e.g. before a sync import); None for a PostgreSQL store."""
    backups = StoreBackups.for_store(store, keep=keep)
    return backups.create(reason) if backups is not None else None


__all__ = ["BackupInfo", "StoreBackups", "StoreFileInfo", "backup_now", "inspect_store_file", "online_backup"]
