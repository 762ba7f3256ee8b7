"""Field trial: after a device moved from A102 to A101 during an audit, A102 said "2 of 3 found" with two
rows, and the tree's counts (A101 3, A102 3) changed only when the audit was finished."""

from __future__ import annotations

from inventory_app.core.enums import ScanOutcome
from inventory_app.inventory.service import InventoryService


def _tree_counts(window) -> dict[str, str]:  # type: ignore[no-untyped-def]
    out = {}
    for i in range(window.nav.topLevelItemCount()):
        area = window.nav.topLevelItem(i)
        for j in range(area.childCount()):
            site = area.child(j)
            out[site.text(0)] = site.text(1)
            for k in range(site.childCount()):
                room = site.child(k)
                out[room.text(0).split()[0]] = room.text(1)
    return out


def _pick(qtbot, page, room_id):  # type: ignore[no-untyped-def]
    with (
        # (the room's id: a reload of the previous room, after a move, may still be on its way)
        qtbot.waitSignal(page.room_loaded, check_params_cb=lambda shown: shown == room_id, timeout=5000),
        qtbot.waitSignal(page.counts_updated, timeout=5000),
    ):
        page.pick_room(room_id)


def test_counts_the_room_table_and_the_tree_follow_a_move_and_its_undo(qtbot, main_window, ctx, school):
    window, page = main_window, main_window.audit_page
    window.show_page(page)
    page.start_audit(school.site_id, "Aino")
    _pick(qtbot, page, school.rooms["A101"])
    assert (_tree_counts(window)["A101"], _tree_counts(window)["A102"]) == ("4", "2")
    projector = school.tags["A102"][0]
    with (
        qtbot.waitSignal(window.store_changes.changed, check_params_cb=lambda c: c.placed, timeout=5000),
        qtbot.waitSignal(page.scan_shown, timeout=5000) as shown,
    ):
        page.handle_code(projector)
    assert shown.args[0].outcome is ScanOutcome.MOVED
    assert (_tree_counts(window)["A101"], _tree_counts(window)["A102"]) == ("5", "1")  # not at the finish

    _pick(qtbot, page, school.rooms["A102"])
    assert page.room_model.rowCount() == 1
    assert page.progress_label.text() == "0 of 1 expected in A102 found · 1 moved to another room"
    with qtbot.waitSignal(page.counts_updated, timeout=5000):
        page.handle_code(school.tags["A102"][1])
    assert page.progress_label.text().startswith("1 of 1 expected in A102 found")

    # Undo twice: the A102 scan, then the move; the projector is back in A102, in the table and the tree.
    with qtbot.waitSignal(page.counts_updated, timeout=5000):
        page.undo_last()
    with (
        qtbot.waitSignal(window.store_changes.changed, check_params_cb=lambda c: c.placed, timeout=5000),
        qtbot.waitSignal(page.counts_updated, timeout=5000),
    ):
        page.undo_last()
    assert InventoryService(ctx.store).show(projector).room == "A102"
    assert page.room_model.rowCount() == 2
    assert page.progress_label.text() == "0 of 2 expected in A102 found"
    assert (_tree_counts(window)["A101"], _tree_counts(window)["A102"]) == ("4", "2")


def test_a_device_moved_into_the_room_elsewhere_shows_in_the_audit(qtbot, main_window, ctx, school):
    page = main_window.audit_page
    main_window.show_page(page)
    page.start_audit(school.site_id, "Aino")
    _pick(qtbot, page, school.rooms["A101"])
    assert page.progress_label.text() == "0 of 4 expected in A101 found"
    with (
        qtbot.waitSignal(page.room_loaded, timeout=5000),
        qtbot.waitSignal(page.counts_updated, check_params_cb=lambda t: t.startswith("0 of 5"), timeout=5000),
    ):
        main_window.runner.run(lambda _p: InventoryService(ctx.store).set(school.tags["A102"][0], {"room": "A101"}))
    assert page.room_model.rowCount() == 5
