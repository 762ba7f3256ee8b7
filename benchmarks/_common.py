"""Small helpers shared by the benchmarks: percentiles and a table printer."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def time_calls(fn: Callable[[int], object], n: int) -> list[float]:
    """Milliseconds for each of n calls of fn(i)."""
    times = []
    for i in range(n):
        started = time.perf_counter()
        fn(i)
        times.append((time.perf_counter() - started) * 1000)
    return times


def row(name: str, ours: list[float], base: list[float], aim: str = "") -> str:
    p50, p95 = statistics.median(ours), percentile(ours, 95)
    b50, b95 = statistics.median(base), percentile(base, 95)
    ratio = p95 / b95 if b95 > 0 else float("inf")
    return f"{name:<34} {p50:8.3f} {p95:8.3f} | {b50:8.3f} {b95:8.3f} | {ratio:6.1f}x  {aim}"


HEADER = f"{'operation (ms)':<34} {'p50':>8} {'p95':>8} | {'base p50':>8} {'base p95':>8} | {'ratio':>6}  aim"
