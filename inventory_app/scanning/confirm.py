"""The confirmation rule: which reads are trusted enough to record a device.

A misread records a device in a room it is not in, so a read counts only when something
independent vouches for it:

* **Our asset tags** carry a check character (ISO 7064 MOD 37,36): a tag-shaped read whose check
  character is right is confirmed at once, from any stage; one whose check character is wrong is
  refused outright, however often it is seen (the same misread repeats on the same worn label).
* **Every other code** needs agreement: read in two frames by zxing-cpp, or by zxing-cpp and
  pyzbar (in any frames), within a short window. pyzbar alone must see it in three frames, as
  its misreads (a wrong text, not a miss) are several times zxing-cpp's on real photos.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from inventory_app.core.errors import InvalidTag
from inventory_app.core.identifiers import identifier_key, looks_like_tag, parse_tag
from inventory_app.scanning import symbology as sym
from inventory_app.scanning.decoders import Decoded

# Reasons, as stable strings (the UI words them).
TAG_CHECKED = "tag-check"
AGREED = "agreed"
WAITING = "waiting"
WRONG_CHECK = "wrong-check"

# zbar on a region (the chain) or on the whole still, as it is or thresholded (stills.py).
PYZBAR_STAGES = frozenset({"pyzbar", "pyzbar-image", "pyzbar-otsu", "pyzbar-adaptive"})


@dataclass(frozen=True, slots=True)
class Verdict:
    confirmed: bool
    reason: str  # TAG_CHECKED, AGREED, WAITING or WRONG_CHECK
    message: str = ""


@dataclass(slots=True)
class _Sightings:
    frames_by_family: dict[str, set[int]] = field(default_factory=dict)
    last_seen: float = 0.0


class Confirmer:
    def __init__(
        self,
        window_s: float = 2.0,
        zxing_frames: int = 2,
        pyzbar_frames: int = 3,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.window_s = window_s
        self.zxing_frames = zxing_frames
        self.pyzbar_frames = pyzbar_frames
        self.clock = clock
        self._seen: dict[tuple[str, str], _Sightings] = {}

    def offer(self, code: Decoded, frame_index: int) -> Verdict:
        """Record one read from one frame and say whether the code is now confirmed."""
        if looks_like_tag(code.text):
            try:
                parse_tag(code.text)
            except InvalidTag as exc:
                return Verdict(False, WRONG_CHECK, str(exc))
            return Verdict(True, TAG_CHECKED)
        now = self.clock()
        self._forget_older_than(now - self.window_s)
        key = sym.agreement_key(code.symbology, identifier_key(code.text))
        seen = self._seen.get(key)
        if seen is None or now - seen.last_seen > self.window_s:
            seen = self._seen[key] = _Sightings()
        seen.last_seen = now
        family = "pyzbar" if code.stage in PYZBAR_STAGES else "zxing"
        seen.frames_by_family.setdefault(family, set()).add(frame_index)
        for other in code.agreed_by:
            seen.frames_by_family.setdefault("pyzbar" if other in PYZBAR_STAGES else "zxing", set()).add(frame_index)
        zx = len(seen.frames_by_family.get("zxing", ()))
        zb = len(seen.frames_by_family.get("pyzbar", ()))
        if (zx and zb) or zx >= self.zxing_frames or zb >= self.pyzbar_frames:
            return Verdict(True, AGREED)
        return Verdict(False, WAITING)

    def reset(self) -> None:
        self._seen.clear()

    def _forget_older_than(self, cutoff: float) -> None:
        if len(self._seen) > 64:  # keeps memory flat on a long audit; a handful is the usual size
            for key in [k for k, v in self._seen.items() if v.last_seen < cutoff]:
                del self._seen[key]
