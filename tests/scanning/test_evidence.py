"""1D reads need enough scan lines behind them: the rules of scanning/evidence.py, on frames that used to misread.

The frames in data/ are crops of benchmark frames (benchmarks/scanning.py) that gave a wrong raw
read before these rules, pasted back at their place on a 1280x720 frame of their border's grey:
a curved EAN-13 (field generator, seed 11, frame 243), a 20-degree tilted EAN-13 (field
generator, seed 34, frame 155) and a small asset tag (synthetic generator, seed 44, frame 273).
"""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest

from inventory_app.core.identifiers import make_tag
from inventory_app.scanning import symbology as sym
from inventory_app.scanning.chain import DecoderChain
from inventory_app.scanning.decoders import Decoded, PyzbarDecoder, ZxingDecoder
from inventory_app.scanning.evidence import enough_zbar_lines, is_thin, weigh_thin_reads

DATA = Path(__file__).parent / "data"


def frame_from(name: str, at: tuple[int, int]) -> np.ndarray:
    crop = cv2.imread(str(DATA / name), cv2.IMREAD_GRAYSCALE)
    assert crop is not None, name
    border = np.concatenate([crop[0], crop[-1], crop[:, 0], crop[:, -1]])
    frame = np.full((720, 1280), int(np.median(border)), np.uint8)
    x, y = at
    frame[y : y + crop.shape[0], x : x + crop.shape[1]] = crop
    return frame


def whole_frame_zxing() -> ZxingDecoder:
    """The chain's first stage exactly: zxing-cpp on the whole frame, no rotated or downscaled pass."""
    return ZxingDecoder(try_rotate=False, try_downscale=False)


@pytest.fixture(scope="module")
def chain() -> DecoderChain:
    return DecoderChain()


# ---- frames that used to give a misread ----------------------------------------------------------


def test_a_curved_ean13_misread_from_two_rows_gives_way_to_the_rows_beside_it(chain: DecoderChain) -> None:
    frame = frame_from("ean13_curved_label.png", (450, 388))
    # zxing-cpp alone reads a valid but wrong EAN-13 from a few rows of the curved bars.
    assert [(c.text, is_thin(c)) for c in whole_frame_zxing().decode(frame)] == [("8630193608510", True)]
    codes = chain.decode(frame).codes
    assert [(c.symbology, c.text) for c in codes] == [(sym.EAN13, "7630125608510")]


def test_a_upce_read_across_part_of_a_tilted_ean13_gives_way_to_the_straightened_read(chain: DecoderChain) -> None:
    frame = frame_from("ean13_tilted_label.png", (147, 291))
    # A row of the frame crosses only part of the tilted EAN-13 and finds a valid UPC-E in it.
    assert [(c.symbology, c.text) for c in whole_frame_zxing().decode(frame)] == [(sym.UPCE, "19630779")]
    codes = chain.decode(frame).codes
    assert [(c.symbology, c.text, c.stage) for c in codes] == [(sym.EAN13, "9963077559332", "zxing-roi")]


def test_a_code128_read_by_zbar_from_a_single_line_is_dropped_but_a_checked_tag_is_kept(chain: DecoderChain) -> None:
    frame = frame_from("code128_tag_small.png", (320, 373))
    # zbar, on the region the chain gives it, reads the tag and a garbled copy, each from one line.
    region, _ = chain._crop(frame, chain.locator.locate(frame)[0])
    zbar = {(c.text, c.lines) for c in PyzbarDecoder().decode(region)}
    assert ("ESP,+-Z", 1) in zbar and ("ESP111399Z", 1) in zbar
    codes = chain.decode(frame).codes
    assert [(c.text, c.stage) for c in codes] == [("ESP111399Z", "pyzbar")]


# ---- the rows-beside rule ------------------------------------------------------------------------

IMAGE = np.full((400, 600), 255, np.uint8)
THIN_EAN = Decoded(sym.EAN13, "7630125608510", ((100, 200), (400, 200), (400, 202), (100, 202)), "zxing")


def scripted(above: list[Decoded], below: list[Decoded]):
    """A band decoder that answers for the band above the read, then the one below (band coordinates)."""
    calls: list[tuple[int, int]] = []

    def decode(band: np.ndarray) -> list[Decoded]:
        calls.append(band.shape)
        return above if len(calls) == 1 else below

    decode.calls = calls  # type: ignore[attr-defined]
    return decode


def band_read(symbology: str, text: str, x0: float = 2.0, x1: float = 302.0) -> Decoded:
    # In band coordinates: the band starts 10 % of the read's length left of it (x = 70 in the image).
    return Decoded(symbology, text, ((x0 + 28, 30), (x1 + 28, 30), (x1 + 28, 60), (x0 + 28, 60)), "zxing-roi")


