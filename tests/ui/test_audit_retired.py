"""Field trial: a device recorded as retired, scanned in its room, showed a plain green "FOUND", and the
room's count left it out while its row said found."""

from __future__ import annotations

from PySide6.QtCore import Qt

from inventory_app.audit.results import ScanReason
from inventory_app.core.enums import ScanOutcome
from inventory_app.inventory.service import InventoryService


def _start(qtbot, page, school):  # type: ignore[no-untyped-def]
    page.start_audit(school.site_id, "Aino")
    with (
        qtbot.waitSignal(page.counts_updated, check_params_cb=lambda text: "A101" in text, timeout=5000),
        qtbot.waitSignal(page.room_loaded, timeout=5000),
    ):
        page.pick_room(school.rooms["A101"])


def _scan(qtbot, page, code: str):  # type: ignore[no-untyped-def]
    with (
        qtbot.waitSignal(page.scan_shown, timeout=5000) as shown,
        qtbot.waitSignal(page.counts_updated, timeout=5000),
    ):
        page.handle_code(code)
    return shown.args[0]


def test_a_retired_device_gets_its_own_card_counts_and_alt_b(qtbot, main_window, ctx, school):
    tag = school.tags["A101"][3]
    InventoryService(ctx.store).set(tag, {"status": "retired"})
    page = main_window.audit_page
    main_window.show_page(page)
    with qtbot.waitActive(main_window):
        main_window.activateWindow()
    _start(qtbot, page, school)
    device_id = InventoryService(ctx.store).show(tag).id
    row = page.room_model.device_ids().index(device_id)
    assert page.room_model.index(row, 0).data() == "Retired"  # not expected here, and the table says why
    assert page.progress_label.text() == "0 of 3 expected in A101 found"

    result = _scan(qtbot, page, tag)
    assert result.reason is ScanReason.MARKED_RETIRED
    assert page.card.look == "retired" and page.card.title.text() == "FOUND — MARKED RETIRED"
    assert "Alt+B" in page.card.detail.text() and page.card.back_button.isVisibleTo(page.card)
    assert page.room_model.index(row, 0).data() == "! found, marked retired"
    assert page.progress_label.text() == "0 of 3 expected in A101 found · 1 found marked retired"
    assert "1 found marked retired" in page.counts_label.text()
    assert "Found, marked retired" in page.history.item(0).text()

    with (
        qtbot.waitSignal(page.scan_shown, timeout=5000) as shown,
        qtbot.waitSignal(page.counts_updated, check_params_cb=lambda t: t.startswith("1 of 4"), timeout=5000),
    ):
        qtbot.keyClick(page.scan_field, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    assert shown.args[0].reason is ScanReason.RETURNED_TO_USE and shown.args[0].outcome is ScanOutcome.FOUND
    assert InventoryService(ctx.store).show(tag).status == "in_use"
    assert page.card.title.text() == "BACK IN USE" and page.card.look == "found"
    assert page.room_model.index(row, 0).data() == "✓ found"
    assert page.progress_label.text() == "1 of 4 expected in A101 found"
    assert "marked retired" not in page.counts_label.text()


def test_alt_b_does_nothing_after_an_ordinary_scan(qtbot, main_window, ctx, school):
    page = main_window.audit_page
    _start(qtbot, page, school)
    assert _scan(qtbot, page, school.tags["A101"][0]).outcome is ScanOutcome.FOUND
    assert page.back_in_use() is None and not page.card.back_button.isVisibleTo(page.card)
