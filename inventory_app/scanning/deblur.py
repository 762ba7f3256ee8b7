"""Reading a motion-blurred 1D code: undo the smear along the code's axis, then decode.

A hand or a laptop moving during the exposure smears the picture along a line. Across the bars of
a 1D code only the part of that line along the code's axis matters (bars are the same all along
their height), and there it is a box blur of some width: thin bars and gaps melt into grey and no
decoder's binariser finds them. Where the locator found a row of bars that no stage could read,
this stage

1. cuts a band of the candidate turned so its bars stand upright, longer than the locator's
   region (motion blur lowers the edge energy the locator looks for, so it often outlines only
   part of a blurred code: the band is at least ``MIN_ASPECT`` times as long as the region is tall)
   and averages every ``ROWS_PER_LINE`` rows along the bars (noise falls, bars stay);
2. undoes a box blur of each width in ``WIDTHS`` (frame pixels along the code's axis) by a Wiener
   filter on every row (``cv2.dft``; ``NOISE`` is the noise-to-signal power that keeps the filter
   from amplifying noise where the blur left nothing);
3. decodes each result with zxing-cpp (1D symbologies only), stopping at the first read.

Its reads keep the evidence rules of the other zxing-cpp stages: zxing-cpp needs two rows of the
band to agree, and a thin read is weighed against the band's rows beside it (evidence.py). The
stage runs only when a linear candidate was found and nothing was read, so frames without a code
pay for it only when something code-like is in view.

Measured on tuning material only (the benchmarks/scanning.py tuning sets, 3 more printed-label
seeds, 121-123, that no benchmark set uses, and for misreads also evidence.py's unseen seeds: field
31-38, synthetic 61-65). Of the labels the chain missed, it reads 9 of 25 on printed seed 21 (19 of
the 25 motion-blurred), 5 of 22, 1 of 24 and 2 of 27 on seeds 121-123; 5 more frames on field seed
11 and 43 on field seeds 31-38 (of 1792 with a code), 2 on synthetic seed 4 and 7 on seeds 61-65
(of 1200); the stage read nothing wrong on any of them, nor on the tuning photos. It runs on a fifth to a quarter
of the frames, a third to a half of those without a code (stripes, keyboards, blinds), at about
1 ms each (p95 2 ms). Tried and left out: more widths (2-10 px in half pixels: +4 reads over the
4 printed seeds, 3x the cost; 3, 5, 7 read as many as 3-6 there), the two best linear candidates
instead of the best (no extra read), pyzbar on the deconvolved band (no extra read, +4 ms), a
band 1.5 or 3 times as long as tall (fewer reads), 2 or 8 rows per line (the same reads), a
noise-to-signal power of 0.01 or 0.04 (fewer reads).
"""

from __future__ import annotations

from collections.abc import Callable

import cv2
import numpy as np

from inventory_app.scanning import symbology as sym
from inventory_app.scanning.decoders import Decoded
from inventory_app.scanning.evidence import weigh_thin_reads
from inventory_app.scanning.locate import Candidate

WIDTHS: tuple[float, ...] = (3.0, 4.0, 5.0, 6.0)  # box blur widths tried, frame pixels along the code's axis
NOISE = 0.02  # Wiener filter: noise-to-signal power
ROWS_PER_LINE = 4  # band rows averaged into one line (along the bars)
BAND = 0.7  # height of the band, as a fraction of the candidate's height, about its middle
MIN_ASPECT = 2.2  # the band is at least this many times as long as the candidate is tall
MARGIN = 0.2  # quiet zone added at each end, as a fraction of the band's length
MAX_SIDE = 640  # pixels along the band

STAGE = "deblur"

Decode = Callable[[np.ndarray], list[Decoded]]


def read_blurred(gray: np.ndarray, cand: Candidate, decode: Decode) -> list[Decoded]:
    """1D codes read in ``cand`` after undoing motion blur along its axis, in frame coordinates.

    ``decode`` reads 1D codes (zxing-cpp, no rotated pass) in a greyscale image.
    """
    band, back = _band(gray, cand)
    if band is None:
        return []
    zoom = 1.0 / float(np.hypot(back[0, 0], back[1, 0]))  # band pixels per frame pixel along the axis
    spectrum, pad = _spectrum(band)
    for width in WIDTHS:
        sharp = _deconvolve(spectrum, pad, band.shape[1], width * zoom)
        reads = [c for c in decode(sharp) if c.symbology in sym.LINEAR]
        if not reads:
            continue
        kept, unsettled = weigh_thin_reads(sharp, reads, decode)
        if kept or unsettled:
            return [_to_frame(c, back) for c in kept + unsettled]
    return []


