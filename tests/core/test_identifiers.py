import pytest
from hypothesis import given
from hypothesis import strategies as st

from inventory_app.core.errors import InvalidTag
from inventory_app.core.identifiers import (
    check_character,
    clean_code,
    device_id_for_tag,
    identifier_key,
    is_valid_tag,
    looks_like_tag,
    make_tag,
    parse_tag,
    room_label_code,
)


def test_made_tags_verify_and_parse_back():
    for number in (0, 1, 42, 123456, 999999):
        tag = make_tag("hki", number)
        parsed = parse_tag(tag)
        assert (parsed.prefix, parsed.number, parsed.text) == ("HKI", number, tag)


def test_every_single_character_substitution_is_caught():
    tag = make_tag("HKI", 123456)
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    for i, original in enumerate(tag):
        for replacement in alphabet:
            if replacement == original:
                continue
            mistyped = tag[:i] + replacement + tag[i + 1 :]
            assert not is_valid_tag(mistyped), mistyped


def test_adjacent_digit_swaps_are_caught():
    tag = make_tag("ESP", 102938)
    for i in range(3, 8):
        swapped = tag[:i] + tag[i + 1] + tag[i] + tag[i + 2 :]
        if swapped != tag:
            assert not is_valid_tag(swapped), swapped


def test_wrong_check_character_is_refused_with_a_plain_message():
    tag = make_tag("HKI", 7)
    wrong = tag[:-1] + ("A" if tag[-1] != "A" else "B")
    with pytest.raises(InvalidTag, match="wrong check character"):
        parse_tag(wrong)


@pytest.mark.parametrize("text", ["", "HK", "HKI12345", "HKI1234567X", "1HKI000001X", "HKI-000001"])
def test_malformed_tags_are_refused(text):
    with pytest.raises(InvalidTag):
        parse_tag(text)


def test_scanner_noise_is_removed():
    tag = make_tag("HKI", 55)
    assert clean_code(f"\x02  ]C1{tag}\r\n") == tag
    assert parse_tag(f"  {tag.lower()} \t").text == tag
    assert parse_tag(f"{tag[:3]}-{tag[3:9]}-{tag[9]}").text == tag


def test_identifier_key_ignores_case_spaces_dashes_and_colons():
    assert identifier_key("ab-12 cd") == identifier_key("AB12CD") == "AB12CD"
    assert identifier_key("00:1a:2b:3c:4d:5e") == "001A2B3C4D5E"
    assert identifier_key(None) == ""


def test_device_id_is_deterministic_from_the_normalised_tag():
    tag = make_tag("HKI", 9)
    assert device_id_for_tag(tag) == device_id_for_tag(" " + tag.lower())
    assert device_id_for_tag(tag) != device_id_for_tag(make_tag("HKI", 10))


def test_room_labels_never_look_like_device_tags():
    assert room_label_code("KOI01", "A-203") == "RMKOI01A203"
    with pytest.raises(InvalidTag):
        make_tag("RM", 1)
    assert not looks_like_tag("RMKOI01A203")


def test_check_character_rejects_foreign_characters():
    with pytest.raises(InvalidTag):
        check_character("HKÄ000001")


# Scanner junk, separators, AIM prefixes and letters beyond ASCII: the shortcuts identifier_key takes for
# ASCII text must give what the full cleaning gives.
_KEY_TEXT = st.text(
    alphabet=st.sampled_from(
        [*"aZ09", " ", "-", ":", ".", "_", "/", "]", "\t", "\x00", "\x1f", "\x7f", "\x85", "ä", "ß"]
    ),
    max_size=12,
)


@given(_KEY_TEXT)
def test_identifier_key_shortcuts_equal_the_full_cleaning(text):
    from inventory_app.core.identifiers import _KEY_DROP_RE

    assert identifier_key(text) == (_KEY_DROP_RE.sub("", clean_code(text)).upper() if text else "")


def test_identifier_key_of_separated_ascii_identifiers():
    assert identifier_key("F7:89:1d:77:35:c7") == "F7891D7735C7"
    assert identifier_key("INV-15613-86763") == "INV1561386763"
    assert identifier_key("]C1ab-12") == "AB12"  # an AIM prefix goes first
