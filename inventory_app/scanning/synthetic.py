"""Seeded camera-like frames with labels on them, for tests, the benchmark and demonstrations.

A frame is a cluttered room-like background with a paper label placed by a homography at a
chosen size (pixels per module), tilt and perspective, then what a laptop webcam does to it:
defocus and motion blur, low light with its extra sensor noise, a glare spot, vignetting and
MJPG compression. Frames without any code (some with barcode-like stripes) measure false reads.

Symbols come from renderers: by default zxing-cpp's writer; callers pass the project's own label
code for Code 128 (``labels`` is a sibling feature package, so this module cannot import it)::

    gen = FrameGenerator(seed=7, renderers={"code128": lambda text: (np.asarray(code128_image(text, 4, 160)), 4)})
    frame = gen.frame("code128", "HKI0001237", gen.conditions(grade=2))
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace

import cv2
import numpy as np
import zxingcpp

from inventory_app.core.identifiers import make_tag, room_label_code
from inventory_app.scanning import symbology as sym

# A renderer gives a black-on-white greyscale symbol image (quiet zones included) and its module size.
Symbol = tuple[np.ndarray, int]
Renderer = Callable[[str], Symbol]

_ZXING_FORMATS = {
    sym.CODE128: "Code128",
    sym.CODE39: "Code39",
    sym.EAN13: "EAN13",
    sym.UPCA: "UPCA",
    sym.EAN8: "EAN8",
    sym.UPCE: "UPCE",
    sym.QR: "QRCode",
    sym.DATAMATRIX: "DataMatrix",
}
_RENDER_MODULE_PX = 4
_QUIET_MODULES = {sym.QR: 4, sym.DATAMATRIX: 2}  # linear codes: 10


def render_symbol(symbology: str, text: str, module_px: int = _RENDER_MODULE_PX) -> Symbol:
    """A symbol drawn by zxing-cpp's writer, scaled to whole pixels per module, with quiet zones."""
    fmt = getattr(zxingcpp.BarcodeFormat, _ZXING_FORMATS[symbology])
    barcode = zxingcpp.create_barcode(text, fmt)
    modules = np.asarray(barcode.to_image(scale=1, add_quiet_zones=False)).astype(np.uint8)
    if symbology in sym.LINEAR:
        # The writer gives 1-px modules with an arbitrary height; keep one row and make bars
        # about a quarter as tall as the code is wide, like a printed label.
        row = modules[modules.shape[0] // 2 : modules.shape[0] // 2 + 1, :]
        modules = np.repeat(row, max(30, row.shape[1] // 4), axis=0)
    quiet = _QUIET_MODULES.get(symbology, 10)
    bordered = cv2.copyMakeBorder(modules, quiet, quiet, quiet, quiet, cv2.BORDER_CONSTANT, value=255)
    image = cv2.resize(bordered, None, fx=module_px, fy=module_px, interpolation=cv2.INTER_NEAREST)
    return image, module_px


@dataclass(frozen=True, slots=True)
class Conditions:
    """What the camera sees. ``ppm`` (pixels per module in the frame) decides most failures."""

    ppm: float = 3.0
    tilt_deg: float = 0.0  # in-plane rotation of the label
    perspective: float = 0.0  # 0..0.4: how much narrower the far edge of the label looks
    blur: float = 0.0  # defocus, Gaussian sigma in frame pixels
    motion: float = 0.0  # motion blur length in frame pixels
    noise: float = 2.0  # sensor noise sigma in grey levels (low light adds more)
    light: float = 1.0  # exposure: 1 well lit, 0.25 a dim classroom corner
    glare: float = 0.0  # 0..1 strength of a specular highlight across the label
    jpeg: int = 90  # MJPG quality; 0 = uncompressed
    grade: int = 0  # the overall difficulty these were drawn at (0 easy .. 3 hard)


# Graded degradations: index = grade 0..3.
GRADES: dict[str, tuple[float, ...]] = {
    "ppm": (3.6, 2.6, 1.9, 1.5),
    "tilt_deg": (3.0, 15.0, 30.0, 45.0),
    "perspective": (0.0, 0.1, 0.2, 0.25),
    "blur": (0.0, 0.7, 1.1, 1.5),
    "motion": (0.0, 2.0, 3.5, 5.0),
    "noise": (2.0, 4.0, 6.0, 9.0),
    "light": (1.0, 0.65, 0.45, 0.35),
    "glare": (0.0, 0.4, 0.65, 0.85),
}


@dataclass(slots=True)
class SyntheticFrame:
    image: np.ndarray  # BGR uint8, like a camera frame
    symbology: str | None  # None: a frame with no code
    text: str | None
    conditions: Conditions
    corners: np.ndarray | None = None  # the symbol's four corners in the frame (float32, 4x2)


class FrameGenerator:
    """Camera-like frames from a seed: the same seed gives the same frames."""

    def __init__(
        self, seed: int = 0, size: tuple[int, int] = (1280, 720), renderers: Mapping[str, Renderer] | None = None
    ) -> None:
        self.rng = np.random.default_rng(seed)
        self.size = size
        self.renderers = dict(renderers or {})
        width, height = size
        yy, xx = np.mgrid[0:height, 0:width].astype(np.float32)
        r2 = ((xx - width / 2) / (width / 2)) ** 2 + ((yy - height / 2) / (height / 2)) ** 2
        vignette = (255.0 * (1.0 - 0.28 * r2)).clip(128, 255).astype(np.uint8)
        self._vignette = cv2.merge([vignette, vignette, vignette])
        # A bank of unit Gaussian noise, cropped at random offsets: drawing fresh normals for
        # every pixel of every frame would make generation slower than decoding.
        self._noise = self.rng.standard_normal((height + 64, width + 64)).astype(np.float32)

    # ---- what to draw ---------------------------------------------------------------------------

    def sample_text(self, symbology: str) -> str:
        """A plausible payload: our asset tags and room labels for Code 128, serials and GTINs else."""
        rng = self.rng
        alnum = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"
        if symbology == sym.CODE128:
            if rng.random() < 0.85:
                return make_tag(str(rng.choice(["HKI", "ESP", "VAN"])), int(rng.integers(0, 1_000_000)))
            return room_label_code(
                str(rng.choice(["KALL", "MYLL", "PUKI"])), f"{rng.choice(list('ABC'))}{rng.integers(100, 400)}"
            )
        if symbology == sym.CODE39:
            return "5CG" + "".join(str(d) for d in rng.integers(0, 10, 4)) + "".join(rng.choice(list(alnum), 3))
        if symbology in (sym.EAN13, sym.UPCA, sym.EAN8):
            n = {sym.EAN13: 12, sym.UPCA: 11, sym.EAN8: 7}[symbology]
            body = "".join(str(d) for d in rng.integers(0, 10, n))
            return body + sym.gtin_check_digit(body)
        if symbology == sym.QR:
            return "SN:" + "".join(rng.choice(list(alnum), 10))
        if symbology == sym.DATAMATRIX:
            return "".join(rng.choice(list(alnum), 12))
        raise ValueError(f"no sample payload for {symbology}")

    def conditions(self, grade: int | None = None) -> Conditions:
        """Degradations drawn around a grade (0..3): the grade's values, jittered, some milder."""
        rng = self.rng
        grade = int(rng.integers(0, 4)) if grade is None else grade

        def pick(name: str) -> float:
            # Each degradation is at the frame's grade or milder, so hard frames are not all hard at once.
            level = int(rng.integers(max(0, grade - 2), grade + 1))
            return GRADES[name][level] * float(rng.uniform(0.8, 1.2))

        ppm_lo, ppm_hi = GRADES["ppm"][min(grade, 3)], GRADES["ppm"][max(grade - 1, 0)] + 0.4
        light = min(1.0, pick("light"))
        return Conditions(
            ppm=float(rng.uniform(min(ppm_lo, ppm_hi), max(ppm_lo, ppm_hi))),
            tilt_deg=pick("tilt_deg") * float(rng.choice([-1, 1])),
            perspective=min(0.4, pick("perspective")),
            blur=pick("blur"),
            motion=pick("motion") if rng.random() < 0.5 else 0.0,
            noise=pick("noise"),
            light=light,
            glare=min(1.0, pick("glare")) if rng.random() < 0.5 else 0.0,
            jpeg=int(rng.integers(70, 96)),
            grade=grade,
        )

    # ---- frames ---------------------------------------------------------------------------------

    def frame(self, symbology: str, text: str | None = None, conditions: Conditions | None = None) -> SyntheticFrame:
        text = text if text is not None else self.sample_text(symbology)
        cond = conditions or self.conditions()
        symbol, module_px = self._render(symbology, text)
        label, symbol_box = self._label(symbol, module_px, text, symbology in sym.LINEAR)
        background = self._background(stripes=self.rng.random() < 0.15)
        image, corners, cond = self._place(background, label, symbol_box, module_px, cond)
        image = self._camera(image, cond, corners)
        return SyntheticFrame(image, symbology, text, cond, corners)

    def empty(self, conditions: Conditions | None = None) -> SyntheticFrame:
        """A frame with no code: clutter, text and sometimes barcode-like stripes."""
        cond = conditions or self.conditions()
        image = self._background(stripes=self.rng.random() < 0.4)
        return SyntheticFrame(self._camera(image, cond, None), None, None, cond)

    def scene(self, symbology: str, text: str, conditions: Conditions, frames: int) -> list[SyntheticFrame]:
        """Consecutive frames of one label held still-ish: the same scene with fresh noise and a small wobble."""
        out = []
        state = self.rng.bit_generator.state
        for i in range(frames):
            # Re-seeding from the same state keeps background and placement; the jitter moves the label.
            self.rng.bit_generator.state = state
            wobble = replace(conditions, tilt_deg=conditions.tilt_deg + 0.7 * i, ppm=conditions.ppm * (1.0 + 0.02 * i))
            out.append(self.frame(symbology, text, wobble))
        return out

    # ---- internals ------------------------------------------------------------------------------

    def _render(self, symbology: str, text: str) -> Symbol:
        renderer = self.renderers.get(symbology)
        return renderer(text) if renderer else render_symbol(symbology, text)

    def _label(
        self, symbol: np.ndarray, module_px: int, text: str, linear: bool
    ) -> tuple[np.ndarray, tuple[int, int, int, int]]:
        """Paper around the symbol with the human-readable text under linear codes."""
        h, w = symbol.shape[:2]
        pad = 2 * module_px
        text_h = int(12 * module_px) if linear else 0
        paper = np.full((h + 2 * pad + text_h, w + 2 * pad), 255, np.uint8)
        paper[pad : pad + h, pad : pad + w] = symbol
        if linear:
            scale = 4.5 * module_px / 30.0
            (tw, _th), _ = cv2.getTextSize(text, cv2.FONT_HERSHEY_SIMPLEX, scale, max(1, module_px // 2))
            cv2.putText(
                paper,
                text,
                ((paper.shape[1] - tw) // 2, pad + h + int(9 * module_px)),
                cv2.FONT_HERSHEY_SIMPLEX,
                scale,
                0,
                max(1, module_px // 2),
                cv2.LINE_AA,
            )
        return paper, (pad, pad, w, h)

    def _background(self, stripes: bool) -> np.ndarray:
        rng = self.rng
        width, height = self.size
        # A smooth light gradient: drawn tiny and enlarged (cheap), then clutter on top.
        corners = rng.uniform(60, 200, (2, 2, 3)).astype(np.float32)
        image = cv2.resize(corners, (width, height), interpolation=cv2.INTER_LINEAR).astype(np.uint8)
        for _ in range(int(rng.integers(3, 9))):  # furniture, screens, doors
            x0, y0 = int(rng.integers(-100, width)), int(rng.integers(-100, height))
            x1, y1 = x0 + int(rng.integers(60, 500)), y0 + int(rng.integers(60, 400))
            cv2.rectangle(image, (x0, y0), (x1, y1), rng.uniform(20, 235, 3).tolist(), -1)
        for _ in range(int(rng.integers(2, 7))):
            p0 = (int(rng.integers(0, width)), int(rng.integers(0, height)))
            p1 = (int(rng.integers(0, width)), int(rng.integers(0, height)))
            cv2.line(image, p0, p1, rng.uniform(0, 255, 3).tolist(), int(rng.integers(1, 5)), cv2.LINE_AA)
        for _ in range(int(rng.integers(0, 4))):  # posters and whiteboard writing
            words = "".join(rng.choice(list("ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789"), int(rng.integers(4, 16))))
            cv2.putText(
                image,
                words,
                (int(rng.integers(0, width - 100)), int(rng.integers(20, height))),
                cv2.FONT_HERSHEY_SIMPLEX,
                float(rng.uniform(0.5, 2.0)),
                rng.uniform(0, 255, 3).tolist(),
                int(rng.integers(1, 4)),
                cv2.LINE_AA,
            )
        if stripes:  # blinds, a keyboard, a radiator: bar-like patterns that are not codes
            x0, y0 = int(rng.integers(0, width - 300)), int(rng.integers(0, height - 150))
            x = x0
            while x < x0 + int(rng.integers(120, 300)):
                w = int(rng.integers(2, 9))
                cv2.rectangle(image, (x, y0), (x + w, y0 + int(rng.integers(60, 150))), (30, 30, 30), -1)
                x += w + int(rng.integers(2, 12))
        return cv2.GaussianBlur(image, (0, 0), 1.2)

    def _place(
        self,
        frame: np.ndarray,
        label: np.ndarray,
        symbol_box: tuple[int, int, int, int],
        module_px: int,
        cond: Conditions,
    ) -> tuple[np.ndarray, np.ndarray, Conditions]:
        rng = self.rng
        width, height = self.size
        lh, lw = label.shape
        # Shrink a label that would not fit the frame (a 640x480 frame cannot hold a big one).
        fit = 0.92 * min(width, height) / math.hypot(lw, lh) * module_px
        ppm = min(cond.ppm, fit)
        cond = replace(cond, ppm=ppm)
        scale = ppm / module_px
        src = np.array([[0, 0], [lw, 0], [lw, lh], [0, lh]], np.float32)
        # Centered rectangle, the far (right) edge foreshortened for out-of-plane turn, then rotated.
        half_w, half_h = lw * scale / 2, lh * scale / 2
        squeeze = cond.perspective
        rect = np.array(
            [
                [-half_w, -half_h],
                [half_w * (1 - squeeze / 2), -half_h * (1 - squeeze)],
                [half_w * (1 - squeeze / 2), half_h * (1 - squeeze)],
                [-half_w, half_h],
            ],
            np.float32,
        )
        a = math.radians(cond.tilt_deg)
        rot = np.array([[math.cos(a), -math.sin(a)], [math.sin(a), math.cos(a)]], np.float32)
        rect = rect @ rot.T
        margin_x = float(np.abs(rect[:, 0]).max()) + 4
        margin_y = float(np.abs(rect[:, 1]).max()) + 4
        cx = rng.uniform(min(margin_x, width / 2), max(width - margin_x, width / 2))
        cy = rng.uniform(min(margin_y, height / 2), max(height - margin_y, height / 2))
        dst = rect + np.array([cx, cy], np.float32)
        homography = cv2.getPerspectiveTransform(src, dst)
        # Warp only into the label's bounding box (a full-frame warp is most of the cost).
        x0, y0 = (int(v) for v in np.floor(dst.min(axis=0)).clip(0))
        x1 = min(width, int(math.ceil(float(dst[:, 0].max()))) + 1)
        y1 = min(height, int(math.ceil(float(dst[:, 1].max()))) + 1)
        shift = np.array([[1, 0, -x0], [0, 1, -y0], [0, 0, 1]], np.float64)
        local = shift @ homography
        source = label
        if scale < 1:  # what the lens and sensor do when shrinking: no aliasing, soft edges
            source = cv2.GaussianBlur(label, (0, 0), 0.35 / scale)
        size = (x1 - x0, y1 - y0)
        warped = cv2.warpPerspective(source, local, size, flags=cv2.INTER_LINEAR, borderValue=0)
        mask = cv2.warpPerspective(np.full((lh, lw), 255, np.uint8), local, size, flags=cv2.INTER_LINEAR, borderValue=0)
        paper_tint = rng.uniform(0.88, 1.0, 3).astype(np.float32)
        alpha = (mask.astype(np.float32) / 255.0)[..., None]
        roi = frame[y0:y1, x0:x1].astype(np.float32)
        blended = roi * (1 - alpha) + warped.astype(np.float32)[..., None] * paper_tint * alpha
        out = frame.copy()
        out[y0:y1, x0:x1] = blended.clip(0, 255).astype(np.uint8)
        x, y, w, h = symbol_box
        box = np.array([[[x, y], [x + w, y], [x + w, y + h], [x, y + h]]], np.float32)
        corners = cv2.perspectiveTransform(box, homography)[0]
        return out, corners, cond

    def _camera(self, image: np.ndarray, cond: Conditions, corners: np.ndarray | None) -> np.ndarray:
        rng = self.rng
        width, height = self.size
        out = image
        if cond.glare > 0 and corners is not None:
            # A specular highlight over part of the label: saturates, washes the bars out.
            centre = corners.mean(axis=0) + rng.uniform(-0.3, 0.3, 2) * (corners.max(axis=0) - corners.min(axis=0))
            radius = max(8.0, float(np.linalg.norm(corners[1] - corners[0])) * float(rng.uniform(0.15, 0.35)))
            reach = int(3 * radius)
            x0, x1 = max(0, int(centre[0]) - reach), min(width, int(centre[0]) + reach)
            y0, y1 = max(0, int(centre[1]) - reach), min(height, int(centre[1]) + reach)
            if x1 > x0 and y1 > y0:
                yy, xx = np.mgrid[y0:y1, x0:x1].astype(np.float32)
                spot = cond.glare * 260.0 * np.exp(-((xx - centre[0]) ** 2 + (yy - centre[1]) ** 2) / (2 * radius**2))
                out = out.copy()
                out[y0:y1, x0:x1] = (
                    (out[y0:y1, x0:x1].astype(np.float32) + spot[..., None]).clip(0, 255).astype(np.uint8)
                )
        if cond.blur > 0:
            out = cv2.GaussianBlur(out, (0, 0), cond.blur)
        if cond.motion >= 1:
            length = int(round(cond.motion))
            streak = np.zeros((length, length), np.float32)
            streak[length // 2, :] = 1.0 / length
            angle = float(rng.uniform(0, 180))
            turned = cv2.warpAffine(
                streak, cv2.getRotationMatrix2D(((length - 1) / 2, (length - 1) / 2), angle, 1.0), (length, length)
            )
            kernel = (turned / max(float(turned.sum()), 1e-6)).astype(np.float32)
            out = cv2.filter2D(out, -1, kernel)
        out = cv2.multiply(out, self._vignette, scale=cond.light / 255.0)
        # Dim scenes are amplified by the sensor gain: their noise grows as the light falls.
        sigma = cond.noise / math.sqrt(max(cond.light, 0.05))
        ox, oy = int(rng.integers(0, 64)), int(rng.integers(0, 64))
        noise = self._noise[oy : oy + height, ox : ox + width] * sigma
        out = (out.astype(np.float32) + noise[..., None]).clip(0, 255).astype(np.uint8)
        if cond.jpeg:
            ok, data = cv2.imencode(".jpg", out, [cv2.IMWRITE_JPEG_QUALITY, int(cond.jpeg)])
            decoded = cv2.imdecode(data, cv2.IMREAD_COLOR) if ok else None
            if decoded is not None:
                out = decoded
        return out
