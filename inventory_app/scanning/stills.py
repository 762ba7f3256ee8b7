"""Still images (``scan photo.jpg``): every decoder pass on the picture, and the confirmation rule.

The live chain (chain.py) stops at the first stage that reads anything and tries two located
regions: right for a 30 fps camera with 8 ms a frame, wrong for a still, which has one frame, time
to spare and often several labels (a sheet, a shelf). A still is decoded thoroughly instead
(:class:`StillReader`), each view by all of:

* the live chain (what the camera would read);
* zxing-cpp on the whole picture with its rotated and downscaled passes, every symbol it finds
  (a thin 1D read of these passes is left out: the chain weighs the upright ones, evidence.py);
* every region the locator finds (up to ``MAX_REGIONS``, not two), straightened, by zxing-cpp and
  by zbar (DecoderChain.decode_regions);
* zbar on the whole picture, after Otsu thresholding and after adaptive (local mean)
  thresholding: glare and uneven light leave the bars readable to zbar only once thresholded.
  zbar's 1D reads need two agreeing scan lines unless a tag's check character vouches (evidence.py).

**One code per place.** The reads of all passes and views are put in the picture's coordinates.
Two different codes read at the same place are at most one: a UPC-E or EAN-8 inside an EAN-13's
bars is its fragment; otherwise the one with the stronger evidence stays (confirmed before
unconfirmed, then more views and decoder families behind it) and, when neither is stronger, both go.

**Confirmation.** A still has no next frame, so it is given the views a camera would give a moment
later: the picture scaled to 125 % and to 80 % (the bars fall on other pixels, as when the hand
moves). The live camera's rule (confirm.py) holds over the picture and its views, each view one
frame: a tag's check character confirms at once; any other code needs zxing-cpp in two views,
zxing-cpp and zbar (in any views), or zbar in three. Passes of one decoder family on one view are
one frame (zbar thresholded three ways on the same pixels is not three opinions). Views are decoded
while a read waits for confirmation or a located region has no read; a code only a view gave is
reported only once confirmed.

Measured in benchmarks/scanning.py (the ``scan`` rows per set) and benchmarks/stills_folder.py
(folders of photos): see README "Scanning still images".
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field

import cv2
import numpy as np

from inventory_app.scanning import symbology as sym
from inventory_app.scanning.chain import DecoderChain, _same_place, to_gray
from inventory_app.scanning.confirm import PYZBAR_STAGES, WRONG_CHECK, Confirmer
from inventory_app.scanning.decoders import Decoded, PyzbarDecoder, ZxingDecoder
from inventory_app.scanning.evidence import enough_zbar_lines, is_thin
from inventory_app.scanning.locate import Candidate, CodeLocator

VIEW_SCALES: tuple[float, ...] = (1.25, 0.8)
MAX_REGIONS = 12  # located regions tried per view: a sheet of labels has 6-24 codes and some text
RULE = (
    "every decoder pass runs on the picture (the live chain; zxing-cpp with rotation and downscaling; "
    "every located region by zxing-cpp and zbar; zbar on the picture as it is, after Otsu and after "
    "adaptive thresholding) and one code is kept per place; a read counts when the live camera's "
    "confirmation rule holds over the picture and up to two views of it scaled to 125 % and 80 % (as "
    "the next frames): a tag's check character, or the same code read again (zxing-cpp in two views, "
    "zxing-cpp and zbar, or zbar in three views)"
)


@dataclass(slots=True)
class StillRead:
    code: Decoded
    confirmed: bool
    reason: str  # a confirm.py reason: tag-check, agreed, waiting or wrong-check


@dataclass(slots=True)
class StillResult:
    reads: list[StillRead] = field(default_factory=list)
    ms: float = 0.0  # decoding time of the image, all views
    views: int = 1  # how many views were decoded

    @property
    def confirmed(self) -> list[Decoded]:
        return [r.code for r in self.reads if r.confirmed]

    @property
    def unconfirmed(self) -> list[StillRead]:
        return [r for r in self.reads if not r.confirmed]


class StillReader:
    """All decoder passes over a still image and views of it, merged by place and confirmed."""

    def __init__(self, chain: DecoderChain, scales: tuple[float, ...] = VIEW_SCALES, *, thorough: bool = True):
        self.chain = chain
        self.scales = scales
        self.thorough = thorough
        self.whole = ZxingDecoder(sym.ALL, try_rotate=True, try_downscale=True, name="zxing-image")
        self.locator = SheetLocator(max_candidates=MAX_REGIONS)
        pyzbar = getattr(chain, "pyzbar", None)
        self.zbar = (
            {name: PyzbarDecoder(name=name) for name in ("pyzbar-image", "pyzbar-otsu", "pyzbar-adaptive")}
            if pyzbar is not None
            else {}
        )

    def read(self, image: np.ndarray) -> StillResult:
        started = time.perf_counter()
        gray = to_gray(image)
        confirmer = Confirmer(window_s=3600.0)  # views are not apart in time
        result = StillResult()
        reads: list[tuple[int, Decoded]] = []
        verdicts: dict[tuple[str, str], StillRead] = {}
        from_image: set[tuple[str, str]] = set()
        unexplained = self._decode_view(gray, 0, reads)
        from_image.update(c.key for _, c in reads)
        self._offer(confirmer, reads, verdicts, 0)
        for index, scale in enumerate(self.scales, start=1):
            waiting = any(not r.confirmed and r.reason != WRONG_CHECK for r in verdicts.values())
            if not waiting and not unexplained:
                break
            view = cv2.resize(
                gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA if scale < 1 else cv2.INTER_LINEAR
            )
            result.views += 1
            new: list[tuple[int, Decoded]] = []
            unexplained = self._decode_view(view, index, new)
            reads += [(i, c.shifted(0.0, 0.0, scale)) for i, c in new]
            self._offer(confirmer, reads, verdicts, index)
        # A code only a view gave is reported (and contends for its place) only once confirmed.
        shown = {key for key, read in verdicts.items() if key in from_image or read.confirmed}
        result.reads = [verdicts[key] for key in _one_per_place([r for r in reads if r[1].key in shown], verdicts)]
        result.ms = (time.perf_counter() - started) * 1000.0
        return result

    def _decode_view(self, gray: np.ndarray, index: int, out: list[tuple[int, Decoded]]) -> bool:
        """Append every pass's reads of one view; True when a located region has no read."""
        live = self.chain.decode(gray)
        codes = list(live.codes)
        unexplained = bool(live.unread_candidates)
        if self.thorough:
            codes += [c for c in self.whole.decode(gray) if not is_thin(c)]
            candidates = self.locator.locate(gray)
            regions = self.chain.decode_regions(gray, candidates) if candidates else []
            codes += regions
            for name, decoder in self.zbar.items():
                codes += [c for c in decoder.decode(_binarised(gray, name)) if enough_zbar_lines(c)]
            unexplained = any(not any(_near(cand.center, c, max(cand.size)) for c in codes) for cand in candidates)
        out += [(index, c) for c in codes]
        return unexplained

    @staticmethod
    def _offer(
        confirmer: Confirmer,
        reads: list[tuple[int, Decoded]],
        verdicts: dict[tuple[str, str], StillRead],
        index: int,
    ) -> None:
        offered: set[tuple[tuple[str, str], str]] = set()
        for view, code in reads:
            if view != index:
                continue
            family = "pyzbar" if code.stage in PYZBAR_STAGES else "zxing"
            if (code.key, family) in offered:
                continue  # one frame per family and view
            offered.add((code.key, family))
            verdict = confirmer.offer(code, index)
            read = verdicts.get(code.key)
            if read is None:
                verdicts[code.key] = StillRead(code, verdict.confirmed, verdict.reason)
            elif not read.confirmed and verdict.confirmed:
                read.confirmed, read.reason = True, verdict.reason


