"""AppContext: what a command or the window needs, built once in app.py (or by a test)."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from inventory_app.config import Config
from inventory_app.paths import UserPaths
from inventory_app.storage.backups import StoreBackups
from inventory_app.storage.store import Store, resolve_url, sqlite_path

log = logging.getLogger(__name__)


@dataclass
class AppContext:
    paths: UserPaths
    config: Config
    db_target: str
    daily_backups: bool = True
    _store: Store | None = field(default=None, repr=False)

    @classmethod
    def create(cls, db: str | None = None, paths: UserPaths | None = None) -> AppContext:
        paths = paths or UserPaths.default()
        target = db or os.environ.get("INVENTORY_DB") or str(paths.default_store)
        return cls(paths=paths, config=Config.load(paths.config_file), db_target=target)

    @property
    def store_opened(self) -> bool:
        """Whether a command has used the store (without opening it)."""
        return self._store is not None

    @property
    def store(self) -> Store:
        """The store, opened (and migrated, with a backup first) on first use."""
        if self._store is None:
            path = sqlite_path(resolve_url(self.db_target))
            existed = path is not None and path.is_file()
            self._store = Store.open(self.db_target, backup_dir=self.paths.backup_dir)
            if existed and self.daily_backups:
                self._daily_backup(self._store)
        return self._store

    def _daily_backup(self, store: Store) -> None:
        """The daily copy, made when the store is first used each day (a fresh store has nothing to keep)."""
        backups = StoreBackups.for_store(store)
        try:
            if backups is not None:
                backups.create_daily_if_due()
        except Exception:  # a failed backup must not stop the work; the log says why
            log.warning("the daily backup failed", exc_info=True)

    def backups(self) -> StoreBackups | None:
        """The backups of the local store (None for a PostgreSQL store), without opening the store."""
        path = sqlite_path(resolve_url(self.db_target))
        return StoreBackups(path, self.paths.backup_dir) if path is not None else None

    def save_config(self) -> None:
        self.config.save(self.paths.config_file)

    @property
    def db_path(self) -> Path | None:
        return self._store.path if self._store is not None else None

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None
