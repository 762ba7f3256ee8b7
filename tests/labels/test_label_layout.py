"""Label layout without Qt: templates, the scannability rule, start positions and offsets."""

import pytest

from inventory_app.core.errors import RejectedInput
from inventory_app.core.identifiers import make_tag
from inventory_app.labels.layout import (
    MIN_MODULE_MM,
    LabelContent,
    LabelTooSmall,
    calibration_plan,
    plan_sheets,
)
from inventory_app.labels.templates import BUILTIN_TEMPLATES, find_template


def tags(n, prefix="HKI"):
    return [LabelContent(make_tag(prefix, i), make_tag(prefix, i), "Koivukylän koulu") for i in range(1, n + 1)]


@pytest.mark.parametrize("template", BUILTIN_TEMPLATES, ids=lambda t: t.name)
def test_every_builtin_template_fits_its_page(template):
    template.validate()
    x, y = template.label_origin_mm(template.per_page - 1)
    assert x + template.label_width_mm <= template.page_width_mm + 0.01
    assert y + template.label_height_mm <= template.page_height_mm + 0.01


@pytest.mark.parametrize("dpi", [150, 203, 300, 600])
def test_bars_are_whole_dots_and_never_thinner_than_the_minimum(dpi):
    plan = plan_sheets(tags(3), find_template("a4-3x7"), dpi=dpi)
    for label in plan.labels:
        bars = label.barcode
        assert isinstance(bars.module_dots, int) and isinstance(bars.x_dots, int)
        assert bars.module_mm >= MIN_MODULE_MM - 0.001
        # The quiet zones (10 modules each side) stay on the label.
        left_mm = bars.x_dots * 25.4 / dpi - 10 * bars.module_mm
        right_mm = (bars.x_dots + bars.width_dots) * 25.4 / dpi + 10 * bars.module_mm
        assert label.x_mm <= left_mm and right_mm <= label.x_mm + label.w_mm


def test_a_tag_too_long_for_a_small_label_is_refused_with_what_would_fit():
    with pytest.raises(LabelTooSmall) as refused:
        plan_sheets(tags(1), find_template("a4-5x13"), dpi=300)
    message = str(refused.value)
    assert make_tag("HKI", 1) in message and "39.1 mm" in message
    assert "mm" in message and "choose a bigger label" in message


def test_a_two_letter_prefix_fits_the_small_label():
    plan = plan_sheets(tags(5, "HK"), find_template("a4-5x13"), dpi=300)
    assert len(plan.labels) == 5


def test_start_position_skips_used_labels_on_the_first_sheet_only():
    template = find_template("a4-3x7")
    plan = plan_sheets(tags(25), template, start_position=19)
    assert [lbl.position for lbl in plan.pages[0]] == [18, 19, 20]
    assert [len(page) for page in plan.pages] == [3, 21, 1]
    assert plan.pages[1][0].position == 0
    assert (plan.pages[0][0].x_mm, plan.pages[0][0].y_mm) == template.label_origin_mm(18)


def test_offsets_move_every_label_and_its_bars():
    template = find_template("a4-2x7")
    base = plan_sheets(tags(2), template, dpi=300)
    moved = plan_sheets(tags(2), template, dpi=300, offset_x_mm=1.5, offset_y_mm=-0.8)
    for a, b in zip(base.labels, moved.labels, strict=True):
        assert b.x_mm == pytest.approx(a.x_mm + 1.5) and b.y_mm == pytest.approx(a.y_mm - 0.8)
        assert abs((b.barcode.x_dots - a.barcode.x_dots) - round(1.5 * 300 / 25.4)) <= 1


@pytest.mark.parametrize(
    "bad",
    [
        {"start_position": 0},
        {"start_position": 22},
        {"offset_x_mm": 25},
        {"dpi": 30},
    ],
)
def test_bad_print_settings_are_refused(bad):
    with pytest.raises(RejectedInput):
        plan_sheets(tags(1), find_template("a4-3x7"), **bad)


def test_custom_grid_is_centred_when_no_margins_are_given():
    template = find_template("custom:2x5:90x50:95x52")
    assert template.per_page == 10
    assert template.margin_left_mm == pytest.approx((210 - 185) / 2)
    with pytest.raises(RejectedInput, match="do not fit"):
        find_template("custom:4x7:63.5x38.1")
    with pytest.raises(RejectedInput, match="no label template"):
        find_template("a4-9x9")


def test_calibration_plan_has_one_frame_per_label():
    plan = calibration_plan(find_template("a4-3x8"), offset_x_mm=1.0)
    assert plan.calibration and len(plan.labels) == 24
    assert plan.labels[0].x_mm == pytest.approx(7.25 + 1.0)
