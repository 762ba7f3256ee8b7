import pytest

from inventory_app.core.cells import neutralise_text, restore_text, safe_cell


@pytest.mark.parametrize("text", ['=HYPERLINK("http://x","y")', "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"])
def test_formula_like_text_is_quoted_and_restored(text: str) -> None:
    written = neutralise_text(text)
    assert written == "'" + text
    assert restore_text(written) == text


@pytest.mark.parametrize("text", ["ThinkPad T14", "HKI0001235", "", "O'Brien", "'", "'plain"])
def test_normal_text_is_unchanged(text: str) -> None:
    assert neutralise_text(text) == text
    assert restore_text(text) == text


def test_text_that_already_looks_neutralised_survives_a_round_trip() -> None:
    for text in ["'=1", "''", "'+x"]:
        assert restore_text(neutralise_text(text)) == text


def test_numbers_are_not_touched() -> None:
    assert safe_cell(-12.5) == -12.5
    assert safe_cell(None) is None
    assert safe_cell("-3") == "'-3"
