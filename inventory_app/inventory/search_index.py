"""An in-memory search index over every live device, for search-as-you-type on large stores.

It answers by the same rule as the stores (core/search_rule.py; one property test holds the three
to it), but with the count and the asset-tag order the device table needs: on 100,000 devices the
SQL page in tag order plus the count takes seconds for a broad query, this index tens of
milliseconds (benchmarks/search.py). It keeps one compact line per device in asset-tag order, is
loaded once (off the UI thread) and reloaded after writes; until it is loaded, callers use the SQL path.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from inventory_app.core import search_rule
from inventory_app.inventory.browse import DeviceFilter
from inventory_app.storage.schema import CategoryRecord, DeviceModelRecord, DeviceRecord, RoomRecord
from inventory_app.storage.store import Store

# numpy is imported inside the functions that use it, on first use (off the UI thread, in load()):
# imported with this module it adds 0.2 s to the app's start.
if TYPE_CHECKING:
    import numpy as np

_SEP = "\x1f"


def _startswith(haystack: Any, prefix: str) -> Any:
    import numpy as np

    return getattr(np, "strings", np.char).startswith(haystack, prefix)


def _find(haystack: Any, needle: str) -> Any:
    import numpy as np

    # numpy 2 has fast string ufuncs; numpy 1.26 only the slower np.char (same results).
    return getattr(np, "strings", np.char).find(haystack, needle)


@dataclass(slots=True)
class _Columns:
    """One entry per device in asset-tag order; references are small integer codes (-1: none)."""

    ids: np.ndarray  # object array of device ids
    keys: np.ndarray  # fixed-width unicode: the four identifier keys joined by _SEP
    model: np.ndarray
    room: np.ndarray
    site: np.ndarray
    category: np.ndarray
    status: np.ndarray
    codes: dict[str, dict[str | None, int]]  # column -> value -> code


def _encode(values: list[str | None], codes: dict[str | None, int]) -> np.ndarray:
    import numpy as np

    out = np.empty(len(values), dtype=np.int32)
    for i, value in enumerate(values):
        out[i] = codes.setdefault(value, len(codes)) if value is not None else -1
    return out


class DeviceSearchIndex:
    """Matching device ids in asset-tag order, for a filter with a search text.

    The identifier keys sit in one numpy unicode array, so a substring test over 100,000 devices
    is one vectorised ``np.strings.find`` (a few milliseconds) instead of a Python loop.
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self._cols: _Columns | None = None
        self._models: dict[str, str] = {}
        self._rooms: dict[str, str] = {}
        self._categories: dict[str, tuple[str, str]] = {}

    @property
    def loaded(self) -> bool:
        return self._cols is not None

    def invalidate(self) -> None:
        self._cols = None

    def load(self) -> DeviceSearchIndex:
        """Read the index (safe to call from a worker thread; swaps the data in at the end)."""
        key_line: Any = func.coalesce(getattr(DeviceRecord, search_rule.IDENTIFIER_KEYS[0]), "")
        for name in search_rule.IDENTIFIER_KEYS[1:]:
            key_line = key_line + _SEP + func.coalesce(getattr(DeviceRecord, name), "")
        with self.store.read() as s:
            rows = s.execute(
                select(
                    DeviceRecord.id,
                    key_line,
                    DeviceRecord.model_id,
                    DeviceRecord.room_id,
                    DeviceRecord.site_id,
                    DeviceRecord.category_id,
                    DeviceRecord.status,
                )
                .where(DeviceRecord.deleted.is_(False), DeviceRecord.merged_into.is_(None))
                .order_by(DeviceRecord.tag_key, DeviceRecord.id)
            ).all()
            models = {
                mid: search_rule.fold(search_rule.model_text(manufacturer, name))
                for mid, manufacturer, name in s.execute(
                    select(DeviceModelRecord.id, DeviceModelRecord.manufacturer, DeviceModelRecord.name)
                )
            }
            rooms = {
                rid: search_rule.fold(code or "") for rid, code in s.execute(select(RoomRecord.id, RoomRecord.code))
            }
            categories = {
                cid: (code, group)
                for cid, code, group in s.execute(select(CategoryRecord.id, CategoryRecord.code, CategoryRecord.group))
            }
        import numpy as np

        columns: list[tuple[Any, ...]] = list(zip(*rows, strict=True)) if rows else [() for _ in range(7)]
        codes: dict[str, dict[str | None, int]] = {name: {} for name in ("model", "room", "site", "category", "status")}
        cols = _Columns(
            ids=np.array(columns[0], dtype=object),
            keys=np.array(list(columns[1]), dtype=str),
            model=_encode(list(columns[2]), codes["model"]),
            room=_encode(list(columns[3]), codes["room"]),
            site=_encode(list(columns[4]), codes["site"]),
            category=_encode(list(columns[5]), codes["category"]),
            status=_encode(list(columns[6]), codes["status"]),
            codes=codes,
        )
        self._models, self._rooms, self._categories = models, rooms, categories
        self._cols = cols
        return self

    def search(self, flt: DeviceFilter) -> np.ndarray | None:
        """Ids of the devices matching ``flt`` in asset-tag order; None when the index is not loaded."""
        cols = self._cols
        if cols is None:
            return None
        import numpy as np

        mask = np.ones(len(cols.ids), dtype=bool)
        n = search_rule.needle(flt.query)
        if n is not None:
            mask &= self._matching(cols, n)
        for column, value in (("site", flt.site_id), ("room", flt.room_id), ("status", flt.status)):
            if value:
                mask &= getattr(cols, column) == cols.codes[column].get(value, -2)
        if flt.category or flt.group:
            wanted = [
                code
                for cid, code in cols.codes["category"].items()
                if cid in self._categories
                and (not flt.category or self._categories[cid][0] == flt.category)
                and (not flt.group or self._categories[cid][1] == flt.group)
            ]
            mask &= np.isin(cols.category, wanted)
        return cols.ids[mask]

    def _matching(self, cols: _Columns, n: search_rule.Needle) -> Any:
        """The search rule (core/search_rule.py) over every device at once: a boolean array."""
        import numpy as np

        found: Any = np.zeros(len(cols.ids), dtype=bool)
        if n.prefix_only:
            if n.key:
                # The keys line starts with the tag key; the others follow a separator.
                found = _startswith(cols.keys, n.key) | (_find(cols.keys, _SEP + n.key) >= 0)
            return found
        if n.key:
            found = _find(cols.keys, n.key) >= 0
        models = [code for mid, code in cols.codes["model"].items() if mid and n.text in self._models.get(mid, "")]
        rooms = [code for rid, code in cols.codes["room"].items() if rid and n.text in self._rooms.get(rid, "")]
        if models:
            found |= np.isin(cols.model, models)
        if rooms:
            found |= np.isin(cols.room, rooms)
        return found
