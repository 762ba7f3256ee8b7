"""No English in the Finnish UI: a pseudo-translation walk of every page and dialog.

Every text that goes through Qt's translation comes back marked; a visible text with a word outside
the marks (and not the user's own data: names, codes, models, paths) was never translated."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import select
from untranslated import install_pseudo, untranslated, visible_texts

from inventory_app.inventory.service import InventoryService
from inventory_app.storage.schema import (
    AreaRecord,
    DeviceModelRecord,
    DeviceRecord,
    RoomRecord,
    SiteRecord,
)


def _data(ctx) -> set[str]:  # type: ignore[no-untyped-def]
    """The user's own words: names, codes, models, tags, paths (never translated)."""
    values: set[str] = {"Aino", str(ctx.paths.data_dir), str(ctx.paths.config_dir), str(ctx.db_target)}
    with ctx.store.read() as s:
        for column in (
            SiteRecord.name,
            SiteRecord.code,
            AreaRecord.name,
            RoomRecord.code,
            RoomRecord.name,
            RoomRecord.label_code,
            DeviceRecord.asset_tag,
            DeviceRecord.serial,
            DeviceModelRecord.name,
            DeviceModelRecord.manufacturer,
        ):
            values.update(v for v in s.scalars(select(column)) if v)
    values.update(str(p) for p in (ctx.paths.backup_dir, ctx.paths.log_dir, ctx.paths.config_file))
    return values


@pytest.fixture
def pseudo(qapp):  # type: ignore[no-untyped-def]
    translator = install_pseudo(qapp)
    yield translator
    qapp.removeTranslator(translator)


def _window(qtbot, ctx):  # type: ignore[no-untyped-def]
    from inventory_app.ui.main_window import MainWindow

    window = MainWindow(ctx, remember=False)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    return window


def _check(root: QWidget, ctx, scanned: frozenset[str] = frozenset()) -> list[str]:  # type: ignore[no-untyped-def]
    QApplication.processEvents()
    return untranslated(root, _data(ctx) | scanned)


def _report_catalogue() -> frozenset[str]:
    """English texts the reports' own catalogue (reports/texts.py, shared with the CLI's exports, no Qt)
    has Finnish for: on the Reports page these are translated by that catalogue instead of Qt."""
    from inventory_app.reports import texts

    english = set(texts.FI) | {
        names[0] for vocab in texts.VOCABULARY.values() for names in vocab.values() if isinstance(names, tuple)
    }
    return frozenset(
        e
        for e in english
        if isinstance(e, str)
        and texts.text(e, "fi") != e
        or any(isinstance(n, tuple) and n[0] == e and n[1] != e for v in texts.VOCABULARY.values() for n in v.values())
    )


def test_every_page_is_translated(qtbot, ctx, school, pseudo):
    window = _window(qtbot, ctx)
    problems = []
    catalogue = _report_catalogue()
    for page in window._pages:
        window.show_page(page)
        extra = catalogue if type(page).__name__ == "ReportsPage" else frozenset()
        problems += [f"{type(page).__name__}: {p}" for p in _check(window, ctx, extra)]
    window.audit_page.start_audit(school.site_id, "Aino")
    with qtbot.waitSignal(window.audit_page.scan_shown, timeout=5000):
        window.audit_page.pick_room(school.rooms["A101"])
    window.show_page(window.audit_page)
    problems += [f"audit: {p}" for p in _check(window, ctx)]
    tag = school.tags["A101"][0]
    wrong = tag[:-1] + ("A" if tag[-1] != "A" else "B")
    retired = school.tags["A101"][2]
    InventoryService(ctx.store).set(retired, {"status": "retired"})
    other = school.tags["B1"][0]
    # Every kind of card: found, repeat, wrong check character, unknown, another school's device (and
    # again), another school's room label, a label that is no room, placeholder kept, moved, found
    # marked retired (and back in use), undo.
    for code in (
        tag,
        tag,
        wrong,
        "MYSTERY-9",
        other,
        other,
        retired,
        "RMTAP02B1",
        "RMNOWHERE1",
        school.tags["A102"][0],
    ):
        with qtbot.waitSignal(window.audit_page.scan_shown, timeout=5000):
            window.audit_page.handle_code(code)
        problems += [
            f"card after {code}: {p}" for p in _check(window, ctx, frozenset({code, wrong, "MYSTERY-9", "RMNOWHERE1"}))
        ]
        if code == "MYSTERY-9":
            window.audit_page.keep_placeholder()
            problems += [f"placeholder: {p}" for p in _check(window, ctx, frozenset({code, wrong}))]
        if code == retired:
            assert window.audit_page.back_in_use() is not None
            problems += [f"back in use: {p}" for p in _check(window, ctx, frozenset({code, wrong, "MYSTERY-9"}))]
    window.audit_page.undo_last()
    problems += [f"undo: {p}" for p in _check(window, ctx, frozenset({wrong, "MYSTERY-9", "RMNOWHERE1"}))]
    window.runner.wait(5000)
    assert not problems, "\n".join(sorted(set(problems)))


DIALOGS = [
    "open_settings",
    "labels",
    "import",
    "central_import",
    "targets",
    "backups",
    "about",
    "observation",
    "missing",
    "quick_add",
    "device_form",
]


