"""The confirmation rule for still images: the live camera's rule over the image and views of it."""

from __future__ import annotations

import numpy as np

from inventory_app.core.identifiers import make_tag
from inventory_app.scanning import symbology as sym
from inventory_app.scanning.chain import ChainResult, DecoderChain
from inventory_app.scanning.confirm import AGREED, TAG_CHECKED, WAITING
from inventory_app.scanning.decoders import Decoded
from inventory_app.scanning.stills import StillReader, read_still
from tests.scanning.label_frames import EASY, generator, label_sheet

OUTLINE = ((10.0, 10.0), (200.0, 10.0), (200.0, 60.0), (10.0, 60.0))
IMAGE = np.full((360, 640), 200, np.uint8)


class ScriptedChain(DecoderChain):
    """Gives planned reads per view (the image first, then each smaller view)."""

    def __init__(self, views: list[list[Decoded]]) -> None:
        self.views = views
        self.calls: list[tuple[int, int]] = []

    def decode(self, image: np.ndarray) -> ChainResult:
        self.calls.append(image.shape[:2])
        codes = self.views[len(self.calls) - 1] if len(self.calls) <= len(self.views) else []
        return ChainResult(list(codes), [], 1.0)


def ean(text: str, stage: str = "zxing") -> Decoded:
    return Decoded(sym.EAN13, text, OUTLINE, stage)


def test_a_tag_with_its_check_character_needs_no_second_view() -> None:
    tag = make_tag("HKI", 77)
    chain = ScriptedChain([[Decoded(sym.CODE128, tag, OUTLINE, "zxing")]])
    result = read_still(chain, IMAGE)
    assert [(r.code.text, r.confirmed, r.reason) for r in result.reads] == [(tag, True, TAG_CHECKED)]
    assert result.views == 1 and len(chain.calls) == 1


def test_a_zxing_read_that_the_next_view_repeats_is_kept_as_a_camera_would_keep_it() -> None:
    chain = ScriptedChain([[ean("4006209700068")], [ean("4006209700068")]])
    result = read_still(chain, IMAGE)
    assert [(r.code.text, r.confirmed, r.reason) for r in result.reads] == [("4006209700068", True, AGREED)]
    assert chain.calls == [(360, 640), (450, 800)]  # the second view is the image at 125 %


def test_a_misread_that_changes_in_the_next_views_is_not_confirmed() -> None:
    # What a rolling shutter does to an EAN-13: a valid but wrong number, read once.
    chain = ScriptedChain([[ean("7717807251810")], [ean("2754807251810")], []])
    result = read_still(chain, IMAGE)
    assert result.confirmed == []
    assert [(r.code.text, r.reason) for r in result.unconfirmed] == [("7717807251810", WAITING)]
    assert result.views == 3


def test_pyzbar_alone_needs_three_views_and_zxing_agreement_needs_two() -> None:
    alone = ScriptedChain([[ean("4006209700068", "pyzbar")], [ean("4006209700068", "pyzbar")], []])
    assert read_still(alone, IMAGE).confirmed == []
    three = ScriptedChain([[ean("4006209700068", "pyzbar")]] * 3)
    assert [c.text for c in read_still(three, IMAGE).confirmed] == ["4006209700068"]
    agreed = ScriptedChain([[ean("4006209700068", "pyzbar")], [ean("4006209700068", "zxing-roi")]])
    assert [c.text for c in read_still(agreed, IMAGE).confirmed] == ["4006209700068"]


def test_real_frames_through_the_real_chain_keep_the_codes_and_report_no_code_on_a_wall() -> None:
    gen = generator(3)
    chain = DecoderChain()
    label = gen.frame(sym.QR, None, EASY)
    assert [(c.symbology, c.text) for c in read_still(chain, label.image).confirmed] == [(sym.QR, label.text)]
    assert read_still(chain, gen.empty(EASY).image).reads == []


SHEET = [make_tag("HKI", n) for n in (7, 14, 21, 28, 35, 42)]


def test_a_photo_of_several_labels_gives_every_code() -> None:
    # A tilted sheet: no row of the picture crosses a code end to end, so each label needs its
    # own located region; the live chain stops at the first one that reads.
    photo = label_sheet(SHEET[:4], columns=2, module_px=3, tilt_deg=20.0)
    chain = DecoderChain()
    assert len(chain.decode(photo).codes) == 1
    assert sorted(c.text for c in read_still(chain, photo).confirmed) == sorted(SHEET[:4])


def test_a_sheet_with_glare_over_a_label_gives_every_code() -> None:
    # The highlight washes one label's bars out to grey on white; zbar reads them once thresholded.
    # Before stills were decoded thoroughly, `scan` read 5 of these 6.
    photo = label_sheet(SHEET, glare=(640.0, 150.0, 150.0, 200.0))
    assert sorted(c.text for c in read_still(DecoderChain(), photo).confirmed) == sorted(SHEET)


def test_photos_without_a_code_give_no_read_at_all() -> None:
    gen = generator(21)
    reader = StillReader(DecoderChain())
    for grade in range(4):
        for _ in range(3):  # clutter, text and often barcode-like stripes
            assert reader.read(gen.empty(gen.conditions(grade=grade)).image).reads == []


def test_of_two_codes_read_at_one_place_the_better_evidenced_one_stays() -> None:
    # zxing-cpp reads A in two views; zbar reads B once over the same bars: one code is there.
    chain = ScriptedChain([[ean("4006209700068"), ean("4006209700051", "pyzbar")], [ean("4006209700068")], []])
    result = read_still(chain, IMAGE)
    assert [(r.code.text, r.confirmed) for r in result.reads] == [("4006209700068", True)]
    # Equal evidence: neither is trusted, so neither is reported.
    tie = ScriptedChain([[ean("4006209700068"), ean("4006209700051")], [], []])
    assert read_still(tie, IMAGE).reads == []


def test_zbar_on_the_whole_or_thresholded_picture_is_zbar_for_the_rule() -> None:
    # Two views of zbar alone are not enough (three are), whichever way the picture was prepared.
    chain = ScriptedChain([[ean("4006209700068", "pyzbar-otsu")], [ean("4006209700068", "pyzbar-image")], []])
    assert [(r.code.text, r.confirmed) for r in read_still(chain, IMAGE).reads] == [("4006209700068", False)]


def test_upce_is_one_spelling_whichever_decoder_read_it() -> None:
    # zxing-cpp 3 gives the UPC-A a UPC-E stands for; zbar gives the 8 printed digits.
    assert sym.normalise(sym.UPCE, "0049000006582") == (sym.UPCE, "04965802")
    assert sym.normalise(sym.UPCE, "049000006582") == (sym.UPCE, "04965802")
    assert sym.normalise(sym.UPCE, "04965802") == (sym.UPCE, "04965802")
    for upca, upce in [
        ("038200009745", "03897425"),
        ("050968000093", "05096893"),
        ("012000006494", "01264904"),
        ("012345000058", "01234558"),
        ("012300000642", "01236432"),
    ]:
        assert sym.upce_from_upca(upca) == upce
    assert sym.upce_from_upca("012345678905") is None
