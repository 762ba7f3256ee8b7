"""The symbologies the app reads, with one short id each, and what each decoder library calls them.

Ids are stable strings (they go into JSON output and scan events): ``code128``, ``code39``,
``ean13``, ``upca``, ``ean8``, ``upce``, ``qr``, ``datamatrix``.
"""

from __future__ import annotations

CODE128 = "code128"
CODE39 = "code39"
EAN13 = "ean13"
UPCA = "upca"
EAN8 = "ean8"
UPCE = "upce"
QR = "qr"
DATAMATRIX = "datamatrix"

ALL: tuple[str, ...] = (CODE128, CODE39, EAN13, UPCA, EAN8, UPCE, QR, DATAMATRIX)
LINEAR: frozenset[str] = frozenset({CODE128, CODE39, EAN13, UPCA, EAN8, UPCE})
MATRIX: frozenset[str] = frozenset({QR, DATAMATRIX})

# A UPC-E or EAN-8 pattern can be found inside the bars of an EAN-13 / UPC-A: such a read where a
# longer one is is a fragment of it, not a second code.
FRAGMENT_OF: dict[str, tuple[str, ...]] = {UPCE: (EAN13, UPCA), EAN8: (EAN13, UPCA)}


def is_fragment_of(part: str, whole: str) -> bool:
    return whole in FRAGMENT_OF.get(part, ())


DISPLAY_NAMES: dict[str, str] = {
    CODE128: "Code 128",
    CODE39: "Code 39",
    EAN13: "EAN-13",
    UPCA: "UPC-A",
    EAN8: "EAN-8",
    UPCE: "UPC-E",
    QR: "QR Code",
    DATAMATRIX: "Data Matrix",
}

# zxing-cpp BarcodeFormat member names -> our ids.
ZXING_NAMES: dict[str, str] = {
    "Code128": CODE128,
    "Code39": CODE39,
    "EAN13": EAN13,
    "UPCA": UPCA,
    "EAN8": EAN8,
    "UPCE": UPCE,
    "QRCode": QR,
    "DataMatrix": DATAMATRIX,
}

# zbar symbol type names (pyzbar ``Decoded.type``) -> our ids. zbar has no Data Matrix.
ZBAR_NAMES: dict[str, str] = {
    "CODE128": CODE128,
    "CODE39": CODE39,
    "EAN13": EAN13,
    "UPCA": UPCA,
    "EAN8": EAN8,
    "UPCE": UPCE,
    "QRCODE": QR,
}


def display_name(symbology: str) -> str:
    return DISPLAY_NAMES.get(symbology, symbology)


def gtin_check_digit(digits: str) -> str:
    """The EAN/UPC check digit for the digits before it (weights 3,1,3,... from the right)."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(digits)))
    return str((10 - total % 10) % 10)


def normalise(symbology: str, text: str) -> tuple[str, str]:
    """One spelling per code: an EAN-13 starting with 0 is a UPC-A, reported as its 12 digits
    (what a handheld scanner types for it), whichever of the two a decoder called it; a UPC-E is
    its 8 printed digits (zxing-cpp 3 gives the 12- or 13-digit UPC-A it stands for, zbar the 8)."""
    if symbology == EAN13 and len(text) == 13 and text.startswith("0"):
        return UPCA, text[1:]
    if symbology == UPCE and len(text) in (12, 13) and text.isdigit():
        short = upce_from_upca(text[-12:])
        if short is not None:
            return UPCE, short
    return symbology, text


def upce_from_upca(upca: str) -> str | None:
    """The 8-digit UPC-E of a 12-digit UPC-A (number system 0 or 1), or None when it has none."""
    if len(upca) != 12 or not upca.isdigit() or upca[0] not in "01":
        return None
    ns, maker, item, check = upca[0], upca[1:6], upca[6:11], upca[11]
    if maker[2:] in ("000", "100", "200") and item[:2] == "00":
        middle = maker[:2] + item[2:] + maker[2]
    elif maker[3:] == "00" and item[:3] == "000":
        middle = maker[:3] + item[3:] + "3"
    elif maker[4] == "0" and item[:4] == "0000":
        middle = maker[:4] + item[4] + "4"
    elif item[:4] == "0000" and item[4] in "56789":
        middle = maker + item[4]
    else:
        return None
    return ns + middle + check


def agreement_key(symbology: str, text: str) -> tuple[str, str]:
    """What two reads must share to count as the same code.

    A UPC-A is an EAN-13 with a leading zero, and decoders disagree about which they report,
    so both are compared as 13-digit EAN.
    """
    if symbology == UPCA and len(text) == 12:
        return EAN13, "0" + text
    return symbology, text
