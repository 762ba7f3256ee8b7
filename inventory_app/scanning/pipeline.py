"""Frames in, confirmed codes out: chain -> confirmation -> debouncer, plus the on-screen hint.

``ScanPipeline.process(frame)`` does one frame synchronously (the CLI, tests, the benchmark).
``LatestFrameDecoder`` runs it on its own thread for a live feed: ``submit()`` never blocks; a
frame that arrives while the decoder is busy replaces the waiting one, so decoding always works
on the newest picture and the preview never waits for it.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

from inventory_app.scanning.chain import ChainResult, DecoderChain
from inventory_app.scanning.confirm import WRONG_CHECK, Confirmer
from inventory_app.scanning.debounce import Debouncer
from inventory_app.scanning.decoders import Decoded
from inventory_app.scanning.locate import LINEAR, Candidate
from inventory_app.scanning.sources import Frame

# Hints, as stable ids (the UI words them).
HINT_NONE = ""
HINT_CLOSER = "closer"  # a code is in view but nothing reads it: bring the label closer / hold still
HINT_CHECK = "wrong-check"  # a tag was read with a wrong check character: type it in instead


@dataclass(slots=True)
class FrameResult:
    index: int
    captured: float
    reads: list[Decoded]  # everything the chain read in this frame (confirmed or not)
    scanned: list[Decoded]  # new codes: confirmed and not a repeat; what the audit receives
    refused: list[tuple[Decoded, str]]  # reads refused outright, with the reason's message
    unread: list[Candidate]  # code-like regions nothing read
    hint: str  # the current hint (HINT_*)
    hint_changed: bool
    ms: float
    size: tuple[int, int] = (0, 0)  # frame width, height
    confirmed_texts: set[str] = field(default_factory=set)


class ScanPipeline:
    def __init__(
        self,
        chain: DecoderChain | None = None,
        confirmer: Confirmer | None = None,
        debouncer: Debouncer | None = None,
        hint_frames: int = 4,
        hint_window: int = 6,
    ) -> None:
        self.chain = chain or DecoderChain()
        self.confirmer = confirmer or Confirmer()
        self.debouncer = debouncer or Debouncer()
        self.hint = HINT_NONE
        self._recent_unread: deque[bool] = deque(maxlen=hint_window)
        self._hint_frames = hint_frames

    def process(self, frame: Frame) -> FrameResult:
        result: ChainResult = self.chain.decode(frame.image)
        scanned: list[Decoded] = []
        refused: list[tuple[Decoded, str]] = []
        confirmed_texts: set[str] = set()
        for code in result.codes:
            verdict = self.confirmer.offer(code, frame.index)
            if verdict.reason == WRONG_CHECK:
                refused.append((code, verdict.message))
            elif verdict.confirmed:
                confirmed_texts.add(code.text)
                if self.debouncer.admit(code.text):
                    scanned.append(code)
            else:
                self.debouncer.seen(code.text)
        unread = [c for c in result.unread_candidates if _worth_a_hint(c)] if not result.codes else []
        self._recent_unread.append(bool(unread))
        previous = self.hint
        if refused:
            self.hint = HINT_CHECK
        elif result.codes:
            self.hint = HINT_NONE
        elif sum(self._recent_unread) >= self._hint_frames:
            self.hint = HINT_CLOSER
        elif not any(self._recent_unread):
            self.hint = HINT_NONE
        height, width = frame.image.shape[:2]
        return FrameResult(
            frame.index,
            frame.captured,
            result.codes,
            scanned,
            refused,
            unread,
            self.hint,
            self.hint != previous,
            result.ms,
            (width, height),
            confirmed_texts,
        )

    def reset(self) -> None:
        self.confirmer.reset()
        self.debouncer.reset()
        self._recent_unread.clear()
        self.hint = HINT_NONE


def _worth_a_hint(cand: Candidate) -> bool:
    # Clutter makes small, square or faint candidates; a label's bars make a wide one.
    return cand.kind == LINEAR and cand.size[0] >= 1.5 * cand.size[1] and cand.size[0] >= 60


class LatestFrameDecoder:
    """Decodes on a background thread, always the newest frame; stale ones are dropped."""

    def __init__(
        self,
        pipeline: ScanPipeline,
        on_result: Callable[[FrameResult], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        self.pipeline = pipeline
        self.on_result = on_result
        self.on_error = on_error
        self.submitted = 0
        self.decoded = 0
        self.dropped = 0
        self._pending: Frame | None = None
        self._cond = threading.Condition()
        self._stopping = False
        self._busy = False
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._stopping = False
        self._thread = threading.Thread(target=self._run, name="scan-decoder", daemon=True)
        self._thread.start()

    def submit(self, frame: Frame) -> None:
        with self._cond:
            self.submitted += 1
            if self._pending is not None:
                self.dropped += 1
            self._pending = frame
            self._cond.notify()

    def wait_idle(self, timeout: float = 5.0) -> bool:
        """Until nothing is pending or being decoded (a recording's last frame is not lost)."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while self._pending is not None or self._busy:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._cond.wait(left)
        return True

    def stop(self) -> None:
        with self._cond:
            self._stopping = True
            self._pending = None
            self._cond.notify_all()
        if self._thread is not None:
            self._thread.join(timeout=5.0)
            self._thread = None

    def _run(self) -> None:
        while True:
            with self._cond:
                while self._pending is None and not self._stopping:
                    self._cond.wait()
                frame = self._pending
                if self._stopping or frame is None:  # (no frame only when stopping)
                    return
                self._pending = None
                self._busy = True
            try:
                result = self.pipeline.process(frame)
                self.decoded += 1
                self.on_result(result)
            except Exception as exc:  # a decoder crash must not kill the camera; report it
                if self.on_error is not None:
                    self.on_error(exc)
            finally:
                with self._cond:
                    self._busy = False
                    self._cond.notify_all()
