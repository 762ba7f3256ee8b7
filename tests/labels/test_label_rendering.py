"""Rendered label sheets scan: every label decoded at 150 and 300 dpi, on every kind of template."""

import numpy as np
import pytest
import zxingcpp

from inventory_app.core.identifiers import make_tag
from inventory_app.labels.layout import LabelContent, plan_sheets
from inventory_app.labels.templates import find_template


@pytest.fixture
def painting(qapp):
    from inventory_app.ui import label_pdf

    return label_pdf


def image_array(image):
    width, height = image.width(), image.height()
    return np.frombuffer(image.constBits(), np.uint8).reshape(height, image.bytesPerLine())[:, :width].copy()


def decode_every_label(painting, plan):
    """Decode each label cut out of its page image; returns the codes read, label by label."""
    decoded = []
    for page_no, page in enumerate(plan.pages):
        pixels = image_array(painting.render_page(plan, page_no))
        for label in page:
            r = painting.label_rect_dots(plan, label).toRect()
            crop = pixels[max(0, r.y()) : r.y() + r.height(), max(0, r.x()) : r.x() + r.width()]
            found = [b.text for b in zxingcpp.read_barcodes(crop, formats=zxingcpp.BarcodeFormat.Code128)]
            decoded.append(found[0] if len(found) == 1 else found)
    return decoded


def tag_labels(n, prefix="HKI", start=1):
    return [
        LabelContent(make_tag(prefix, i), make_tag(prefix, i), "Kontulan peruskoulu") for i in range(start, start + n)
    ]


@pytest.mark.parametrize("dpi", [150, 300])
@pytest.mark.parametrize("name", ["a4-3x7", "a4-3x8", "a4-2x7", "custom:2x5:90x50:95x52"])
def test_every_label_on_a_half_used_sheet_scans(painting, name, dpi):
    template = find_template(name)
    contents = tag_labels(template.per_page + 3, start=999_000)
    plan = plan_sheets(contents, template, dpi=dpi, start_position=4, offset_x_mm=0.7, offset_y_mm=-0.5)
    assert decode_every_label(painting, plan) == [c.code for c in contents]


@pytest.mark.parametrize(
    "name,dpi", [("a4-5x13", 300), ("a4-5x13", 600), ("roll-62", 300), ("single-57x32", 203), ("roll-62", 150)]
)
def test_small_and_single_labels_scan(painting, name, dpi):
    contents = tag_labels(3, prefix="HK") if name == "a4-5x13" else tag_labels(3)
    plan = plan_sheets(contents, find_template(name), dpi=dpi)
    assert decode_every_label(painting, plan) == [c.code for c in contents]


@pytest.mark.parametrize("dpi", [150, 300])
def test_room_labels_scan_and_carry_the_room_code(painting, dpi):
    rooms = [
        LabelContent(f"RMKON07{code}", f"RMKON07{code}", "Kontulan peruskoulu", code, f"Luokka {code}")
        for code in ("A101", "B212", "OH1")
    ]
    for name in ("a4-2x4-room", "roll-62-room"):
        plan = plan_sheets(rooms, find_template(name), dpi=dpi)
        assert decode_every_label(painting, plan) == [r.code for r in rooms]


def test_pdf_has_one_page_per_sheet(painting, tmp_path):
    plan = plan_sheets(tag_labels(30), find_template("a4-3x7"), start_position=15)
    out = tmp_path / "labels.pdf"
    pages = painting.write_pdf(plan, out)
    data = out.read_bytes()
    assert pages == 3 and data.startswith(b"%PDF")
    assert b"/Count 3" in data
