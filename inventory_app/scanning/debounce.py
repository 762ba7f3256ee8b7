"""The debouncer: a label held in front of the camera is one scan, not thirty a second.

A code is reported once; while it stays in view (seen again within ``hold_s`` of the last
sighting) it is not reported again. Taken away for longer than ``hold_s`` and shown again, it is
reported again (the audit then decides whether that is a deliberate rescan).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from inventory_app.core.identifiers import identifier_key
from inventory_app.core.repeats import REPEAT_WINDOW_S


class Debouncer:
    def __init__(self, hold_s: float = REPEAT_WINDOW_S, clock: Callable[[], float] = time.monotonic) -> None:
        self.hold_s = hold_s
        self.clock = clock
        self._last_seen: dict[str, float] = {}

    def admit(self, text: str) -> bool:
        """True when this code should be reported now; every call counts as a sighting."""
        now = self.clock()
        key = identifier_key(text)
        last = self._last_seen.get(key)
        self._last_seen[key] = now
        if len(self._last_seen) > 256:
            self._last_seen = {k: t for k, t in self._last_seen.items() if now - t <= self.hold_s}
        return last is None or now - last > self.hold_s

    def seen(self, text: str) -> None:
        """A sighting that must keep an already reported code quiet (e.g. an unconfirmed re-read)."""
        key = identifier_key(text)
        if key in self._last_seen:
            self._last_seen[key] = self.clock()

    def reset(self) -> None:
        self._last_seen.clear()