class SheetLocator(CodeLocator):
    """The live locator, keeping neighbouring regions apart.

    The live one drops a region near one already found (within half its size plus a quarter of the
    other's, either way): one region per frame area is all the camera has time for, but on a sheet it
    merges the labels of one column. Here a region is a repeat only when its centre lies inside the
    other region (its rotated box).
    """

    def locate(self, gray: np.ndarray) -> list[Candidate]:
        relative, jxx, jyy, jxy = self.maps(gray)
        found: list[Candidate] = []
        for level, coherent_only in self.passes:
            mask = relative > self.threshold * level
            if coherent_only:
                coherence = cv2.sqrt((jxx - jyy) ** 2 + 4 * jxy * jxy) / (jxx + jyy + 1e-3)
                mask &= coherence > 0.6
            for cand in self._components(mask.astype(np.uint8), relative, jxx, jyy, jxy):
                if not any(_within(cand, other) or _within(other, cand) for other in found):
                    found.append(cand)
        found.sort(key=lambda cand: cand.score, reverse=True)
        return found[: self.max_candidates]


def _within(a: Candidate, b: Candidate) -> bool:
    """``a``'s centre inside ``b``'s rotated box."""
    angle = math.radians(b.angle_deg)
    dx, dy = a.center[0] - b.center[0], a.center[1] - b.center[1]
    along = dx * math.cos(angle) + dy * math.sin(angle)
    across = -dx * math.sin(angle) + dy * math.cos(angle)
    return abs(along) <= b.size[0] / 2 and abs(across) <= b.size[1] / 2


