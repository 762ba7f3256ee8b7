"""The feature screens are reachable from the main window, by menu and by keyboard."""

from PySide6.QtWidgets import QDialog

from inventory_app.ui.about_dialog import AboutDialog
from inventory_app.ui.backups_dialog import BackupsDialog
from inventory_app.ui.conflicts_page import ConflictsPage
from inventory_app.ui.duplicates_page import DuplicatesPage
from inventory_app.ui.import_wizard import ImportWizard
from inventory_app.ui.labels_dialog import LabelsDialog
from inventory_app.ui.reports_page import ReportsPage
from inventory_app.ui.sync_panel import SyncPanel
from inventory_app.ui.targets_dialog import TargetsDialog


def test_feature_pages_are_in_the_window_with_shortcuts(main_window):
    kinds = [type(main_window.pages.widget(i)) for i in range(main_window.pages.count())]
    for page in (ReportsPage, SyncPanel, ConflictsPage, DuplicatesPage):
        assert page in kinds
    tooltips = " ".join(a.toolTip() for a in main_window.go_menu.actions())
    for keys in ("Ctrl+3", "Ctrl+4", "Ctrl+5", "Ctrl+6"):
        assert keys in tooltips


def test_reports_page_opens_from_the_go_menu(qtbot, main_window):
    action = next(a for a in main_window.go_menu.actions() if "Ctrl+3" in a.toolTip())
    with qtbot.waitSignal(main_window.pages.currentChanged, timeout=3000):
        action.trigger()
    assert isinstance(main_window.pages.currentWidget(), ReportsPage)


def test_menu_actions_open_the_feature_dialogs(qtbot, main_window):
    features = main_window.features
    for opener, kind in (
        (features.open_labels, LabelsDialog),
        (features.open_import, ImportWizard),
        (features.open_targets, TargetsDialog),
        (features.open_backups, BackupsDialog),
        (features.open_about, AboutDialog),
    ):
        dialog = opener()
        assert isinstance(dialog, kind) and dialog.isVisible()
        with qtbot.waitSignal(dialog.finished, timeout=3000):
            dialog.reject()
        assert dialog not in features.dialogs
    assert isinstance(features.open_central_import(), QDialog)


def test_sync_panel_drives_the_status_bar(qtbot, main_window):
    panel = main_window.features.sync_panel
    with qtbot.waitSignal(panel.online_changed, timeout=3000):
        panel._set_online(True)
    assert "online" in main_window.online_label.text()
    with qtbot.waitSignal(panel.online_changed, timeout=3000):
        panel._set_online(False)
    assert "offline" in main_window.online_label.text()


def test_the_camera_panel_sits_in_audit_mode_and_feeds_the_engine(main_window):
    panel = main_window.features.camera_panel()
    assert panel is main_window.features.camera_panel()  # made once
    assert panel in main_window.audit_page._sources
    assert not main_window.audit_page.code_source_area.isHidden()  # shown with the audit workspace


def test_no_two_active_actions_share_a_shortcut(main_window):
    """A clash makes Qt fire neither action (Ctrl+I was both 'import scan log' and 'import inventory').
    Page actions are enabled only on their page, so each page is checked with the window's own."""
    from PySide6.QtGui import QAction, QKeySequence

    clashes = []
    for index in range(main_window.pages.count()):
        main_window.pages.setCurrentIndex(index)
        seen: dict[str, str] = {}
        for action in main_window.findChildren(QAction):
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.PortableText)
            if not keys or not action.isEnabled():
                continue
            if keys in seen and seen[keys] != action.text():
                clashes.append((index, keys, seen[keys], action.text()))
            seen.setdefault(keys, action.text())
    assert clashes == []


def test_feature_menus_are_in_finnish(qtbot, ctx):
    from PySide6.QtWidgets import QApplication

    from inventory_app.ui.application import install_translators
    from inventory_app.ui.main_window import MainWindow

    app = QApplication.instance()
    install_translators(app, "fi")
    try:
        window = MainWindow(ctx, remember=False)
        qtbot.addWidget(window)
        titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
        assert "Työkalut" in titles and "Ohje" in titles  # (their Alt letters: test_mnemonics.py)
        assert any(a.text().replace("&", "") == "Raportit" for a in window.go_menu.actions())
        window.close()
        window.runner.wait(5000)
    finally:
        install_translators(app, "en")


def test_a_new_audit_starts_at_the_school_picked_in_the_tree(qtbot, main_window):
    """Found by a tester: the start panel kept the first school of the list."""
    sites = main_window.service.sites()
    wanted = sites[-1].id
    with qtbot.waitSignal(main_window.nav.scope_selected, timeout=3000):
        main_window.nav.scope_selected.emit(wanted, "")
    main_window.audit_page.show_start_panel()
    assert main_window.audit_page.start_panel.site.currentData() == wanted
