"""Plugs the feature screens into the main window: reports, sync, conflicts and duplicates pages;
labels, import, backups, targets, central import and About in the menus; the camera panel in audit
mode. Kept apart from ``main_window.py`` so that the window stays a small frame around its pages."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMenu, QWidget

from inventory_app.core.changes import Changes
from inventory_app.ui.actions import shortcut_action
from inventory_app.ui.city_page import CityPage
from inventory_app.ui.conflicts_page import ConflictsPage
from inventory_app.ui.duplicates_page import DuplicatesPage
from inventory_app.ui.reports_page import ReportsPage
from inventory_app.ui.sync_panel import SyncPanel

if TYPE_CHECKING:
    from inventory_app.ui.camera_panel import CameraPanel
    from inventory_app.ui.main_window import MainWindow

ONLINE_CHECK_MS = 3 * 60 * 1000


class FeatureWiring(QObject):
    """Owns the feature pages and opens the feature dialogs of one main window."""

    def __init__(self, window: MainWindow, camera: str | None = None) -> None:
        super().__init__(window)
        self.window = window
        ctx, runner = window.ctx, window.runner
        self.dialogs: list[QDialog] = []  # the open ones, kept alive while shown

        self.reports_page = ReportsPage(ctx, runner)
        self.sync_panel = SyncPanel(ctx, runner)
        self.conflicts_page = ConflictsPage(ctx, runner)
        self.duplicates_page = DuplicatesPage(ctx, runner)
        window.add_page(self.reports_page, self.tr("&Reports"), "Ctrl+3")
        window.add_page(self.sync_panel, self.tr("&Sync"), "Ctrl+4")
        window.add_page(self.conflicts_page, self.tr("&Conflicts"), "Ctrl+5")
        window.add_page(self.duplicates_page, self.tr("D&uplicates"), "Ctrl+6")
        self.city_page = CityPage(ctx)
        window.add_page(self.city_page, self.tr("C&ity"), "Ctrl+7")
        self.city_page.structure_changed.connect(self._structure_changed)

        self.sync_panel.online_changed.connect(window.set_online)
        # Sync, conflicts and duplicates write through the store: the window follows its change
        # notification (MainWindow._store_changed); the Sync page's counts follow it too.
        window.store_changes.changed.connect(self._store_changed)
        window.pages.currentChanged.connect(self._page_shown)

        tools = window.menuBar().addMenu(self.tr("&Tools"))
        self.sync_action = self._action(tools, self.tr("S&ync now"), "Ctrl+Shift+S", self.sync_now)
        self.labels_action = self._action(tools, self.tr("Print &labels…"), "Ctrl+P", self.open_labels)
        self.import_action = self._action(tools, self.tr("&Import inventory file…"), "Ctrl+Alt+I", self.open_import)
        self._action(tools, self.tr("Import a &sync file (central)…"), "Ctrl+Shift+I", self.open_central_import)
        tools.addSeparator()
        self._action(tools, self.tr("&Targets and pupil numbers…"), "Ctrl+T", self.open_targets)
        self._action(tools, self.tr("&Backups…"), "Ctrl+Shift+B", self.open_backups)
        help_menu = window.menuBar().addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("&About"), "F1", self.open_about)

        # Online or not: checked at start and every few minutes when a central server is set.
        self.online_timer = QTimer(self)
        self.online_timer.setInterval(ONLINE_CHECK_MS)
        self.online_timer.timeout.connect(self.check_online)
        self.online_timer.start()

        # The camera panel (OpenCV, QtMultimedia's camera list) arrives just after the window is shown:
        # importing and asking for cameras took a third of a second of the start. Only then does the
        # task pool start its jobs (the connection check first): see _start_up.
        self._camera_arg = camera
        self._camera_panel: CameraPanel | None = None
        QTimer.singleShot(0, self, self._start_up)

    def _start_up(self) -> None:
        """The camera list loads QtMultimedia's plugin on this thread; no pool job runs Python meanwhile."""
        try:
            self.camera_panel()
        finally:
            self.window.runner.release()
        if self.window.ctx.config.central_url:  # the first check, even behind a job the start-up queued
            self.sync_panel.check_online()

    def camera_panel(self) -> CameraPanel:
        """The audit page's camera panel, made on first use."""
        if self._camera_panel is None:
            from inventory_app.ui.camera_panel import CameraPanel

            self._camera_panel = CameraPanel(self.window.ctx, camera=self._camera_arg)
            self.window.audit_page.attach_code_source(self._camera_panel)
            if self._camera_arg:
                self._camera_panel.start()  # gui --camera 0|FILE|DIR: the auditor asked for it
        return self._camera_panel

    def sync_now(self) -> None:
        """The Sync page, and its sync started (when this store syncs and none is running)."""
        self.window.show_page(self.sync_panel)
        if self.sync_panel.sync_button.isEnabled():
            self.sync_panel.start_sync()

    def check_online(self) -> None:
        if self.window.ctx.config.central_url and not self.window.runner.busy:
            self.sync_panel.check_online()

    def _action(self, menu: QMenu, text: str, keys: str, slot: Any) -> QAction:
        action = shortcut_action(self.window, text, keys, slot)
        menu.addAction(action)
        return action

    def _show(self, dialog: QDialog) -> QDialog:
        self.dialogs.append(dialog)
        dialog.finished.connect(lambda _result, d=dialog: self.dialogs.remove(d) if d in self.dialogs else None)
        dialog.open()
        return dialog

    def _store_changed(self, changes: Changes) -> None:
        # Pages read the store when they are shown (_page_shown) and follow changes while visible: a scan
        # every second must not recount duplicates on a page nobody looks at.
        current = self.window.pages.currentWidget()
        if current is self.sync_panel and (changes.outbox or changes.touches("conflicts")):
            self.sync_panel.refresh_status()
        elif current is self.conflicts_page and changes.touches("conflicts"):
            self.conflicts_page.reload()
        elif current is self.duplicates_page and changes.devices:
            self.duplicates_page.reload()

    def _page_shown(self, _index: int) -> None:
        current = self.window.pages.currentWidget()
        if current is self.sync_panel:
            self.sync_panel.refresh_status()
        elif current is self.conflicts_page:
            self.conflicts_page.reload()
        elif current is self.duplicates_page:
            self.duplicates_page.reload()

    def _data_changed(self) -> None:
        # A restored backup replaced the whole file under the store: everything is read again.
        self.window.refresh()
        self.city_page.refresh()

    def _structure_changed(self) -> None:
        """An area, site, room, contract or model was saved: the tree, the lists and the reports follow
        (the report on screen is computed again, for the same area or site)."""
        self.window.refresh()
        page = self.reports_page
        scope = page.scope_combo.currentData()
        page.reload_scopes()
        if scope:
            page.select(page.report_name(), scope[1])
        if page.result is not None:
            page.run_report()

    # -- dialogs ------------------------------------------------------------------------------------
    # Dialogs import their modules when first opened (barcode, openpyxl, cryptography stay out of the start).
    def open_labels(self) -> QDialog:
        from inventory_app.ui.labels_dialog import LabelsDialog

        dialog = LabelsDialog(self.window.ctx, self.window.runner, self._parent())
        # The site being audited, else the one picked in the tree: not the first site of the list.
        page = self.window.audit_page
        site_id = page.session.site_id if page.session is not None else getattr(page, "_tree_site", "")
        for site in self.window.service.sites() if site_id else []:
            if site.id == site_id:
                dialog.site_combo.setCurrentIndex(max(0, dialog.site_combo.findData(site.code or site.id)))
        return self._show(dialog)

    def open_import(self) -> QDialog:
        from inventory_app.ui.import_wizard import ImportWizard

        wizard = ImportWizard(self.window.ctx, self.window.runner, self._parent())
        return self._show(wizard)

    def open_central_import(self) -> QDialog:
        from inventory_app.ui.central_import_dialog import CentralImportDialog

        dialog = CentralImportDialog(self.window.ctx, self.window.runner, self._parent())
        return self._show(dialog)

    def open_targets(self) -> QDialog:
        from inventory_app.ui.targets_dialog import TargetsDialog

        return self._show(TargetsDialog(self.window.ctx, self._parent()))

    def open_backups(self) -> QDialog:
        from inventory_app.ui.backups_dialog import BackupsDialog

        dialog = BackupsDialog(self.window.ctx, self.window.runner, self._parent())
        dialog.store_restored.connect(lambda _path: self._data_changed())
        return self._show(dialog)

    def open_about(self) -> QDialog:
        from inventory_app.ui.about_dialog import AboutDialog

        return self._show(AboutDialog(self.window.ctx, self._parent()))

    def _parent(self) -> QWidget:
        return self.window

    def shutdown(self) -> None:
        self.online_timer.stop()
        if self._camera_panel is not None:
            self._camera_panel.shutdown()
