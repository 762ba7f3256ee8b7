"""Lease fields in the device form and in bulk edit (ownership, contract, lease end, monthly fee)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from inventory_app.core.identifiers import make_tag
from inventory_app.inventory.browse import DeviceBrowser
from inventory_app.inventory.service import InventoryService
from inventory_app.inventory.structure import StructureService
from inventory_app.ui.bulk_edit_dialog import BulkEditDialog
from inventory_app.ui.device_form import DeviceFormDialog


@pytest.fixture
def contract(store, school):
    return StructureService(store).add_contract(
        "LEA-7", lessor="Atea", start="1.8.2026", end="31.7.2030", monthly_fee="12,50"
    )


def choose(combo, data):
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def press(buttons, which):
    buttons.button(which).click()


def test_a_new_leased_device_is_saved_with_its_contract_end_and_fee(qtbot, store, school, contract):
    dialog = DeviceFormDialog(InventoryService(store), DeviceBrowser(store), default_site_id=school.site_id)
    qtbot.addWidget(dialog)
    tag = make_tag("HKI", 700)
    qtbot.keyClicks(dialog.tag, tag)
    choose(dialog.category, "pupil_laptop")
    choose(dialog.contract, "LEA-7")
    assert dialog.ownership.currentData() == "leased"  # a contract makes the device leased
    qtbot.keyClicks(dialog.edits["lease_end"], "31.12.2029")
    qtbot.keyClicks(dialog.edits["lease_monthly_fee"], "12,50")
    with qtbot.waitSignal(dialog.device_saved, timeout=3000):
        press(dialog.buttons, QDialogButtonBox.StandardButton.Save)
    view = InventoryService(store).show(tag)
    assert (view.ownership, view.contract, view.lease_end.isoformat(), str(view.lease_monthly_fee)) == (
        "leased",
        "LEA-7",
        "2029-12-31",
        "12.50",
    )


@pytest.mark.parametrize(
    ("field", "text", "message"),
    [
        ("lease_end", "31.13.2029", "not a date"),
        ("lease_monthly_fee", "-3", "cannot be negative"),
    ],
)
def test_bad_lease_input_is_refused_and_nothing_is_stored(qtbot, store, school, contract, field, text, message):
    service = InventoryService(store)
    tag = school.tags["A101"][0]
    dialog = DeviceFormDialog(service, DeviceBrowser(store), device_id=service.show(tag).id)
    qtbot.addWidget(dialog)
    dialog.edits[field].setText(text)
    with qtbot.assertNotEmitted(dialog.device_saved):
        press(dialog.buttons, QDialogButtonBox.StandardButton.Save)
    assert message in dialog.error.text()
    assert service.show(tag).lease_end is None


def test_editing_owned_clears_the_contract(qtbot, store, school, contract):
    service = InventoryService(store)
    tag = school.tags["A101"][0]
    service.set(tag, {"contract": "LEA-7"})
    dialog = DeviceFormDialog(service, DeviceBrowser(store), device_id=service.show(tag).id)
    qtbot.addWidget(dialog)
    assert dialog.contract.currentData() == "LEA-7" and dialog.ownership.currentData() == "leased"
    choose(dialog.ownership, "owned")
    assert dialog.contract.currentData() == ""
    with qtbot.waitSignal(dialog.device_saved, timeout=3000):
        press(dialog.buttons, QDialogButtonBox.StandardButton.Save)
    view = service.show(tag)
    assert (view.ownership, view.contract) == ("owned", None)


def test_bulk_edit_puts_devices_under_a_contract_and_undo_takes_them_back(qtbot, main_window, ctx, school):
    StructureService(ctx.store).add_contract("LEA-8", lessor="Atea", start="1.8.2026", end="31.7.2030")
    service = InventoryService(ctx.store)
    ids = [service.show(t).id for t in school.tags["A101"]]
    dialog = BulkEditDialog(DeviceBrowser(ctx.store), ids)
    qtbot.addWidget(dialog)
    choose(dialog.contract, "LEA-8")
    dialog.checks["lease_monthly_fee"].setChecked(True)
    dialog.lease_fee.setText("9,90")
    assert dialog.changes() == {"contract": "LEA-8", "lease_monthly_fee": "9,90", "ownership": "leased"}
    page = main_window.device_page
    assert page.apply_bulk_edit(ids, dialog.changes())
    assert {(service.show(i).contract, str(service.show(i).lease_monthly_fee)) for i in ids} == {("LEA-8", "9.90")}
    page.undo_stack.undo()
    assert {(service.show(i).ownership, service.show(i).contract, service.show(i).lease_monthly_fee) for i in ids} == {
        ("owned", None, None)
    }
