"""The decoder chain: cheap first, expensive only where a code probably is.

Stages, each run only when the ones before it read nothing (measured in benchmarks/scanning.py):

1. ``zxing``: zxing-cpp on the whole frame, no rotated, inverted or downscaled passes (labels
   are dark on light; the locator below handles rotation and size far more cheaply).
2. ``zxing-roi``: the locator's candidate regions, linear ones turned so their bars stand
   upright and small ones enlarged, decoded by zxing-cpp. A 1D code tilted more than ~15° is not
   crossed end to end by any row of the frame, so stage 1 misses it; this stage reads it.
3. ``pyzbar``: zbar on the best candidate crop only. Its reads alone are never trusted (see
   confirm.py); it adds a second opinion where zxing-cpp gave up.
4. ``deblur``: the best linear candidate still unread, with motion blur along its axis undone
   (Wiener deconvolution of a few blur widths, decoded by zxing-cpp; deblur.py). A hand or a
   laptop moving during the exposure melts thin bars into grey; this stage reads many of them.

Empty frames (most of a live feed) cost stage 1, the locator and at most a few small crops.
After each zxing-cpp stage, a 1D read from a thin band of rows is weighed against the rows beside
it, and one nothing confirmed is held back while the straightening stage looks at its place;
zbar's 1D reads need two agreeing scan lines (evidence.py).

Measured (benchmarks/scanning.py, synthetic tuning set: 280 seeded 1280x720 frames, one core,
same run): plain pyzbar read 46.2 % at 29 ms/frame (median), plain zxing-cpp 53.3 % at 11 ms (4
wrong EAN-13s), this chain 67.5 % at 6.5 ms, with no wrong raw read. Tried and left
out: zxing-cpp's rotated pass (twice the cost, no extra reads here: tilts of 15-60° defeat rows
and columns alike), contrast enhancement and sharpening of the crops (no extra reads, 1.2x the
crop cost), pyzbar on the whole frame (37 ms), Data Matrix only through the locator (-15 points
of Data Matrix for 2 ms).

On material it was not tuned on (benchmarks/scanning.py, held-out parts, same run): synthetic
73.8 % vs zxing-cpp 57.9 %; an independent generator (motion blur, rolling shutter, JPEG blocking,
uneven light, curved and thermal labels, 15-30° tilt) 75.4 % vs zxing-cpp 56.2 %; the app's label
PDFs printed and photographed 83.0 % vs pyzbar 66.1 %; real photographs 100 % vs pyzbar 71.4 %
(27 photos). Tuning parts: field 76.8 % vs 55.8 %, printed 85.7 % vs pyzbar 71.4 %, photos 97.9 %
vs 72.3 %. No raw misread on 1D codes or frames without a code in any part, tuning or held out
(the single decoders: up to 2.2 % of 1D frames); median 4.1-6.7 ms; frames without a code
0.24-0.44x plain pyzbar's time (photos 1.08-1.24x). The deblur stage (run on 22 % of all images,
26 reads over the 8 sets) brought the printed-label tuning set over the +8-point aim: it was
77.7 % vs pyzbar 71.4 % (19 of its 25 misses motion-blurred); it added 0.5-2.6 points on the
other generated sets, none on photos, and raised the photos' empty-image cost from 0.94-1.05x
pyzbar's. Figures: commit 159dc6a, one run of 255 s on a machine shared with other work.

Also measured and left out: pyzbar on the whole frame and after Otsu thresholding behind the chain
(+0.4 to +1.5 points, but 2-7x the cost of an empty frame: 32-62 ms against 8-10), pyzbar on the
half-size frame (+0.4 points, median 9.7 ms > 8), and a plain zxing-cpp -> pyzbar -> pyzbar-after-Otsu
chain (58-77 %, below this chain on every set).
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterable
from dataclasses import dataclass, field

import cv2
import numpy as np

from inventory_app.scanning import symbology as sym
from inventory_app.scanning.deblur import STAGE as DEBLUR
from inventory_app.scanning.deblur import read_blurred
from inventory_app.scanning.decoders import Decoded, PyzbarDecoder, ZxingDecoder, pyzbar_available
from inventory_app.scanning.evidence import enough_zbar_lines, weigh_thin_reads
from inventory_app.scanning.locate import LINEAR, Candidate, CodeLocator, crop_aligned


@dataclass(slots=True)
class ChainResult:
    codes: list[Decoded]
    candidates: list[Candidate]  # regions that looked like codes (read or not)
    ms: float  # decoding time for this frame
    stages_run: list[str] = field(default_factory=list)

    @property
    def unread_candidates(self) -> list[Candidate]:
        """Candidates that no read explains: what "code seen but not readable" is about."""
        out = []
        for cand in self.candidates:
            if not any(_inside(cand.center, code.outline, margin=0.5 * max(cand.size)) for code in self.codes):
                out.append(cand)
        return out


def to_gray(image: np.ndarray) -> np.ndarray:
    if image.ndim == 2:
        return image
    if image.shape[2] == 4:
        return cv2.cvtColor(image, cv2.COLOR_BGRA2GRAY)
    return cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)


class DecoderChain:
    """zxing-cpp on the frame, then on located and straightened regions, then pyzbar there."""

    def __init__(
        self, symbologies: Iterable[str] = sym.ALL, *, use_pyzbar: bool | None = None, max_roi: int = 2
    ) -> None:
        symbologies = tuple(symbologies)
        # No downscaled passes either: a label too big for the full-resolution pass is found by the
        # locator and shrunk there (measured: same reads, 0.7 ms less per frame).
        self.full = ZxingDecoder(symbologies, try_rotate=False, try_downscale=False, name="zxing")
        linear = [s for s in symbologies if s in sym.LINEAR]
        matrix = [s for s in symbologies if s in sym.MATRIX]
        self.roi_linear = (
            ZxingDecoder(linear, try_rotate=False, try_downscale=False, name="zxing-roi") if linear else None
        )
        self.roi_matrix = (
            ZxingDecoder(matrix, try_rotate=True, try_downscale=False, name="zxing-roi") if matrix else None
        )
        if use_pyzbar is None:
            use_pyzbar = pyzbar_available()
        self.pyzbar = PyzbarDecoder(symbologies, name="pyzbar") if use_pyzbar else None
        self.locator = CodeLocator()
        self.max_roi = max_roi

    @property
    def stage_names(self) -> list[str]:
        return ["zxing", "zxing-roi"] + (["pyzbar"] if self.pyzbar else []) + ([DEBLUR] if self.roi_linear else [])

    def decode(self, image: np.ndarray) -> ChainResult:
        started = time.perf_counter()
        gray = to_gray(image)
        stages = ["zxing"]
        # A thin 1D read that no rows beside it confirmed is held back while the straightening
        # stages look at its place (a part of a tilted EAN-13 reads as a UPC-E; see evidence.py).
        codes, held = weigh_thin_reads(gray, self.full.decode(gray), self._decode_linear)
        candidates: list[Candidate] = []
        if not codes:
            candidates = self.locator.locate(gray)
            stages.append("zxing-roi")
            crops = []
            for cand in candidates[: self.max_roi]:
                crop, back = self._crop(gray, cand)
                crops.append((cand, crop, back))
                decoder = self.roi_linear if cand.kind == LINEAR else self.roi_matrix
                if decoder is None:
                    continue
                reads = decoder.decode(crop)
                if decoder is self.roi_linear:
                    kept, unsettled = weigh_thin_reads(crop, reads, self._decode_linear)
                    reads = kept + unsettled
                codes = [_to_frame(c, back) for c in reads]
                if codes:
                    break
            if not codes and self.pyzbar is not None and crops:
                # zbar is the slowest stage: only the most code-like region, and only when it is
                # a row of bars wider than tall (as labels are; blinds and keyboards rarely are).
                cand, crop, back = crops[0]
                if cand.kind == LINEAR and cand.size[0] >= 1.5 * cand.size[1]:
                    stages.append("pyzbar")
                    codes = [_to_frame(c, back) for c in self.pyzbar.decode(crop) if enough_zbar_lines(c)]
            linear = next((cand for cand in candidates if cand.kind == LINEAR), None)
            if not codes and not held and linear is not None and self.roi_linear is not None:
                # A row of bars nothing could read: undo motion blur along its axis (deblur.py).
                stages.append(DEBLUR)
                codes = read_blurred(gray, linear, self._decode_linear)
        codes += [h for h in held if not any(_same_place(h, c) for c in codes)]
        return ChainResult(_drop_partial_reads(codes), candidates, (time.perf_counter() - started) * 1000.0, stages)

    def decode_regions(self, gray: np.ndarray, candidates: Iterable[Candidate]) -> list[Decoded]:
        """Every given region, straightened, read by zxing-cpp and by zbar (not stopping at a read).

        For still images (scanning/stills.py), where time is cheap and a sheet holds several labels;
        the live :meth:`decode` stops at the first region that reads. Reads are in ``gray``'s
        coordinates, thin zxing-cpp reads weighed as in the live chain, zbar's 1D reads with enough
        scan lines only (evidence.py).
        """
        codes: list[Decoded] = []
        for cand in candidates:
            crop, back = self._crop(gray, cand)
            decoder = self.roi_linear if cand.kind == LINEAR else self.roi_matrix
            if decoder is not None:
                reads = decoder.decode(crop)
                if decoder is self.roi_linear:
                    kept, unsettled = weigh_thin_reads(crop, reads, self._decode_linear)
                    reads = kept + unsettled
                codes += [_to_frame(c, back) for c in reads]
            if self.pyzbar is not None:
                codes += [_to_frame(c, back) for c in self.pyzbar.decode(crop) if enough_zbar_lines(c)]
        return codes

    def _decode_linear(self, image: np.ndarray) -> list[Decoded]:
        return self.roi_linear.decode(image) if self.roi_linear is not None else []

    def _crop(self, gray: np.ndarray, cand: Candidate) -> tuple[np.ndarray, np.ndarray]:
        along = cand.size[0]
        if cand.kind == LINEAR:
            # About 2 px per module is what 1D decoders need; a narrow region is a small code.
            upscale = 2.0 if along < 260 else 1.5 if along < 420 else 1.0
            return crop_aligned(gray, cand, pad=0.2, upscale=upscale, max_side=640)
        upscale = 2.0 if along < 120 else 1.0
        unrotated = Candidate(cand.kind, cand.center, cand.size, 0.0, cand.score)
        return crop_aligned(gray, unrotated, pad=0.3, upscale=upscale, max_side=400)


def _drop_partial_reads(codes: list[Decoded]) -> list[Decoded]:
    """Two different texts read from the same place are at most one code.

    zxing-cpp outlines a 1D read by the scan rows that agreed on it: a misread of a few rows of a
    well-read code (measured: an EAN-13 also read as another, valid, UPC-A from 3 of its 90 rows)
    is far thinner than the true read. The thinner one goes; when neither clearly wins, both do.
    A UPC-E or EAN-8 read where an EAN-13 / UPC-A is is a fragment of it (symbology.FRAGMENT_OF).
    """
    if len(codes) < 2:
        return codes
    dropped: set[int] = set()
    for i, a in enumerate(codes):
        for j, b in enumerate(codes):
            if i >= j or a.key == b.key or not _same_place(a, b):
                continue
            if sym.is_fragment_of(a.symbology, b.symbology):
                dropped.add(i)
            elif sym.is_fragment_of(b.symbology, a.symbology):
                dropped.add(j)
            elif a.symbology in sym.LINEAR and b.symbology in sym.LINEAR:
                ta, tb = _thickness(a.outline), _thickness(b.outline)
                if ta >= 3 * tb:
                    dropped.add(j)
                elif tb >= 3 * ta:
                    dropped.add(i)
                else:
                    dropped.update((i, j))
    return [c for k, c in enumerate(codes) if k not in dropped]


def _same_place(a: Decoded, b: Decoded) -> bool:
    # zxing outlines a 1D read by the rows it scanned: a thin line, so allow a band around it.
    return _inside(_centre(a.outline), b.outline, margin=0.3 * _extent(b.outline)) or _inside(
        _centre(b.outline), a.outline, margin=0.3 * _extent(a.outline)
    )


def _thickness(outline: tuple[tuple[float, float], ...]) -> float:
    if len(outline) != 4:
        return 0.0
    (x0, y0), _, _, (x3, y3) = outline
    return max(1.0, math.sqrt((x3 - x0) ** 2 + (y3 - y0) ** 2))


def _extent(outline: tuple[tuple[float, float], ...]) -> float:
    if not outline:
        return 0.0
    xs = [p[0] for p in outline]
    ys = [p[1] for p in outline]
    return max(max(xs) - min(xs), max(ys) - min(ys))


def _centre(outline: tuple[tuple[float, float], ...]) -> tuple[float, float]:
    if not outline:
        return (0.0, 0.0)
    return (sum(p[0] for p in outline) / len(outline), sum(p[1] for p in outline) / len(outline))


def _to_frame(code: Decoded, back: np.ndarray) -> Decoded:
    pts = np.array(code.outline, np.float32).reshape(-1, 1, 2)
    mapped = cv2.transform(pts, back).reshape(-1, 2)
    outline = tuple((float(x), float(y)) for x, y in mapped)
    return Decoded(code.symbology, code.text, outline, code.stage, code.agreed_by, code.lines)


def _inside(point: tuple[float, float], outline: tuple[tuple[float, float], ...], margin: float) -> bool:
    if not outline:
        return False
    xs = [p[0] for p in outline]
    ys = [p[1] for p in outline]
    return (min(xs) - margin <= point[0] <= max(xs) + margin) and (min(ys) - margin <= point[1] <= max(ys) + margin)
