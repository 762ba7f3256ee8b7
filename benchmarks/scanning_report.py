"""Per-set tables and the verdict against issue 15's limits, for benchmarks/scanning.py.

``Tally`` counts one decoder's reads, misreads and times on one material set; ``print_tallies``
prints a set's table and its VERDICT line (the chain's raw per-frame reads against the limits
below); ``print_summary`` prints one line per set at the end.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field

from benchmarks._common import percentile


@dataclass
class Tally:
    frames: int = 0
    coded: int = 0
    hits: int = 0
    wrong: int = 0
    linear: int = 0
    wrong_linear: int = 0
    empty: int = 0
    wrong_empty: int = 0
    ms: list[float] = field(default_factory=list)
    empty_ms: list[float] = field(default_factory=list)
    wrong_examples: list[str] = field(default_factory=list)

    @property
    def read_rate(self) -> float:
        return 100.0 * self.hits / max(self.coded, 1)

    @property
    def wrong_rate(self) -> float:
        return 100.0 * self.wrong / max(self.frames, 1)

    @property
    def misread_1d(self) -> float:
        return 100.0 * self.wrong_linear / max(self.linear, 1)

    @property
    def misread_empty(self) -> float:
        return 100.0 * self.wrong_empty / max(self.empty, 1)


# The limits (issue 15), checked per set by print_tallies.
MARGIN_CAMERA = 8.0  # points over the best single decoder on camera-like frames
MARGIN_PHOTOS = 5.0  # points over the best single decoder (at least zxing-cpp) on real photographs
MAX_MISREAD = 0.5  # % of 1D-code frames, and of frames without a code, with a wrong raw read
MAX_MEDIAN_MS = 8.0  # per 1280x720 frame, one core
MAX_EMPTY_RATIO = 1.5  # chain / plain pyzbar, median on frames without a code


@dataclass
class Verdict:
    title: str
    chain: float
    best: str
    best_read: float
    margin: float
    misread_1d: float
    misread_empty: float
    median_ms: float
    empty_ratio: float
    ok: bool


def print_tallies(title: str, tallies: dict[str, Tally], seconds: float, *, photos: bool = False) -> Verdict:
    any_t = next(iter(tallies.values()))
    print(f"\n== {title}: {any_t.frames} images ({any_t.empty} without a code), {seconds:.0f} s ==")
    print(
        f"{'decoder':<10} {'read %':>7} {'misread %':>9} {'(n)':>4} {'1D mis %':>8} {'(n/1D)':>7} "
        f"{'empty mis %':>11} {'(n/empty)':>9} {'ms p50':>7} {'ms p95':>7} {'empty p50':>9}"
    )
    for name, t in tallies.items():
        empty_p50 = statistics.median(t.empty_ms) if t.empty_ms else float("nan")
        print(
            f"{name:<10} {t.read_rate:7.1f} {t.wrong_rate:9.2f} {t.wrong:4d} "
            f"{t.misread_1d:8.2f} {f'{t.wrong_linear}/{t.linear}':>7} "
            f"{t.misread_empty:11.2f} {f'{t.wrong_empty}/{t.empty}':>9} "
            f"{statistics.median(t.ms):7.2f} {percentile(t.ms, 95):7.2f} {empty_p50:9.2f}"
        )
    for name, t in tallies.items():
        for example in t.wrong_examples[:3]:
            print(f"  {name} misread, {example}")
    best = max(("pyzbar", "zxing-cpp"), key=lambda k: tallies[k].read_rate)
    chain = tallies["chain"]
    gain = chain.read_rate - tallies[best].read_rate
    scan_gain = tallies["scan"].read_rate - tallies[best].read_rate
    line = (
        f"best single decoder: {best}; chain {gain:+.1f} points, scan (stills rule) {scan_gain:+.1f} points; "
        f"the stills rule costs {chain.read_rate - tallies['scan'].read_rate:.1f} points of reads and "
        f"removes {chain.wrong - tallies['scan'].wrong} of {chain.wrong} misreads"
    )
    ratio = float("nan")
    if tallies["pyzbar"].empty_ms and chain.empty_ms:
        ratio = statistics.median(chain.empty_ms) / statistics.median(tallies["pyzbar"].empty_ms)
        line += f"; chain on frames without a code = {ratio:.2f}x plain pyzbar"
    print(line)
    # The verdict against the limits: the chain's raw per-frame reads (no confirmation).
    need = MARGIN_PHOTOS if photos else MARGIN_CAMERA
    median = statistics.median(chain.ms)
    checks = [
        (f"margin {gain:+.1f} >= +{need:.0f} over {best}", gain >= need),
        (f"1D misreads {chain.misread_1d:.2f} % <= {MAX_MISREAD}", chain.misread_1d <= MAX_MISREAD),
        (f"misreads without a code {chain.misread_empty:.2f} % <= {MAX_MISREAD}", chain.misread_empty <= MAX_MISREAD),
        (f"empty-frame time {ratio:.2f}x pyzbar <= {MAX_EMPTY_RATIO}", not ratio > MAX_EMPTY_RATIO),
    ]
    if not photos:  # the time limit is per 1280x720 frame; photos come at their own sizes
        checks.append((f"median {median:.2f} ms <= {MAX_MEDIAN_MS:.0f}", median <= MAX_MEDIAN_MS))
    ok = all(passed for _, passed in checks)
    print(
        f"VERDICT {title}: {'PASS' if ok else 'FAIL'} — "
        + "; ".join(f"{text} {'ok' if passed else 'FAILS'}" for text, passed in checks)
    )
    return Verdict(
        title,
        chain.read_rate,
        best,
        tallies[best].read_rate,
        gain,
        chain.misread_1d,
        chain.misread_empty,
        median,
        ratio,
        ok,
    )


def print_summary(verdicts: list[Verdict]) -> None:
    print("\n== chain against the issue's limits, per set (raw per-frame reads) ==")
    print(
        f"{'set':<46} {'chain %':>7} {'best single':>18} {'margin':>7} {'1D mis %':>8} {'empty mis %':>11} "
        f"{'ms p50':>7} {'empty/pyzbar':>12} verdict"
    )
    for v in verdicts:
        print(
            f"{v.title[:46]:<46} {v.chain:7.1f} {f'{v.best} {v.best_read:.1f}':>18} {v.margin:+7.1f} "
            f"{v.misread_1d:8.2f} {v.misread_empty:11.2f} {v.median_ms:7.2f} {v.empty_ratio:11.2f}x "
            f"{'PASS' if v.ok else 'FAIL'}"
        )
