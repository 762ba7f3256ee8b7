from datetime import date

import pytest

from inventory_app.core.devices import euros_to_cents, parse_date
from inventory_app.core.errors import RejectedInput


@pytest.mark.parametrize(
    ("text", "cents"),
    [
        ("1 234,50 €", 123450),
        ("1234.5", 123450),
        ("12", 1200),
        ("1.234,50", 123450),
        ("1,234.50", 123450),
        ("EUR 0,99", 99),
        ("1\u00a0000,00", 100000),
    ],
)
def test_euro_amounts_as_people_write_them(text, cents):
    assert euros_to_cents(text) == cents


@pytest.mark.parametrize("text", ["abc", "12,3,4€x", "NaN"])
def test_bad_amounts_are_refused(text):
    with pytest.raises(RejectedInput):
        euros_to_cents(text)


def test_dates_finnish_and_iso():
    assert parse_date("1.8.2024") == date(2024, 8, 1)
    assert parse_date("2024-08-01") == date(2024, 8, 1)
    with pytest.raises(RejectedInput):
        parse_date("31.2.2024")
