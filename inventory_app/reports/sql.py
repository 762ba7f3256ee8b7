"""SQL building blocks the reports share: the device join, lifetimes, lease ends, annual cost.

Everything is computed by the database (SQLite or PostgreSQL alike). Date arithmetic differs between
the two, so "purchase date + lifetime years > as-of" is written as "purchase date > as-of - L years"
with one literal cut-off date per lifetime value L that occurs (a handful), which both run the same
way and which keeps the comparison a plain column-vs-constant test.
"""

from __future__ import annotations

import calendar
from datetime import date
from typing import Any

from sqlalchemy import CompoundSelect, Float, Select, and_, case, cast, false, func, literal, or_, select, union
from sqlalchemy.orm import Session

from inventory_app.core.enums import DeviceStatus, Ownership
from inventory_app.reports.model import Scope
from inventory_app.reports.scope import site_clause
from inventory_app.storage.schema import (
    AreaRecord,
    CategoryRecord,
    DeviceModelRecord,
    DeviceRecord,
    LeasingContractRecord,
    RoomRecord,
    SitePopulationRecord,
    SiteRecord,
)

D = DeviceRecord
C = LeasingContractRecord


def lifetime() -> Any:
    """The model's expected lifetime in years, else the category's."""
    return func.coalesce(DeviceModelRecord.expected_lifetime_years, CategoryRecord.lifetime_years)


def lease_end() -> Any:
    """The device's own lease end, else its contract's end date (the last day the lease runs)."""
    return func.coalesce(D.lease_end, C.end_date)


def acquired() -> Any:
    """When the city got the device: its purchase date, else (leased) its contract's start."""
    return func.coalesce(D.purchase_date, C.start_date)


def leased() -> Any:
    return D.ownership == Ownership.LEASED.value


def owned() -> Any:
    return D.ownership == Ownership.OWNED.value


# The city no longer holds these devices.
GONE = (DeviceStatus.LOST.value, DeviceStatus.RETIRED.value, DeviceStatus.RECYCLED.value)
# An owned device in these statuses costs nothing any more (a lost one was still paid for).
WRITTEN_OFF = (DeviceStatus.RETIRED.value, DeviceStatus.RECYCLED.value)


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later (or earlier), clamped to the month's last day (31.1. + 1 = 28.2.)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def years_before(day: date, years: int) -> date:
    return add_months(day, -12 * years)


def live_device() -> Any:
    return and_(D.deleted.is_(False), D.merged_into.is_(None))


def device_select(*columns: Any, scope: Scope) -> Select[Any]:
    """SELECT over live devices of the scope's sites, with category, model, contract, site and area joined."""
    return (
        select(*columns)
        .select_from(D)
        .join(SiteRecord, SiteRecord.id == D.site_id)
        .outerjoin(AreaRecord, AreaRecord.id == SiteRecord.area_id)
        .outerjoin(CategoryRecord, CategoryRecord.id == D.category_id)
        .outerjoin(DeviceModelRecord, DeviceModelRecord.id == D.model_id)
        .outerjoin(C, C.id == D.contract_id)
        .where(live_device(), site_clause(scope))
    )


def lifetimes(session: Session) -> list[int]:
    """Every lifetime value a device can have (models' and categories'), so cut-offs can be literals."""
    stmt: CompoundSelect[int] = union(  # (the NULLs are filtered out)
        select(DeviceModelRecord.expected_lifetime_years.label("y")).where(
            DeviceModelRecord.expected_lifetime_years.is_not(None)
        ),
        select(CategoryRecord.lifetime_years.label("y")).where(CategoryRecord.lifetime_years.is_not(None)),
    )
    return sorted({int(y) for (y,) in session.execute(stmt)})


def lifetime_cutoff(years: list[int], day: date) -> Any:
    """``day`` - L years for the device's lifetime L: a device acquired on or before it is past its lifetime.

    One CASE on the lifetime (evaluated once) rather than an OR over every lifetime value; a device
    without a lifetime gets NULL, so every comparison with the cut-off is unknown (false in a WHEN).
    """
    return case({y: years_before(day, y) for y in years}, value=lifetime(), else_=literal(None))


