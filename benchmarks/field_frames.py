"""A second, independent frame generator for benchmarks/scanning.py ("field" frames).

Written apart from inventory_app/scanning/synthetic.py and with other degradations, so that a
chain tuned on one generator is checked on another: motion blur along a random direction, a
rolling shutter (rows shifted as the camera pans), heavy JPEG blocking, uneven light (a lamp to
one side, a shadow edge), labels curved round a cable or a laptop lid, faded low-contrast thermal
prints, and tilts of 15-30 degrees. 1280x720 (or any size), seeded, greyscale out.

Symbols: Code 128 asset tags drawn by the label code (python-barcode, as printed), the rest by
zxing-cpp's writer; every 5th frame holds no code (some with stripes, text or a keyboard-like grid).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import cv2
import numpy as np
import zxingcpp

from inventory_app.core.identifiers import make_tag
from inventory_app.labels.barcodes import code128_image
from inventory_app.scanning import symbology as sym

_WRITER = {
    sym.CODE39: "Code39",
    sym.EAN13: "EAN13",
    sym.UPCA: "UPCA",
    sym.EAN8: "EAN8",
    sym.QR: "QRCode",
    sym.DATAMATRIX: "DataMatrix",
    sym.CODE128: "Code128",
}
KINDS = [sym.CODE128, sym.CODE128, sym.CODE39, sym.EAN13, sym.UPCA, sym.EAN8, sym.QR, sym.DATAMATRIX]
DEGRADATIONS = ("motion", "rolling", "jpeg", "light", "curve", "thermal", "tilt")


@dataclass
class FieldFrame:
    gray: np.ndarray
    symbology: str | None
    text: str | None
    degradations: tuple[str, ...]


class FieldGenerator:
    def __init__(self, seed: int, size: tuple[int, int] = (1280, 720)) -> None:
        self.rng = np.random.default_rng(seed)
        self.size = size
        self.count = 0

    # ---- symbols -------------------------------------------------------------------------------
    def text_for(self, symbology: str) -> str:
        r = self.rng
        if symbology == sym.CODE128:
            return make_tag(str(r.choice(["ESP", "VAN", "KOU", "HKI"])), int(r.integers(1, 99999)))
        if symbology == sym.CODE39:
            return "".join(r.choice(list("ABCDEFGHJKLMNPRSTUVWXYZ0123456789-"), size=int(r.integers(5, 10))))
        if symbology in (sym.EAN13, sym.UPCA, sym.EAN8):
            n = {sym.EAN13: 12, sym.UPCA: 11, sym.EAN8: 7}[symbology]
            digits = "".join(str(d) for d in r.integers(0, 10, size=n))
            if symbology == sym.EAN13 and digits[0] == "0":
                digits = "4" + digits[1:]
            return digits + sym.gtin_check_digit(digits)
        alphabet = list("abcdefghijklmnopqrstuvwxyz0123456789/:.-")
        if symbology == sym.QR:
            return "https://koulu.example/d/" + "".join(r.choice(alphabet, size=int(r.integers(4, 20))))
        return "SN" + "".join(r.choice(list("0123456789ABCDEF"), size=int(r.integers(6, 14))))

    def symbol(self, symbology: str, text: str) -> tuple[np.ndarray, int]:
        """Black on white, quiet zones included, and its pixels per module."""
        if symbology == sym.CODE128:
            m = 3
            return np.asarray(code128_image(text, module_px=m, height_px=40 * m), dtype=np.uint8), m
        code = zxingcpp.create_barcode(text, getattr(zxingcpp.BarcodeFormat, _WRITER[symbology]))
        mods = np.asarray(code.to_image(scale=1, add_quiet_zones=False)).astype(np.uint8)
        if symbology in sym.LINEAR:
            row = mods[mods.shape[0] // 2 : mods.shape[0] // 2 + 1]
            mods = np.repeat(row, max(24, int(row.shape[1] * self.rng.uniform(0.2, 0.45))), axis=0)
            quiet = 10
        else:
            quiet = 3
        mods = cv2.copyMakeBorder(mods, quiet, quiet, quiet, quiet, cv2.BORDER_CONSTANT, value=255)
        m = 3
        return cv2.resize(mods, None, fx=m, fy=m, interpolation=cv2.INTER_NEAREST), m

    # ---- scene ---------------------------------------------------------------------------------
    def background(self) -> np.ndarray:
        w, h = self.size
        r = self.rng
        base = float(r.uniform(60, 190))
        noise = cv2.resize(
            r.normal(0, 1, (h // 40 + 1, w // 40 + 1)).astype(np.float32), (w, h), interpolation=cv2.INTER_CUBIC
        )
        img = base + 25 * noise
        for _ in range(int(r.integers(2, 7))):  # furniture, posters, a window
            x0, y0 = int(r.integers(0, w)), int(r.integers(0, h))
            x1, y1 = x0 + int(r.integers(60, 500)), y0 + int(r.integers(40, 400))
            cv2.rectangle(img, (x0, y0), (x1, y1), float(r.uniform(20, 240)), -1)
        if r.random() < 0.5:  # text-like lines or a keyboard grid: edges that are not codes
            x0, y0 = int(r.integers(0, w - 300)), int(r.integers(0, h - 120))
            for k in range(int(r.integers(3, 9))):
                y = y0 + 14 * k
                for _ in range(int(r.integers(5, 14))):
                    x = x0 + int(r.integers(0, 300))
                    cv2.rectangle(img, (x, y), (x + int(r.integers(3, 12)), y + 8), float(r.uniform(0, 80)), -1)
        return img.astype(np.float32)

    def frame(self, symbology: str | None = None) -> FieldFrame:
        r = self.rng
        self.count += 1
        w, h = self.size
        img = self.background()
        picks = tuple(sorted(set(r.choice(DEGRADATIONS, size=int(r.integers(1, 4)), replace=False).tolist())))
        text = None
        if symbology is not None:
            text = self.text_for(symbology)
            label, m = self.symbol(symbology, text)
            label = label.astype(np.float32)
            if "thermal" in picks:  # faded thermal print: grey bars, uneven darkness, streaks
                ink, paper = r.uniform(90, 150), r.uniform(200, 235)
                label = paper - (255 - label) / 255 * (paper - ink)
                streaks = r.normal(0, 12, label.shape[1]).astype(np.float32)
                label += cv2.GaussianBlur(streaks.reshape(1, -1), (1, 9), 0)
            else:
                label = r.uniform(200, 250) * label / 255 + r.uniform(0, 40) * (1 - label / 255)
            if "curve" in picks and symbology in sym.LINEAR:
                label = self._curve(label, float(r.uniform(0.5, 1.1)))
            # Module size in the frame: 1.6-3.5 px (a webcam at arm's length).
            ppm = float(r.uniform(1.6, 3.5)) if symbology in sym.LINEAR else float(r.uniform(2.5, 5.0))
            scale = ppm / m
            lh, lw = label.shape
            if lw * scale > 0.9 * w:
                scale = 0.9 * w / lw
            angle = float(r.choice([-1, 1]) * r.uniform(15, 30)) if "tilt" in picks else float(r.uniform(-8, 8))
            persp = float(r.uniform(0, 0.18))
            img = self._place(img, label, scale, angle, persp)
        else:
            if r.random() < 0.4:  # stripes: blinds, a radiator
                x0, y0 = int(r.integers(0, w - 300)), int(r.integers(0, h - 200))
                period = int(r.integers(4, 14))
                for x in range(x0, x0 + 300, period):
                    cv2.rectangle(img, (x, y0), (x + period // 2, y0 + 180), float(r.uniform(0, 60)), -1)
        img = self._degrade(img, picks)
        return FieldFrame(img, symbology, text, picks)

    def _curve(self, label: np.ndarray, bend: float) -> np.ndarray:
        """The label wrapped round a cylinder whose axis runs across the bars."""
        h, w = label.shape
        theta = (np.arange(w, dtype=np.float32) / (w - 1) - 0.5) * bend * math.pi / 2
        src_x = (np.sin(theta) / math.sin(bend * math.pi / 4) * 0.5 + 0.5) * (w - 1)
        map_x = np.tile(src_x, (h, 1)).astype(np.float32)
        map_y = np.repeat(np.arange(h, dtype=np.float32)[:, None], w, axis=1)
        out = cv2.remap(label, map_x, map_y, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
        shade = (0.75 + 0.25 * np.cos(theta)).astype(np.float32)  # the far sides get less light
        return out * shade[None, :]

    def _place(self, img: np.ndarray, label: np.ndarray, scale: float, angle: float, persp: float) -> np.ndarray:
        r = self.rng
        h, w = img.shape
        lh, lw = label.shape
        src = np.float32([[0, 0], [lw, 0], [lw, lh], [0, lh]])
        cw, ch = lw * scale, lh * scale
        a = math.radians(angle)
        pts = []
        for x, y in [(-cw / 2, -ch / 2), (cw / 2, -ch / 2), (cw / 2, ch / 2), (-cw / 2, ch / 2)]:
            pts.append((x * math.cos(a) - y * math.sin(a), x * math.sin(a) + y * math.cos(a)))
        pts_arr = np.float32(pts)
        pts_arr[[1, 2], 1] *= 1 - persp  # one side farther away
        span_x = pts_arr[:, 0].max() - pts_arr[:, 0].min()
        span_y = pts_arr[:, 1].max() - pts_arr[:, 1].min()
        cx = float(r.uniform(span_x / 2 + 10, max(span_x / 2 + 11, w - span_x / 2 - 10)))
        cy = float(r.uniform(span_y / 2 + 10, max(span_y / 2 + 11, h - span_y / 2 - 10)))
        dst = pts_arr + np.float32([cx, cy])
        m = cv2.getPerspectiveTransform(src, dst)
        warped = cv2.warpPerspective(label, m, (w, h), flags=cv2.INTER_AREA, borderValue=0)
        mask = cv2.warpPerspective(np.ones_like(label), m, (w, h), flags=cv2.INTER_LINEAR, borderValue=0)
        return img * (1 - mask) + warped * mask

    def _degrade(self, img: np.ndarray, picks: tuple[str, ...]) -> np.ndarray:
        r = self.rng
        h, w = img.shape
        if "light" in picks:
            xs = np.linspace(-1, 1, w, dtype=np.float32)[None, :]
            ys = np.linspace(-1, 1, h, dtype=np.float32)[:, None]
            lx, ly = r.uniform(-1.5, 1.5, 2)
            lamp = 1.0 / (1.0 + 0.8 * ((xs - lx) ** 2 + (ys - ly) ** 2))
            gain = (0.35 + 1.1 * lamp).astype(np.float32)
            if r.random() < 0.5:  # a shadow edge across the frame
                edge = (xs * math.cos(r.uniform(0, math.pi)) + ys * math.sin(r.uniform(0, math.pi))) > r.uniform(
                    -0.5, 0.5
                )
                gain = gain * np.where(edge, float(r.uniform(0.4, 0.7)), 1.0).astype(np.float32)
            img = img * gain
        if "motion" in picks:
            length = int(r.integers(4, 11))
            k = np.zeros((length, length), np.float32)
            k[length // 2, :] = 1.0
            rot = cv2.getRotationMatrix2D((length / 2 - 0.5, length / 2 - 0.5), float(r.uniform(0, 180)), 1.0)
            k = cv2.warpAffine(k, rot, (length, length))
            img = cv2.filter2D(img, -1, k / max(k.sum(), 1e-6))
        else:
            img = cv2.GaussianBlur(img, (0, 0), float(r.uniform(0.5, 1.1)))
        if "rolling" in picks:  # each row read a little later while the camera pans
            speed = float(r.uniform(0.02, 0.08)) * r.choice([-1, 1])
            wobble = float(r.uniform(0, 2.0))
            rows = np.arange(h, dtype=np.float32)
            shift = speed * rows + wobble * np.sin(rows / float(r.uniform(15, 60)))
            map_x = (np.arange(w, dtype=np.float32)[None, :] + shift[:, None]).astype(np.float32)
            map_y = np.repeat(rows[:, None], w, axis=1)
            img = cv2.remap(img, map_x, map_y, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
        img = img + r.normal(0, float(r.uniform(2, 7)), img.shape).astype(np.float32)
        gray = np.clip(img, 0, 255).astype(np.uint8)
        quality = int(r.integers(15, 36)) if "jpeg" in picks else int(r.integers(70, 92))
        ok, buf = cv2.imencode(".jpg", gray, [cv2.IMWRITE_JPEG_QUALITY, quality])
        return cv2.imdecode(buf, cv2.IMREAD_GRAYSCALE)


def field_frames(seed: int, n: int, size: tuple[int, int] = (1280, 720)) -> list[FieldFrame]:
    gen = FieldGenerator(seed, size)
    return [gen.frame(None if i % 5 == 4 else KINDS[i % len(KINDS)]) for i in range(n)]
