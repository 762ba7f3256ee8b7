"""Opening the store: URL resolution, SQLite pragmas, backup, migration, replica identity."""

from __future__ import annotations

import logging
import os
import sqlite3
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, func, select
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from inventory_app.core.changes import Changes
from inventory_app.core.errors import StoreError
from inventory_app.core.hlc import wall_clock_ms
from inventory_app.storage import migrations
from inventory_app.storage.backups import StoreBackups
from inventory_app.storage.file_modes import create_private, make_private
from inventory_app.storage.schema import OutboxRecord, ReplicaStateRecord
from inventory_app.storage.store_guard import StoreGuard, open_in_this_process
from inventory_app.storage.unit_of_work import UnitOfWork, install_change_tracking
from inventory_app.storage.urls import public_url

log = logging.getLogger(__name__)


def resolve_url(target: str | Path) -> str:
    """A path means SQLite; ``postgresql://`` URLs are used with psycopg 3 as people write them."""
    text = str(target)
    if text.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + text.split("://", 1)[1]
    if "://" in text:
        return text
    return "sqlite:///" + str(Path(text).expanduser().resolve())


def sqlite_path(url: str) -> Path | None:
    if url.startswith("sqlite:///"):
        return Path(url[len("sqlite:///") :])
    return None


BUSY_TIMEOUT_MS = 5000


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    # Take over transaction control from the sqlite3 module so BEGIN IMMEDIATE works.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    # FULL: a committed scan survives a power cut, not only an app crash.
    cur.execute("PRAGMA synchronous=FULL")
    # Wait this long for another program's write (a bulk edit) before giving up with "locked".
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.close()


def _sqlite_begin(conn: Any) -> None:
    mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
    conn.exec_driver_sql(f"BEGIN {mode}")


def backup_sqlite(source: Path, target: Path) -> Path:
    """Copy a live SQLite file consistently with SQLite's online backup API."""
    target.parent.mkdir(parents=True, exist_ok=True)
    create_private(target)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


