"""Single decoders: zxing-cpp and pyzbar (zbar) behind one small interface.

Each takes a greyscale image (numpy uint8, H x W) and returns :class:`Decoded` reads in that
image's coordinates. Neither knows about frames, confirmation or the chain (see ``chain.py``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np
import zxingcpp

from inventory_app.scanning import symbology as sym

Point = tuple[float, float]


@dataclass(frozen=True, slots=True)
class Decoded:
    """One code read in one image."""

    symbology: str  # one of symbology.ALL
    text: str
    outline: tuple[Point, ...]  # corner points in image coordinates, clockwise from top-left
    stage: str  # which stage of the chain read it ("zxing", "zxing-roi", "pyzbar", ...)
    agreed_by: tuple[str, ...] = field(default=())  # other stages that read the same code in this frame
    lines: int = 0  # scan lines that agreed on it, where the decoder says (zbar's quality); 0: not known

    @property
    def key(self) -> tuple[str, str]:
        return sym.agreement_key(self.symbology, self.text)

    def to_json(self) -> dict[str, Any]:
        return {
            "symbology": self.symbology,
            "text": self.text,
            "stage": self.stage,
            "outline": [[round(x, 1), round(y, 1)] for x, y in self.outline],
        }

    def shifted(self, dx: float, dy: float, scale: float = 1.0, stage: str | None = None) -> Decoded:
        """The same read in the coordinates of a larger image this one was cut (and scaled) from."""
        outline = tuple((x / scale + dx, y / scale + dy) for x, y in self.outline)
        return Decoded(self.symbology, self.text, outline, stage or self.stage, self.agreed_by, self.lines)


class Decoder(Protocol):
    name: str

    def decode(self, gray: np.ndarray) -> list[Decoded]: ...


class ZxingDecoder:
    """zxing-cpp: fast, rarely wrong, reads Data Matrix too."""

    def __init__(
        self,
        symbologies: Iterable[str] = sym.ALL,
        *,
        try_rotate: bool = True,
        try_downscale: bool = True,
        binarizer: str = "LocalAverage",
        name: str = "zxing",
    ) -> None:
        by_id = {v: k for k, v in sym.ZXING_NAMES.items()}
        self.formats = zxingcpp.BarcodeFormats([getattr(zxingcpp.BarcodeFormat, by_id[s]) for s in symbologies])
        self.try_rotate = try_rotate
        self.try_downscale = try_downscale
        self.binarizer = getattr(zxingcpp.Binarizer, binarizer)
        self.name = name

    def decode(self, gray: np.ndarray) -> list[Decoded]:
        # Labels are dark on light: skipping the inverted pass halves the cost of an empty frame.
        results = zxingcpp.read_barcodes(
            gray,
            formats=self.formats,
            try_rotate=self.try_rotate,
            try_downscale=self.try_downscale,
            try_invert=False,
            binarizer=self.binarizer,
        )
        out = []
        for r in results:
            symbology = sym.ZXING_NAMES.get(r.format.name)
            if symbology is None or not r.valid or not r.text:
                continue
            p = r.position
            outline = tuple((float(q.x), float(q.y)) for q in (p.top_left, p.top_right, p.bottom_right, p.bottom_left))
            symbology, text = sym.normalise(symbology, r.text)
            out.append(Decoded(symbology, text, outline, self.name))
        return out


class PyzbarDecoder:
    """zbar through pyzbar: a second opinion; its reads alone are not trusted (see confirm.py)."""

    _SYMBOLS = {
        sym.CODE128: "CODE128",
        sym.CODE39: "CODE39",
        sym.EAN13: "EAN13",
        sym.UPCA: "UPCA",
        sym.EAN8: "EAN8",
        sym.UPCE: "UPCE",
        sym.QR: "QRCODE",
    }

    def __init__(self, symbologies: Iterable[str] = sym.ALL, name: str = "pyzbar") -> None:
        # Imported here: the zbar system library may be missing, and then only this stage is lost.
        from pyzbar import pyzbar

        self._pyzbar = pyzbar
        self._symbols = [getattr(pyzbar.ZBarSymbol, self._SYMBOLS[s]) for s in symbologies if s in self._SYMBOLS]
        self.name = name

    def decode(self, gray: np.ndarray) -> list[Decoded]:
        out = []
        for r in self._pyzbar.decode(np.ascontiguousarray(gray), symbols=self._symbols):
            symbology = sym.ZBAR_NAMES.get(r.type)
            text = r.data.decode("utf-8", errors="replace")
            if symbology is None or not text:
                continue
            outline = _order_clockwise([(float(p.x), float(p.y)) for p in r.polygon])
            symbology, text = sym.normalise(symbology, text)
            out.append(Decoded(symbology, text, outline, self.name, lines=int(r.quality)))
        return out


def pyzbar_available() -> bool:
    try:
        from pyzbar import pyzbar  # noqa: F401
    except (ImportError, OSError):  # the zbar shared library is missing
        return False
    return True


def _order_clockwise(points: Sequence[Point]) -> tuple[Point, ...]:
    """zbar gives a polygon of any length and order; reduce it to its bounding quadrilateral."""
    if not points:
        return ()
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    # Corners nearest to the bounding box corners, clockwise from top-left.
    targets = ((min(xs), min(ys)), (max(xs), min(ys)), (max(xs), max(ys)), (min(xs), max(ys)))
    return tuple(_nearest(points, t) for t in targets)


def _nearest(points: Sequence[Point], target: Point) -> Point:
    return min(points, key=lambda p: (p[0] - target[0]) ** 2 + (p[1] - target[1]) ** 2)
