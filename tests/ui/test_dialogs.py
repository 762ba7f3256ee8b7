"""Each dialog driven through its real widgets (no exec(): fill in, then press its buttons)."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import select

from inventory_app.audit.engine import AuditSession
from inventory_app.audit.observations import Measurement
from inventory_app.core.enums import MissingDecision, ScanOutcome
from inventory_app.core.identifiers import make_tag
from inventory_app.inventory.browse import DeviceBrowser
from inventory_app.inventory.service import InventoryService
from inventory_app.storage.schema import DeviceRecord, ObservationRecord
from inventory_app.ui.bulk_edit_dialog import BulkEditDialog
from inventory_app.ui.device_form import DeviceFormDialog
from inventory_app.ui.missing_dialog import MissingDialog
from inventory_app.ui.observation_dialog import ObservationDialog
from inventory_app.ui.quick_add_dialog import QuickAddDialog
from inventory_app.ui.settings_dialog import SettingsDialog
from inventory_app.ui.tasks import TaskRunner


def device_count(store) -> int:
    with store.read() as s:
        return len(s.scalars(select(DeviceRecord.id)).all())


def press(buttons: QDialogButtonBox, which: QDialogButtonBox.StandardButton) -> None:
    buttons.button(which).click()


def choose(combo, data) -> None:  # type: ignore[no-untyped-def]
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


# -- device form ---------------------------------------------------------------------------------


def test_new_device_form_saves_a_checked_device(qtbot, store, school):
    dialog = DeviceFormDialog(InventoryService(store), DeviceBrowser(store), default_site_id=school.site_id)
    qtbot.addWidget(dialog)
    tag = make_tag("HKI", 500)
    qtbot.keyClicks(dialog.tag, tag)
    choose(dialog.category, "document_camera")
    choose(dialog.room, school.rooms["VA1"])
    qtbot.keyClicks(dialog.edits["serial"], "DC-777")
    qtbot.keyClicks(dialog.edits["purchase_date"], "15.8.2024")
    qtbot.keyClicks(dialog.edits["purchase_price"], "289,90")
    with qtbot.waitSignal(dialog.device_saved, timeout=3000) as saved:
        press(dialog.buttons, QDialogButtonBox.StandardButton.Save)
    view = InventoryService(store).show(tag)
    assert saved.args == [view.id]
    assert (view.category, view.room, view.serial, str(view.purchase_price)) == (
        "document_camera",
        "VA1",
        "DC-777",
        "289.90",
    )


@pytest.mark.parametrize(
    ("field", "text", "message"),
    [
        ("tag", "HKI0000011", "check character"),
        ("purchase_date", "31.2.2024", "not a date"),
        ("purchase_price", "-5", "cannot be negative"),
    ],
)
def test_new_device_form_refuses_bad_input_and_stores_nothing(qtbot, store, school, field, text, message):
    dialog = DeviceFormDialog(InventoryService(store), DeviceBrowser(store), default_site_id=school.site_id)
    qtbot.addWidget(dialog)
    before = device_count(store)
    dialog.tag.setText(make_tag("HKI", 600))
    widget = dialog.tag if field == "tag" else dialog.edits[field]
    widget.setText(text)
    with qtbot.assertNotEmitted(dialog.device_saved):
        press(dialog.buttons, QDialogButtonBox.StandardButton.Save)
    assert message in dialog.error.text()
    assert device_count(store) == before


def test_edit_form_changes_only_what_was_edited(qtbot, store, school):
    tag = school.tags["A101"][0]
    service = InventoryService(store)
    dialog = DeviceFormDialog(service, DeviceBrowser(store), device_id=service.show(tag).id)
    qtbot.addWidget(dialog)
    assert dialog.tag.text() == tag and dialog.room.currentData() == school.rooms["A101"]
    choose(dialog.status, "broken")
    choose(dialog.room, school.rooms["A102"])
    with qtbot.waitSignal(dialog.device_saved, timeout=3000):
        press(dialog.buttons, QDialogButtonBox.StandardButton.Save)
    view = service.show(tag)
    assert (view.status, view.room, view.serial, view.model) == ("broken", "A102", "SN0001", "300e")


# -- bulk edit -------------------------------------------------------------------------------------


def test_bulk_edit_dialog_collects_the_ticked_changes(qtbot, store, school):
    service = InventoryService(store)
    ids = [service.show(t).id for t in school.tags["A101"]]
    dialog = BulkEditDialog(DeviceBrowser(store), ids)
    qtbot.addWidget(dialog)
    assert dialog.checks["room"].isEnabled()  # one site: rooms can be set
    choose(dialog.status, "spare")
    dialog.status.activated.emit(dialog.status.currentIndex())  # choosing a value ticks its box
    dialog.checks["room"].setChecked(True)
    choose(dialog.room, school.rooms["VA1"])
    assert dialog.changes() == {"status": "spare", "room": school.rooms["VA1"]}


def test_bulk_edit_dialog_needs_something_ticked(qtbot, store, school):
    dialog = BulkEditDialog(DeviceBrowser(store), [InventoryService(store).show(school.tags["A101"][0]).id])
    qtbot.addWidget(dialog)
    with qtbot.assertNotEmitted(dialog.accepted):
        press(dialog.buttons, QDialogButtonBox.StandardButton.Ok)
    assert "at least one" in dialog.error.text()


def test_bulk_edit_across_sites_cannot_set_a_room(qtbot, store, school):
    service = InventoryService(store)
    ids = [service.show(school.tags["A101"][0]).id, service.show(school.tags["B1"][0]).id]
    dialog = BulkEditDialog(DeviceBrowser(store), ids)
    qtbot.addWidget(dialog)
    assert not dialog.checks["room"].isEnabled()


def test_bulk_edit_is_undone_and_redone_through_the_undo_stack(qtbot, main_window, ctx, school):
    page = main_window.device_page
    service = InventoryService(ctx.store)
    laptops = [service.show(t) for t in school.tags["A101"][:3]]
    service.set(laptops[0].id, {"status": "broken"})  # a different earlier value must come back too
    ids = [v.id for v in laptops]
    assert page.apply_bulk_edit(ids, {"status": "spare", "room": school.rooms["VA1"], "category": "chromebook"})
    after = [service.show(i) for i in ids]
    assert {(v.status, v.room, v.category) for v in after} == {("spare", "VA1", "chromebook")}
    page.undo_stack.undo()
    restored = [service.show(i) for i in ids]
    assert [(v.status, v.room, v.category) for v in restored] == [
        ("broken", "A101", "pupil_laptop"),
        ("in_use", "A101", "pupil_laptop"),
        ("in_use", "A101", "pupil_laptop"),
    ]
    page.undo_stack.redo()
    assert {service.show(i).status for i in ids} == {"spare"}


def test_a_refused_bulk_edit_changes_nothing_and_is_not_undoable(qtbot, main_window, ctx, school):
    page = main_window.device_page
    service = InventoryService(ctx.store)
    ids = [service.show(t).id for t in school.tags["A101"]]
    assert not page.apply_bulk_edit(ids, {"status": "spare", "category": "no_such_category"})
    assert "no category" in page.count.text()
    assert {service.show(i).status for i in ids} == {"in_use"}
    assert page.undo_stack.count() == 0


# -- settings ---------------------------------------------------------------------------------------


def test_settings_are_saved_to_the_config_file(qtbot, ctx, school):
    dialog = SettingsDialog(ctx, InventoryService(ctx.store).sites())
    qtbot.addWidget(dialog)
    dialog.auditor.clear()
    qtbot.keyClicks(dialog.auditor, "  Aino   Auditor ")
    choose(dialog.language, "fi")
    assert dialog.note.isVisibleTo(dialog)
    choose(dialog.default_site, school.site_id)
    dialog.sound.setChecked(False)
    with qtbot.waitSignal(dialog.settings_saved, check_params_cb=lambda changed: changed is True, timeout=2000):
        dialog.save()
    saved = json.loads(ctx.paths.config_file.read_text(encoding="utf-8"))
    assert (saved["auditor"], saved["language"], saved["default_site"], saved["sound"]) == (
        "Aino Auditor",
        "fi",
        school.site_id,
        False,
    )


# -- audit dialogs ------------------------------------------------------------------------------------


@pytest.fixture
def audit(store, school):  # type: ignore[no-untyped-def]
    session = AuditSession.start(store, school.site_id, "Aino")
    session.set_room(school.rooms["A101"])
    return session


def test_quick_add_registers_the_unknown_code_in_the_room(qtbot, store, audit):
    result = audit.scan("SN-NEW-42")
    assert result.outcome is ScanOutcome.UNKNOWN
    dialog = QuickAddDialog(result.code, "A101", DeviceBrowser(store).categories(), audit.quick_add)
    qtbot.addWidget(dialog)
    before = device_count(store)
    with qtbot.assertNotEmitted(dialog.device_registered):
        press(dialog.buttons, QDialogButtonBox.StandardButton.Save)  # no category yet
    assert "category" in dialog.error.text().lower() and device_count(store) == before
    choose(dialog.category, "tablet")
    qtbot.keyClicks(dialog.model, "Apple iPad 10.2")
    with qtbot.waitSignal(dialog.device_registered, timeout=3000) as registered:
        press(dialog.buttons, QDialogButtonBox.StandardButton.Save)
    view = registered.args[0].device
    assert (view.serial, view.category, view.room, view.model) == ("SN-NEW-42", "tablet", "A101", "iPad 10.2")


def test_observation_dialog_measures_off_the_ui_thread_and_records_the_figures(qtbot, store, school, audit):
    runner = TaskRunner()
    measurement = Measurement("central:5432", 38.4, 20.0, -67.0, 5)
    saved: list[str] = []

    def save(kind, severity, note, m):  # type: ignore[no-untyped-def]
        from inventory_app.audit.observations import record_observation

        saved.append(
            record_observation(
                store,
                site_id=school.site_id,
                room_id=audit.current_room_id,
                audit_id=audit.audit_id,
                kind=kind,
                severity=severity,
                text=note,
                measurement=m,
                auditor="Aino",
            )
        )
        return saved[-1]

    dialog = ObservationDialog("A101", save, lambda: measurement, runner, kind="printing")
    qtbot.addWidget(dialog)
    assert dialog.kind() == "printing"
    network = next(b for b in dialog.kinds.buttons() if b.property("kind") == "network")
    network.click()
    choose(dialog.severity, "high")
    qtbot.keyClicks(dialog.note, "Wi-Fi drops at the back of the room")
    with qtbot.waitSignal(dialog.measured, timeout=5000):
        qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    assert "38 ms" in dialog.figures.text() and "20 %" in dialog.figures.text() and "-67 dBm" in dialog.figures.text()
    with qtbot.waitSignal(dialog.observation_saved, timeout=3000):
        press(dialog.buttons, QDialogButtonBox.StandardButton.Save)
    with store.read() as s:
        record = s.get(ObservationRecord, saved[0])
        assert (
            record.kind,
            record.severity,
            record.text,
            record.latency_ms,
            record.packet_loss_pct,
            record.wifi_signal_dbm,
            record.room_id,
        ) == ("network", "high", "Wi-Fi drops at the back of the room", 38.4, 20.0, -67.0, school.rooms["A101"])


def test_a_failed_connection_check_says_why(qtbot, audit):
    runner = TaskRunner()

    def fail():  # type: ignore[no-untyped-def]
        raise OSError("network unreachable")

    dialog = ObservationDialog("A101", lambda *a: "x", fail, runner)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(runner.busy_changed, check_params_cb=lambda busy: not busy, timeout=5000):
        dialog.check_button.click()
    assert "network unreachable" in dialog.figures.text() and dialog.measurement is None


def test_missing_dialog_sets_decisions_with_the_keyboard(qtbot, store, school, audit):
    audit.scan(school.tags["A101"][0])
    missing = audit.missing()
    assert len(missing) == 3
    dialog = MissingDialog(missing)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.table.selectRow(0)
    qtbot.keyClick(dialog.table, Qt.Key.Key_L)
    dialog.table.selectRow(2)
    qtbot.keyClick(dialog.table, Qt.Key.Key_R)
    decisions = dialog.decisions()
    assert [decisions[d.id] for d in missing] == [
        MissingDecision.LOST,
        MissingDecision.NOT_CHECKED,
        MissingDecision.RETIRED,
    ]
