"""The device table: a Qt model over the store that stays fast on 100,000 devices.

Rows are fetched a page at a time (``canFetchMore``/``fetchMore``), never all at once. With the
in-memory search index loaded, a filter is answered from the index (ids in asset-tag order, the
count for free) and only the visible page is read from the store; before that, or for another
sort order, the SQL path pages and counts in the store.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from inventory_app.inventory.browse import DeviceBrowser, DeviceFilter, DeviceRow
from inventory_app.inventory.search_index import DeviceSearchIndex
from inventory_app.ui.labels import label

if TYPE_CHECKING:
    import numpy as np

PAGE_SIZE = 200
Index = QModelIndex | QPersistentModelIndex

# Row attributes (also the sort keys) in display order.
COLUMNS: tuple[str, ...] = (
    "asset_tag",
    "category",
    "model",
    "site",
    "room",
    "status",
    "condition",
    "serial",
    "inventory_number",
    "last_seen",
)


class DeviceTableModel(QAbstractTableModel):
    """Devices matching a DeviceFilter, sortable, paged."""

    count_changed = Signal(int)
    filter_applied = Signal()

    def __init__(
        self,
        browser: DeviceBrowser,
        index: DeviceSearchIndex | None = None,
        page_size: int = PAGE_SIZE,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.browser = browser
        self.search_index = index
        self.page_size = page_size
        self._filter = DeviceFilter()
        self._sort = "asset_tag"
        self._descending = False
        self._rows: list[DeviceRow] = []
        self._ids: np.ndarray | None = None  # the index's answer (ids in order), when used
        self._total = 0
        self._headers = {
            "asset_tag": self.tr("Asset tag"),
            "category": self.tr("Category"),
            "model": self.tr("Model"),
            "site": self.tr("Site"),
            "room": self.tr("Room"),
            "status": self.tr("Status"),
            "condition": self.tr("Condition"),
            "serial": self.tr("Serial"),
            "inventory_number": self.tr("Inventory no."),
            "last_seen": self.tr("Last seen"),
        }

    # -- what is shown ---------------------------------------------------------------------------
    @property
    def filter(self) -> DeviceFilter:
        return self._filter

    @property
    def total(self) -> int:
        """Matching devices; -1 while not counted yet (large SQL answers before the index loads)."""
        return self._total

    def set_filter(self, flt: DeviceFilter) -> None:
        self._filter = flt
        self.reload()

    def reload(self) -> None:
        """Read the first page again (after a filter change or a write)."""
        self.beginResetModel()
        use_index = self.search_index is not None and self.search_index.loaded and self._sort == "asset_tag"
        ids = self.search_index.search(self._filter) if use_index and self.search_index is not None else None
        if ids is not None and self._descending:
            ids = ids[::-1]
        self._ids = ids
        if ids is not None:
            self._total = len(ids)
            self._rows = self.browser.rows_by_ids(list(ids[: self.page_size]))
        else:
            self._rows = self.browser.page(self._filter, 0, self.page_size, self._sort, self._descending)
            self._total = self._count_without_index(len(self._rows))
        self.endResetModel()
        self.count_changed.emit(self._total)
        self.filter_applied.emit()

    def _count_without_index(self, first_page: int) -> int:
        """The count for the SQL path: exact when the index can tell or the first page is all there
        is; otherwise -1 ("not counted yet"): counting 100,000 rows in SQL would stall the window,
        and the table reloads with the exact count once the index has loaded."""
        if first_page < self.page_size:
            return first_page
        if self.search_index is not None and self.search_index.loaded:
            found = self.search_index.search(self._filter)
            if found is not None:
                return len(found)
        return -1

    def device_id(self, row: int) -> str | None:
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def row_of(self, row: int) -> DeviceRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def refresh_devices(self, device_ids: set[str]) -> None:
        """Re-read the given devices where they are shown (an edit that keeps the filter's answer)."""
        for i, row in enumerate(self._rows):
            if row.id in device_ids:
                fresh = self.browser.row(row.id)
                if fresh is not None:
                    self._rows[i] = fresh
                    self.dataChanged.emit(self.index_of(i, 0), self.index_of(i, len(COLUMNS) - 1))

    def index_of(self, row: int, column: int) -> QModelIndex:
        return self.createIndex(row, column)

    # -- paging ------------------------------------------------------------------------------
    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid():
            return False
        return self._total < 0 or len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        start = len(self._rows)
        if self._ids is not None:
            more = self.browser.rows_by_ids(list(self._ids[start : start + self.page_size]))
        else:
            more = self.browser.page(self._filter, start, self.page_size, self._sort, self._descending)
        if not more:
            self._total = start
            self.count_changed.emit(self._total)
            return
        self.beginInsertRows(QModelIndex(), start, start + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()
        if self._total < 0 and len(more) < self.page_size:  # the last page: now the count is known
            self._total = len(self._rows)
            self.count_changed.emit(self._total)

    # -- QAbstractTableModel ---------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[COLUMNS[section]]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        key = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, key)
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        if role == Qt.ItemDataRole.ToolTipRole:
            # The whole text on hover: a column narrower than a long Finnish name cuts it to "…".
            return self._display(row, key) or None
        return None

    _FORMATTERS: dict[str, Callable[[DeviceRow], str]] = {
        "category": lambda r: label("category", r.category),
        "status": lambda r: label("status", r.status),
        "condition": lambda r: label("condition", r.condition),
        "last_seen": lambda r: r.last_seen.strftime("%d.%m.%Y") if r.last_seen else "",
    }

    def _display(self, row: DeviceRow, key: str) -> str:
        fmt = self._FORMATTERS.get(key)
        if fmt is not None:
            return fmt(row)
        value = getattr(row, key)
        return "" if value is None else str(value)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = COLUMNS[column]
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.reload()
