"""Hybrid Logical Clock (Kulkarni et al.) and field stamps.

A stamp is a string ``WWWWWWWWWWWWW-CCCCC-replica`` (wall milliseconds, counter, replica id)
whose string order is the order of events, so last-writer-wins is a string comparison.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

# Stamps further ahead than this of our own wall clock are not trusted (quarantined by sync).
MAX_FUTURE_MS = 24 * 3600 * 1000
GENESIS_STAMP = "0000000000000-00000-genesis"


@dataclass(frozen=True, order=True, slots=True)
class Stamp:
    wall_ms: int
    counter: int
    replica: str

    def encode(self) -> str:
        return f"{self.wall_ms:013d}-{self.counter:05d}-{self.replica}"

    @classmethod
    def decode(cls, text: str) -> Stamp:
        wall, counter, replica = text.split("-", 2)
        return cls(int(wall), int(counter), replica)

    def __str__(self) -> str:
        return self.encode()


def wall_clock_ms() -> int:
    return int(time.time() * 1000)


class HybridLogicalClock:
    """Issues monotonically increasing stamps for one replica; `receive` merges a remote stamp."""

    def __init__(
        self,
        replica: str,
        wall_ms: int = 0,
        counter: int = 0,
        now_ms: Callable[[], int] = wall_clock_ms,
    ) -> None:
        self.replica = replica
        self.wall_ms = wall_ms
        self.counter = counter
        self._now_ms = now_ms

    def now(self) -> Stamp:
        physical = self._now_ms()
        if physical > self.wall_ms:
            self.wall_ms, self.counter = physical, 0
        else:
            self.counter += 1
        return Stamp(self.wall_ms, self.counter, self.replica)

    def receive(self, remote: Stamp) -> None:
        """Advance past a remote stamp so that any later local edit wins over it."""
        physical = self._now_ms()
        wall = max(self.wall_ms, remote.wall_ms, physical)
        if wall == self.wall_ms == remote.wall_ms:
            counter = max(self.counter, remote.counter) + 1
        elif wall == self.wall_ms:
            counter = self.counter + 1
        elif wall == remote.wall_ms:
            counter = remote.counter + 1
        else:
            counter = 0
        self.wall_ms, self.counter = wall, counter

    def is_too_far_ahead(self, remote: Stamp) -> bool:
        return remote.wall_ms - self._now_ms() > MAX_FUTURE_MS
