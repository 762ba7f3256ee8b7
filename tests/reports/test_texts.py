"""Numbers, dates and names as a Finnish (or English) reader writes them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from inventory_app.reports.model import Kind
from inventory_app.reports.texts import NBSP, axis_number, format_value, language_of, text, vocabulary_name


def test_finnish_numbers_and_dates() -> None:
    assert format_value(Decimal("1234.5"), Kind.MONEY, "fi") == f"1{NBSP}234,50{NBSP}€"
    assert format_value(Decimal("400000"), Kind.MONEY, "fi") == f"400{NBSP}000,00{NBSP}€"
    assert format_value(Decimal("-1234.5"), Kind.MONEY, "fi") == f"-1{NBSP}234,50{NBSP}€"
    assert format_value(date(2026, 8, 12), Kind.DATE, "fi") == "12.8.2026"
    assert format_value(12345, Kind.INT, "fi") == f"12{NBSP}345"
    assert format_value(Decimal("0.3333"), Kind.PERCENT, "fi") == f"33,3{NBSP}%"
    assert axis_number(400000.0, "fi") == f"400{NBSP}000"


def test_english_numbers_and_dates() -> None:
    assert format_value(Decimal("1234.5"), Kind.MONEY, "en") == f"1,234.50{NBSP}€"
    assert format_value(date(2026, 8, 12), Kind.DATE, "en") == "2026-08-12"


def test_names_of_codes_and_texts() -> None:
    assert vocabulary_name("status", "in_use", "fi") == "Käytössä"
    assert vocabulary_name("target", "pupil", "fi") == "Oppilaslaitteet"
    assert vocabulary_name("target", "tablet", "fi") == "Tabletti"
    assert vocabulary_name("notice_status", "within_6", "fi") == "6 kk sisällä"
    assert text("Leases ending within 12 months", "fi") == "Päättyvät leasingsopimukset 12 kk sisällä"
    assert text("Nothing to report for City on 2026-03-15.", "fi") == "Ei raportoitavaa: Kaupunki, 15.3.2026."
    assert text("Device inventory", "en") == "Device inventory"


def test_the_language_follows_the_setting_else_the_system(monkeypatch) -> None:
    assert language_of("fi") == "fi" and language_of("en") == "en"
    monkeypatch.setenv("LC_ALL", "")
    monkeypatch.setenv("LC_MESSAGES", "")
    monkeypatch.setenv("LANG", "fi_FI.UTF-8")
    assert language_of("") == "fi"
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert language_of("") == "en"


def test_chart_months_in_finnish() -> None:
    from inventory_app.reports.model import ChartSeries, ChartSpec, ReportResult, Scope
    from inventory_app.reports.texts import localise

    chart = ChartSpec(
        "Leased devices whose lease ends, by month (next 12 months)",
        ["2027-01", "2027-08"],
        [ChartSeries("devices", [1.0, 2.0])],
        y_label="devices",
        x_label="Lease end month",
    )
    result = ReportResult(
        "leasing", "Leases ending within 12 months", Scope("city", None, "City"), date(2026, 11, 1), [], chart=chart
    )
    shown = localise(result, "fi").chart
    assert shown is not None and shown.categories == ["1/2027", "8/2027"]
    assert (shown.y_label, shown.x_label, shown.series[0].name) == ("laitteita", "Päättymiskuukausi", "laitteita")


def test_every_audit_report_section_and_column_has_finnish() -> None:
    """Field trial: the audit XLSX had a sheet "Seen here, belongs to another s" with columns
    "Belongs to" and "Seen in room" in a Finnish user's export."""
    from inventory_app.reports import audit_report
    from inventory_app.reports.texts import column_label

    columns = [
        c
        for name in ("FOUND_COLUMNS", "MOVED_COLUMNS", "UNKNOWN_COLUMNS", "OTHER_SITE_COLUMNS", "MISSING_COLUMNS")
        for c in getattr(audit_report, name)
    ]
    untranslated = [c.label for c in columns if column_label(c, "fi") == c.label]
    assert untranslated == []
    assert text("Seen here, belongs to another site", "fi") != "Seen here, belongs to another site"
