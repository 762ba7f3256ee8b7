"""The wizard offers what the command line does: another tool's export (--from), creating missing
sites (--create-missing, --area), choosing unknown device types, and a mapping saved and loaded."""

from pathlib import Path

import pytest

from inventory_app.config import Config
from inventory_app.context import AppContext
from inventory_app.importing.mapping import ColumnMapping
from inventory_app.inventory.service import InventoryService
from inventory_app.paths import UserPaths
from tests.support import dump

SNIPE = Path(__file__).parent / "data" / "snipe-it-assets-sample.csv"


@pytest.fixture
def wizard(qtbot, store, store_path, tmp_path):
    from inventory_app.ui.import_wizard import ImportWizard
    from inventory_app.ui.tasks import TaskRunner

    ctx = AppContext(paths=UserPaths.under(tmp_path / "home"), config=Config(), db_target=str(store_path), _store=store)
    runner = TaskRunner()
    w = ImportWizard(ctx, runner)
    qtbot.addWidget(w)
    yield w
    runner.wait()


def test_snipe_it_through_the_wizard(qtbot, wizard, store_path, tmp_path):
    wizard.set_file(SNIPE)
    page = wizard.file_page
    page.source_combo.setCurrentIndex(page.source_combo.findData("snipe-it"))
    page.create_missing.setChecked(True)
    page.area_edit.setText("Snipe-IT")
    wizard.show()
    wizard.next()  # -> mapping
    assert wizard.mapping.source == "snipe-it"
    assert wizard.mapping_page.combos["site"].currentData() == "Location"
    before = dump(store_path)
    with qtbot.waitSignal(wizard.preview_ready, timeout=10000) as ready:
        wizard.next()
    plan = ready.args[0]
    preview = wizard.preview_page
    assert len(plan.invalid) == 6 and not preview.isComplete()
    assert preview.types_table.isVisibleTo(preview) and preview.types_table.rowCount() == 6
    assert dump(store_path) == before
    for word in plan.unknown_categories:
        preview.choose_type(word, "staff_laptop")
    preview.choose_type("Fire Protection", "projector")
    with qtbot.waitSignal(wizard.preview_ready, timeout=10000) as again:
        preview.recheck.click()
    plan = again.args[0]
    assert plan.invalid == [] and preview.isComplete()
    assert "Roofing (Metal) → " in preview.details.text() and "New sites:" in preview.details.text()
    assert not preview.types_table.isVisibleTo(preview)
    with qtbot.waitSignal(wizard.import_finished, timeout=10000) as finished:
        wizard.next()
    assert finished.args[0].plan.count("new") == 6
    devices = InventoryService(wizard.ctx.store).list()
    assert {d.category for d in devices} == {"staff_laptop", "projector"}
    assert {d.area for d in devices} == {"Snipe-IT"}
    # The mapping saved from the wizard keeps the tool and the chosen types.
    saved = tmp_path / "snipe.json"
    wizard.mapping.save(saved)
    loaded = ColumnMapping.load(saved)
    assert loaded.source == "snipe-it" and loaded.categories["Fire Protection"] == "projector"


def test_a_saved_mapping_is_loaded_by_the_wizard(qtbot, wizard, tmp_path):
    saved = tmp_path / "m.json"
    ColumnMapping(
        {"serial": "Asset Tag", "site": "Location", "category": "Category"},
        {"*": "tablet"},
        source="snipe-it",
        date_order="mdy",
    ).save(saved)
    wizard.set_file(SNIPE, saved)
    wizard.file_page.create_missing.setChecked(True)
    wizard.show()
    wizard.next()
    assert wizard.mapping_page.combos["serial"].currentData() == "Asset Tag"
    with qtbot.waitSignal(wizard.preview_ready, timeout=10000) as ready:
        wizard.next()
    plan = ready.args[0]
    assert plan.invalid == [] and plan.count("new") == 6
    assert set(code for code, _n in plan.categories.values()) == {"tablet"}


def test_every_wizard_text_has_a_finnish_translation():
    import re
    import xml.etree.ElementTree as ET

    root = Path(__file__).resolve().parents[2]
    source = (root / "inventory_app" / "ui" / "import_wizard.py").read_text(encoding="utf-8")
    texts = set(re.findall(r'self\.tr\("((?:[^"\\]|\\.)*)"\)', source))
    translated = set()
    for ts in (root / "resources" / "i18n").glob("*_fi.ts"):
        for message in ET.parse(ts).getroot().iter("message"):
            if "".join(message.find("translation").itertext()).strip():
                translated.add(message.findtext("source"))
    assert sorted(texts - translated) == []
