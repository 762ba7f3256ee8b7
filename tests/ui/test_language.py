"""Languages: Finnish by default on a Finnish system, every text translated, all .qm files loaded."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from inventory_app.core.catalogue import STANDARD_CATEGORIES
from inventory_app.core.enums import (
    CategoryGroup,
    Condition,
    DeviceStatus,
    MissingDecision,
    ObservationKind,
    Ownership,
    ScanOutcome,
    Severity,
)
from inventory_app.paths import resource_path
from inventory_app.ui.application import choose_language, install_translators
from inventory_app.ui.labels import label, vocabulary

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def finnish(qapp):  # type: ignore[no-untyped-def]
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_translations.py"), "--quiet"], check=True)
    installed = install_translators(qapp, "fi")
    yield installed
    install_translators(qapp, "en")


@pytest.mark.parametrize(
    ("cli", "config", "system", "expected"),
    [
        ("en", "fi", QLocale.Language.Finnish, "en"),
        (None, "en", QLocale.Language.Finnish, "en"),
        (None, "", QLocale.Language.Finnish, "fi"),
        (None, "", QLocale.Language.Swedish, "en"),
        (None, "de", QLocale.Language.English, "en"),
    ],
)
def test_language_comes_from_the_option_then_settings_then_the_system(cli, config, system, expected):
    assert choose_language(cli, config, QLocale(system)) == expected


def test_every_translation_file_is_loaded_and_used(finnish):
    qm_files = sorted(resource_path("i18n").glob("*_fi.qm"))
    assert {p.name for p in qm_files} >= {"ui_fi.qm", "main_fi.qm"}
    assert len(finnish) >= len(qm_files)
    assert QCoreApplication.translate("ScanTexts", "FOUND") == "LÖYTYI"
    assert label("status", "in_use") == "Käytössä"
    assert label("category", "interactive_display") == "Interaktiivinen näyttö"


def test_every_ui_text_has_a_finnish_translation():
    tree = ET.parse(resource_path("i18n", "ui_fi.ts"))
    untranslated = [
        f"{ctx.findtext('name')}: {m.findtext('source')}"
        for ctx in tree.getroot().iter("context")
        for m in ctx.iter("message")
        if (m.find("translation").get("type") in ("unfinished", "obsolete", "vanished"))
        or not ("".join(m.find("translation").itertext()).strip())
    ]
    assert untranslated == []


@pytest.mark.parametrize(
    ("kind", "values"),
    [
        ("status", [s.value for s in DeviceStatus]),
        ("condition", [c.value for c in Condition]),
        ("ownership", [o.value for o in Ownership]),
        ("group", [g.value for g in CategoryGroup]),
        ("category", [c.code for c in STANDARD_CATEGORIES]),
        ("outcome", [o.value for o in ScanOutcome if o.value != "register"]),
        ("decision", [d.value for d in MissingDecision]),
        ("observation", [k.value for k in ObservationKind]),
        ("severity", [s.value for s in Severity]),
    ],
)
def test_every_domain_value_has_a_name_to_show(kind, values):
    assert set(values) <= set(vocabulary(kind))


def test_the_audit_reads_in_finnish(finnish, qtbot, ctx, school):
    from inventory_app.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert window.windowTitle() == "Koulujen laiteinventaario"
    page = window.audit_page
    page.start_audit(school.site_id, "Aino")
    with qtbot.waitSignal(page.scan_shown, timeout=3000):
        page.handle_code(school.labels["A101"])
    assert page.card.title.text() == "HUONE A101"
    with (
        qtbot.waitSignal(page.scan_shown, timeout=3000),
        qtbot.waitSignal(page.counts_updated, check_params_cb=lambda text: text.startswith("1 /"), timeout=3000),
    ):
        page.handle_code(school.tags["A101"][0])
    assert page.card.title.text() == "LÖYTYI"
    assert page.progress_label.text() == "1 / 4 huoneen A101 laitteesta löytyi"
    assert "Oppilaan kannettava" in page.card.main.text()
    with qtbot.waitSignal(page.scan_shown, timeout=3000):
        page.handle_code("HKI0000011")
    assert page.card.title.text() == "VIRHEELLINEN KOODI" and "tarkistusmerkki" in page.card.detail.text()
    window.close()


def test_the_device_form_refuses_a_mistyped_tag_in_finnish_and_its_example_tag_is_valid(finnish, qtbot, store, school):
    """Field trial: the form's own example tag was refused, with an English sentence in the Finnish window."""
    from PySide6.QtWidgets import QDialogButtonBox

    from inventory_app.core.identifiers import is_valid_tag
    from inventory_app.inventory.browse import DeviceBrowser
    from inventory_app.inventory.service import InventoryService
    from inventory_app.ui.device_form import DeviceFormDialog

    dialog = DeviceFormDialog(InventoryService(store), DeviceBrowser(store), default_site_id=school.site_id)
    qtbot.addWidget(dialog)
    assert is_valid_tag(dialog.tag.placeholderText().split()[-1])
    dialog.tag.setText("HKI0001237")
    with qtbot.assertNotEmitted(dialog.device_saved):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.error.text().startswith("Laitetunnuksen HKI0001237 tarkistusmerkki on väärä")


