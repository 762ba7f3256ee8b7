"""The words of every report in English and Finnish, without Qt: the CLI's exports and the window share them.

Reports are computed in English with stable codes (JSON keeps both). :func:`localise` makes the
copy people read: titles, section titles, column headers, chart texts, notes, the scope's name and
the coded cell values (status, category, group, site kind, observation kind, severity, reasons …)
in the chosen language. :func:`format_value` writes numbers and dates the way the language does
(``1 234,50 €`` and ``12.8.2026`` in Finnish). :func:`summary_rows` gives the totals with readable
labels for the XLSX summary sheet and the PDF.

The closed vocabularies (``VOCABULARY``) are the one plain-Python list of the domain's codes with
their English and Finnish names; ``ui/labels.py`` still holds the window's own copy for its widgets.
"""

from __future__ import annotations

import locale
import os
import re
from collections.abc import Mapping
from dataclasses import replace
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from inventory_app.reports.model import ChartSeries, ChartSpec, Column, Kind, ReportResult, Scope, Section

# The catalogue is read through this module too (texts.FI, texts.VOCABULARY …).
from inventory_app.reports.texts_catalogue import (  # noqa: F401
    COLUMN_VOCABULARY,
    FI,
    FI_MESSAGE_PARTS,
    FI_MESSAGES,
    FI_PATTERNS,
    MONEY_TOTALS,
    TOTAL_LABELS,
    VOCABULARY,
)

LANGUAGES = ("en", "fi")
NBSP = "\u00a0"


def message(detail: str, lang: str) -> str:
    """An error message (English, from the services) in ``lang``: whole sentences, else their known parts."""
    if lang != "fi":
        return detail
    for pattern, template in FI_MESSAGES:
        match = re.fullmatch(pattern, detail, flags=re.DOTALL)
        if match:
            return template.format(*match.groups())
    for pattern, replacement in FI_MESSAGE_PARTS:
        detail = re.sub(pattern, replacement, detail)
    return detail


def language_of(setting: str | None) -> str:
    """``fi`` or ``en``: the given setting, else the system's language (Finnish on a Finnish system)."""
    value = (setting or "").strip().lower()
    if not value:
        value = os.environ.get("LC_ALL") or os.environ.get("LC_MESSAGES") or os.environ.get("LANG") or ""
        if not value:
            try:
                value = locale.getlocale()[0] or ""
            except ValueError:
                value = ""
        value = value.lower()
    return "fi" if value.startswith("fi") else "en"


def text(english: str, lang: str) -> str:
    """``english`` in ``lang`` (unknown texts are shown as they are)."""
    if lang != "fi" or not english:
        return english
    found = FI.get(english)
    if found is not None:
        return found
    for pattern, template in FI_PATTERNS:
        match = re.fullmatch(pattern, english)
        if match:
            return template.format(*(_fi_part(g) for g in match.groups()))
    return english


def _fi_part(part: str) -> str:
    """A figure inside a translated text: known words in Finnish, ISO dates as d.m.yyyy."""
    if re.fullmatch(r"\d{4}-\d\d-\d\d", part):
        day = date.fromisoformat(part)
        return f"{day.day}.{day.month}.{day.year}"
    return FI.get(part, part)


def vocabulary_name(kind: str, code: Any, lang: str) -> Any:
    """The name of ``code`` in vocabulary ``kind`` (a target is a group or a category)."""
    if not isinstance(code, str):
        return code
    if kind == "target":
        return (
            vocabulary_name("group", code, lang)
            if code in VOCABULARY["group"]
            else vocabulary_name("category", code, lang)
        )
    names = VOCABULARY.get(kind, {}).get(code)
    if names is None:
        if kind == "notice_status" and code.startswith("within_"):
            months = code.removeprefix("within_")
            return VOCABULARY["notice_status"]["within"][1 if lang == "fi" else 0].format(months)
        return text(code, lang) if kind == "age_band" else code
    return names[1] if lang == "fi" else names[0]


def column_label(column: Column, lang: str) -> str:
    if column.key in VOCABULARY["status"] and column.kind is Kind.INT:
        return str(vocabulary_name("status", column.key, lang))  # the inventory's status columns
    return text(column.label, lang)


def localise(result: ReportResult, lang: str) -> ReportResult:
    """A copy of ``result`` in ``lang`` for people: the same rows with coded values named, texts translated."""
    sections = []
    for s in result.sections:
        vocab = {c.key: COLUMN_VOCABULARY[c.key] for c in s.columns if c.key in COLUMN_VOCABULARY}
        rows = (
            s.rows
            if not vocab
            else [{**row, **{k: vocabulary_name(v, row.get(k), lang) for k, v in vocab.items()}} for row in s.rows]
        )
        columns = [Column(c.key, column_label(c, lang), c.kind) for c in s.columns]
        sections.append(Section(s.key, text(s.title, lang), columns, rows))
    chart = None
    if result.chart is not None:
        c = result.chart
        categories = [_category(x, lang) for x in c.categories]
        chart = ChartSpec(
            text(c.title, lang),
            categories,
            [ChartSeries(_category(x.name, lang), x.values, x.style) for x in c.series],
            y_label=text(c.y_label, lang),
            stacked=c.stacked,
            x_label=text(c.x_label, lang),
        )
    scope = result.scope if result.scope.kind != "city" else Scope("city", None, text("City", lang))
    return replace(
        result,
        title=text(result.title, lang),
        scope=scope,
        sections=sections,
        chart=chart,
        notes=[text(n, lang) for n in result.notes],
    )


