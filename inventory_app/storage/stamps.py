"""A row's field stamps, stored compactly: ``{"*": row_stamp, "field": newer_stamp, ...}``.

Every field without an entry of its own carries the row's ``*`` stamp; an edit adds entries only
for the fields it changed. (A full map per row would cost ~1.5 kB per device.)
"""

from __future__ import annotations

import json
from collections.abc import Iterable

DEFAULT = "*"


def parse(text: str | None) -> dict[str, str]:
    return json.loads(text) if text else {}


def dump(stamps: dict[str, str]) -> str:
    return json.dumps(stamps, separators=(",", ":"), sort_keys=True)


def stamp_of(stamps: dict[str, str], field: str) -> str:
    return stamps.get(field) or stamps.get(DEFAULT, "")


def for_new_row(stamp: str) -> dict[str, str]:
    return {DEFAULT: stamp}


def with_fields(stamps: dict[str, str], fields: Iterable[str], stamp: str) -> dict[str, str]:
    updated = dict(stamps)
    for field in fields:
        updated[field] = stamp
    return updated