@pytest.mark.parametrize("which", DIALOGS)
def test_every_dialog_is_translated(qtbot, ctx, school, pseudo, which):
    window = _window(qtbot, ctx)
    page = window.audit_page
    page.start_audit(school.site_id, "Aino")
    with qtbot.waitSignal(page.scan_shown, timeout=5000):
        page.pick_room(school.rooms["A101"])
    if which == "open_settings":
        dialog = window.open_settings()
    elif which == "observation":
        dialog = page.open_observation("network")
    elif which == "missing":
        dialog = page.finish()
    elif which == "quick_add":
        with qtbot.waitSignal(page.scan_shown, timeout=5000):
            page.handle_code("MYSTERY-1")
        dialog = page.quick_add()
    elif which == "device_form":
        window.show_page(window.device_page)
        dialog = window.device_page.new_device()
    else:
        dialog = getattr(window.features, f"open_{which}")()
    assert dialog is not None
    qtbot.addWidget(dialog)
    extra = {v.split(" (")[0] for v in getattr(dialog, "table", {}).values()} if which == "about" else set()
    QApplication.processEvents()
    problems = untranslated(dialog, _data(ctx) | extra)
    dialog.reject()
    window.runner.wait(5000)
    assert not problems, "\n".join(problems)


@pytest.fixture
def finnish(qapp):  # type: ignore[no-untyped-def]
    import subprocess
    import sys
    from pathlib import Path

    from inventory_app.ui.application import install_translators

    root = Path(__file__).resolve().parents[2]
    subprocess.run([sys.executable, str(root / "scripts" / "build_translations.py"), "--quiet"], check=True)
    yield install_translators(qapp, "fi")
    install_translators(qapp, "en")


def test_qt_own_dialogs_keys_counts_and_numbers_are_finnish(finnish):
    from datetime import UTC, datetime

    from PySide6.QtCore import QCoreApplication, QLocale
    from PySide6.QtGui import QKeySequence

    from inventory_app.audit.results import AuditSummary
    from inventory_app.ui.scan_texts import ScanTexts

    # Qt's own file dialog and key names come from Qt's Finnish translations.
    assert QCoreApplication.translate("QFileDialog", "Look in:") != "Look in:"
    assert QCoreApplication.translate("QFileDialog", "Files of type:") != "Files of type:"
    assert QKeySequence("Ctrl+Shift+N").toString(QKeySequence.SequenceFormat.NativeText) == "Ctrl+Vaihto+N"
    # Grammar follows the count, numbers use the decimal comma.
    texts = ScanTexts()
    now = datetime.now(UTC)
    one = texts.finished(AuditSummary("a", "Koivukylä", "finished", now, now, 1, {}, 0, {}))
    two = texts.finished(AuditSummary("a", "Koivukylä", "finished", now, now, 2, {}, 0, {}))
    assert "1 huone," in one.main and "2 huonetta," in two.main
    assert QLocale().toString(0.339, "f", 3) == "0,339"


def test_refusals_carry_codes_and_the_window_words_them(finnish, store, school):
    from inventory_app.audit.engine import AuditSession
    from inventory_app.audit.scan_log import import_log
    from inventory_app.core.errors import RejectedInput
    from inventory_app.core.identifiers import parse_tag
    from inventory_app.ui.error_texts import ErrorTexts

    texts = ErrorTexts()
    with pytest.raises(RejectedInput) as no_codes:
        import_log(store, school.site_id, ["", "# nothing"])
    assert no_codes.value.code == "log_no_codes" and texts.text(no_codes.value) == "Tiedostossa ei ole koodeja."
    audit = AuditSession.start(store, school.site_id, "Aino")
    with pytest.raises(RejectedInput) as no_room:
        audit.quick_add("X1", None)
    assert texts.text(no_room.value) == "Valitse ensin huone."
    tag = school.tags["A101"][0]
    with pytest.raises(RejectedInput) as wrong:
        parse_tag(tag[:-1] + ("A" if tag[-1] != "A" else "B"))
    assert wrong.value.code == "wrong_check_character" and "tarkistusmerkki on väärä" in texts.text(wrong.value)
    assert "wrong check character" in str(wrong.value)  # the command line keeps its English


def test_qt_file_dialog_has_no_english_left(qapp, tmp_path):
    """Qt's own dialog in Finnish ("Look in:" and "Files of type:" are missing from Qt's Finnish)."""
    import subprocess
    import sys
    from pathlib import Path

    from PySide6.QtWidgets import QFileDialog

    from inventory_app.ui.application import install_translators

    root = Path(__file__).resolve().parents[2]
    subprocess.run([sys.executable, str(root / "scripts" / "build_translations.py"), "--quiet"], check=True)
    (tmp_path / "kansio").mkdir()

    def texts(lang: str) -> set[str]:
        install_translators(qapp, lang)
        dialog = QFileDialog(None, "", str(tmp_path))
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.show()
        QApplication.processEvents()
        found = {t for _, t in visible_texts(dialog)}
        dialog.close()
        return found

    try:
        english, finnish = texts("en"), texts("fi")
    finally:
        install_translators(qapp, "en")
    folders = {part for base in (tmp_path, Path.home(), Path.cwd()) for part in base.parts}
    same = {
        t
        for t in english & finnish
        if any(c.isalpha() for c in t) and not t.startswith("/") and t not in folders and t != "kansio"
    }  # paths and folder names are the user's own
    assert "&Hae kohteesta:" in finnish and same == set(), same


def test_the_walk_catches_an_untranslated_text_and_a_raw_code(qtbot, pseudo):
    from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout

    from inventory_app.ui.labels import label

    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    layout.addWidget(QLabel(root.tr("Saved")))  # through tr(): marked
    layout.addWidget(QLabel("Not translated"))
    combo = QComboBox()
    combo.addItems([label("category", "pupil_laptop"), "early_childhood"])
    layout.addWidget(combo)
    root.show()
    found = untranslated(root, {"Koivukylä"})
    assert len(found) == 2 and "Not translated" in found[0] + found[1] and "early_childhood" in found[0] + found[1]