def _category(value: str, lang: str) -> str:
    month = re.fullmatch(r"(\d{4})-(\d\d)", value)
    if month and lang == "fi":
        return f"{int(month.group(2))}/{month.group(1)}"  # a chart's month: 1/2027
    for kind in ("group", "status", "category", "observation", "reason", "age_band"):
        if value in VOCABULARY[kind]:
            return str(vocabulary_name(kind, value, lang))
    return text(value, lang)


# ---- numbers and dates as people write them ------------------------------------------------------


def group_digits(number: str, lang: str) -> str:
    """``1234567.5`` -> ``1 234 567,5`` (fi) or ``1,234,567.5`` (en)."""
    sign = "-" if number.startswith("-") else ""
    whole, _, frac = number.lstrip("-").partition(".")
    parts: list[str] = []
    while len(whole) > 3:
        parts.insert(0, whole[-3:])
        whole = whole[:-3]
    parts.insert(0, whole)
    sep, dec = (NBSP, ",") if lang == "fi" else (",", ".")
    return sign + sep.join(parts) + (dec + frac if frac else "")


def format_value(value: Any, kind: Kind, lang: str) -> str:
    """A cell as text: ``1 234,50 €`` and ``12.8.2026`` in Finnish, ``1,234.50 €`` and ``2026-08-12`` in English."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(vocabulary_name("yes_no", "yes" if value else "no", lang))
    if kind is Kind.MONEY and isinstance(value, (Decimal, int, float)):
        amount = Decimal(repr(float(value))) if isinstance(value, float) else Decimal(value)
        return group_digits(str(amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)), lang) + NBSP + "€"
    if kind is Kind.PERCENT and isinstance(value, (Decimal, int, float)):
        return group_digits(f"{float(value) * 100:.1f}", lang) + NBSP + "%"
    if kind in (Kind.INT, Kind.NUMBER) and isinstance(value, (Decimal, int, float)):
        if isinstance(value, float):
            value = Decimal(repr(value))
        return group_digits(str(value), lang)
    if isinstance(value, datetime):
        shown = value.astimezone() if value.tzinfo else value
        return f"{shown.day}.{shown.month}.{shown.year} {shown:%H:%M}" if lang == "fi" else f"{shown:%Y-%m-%d %H:%M}"
    if isinstance(value, date):
        return f"{value.day}.{value.month}.{value.year}" if lang == "fi" else value.isoformat()
    if isinstance(value, Decimal):
        return group_digits(str(value), lang)
    return str(value)


def axis_number(value: float, lang: str) -> str:
    """A chart axis or bar value: whole numbers grouped (``400 000``), small ones with one decimal."""
    if abs(value - round(value)) < 1e-9:
        return group_digits(str(int(round(value))), lang)
    return group_digits(f"{value:.2f}".rstrip("0").rstrip("."), lang)


# ---- the summary: totals with readable labels --------------------------------------------------------


def _total_label(path: list[str], lang: str) -> str:
    names = []
    for part in path:
        if part in ("by_group", "by_reason", "balance"):
            continue
        if part in TOTAL_LABELS:
            names.append(TOTAL_LABELS[part][1 if lang == "fi" else 0])
        else:
            names.append(
                str(
                    _category(part, lang) if part not in VOCABULARY["reason"] else vocabulary_name("reason", part, lang)
                )
            )
    return " – ".join(names) if names else path[-1]


def summary_rows(result: ReportResult, lang: str) -> list[tuple[str, Any, Kind]]:
    """(label, value, kind) for the report's meta and totals, in order, with labels people read."""
    rows: list[tuple[str, Any, Kind]] = []

    def walk(data: Mapping[str, Any], path: list[str]) -> None:
        for key, value in data.items():
            if isinstance(value, Mapping):
                walk(value, [*path, key])
                continue
            if isinstance(value, (list, tuple)):
                value = ", ".join(str(v) for v in value)
            if isinstance(value, str) and re.fullmatch(r"\d{4}-\d\d-\d\dT[\d:.]+([+-]\d\d:\d\d|Z)?", value):
                value = datetime.fromisoformat(value)  # an audit's start and end, stored as text in meta
            kind = Kind.TEXT
            if key in MONEY_TOTALS or (path and path[-1] == "balance"):
                kind = Kind.MONEY
            elif key.endswith("_share"):
                kind = Kind.PERCENT
            elif isinstance(value, bool):
                kind = Kind.TEXT
            elif isinstance(value, int):
                kind = Kind.INT
            elif isinstance(value, (Decimal, float)):
                kind = Kind.NUMBER
            elif isinstance(value, datetime):
                kind = Kind.DATETIME
            elif isinstance(value, date):
                kind = Kind.DATE
            if key in ("status",) and isinstance(value, str):
                value = vocabulary_name("audit_status", value, lang)
            rows.append((_total_label([*path, key], lang), value, kind))

    walk(result.meta, [])
    walk(result.totals, [])
    return rows
