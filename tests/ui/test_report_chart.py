"""Report charts in the reports page's narrow pane: names are never drawn over each other."""

from __future__ import annotations

from PySide6.QtCharts import QAbstractBarSeries, QHorizontalStackedBarSeries, QStackedBarSeries

from inventory_app.reports.model import ChartSeries, ChartSpec
from inventory_app.ui.report_chart import ReportChart


def _bars(chart: ReportChart) -> QAbstractBarSeries:
    return next(s for s in chart.series() if isinstance(s, QAbstractBarSeries))


def _spec(categories: list[str]) -> ChartSpec:
    values = [float(i + 1) for i in range(len(categories))]
    return ChartSpec(
        "Laitteet", categories, [ChartSeries("Käytössä", values), ChartSeries("Varalla", values)], stacked=True
    )


def test_long_finnish_group_names_lie_horizontally(qapp):
    """Field trial: "Oppilaslaitteet", "Henkilöstön laitteet" and "Infrastruktuuri" overlapped under the
    bars and "Esitystekniikka" vanished."""
    chart = ReportChart(_spec(["Esitystekniikka", "Oppilaslaitteet", "Henkilöstön laitteet", "Infrastruktuuri"]), "fi")
    assert isinstance(_bars(chart), QHorizontalStackedBarSeries)
    assert chart.legend().showToolTips()  # a series name cut to "…" is whole on hover


def test_five_area_names_lie_horizontally_but_short_age_bands_stand(qapp):
    areas = ["Joutseno", "Kesämäki", "Kimpinen", "Lauritsala", "Sammonlahti"]
    assert isinstance(_bars(ReportChart(_spec(areas), "fi")), QHorizontalStackedBarSeries)
    bands = ["0–1 v", "1–2 v", "2–3 v", "3–4 v", "4–5 v", "5–6 v", "6–8 v"]
    assert isinstance(_bars(ReportChart(_spec(bands), "fi")), QStackedBarSeries)
