"""Run ``import-sync`` and die (like a kill -9) after K database statements: ``python crash_import.py DB FILE K``."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import event

from inventory_app.storage.store import Store
from inventory_app.sync.service import SyncService


def main() -> None:
    db, path, limit = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
    store = Store.open(db, migrate=False)
    count = 0

    def count_statement(*_args: Any) -> None:
        nonlocal count
        count += 1
        if count > limit:
            os._exit(137)  # no cleanup, no rollback: as if the process were killed

    event.listen(store.engine, "before_cursor_execute", count_statement)
    SyncService(store).import_file(path)
    print(f"completed after {count} statements")


if __name__ == "__main__":
    main()
