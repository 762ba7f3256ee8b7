"""The window's one source of "the data changed": the store's commit notifications, on the UI thread.

Every write of this process goes through a unit of work, which tells the store what it changed once
it has committed (core/changes.py). Writes run on worker threads, so this object turns each
notification into the ``changed`` signal, delivered on the UI thread in commit order. Writes by other
programs (a CLI command beside the window) are noticed by polling SQLite's ``data_version`` every
couple of seconds, a single cheap PRAGMA, and reported as ``Changes.all(external=True)``.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from inventory_app.core.changes import Changes
from inventory_app.storage.store import Store

log = logging.getLogger(__name__)

EXTERNAL_POLL_MS = 2000


class StoreChanges(QObject):
    changed = Signal(object)  # Changes

    def __init__(self, store: Store, parent: QObject | None = None, poll_ms: int = EXTERNAL_POLL_MS) -> None:
        super().__init__(parent)
        self.store = store
        # Emitting from the committing (worker) thread: Qt queues the call to receivers on the UI thread.
        self._unsubscribe = store.subscribe(self.changed.emit)
        self._own_writes = 0
        self.changed.connect(self._count_own)
        self._version = self._read_version()
        self._seen_own = 0
        self._poll = QTimer(self)
        self._poll.setInterval(poll_ms)
        self._poll.timeout.connect(self.poll_external)
        if self._version is not None and poll_ms > 0:
            self._poll.start()

    def _count_own(self, changes: Changes) -> None:
        if not changes.external:
            self._own_writes += 1

    def _read_version(self) -> int | None:
        try:
            return self.store.data_version()
        except Exception:  # a store closed under us (restore): nothing to poll
            log.debug("data_version not readable", exc_info=True)
            return None

    def poll_external(self) -> bool:
        """True (and ``changed`` emitted) when the store was written by someone else since the last poll.

        The counter also moves for this process's own commits (they use other connections); a move
        with no own commit in between is another program's.
        """
        version = self._read_version()
        moved = version is not None and version != self._version
        self._version = version
        own = self._own_writes != self._seen_own
        self._seen_own = self._own_writes
        if moved and not own:
            self.changed.emit(Changes.all(external=True))
            return True
        return False

    def stop(self) -> None:
        self._poll.stop()
        self._unsubscribe()
