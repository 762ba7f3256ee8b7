"""The main window: navigation tree, pages, menus with every shortcut, and the status bar.

Other features plug in with one line each: ``window.add_page(widget, title, shortcut)``.
"""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from inventory_app.context import AppContext
from inventory_app.core.changes import Changes
from inventory_app.inventory.browse import DeviceBrowser
from inventory_app.inventory.search_index import DeviceSearchIndex
from inventory_app.inventory.service import InventoryService
from inventory_app.ui.actions import shortcut_action
from inventory_app.ui.audit_page import AuditPage
from inventory_app.ui.device_page import DevicePage
from inventory_app.ui.feature_wiring import FeatureWiring
from inventory_app.ui.mnemonics import spread_menus
from inventory_app.ui.nav_tree import NavTree
from inventory_app.ui.settings_dialog import SettingsDialog
from inventory_app.ui.sounds import SoundPlayer
from inventory_app.ui.store_changes import StoreChanges
from inventory_app.ui.tasks import TaskRunner


def window_settings(ctx: AppContext) -> QSettings:
    """Window geometry and splitter sizes, in an ini file beside the config (INVENTORY_HOME in tests)."""
    return QSettings(str(ctx.paths.config_dir / "window.ini"), QSettings.Format.IniFormat)


STATUS_INTERVAL_S = 0.5  # the pending count follows writes at most this often


