"""The current room's devices in audit mode, each marked found / moved here / not yet seen."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from inventory_app.core.devices import DeviceView
from inventory_app.core.enums import GONE_STATUSES
from inventory_app.inventory.browse import DeviceRow
from inventory_app.ui.labels import label

Index = QModelIndex | QPersistentModelIndex
STATE_BACKGROUND = {"found": "#c8e6c9", "moved": "#ffecb3", "placeholder": "#b2ebf2", "retired": "#d7ccc8"}
GONE = frozenset(status.value for status in GONE_STATUSES)  # not expected in a room (a lost one found is in use)


def row_from_view(view: DeviceView) -> DeviceRow:
    return DeviceRow(
        view.id,
        view.asset_tag,
        view.category,
        view.group,
        view.model,
        view.site,
        view.room,
        view.status,
        view.condition,
        view.serial,
        view.inventory_number,
        view.last_seen,
    )


class RoomDevicesTableModel(QAbstractTableModel):
    """Rows change one at a time as scans come in (no reload per scan)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[DeviceRow] = []
        self._state: dict[str, str] = {}
        self._headers = [
            self.tr("Seen"),
            self.tr("Asset tag"),
            self.tr("Category"),
            self.tr("Model"),
            self.tr("Serial"),
        ]
        self._state_text = {
            "found": self.tr("✓ found"),
            "moved": self.tr("➜ moved here"),
            "placeholder": self.tr("? kept to sort out"),
            "retired": self.tr("! found, marked retired"),
            "": "",
        }

    def load(self, rows: list[DeviceRow], states: dict[str, str]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._state = dict(states)
        self.endResetModel()

    def mark(self, view: DeviceView, state: str) -> int:
        """Show ``view`` as found/moved here (a device new to the room is added at the top); returns its row."""
        for i, row in enumerate(self._rows):
            if row.id == view.id:
                self._rows[i] = row_from_view(view)
                self._state[view.id] = state
                self.dataChanged.emit(self.index(i, 0), self.index(i, len(self._headers) - 1))
                return i
        self.beginInsertRows(QModelIndex(), 0, 0)
        self._rows.insert(0, row_from_view(view))
        self._state[view.id] = state
        self.endInsertRows()
        return 0

    def unmark(self, device_id: str, still_here: bool, view: DeviceView | None = None) -> None:
        """Undo of a scan: the device is no longer seen; it leaves the list if it went back elsewhere,
        and joins it (``view``) when an undone move brought it back into this room."""
        if still_here and view is not None and device_id not in self.device_ids():
            self.beginInsertRows(QModelIndex(), 0, 0)
            self._rows.insert(0, row_from_view(view))
            self.endInsertRows()
            return
        for i, row in enumerate(self._rows):
            if row.id == device_id:
                if still_here:
                    self._state.pop(device_id, None)
                    self.dataChanged.emit(self.index(i, 0), self.index(i, len(self._headers) - 1))
                else:
                    self.beginRemoveRows(QModelIndex(), i, i)
                    del self._rows[i]
                    self._state.pop(device_id, None)
                    self.endRemoveRows()
                return

    def state_of(self, device_id: str) -> str:
        return self._state.get(device_id, "")

    def device_ids(self) -> list[str]:
        return [r.id for r in self._rows]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        state = self._state.get(row.id, "")
        if state == "found" and row.status == "placeholder":
            state = "placeholder"  # kept to sort out later: not a device found
        elif state in ("found", "moved") and row.status in GONE:
            state = "retired"  # seen, but marked retired: not counted as found (the progress line says so)
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == 0:  # a device not expected here says why
                return self._state_text.get(state, "") or (label("status", row.status) if row.status in GONE else "")
            if column == 1:  # a placeholder has no tag yet: its code, so the row is not blank
                return row.asset_tag or (row.serial or "" if state == "placeholder" else "")
            if column == 2:
                return label("category", row.category)
            if column == 3:
                return row.model or ""
            return row.serial or ""
        if role == Qt.ItemDataRole.BackgroundRole and state in STATE_BACKGROUND:
            return QBrush(QColor(STATE_BACKGROUND[state]))
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None