def read_still(chain: DecoderChain, image: np.ndarray, scales: tuple[float, ...] = VIEW_SCALES) -> StillResult:
    return StillReader(chain, scales).read(image)


def _binarised(gray: np.ndarray, name: str) -> np.ndarray:
    if name == "pyzbar-otsu":
        return cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)[1]
    if name == "pyzbar-adaptive":
        # A window a few bars wide at any picture size: 31 px on a 1280x720 frame.
        block = max(15, round(min(gray.shape[:2]) / 24)) | 1
        return cv2.adaptiveThreshold(gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY, block, 5)
    return gray


def _near(point: tuple[float, float], code: Decoded, reach: float) -> bool:
    xs = [p[0] for p in code.outline]
    ys = [p[1] for p in code.outline]
    return (
        bool(xs)
        and min(xs) - reach / 2 <= point[0] <= max(xs) + reach / 2
        and (min(ys) - reach / 2 <= point[1] <= max(ys) + reach / 2)
    )


def _one_per_place(
    reads: list[tuple[int, Decoded]], verdicts: dict[tuple[str, str], StillRead]
) -> list[tuple[str, str]]:
    """The codes that stand: of two different codes read at one place, the better-evidenced one."""
    support: dict[tuple[str, str], set[tuple[int, str]]] = {}
    for view, code in reads:
        family = "pyzbar" if code.stage in PYZBAR_STAGES else "zxing"
        support.setdefault(code.key, set()).add((view, family))
    order = list(dict.fromkeys(code.key for _, code in reads))
    dropped: set[tuple[str, str]] = set()
    for i, a in enumerate(order):
        for b in order[i + 1 :]:
            if not any(_same_place(x, y) for _, x in reads if x.key == a for _, y in reads if y.key == b):
                continue
            sa, sb = verdicts[a].code.symbology, verdicts[b].code.symbology
            if sym.is_fragment_of(sa, sb):
                dropped.add(a)
                continue
            if sym.is_fragment_of(sb, sa):
                dropped.add(b)
                continue
            rank_a = (verdicts[a].confirmed, len(support[a]))
            rank_b = (verdicts[b].confirmed, len(support[b]))
            if rank_a > rank_b:
                dropped.add(b)
            elif rank_b > rank_a:
                dropped.add(a)
            else:
                dropped.update((a, b))
    return [k for k in order if k not in dropped]
