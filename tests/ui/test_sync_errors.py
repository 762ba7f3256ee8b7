"""Field trial defects 2, 10 and 11 (Sync page): sync and sync-file errors in plain Finnish with the technical
text only in the details, the central import's result kept on screen, and the Sync page from the keyboard."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from psycopg.errors import AdminShutdown
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from sqlalchemy.exc import OperationalError

from inventory_app.context import AppContext
from inventory_app.core.errors import NotFound
from inventory_app.core.identifiers import make_tag
from inventory_app.inventory.service import InventoryService
from inventory_app.paths import UserPaths
from inventory_app.storage.store import Store
from inventory_app.sync.central import CentralHub
from inventory_app.sync.online import sync_online
from inventory_app.sync.replica import ReplicaSync
from inventory_app.sync.service import SyncService
from inventory_app.ui.application import install_translators
from inventory_app.ui.central_import_dialog import CentralImportDialog
from inventory_app.ui.mnemonics import mnemonic
from inventory_app.ui.sync_panel import SyncPanel
from inventory_app.ui.tasks import TaskRunner
from tests.support import dump, pg_admin_url
from tests.sync.helpers import seed_site

TAG = make_tag("HKI", 7)
TECHNICAL = ("FATAL", "cannot reach", "sqlite:", "psycopg", "sqlalche.me", "refused:", "Connection refused", "zip")


@pytest.fixture
def finnish(qapp):  # type: ignore[no-untyped-def]
    install_translators(qapp, "fi")
    yield
    install_translators(qapp, "en")


@pytest.fixture
def runner():  # type: ignore[no-untyped-def]
    r = TaskRunner()
    yield r
    r.wait(10000)


def _ctx(tmp_path: Path, db: str) -> AppContext:
    return AppContext.create(db=db, paths=UserPaths.under(tmp_path / "home"))


def _fails_in_finnish(qtbot, panel: SyncPanel, url: str, finnish_text: str, secret: str = "") -> None:  # type: ignore[no-untyped-def]
    panel.central_edit.setText(url)
    with qtbot.waitSignal(panel.sync_finished, timeout=30000) as finished:
        panel.sync_button.click()
    assert finished.args == [None]
    shown = panel.message.text()
    assert shown.startswith("Synkronointi epäonnistui.") and finnish_text in shown, shown
    assert not any(word in shown for word in TECHNICAL), shown
    assert panel.message.toolTip().startswith("Tiedot: ")  # the technical text, for support
    if secret:
        assert secret not in shown and secret not in panel.message.toolTip()


@pytest.mark.postgres
@pytest.mark.parametrize(
    ("kind", "finnish_text"),
    [
        ("closed port", "Keskustietokanta ei vastaa"),
        ("no such database", "tietokantaa ei ole"),
        ("unknown role", "ei hyväksynyt käyttäjätunnusta"),
        ("address typo", "osoite ei kelpaa"),
        ("no schema", "ei ole vielä otettu inventaarion käyttöön"),
    ],
)
def test_a_failed_sync_says_in_finnish_what_is_wrong_and_changes_nothing(
    qtbot, finnish, runner, pg_url, tmp_path, kind, finnish_text
):
    server = pg_admin_url().rsplit("/", 1)[0]  # postgresql://postgres@127.0.0.1:5432
    url = {
        "closed port": "postgresql://postgres:salainen99@127.0.0.1:1/inventaario",
        "no such database": f"{server}/ei_ole_olemassa",
        "unknown role": pg_url.replace("postgres@", "tuntematon:salainen99@", 1),
        "address typo": "htp//palvelin/inventaario",
        "no schema": pg_url,  # an empty database: nobody ran central init
    }[kind]
    store = tmp_path / "laptop.sqlite"
    ctx = _ctx(tmp_path, str(store))
    try:
        panel = SyncPanel(ctx, runner)
        qtbot.addWidget(panel)
        before = dump(store)
        _fails_in_finnish(qtbot, panel, url, finnish_text, secret="salainen99")
        assert dump(store) == before
        assert not (tmp_path / "htp").exists()
    finally:
        ctx.close()


def test_central_going_away_mid_sync_is_told_in_finnish(qtbot, finnish, runner, tmp_path, monkeypatch):
    def shut_down(self, url, progress=None):  # type: ignore[no-untyped-def]
        # what pg_terminate_backend at central reaches the panel as
        raise OperationalError("SELECT 1", {}, AdminShutdown("terminating connection due to administrator command"))

    monkeypatch.setattr(SyncService, "sync", shut_down)
    store = tmp_path / "laptop.sqlite"
    ctx = _ctx(tmp_path, str(store))
    try:
        panel = SyncPanel(ctx, runner)
        qtbot.addWidget(panel)
        before = dump(store)
        _fails_in_finnish(
            qtbot, panel, "postgresql://postgres@127.0.0.1/inventaario", "Yhteys keskustietokantaan katkesi"
        )
        assert "administrator command" in panel.message.toolTip()
        assert dump(store) == before
    finally:
        ctx.close()


@pytest.fixture
def laptop_file(pg_url, tmp_path):  # type: ignore[no-untyped-def]
    """A laptop's sync file with one new device, for central at ``pg_url``."""
    central = Store.open(pg_url)
    CentralHub(central).initialise()
    seed_site(central)
    laptop = Store.open(tmp_path / "a.sqlite")
    try:
        sync_online(ReplicaSync(laptop), CentralHub(central))
        InventoryService(laptop).add(tag=TAG, category="tablet", site="KOU01")
        SyncService(laptop).export(tmp_path / "a.zip")
    finally:
        laptop.close()
        central.close()
    return tmp_path / "a.zip"


