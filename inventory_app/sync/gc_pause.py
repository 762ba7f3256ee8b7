"""Bulk work without Python's cycle collector: a 100,000-row import holds millions of live objects.

The collector runs after every few hundred new container objects and walks the younger of them; its
full collections walk everything alive, so reading a large sync file spends a fifth of its time there.
Nothing an import builds needs the cycle collector (reference counting frees what it drops), so it is
paused for the duration and put back after.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
