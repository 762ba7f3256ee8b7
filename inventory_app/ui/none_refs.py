"""Guard against a reference-count bug of PySide6 6.12.0 on Python 3.11.

There, every call of a Qt method that returns nothing (``fillRect``, ``setText``, ...) drops one
reference to ``None``. Python 3.11 still counts None's references (3.12 made None immortal), so
after a few thousand such calls the count reaches zero and the interpreter aborts with
"none_dealloc: deallocating None" — a label PDF of 150 labels is enough. PySide6 6.11.3 does
not have the bug; pyproject.toml keeps PySide6 below 6.12 for that reason. This guard keeps
painting safe on an installation that still has 6.12.0: it lends None references while
painting and afterwards adds back exactly as many as were lost (``Py_IncRef``; a Python list
holding them would be freed at exit and the abort would only move there).
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import PySide6

_AFFECTED = sys.version_info < (3, 12) and tuple(PySide6.__version_info__[:2]) == (6, 12)
_LOAN = 2_000_000  # covers the void calls of ~20,000 labels in one job


def _give_back(count: int) -> None:
    incref = ctypes.pythonapi.Py_IncRef
    incref.argtypes = [ctypes.py_object]
    incref.restype = None
    for _ in range(count):
        incref(None)


@contextmanager
def none_refcount_guard(loan: int = _LOAN) -> Iterator[None]:
    if not _AFFECTED:
        yield
        return
    before = sys.getrefcount(None)
    lent: list[None] = [None] * loan
    try:
        yield
    finally:
        lost = before + loan - sys.getrefcount(None)
        if lost > 0:
            _give_back(lost)
        del lent


def affected() -> bool:
    return _AFFECTED