def _refused_in_finnish(qtbot, dialog: CentralImportDialog, path: Path, finnish_text: str) -> None:  # type: ignore[no-untyped-def]
    dialog.path_edit.setText(str(path))
    with qtbot.waitSignal(dialog.file_previewed, timeout=10000) as refused:
        dialog.preview_button.click()
    assert refused.args == [None] and not dialog.import_button.isEnabled()
    shown, _, details = dialog.details.toPlainText().partition("\n\nTiedot: ")
    assert finnish_text in shown and "Mitään ei tuotu." in shown, shown
    assert not any(word in shown for word in TECHNICAL), shown
    assert "sync file refused" in details  # the English detail, for support


@pytest.mark.postgres
def test_refused_sync_files_are_explained_in_finnish_and_nothing_is_imported(
    qtbot, finnish, runner, pg_url, tmp_path, laptop_file
):
    cut = tmp_path / "katkennut.zip"
    cut.write_bytes(laptop_file.read_bytes()[:200])
    damaged = tmp_path / "vioittunut.zip"
    with zipfile.ZipFile(laptop_file) as src, zipfile.ZipFile(damaged, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            out.writestr(info, src.read(info))
    raw = bytearray(damaged.read_bytes())
    start = raw.index(b"PK\x03\x04") + 60  # inside the first member's compressed data
    raw[start : start + 40] = bytes(40)
    damaged.write_bytes(bytes(raw))
    central = _ctx(tmp_path, pg_url)
    laptop = _ctx(tmp_path / "b", str(tmp_path / "a.sqlite"))  # the laptop that made the file
    try:
        before = dump(tmp_path / "a.sqlite")
        at_central = CentralImportDialog(central, runner)
        qtbot.addWidget(at_central)
        _refused_in_finnish(qtbot, at_central, cut, "ei ole kokonainen synkronointitiedosto")
        _refused_in_finnish(qtbot, at_central, damaged, "vioittunut")
        at_laptop = CentralImportDialog(laptop, runner)
        qtbot.addWidget(at_laptop)
        _refused_in_finnish(qtbot, at_laptop, laptop_file, "tehty kannettavalla: tuo se keskuksessa")
        assert dump(tmp_path / "a.sqlite") == before
        with pytest.raises(NotFound):  # central did not get the device of the refused files
            InventoryService(central.store).show(TAG)
    finally:
        central.close()
        laptop.close()


@pytest.mark.postgres
def test_the_central_import_shows_its_result_in_words_until_closed(
    qtbot, finnish, runner, pg_url, tmp_path, laptop_file
):
    central = _ctx(tmp_path, pg_url)
    try:
        dialog = CentralImportDialog(central, runner)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.path_edit.setText(str(laptop_file))
        with qtbot.waitSignal(dialog.file_previewed, timeout=10000):
            dialog.preview_button.click()
        assert "Laitteet: 1" in dialog.details.toPlainText()
        assert "devices" not in dialog.details.toPlainText()
        with qtbot.waitSignal(dialog.sync_file_imported, timeout=10000):
            dialog.import_button.click()
        qtbot.wait(50)  # let a close, if any, happen
        assert dialog.isVisible() and dialog.result() == 0
        text = dialog.details.toPlainText()
        assert "Tiedosto tuotiin." in text and "1 muutos otettiin käyttöön." in text, text
        assert "Ei ristiriitoja." in text
        assert not dialog.import_button.isEnabled()  # the same file is not imported twice by a second Return
    finally:
        central.close()


def test_the_sync_page_works_from_the_keyboard(qtbot, finnish, runner, tmp_path):
    ctx = _ctx(tmp_path, str(tmp_path / "laptop.sqlite"))
    try:
        panel = SyncPanel(ctx, runner)
        qtbot.addWidget(panel)
        letters = [mnemonic(w.text()) for w in (panel.sync_button, panel.export_button)]
        central_label = next(
            label for label in panel.findChildren(type(panel.status_label)) if label.buddy() is panel.central_edit
        )
        letters.append(mnemonic(central_label.text()))
        assert None not in letters and len(set(letters)) == 3, letters
        panel.show()
        panel.central_edit.setFocus()
        panel.central_edit.setText("postgresql://postgres@127.0.0.1:1/inventaario")
        with qtbot.waitSignal(panel.sync_finished, timeout=30000):
            qtbot.keyClick(panel.central_edit, Qt.Key.Key_Return)
        assert "Keskustietokanta ei vastaa" in panel.message.text()
    finally:
        ctx.close()


def test_sync_now_has_a_menu_item_and_a_shortcut(qtbot, main_window):
    action = main_window.features.sync_action
    assert action.shortcut() == QKeySequence("Ctrl+Shift+S")
    main_window.features.sync_panel.central_edit.setText("")
    action.trigger()
    assert main_window.pages.currentWidget() is main_window.features.sync_panel
    assert "Enter the address" in main_window.features.sync_panel.message.text()


def test_only_central_errors_are_called_a_broken_connection(qapp):
    import sqlite3

    from inventory_app.ui.error_texts import ErrorTexts

    central = OperationalError("SELECT 1", {}, AdminShutdown("terminating connection"))
    local = OperationalError("INSERT", {}, sqlite3.OperationalError("database is locked"))
    assert "connection to the central database broke" in ErrorTexts().text(central)
    assert "database is locked" in ErrorTexts().text(local)  # the laptop's own store: not central's fault


def test_the_first_run_dialog_refuses_a_bad_enrolment_file_in_finnish(qtbot, tmp_path, finnish):
    """Field trial: the first-run dialog showed the enrolment file's refusal in English."""
    from inventory_app.ui.first_run_dialog import FirstRunDialog

    ctx = AppContext.create(db=str(tmp_path / "laptop.sqlite"), paths=UserPaths.under(tmp_path / "home"))
    try:
        bad = tmp_path / "liittyminen.json"
        bad.write_text('{"format": "something else"}', encoding="utf-8")
        dialog = FirstRunDialog(ctx)
        qtbot.addWidget(dialog)
        dialog.join_file.setChecked(True)
        dialog.file_edit.setText(str(bad))
        dialog.start_button.click()
        assert dialog.error.text().startswith("Tämä ei ole liittymistiedosto."), dialog.error.text()
        assert "central enrol" in dialog.error.toolTip()  # the technical text stays in the details
        assert dialog.result() == 0 and not SyncService(ctx.store).status().enrolled
    finally:
        ctx.close()
