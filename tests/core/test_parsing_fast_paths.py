"""The shortcuts for plain euro amounts and plain identifiers read exactly what the full parsers read.

A billing file of 26,000 lines is parsed through these; each shortcut skips work only when the
input has nothing for the full parser to clean, so appending what the full parser strips anyway
(" €", a dash) must not change the result.
"""

from __future__ import annotations

import string

from hypothesis import given
from hypothesis import strategies as st

from inventory_app.core.devices import euros_to_cents
from inventory_app.core.identifiers import identifier_key


@given(st.from_regex(r"-?[0-9]{1,12}([.,][0-9]{1,2})?", fullmatch=True))
def test_a_plain_amount_reads_as_the_full_parser_reads_it(text: str) -> None:
    assert euros_to_cents(text) == euros_to_cents(f"{text} €")


def test_amounts_that_only_look_plain_take_the_full_parser() -> None:
    assert euros_to_cents("10,42") == 1042
    assert euros_to_cents("-3.5") == -350
    assert euros_to_cents("0,05") == 5
    assert euros_to_cents("1,234") == 123  # three decimals: 1.234 €, not 1 234 €
    assert euros_to_cents("1.234,50") == 123450
    assert euros_to_cents("1 234,50 €") == 123450


@given(st.text(alphabet=string.ascii_letters + string.digits, min_size=1, max_size=30))
def test_a_plain_identifier_keys_as_the_full_normalisation_keys_it(text: str) -> None:
    assert identifier_key(text) == identifier_key(f"{text}-") == text.upper()


def test_identifiers_with_something_to_clean_still_get_cleaned() -> None:
    assert identifier_key("ab-12 cd") == "AB12CD"
    assert identifier_key("]C1SN001") == "SN001"  # a scanner's AIM prefix
    assert identifier_key("äö12") == "ÄÖ12"  # not ASCII: the full path
