"""``replacement-plan``: what reaches the end of its life or its lease next (calendar) year, and its cost.

Next year is the calendar year after as-of (budgets are by calendar year). Reasons:
- ``end_of_life``: an owned device whose purchase + lifetime falls in that year;
- ``overdue``: an owned device whose lifetime ends before that year and that the city still holds;
- ``lease_end``: a leased device whose lease ends in that year.
Estimated cost: an owned device's purchase price (else the average price of its model, else of its
category) to buy a like one again; a leased device's monthly fee x 12, a year of a renewed lease.
Lost, retired and recycled devices need no replacement and are left out.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, TypedDict

from sqlalchemy import Float, and_, case, cast, func, literal, select
from sqlalchemy.orm import Session

from inventory_app.reports.model import ChartSeries, ChartSpec, Column, Kind, ReportResult, Scope, Section, euros
from inventory_app.reports.scope import site_clause
from inventory_app.reports.sql import (
    GONE,
    C,
    D,
    contract_device_counts,
    end_of_life_between,
    lease_end,
    leased,
    lifetimes,
    live_device,
    monthly_fee,
    owned,
    past_lifetime,
)
from inventory_app.storage.schema import AreaRecord, CategoryRecord, DeviceModelRecord, SiteRecord

REASONS = ("overdue", "end_of_life", "lease_end")
COLUMNS = [
    Column("area", "Area"),
    Column("site", "Site"),
    Column("group", "Group"),
    Column("category", "Category"),
    Column("reason", "Reason"),
    Column("devices", "Devices", Kind.INT),
    Column("estimated_cost", "Estimated cost €", Kind.MONEY),
]


class ReasonTotal(TypedDict):
    """One reason's line in the totals: how many devices are due for it and what replacing them costs."""

    devices: int
    estimated_cost: Decimal


def _average_prices(key: Any, name: str, prices: Any) -> Any:
    """The average purchase price per model (or category), from the per-(model, category) sums."""
    return (
        select(
            prices.c[key].label("key"), (cast(func.sum(prices.c.cents), Float) / func.sum(prices.c.n)).label("price")
        )
        .group_by(prices.c[key])
        .subquery(name)
    )


def _due(session: Session, as_of: date) -> Any:
    """Devices due next year per site, category and reason: count, estimated cost (cents), unpriced count.

    Grouped by ids over ``ix_devices_report``; names are joined onto these few hundred rows afterwards.
    """
    year = as_of.year + 1
    first, last = date(year, 1, 1), date(year, 12, 31)
    years = lifetimes(session)
    shares = contract_device_counts()
    # One pass over the priced devices gives both averages (a sum of whole cents is exact, so
    # sum / count is the same number avg() would give).
    prices = (
        select(
            D.model_id.label("model_id"),
            D.category_id.label("category_id"),
            func.sum(D.purchase_price_cents).label("cents"),
            func.count().label("n"),
        )
        .where(live_device(), D.purchase_price_cents.is_not(None))
        .group_by(D.model_id, D.category_id)
        .cte("priced")
    )
    model_price = _average_prices("model_id", "model_price", prices)
    category_price = _average_prices("category_id", "category_price", prices)
    reason = case(
        (leased(), case((and_(lease_end() >= first, lease_end() <= last), "lease_end"), else_=literal(None))),
        (and_(owned(), past_lifetime(D.purchase_date, years, first)), "overdue"),
        (and_(owned(), end_of_life_between(D.purchase_date, years, first, last)), "end_of_life"),
        else_=literal(None),
    )
    cost = case(
        (leased(), monthly_fee(shares) * 12),
        else_=func.coalesce(cast(D.purchase_price_cents, Float), model_price.c.price, category_price.c.price),
    )
    return (
        select(
            D.site_id.label("site_id"),
            D.category_id.label("category_id"),
            reason.label("reason"),
            func.count().label("n"),
            func.sum(cost).label("cents"),
            func.sum(case((cost.is_(None), 1), else_=0)).label("unpriced"),
        )
        .select_from(D)
        .outerjoin(CategoryRecord, CategoryRecord.id == D.category_id)
        .outerjoin(DeviceModelRecord, DeviceModelRecord.id == D.model_id)
        .outerjoin(C, C.id == D.contract_id)
        .outerjoin(shares, shares.c.contract_id == D.contract_id)
        .outerjoin(model_price, model_price.c.key == D.model_id)
        .outerjoin(category_price, category_price.c.key == D.category_id)
        .where(live_device(), D.status.not_in(GONE), reason.is_not(None))
        .group_by(D.site_id, D.category_id, reason)
        .subquery("due")
    )


def replacement_report(session: Session, scope: Scope, as_of: date) -> ReportResult:
    year = as_of.year + 1
    due = _due(session, as_of)
    group = func.coalesce(CategoryRecord.group, "")
    category = func.coalesce(CategoryRecord.code, "")
    stmt = (
        select(
            AreaRecord.name,
            SiteRecord.name,
            group,
            category,
            due.c.reason,
            func.sum(due.c.n),
            func.sum(due.c.cents),
            func.sum(due.c.unpriced),
        )
        .select_from(due)
        .join(SiteRecord, SiteRecord.id == due.c.site_id)
        .outerjoin(AreaRecord, AreaRecord.id == SiteRecord.area_id)
        .outerjoin(CategoryRecord, CategoryRecord.id == due.c.category_id)
        .where(site_clause(scope))
        .group_by(AreaRecord.name, SiteRecord.name, group, category, due.c.reason)
        .order_by(AreaRecord.name, SiteRecord.name, group, category, due.c.reason)
    )
    rows: list[dict[str, Any]] = []
    unpriced = 0
    for area, site, grp, cat, why, n, cents, n_unpriced in session.execute(stmt):
        unpriced += int(n_unpriced or 0)
        rows.append(
            {
                "area": area,
                "site": site,
                "group": grp or None,
                "category": cat or None,
                "reason": why,
                "devices": int(n),
                "estimated_cost": euros(cents or 0),
            }
        )
    by_reason: dict[str, ReasonTotal] = {r: {"devices": 0, "estimated_cost": Decimal("0.00")} for r in REASONS}
    for r in rows:
        by_reason[r["reason"]]["devices"] += r["devices"]
        by_reason[r["reason"]]["estimated_cost"] += r["estimated_cost"]
    by_area: dict[str, dict[str, Decimal]] = {}
    for r in rows:
        by_area.setdefault(r["area"] or "-", {k: Decimal(0) for k in REASONS})[r["reason"]] += r["estimated_cost"]
    areas = sorted(by_area)
    chart = (
        ChartSpec(
            f"Estimated replacement cost {year} per area",
            areas,
            [ChartSeries(k, [float(by_area[a][k]) for a in areas]) for k in REASONS],  # named in texts.py
            y_label="€",
            x_label="Area",
            stacked=True,
        )
        if areas
        else None
    )
    notes = [f"{unpriced} device(s) have no price and no priced model or category; counted at 0 €."] if unpriced else []
    return ReportResult(
        "replacement-plan",
        f"Replacement plan {year}",
        scope,
        as_of,
        [Section("rows", f"Due in {year}", COLUMNS, rows)],
        totals={
            "year": year,
            "devices": sum(v["devices"] for v in by_reason.values()),
            "estimated_cost": sum((v["estimated_cost"] for v in by_reason.values()), Decimal("0.00")),
            "by_reason": by_reason,
        },
        chart=chart,
        notes=notes,
    )
