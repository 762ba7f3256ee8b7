"""One notification of what a write changed drives the window: tree, device table, pending counts.

Writes made anywhere (a worker, a dialog, another program) reach every view without any page
telling the others.
"""

import subprocess
import sys

from inventory_app.core.identifiers import make_tag
from inventory_app.inventory.service import InventoryService


def _room_texts(window) -> list[str]:
    out = []
    for i in range(window.nav.topLevelItemCount()):
        area = window.nav.topLevelItem(i)
        for j in range(area.childCount()):
            site = area.child(j)
            out.extend(site.child(k).text(0) for k in range(site.childCount()))
    return out


def test_a_write_in_a_worker_updates_the_status_bar_and_the_sync_page(qtbot, main_window, ctx, school):
    window = main_window
    window.show_page(window.features.sync_panel)
    before = ctx.store.pending_changes()
    service = InventoryService(ctx.store)
    tag = school.tags["A101"][0]
    with qtbot.waitSignal(window.store_changes.changed, timeout=3000):
        window.runner.run(lambda _p: service.set(tag, {"status": "broken"}))
    after = ctx.store.pending_changes()
    assert after == before + 1
    qtbot.waitUntil(lambda: str(after) in window.pending_label.text(), timeout=3000)  # at most 0.5 s later
    assert f"{after} " in window.features.sync_panel.detail_label.text(), "one source for both counts"


def test_the_device_table_and_tree_follow_an_edit_while_the_device_page_shows(qtbot, main_window, ctx, school):
    window = main_window
    window.show_page(window.device_page)
    service = InventoryService(ctx.store)
    with qtbot.waitSignal(window.store_changes.changed, timeout=3000):
        service.add(tag=make_tag("HKI", 99), category="tablet", site="KOI01", room="VA1", fields={"serial": "NEW-1"})
    qtbot.waitUntil(lambda: window.device_page.model.rowCount() == 8, timeout=5000)
    assert any("VA1" in t and "1" in t for t in _room_texts(window)), _room_texts(window)


def test_another_program_writing_the_store_is_noticed(qtbot, main_window, ctx, school, store_path):
    window = main_window
    tag = school.tags["A102"][0]
    code = (
        "from inventory_app.storage.store import Store\n"
        "from inventory_app.inventory.service import InventoryService\n"
        f"s = Store.open({str(store_path)!r})\n"
        f"InventoryService(s).set({tag!r}, {{'status': 'spare'}})\n"
        "s.close()\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
    with qtbot.waitSignal(window.store_changes.changed, timeout=3000) as blocker:
        assert window.store_changes.poll_external()
    assert blocker.args[0].external
    assert str(ctx.store.pending_changes()) in window.pending_label.text()


def test_own_writes_are_not_mistaken_for_another_program(qtbot, main_window, ctx, school):
    window = main_window
    window.store_changes.poll_external()
    with qtbot.waitSignal(window.store_changes.changed, timeout=3000):
        InventoryService(ctx.store).set(school.tags["A101"][1], {"status": "spare"})
    assert not window.store_changes.poll_external()


def test_a_room_added_while_auditing_appears_in_the_tree_at_once(qtbot, main_window, ctx, school):
    """Field trial: after an import that made a room, the tree still lacked it until the device page was shown."""
    from inventory_app.inventory.structure import StructureService

    window = main_window
    window.show_page(window.audit_page)
    with qtbot.waitSignal(window.store_changes.changed, timeout=3000):
        StructureService(ctx.store).add_room("KOI01", "B202", name="Luokka B202")
    assert any("B202" in text for text in _room_texts(window)), _room_texts(window)


def test_scans_in_quick_succession_update_the_pending_count_without_a_query_each(qtbot, main_window, ctx, school):
    """The count is read at most twice a second while writes keep coming, and always catches up."""
    window = main_window
    service = InventoryService(ctx.store)
    calls = []
    original = ctx.store.pending_changes
    ctx.store.pending_changes = lambda: calls.append(1) or original()  # type: ignore[method-assign]
    try:
        for i, tag in enumerate(school.tags["A101"]):
            with qtbot.waitSignal(window.store_changes.changed, timeout=3000):
                service.set(tag, {"notes": f"pass {i}"})
        assert len(calls) < 4, "one count per write would be a query on every scan"
        qtbot.waitUntil(lambda: str(original()) in window.pending_label.text(), timeout=3000)
    finally:
        ctx.store.pending_changes = original  # type: ignore[method-assign]
