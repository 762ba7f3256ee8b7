"""The main window: navigation, search-as-you-type, status bar, pages, remembered geometry."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtWidgets import QLabel

from inventory_app.inventory.service import InventoryService
from inventory_app.ui.main_window import MainWindow, window_settings


def test_tree_shows_areas_sites_rooms_with_counts(main_window, school):
    nav = main_window.nav
    city = nav.topLevelItem(0)
    assert (city.text(0), city.text(1)) == ("All sites", "7")
    area = nav.topLevelItem(1)
    sites = {area.child(i).text(0): area.child(i) for i in range(area.childCount())}
    koivukyla = sites["Koivukylän koulu"]
    rooms = {
        koivukyla.child(i).text(0): (koivukyla.child(i).text(1), koivukyla.child(i).text(2))
        for i in range(koivukyla.childCount())
    }
    assert rooms == {"A101": ("4", ""), "A102": ("2", ""), "VA1": ("0", "")}
    # Field trial: long school names are cut at a laptop's tree width; hovering shows all of it.
    assert koivukyla.toolTip(0).startswith("Koivukylän koulu (")


def test_picking_a_room_in_the_tree_filters_the_table(qtbot, main_window, school):
    page = main_window.device_page
    nav = main_window.nav
    koivukyla = nav.topLevelItem(1).child(0)
    with qtbot.waitSignal(page.model.filter_applied, timeout=3000):
        nav.setCurrentItem(koivukyla.child(1))  # A102
    assert page.model.rowCount() == 2 and page.count.text() == "2 device(s)"


def test_search_as_you_type_updates_the_table(qtbot, main_window, ctx, school):
    page = main_window.device_page
    with qtbot.waitSignal(main_window.runner.busy_changed, check_params_cb=lambda b: not b, timeout=5000):
        page.load_index()
    page.search.setFocus()
    with qtbot.waitSignal(page.model.filter_applied, timeout=3000):
        qtbot.keyClicks(page.search, "sn0005")
    qtbot.waitUntil(lambda: page.model.filter.query == "sn0005", timeout=3000)
    assert [page.model.row_of(r).asset_tag for r in range(page.model.rowCount())] == [school.tags["A102"][0]]
    with qtbot.waitSignal(page.model.filter_applied, timeout=3000):
        page.search.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == 7, timeout=3000)


def test_status_bar_shows_store_auditor_pending_changes_and_connection(main_window, ctx):
    texts = [w.text() for w in main_window.statusBar().findChildren(QLabel)]
    assert any(t == "Store: store.sqlite" for t in texts)
    assert any(t.startswith("Auditor: not set") for t in texts)
    pending = ctx.store.pending_changes()
    assert pending > 0 and f"{pending} change(s) not yet synced" in texts
    main_window.set_online(False)
    assert main_window.online_label.text() == "● offline — working locally"
    main_window.set_online(True)
    assert main_window.online_label.text() == "● online"


def test_other_features_plug_in_a_page_with_one_line(qtbot, main_window):
    report = QLabel("another feature")
    action = main_window.add_page(report, "&Another", "Ctrl+9")
    assert main_window.pages.indexOf(report) == main_window.pages.count() - 1
    assert "Ctrl+9" in action.toolTip() and action in main_window.go_menu.actions()
    action.trigger()
    assert main_window.pages.currentWidget() is report
    assert not main_window.device_page.new_action.isEnabled()  # other pages' shortcuts are off


def test_every_menu_action_has_a_shortcut(main_window):
    missing = []
    for menu_action in main_window.menuBar().actions():
        for action in menu_action.menu().actions():
            if not action.isSeparator() and action.shortcut().isEmpty():
                missing.append(action.text())
    assert missing == []


def test_geometry_and_splitter_are_remembered_under_the_config_folder(qtbot, ctx, school):
    first = MainWindow(ctx)
    qtbot.addWidget(first)
    first.resize(1000, 700)  # inside the test screen (1366x768): restoreGeometry clamps to the screen
    first.show()
    first.splitter.setSizes([250, 540])
    first.close()
    ini = ctx.paths.config_dir / "window.ini"
    assert ini.exists()
    assert isinstance(window_settings(ctx).value("window/geometry"), QByteArray)
    second = MainWindow(ctx)
    qtbot.addWidget(second)
    second.show()
    assert second.size().width() == 1000 and second.splitter.sizes()[0] == 250


def test_settings_dialog_updates_the_status_bar(qtbot, main_window, ctx):
    dialog = main_window.open_settings()
    qtbot.addWidget(dialog)
    dialog.auditor.setText("Aino Auditor")
    with qtbot.waitSignal(dialog.settings_saved, timeout=2000):
        dialog.save()
    assert main_window.auditor_label.text() == "Auditor: Aino Auditor"


def test_a_bulk_edit_from_the_device_page_with_the_keyboard(qtbot, main_window, ctx, school):
    page = main_window.device_page
    with qtbot.waitActive(main_window):
        main_window.activateWindow()
    page.table.setFocus()
    page.table.selectRow(0)
    qtbot.keyClick(page.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert len(page.selected_ids()) == 2
    dialog = page.bulk_edit()
    qtbot.addWidget(dialog)
    chosen = list(page.selected_ids())
    dialog.checks["status"].setChecked(True)
    dialog.status.setCurrentIndex(dialog.status.findData("broken"))
    with qtbot.waitSignal(page.devices_changed, timeout=3000):
        dialog.accept()
    service = InventoryService(ctx.store)
    assert {service.show(i).status for i in chosen} == {"broken"}
    with qtbot.waitSignal(page.devices_changed, timeout=3000):
        qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert {service.show(i).status for i in dialog.device_ids} == {"in_use"}
