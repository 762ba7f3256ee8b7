"""AppContext: what a command or the window needs, built once in app.py (or by a test)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from inventory_app.config import Config
from inventory_app.paths import UserPaths
from inventory_app.storage.store import Store


@dataclass
class AppContext:
    paths: UserPaths
    config: Config
    db_target: str
    _store: Store | None = field(default=None, repr=False)

    @classmethod
    def create(cls, db: str | None = None, paths: UserPaths | None = None) -> AppContext:
        paths = paths or UserPaths.default()
        target = db or os.environ.get("INVENTORY_DB") or str(paths.default_store)
        return cls(paths=paths, config=Config.load(paths.config_file), db_target=target)

    @property
    def store(self) -> Store:
        """The store, opened (and migrated, with a backup first) on first use."""
        if self._store is None:
            self._store = Store.open(self.db_target, backup_dir=self.paths.backup_dir)
        return self._store

    def save_config(self) -> None:
        self.config.save(self.paths.config_file)

    @property
    def db_path(self) -> Path | None:
        return self._store.path if self._store is not None else None

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None
