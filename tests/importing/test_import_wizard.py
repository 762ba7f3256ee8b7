"""The import wizard as a secretary uses it: file, mapping, preview with bad rows, import with progress."""

from pathlib import Path

import pytest

from inventory_app.config import Config
from inventory_app.context import AppContext
from inventory_app.inventory.service import InventoryService
from inventory_app.paths import UserPaths
from tests.support import dump

ROWS = [
    "Koulu;Luokka;Laitetyyppi;Sarjanumero;Hankintapäivä;Hankintahinta",
    "KON07;A101;Projektori;EP-1;1.2.2021;649,00",
    "KON07;C303;Dokumenttikamera;DC-1;31.2.2021;110",
    "KON07;A101;Tabletti;TB-1;;",
]


@pytest.fixture
def wizard(qtbot, city, store_path, tmp_path):
    from inventory_app.ui.import_wizard import ImportWizard
    from inventory_app.ui.tasks import TaskRunner

    ctx = AppContext(paths=UserPaths.under(tmp_path / "home"), config=Config(), db_target=str(store_path), _store=city)
    runner = TaskRunner()
    w = ImportWizard(ctx, runner)
    qtbot.addWidget(w)
    yield w
    runner.wait()


def to_preview(qtbot, wizard, path: Path):
    wizard.set_file(path)
    wizard.show()
    wizard.next()  # -> mapping (detected)
    with qtbot.waitSignal(wizard.preview_ready, timeout=10000) as ready:
        wizard.next()  # -> preview, checked off the UI thread
    return ready.args[0]


def test_bad_rows_block_the_import_until_skipped(qtbot, wizard, tmp_path, store_path):
    path = tmp_path / "laitteet.csv"
    path.write_bytes("\r\n".join(ROWS).encode("cp1252"))
    assert wizard.mapping_page.isComplete()
    before = dump(store_path)
    plan = to_preview(qtbot, wizard, path)
    assert [(i.row, "31.2.2021" in i.reason) for i in plan.invalid] == [(3, True)]
    assert not wizard.preview_page.isComplete()  # cannot go on with an invalid row
    assert "1 invalid" in wizard.preview_page.summary.text()
    assert dump(store_path) == before  # the preview wrote nothing
    wizard.preview_page.skip_invalid.setChecked(True)
    assert wizard.preview_page.isComplete()
    with qtbot.waitSignal(wizard.import_finished, timeout=10000) as finished:
        wizard.next()
    result = finished.args[0]
    assert result.written and result.plan.count("new") == 2 and result.skipped == 1
    assert (
        wizard.import_page.isComplete() and wizard.import_page.progress.value() == wizard.import_page.progress.maximum()
    )
    assert sorted(d.serial for d in InventoryService(wizard.ctx.store).list()) == ["EP-1", "TB-1"]


def test_mapping_can_be_changed_in_the_wizard(qtbot, wizard, tmp_path):
    path = tmp_path / "odd.csv"
    path.write_text("Kampus;Laite S/N;Laji\nKON07;X-1;Projektori\n", encoding="utf-8")
    wizard.set_file(path)
    wizard.show()
    wizard.next()
    page = wizard.mapping_page
    page.choose("site", "Kampus")
    page.choose("serial", "Laite S/N")
    page.choose("category", "Laji")
    with qtbot.waitSignal(wizard.preview_ready, timeout=10000) as ready:
        wizard.next()
    assert ready.args[0].count("new") == 1 and not ready.args[0].invalid


def test_an_unreadable_file_stays_on_the_first_page(wizard, tmp_path):
    wizard.set_file(tmp_path / "missing.xlsx")
    wizard.show()
    wizard.next()
    assert wizard.currentPage() is wizard.file_page
    assert "no such file" in wizard.file_page.info.text()


def test_the_mapping_page_names_the_fields_in_finnish(qtbot, qapp, wizard, tmp_path):
    """Field trial: in the Finnish window the mapping table said "Device id", "Asset tag", "Serial"…"""
    import subprocess
    import sys

    from inventory_app.ui.application import install_translators

    root = Path(__file__).resolve().parents[2]
    subprocess.run([sys.executable, str(root / "scripts" / "build_translations.py"), "--quiet"], check=True)
    install_translators(qapp, "fi")
    try:
        path = tmp_path / "laitteet.csv"
        path.write_bytes("\r\n".join(ROWS).encode("cp1252"))
        wizard.set_file(path)
        wizard.show()
        wizard.next()
        table = wizard.mapping_page.table
        names = [table.item(row, 0).text() for row in range(table.rowCount())]
    finally:
        install_translators(qapp, "en")
    assert names[:5] == ["Laitteen ID", "Laitetunnus", "Sarjanumero", "Inventaarionumero", "MAC-osoite"]
    assert not {"Device id", "Asset tag", "Serial", "Category", "Site", "Room", "Notes"} & set(names)
