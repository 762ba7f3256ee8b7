"""The City page: a fresh store set up in the window alone, with checks as the person types."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit

from inventory_app.inventory.structure import StructureService
from inventory_app.ui.city_page import CityPage


@pytest.fixture
def fresh_ctx(store_path):
    from inventory_app.context import AppContext

    context = AppContext.create(db=str(store_path))
    context.config.sound = False
    yield context
    context.close()


@pytest.fixture
def fresh_window(qtbot, fresh_ctx):
    from inventory_app.ui.main_window import MainWindow

    window = MainWindow(fresh_ctx, remember=False)
    qtbot.addWidget(window)
    window.show()
    yield window
    window.runner.wait(5000)


def fill(qtbot, page: CityPage, values: dict[str, str]) -> None:
    """Type into the form as a person would (combos by their shown text or data)."""
    for key, value in values.items():
        widget = page.form.widgets[key]
        if isinstance(widget, QComboBox):
            index = widget.findData(value)
            widget.setCurrentIndex(index if index >= 0 else widget.findText(value, Qt.MatchFlag.MatchContains))
        elif isinstance(widget, QPlainTextEdit):
            widget.setPlainText(value)
        else:
            assert isinstance(widget, QLineEdit)
            widget.clear()
            if value.isascii():
                qtbot.keyClicks(widget, value)
            else:  # QTest types ASCII keys only
                widget.setText(value)


def save(qtbot, page: CityPage) -> None:
    assert page.form.save_button.isEnabled(), page.form.error.text()
    with qtbot.waitSignal(page.structure_changed, timeout=3000):
        qtbot.mouseClick(page.form.save_button, Qt.MouseButton.LeftButton)


def test_a_fresh_store_is_set_up_in_the_window_alone(qtbot, fresh_window):
    window = fresh_window
    page = window.features.city_page
    window.show_page(page)
    for name in ("Keskusta", "Pohjoinen", "Etelä"):
        page.new("area")
        fill(qtbot, page, {"name": name})
        save(qtbot, page)
    areas = {a.name: a.id for a in StructureService(window.store).areas()}
    for code, name, area, kind in (
        ("KES01", "Keskuskoulu", "Keskusta", "comprehensive"),
        ("LAU02", "Lauritsalan koulu", "Etelä", "primary"),
        ("POH03", "Pohjolan päiväkoti", "Pohjoinen", "early_childhood"),
        ("LYS04", "Lyseon lukio", "Keskusta", "upper_secondary"),
        ("SAL05", "Sammonlahden koulu", "Pohjoinen", "lower_secondary"),
    ):
        page.new("site")
        fill(qtbot, page, {"code": code, "name": name, "area": areas[area], "kind": kind, "cost_centre": "4100"})
        save(qtbot, page)
    sites = {s.code: s.id for s in StructureService(window.store).site_views()}
    for site, room in (("KES01", "A101"), ("KES01", "A102"), ("LAU02", "B201")):
        page.new("room")
        fill(qtbot, page, {"site": sites[site], "code": room, "name": f"Luokka {room}"})
        save(qtbot, page)
    page.new("contract")
    fill(
        qtbot,
        page,
        {
            "number": "LEA-2026-01",
            "lessor": "Atea Finland",
            "start": "1.8.2026",
            "end": "31.7.2030",
            "monthly_fee": "12,50",
            "cost_centre": "4100",
        },
    )
    save(qtbot, page)
    # the navigation tree follows at once
    nav_sites = [
        window.nav.topLevelItem(i).child(j).text(0)
        for i in range(window.nav.topLevelItemCount())
        for j in range(window.nav.topLevelItem(i).childCount())
    ]
    assert any("Keskuskoulu" in text for text in nav_sites)
    service = StructureService(window.store)
    assert len(service.areas()) == 3 and len(service.site_views()) == 5
    assert [r.code for r in service.room_views("KES01")] == ["A101", "A102"]
    [contract] = service.contracts()
    assert (contract.start.isoformat(), contract.end.isoformat(), float(contract.monthly_fee)) == (
        "2026-08-01",
        "2030-07-31",
        12.5,
    )
    # the report pickers know the new sites
    scopes = [
        page_text
        for page_text in (
            window.features.reports_page.scope_combo.itemText(i)
            for i in range(window.features.reports_page.scope_combo.count())
        )
    ]
    assert any("Keskuskoulu" in s for s in scopes)


def test_problems_show_as_the_person_types_and_nothing_is_written(qtbot, fresh_window, store_path):
    import sqlite3

    page = fresh_window.features.city_page
    StructureService(fresh_window.store).add_area("Keskusta")
    StructureService(fresh_window.store).add_site("KES01", name="Keskuskoulu", area="Keskusta", kind="primary")
    page.reload()
    before = list(sqlite3.connect(store_path).iterdump())
    page.new("site")
    fill(qtbot, page, {"code": "kes01", "name": "Toinen"})
    assert not page.form.save_button.isEnabled()
    assert "Code" in page.form.error.text() and "already" in page.form.error.text()
    assert "border" in page.form.widgets["code"].styleSheet()
    fill(qtbot, page, {"code": "KES 01"})
    assert "letters A-Z" in page.form.error.text()
    fill(qtbot, page, {"code": "KES02"})
    assert page.form.save_button.isEnabled() and page.form.error.text() == ""
    page.new("contract")
    fill(qtbot, page, {"number": "C1", "lessor": "Atea", "start": "1.8.2026", "end": "1.7.2026"})
    assert page.form.error.text() == "The end date is before the start date."
    assert page.form.widgets["end"].styleSheet()
    fill(qtbot, page, {"end": "1.8.2027", "monthly_fee": "-3"})
    assert "cannot be negative" in page.form.error.text()
    assert list(sqlite3.connect(store_path).iterdump()) == before


def test_retire_instead_of_delete_and_a_site_with_devices_is_not_retired(qtbot, main_window, school):
    page = main_window.features.city_page
    main_window.show_page(page)
    page.select("site", school.site_id)
    assert page.form.retire_button.isVisible()
    page.form.retire_button.click()
    assert "still recorded here" in page.form.error.text()
    assert StructureService(main_window.store).site(school.site_id).retired is False
    page.select("room", school.rooms["VA1"])
    with qtbot.waitSignal(page.structure_changed, timeout=3000):
        page.form.retire_button.click()
    [room] = [r for r in StructureService(main_window.store).room_views(school.site_id) if r.code == "VA1"]
    assert room.retired
    assert page.find_item("room", room.id) is None  # hidden until "show retired"
    page.show_retired.setChecked(True)
    assert page.find_item("room", room.id) is not None


def test_the_city_page_has_its_own_shortcut(main_window):
    tooltips = " ".join(a.toolTip() for a in main_window.go_menu.actions())
    assert "Ctrl+7" in tooltips


def test_every_city_and_joining_text_has_a_finnish_translation(tmp_path):
    """lupdate over the modules of this feature: every text has Finnish in city_fi.ts."""
    import subprocess
    import sys
    import xml.etree.ElementTree as ET
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    sys.path.insert(0, str(root / "scripts"))
    from city_translations_fi import SOURCES

    exe = Path(sys.executable).with_name("pyside6-lupdate")
    out = tmp_path / "src.ts"
    subprocess.run(
        [str(exe), *(str(root / "inventory_app" / "ui" / n) for n in SOURCES), "-ts", str(out)],
        check=True,
        capture_output=True,
    )
    wanted = {
        (c.findtext("name"), m.findtext("source"))
        for c in ET.parse(out).getroot().iter("context")
        for m in c.iter("message")
    }
    have = {
        (c.findtext("name"), m.findtext("source"))
        for c in ET.parse(root / "resources/i18n/city_fi.ts").getroot().iter("context")
        for m in c.iter("message")
        if "".join(m.find("translation").itertext()).strip()
    }
    assert wanted - have == set()


def test_the_report_on_screen_follows_a_contract_edit_at_once(qtbot, main_window, school):
    from inventory_app.inventory.service import InventoryService

    structure = StructureService(main_window.store)
    contract = structure.add_contract("LEA-9", lessor="Atea", start="1.8.2024", end="31.7.2027", monthly_fee="10")
    InventoryService(main_window.store).set(school.tags["A101"][0], {"contract": "LEA-9"})
    reports = main_window.features.reports_page
    reports.select("leasing", school.site_id)
    with qtbot.waitSignal(reports.report_shown, timeout=10000) as first:
        reports.run_report()
    [row] = first.args[0].sections[0].rows
    assert (row["contract"], row["end_date"].isoformat()) == ("LEA-9", "2027-07-31")
    page = main_window.features.city_page
    page.reload()
    page.select("contract", contract.id)
    page.form.widgets["end"].setText("31.12.2026")
    with qtbot.waitSignal(reports.report_shown, timeout=10000) as again:
        page.form.save_button.click()
    assert reports.scope_combo.currentData() == ("site", school.site_id)
    [row] = again.args[0].sections[0].rows
    assert row["end_date"].isoformat() == "2026-12-31"


def test_the_keyboard_path_enter_saves(qtbot, fresh_window):
    page = fresh_window.features.city_page
    fresh_window.show_page(page)
    page.new("area")
    field = page.form.widgets["name"]
    qtbot.keyClicks(field, "Keskusta")
    with qtbot.waitSignal(page.structure_changed, timeout=3000):
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert [a.name for a in StructureService(fresh_window.store).areas()] == ["Keskusta"]


def test_keys_typed_right_after_the_new_shortcut_go_into_the_new_form(qtbot, fresh_window):
    """Field trial: Alt+A then typing at once saved the area "inen" for "Pohjoinen". A button's mnemonic
    "clicks" only after a 100 ms animation, the keys typed meanwhile went into the old form (which the new
    one replaced), and the new first field took the focus only once the event loop had shown it."""
    from PySide6.QtWidgets import QApplication

    window = fresh_window
    page = window.features.city_page
    window.show_page(page)
    with qtbot.waitActive(window):
        window.activateWindow()
    page.new("area")
    shortcut = page.buttons["model"].shortcut()[0]
    qtbot.keyClick(window, shortcut.key(), shortcut.keyboardModifiers())
    # no event processing in between, as for the next key a fast typist sends
    assert page.form.heading.text() == "New device model"
    assert QApplication.focusWidget() is next(iter(page.form.widgets.values()))
