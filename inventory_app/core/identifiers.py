"""Asset tags, their check character, and normalisation of scanned or typed codes.

An asset tag is ``PREFIX`` (2-4 letters) + a 6-digit running number + one check
character (ISO/IEC 7064 MOD 37,36 over the prefix and number), for example
``HKI0001235``. Tags are letters and digits only: keyboard-wedge scanners type
through the keyboard layout, and punctuation keys differ between US and Finnish
layouts while letters and digits do not.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass

from inventory_app.core.errors import InvalidTag

_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_VALUE = {ch: i for i, ch in enumerate(_ALPHABET)}
_TAG_RE = re.compile(r"^([A-Z]{2,4})(\d{6})([0-9A-Z])$")
_TAGLIKE_RE = re.compile(r"^[A-Z]{2,4}\d{6}[0-9A-Z]$")
# AIM symbology identifiers some scanners put in front of the data: "]C1", "]E0", "]Q1" ...
_AIM_PREFIX_RE = re.compile(r"^\][A-Za-z][0-9A-Za-z]")
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_KEY_DROP_RE = re.compile(r"[\s\-:._/]")
# For ASCII text: the control characters (_CONTROL_RE), the whitespace and the separators (_KEY_DROP_RE).
_ASCII_DROP = str.maketrans("", "", "".join(map(chr, range(0x20))) + "\x7f -:._/")

# Namespace for deterministic ids (DESIGN §5): the same label -> the same device row everywhere.
ID_NAMESPACE = uuid.UUID("6f1c3a52-8d0e-4f5b-9a44-2d3c7b1e9a10")

TAG_NUMBER_DIGITS = 6
# Room labels read "RM" + site code + room code, letters and digits only (see room_label_code).
ROOM_LABEL_PREFIX = "RM"
MAX_TAG_NUMBER = 10**TAG_NUMBER_DIGITS - 1


def check_character(body: str) -> str:
    """ISO/IEC 7064 MOD 37,36 check character for an upper-case alphanumeric body."""
    modulus = 36
    p = modulus
    for ch in body:
        try:
            value = _VALUE[ch]
        except KeyError:
            raise InvalidTag(f"'{ch}' is not allowed in an asset tag") from None
        s = (p + value) % modulus
        if s == 0:
            s = modulus
        p = (2 * s) % (modulus + 1)
    return _ALPHABET[(modulus + 1 - p) % modulus]


@dataclass(frozen=True, slots=True)
class AssetTag:
    prefix: str
    number: int

    @property
    def body(self) -> str:
        return f"{self.prefix}{self.number:0{TAG_NUMBER_DIGITS}d}"

    @property
    def text(self) -> str:
        return self.body + check_character(self.body)

    def __str__(self) -> str:
        return self.text


def make_tag(prefix: str, number: int) -> str:
    prefix = prefix.strip().upper()
    if not re.fullmatch(r"[A-Z]{2,4}", prefix):
        raise InvalidTag(f"tag prefix '{prefix}' must be 2 to 4 letters A-Z")
    if prefix.startswith(ROOM_LABEL_PREFIX):
        raise InvalidTag(f"tag prefix '{prefix}' is reserved for room labels")
    if not 0 <= number <= MAX_TAG_NUMBER:
        raise InvalidTag(f"tag number {number} is out of range 0..{MAX_TAG_NUMBER}")
    return AssetTag(prefix, number).text


def looks_like_tag(code: str) -> bool:
    """True when a code has the shape of one of our asset tags (check not verified).

    Our tags are letters and digits only (spaces people type between groups are ignored), so a
    code with a dash, dot or slash is another system's identifier ("ICC-2065556", "KES-001"),
    never one of ours with a wrong check character.
    """
    text = re.sub(r"\s+", "", clean_code(code)).upper()
    return bool(_TAGLIKE_RE.match(text))


def own_tag(text: str) -> str | None:
    """The asset tag in ``text`` if it is one of ours; None for another system's identifier.

    Raises InvalidTag only for a code shaped like ours whose check character is wrong (a mistyped
    or misread label): that is the one case where "wrong check character" is the right message.
    """
    if not looks_like_tag(text):
        return None
    return parse_tag(text).text


def parse_tag(text: str) -> AssetTag:
    """Parse and verify an asset tag; raise InvalidTag with a plain message if it is wrong."""
    key = identifier_key(text)
    match = _TAG_RE.match(key)
    if not match:
        raise InvalidTag(
            f"'{text.strip()}' is not an asset tag: expected 2-4 letters, 6 digits and a check "
            "character, like HKI0001235"
        )
    prefix, digits, check = match.groups()
    expected = check_character(prefix + digits)
    if check != expected:
        raise InvalidTag(
            f"asset tag '{key}' has a wrong check character (mistyped or misread?); check the label and enter it again",
            code="wrong_check_character",
            tag=key,
        )
    return AssetTag(prefix, int(digits))


def is_valid_tag(text: str) -> bool:
    try:
        parse_tag(text)
    except InvalidTag:
        return False
    return True


def clean_code(raw: str) -> str:
    """Remove what scanners add around a code: control characters, AIM prefixes, outer spaces."""
    text = _CONTROL_RE.sub("", raw).strip()
    text = _AIM_PREFIX_RE.sub("", text, count=1)
    return text.strip()


def clean_raw(raw: str) -> str:
    """A scan's raw text as it is stored beside the code: without control characters."""
    return _CONTROL_RE.sub("", raw)


def identifier_key(text: str | None) -> str:
    """The form identifiers are compared in: cleaned, upper case, without spaces, dashes, colons, dots."""
    if not text:
        return ""
    if text.isascii():
        if text.isalnum():
            # Nothing to clean or drop (the usual serial or tag): skip the regular expressions.
            return text.upper()
        if "]" not in text:
            # No AIM prefix possible; every ASCII character clean_code or the drop rule removes, at once.
            return text.translate(_ASCII_DROP).upper()
    return _KEY_DROP_RE.sub("", clean_code(text)).upper()


def device_id_for_tag(tag: str) -> str:
    """Deterministic device id for a label, so two laptops registering it create the same row."""
    return str(uuid.uuid5(ID_NAMESPACE, "device-tag:" + identifier_key(tag)))


def deterministic_id(kind: str, key: str) -> str:
    return str(uuid.uuid5(ID_NAMESPACE, f"{kind}:{key}"))


def room_label_code(site_code: str, room_code: str) -> str:
    """The code printed on a room's label; scanning it makes that room current."""
    return ROOM_LABEL_PREFIX + identifier_key(site_code) + identifier_key(room_code)
