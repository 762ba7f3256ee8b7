"""The device page: filters, search-as-you-type, the device table, add/edit and bulk edit."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from inventory_app.core.errors import InventoryError
from inventory_app.inventory.browse import DeviceBrowser, DeviceFilter
from inventory_app.inventory.search_index import DeviceSearchIndex
from inventory_app.inventory.service import InventoryService
from inventory_app.ui.actions import shortcut_action
from inventory_app.ui.bulk_edit_command import BulkEditCommand
from inventory_app.ui.bulk_edit_dialog import BulkEditDialog
from inventory_app.ui.device_form import DeviceFormDialog
from inventory_app.ui.device_table_model import DeviceTableModel
from inventory_app.ui.labels import choices, label
from inventory_app.ui.tasks import TaskRunner

# Keystrokes closer together than this are coalesced into one search (a paste, a fast typist);
# the first keystroke after a pause searches at once.
SEARCH_DEBOUNCE_MS = 80


class DevicePage(QWidget):
    """Emits ``devices_changed(ids)`` after this page wrote to the store."""

    devices_changed = Signal(object)

    def __init__(
        self,
        service: InventoryService,
        browser: DeviceBrowser,
        runner: TaskRunner,
        index: DeviceSearchIndex | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.browser = browser
        self.runner = runner
        self.index = index
        self.undo_stack = QUndoStack(self)
        self.model = DeviceTableModel(browser, index, parent=self)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search tag, serial, inventory no., MAC, model or room (Ctrl+F)"))
        self.search.setToolTip(self.search.placeholderText())  # whole, where a narrow window cuts it
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search devices"))
        self.group = QComboBox()
        self.group.addItem(self.tr("All groups"), "")
        for value, text in choices("group"):
            self.group.addItem(text, value)
        self.category = QComboBox()
        self.status = QComboBox()
        self.status.addItem(self.tr("All statuses"), "")
        for value, text in choices("status"):
            self.status.addItem(text, value)
        self._fill_categories()
        for combo in (self.group, self.category, self.status):
            # Long category names must not set the window's minimum width (small laptop screens).
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(6)
        self.search.setMinimumWidth(120)
        self.count = QLabel()

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((110, 150, 150, 190, 70, 110, 80, 120, 110, 90)):
            self.table.setColumnWidth(column, width)
        # The category column fits the longest category name of the language shown ("Henkilökunnan
        # kannettava" was cut to "Henkilökunnan …" beside an empty model column), up to a limit.
        metrics = self.table.fontMetrics()
        longest = max((metrics.horizontalAdvance(text) for _value, text in choices("category")), default=0)
        self.table.setColumnWidth(1, min(240, max(150, longest + 20)))
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _i: self.edit_device())

        self.new_action = self._action(self.tr("&New device…"), QKeySequence.StandardKey.New, self.new_device)
        self.edit_action = self._action(self.tr("&Edit device…"), QKeySequence(Qt.Key.Key_F2), self.edit_device)
        self.bulk_action = self._action(self.tr("&Bulk edit…"), QKeySequence("Ctrl+B"), self.bulk_edit)
        self.find_action = self._action(self.tr("&Find"), QKeySequence.StandardKey.Find, self.focus_search)
        self.undo_action = self._action(self.tr("&Undo bulk edit"), QKeySequence.StandardKey.Undo, self.undo)
        self.open_action = self._action(
            self.tr("Open device"),
            QKeySequence(Qt.Key.Key_Return),
            self.edit_device,
            context=Qt.ShortcutContext.WidgetShortcut,
            target=self.table,
        )

        bar = QHBoxLayout()
        bar.addWidget(self.search, 3)
        bar.addWidget(self.group, 1)
        bar.addWidget(self.category, 1)
        bar.addWidget(self.status, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        for action in (self.new_action, self.edit_action, self.bulk_action):
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            bottom.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DEBOUNCE_MS)
        self._search_timer.timeout.connect(lambda: self.apply_filters())
        self.search.textChanged.connect(self._search_typed)
        for combo in (self.group, self.category, self.status):
            combo.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.group.currentIndexChanged.connect(self._fill_categories)
        self.model.count_changed.connect(self._show_count)
        self.setTabOrder(self.search, self.group)
        self.setTabOrder(self.group, self.category)
        self.setTabOrder(self.category, self.status)
        self.setTabOrder(self.status, self.table)
        self._scope = ("", "")
        self.apply_filters(force=True)

    def _action(
        self,
        text: str,
        keys: QKeySequence | QKeySequence.StandardKey,
        slot: Callable[[], object],
        *,
        context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut,
        target: QWidget | None = None,
    ) -> QAction:
        action = shortcut_action(self, text, keys, slot, context=context)
        (target or self).addAction(action)
        return action

    def page_actions(self) -> list[QAction]:
        return [self.new_action, self.edit_action, self.bulk_action, self.find_action, self.undo_action]

    def set_active(self, active: bool) -> None:
        """Shortcuts work only while this page is shown (the audit page reuses Ctrl+Z)."""
        for action in self.page_actions():
            action.setEnabled(active)
        self.open_action.setEnabled(active)

    # -- filters -------------------------------------------------------------------------------
    def _fill_categories(self) -> None:
        group = self.group.currentData() or ""
        current = self.category.currentData()
        self.category.blockSignals(True)
        self.category.clear()
        self.category.addItem(self.tr("All categories"), "")
        for cat in self.browser.categories():
            if not group or cat.group == group:
                self.category.addItem(label("category", cat.code), cat.code)
        self.category.setCurrentIndex(max(0, self.category.findData(current)))
        self.category.blockSignals(False)

    def current_filter(self) -> DeviceFilter:
        site_id, room_id = self._scope
        return DeviceFilter(
            site_id=site_id or None,
            room_id=room_id or None,
            group=self.group.currentData() or None,
            category=self.category.currentData() or None,
            status=self.status.currentData() or None,
            query=self.search.text().strip(),
        )

    def set_scope(self, site_id: str, room_id: str) -> None:
        self._scope = (site_id, room_id)
        self.apply_filters()

    def _search_typed(self) -> None:
        # Leading edge: the first key after a pause searches at once; keys inside the window that
        # follows (a paste, a fast typist) are coalesced into one search at its end.
        if self._search_timer.isActive():
            self._search_timer.start()
            return
        self._search_timer.start()  # the window counts from the key, not from the end of the search
        self.apply_filters()

    def apply_filters(self, force: bool = False) -> None:
        flt = self.current_filter()
        if force or flt != self.model.filter:
            self.model.set_filter(flt)

    def _show_count(self, total: int) -> None:
        self.count.setText(self.tr("%n device(s)", "", total) if total >= 0 else self.tr("Counting devices…"))

    def load_index(self) -> None:
        """(Re)load the search index off the UI thread; the table switches to it when ready."""
        if self.index is None:
            return
        index = self.index
        index.invalidate()
        self.runner.run(lambda _progress: index.load(), on_done=lambda _r: self.model.reload())

    def refresh(self, device_ids: set[str] | None = None) -> None:
        """After a write elsewhere: reload the index and the visible rows."""
        if self.index is not None:
            self.load_index()
        self.model.reload()

    # -- actions ---------------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def selected_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [d for d in (self.model.device_id(r) for r in rows) if d]

    def new_device(self) -> DeviceFormDialog:
        dialog = DeviceFormDialog(self.service, self.browser, default_site_id=self._scope[0] or None, parent=self)
        dialog.device_saved.connect(self._saved)
        dialog.open()
        return dialog

    def edit_device(self) -> DeviceFormDialog | None:
        ids = self.selected_ids()
        if not ids:
            return None
        dialog = DeviceFormDialog(self.service, self.browser, device_id=ids[0], parent=self)
        dialog.device_saved.connect(self._saved)
        dialog.open()
        return dialog

    def bulk_edit(self) -> BulkEditDialog | None:
        ids = self.selected_ids()
        if not ids:
            self.count.setText(self.tr("Select the devices to edit first (Shift/Ctrl + arrows or click)."))
            return None
        dialog = BulkEditDialog(self.browser, ids, parent=self)
        dialog.accepted.connect(lambda: self.apply_bulk_edit(ids, dialog.changes(), dialog))
        dialog.open()
        return dialog

    def apply_bulk_edit(self, ids: list[str], changes: dict[str, str], dialog: BulkEditDialog | None = None) -> bool:
        command = BulkEditCommand(
            self.service,
            self.browser,
            ids,
            changes,
            on_changed=self._changed,
            text=self.tr("bulk edit of %n device(s)", "", len(ids)),
        )
        try:
            command.apply_first()
        except InventoryError as exc:
            self.count.setText(str(exc))
            return False
        self.undo_stack.push(command)
        return True

    def undo(self) -> None:
        self.undo_stack.undo()

    def _saved(self, device_id: str) -> None:
        self._changed({device_id})

    def _changed(self, ids: set[str]) -> None:
        # The table and the index follow the store's change notification (MainWindow._store_changed).
        self.devices_changed.emit(ids)
