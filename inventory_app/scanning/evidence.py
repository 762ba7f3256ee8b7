"""How many scan lines stand behind a 1D read, and what the other lines of the same bars say.

A 1D decoder reads one line of pixels at a time; a read is only as good as the number of lines
that agree on it. EAN/UPC carry a weak check digit (a random error passes it one time in ten), so
a read from one or two lines of damaged bars (a rolling-shutter shear, a curved label, JPEG blocks)
can be valid and wrong; and zbar, from a single line of a small tag, read "ESP,+-Z" beside the
right "ESP111399Z", both passing Code 128's checksum.

Two rules, both about evidence rather than about any particular picture:

* **Rows beside a thin zxing-cpp read** (:func:`weigh_thin_reads`). zxing-cpp accepts a 1D code
  that two rows agreed on (its ``minLineCount``, not settable from Python) and outlines it by the
  rows that did. When that outline is thin for the code's length, the rows just above and just
  below it, which zxing-cpp let go once it had a result, are decoded on their own. If either band
  reads a different code over the same bars, the thin read is outvoted and dropped; when both
  bands agree on that other code, theirs is the read (independent rows on both sides agree).
  A band that reads the same code confirms it. When neither band reads anything (a tilted code
  is crossed end to end by few rows, which is no evidence against it), the chain holds the read
  back while its straightening stage looks at that place: a different read there wins (a UPC-E
  or EAN-8 found in part of a tilted EAN-13's bars gives way to the EAN-13), the same read or
  none lets the thin read stand.
* **zbar's scan-line count** (:func:`enough_zbar_lines`). zbar scans every row and column and
  reports in ``quality`` how many agreed. A 1D read from a single line is dropped unless the code
  checks itself independently of the symbology: one of our asset tags whose check character
  (ISO 7064 MOD 37,36) is right.

Measured (benchmarks/scanning.py sets, and for unseen material 8 more field-generator seeds,
31-38, and 5 more synthetic ones, 61-65, that no benchmark set uses). Before these rules the
chain's raw misreads were: field tuning 2 EAN-13s read from 2 and ~11 rows of a sheared or curved
label; synthetic held-out "ESP,+-Z" from one zbar line of a tag; printed tuning a tag with a wrong
check character from one zbar line; on the unseen field seeds 4 in 1344 1D frames. After: none in
any benchmark set; 1 in 1344 on the unseen seeds (a UPC-A read by 39 rows of an unevenly lit
EAN-13, which only zbar contradicts). Cost: the bands replace 2 misreads by the right code and
free 1 read that a thin rival used to cancel (+0.9 and +0.4 points on field tuning and held-out);
holding back turns the 2 UPC-E fragments of the unseen seeds into their EAN-13s and adds 0.3-0.7 ms
to the chain's median on sets with many thin reads; the zbar rule costs no read on the benchmark
sets (without the tag exception: one each on synthetic held-out and field tuning) and 1 Code 39 on
the 13 unseen sets.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from inventory_app.core.identifiers import is_valid_tag, looks_like_tag
from inventory_app.scanning import symbology as sym
from inventory_app.scanning.decoders import Decoded

# A read whose rows span less than this fraction of its length is "thin" and gets its neighbours
# asked. Well-read codes span most of their bar height (a quarter to three quarters of their
# length); the 1D misreads measured spanned 0.4 % and 3.8 %.
THIN = 0.15
BAND = 0.35  # height of each band beside the read, as a fraction of the read's length
GAP = 2  # rows left out between the read's own rows and each band
MIN_ZBAR_LINES = 2

Decode = Callable[[np.ndarray], list[Decoded]]
_Reads = dict[tuple[str, str], Decoded]


def thickness(outline: tuple[tuple[float, float], ...]) -> float:
    """Across the bars: from the first to the last row that agreed (zxing-cpp's 1D outline)."""
    if len(outline) != 4:
        return 0.0
    (x0, y0), _, _, (x3, y3) = outline
    return max(1.0, float(np.hypot(x3 - x0, y3 - y0)))


def length(outline: tuple[tuple[float, float], ...]) -> float:
    if len(outline) != 4:
        return 0.0
    (x0, y0), (x1, y1), _, _ = outline
    return float(np.hypot(x1 - x0, y1 - y0))


def is_thin(code: Decoded) -> bool:
    along = length(code.outline)
    return code.symbology in sym.LINEAR and along >= 8 and thickness(code.outline) < THIN * along


def weigh_thin_reads(image: np.ndarray, codes: list[Decoded], decode: Decode) -> tuple[list[Decoded], list[Decoded]]:
    """Thin 1D reads of ``image`` checked against the rows beside them (see the module docstring).

    ``codes`` are zxing-cpp reads in ``image``'s coordinates, bars upright (no rotated pass);
    ``decode`` reads 1D codes in a band of ``image``. Returns the reads that stand (thick ones,
    thin ones a band read too, and a band pair's read where it outvoted a thin one) and the thin
    reads about which the bands said nothing: the caller may ask the straightened region.
    """
    kept: list[Decoded] = []
    unsettled: list[Decoded] = []
    for code in codes:
        if not is_thin(code):
            kept.append(code)
            continue
        above, below = _bands_beside(image, code, decode)
        others_above = {k: c for k, c in above.items() if k != code.key}
        others_below = {k: c for k, c in below.items() if k != code.key}
        if not others_above and not others_below:
            (kept if code.key in above or code.key in below else unsettled).append(code)
            continue
        for key, read in others_above.items():
            if key in others_below:
                kept.append(Decoded(read.symbology, read.text, read.outline, code.stage, code.agreed_by))
                break
    return kept, unsettled


def _bands_beside(image: np.ndarray, code: Decoded, decode: Decode) -> tuple[_Reads, _Reads]:
    height, width = image.shape[:2]
    lo, hi = _span(code)
    ys = [p[1] for p in code.outline]
    along = hi - lo
    x0 = max(0, int(lo - 0.1 * along))
    x1 = min(width, int(hi + 0.1 * along) + 1)
    reach = int(BAND * along)
    top, bottom = int(min(ys)) - GAP, int(max(ys)) + GAP + 1
    found = []
    for a, b in ((max(0, top - reach), top), (bottom, min(height, bottom + reach))):
        reads: _Reads = {}
        if b - a >= 3 and x1 - x0 >= 8:
            for read in decode(np.ascontiguousarray(image[a:b, x0:x1])):
                read = read.shifted(x0, a)
                if read.symbology in sym.LINEAR and _same_bars(read, code):
                    reads.setdefault(read.key, read)
        found.append(reads)
    return found[0], found[1]


def _same_bars(read: Decoded, code: Decoded) -> bool:
    """A band read of the bars ``code`` was read from: the same span, or a longer code it is part of.

    A UPC-E or EAN-8 inside an EAN-13's bars is part of it, not a rival (symbology.FRAGMENT_OF).
    """
    if sym.is_fragment_of(read.symbology, code.symbology):
        return False
    lo, hi = _span(read)
    code_lo, code_hi = _span(code)
    if sym.is_fragment_of(code.symbology, read.symbology):
        return lo <= (code_lo + code_hi) / 2 <= hi
    return (
        code_lo <= (lo + hi) / 2 <= code_hi
        and lo <= (code_lo + code_hi) / 2 <= hi
        and 0.8 <= (hi - lo) / max(code_hi - code_lo, 1.0) <= 1.25
    )


def _span(code: Decoded) -> tuple[float, float]:
    xs = [p[0] for p in code.outline]
    return min(xs), max(xs)


def enough_zbar_lines(code: Decoded) -> bool:
    """A zbar 1D read agreed on by two scan lines, or a one-line read of a correct asset tag."""
    if code.symbology not in sym.LINEAR or code.lines >= MIN_ZBAR_LINES:
        return True
    return looks_like_tag(code.text) and is_valid_tag(code.text)
