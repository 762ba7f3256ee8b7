"""Motion-blurred 1D codes: the chain's deblur stage (scanning/deblur.py) reads them, and nothing where there is no code.

data/code128_tag_motion_blurred.png is a crop of a benchmark frame (benchmarks/scanning.py, printed
labels tuning set, seed 21, frame 6: one of the app's printed asset tags, photographed with motion
blur) pasted back at its place on a 1280x720 frame of its border's grey;
data/stripes_motion_blurred.png is a crop of a frame of the same set without a code (seed 21,
frame 79): blurred stripes that the locator takes for a row of bars.
"""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest

from inventory_app.core.identifiers import make_tag
from inventory_app.labels.barcodes import code128_image
from inventory_app.scanning import chain as chain_module
from inventory_app.scanning import symbology as sym
from inventory_app.scanning.chain import DecoderChain
from inventory_app.scanning.deblur import STAGE

DATA = Path(__file__).parent / "data"


def frame_from(name: str, at: tuple[int, int]) -> np.ndarray:
    crop = cv2.imread(str(DATA / name), cv2.IMREAD_GRAYSCALE)
    assert crop is not None, name
    border = np.concatenate([crop[0], crop[-1], crop[:, 0], crop[:, -1]])
    frame = np.full((720, 1280), int(np.median(border)), np.uint8)
    x, y = at
    frame[y : y + crop.shape[0], x : x + crop.shape[1]] = crop
    return frame


def smeared_tag(text: str, length: int) -> np.ndarray:
    """A tag's barcode at 2.5 px per module on a 1280x720 frame, smeared ``length`` px sideways (a hand moving)."""
    bars = np.asarray(code128_image(text, module_px=1, height_px=40), np.uint8)
    label = cv2.resize(bars, None, fx=2.5, fy=2.5, interpolation=cv2.INTER_AREA).astype(np.float32)
    frame = np.full((720, 1280), 200.0, np.float32)
    frame[300 : 300 + label.shape[0], 400 : 400 + label.shape[1]] = label * 0.8 + 40
    frame = cv2.filter2D(frame, -1, np.ones((1, length), np.float32) / length)
    frame += np.random.default_rng(1).normal(0, 3, frame.shape).astype(np.float32)
    return np.clip(frame, 0, 255).astype(np.uint8)


@pytest.fixture(scope="module")
def chain() -> DecoderChain:
    return DecoderChain()


def read_without_deblur(chain: DecoderChain, frame: np.ndarray) -> list[tuple[str, str]]:
    """What the chain read before the deblur stage: the same chain with the stage reading nothing."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(chain_module, "read_blurred", lambda *args: [])
        return [c.key for c in chain.decode(frame).codes]


def test_a_photographed_motion_blurred_asset_tag_is_read(chain: DecoderChain) -> None:
    frame = frame_from("code128_tag_motion_blurred.png", (850, 240))
    assert read_without_deblur(chain, frame) == []
    codes = chain.decode(frame).codes
    assert [(c.symbology, c.text, c.stage) for c in codes] == [(sym.CODE128, "LPR0010738", STAGE)]
    # The read is placed where the label is in the frame (the band's coordinates mapped back).
    xs, ys = [p[0] for p in codes[0].outline], [p[1] for p in codes[0].outline]
    assert 850 <= min(xs) < max(xs) <= 1200 and 240 <= min(ys) < max(ys) <= 430


@pytest.mark.parametrize("length", [5, 6])
def test_a_tag_smeared_across_its_bars_is_read(chain: DecoderChain, length: int) -> None:
    tag = make_tag("KOU", 1234)
    frame = smeared_tag(tag, length)
    assert read_without_deblur(chain, frame) == []
    assert [(c.text, c.stage) for c in chain.decode(frame).codes] == [(tag, STAGE)]


def test_blurred_stripes_that_look_like_bars_read_nothing(chain: DecoderChain) -> None:
    result = chain.decode(frame_from("stripes_motion_blurred.png", (580, 480)))
    assert STAGE in result.stages_run  # the stage did look at them
    assert result.codes == []


def test_a_frame_with_nothing_code_like_does_not_run_the_stage(chain: DecoderChain) -> None:
    frame = np.random.default_rng(2).normal(128, 4, (720, 1280)).clip(0, 255).astype(np.uint8)
    result = chain.decode(cv2.GaussianBlur(frame, (0, 0), 3))
    assert result.codes == []
    assert STAGE not in result.stages_run
