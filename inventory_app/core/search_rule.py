"""The one rule for searching devices: what a device's searchable text is and what a query matches.

Three implementations follow it: the SQLite store (FTS5 trigram index to find candidates, then
this rule in SQL), the PostgreSQL store (this rule in SQL) and the window's in-memory index
(inventory/search_index.py). They take their parameters from here, and one property test
(tests/storage/test_search_rule.py) compares each of them with :func:`matches` on generated
devices and queries.

The rule:

- The query is stripped of outer white space; an empty query matches every device.
- A query of one or two characters (:data:`SHORT_QUERY`) matches a device when one of its
  identifiers' keys (asset tag, serial, inventory number, MAC; see ``identifier_key``) *starts*
  with the query's key: as a substring, two letters would match half the city.
- A longer query matches when its key occurs inside one of the identifiers' keys, or the query
  occurs inside the model text (manufacturer, a space, model name) or the room code, ignoring the
  case of the letters A-Z. Other letters (ä, Ä) match as typed: SQLite folds only ASCII.
- ``%``, ``_`` and ``\\`` in a query are plain characters, never wildcards.
"""

from __future__ import annotations

from dataclasses import dataclass

from inventory_app.core.identifiers import identifier_key

# Queries shorter than this match only the start of an identifier.
SHORT_QUERY = 3
# The identifier keys searched, as DeviceRecord columns (identifier_key of each identifier).
IDENTIFIER_KEYS = ("tag_key", "serial_key", "inventory_key", "mac_key")
# Case folding of model and room text: A-Z only (what SQLite's lower() and LIKE do).
ASCII_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
ASCII_LOWER = "abcdefghijklmnopqrstuvwxyz"
_FOLD = str.maketrans(ASCII_UPPER, ASCII_LOWER)
# A character after every other in code point order (and so in UTF-8 byte order).
_LAST_CHAR = 0x10FFFF


def fold(text: str) -> str:
    """Text in the case it is compared in: A-Z lowered, everything else as it is."""
    return text.translate(_FOLD)


def model_text(manufacturer: str | None, name: str | None) -> str:
    """The searchable text of a model: "Lenovo ThinkPad 11e" (just the name without a manufacturer)."""
    if not manufacturer:
        return name or ""
    return f"{manufacturer} {name or ''}"


@dataclass(frozen=True, slots=True)
class Needle:
    """A normalised query: ``key`` for the identifiers, ``text`` (folded) for the model and room."""

    key: str
    text: str
    prefix_only: bool

    @property
    def hopeless(self) -> bool:
        """Nothing can match (a short query with nothing left of its key, such as "-")."""
        return self.prefix_only and not self.key


def needle(query: str | None) -> Needle | None:
    """The normalised query; None when there is nothing to search for (every device matches)."""
    raw = (query or "").strip()
    if not raw:
        return None
    return Needle(key=identifier_key(raw), text=fold(raw), prefix_only=len(raw) < SHORT_QUERY)


def prefix_upper_bound(key: str) -> str | None:
    """The least string after every string that starts with ``key`` (for an index range scan);
    None when there is none (the key ends in the last code point)."""
    after = ord(key[-1]) + 1
    if after > _LAST_CHAR:
        return None
    if 0xD800 <= after <= 0xDFFF:  # surrogates are no characters (and have no UTF-8 form)
        after = 0xE000
    return key[:-1] + chr(after)


@dataclass(frozen=True, slots=True)
class SearchFields:
    """What a device is searched by: its identifier keys, its model and its room code."""

    keys: tuple[str | None, ...]
    manufacturer: str | None = None
    model: str | None = None
    room: str | None = None


def matches(fields: SearchFields, query: str | None) -> bool:
    """The reference implementation of the rule (the stores and the index must agree with it)."""
    n = needle(query)
    if n is None:
        return True
    keys = [k for k in fields.keys if k]
    if n.prefix_only:
        return bool(n.key) and any(k.startswith(n.key) for k in keys)
    if n.key and any(n.key in k for k in keys):
        return True
    if fields.model is not None and n.text in fold(model_text(fields.manufacturer, fields.model)):
        return True
    return fields.room is not None and n.text in fold(fields.room)