def _band(gray: np.ndarray, cand: Candidate) -> tuple[np.ndarray | None, np.ndarray]:
    """The middle rows of the candidate turned bars-upright, lengthened, lines averaged along the bars.

    Returns the band (``None`` when too small to hold a code) and the 2x3 affine matrix that maps
    band coordinates back to the frame.
    """
    along, across = cand.size
    along = max(along, MIN_ASPECT * across)
    length = along * (1 + 2 * MARGIN) + 12
    # About 2 px per module is what 1D decoders need; a short region is a small code (as chain.py).
    zoom = 2.0 if along < 260 else 1.5 if along < 420 else 1.0
    zoom = min(zoom, MAX_SIDE / length)
    out_w, out_h = int(length * zoom), int(BAND * across * zoom)
    lines = out_h // ROWS_PER_LINE
    if out_w < 32 or lines < 6:
        return None, np.zeros((2, 3))
    cx, cy = cand.center
    m = cv2.getRotationMatrix2D((cx, cy), cand.angle_deg, zoom)
    m[0, 2] += out_w / 2 - cx
    m[1, 2] += out_h / 2 - cy
    rows = cv2.warpAffine(gray, m, (out_w, out_h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
    band = cv2.resize(rows, (out_w, lines), interpolation=cv2.INTER_AREA)
    # Band line y covers rows (y .. y + 1) * out_h / lines; its centre is the row (y + 0.5) * step - 0.5.
    step = out_h / lines
    to_rows = np.array([[1.0, 0.0, 0.0], [0.0, step, 0.5 * step - 0.5], [0.0, 0.0, 1.0]])
    back = cv2.invertAffineTransform(m) @ to_rows
    return band, back


def _spectrum(band: np.ndarray) -> tuple[np.ndarray, int]:
    """Each line's DFT (OpenCV's packed real form), the line first extended at both ends by its end values."""
    pad = int(2 * max(WIDTHS) * 2.0) + 8
    lines = cv2.copyMakeBorder(band.astype(np.float32), 0, 0, pad, pad, cv2.BORDER_REPLICATE)
    size = cv2.getOptimalDFTSize(lines.shape[1])
    lines = cv2.copyMakeBorder(lines, 0, 0, 0, size - lines.shape[1], cv2.BORDER_REPLICATE)
    return cv2.dft(lines, flags=cv2.DFT_ROWS), pad


def _deconvolve(spectrum: np.ndarray, pad: int, width_px: int, blur: float) -> np.ndarray:
    lines = cv2.idft(spectrum * _wiener(spectrum.shape[1], blur), flags=cv2.DFT_ROWS | cv2.DFT_SCALE)
    return np.ascontiguousarray(np.clip(lines[:, pad : pad + width_px], 0, 255).astype(np.uint8))


def _wiener(size: int, blur: float) -> np.ndarray:
    """The Wiener filter of a centred box blur ``blur`` pixels wide, laid out as OpenCV packs a real DFT.

    A centred box is symmetric, so its spectrum and the filter are real: each frequency's real and
    imaginary parts are multiplied by the same number.
    """
    x = np.arange(size, dtype=np.float64)
    x = np.minimum(x, size - x)
    box = np.clip(blur / 2 + 0.5 - x, 0.0, 1.0)  # the edge pixels in part: widths need not be whole
    h = np.fft.rfft(box / box.sum()).real
    g = h / (h * h + NOISE)
    packed = np.empty(size, np.float32)
    packed[0] = g[0]
    packed[1::2] = g[1 : 1 + len(packed[1::2])]  # Re(1), Re(2), ... (and the last, real, one of an even size)
    packed[2::2] = g[1 : 1 + len(packed[2::2])]  # Im(1), Im(2), ...
    return packed


def _to_frame(code: Decoded, back: np.ndarray) -> Decoded:
    pts = np.array(code.outline, np.float32).reshape(-1, 1, 2)
    mapped = cv2.transform(pts, back).reshape(-1, 2)
    outline = tuple((float(x), float(y)) for x, y in mapped)
    return Decoded(code.symbology, code.text, outline, STAGE, code.agreed_by, code.lines)
