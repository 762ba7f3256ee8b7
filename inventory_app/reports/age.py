"""``age``: devices the city holds by age band against their expected lifetime, and the units with
the largest share of outdated devices (early childhood units are the known worry).

Age counts from the purchase date (a leased device without one: its contract's start). A device is
outdated on as-of when purchase + lifetime <= as-of. Lost, retired and recycled devices are left out;
devices bought after as-of are not there yet.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import case, func, or_
from sqlalchemy.orm import Session

from inventory_app.core.enums import CategoryGroup
from inventory_app.reports.model import ChartSeries, ChartSpec, Column, Kind, ReportResult, Scope, Section, ratio
from inventory_app.reports.sql import GONE, D, acquired, device_select, lifetimes, past_lifetime, years_before
from inventory_app.storage.schema import AreaRecord, CategoryRecord, SiteRecord

# (label, upper age bound in years); ages are [lower, upper).
BANDS = (("0-1 y", 1), ("1-2 y", 2), ("2-3 y", 3), ("3-4 y", 4), ("4-5 y", 5), ("5-6 y", 6), ("6-8 y", 8))
OLDEST = "8+ y"
UNKNOWN = "unknown"
BAND_ORDER = [b for b, _ in BANDS] + [OLDEST, UNKNOWN]

BAND_COLUMNS = [
    Column("band", "Age"),
    Column("group", "Group"),
    Column("devices", "Devices", Kind.INT),
    Column("within_lifetime", "Within lifetime", Kind.INT),
    Column("past_lifetime", "Past lifetime", Kind.INT),
]
UNIT_COLUMNS = [
    Column("area", "Area"),
    Column("site", "Site"),
    Column("site_kind", "Site kind"),
    Column("devices", "Devices", Kind.INT),
    Column("outdated", "Past lifetime", Kind.INT),
    Column("outdated_share", "Share past lifetime", Kind.PERCENT),
    Column("unknown_age", "Age unknown", Kind.INT),
]


def age_report(session: Session, scope: Scope, as_of: date) -> ReportResult:
    years = lifetimes(session)
    band = case(
        (acquired().is_(None), UNKNOWN),
        *[(acquired() > years_before(as_of, upper), label) for label, upper in BANDS],
        else_=OLDEST,
    )
    outdated = case((past_lifetime(acquired(), years, as_of), 1), else_=0)
    held = [D.status.not_in(GONE), or_(acquired().is_(None), acquired() <= as_of)]
    group = func.coalesce(CategoryRecord.group, "")
    unknown = case((acquired().is_(None), 1), else_=0)
    # One pass over the devices, by band, group and unit (a few hundred rows); the two tables are
    # totalled from it here, each in the order its own GROUP BY gave (nulls first, then by value).
    by_band: dict[tuple[str, str], list[int]] = {}
    by_unit: dict[tuple[str | None, str, str | None], list[int]] = {}
    for label, grp, area, site, kind, n, old, n_unknown in session.execute(
        device_select(
            band,
            group,
            AreaRecord.name,
            SiteRecord.name,
            SiteRecord.kind,
            func.count(),
            func.sum(outdated),
            func.sum(unknown),
            scope=scope,
        )
        .where(*held)
        .group_by(band, group, AreaRecord.name, SiteRecord.name, SiteRecord.kind)
    ):
        counts = (int(n), int(old or 0), int(n_unknown or 0))
        for total in (by_band.setdefault((label, grp), [0, 0, 0]), by_unit.setdefault((area, site, kind), [0, 0, 0])):
            for i, value in enumerate(counts):
                total[i] += value
    band_rows: list[dict[str, Any]] = [
        {
            "band": label,
            "group": grp or None,
            "devices": n,
            "within_lifetime": n - old,
            "past_lifetime": old,
        }
        for (label, grp), (n, old, _) in sorted(by_band.items())
    ]
    group_order = {g.value: i for i, g in enumerate(CategoryGroup)}
    band_rows.sort(key=lambda r: (BAND_ORDER.index(r["band"]), group_order.get(r["group"] or "", 9)))
    units: list[dict[str, Any]] = []
    for (area, site, kind), (n, old, n_unknown) in sorted(by_unit.items(), key=lambda item: _null_first(item[0])):
        known = n - n_unknown
        units.append(
            {
                "area": area,
                "site": site,
                "site_kind": kind,
                "devices": n,
                "outdated": old,
                "outdated_share": ratio(old, known, "0.0001"),
                "unknown_age": n_unknown,
            }
        )
    units.sort(key=lambda u: (-(u["outdated_share"] or 0), u["area"] or "", u["site"]))
    per_band = {b: [0, 0] for b in BAND_ORDER}
    for r in band_rows:
        per_band[r["band"]][0] += r["within_lifetime"]
        per_band[r["band"]][1] += r["past_lifetime"]
    shown = [b for b in BAND_ORDER if sum(per_band[b])]
    chart = (
        ChartSpec(
            "Devices by age",
            shown,
            [
                ChartSeries("within lifetime", [float(per_band[b][0]) for b in shown]),
                ChartSeries("past lifetime", [float(per_band[b][1]) for b in shown]),
            ],
            y_label="devices",
            x_label="Age band",
            stacked=True,
        )
        if shown
        else None
    )
    total = sum(u["devices"] for u in units)
    old_total = sum(u["outdated"] for u in units)
    known_total = total - sum(u["unknown_age"] for u in units)
    return ReportResult(
        "age",
        "Device age against expected lifetime",
        scope,
        as_of,
        [
            Section("rows", "Devices by age band", BAND_COLUMNS, band_rows),
            Section("units", "Units by share of outdated devices", UNIT_COLUMNS, units),
        ],
        totals={
            "devices": total,
            "past_lifetime": old_total,
            "past_lifetime_share": ratio(old_total, known_total, "0.0001"),
        },
        chart=chart,
    )


def _null_first(key: tuple[str | None, ...]) -> tuple[tuple[bool, str], ...]:
    """A GROUP BY key as SQLite orders it: NULL before any value."""
    return tuple((value is not None, value or "") for value in key)