def past_lifetime(start: Any, years: list[int], day: date) -> Any:
    """The lifetime is over on ``day``: start + L years <= day (the anniversary is the first day past it)."""
    return start <= lifetime_cutoff(years, day) if years else false()


def within_lifetime(start: Any, years: list[int], as_of: date) -> Any:
    """Bought on or before ``as_of`` and ``as_of`` is before the day the lifetime ends."""
    return and_(start <= as_of, start > lifetime_cutoff(years, as_of) if years else false())


def end_of_life_between(start: Any, years: list[int], first: date, last: date) -> Any:
    """The lifetime ends (start + L) on a day in [first, last]."""
    if not years:
        return false()
    return and_(start >= lifetime_cutoff(years, first), start <= lifetime_cutoff(years, last))


def contract_device_counts() -> Any:
    """Live devices per contract whose total fee is shared among them (``fee_basis`` "total").

    Only those contracts: ``monthly_fee`` reads the count for no other, and counting every
    leased device of the city (a table read per device) for nothing cost more than the report.
    """
    return (
        select(D.contract_id.label("contract_id"), func.count().label("n"))
        .where(D.contract_id.in_(select(C.id).where(C.fee_basis == "total")), live_device())
        .group_by(D.contract_id)
        .subquery("contract_devices")
    )


def monthly_fee(shares: Any) -> Any:
    """A leased device's monthly fee in cents: its own, else its contract's per-device fee or share of the total."""
    return func.coalesce(
        cast(D.lease_monthly_fee_cents, Float),
        case(
            (C.fee_basis == "total", cast(C.monthly_fee_cents, Float) / func.nullif(shares.c.n, 0)),
            else_=cast(C.monthly_fee_cents, Float),
        ),
    )


def lease_runs(as_of: date) -> Any:
    """A leased device whose lease has started and not ended on ``as_of`` (the end day still runs)."""
    return and_(
        leased(),
        or_(lease_end().is_(None), lease_end() >= as_of),
        or_(C.start_date.is_(None), C.start_date <= as_of),
    )


def owned_costs(years: list[int], as_of: date) -> Any:
    return and_(
        owned(),
        D.status.not_in(WRITTEN_OFF),
        D.purchase_price_cents.is_not(None),
        D.purchase_date.is_not(None),
        within_lifetime(D.purchase_date, years, as_of),
    )


def annual_cost(years: list[int], as_of: date, shares: Any) -> Any:
    """Annual cost in cents (a float: price / lifetime need not be whole cents), 0 when nothing is paid."""
    return case(
        (lease_runs(as_of), monthly_fee(shares) * 12),
        (owned_costs(years, as_of), cast(D.purchase_price_cents, Float) / lifetime()),
        else_=literal(0.0),
    )


def populations(school_year: str) -> Any:
    """Pupils and staff per site for one school year (a doubled row counts once: the larger)."""
    return (
        select(
            SitePopulationRecord.site_id.label("site_id"),
            func.max(SitePopulationRecord.pupils).label("pupils"),
            func.max(SitePopulationRecord.staff).label("staff"),
        )
        .where(SitePopulationRecord.deleted.is_(False), SitePopulationRecord.school_year == school_year)
        .group_by(SitePopulationRecord.site_id)
        .subquery("pop")
    )


def classrooms() -> Any:
    return (
        select(RoomRecord.site_id.label("site_id"), func.count().label("classrooms"))
        .where(RoomRecord.deleted.is_(False), RoomRecord.kind == "classroom")
        .group_by(RoomRecord.site_id)
        .subquery("classrooms")
    )


def scope_sites(scope: Scope) -> Select[*tuple[Any, ...]]:
    """The scope's live sites with their area, ordered by area and name."""
    return (
        select(
            SiteRecord.id,
            SiteRecord.name,
            SiteRecord.code,
            SiteRecord.kind,
            SiteRecord.cost_centre,
            AreaRecord.name.label("area"),
        )
        .outerjoin(AreaRecord, AreaRecord.id == SiteRecord.area_id)
        .where(site_clause(scope))
        .order_by(AreaRecord.name, SiteRecord.name)
    )