class Store:
    """An open, migrated store. Build one per process (or per test) and pass it in."""

    def __init__(self, engine: Engine, replica_id: str, now_ms: Callable[[], int] = wall_clock_ms) -> None:
        self.engine = engine
        self.replica_id = replica_id
        self.now_ms = now_ms
        write_engine = engine.execution_options(sqlite_begin="IMMEDIATE") if self.is_sqlite else engine
        self._write_sessions = sessionmaker(bind=write_engine, expire_on_commit=False)
        install_change_tracking(self._write_sessions)
        self._read_sessions = sessionmaker(bind=engine, expire_on_commit=False)
        # Where this store's backups go (storage.backups); set by open() for a SQLite file.
        self.backup_dir: Path | None = None
        self._subscribers: list[Callable[[Changes], None]] = []
        self._version_conn: Any = None
        # Holds SQLite's "in use" bytes so nothing else in the process can drop them (store_guard).
        self.guard: StoreGuard | None = None

    # -- opening ----------------------------------------------------------------------------
    @classmethod
    def open(
        cls,
        target: str | Path,
        *,
        backup_dir: Path | None = None,
        migrate: bool = True,
        now_ms: Callable[[], int] = wall_clock_ms,
    ) -> Store:
        url = resolve_url(target)
        path = sqlite_path(url)
        if path is not None:
            _check_sqlite_file(path)
            create_private(path)  # it holds the signing key: owner-only (file_modes)
            make_private(path)
            engine = create_engine(url)
            event.listen(engine, "connect", _sqlite_pragmas)
            event.listen(engine, "begin", _sqlite_begin)
        else:
            engine = create_engine(url, pool_pre_ping=True)
        try:
            with engine.connect() as conn:
                revision = migrations.current_revision(conn)
            migrations.check_not_newer(revision)
            if migrate and revision != migrations.head_revision():
                if path is not None and revision is not None:
                    StoreBackups(path, backup_dir).create(f"before-migration-{revision}")
                with engine.begin() as conn:
                    migrations.upgrade(conn)
            replica_id = _ensure_replica(engine)
        except (DatabaseError, OperationalError) as exc:
            engine.dispose()
            raise StoreError(_plain_db_message(url, exc)) from exc
        except Exception:
            engine.dispose()
            raise
        store = cls(engine, replica_id, now_ms)
        store.backup_dir = backup_dir or (path.parent / "backups" if path is not None else None)
        if path is not None:
            store._guard_sqlite(path)
        return store

    def _guard_sqlite(self, path: Path) -> None:
        """Guard SQLite's locks; the pool keeps the connection that opened the ``-shm`` (WAL mode)."""
        self.guard = StoreGuard.acquire(path)

    @property
    def url(self) -> str:
        return public_url(self.engine.url)  # never with a password

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def path(self) -> Path | None:
        return sqlite_path(str(self.engine.url)) if self.is_sqlite else None

    def revision(self) -> str | None:
        with self.engine.connect() as conn:
            return migrations.current_revision(conn)

    def close(self) -> None:
        if self.guard is not None:
            self.guard.release()  # the last user may now checkpoint and remove the WAL
        if self._version_conn is not None:
            self._version_conn.close()
            self._version_conn = None
        self.engine.dispose()
        if self.guard is not None:
            self.guard.close()
            self.guard = None

    # -- sessions -----------------------------------------------------------------------------
    def new_write_session(self) -> Session:
        return self._write_sessions()

    def read(self) -> Session:
        """A session for queries; use as ``with store.read() as s:``."""
        return self._read_sessions()

    def unit_of_work(self, *, remote: bool = False) -> UnitOfWork:
        return UnitOfWork(self, remote=remote)

    # -- change notification ------------------------------------------------------------------
    def subscribe(self, listener: Callable[[Changes], None]) -> Callable[[], None]:
        """Call ``listener(changes)`` after every committed write of this process; returns the unsubscribe.

        Listeners run on the thread that committed (a worker, often): a UI listener hands the value
        to its own thread (ui/store_changes.py).
        """
        self._subscribers.append(listener)
        return lambda: self._subscribers.remove(listener) if listener in self._subscribers else None

    def publish(self, changes: Changes) -> None:
        if not changes:
            return
        for listener in list(self._subscribers):
            try:
                listener(changes)
            except Exception:  # a view that failed to follow must not undo a committed write
                log.exception("a change listener failed")

    def data_version(self) -> int | None:
        """SQLite's counter of commits made through any other connection (None on PostgreSQL).

        Read on one connection kept for it (the counter is per connection), so that a cheap poll can
        notice that another program (a CLI command, a second window) wrote the store.
        """
        if not self.is_sqlite:
            return None
        if self._version_conn is None:
            self._version_conn = self.engine.raw_connection()
        cursor = self._version_conn.cursor()
        try:
            cursor.execute("PRAGMA data_version")
            return int(cursor.fetchone()[0])
        finally:
            cursor.close()

    def pending_changes(self) -> int:
        with self.read() as s:
            return int(
                s.scalar(select(func.count()).select_from(OutboxRecord).where(OutboxRecord.acked.is_(False))) or 0
            )


def _check_sqlite_file(path: Path) -> None:
    if path.exists():
        if path.is_dir():
            raise StoreError(f"{path} is a folder, not a store file")
        if open_in_this_process(path):
            return  # SQLite has it open here already; reading it by hand would drop SQLite's locks
        with path.open("rb") as fh:
            header = fh.read(16)
        if header and header != b"SQLite format 3\x00":
            raise StoreError(
                f"{path} is not an inventory store (not a SQLite database). "
                "Check the path, or restore the store from a backup."
            )
        if not os.access(path, os.W_OK):
            raise StoreError(f"the store {path} is read-only; check the file's permissions")
    else:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create the folder for the store {path}: {exc.strerror}") from exc
        if not os.access(path.parent, os.W_OK):
            raise StoreError(f"cannot create the store in {path.parent}: the folder is not writable")


def _plain_db_message(url: str, exc: Exception) -> str:
    text = str(getattr(exc, "orig", exc)).strip().splitlines()[0]
    if "not a database" in text or "malformed" in text:
        return f"the store is damaged ({text}); restore it from a backup"
    if "readonly" in text or "read-only" in text:
        return "the store is read-only; check the file's permissions"
    if "locked" in text:
        return "the store is locked by another program; close it and try again"
    if url.startswith("postgresql"):
        return f"cannot reach the database: {text}"
    return f"cannot open the store: {text}"


def _ensure_replica(engine: Engine) -> str:
    with Session(engine) as session, session.begin():
        state = session.scalars(select(ReplicaStateRecord)).first()
        if state is None:
            state = ReplicaStateRecord(
                replica_id=str(uuid.uuid4()),
                hlc_wall_ms=0,
                hlc_counter=0,
                created_at=datetime.now(UTC),
            )
            session.add(state)
        return state.replica_id


__all__ = ["Store", "resolve_url", "backup_sqlite"]
