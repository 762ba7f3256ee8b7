"""The confirmation rule keeps misreads out; the debouncer makes a held label one scan."""

from __future__ import annotations

import numpy as np

from inventory_app.core.identifiers import make_tag
from inventory_app.scanning import symbology as sym
from inventory_app.scanning.chain import ChainResult
from inventory_app.scanning.confirm import AGREED, TAG_CHECKED, WAITING, WRONG_CHECK, Confirmer
from inventory_app.scanning.debounce import Debouncer
from inventory_app.scanning.decoders import Decoded
from inventory_app.scanning.pipeline import HINT_CHECK, ScanPipeline
from inventory_app.scanning.sources import Frame

TAG = make_tag("HKI", 1235)
OUTLINE = ((10.0, 10.0), (200.0, 10.0), (200.0, 60.0), (10.0, 60.0))


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def read(text: str, stage: str = "zxing", symbology: str = sym.CODE128) -> Decoded:
    return Decoded(symbology, text, OUTLINE, stage)


def wrong_check(tag: str) -> str:
    """The same tag with another check character: what a misread of the last bars gives."""
    return tag[:-1] + ("0" if tag[-1] != "0" else "1")


def test_a_tag_with_the_right_check_character_is_confirmed_at_once_even_from_pyzbar() -> None:
    confirmer = Confirmer()
    assert confirmer.offer(read(TAG, "pyzbar"), 1).reason == TAG_CHECKED
    assert confirmer.offer(read(TAG), 2).confirmed


def test_a_tag_with_a_wrong_check_character_is_never_confirmed() -> None:
    confirmer = Confirmer()
    bad = wrong_check(TAG)
    verdicts = [confirmer.offer(read(bad, stage), i) for i, stage in enumerate(["zxing", "zxing", "pyzbar"] * 3)]
    assert not any(v.confirmed for v in verdicts)
    assert {v.reason for v in verdicts} == {WRONG_CHECK}
    assert "check character" in verdicts[0].message


def test_a_pyzbar_only_read_needs_three_frames_or_zxing_agreement() -> None:
    clock = FakeClock()
    confirmer = Confirmer(clock=clock)
    serial = "5CG1234XYZ"
    assert confirmer.offer(read(serial, "pyzbar", sym.CODE39), 1).reason == WAITING
    assert confirmer.offer(read(serial, "pyzbar", sym.CODE39), 2).reason == WAITING
    assert confirmer.offer(read(serial, "pyzbar", sym.CODE39), 3).reason == AGREED
    other = "5CG9999ABC"
    assert not confirmer.offer(read(other, "pyzbar", sym.CODE39), 4).confirmed
    assert confirmer.offer(read(other, "zxing-roi", sym.CODE39), 5).reason == AGREED


def test_a_planted_pyzbar_misread_seen_once_is_not_confirmed() -> None:
    confirmer = Confirmer()
    true_read = [confirmer.offer(read("SN:ABC123", "zxing", sym.QR), i) for i in (1, 2)]
    misread = confirmer.offer(read("SN:ABC128", "pyzbar", sym.QR), 3)
    assert true_read[-1].confirmed and not misread.confirmed


def test_other_codes_need_two_frames_within_the_window() -> None:
    clock = FakeClock()
    confirmer = Confirmer(window_s=2.0, clock=clock)
    assert not confirmer.offer(read("590123412345"), 1).confirmed
    assert not confirmer.offer(read("590123412345"), 1).confirmed  # the same frame twice is one sighting
    clock.now += 5.0  # gone, then back much later: starts over
    assert not confirmer.offer(read("590123412345"), 80).confirmed
    clock.now += 0.1
    assert confirmer.offer(read("590123412345"), 81).confirmed


def test_upca_and_ean13_spellings_of_one_code_agree() -> None:
    confirmer = Confirmer()
    assert not confirmer.offer(read("036000291452", "zxing", sym.UPCA), 1).confirmed
    assert confirmer.offer(read("0036000291452", "pyzbar", sym.EAN13), 2).confirmed


def test_a_label_held_in_view_is_one_scan_and_again_after_it_was_away() -> None:
    clock = FakeClock()
    debouncer = Debouncer(hold_s=3.0, clock=clock)
    admitted = []
    for _ in range(100):  # ten seconds in view at ten reads a second
        admitted.append(debouncer.admit(TAG))
        clock.now += 0.1
    assert admitted.count(True) == 1
    clock.now += 3.5
    assert debouncer.admit(TAG.lower())  # the same code in another spelling is the same code... after a pause
    assert not debouncer.admit(TAG)


class PlantedChain:
    """A decoder chain that reads what the test says, frame by frame."""

    def __init__(self, frames: list[list[Decoded]]) -> None:
        self.frames = frames
        self.i = 0

    def decode(self, image: np.ndarray) -> ChainResult:
        codes = self.frames[self.i] if self.i < len(self.frames) else []
        self.i += 1
        return ChainResult(list(codes), [], 1.0)


def run(pipeline: ScanPipeline, n: int) -> list:  # type: ignore[type-arg]
    image = np.zeros((72, 128, 3), np.uint8)
    return [pipeline.process(Frame(image, i, 0.0)) for i in range(n)]


def test_the_pipeline_reports_good_codes_once_and_refuses_planted_misreads() -> None:
    good_serial = read("5CG1234XYZ", "zxing", sym.CODE39)
    frames = [
        [read(TAG)],
        [read(TAG)],
        [read(TAG)],  # a tag held up: one scan
        [read(wrong_check(TAG))],  # a misread of a worn label: refused, with a hint
        [read("5CG7777QQQ", "pyzbar", sym.CODE39)],  # a pyzbar-only misread, once: nothing
        [good_serial],
        [good_serial],
        [good_serial],  # a serial seen twice by zxing: one scan
    ]
    pipeline = ScanPipeline(chain=PlantedChain(frames))  # type: ignore[arg-type]
    results = run(pipeline, len(frames))
    scanned = [c.text for r in results for c in r.scanned]
    assert scanned == [TAG, "5CG1234XYZ"]
    assert results[3].refused and results[3].hint == HINT_CHECK and results[3].hint_changed
    assert results[4].hint == "" and results[4].hint_changed  # the next read clears it


def test_one_repeat_window_for_the_camera_and_the_engine():
    """The debouncer and the audit engine take the same setting (core/repeats.py), so a label held in
    view is one scan for both."""
    import inspect

    from inventory_app.audit.engine import AuditSession
    from inventory_app.core.repeats import REPEAT_WINDOW_S

    assert Debouncer().hold_s == REPEAT_WINDOW_S
    assert inspect.signature(AuditSession.__init__).parameters["repeat_window_s"].default == REPEAT_WINDOW_S