def test_a_thin_read_that_both_bands_read_otherwise_is_replaced_by_their_read() -> None:
    other = band_read(sym.EAN13, "8630193608510")
    kept, unsettled = weigh_thin_reads(IMAGE, [THIN_EAN], scripted([other], [other]))
    assert [(c.text, c.stage) for c in kept] == [("8630193608510", "zxing")] and unsettled == []
    # The replacement is placed in the image, not the band.
    assert min(p[0] for p in kept[0].outline) == pytest.approx(100, abs=1)


def test_a_thin_read_one_band_contradicts_is_dropped() -> None:
    other = band_read(sym.EAN13, "8630193608510")
    assert weigh_thin_reads(IMAGE, [THIN_EAN], scripted([other], [])) == ([], [])


def test_a_thin_read_a_band_repeats_stands_and_one_no_band_speaks_about_is_unsettled() -> None:
    same = band_read(sym.EAN13, THIN_EAN.text)
    assert weigh_thin_reads(IMAGE, [THIN_EAN], scripted([], [same])) == ([THIN_EAN], [])
    assert weigh_thin_reads(IMAGE, [THIN_EAN], scripted([], [])) == ([], [THIN_EAN])


def test_band_reads_of_other_bars_or_of_a_fragment_are_no_evidence() -> None:
    fragment = band_read(sym.UPCE, "19630779", 2, 170)  # a UPC-E inside the EAN-13's bars
    elsewhere = band_read(sym.CODE128, make_tag("HKI", 1235), 200, 600)  # another label beside it
    assert weigh_thin_reads(IMAGE, [THIN_EAN], scripted([fragment], [elsewhere])) == ([], [THIN_EAN])


def test_a_thin_fragment_is_outvoted_by_the_longer_code_it_is_part_of() -> None:
    thin_upce = Decoded(sym.UPCE, "19630779", ((100, 200), (260, 200), (260, 201), (100, 201)), "zxing")
    ean = band_read(sym.EAN13, "9963077559332", -20, 290)
    assert weigh_thin_reads(IMAGE, [thin_upce], scripted([ean], [])) == ([], [])


def test_thick_reads_and_matrix_codes_are_not_questioned() -> None:
    thick = Decoded(sym.EAN13, "7630125608510", ((100, 150), (400, 150), (400, 250), (100, 250)), "zxing")
    qr = Decoded(sym.QR, "https://koulu.example/d/1", ((10, 10), (60, 10), (60, 11), (10, 11)), "zxing")
    decode = scripted([band_read(sym.EAN13, "1")], [])
    assert not is_thin(thick) and not is_thin(qr) and is_thin(THIN_EAN)
    assert weigh_thin_reads(IMAGE, [thick, qr], decode) == ([thick, qr], [])
    assert decode.calls == []  # type: ignore[attr-defined]


def test_a_thin_read_nothing_contradicts_is_still_reported_by_the_chain(chain: DecoderChain) -> None:
    class OneThinRead:
        name = "zxing"

        def decode(self, gray: np.ndarray) -> list[Decoded]:
            return [THIN_EAN]

    blank = np.full((720, 1280), 200, np.uint8)  # no bars: the bands and the locator find nothing
    scripted_chain = DecoderChain()
    scripted_chain.full = OneThinRead()  # type: ignore[assignment]
    assert scripted_chain.decode(blank).codes == [THIN_EAN]


# ---- zbar's scan-line count ----------------------------------------------------------------------


def zbar_read(symbology: str, text: str, lines: int) -> Decoded:
    return Decoded(symbology, text, ((0, 0), (10, 0), (10, 0), (0, 0)), "pyzbar", lines=lines)


def test_zbar_1d_reads_need_two_lines_unless_a_check_character_vouches() -> None:
    assert not enough_zbar_lines(zbar_read(sym.CODE128, "ESP,+-Z", 1))
    assert not enough_zbar_lines(zbar_read(sym.EAN13, "7630125608510", 1))
    assert enough_zbar_lines(zbar_read(sym.EAN13, "7630125608510", 2))
    tag = make_tag("ESP", 111399)
    assert enough_zbar_lines(zbar_read(sym.CODE128, tag, 1))
    wrong_check = tag[:-1] + ("A" if tag[-1] != "A" else "B")
    assert not enough_zbar_lines(zbar_read(sym.CODE128, wrong_check, 1))
    assert enough_zbar_lines(zbar_read(sym.QR, "https://koulu.example/d/1", 1))  # not a 1D code
