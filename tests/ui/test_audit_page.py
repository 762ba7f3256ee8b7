"""Audit page paths beside the keyboard: camera source, scan logs, observations, picking rooms, bad input."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget
from sqlalchemy import select

from inventory_app.core.enums import ScanMethod, ScanOutcome
from inventory_app.inventory.service import InventoryService
from inventory_app.storage.schema import ObservationRecord, ScanEventRecord


class FakeCamera(QWidget):
    code_scanned = Signal(str, str)


class HeadlessSource(QObject):
    code_scanned = Signal(str, str)


def scan(qtbot, page, code: str):  # type: ignore[no-untyped-def]
    """A code through the page; the result once it is stored and shown."""
    with qtbot.waitSignal(page.scan_shown, timeout=5000) as shown:
        page.handle_code(code)
    return shown.args[0]


def start(qtbot, page, school):  # type: ignore[no-untyped-def]
    page.start_audit(school.site_id, "Aino")
    with qtbot.waitSignal(page.scan_shown, timeout=5000):
        page.pick_room(school.rooms["A101"])


def test_a_camera_panel_plugs_into_the_same_path_as_the_keyboard(qtbot, main_window, ctx, school):
    page = main_window.audit_page
    start(qtbot, page, school)
    camera = FakeCamera()
    page.attach_code_source(camera)
    assert page.code_source_area.isVisibleTo(page) and camera.parent() is page.code_source_area
    with qtbot.waitSignal(page.scan_shown, timeout=3000) as shown:
        camera.code_scanned.emit("Code128", "\x1d" + school.tags["A101"][0] + "\r")  # control noise from a decoder
    assert shown.args[0].outcome is ScanOutcome.FOUND
    source = HeadlessSource()
    page.attach_code_source(source)
    with qtbot.waitSignal(page.scan_shown, timeout=3000):
        source.code_scanned.emit("QRCode", school.tags["A101"][1])
    with ctx.store.read() as s:
        methods = [
            (e.method, e.symbology)
            for e in s.scalars(select(ScanEventRecord).where(ScanEventRecord.device_id.is_not(None)))
        ]
    assert methods == [(ScanMethod.CAMERA.value, "Code128"), (ScanMethod.CAMERA.value, "QRCode")]


def test_scanning_before_an_audit_or_a_room_records_nothing(qtbot, main_window, ctx, school):
    page = main_window.audit_page
    with qtbot.assertNotEmitted(page.scan_shown):
        page.handle_code(school.tags["A101"][0])
    assert page.card.title.text() == "NO AUDIT OPEN"
    page.start_audit(school.site_id, "Aino")
    result = scan(qtbot, page, school.tags["A101"][0])
    assert result.outcome is ScanOutcome.INVALID and page.card.title.text() == "NO ROOM YET"
    other_label = "RMTAP02B1"
    assert scan(qtbot, page, other_label).outcome is ScanOutcome.INVALID
    assert page.card.title.text() == "OTHER SITE"
    with ctx.store.read() as s:
        assert s.scalars(select(ScanEventRecord)).all() == []


def test_an_ambiguous_code_is_explained_and_changes_no_device(qtbot, main_window, ctx, school):
    from inventory_app.storage import repositories as repo

    service = InventoryService(ctx.store)
    a, b = school.tags["A101"][0], school.tags["A102"][0]
    # Duplicates arrive through sync (typing one is refused): set both directly in the store.
    with ctx.store.unit_of_work() as uow:
        for tag in (a, b):
            repo.device_by_identifier(uow.session, tag).inventory_number = "INV-SAME"
    page = main_window.audit_page
    start(qtbot, page, school)
    result = scan(qtbot, page, "inv-same")
    assert result.outcome is ScanOutcome.AMBIGUOUS and page.card.look == "ambiguous"
    assert "2 devices" in page.card.detail.text()
    assert service.show(b).room == "A102"


def test_picking_a_room_from_the_list_makes_it_current_and_marks_the_tree(qtbot, main_window, school):
    page = main_window.audit_page
    start(qtbot, page, school)
    combo = page.room_combo
    combo.setCurrentIndex(combo.findData(school.rooms["A102"]))
    with (
        qtbot.waitSignal(page.room_loaded, check_params_cb=lambda room: room == school.rooms["A102"], timeout=3000),
        qtbot.waitSignal(page.counts_updated, check_params_cb=lambda text: "A102" in text, timeout=3000),
    ):
        combo.activated.emit(combo.currentIndex())
    assert page.session.current_room_code == "A102" and page.room_model.rowCount() == 2
    assert page.progress_label.text() == "0 of 2 expected in A102 found"
    states = {}
    area = main_window.nav.topLevelItem(1)
    for j in range(area.childCount()):
        site = area.child(j)
        for k in range(site.childCount()):
            states[site.child(k).text(0).split()[0]] = site.child(k).text(2)
    assert states["A102"] == "current room" and states["A101"] == "scanned"


def test_a_scan_log_is_imported_off_the_ui_thread_through_the_engine(qtbot, main_window, ctx, school, tmp_path):
    page = main_window.audit_page
    start(qtbot, page, school)
    log = tmp_path / "scanner.txt"
    log.write_text(
        "\n".join(
            [
                school.labels["A102"],
                school.tags["A102"][0],
                school.tags["A102"][0],
                school.tags["A101"][3],
                "UNKNOWN-42",
                "HKI0000011",
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    with qtbot.waitSignal(page.log_import_finished, check_params_cb=lambda ok: ok, timeout=10000):
        page.import_log_file(log)
        assert page.importing and not page.scan_field.isEnabled()
        with qtbot.assertNotEmitted(page.scan_shown):
            page.handle_code(school.tags["A101"][0])  # scanning waits for the import
        assert page.card.title.text() == "Importing…"
    assert page.card.title.text() == "SCAN LOG IMPORTED"
    assert "1 found, 1 moved, 1 unknown" in page.card.main.text()
    assert "1 repeat ignored, 1 invalid" in page.card.detail.text()
    assert page.session.current_room_code == "A102" and page.scan_field.isEnabled()
    assert InventoryService(ctx.store).show(school.tags["A101"][3]).room == "A102"


def test_a_broken_scan_log_changes_nothing_and_says_why(qtbot, main_window, ctx, school, tmp_path):
    page = main_window.audit_page
    start(qtbot, page, school)
    log = tmp_path / "empty.txt"
    log.write_text("# nothing here\n\n", encoding="utf-8")
    with qtbot.waitSignal(page.log_import_finished, check_params_cb=lambda ok: not ok, timeout=10000):
        page.import_log_file(log)
    assert page.card.title.text() == "NOT RECORDED" and "no codes" in page.card.main.text()
    assert page.scan_field.isEnabled() and not page.importing


def test_an_observation_takes_two_clicks(qtbot, main_window, ctx, school):
    page = main_window.audit_page
    start(qtbot, page, school)
    page.observation_buttons["printing"].click()  # click 1
    dialog = next(w for w in page.findChildren(QWidget) if type(w).__name__ == "ObservationDialog")
    qtbot.addWidget(dialog)
    assert dialog.kind() == "printing"
    with qtbot.waitSignal(dialog.observation_saved, timeout=3000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()  # click 2
    with ctx.store.read() as s:
        record = s.scalars(select(ObservationRecord)).one()
    assert (record.kind, record.severity, record.room_id, record.auditor) == (
        "printing",
        "medium",
        school.rooms["A101"],
        "Aino",
    )


def test_the_connection_check_without_a_central_server_measures_the_host_set_and_says_so(
    qtbot, main_window, ctx, school
):
    page = main_window.audit_page
    start(qtbot, page, school)
    ctx.config.central_url = ""
    # A closed local port: refused at once, so the check ends quickly and offline.
    ctx.config.check_host = "127.0.0.1:9"
    dialog = page.open_observation("network")
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.measured, timeout=15000):
        dialog.check_button.click()
    text = dialog.figures.text()
    assert "127.0.0.1:9" in text and "Settings" in text and "100 %" in text


def test_quick_add_from_the_card_registers_the_code(qtbot, main_window, ctx, school):
    page = main_window.audit_page
    start(qtbot, page, school)
    scan(qtbot, page, "SERIAL-ABC-1")
    dialog = page.quick_add()
    qtbot.addWidget(dialog)
    assert dialog.code_edit.text() == "SERIAL-ABC-1"
    dialog.category.setCurrentIndex(dialog.category.findData("document_camera"))
    with qtbot.waitSignal(page.scan_shown, timeout=3000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert page.card.look == "found"
    view = InventoryService(ctx.store).show("SERIAL-ABC-1")
    assert (view.category, view.room, view.status) == ("document_camera", "A101", "in_use")
    assert page.room_model.state_of(view.id) == "found"


def test_the_start_panel_refuses_an_unknown_site_name(qtbot, main_window, school):
    page = main_window.audit_page
    main_window.show_page(page)
    panel = page.start_panel
    panel.site.setEditText("No such school")
    with qtbot.assertNotEmitted(panel.start_requested):
        qtbot.keyClick(panel.site, Qt.Key.Key_Return)
    assert "Choose a site" in panel.error.text() and page.session is None


def test_keyboard_focus_returns_to_the_scan_field(qtbot, main_window, school):
    page = main_window.audit_page
    main_window.show_page(page)
    with qtbot.waitActive(main_window):
        main_window.activateWindow()
    start(qtbot, page, school)
    page.room_combo.setFocus()
    qtbot.keyClick(page.room_combo, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is page.scan_field


def test_a_site_created_while_the_window_runs_can_be_audited(qtbot, main_window, ctx, school):
    """Field trial on a fresh store: sites made on the City page never reached the audit's site list."""
    from inventory_app.inventory.structure import StructureService

    page = main_window.audit_page
    main_window.show_page(page)
    site = StructureService(ctx.store).add_site("UUS01", name="Uusi koulu", area="Pohjoinen", kind="primary")
    main_window.show_page(main_window.features.city_page)
    main_window.show_page(page)
    assert page.start_panel.site.findData(site.id) >= 0
