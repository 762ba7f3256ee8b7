"""One small task runner for long work (sync, import, export, reports, label PDFs).

``runner.run(fn, on_done=..., on_error=..., on_progress=...)`` calls ``fn(progress)`` on a worker
thread; ``progress(done, total, text="")`` may be called from there. The callbacks run on the UI
thread. A failure in ``fn`` reaches ``on_error`` with the exception (the UI shows its message).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

Progress = Callable[..., None]


class _Relay(QObject):
    """Lives on the UI thread; queued signals carry results back from the worker."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(
        self,
        runner: TaskRunner,
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[BaseException], None] | None,
        on_progress: Callable[[int, int, str], None] | None,
    ) -> None:
        # No Qt parent: the runner's set keeps it alive until it reports, then Python frees it.
        super().__init__()
        self.runner = runner
        self.on_done = on_done
        self.on_error = on_error
        self.on_progress = on_progress
        self.progressed.connect(self._progressed)
        self.succeeded.connect(self._succeeded)
        self.failed.connect(self._failed)

    @Slot(int, int, str)
    def _progressed(self, done: int, total: int, text: str) -> None:
        if self.on_progress:
            self.on_progress(done, total, text)

    @Slot(object)
    def _succeeded(self, result: Any) -> None:
        self.runner._finish(self)
        if self.on_done:
            self.on_done(result)

    @Slot(object)
    def _failed(self, exc: BaseException) -> None:
        self.runner._finish(self)
        if self.on_error:
            self.on_error(exc)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[Progress], Any], relay: _Relay) -> None:
        super().__init__()
        self.fn = fn
        self.relay = relay

    def run(self) -> None:
        def progress(done: int, total: int, text: str = "") -> None:
            self.relay.progressed.emit(int(done), int(total), text)

        try:
            result = self.fn(progress)
        except Exception as exc:  # reported to the UI, never lost silently
            log.exception("background task failed")
            self.relay.failed.emit(exc)
        else:
            self.relay.succeeded.emit(result)


class TaskRunner(QObject):
    """Runs callables off the UI thread and reports back on it."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, max_threads: int = 2) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        self._active: set[_Relay] = set()
        # Jobs asked for while held wait here: at start-up the window holds the pool until it has loaded
        # its Qt plugins on the UI thread (docs/ARCHITECTURE.md, Threads).
        self._held: list[_Job] | None = None

    def run(
        self,
        fn: Callable[[Progress], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
    ) -> None:
        relay = _Relay(self, on_done, on_error, on_progress)
        self._active.add(relay)
        if len(self._active) == 1:
            self.busy_changed.emit(True)
        job = _Job(fn, relay)
        if self._held is not None:
            self._held.append(job)
        else:
            self.pool.start(job)

    def hold(self) -> None:
        """Start no job until ``release()`` (jobs asked for meanwhile wait, in order)."""
        if self._held is None:
            self._held = []

    def release(self) -> None:
        held, self._held = self._held or [], None
        for job in held:
            self.pool.start(job)

    @property
    def held(self) -> bool:
        return self._held is not None

    def _finish(self, relay: _Relay) -> None:
        self._active.discard(relay)

        if not self._active:
            self.busy_changed.emit(False)

    @property
    def busy(self) -> bool:
        return bool(self._active)

    def wait(self, msecs: int = -1) -> bool:
        """Block until all jobs finished (for shutdown and tests)."""
        return self.pool.waitForDone(msecs)
