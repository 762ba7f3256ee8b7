"""The navigation tree: Area → Site → Room, with device counts and each room's audit state."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from inventory_app.inventory.browse import AreaNode
from inventory_app.ui.labels import label

ID_ROLE = Qt.ItemDataRole.UserRole
KIND_ROLE = Qt.ItemDataRole.UserRole + 1
SITE_ROLE = Qt.ItemDataRole.UserRole + 2

# Audit state colours: readable on white, distinct for colour-blind users by text as well.
STATE_COLOURS = {"current": "#1b5e20", "visited": "#2e7d32", "audited": "#455a64", "none": "#9e9e9e"}


class NavTree(QTreeWidget):
    """Emits ``scope_selected(site_id, room_id)``; both empty for the whole city."""

    scope_selected = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(3)
        self.setHeaderLabels([self.tr("Place"), self.tr("Devices"), self.tr("Audit")])
        self.setAccessibleName(self.tr("Areas, sites and rooms"))
        header = self.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.setUniformRowHeights(True)
        self.currentItemChanged.connect(self._current_changed)

    def load(self, areas: list[AreaNode]) -> None:
        """Fill the tree, keeping the selected place and the expanded sites where they still exist."""
        selected = self.selected_scope()
        expanded = {
            site.data(0, ID_ROLE) for area in self._top_level_items() for site in _children(area) if site.isExpanded()
        }
        self.blockSignals(True)
        self.clear()
        total = sum(a.devices for a in areas)
        city = QTreeWidgetItem([self.tr("All sites"), f"{total:,}".replace(",", "\u202f"), ""])
        city.setData(0, KIND_ROLE, "city")
        bold = QFont(self.font())
        bold.setBold(True)
        city.setFont(0, bold)
        self.addTopLevelItem(city)
        restore: QTreeWidgetItem = city
        for area in areas:
            a_item = QTreeWidgetItem([area.name or self.tr("(no area)"), _count(area.devices), ""])
            a_item.setData(0, KIND_ROLE, "area")
            a_item.setFont(0, bold)
            self.addTopLevelItem(a_item)
            for site in area.sites:
                state = self.tr("audit open") if site.open_audit_id else ""
                s_item = QTreeWidgetItem(a_item, [site.name, _count(site.devices), state])
                s_item.setData(0, ID_ROLE, site.id)
                s_item.setData(0, KIND_ROLE, "site")
                s_item.setData(0, SITE_ROLE, site.id)
                # The whole name on hover: long school names are cut at the laptop's tree width.
                s_item.setToolTip(0, f"{site.name} ({site.code})" if site.code else site.name)
                if site.id == selected[0] and not selected[1]:
                    restore = s_item
                holds_selection = False
                for room in site.rooms:
                    # "A101 Luokka A101" says A101 twice: the name is shown only when it adds something.
                    text = room.code if not room.name or room.code in room.name else f"{room.code}  {room.name}"
                    r_item = QTreeWidgetItem(s_item, [text, _count(room.devices), _state_text(room.audit_state)])
                    r_item.setToolTip(0, f"{room.code} – {room.name}" if room.name else room.code)
                    r_item.setData(0, ID_ROLE, room.id)
                    r_item.setData(0, KIND_ROLE, "room")
                    r_item.setData(0, SITE_ROLE, site.id)
                    r_item.setForeground(2, QBrush(QColor(STATE_COLOURS.get(room.audit_state, "#000000"))))
                    if room.id == selected[1]:
                        restore = r_item
                        holds_selection = True
                # (QTreeWidgetItem.parent() of a top-level item upsets PySide's refcount of None: avoid it.)
                s_item.setExpanded(site.id in expanded or holds_selection)
            a_item.setExpanded(True)
        self.blockSignals(False)
        self.setCurrentItem(restore)

    def selected_scope(self) -> tuple[str, str]:
        item = self.currentItem()
        if item is None:
            return "", ""
        kind = item.data(0, KIND_ROLE)
        if kind == "site":
            return item.data(0, ID_ROLE), ""
        if kind == "room":
            return item.data(0, SITE_ROLE), item.data(0, ID_ROLE)
        return "", ""

    def select_site(self, site_id: str) -> None:
        for area in self._top_level_items():
            for site in _children(area):
                if site.data(0, ID_ROLE) == site_id:
                    self.setCurrentItem(site)
                    site.setExpanded(True)
                    return

    def mark_room(self, room_id: str, state: str) -> None:
        """Update one room's audit state in place (a full reload costs more on a big store)."""
        for area in self._top_level_items():
            for site in _children(area):
                for room in _children(site):
                    if room.data(0, ID_ROLE) == room_id:
                        room.setText(2, _state_text(state))
                        room.setForeground(2, QBrush(QColor(STATE_COLOURS.get(state, "#000000"))))
                        return

    def _top_level_items(self) -> Iterator[QTreeWidgetItem]:
        for i in range(self.topLevelItemCount()):
            item = self.topLevelItem(i)
            if item is not None:
                yield item

    def _current_changed(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        site_id, room_id = self.selected_scope()
        self.scope_selected.emit(site_id, room_id)


def _children(item: QTreeWidgetItem) -> Iterator[QTreeWidgetItem]:
    for i in range(item.childCount()):
        child = item.child(i)
        if child is not None:
            yield child


def _state_text(state: str) -> str:
    # Blank for "not audited": the rooms that are done or in progress stand out at a glance.
    return "" if state == "none" else label("audit_state", state)


def _count(n: int) -> str:
    # A narrow no-break space groups thousands the Finnish way and reads fine in English.
    return f"{n:,}".replace(",", "\u202f")
