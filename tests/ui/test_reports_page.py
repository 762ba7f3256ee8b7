"""The reports page shows a report's table and chart, exports with progress; the targets dialog edits."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QLocale, Qt

from inventory_app.context import AppContext
from inventory_app.ui.reports_page import ReportsPage
from inventory_app.ui.targets_dialog import TargetsDialog
from inventory_app.ui.tasks import TaskRunner
from tests.reports.conftest import build_world


@pytest.fixture
def finnish():
    """The window in Finnish, as application.py sets it up with the translators."""
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Finnish, QLocale.Country.Finland))
    yield
    QLocale.setDefault(before)


def make_page(qtbot, store_path: Path) -> tuple[ReportsPage, AppContext, TaskRunner]:
    ctx = AppContext.create(db=str(store_path))
    build_world(ctx.store)
    runner = TaskRunner()
    page = ReportsPage(ctx, runner)
    qtbot.addWidget(page)
    page.as_of_edit.setDate(QDate(2026, 3, 15))
    return page, ctx, runner


def test_cost_per_pupil_table_chart_and_exports(qtbot, store_path: Path, tmp_path: Path, finnish) -> None:
    page, ctx, runner = make_page(qtbot, store_path)
    try:
        page.select("cost-per-pupil")
        with qtbot.waitSignal(page.report_shown, timeout=10000) as shown:
            page.run_report()
        result = shown.args[0]
        assert page.tabs.count() == 2
        model = page.tabs.widget(0).model()
        cells = {model.index(r, 0).data(): model.index(r, 4).data() for r in range(model.rowCount())}
        assert cells == {"Alpha school": "35,50\u00a0€", "Beta daycare": "17,67\u00a0€", "Gamma office": ""}
        assert model.headerData(0, Qt.Orientation.Horizontal) == "Kohde"
        chart = page.chart.chart()
        assert chart.title().startswith("Laitekustannus oppilasta kohden alueittain") and len(chart.series()) == 1
        # Both axes titled, every bar says its value, numbers written the Finnish way.
        assert all(axis.titleText() for axis in chart.axes())
        bars = chart.series()[0]
        assert bars.isLabelsVisible() and bars.barSets()[0].label() == "€ oppilasta kohden"
        assert chart.localizeNumbers() and chart.locale().language() == QLocale.Language.Finnish
        for fmt in ("xlsx", "pdf", "csv"):
            target = tmp_path / f"out.{fmt}"
            with qtbot.waitSignal(page.export_finished, timeout=20000):
                page.export_to(target, fmt)
            assert target.stat().st_size > 0
        assert result.name == "cost-per-pupil"
        # The suggested export name is the report's Finnish title (no English file names in the Finnish UI).
        name = page.suggested_export_name("xlsx")
        assert name == "laitteiden-vuosikustannus-oppilasta-kohden-2026-03-15.xlsx", name
        page.resize(1366, 768)
        assert not page.grab().isNull()
    finally:
        runner.wait(5000)
        ctx.close()


def test_a_failing_report_clears_the_last_one_and_says_what_to_do(qtbot, store_path: Path, finnish) -> None:
    page, ctx, runner = make_page(qtbot, store_path)
    try:
        page.select("inventory")
        with qtbot.waitSignal(page.report_shown, timeout=10000):
            page.run_report()
        assert page.tabs.count() == 3 and page.chart.chart().series()
        page.select("reconciliation")
        with qtbot.waitSignal(page.report_failed, timeout=10000) as failed:
            page.run_report()
        assert "laskutustiedosto" in failed.args[0] and "Selaa" in failed.args[0]
        assert page.tabs.count() == 0 and not page.chart.chart().series()
        assert not any(b.isEnabled() for b in page.export_buttons.values())
        bad = store_path.parent / "lasku.csv"
        bad.write_text("Sarjanumero;Kuukausimaksu\nSN-1;kymppi\n", encoding="utf-8")
        page.billing_edit.setText(str(bad))
        with qtbot.waitSignal(page.report_failed, timeout=10000) as failed:
            page.run_report()
        assert failed.args[0] == (
            "Raporttia ei voitu laatia: lasku.csv: 1 virhettä, mitään ei luettu: "
            "rivi 2: 'kymppi' ei ole euromäärä (sarake 'Kuukausimaksu')"
        )
    finally:
        runner.wait(5000)
        ctx.close()


def test_a_missing_billing_file_is_reported_not_raised(qtbot, store_path: Path) -> None:
    page, ctx, runner = make_page(qtbot, store_path)
    try:
        page.select("reconciliation")
        page.billing_edit.setText(str(store_path.parent / "nope.csv"))
        with qtbot.waitSignal(page.report_failed, timeout=10000) as failed:
            page.run_report()
        assert "is not a file" in failed.args[0]
        assert "is not a file" in page.summary.text()
    finally:
        runner.wait(5000)
        ctx.close()


def test_targets_dialog_sets_a_level_and_a_population(qtbot, store_path: Path) -> None:
    ctx = AppContext.create(db=str(store_path))
    try:
        build_world(ctx.store)
        dialog = TargetsDialog(ctx)
        qtbot.addWidget(dialog)
        dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("comprehensive"))
        dialog.target_combo.setCurrentIndex(dialog.target_combo.findData("pupil"))
        dialog.basis_combo.setCurrentIndex(dialog.basis_combo.findData("per_pupil"))
        dialog.per_unit_spin.setValue(0.75)
        assert dialog.save_target()
        assert any(t.site_kind == "comprehensive" and float(t.per_unit) == 0.75 for t in dialog.levels.targets())
        dialog.year_edit.setText("2025-2026")
        dialog.reload()
        row = next(i for i, s in enumerate(dialog.sites) if s.name == "Gamma office")
        dialog.population_table.item(row, 2).setText("30")
        assert dialog.save_populations()
        assert {p.site: p.pupils for p in dialog.levels.populations("2025-2026")}["Gamma office"] == 30
        dialog.population_table.item(row, 2).setText("many")
        before = [p.to_json() for p in dialog.levels.populations()]
        assert not dialog.save_populations() and "not a whole number" in dialog.message.text()
        assert [p.to_json() for p in dialog.levels.populations()] == before
        dialog.accept()
    finally:
        ctx.close()


def test_return_on_the_page_shows_the_report(qtbot, store_path: Path) -> None:
    """Field trial: "Show report" looked like the default button but Return did nothing on the page."""
    page, ctx, runner = make_page(qtbot, store_path)
    try:
        page.show()
        with qtbot.waitActive(page):
            page.activateWindow()
        page.report_combo.setFocus()
        with qtbot.waitSignal(page.report_shown, timeout=10000):
            qtbot.keyClick(page.report_combo, Qt.Key.Key_Return)
        assert page.tabs.count() >= 1
    finally:
        runner.wait()
        ctx.close()


def test_the_audit_list_names_the_state_in_finnish(qtbot, store_path: Path, finnish) -> None:
    """Field trial: the audit chooser read "30.11.2026 Keskuskoulu (open)" (here: finished) in the Finnish window."""
    from tests.reports.conftest import add_audit

    ctx = AppContext.create(db=str(store_path))
    add_audit(ctx.store, build_world(ctx.store))
    runner = TaskRunner()
    page = ReportsPage(ctx, runner)
    qtbot.addWidget(page)
    try:
        page.select("audit")
        texts = [page.audit_combo.itemText(i) for i in range(page.audit_combo.count())]
        assert texts == ["01.03.2026 Alpha school (Valmis)"]
    finally:
        runner.wait()
        ctx.close()
