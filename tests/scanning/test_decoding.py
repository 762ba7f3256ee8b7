"""Round trip: labels drawn by the project's own label code, seen by a webcam, come back as the same text."""

from __future__ import annotations

from dataclasses import replace

import pytest

from inventory_app.core.identifiers import make_tag
from inventory_app.scanning import symbology as sym
from inventory_app.scanning.chain import DecoderChain, _drop_partial_reads, to_gray
from inventory_app.scanning.decoders import Decoded, ZxingDecoder
from tests.scanning.label_frames import EASY, generator

TAG = make_tag("HKI", 1235)

CONDITIONS = {
    "held up": EASY,
    "tilted 30 degrees": replace(EASY, tilt_deg=30.0),
    "tilted -35 degrees": replace(EASY, tilt_deg=-35.0),
    "dim room": replace(EASY, light=0.4, noise=4.0),
    "small (2 px per module)": replace(EASY, ppm=2.0),
    "glare": replace(EASY, glare=0.5),
    "out of focus": replace(EASY, blur=1.0),
    "turned away": replace(EASY, perspective=0.2, tilt_deg=10.0),
}


@pytest.fixture(scope="module")
def chain() -> DecoderChain:
    return DecoderChain()


@pytest.mark.parametrize("seed", [0, 1])
@pytest.mark.parametrize("name", list(CONDITIONS))
def test_a_tag_from_the_label_code_is_read_in_a_camera_frame(chain: DecoderChain, name: str, seed: int) -> None:
    frame = generator(seed).frame("code128", TAG, CONDITIONS[name])
    result = chain.decode(frame.image)
    assert [(c.symbology, c.text) for c in result.codes] == [("code128", TAG)]


@pytest.mark.parametrize("symbology", [sym.CODE128, sym.CODE39, sym.EAN13, sym.UPCA, sym.EAN8, sym.QR, sym.DATAMATRIX])
def test_every_symbology_we_promise_is_read(chain: DecoderChain, symbology: str) -> None:
    gen = generator(5)
    frame = gen.frame(symbology, None, EASY)
    codes = chain.decode(frame.image).codes
    assert [(c.symbology, c.text) for c in codes] == [(symbology, frame.text)]
    outline = codes[0].outline
    # The outline lies on the label, so the preview draws it in the right place.
    xs, ys = [p[0] for p in outline], [p[1] for p in outline]
    cx, cy = frame.corners.mean(axis=0)
    assert min(xs) - 40 <= cx <= max(xs) + 40 and min(ys) - 60 <= cy <= max(ys) + 60


def test_a_tilted_label_that_the_plain_decoder_misses_is_read_by_the_straightening_stage(chain: DecoderChain) -> None:
    frame = generator(0).frame("code128", TAG, replace(EASY, tilt_deg=30.0))
    assert ZxingDecoder(try_rotate=False).decode(to_gray(frame.image)) == []
    codes = chain.decode(frame.image).codes
    assert [(c.text, c.stage) for c in codes] == [(TAG, "zxing-roi")]


def test_frames_without_a_code_read_nothing(chain: DecoderChain) -> None:
    gen = generator(9)
    reads = [c.text for _ in range(25) for c in chain.decode(gen.empty().image).codes]
    assert reads == []


def test_a_upce_fragment_inside_an_ean13_is_not_a_second_code() -> None:
    ean = Decoded(sym.EAN13, "4352801699430", ((522, 325), (903, 325), (903, 327), (524, 327)), "zxing")
    fragment = Decoded(sym.UPCE, "0135100002804", ((537, 275), (747, 275), (748, 276), (537, 276)), "zxing")
    elsewhere = Decoded(sym.UPCE, "01234565", ((10, 10), (100, 10), (100, 12), (10, 12)), "zxing")
    assert _drop_partial_reads([fragment, ean, elsewhere]) == [ean, elsewhere]


def test_a_small_640x480_frame_is_read_too(chain: DecoderChain) -> None:
    frame = generator(2, size=(640, 480)).frame("code128", TAG, replace(EASY, ppm=2.4))
    assert [c.text for c in chain.decode(frame.image).codes] == [TAG]


def test_a_thin_misread_on_top_of_a_well_read_code_is_dropped() -> None:
    # Measured: zxing-cpp read an EAN-13 from 92 rows and, from 3 rows of the same bars, a valid but wrong UPC-A.
    good = Decoded(sym.EAN13, "1180109073859", ((429, 388), (778, 388), (783, 480), (434, 480)), "zxing")
    thin = Decoded(sym.UPCA, "188182073859", ((432, 438), (780, 438), (780, 441), (432, 441)), "zxing")
    assert _drop_partial_reads([good, thin]) == [good]
    # Two equally strong different reads of one place: neither is trusted.
    rival = Decoded(sym.EAN13, "1180109073866", ((430, 390), (779, 390), (782, 470), (433, 470)), "zxing")
    assert _drop_partial_reads([good, rival]) == []