class MainWindow(QMainWindow):
    def __init__(
        self,
        ctx: AppContext,
        camera: str | None = None,
        runner: TaskRunner | None = None,
        resume: bool = True,
        remember: bool = True,
    ) -> None:
        """``resume``: carry on with an unfinished audit; ``remember``: restore and save the window's
        geometry (off for screenshots and the self-test, which must not touch the user's settings)."""
        super().__init__()
        self.ctx = ctx
        self.remember = remember
        self.store = ctx.store
        self.runner = runner or TaskRunner(self)
        # No Python work on a pool thread while the start-up loads Qt plugins on this thread: the
        # runner starts its jobs once FeatureWiring has built the camera panel (docs/ARCHITECTURE.md).
        self.runner.hold()
        self.service = InventoryService(self.store)
        self.browser = DeviceBrowser(self.store)
        self.search_index = DeviceSearchIndex(self.store)
        self.sounds = SoundPlayer(ctx.config.sound, parent=self)
        self.setWindowTitle(self.tr("School device inventory"))
        self._stale_devices = False
        self._page_actions: list[QAction] = []
        self._pages: list[QWidget] = []

        self.nav = NavTree()
        self.nav.setMinimumWidth(180)
        self.pages = QStackedWidget()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.nav)
        self.splitter.addWidget(self.pages)
        # An explicit minimum: a page's long text never takes width from the tree (the splitter keeps
        # the width the user gave it).
        self.pages.setMinimumWidth(480)
        self.nav.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([340, 1026])
        self.setCentralWidget(self.splitter)

        self.toolbar = QToolBar(self.tr("Pages"))
        self.toolbar.setObjectName("pagesToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(self.toolbar)
        self._page_group = QActionGroup(self)
        self._build_menus()
        self._build_status_bar()

        self.device_page = DevicePage(self.service, self.browser, self.runner, self.search_index)
        self.audit_page = AuditPage(ctx, self.browser, self.runner, self.sounds)
        self.add_page(self.device_page, self.tr("&Devices"), "Ctrl+1")
        self.add_page(self.audit_page, self.tr("&Audit"), "Ctrl+2")
        self._add_menu(self.tr("De&vices"), self.device_page.page_actions())
        self._add_menu(self.tr("Au&dit"), self.audit_page.page_actions())

        self.nav.scope_selected.connect(self.device_page.set_scope)
        self.nav.scope_selected.connect(lambda site_id, _room: self.audit_page.set_tree_site(site_id))
        self.audit_page.room_changed.connect(self._room_changed)
        self.audit_page.status_message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.pages.currentChanged.connect(self._page_changed)

        # One notification of what every write changed drives the tree, the device table, the search
        # index and the pending count (ui/store_changes.py); no page tells the others.
        self._status_at = 0.0
        self._status_timer = QTimer(self)
        self._status_timer.setSingleShot(True)
        self._status_timer.timeout.connect(self.update_status)
        self.store_changes = StoreChanges(self.store, parent=self)
        self.store_changes.changed.connect(self._store_changed)
        self.update_status()
        self.set_online(None)
        self._restore_state()
        # The search index loads off the UI thread once the window is up (it competes for the GIL).
        # A child timer, so that it dies with the window.
        self._index_timer = QTimer(self)
        self._index_timer.setSingleShot(True)
        self._index_timer.setInterval(300)
        self._index_timer.timeout.connect(self.device_page.load_index)
        self._index_timer.start()
        # (QSettings.value gives a str when asked for one; the stubs say object.)
        last_audit = str(self._settings.value("audit/last_id", "", str)) if remember else None
        if resume and self.audit_page.resume_latest(last_audit):
            self.show_page(self.audit_page)
        else:
            self.audit_page.show_start_panel()
            self._page_changed(self.pages.currentIndex())
        # The tree is read once, after a resumed audit set the rooms' states.
        self._audit_changed("")
        self.audit_page.audit_changed.connect(self._audit_changed)
        # Reports, sync, labels, import, backups, the camera: see feature_wiring.py.
        self.features = FeatureWiring(self, camera=camera)
        spread_menus(self.menuBar())  # one Alt+letter per menu and per item, in the language chosen
        # Whatever dialog closes, the auditor scans on: focus back to the scan field.
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if new is None or self.pages.currentWidget() is not self.audit_page or new.window() is not self:
            return
        if old is None or isinstance(old.window(), QDialog):
            self.audit_page.focus_scan_field()

    # -- pages -----------------------------------------------------------------------------------
    def add_page(self, widget: QWidget, title: str, shortcut: str | QKeySequence) -> QAction:
        """Add a page to the page area, the toolbar and the Go menu; returns its action."""
        action = shortcut_action(self, title, shortcut, lambda _c=False, w=widget: self.show_page(w))
        action.setCheckable(True)
        self._page_group.addAction(action)
        self.toolbar.addAction(action)
        self.go_menu.addAction(action)
        self.pages.addWidget(widget)
        self._pages.append(widget)
        self._page_actions.append(action)
        if self.pages.count() == 1:
            action.setChecked(True)
        return action

    def show_page(self, widget: QWidget) -> None:
        self.pages.setCurrentWidget(widget)

    def _page_changed(self, index: int) -> None:
        if 0 <= index < len(self._page_actions):
            self._page_actions[index].setChecked(True)
        current = self.pages.currentWidget()
        for page in (self.device_page, self.audit_page):
            page_active = page is current
            page.set_active(page_active)
        if current is self.device_page and self._stale_devices:
            self._stale_devices = False
            self.device_page.refresh()
            self.reload_tree()
        self.update_status()

    # -- menus and status bar --------------------------------------------------------------------
    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.settings_action = self._menu_action(file_menu, self.tr("&Settings…"), "Ctrl+,", self.open_settings)
        file_menu.addSeparator()
        self._menu_action(file_menu, self.tr("&Quit"), "Ctrl+Q", self.close)
        self.go_menu = bar.addMenu(self.tr("&Go"))
        self._menu_action(self.go_menu, self.tr("&Navigation tree"), "Ctrl+L", self.nav.setFocus)
        self.go_menu.addSeparator()

    def _menu_action(self, menu: QMenu, text: str, keys: str, slot: Any) -> QAction:
        action = QAction(text, self)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _add_menu(self, title: str, actions: list[QAction]) -> QMenu:
        menu = self.menuBar().addMenu(title)
        for action in actions:
            menu.addAction(action)
        return menu

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.store_label = QLabel()
        self.auditor_label = QLabel()
        self.pending_label = QLabel()
        self.online_label = QLabel()
        for label in (self.store_label, self.auditor_label, self.pending_label):
            status.addWidget(label)
        status.addPermanentWidget(self.online_label)

    def update_status(self) -> None:
        path = self.store.path
        self.store_label.setText(self.tr("Store: %1").replace("%1", path.name if path else self.store.url))
        self.store_label.setToolTip(str(path) if path else self.store.url)
        session = self.audit_page.session
        auditor = (session.auditor if session is not None else None) or self.ctx.config.auditor
        self.auditor_label.setText(
            self.tr("Auditor: %1").replace("%1", auditor) if auditor else self.tr("Auditor: not set (Ctrl+,)")
        )
        self._status_at = time.monotonic()
        pending = self.store.pending_changes()
        self.pending_label.setText(self.tr("%n change(s) not yet synced", "", pending))
        # One count for both: the Sync page, when shown, says the number the status bar says.
        sync_panel = getattr(getattr(self, "features", None), "sync_panel", None)
        if sync_panel is not None and self.pages.currentIndex() == self.pages.indexOf(sync_panel):
            sync_panel.refresh_status(pending)

    def _status_soon(self) -> None:
        """The pending count after a write: at once, then at most twice a second while scans keep coming (the
        count is a query on the UI thread; the scan loop must not pay for it on every scan)."""
        if self._status_timer.isActive():
            return
        now = time.monotonic()
        if now - self._status_at >= STATUS_INTERVAL_S:
            self.update_status()
        else:
            self._status_timer.start(int((STATUS_INTERVAL_S - (now - self._status_at)) * 1000) + 1)

    def set_online(self, online: bool | None) -> None:
        """Driven by sync: True online, False offline, None not known (no central server checked yet)."""
        if online is None:
            self.online_label.setText(self.tr("● connection not checked"))
            self.online_label.setStyleSheet("color: #757575;")
        elif online:
            self.online_label.setText(self.tr("● online"))
            self.online_label.setStyleSheet("color: #2e7d32; font-weight: bold;")
        else:
            self.online_label.setText(self.tr("● offline — working locally"))
            self.online_label.setStyleSheet("color: #e65100; font-weight: bold;")

    # -- reacting to changes -----------------------------------------------------------------------
    def reload_tree(self) -> None:
        self.nav.load(self.browser.tree())

    def refresh(self) -> None:
        """After outside changes (sync, import): tree, table and status bar read the store again."""
        self.reload_tree()
        self.device_page.refresh()
        self.update_status()

    def _store_changed(self, changes: Changes) -> None:
        if changes.external:
            self.update_status()
        elif changes.outbox:
            self._status_soon()
        if not (changes.devices or changes.structure):
            return
        if changes.placed or changes.everything:
            self.audit_page.devices_placed()  # its room table and counts, after a move from anywhere
        if self.pages.currentWidget() is self.device_page:
            self.reload_tree()
            self.device_page.refresh(set(changes.device_ids))
            return
        self._stale_devices = True  # the device table is read again when its page is shown
        # The tree is on every page: new sites or rooms, an import, a bulk edit, a sync or a device moved
        # (an audit's move, its undo) show at once. A scan that only saw a device leaves the counts as
        # they are (re-reading the tree per scan would stall the audit).
        if changes.structure or changes.everything or changes.placed or len(changes.device_ids) > 1:
            self.reload_tree()

    def _audit_changed(self, _audit_id: str) -> None:
        self.reload_tree()
        session = self.audit_page.session
        if session is not None:
            self.nav.select_site(session.site_id)
        self.update_status()

    def _room_changed(self, room_id: str, previous_id: str) -> None:
        if previous_id:
            self.nav.mark_room(previous_id, "visited")
        self.nav.mark_room(room_id, "current")

    def open_settings(self) -> SettingsDialog:
        dialog = SettingsDialog(self.ctx, self.service.sites(), parent=self)
        dialog.settings_saved.connect(lambda _lang: self._settings_saved())
        dialog.open()
        return dialog

    def _settings_saved(self) -> None:
        self.sounds.enabled = self.ctx.config.sound
        self.update_status()

    # -- remembering the window ---------------------------------------------------------------------
    @property
    def _settings(self) -> QSettings:
        return window_settings(self.ctx)

    def _restore_state(self) -> None:
        if not self.remember:
            self.resize(1366, 768)
            return
        settings = self._settings
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1366, 768)
        splitter = settings.value("window/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)

    def save_state(self) -> None:
        if not self.remember:
            return
        settings = self._settings
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/splitter", self.splitter.saveState())
        session = self.audit_page.session
        settings.setValue("audit/last_id", session.audit_id if session else "")
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt name)
        # Every scan is already committed by the engine; only the window's layout is left to keep.
        self.save_state()
        self.store_changes.stop()
        self._status_timer.stop()
        self._index_timer.stop()
        self.features.shutdown()
        self.audit_page.shutdown()
        self.runner.wait(5000)
        super().closeEvent(event)
