"""Find where a code probably is, and which way its bars run, without decoding it.

Barcodes are dense edges; 1D codes are dense edges that all point the same way. The gradient
structure tensor, averaged over a window, measures both: its trace is the edge energy and its
anisotropy the coherence. Regions of high energy become candidates: *linear* when coherent
(with the reading direction from the tensor's main axis), *matrix* otherwise. This runs on a
half-size image in about a millisecond, so the chain can afford it on every frame that the first
decoder could not read, and the UI can say "code seen but not readable" when a candidate stays.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import cv2
import numpy as np

LINEAR = "linear"
MATRIX = "matrix"


@dataclass(frozen=True, slots=True)
class Candidate:
    """A region that looks like a code, in full-frame coordinates."""

    kind: str  # LINEAR or MATRIX
    center: tuple[float, float]
    size: tuple[float, float]  # along the reading direction, across it
    angle_deg: float  # reading direction (perpendicular to the bars), degrees from the x axis
    score: float  # higher is more code-like

    def corners(self) -> tuple[tuple[float, float], ...]:
        a = math.radians(self.angle_deg)
        ux, uy = math.cos(a), math.sin(a)
        vx, vy = -uy, ux
        hw, hh = self.size[0] / 2, self.size[1] / 2
        cx, cy = self.center
        return tuple(
            (cx + sx * hw * ux + sy * hh * vx, cy + sx * hw * uy + sy * hh * vy)
            for sx, sy in ((-1, -1), (1, -1), (1, 1), (-1, 1))
        )


class CodeLocator:
    """Candidate code regions on a coarse grid (cells of ``cell`` frame pixels).

    Gradients come from every second pixel of the full frame, not from a smoothed half-size
    image: smoothing averages fine bars (1.5-2 px per module) into grey and loses them, while
    plain subsampling aliases them but keeps their energy and direction.
    """

    # (threshold multiple, coherent cells only?): see locate(). Three passes read as much as six
    # (benchmarks/scanning.py: 89.1 vs 89.5 % at grades 0-2) for two thirds of the cost.
    PASSES: tuple[tuple[float, bool], ...] = ((1.0, True), (1.0, False), (3.0, True))

    def __init__(
        self,
        cell: int = 8,
        threshold: float = 1.0,
        max_candidates: int = 3,
        passes: tuple[tuple[float, bool], ...] | None = None,
    ) -> None:
        self.cell = cell
        self.threshold = threshold
        self.max_candidates = max_candidates
        self.passes = passes or self.PASSES

    def maps(self, gray: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Per grid cell: relative edge energy, and the tensor sums jxx, jyy, jxy."""
        sub = np.ascontiguousarray(gray[::2, ::2])
        gx = cv2.Sobel(sub, cv2.CV_32F, 1, 0, ksize=3)
        gy = cv2.Sobel(sub, cv2.CV_32F, 0, 1, ksize=3)
        grid = (max(1, gray.shape[1] // self.cell), max(1, gray.shape[0] // self.cell))

        def pool(a: np.ndarray) -> np.ndarray:
            # Block means, then a 3x3 neighbourhood: a window of three cells each way.
            return cv2.blur(cv2.resize(a, grid, interpolation=cv2.INTER_AREA), (3, 3))

        jxx, jyy, jxy = pool(gx * gx), pool(gy * gy), pool(gx * gy)
        mean = pool(sub.astype(np.float32))
        # Contrast differs tenfold between a lit and a dim room: compare the edge energy with the
        # local brightness (squared, as energy is) rather than with a fixed number.
        energy = jxx + jyy
        # Sensor noise gives every cell some energy (a lot in a dim, amplified frame); most of a
        # frame is smooth, so the median cell measures that floor and is taken off.
        floor = float(np.median(energy[::2, ::2]))
        relative = (energy - 2.0 * floor) / (mean * mean + 100.0)
        return relative, jxx, jyy, jxy

    def locate(self, gray: np.ndarray) -> list[Candidate]:
        relative, jxx, jyy, jxy = self.maps(gray)
        coherence = cv2.sqrt((jxx - jyy) ** 2 + 4 * jxy * jxy) / (jxx + jyy + 1e-3)
        found: list[Candidate] = []
        # A crisp label next to other edges merges with them at a low threshold, a faint one
        # vanishes at a high one: try a few, and cells whose edges all point one way on their own.
        for level, coherent_only in self.passes:
            mask = relative > self.threshold * level
            if coherent_only:
                mask &= coherence > 0.6
            for cand in self._components(mask.astype(np.uint8), relative, jxx, jyy, jxy):
                if not any(_overlaps(cand, other) for other in found):
                    found.append(cand)
        found.sort(key=lambda cand: cand.score, reverse=True)
        return found[: self.max_candidates]

    def _components(
        self, mask: np.ndarray, relative: np.ndarray, jxx: np.ndarray, jyy: np.ndarray, jxy: np.ndarray
    ) -> list[Candidate]:
        mask = cv2.morphologyEx(mask, cv2.MORPH_OPEN, np.ones((2, 2), np.uint8))
        count, labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
        found = []
        for i in range(1, count):
            area = int(stats[i, cv2.CC_STAT_AREA])
            if area < 6:
                continue
            x, y, w, h = (
                int(stats[i, j]) for j in (cv2.CC_STAT_LEFT, cv2.CC_STAT_TOP, cv2.CC_STAT_WIDTH, cv2.CC_STAT_HEIGHT)
            )
            region = labels[y : y + h, x : x + w] == i
            sxx = float(jxx[y : y + h, x : x + w][region].sum())
            syy = float(jyy[y : y + h, x : x + w][region].sum())
            sxy = float(jxy[y : y + h, x : x + w][region].sum())
            coherence = math.sqrt((sxx - syy) ** 2 + 4 * sxy * sxy) / (sxx + syy + 1e-6)
            ys, xs = np.nonzero(region)
            pts = np.column_stack([xs + x, ys + y]).astype(np.float32)
            (rcx, rcy), (rw, rh), _ = cv2.minAreaRect(pts)
            rw, rh = rw + 1, rh + 1
            fill = area / (rw * rh)
            if fill < 0.4:  # long thin lines and scattered clutter are not codes
                continue
            if rw * rh > 0.3 * mask.size:  # a whole textured wall, not a label
                continue
            if coherence > 0.5:
                kind = LINEAR
                angle = 0.5 * math.degrees(math.atan2(2 * sxy, sxx - syy))
                a = math.radians(angle)
                along = pts[:, 0] * math.cos(a) + pts[:, 1] * math.sin(a)
                across = -pts[:, 0] * math.sin(a) + pts[:, 1] * math.cos(a)
                size = (float(along.max() - along.min() + 1), float(across.max() - across.min() + 1))
                if size[0] < 0.9 * size[1] or size[0] < 5:  # an edge or a line, not a row of bars
                    continue
            else:
                kind = MATRIX
                angle = 0.0
                side = max(rw, rh)
                if min(rw, rh) < 0.35 * side:  # a line of text, not a square symbol
                    continue
                size = (side, side)
            score = area * (1.0 + coherence) * min(float(relative[y : y + h, x : x + w][region].mean()), 4.0)
            c = float(self.cell)
            found.append(Candidate(kind, ((rcx + 0.5) * c, (rcy + 0.5) * c), (size[0] * c, size[1] * c), angle, score))
        return found


def _overlaps(a: Candidate, b: Candidate) -> bool:
    reach = 0.5 * max(b.size) + 0.25 * max(a.size)
    return abs(a.center[0] - b.center[0]) <= reach and abs(a.center[1] - b.center[1]) <= reach


def crop_aligned(
    gray: np.ndarray, cand: Candidate, pad: float = 0.35, upscale: float = 1.0, max_side: int = 900
) -> tuple[np.ndarray, np.ndarray]:
    """The candidate cut out and turned so its reading direction is horizontal.

    Returns the crop and the 2x3 affine matrix that maps crop coordinates back to the frame.
    """
    w, h = cand.size
    margin = pad * max(w, h) + 6
    out_w, out_h = (w + 2 * margin) * upscale, (h + 2 * margin) * upscale
    shrink = min(1.0, max_side / max(out_w, out_h))
    zoom = upscale * shrink
    out_w, out_h = int(out_w * shrink), int(out_h * shrink)
    cx, cy = cand.center
    m = cv2.getRotationMatrix2D((cx, cy), cand.angle_deg, zoom)
    m[0, 2] += out_w / 2 - cx
    m[1, 2] += out_h / 2 - cy
    crop = cv2.warpAffine(
        gray, m, (max(out_w, 8), max(out_h, 8)), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE
    )
    return crop, cv2.invertAffineTransform(m)