def test_the_lessor_is_vuokranantaja_everywhere(finnish):
    """Field trial: the contract form called the lessor "Vuokraaja" (the one who rents, i.e. the city),
    while the reports say "Vuokranantaja"."""
    assert QCoreApplication.translate("CityPage", "&Lessor") == "&Vuokranantaja"
    billing = QCoreApplication.translate("ErrorTexts", "The reconciliation needs the lessor's billing file.")
    assert "vuokranantajan" in billing and "vuokraajan" not in billing


def _mnemonics(widget) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    """Alt+letter -> the visible labels and buttons that claim it."""
    import re

    from PySide6.QtWidgets import QAbstractButton, QLabel

    claims: dict[str, list[str]] = {}
    for child in widget.findChildren(QLabel) + widget.findChildren(QAbstractButton):
        text = child.text()
        if not child.isVisibleTo(widget) or not text:
            continue
        match = re.search(r"&([^&\s])", text.replace("&&", ""))
        if match:
            claims.setdefault(match.group(1).lower(), []).append(text)
    return claims


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_no_two_fields_of_the_device_form_share_an_alt_key(qtbot, main_window, qapp, lang):
    """Field trial: in Finnish Alt+L meant three fields (Laitetunnus, Laiteluokka, Leasingsopimus), so the
    keyboard-first form jumped to the wrong one."""
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_translations.py"), "--quiet"], check=True)
    install_translators(qapp, lang)
    try:
        main_window.show_page(main_window.device_page)
        dialog = main_window.device_page.new_device()
        qtbot.addWidget(dialog)
        clashes = {key: texts for key, texts in _mnemonics(dialog).items() if len(texts) > 1}
        dialog.reject()
    finally:
        install_translators(qapp, "en")
    assert not clashes, clashes


def test_finnish_category_names_fit_the_device_table_and_every_cell_has_its_whole_text_on_hover(
    qtbot, ctx, school, finnish
):  # type: ignore[no-untyped-def]
    """Field trial: "Henkilökunnan kannettava" was cut to "Henkilökunnan …" beside an empty column."""
    from PySide6.QtCore import Qt

    from inventory_app.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    table = window.device_page.table
    longest = label("category", "staff_laptop")
    assert longest == "Henkilökunnan kannettava"
    assert table.columnWidth(1) >= table.fontMetrics().horizontalAdvance(longest) + 8
    model = table.model()
    index = model.index(0, 1)
    assert model.data(index, Qt.ItemDataRole.ToolTipRole) == model.data(index, Qt.ItemDataRole.DisplayRole) != ""
    window.runner.wait(5000)
