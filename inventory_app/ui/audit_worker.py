"""One thread for every call into the audit session, so disk waits never freeze the window.

A scan commits with a full fsync; on a school laptop's disk that usually takes a few
milliseconds but sometimes a hundred or more. The session is not thread-safe, so every call goes
through this single worker thread in order: scans and the progress line are ``submit``-ted (the
result comes back on the UI thread as a signal), and the rare actions a person starts (undo,
picking a room, registering a code, finishing) use ``call``, which waits for the queue to reach
them and returns their result or raises their error, as if they ran on the UI thread.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QThread, Signal, Slot

log = logging.getLogger(__name__)

T = TypeVar("T")


class _Executor(QObject):
    """Lives in the worker thread; runs jobs in the order they were posted."""

    ready = Signal()

    def __init__(self, completed: queue.SimpleQueue) -> None:  # type: ignore[type-arg]
        super().__init__()
        self.completed = completed

    @Slot(int, object)
    def run(self, token: int, fn: Callable[[], Any]) -> None:
        try:
            result, error = fn(), None
        except Exception as exc:  # handed to the caller, never lost
            result, error = None, exc
        if token >= 0:
            self.completed.put((token, result, error))
            self.ready.emit()


class AuditWorker(QObject):
    """``submit(fn, on_done, on_error)`` for the hot path; ``call(fn)`` for actions that need the answer.

    Results reach the UI thread in the order the jobs were queued, ``call`` included: before it
    returns, the answers of the jobs queued ahead of it are delivered.
    """

    _posted = Signal(int, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._completed: queue.SimpleQueue = queue.SimpleQueue()  # type: ignore[type-arg]
        self._thread = QThread()
        self._thread.setObjectName("audit-worker")
        self._executor = _Executor(self._completed)
        self._executor.moveToThread(self._thread)
        self._posted.connect(self._executor.run)  # queued: the executor lives in the other thread
        self._executor.ready.connect(self._drain)  # queued back to this (UI) thread
        self._callbacks: dict[int, tuple[Callable[[Any], None] | None, Callable[[BaseException], None] | None]] = {}
        self._next = 0
        self._thread.start()

    def submit(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        self._next += 1
        self._callbacks[self._next] = (on_done, on_error)
        self._posted.emit(self._next, fn)

    def call(self, fn: Callable[[], T]) -> T:
        """Run ``fn`` after everything already queued and wait for it (the UI waits only for this)."""
        done = threading.Event()
        results: list[T] = []
        errors: list[Exception] = []

        def job() -> None:
            try:
                results.append(fn())
            except Exception as exc:
                errors.append(exc)
            finally:
                done.set()

        self._posted.emit(-1, job)
        done.wait()
        self._drain()  # the answers of earlier jobs first, so the screen shows things in order
        if errors:
            raise errors[0]
        return results[0]

    @property
    def busy(self) -> bool:
        return bool(self._callbacks)

    @Slot()
    def _drain(self) -> None:
        while True:
            try:
                token, result, error = self._completed.get_nowait()
            except queue.Empty:
                return
            on_done, on_error = self._callbacks.pop(token, (None, None))
            if error is not None:
                if on_error is not None:
                    on_error(error)
                else:
                    log.error("audit job failed: %s", error)
            elif on_done is not None:
                on_done(result)

    def stop(self) -> None:
        """Finish what is queued (every scan gets stored), then end the thread."""
        if not self._thread.isRunning():
            return
        self.call(lambda: None)
        self._thread.quit()
        self._thread.wait()
        self._drain()
