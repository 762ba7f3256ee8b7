"""``leasing``: contracts and leased devices whose lease ends, or whose notice deadline falls, within N months.

The window is [as-of, as-of + N months], both ends included. Each contract and device also says
where its notice deadline stands: passed, within the N months, or later. The notice deadline is the lease end
minus the contract's notice period in months (a device without a contract has no notice period).
A lease that already ended before as-of is not listed (it is the reconciliation's business).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from inventory_app.reports.model import ChartSeries, ChartSpec, Column, Kind, ReportResult, Scope, Section, euros
from inventory_app.reports.sql import (
    C,
    D,
    add_months,
    contract_device_counts,
    device_select,
    lease_end,
    leased,
    monthly_fee,
)
from inventory_app.storage.schema import AreaRecord, CategoryRecord, SiteRecord

CONTRACT_COLUMNS = [
    Column("lessor", "Lessor"),
    Column("contract", "Contract"),
    Column("start_date", "Start", Kind.DATE),
    Column("end_date", "End", Kind.DATE),
    Column("notice_months", "Notice (months)", Kind.INT),
    Column("notice_deadline", "Notice deadline", Kind.DATE),
    Column("devices", "Devices", Kind.INT),
    Column("monthly_cost", "Monthly cost €", Kind.MONEY),
    Column("reason", "Why listed"),
    Column("notice_status", "Notice status"),
]
DEVICE_COLUMNS = [
    Column("asset_tag", "Asset tag"),
    Column("serial", "Serial"),
    Column("area", "Area"),
    Column("site", "Site"),
    Column("category", "Category"),
    Column("status", "Status"),
    Column("contract", "Contract"),
    Column("lease_end", "Lease end", Kind.DATE),
    Column("notice_deadline", "Notice deadline", Kind.DATE),
    Column("monthly_fee", "Monthly fee €", Kind.MONEY),
    Column("reason", "Why listed"),
    Column("notice_status", "Notice status"),
]


def notice_status(deadline: date | None, as_of: date, horizon: date, months: int) -> str:
    """``passed`` (before as-of), ``within_N`` (as-of .. as-of + N months), ``later``; ``none`` without a deadline."""
    if deadline is None:
        return "none"
    if deadline < as_of:
        return "passed"
    return f"within_{months}" if deadline <= horizon else "later"


def _reason(end: date | None, deadline: date | None, first: date, last: date) -> str | None:
    ends = end is not None and first <= end <= last
    notice = deadline is not None and first <= deadline <= last
    if ends and notice:
        return "ends; notice deadline"
    if ends:
        return "ends"
    if notice:
        return "notice deadline"
    return None


def leasing_report(session: Session, scope: Scope, as_of: date, months: int = 12) -> ReportResult:
    horizon = add_months(as_of, months)
    shares = contract_device_counts()
    fee = monthly_fee(shares)
    notice = func.coalesce(C.notice_months, 0)
    notice_values = sorted({int(m or 0) for (m,) in session.execute(select(C.notice_months).distinct())} | {0})
    # "notice deadline in the window" as plain comparisons of the end date, one per notice period used.
    deadline_in_window = or_(
        *[
            and_(notice == m, lease_end() >= add_months(as_of, m), lease_end() <= add_months(horizon, m))
            for m in notice_values
        ]
    )
    ends_in_window = and_(lease_end() >= as_of, lease_end() <= horizon)
    stmt = (
        device_select(
            D.asset_tag,
            D.serial,
            AreaRecord.name,
            SiteRecord.name,
            CategoryRecord.code,
            D.status,
            C.contract_number,
            lease_end(),
            notice,
            fee,
            scope=scope,
        )
        .outerjoin(shares, shares.c.contract_id == D.contract_id)
        .where(leased(), or_(ends_in_window, deadline_in_window))
        .order_by(lease_end(), AreaRecord.name, SiteRecord.name, D.tag_key, D.id)
    )
    devices: list[dict[str, Any]] = []
    # Thousands of devices share a few dozen (lease end, notice) pairs: each pair's deadline,
    # reason and status are worked out once.
    dates: dict[tuple[date | None, int], tuple[date | None, str | None, str]] = {}
    for tag, serial, area, site, category, status, contract, end, notice_m, cents in session.execute(stmt):
        known = dates.get((end, notice_m))
        if known is None:
            deadline = add_months(end, -int(notice_m)) if end is not None else None
            known = dates[(end, notice_m)] = (
                deadline,
                _reason(end, deadline, as_of, horizon),
                notice_status(deadline, as_of, horizon, months),
            )
        devices.append(
            {
                "asset_tag": tag,
                "serial": serial,
                "area": area,
                "site": site,
                "category": category,
                "status": status,
                "contract": contract,
                "lease_end": end,
                "notice_deadline": known[0],
                "monthly_fee": euros(cents),
                "reason": known[1],
                "notice_status": known[2],
            }
        )
    # Contracts: the scope's devices on each, and what they cost a month.
    per_contract = {
        cid: (int(n), float(total or 0))
        for cid, n, total in session.execute(
            device_select(D.contract_id, func.count(), func.sum(fee), scope=scope)
            .outerjoin(shares, shares.c.contract_id == D.contract_id)
            .where(leased(), D.contract_id.is_not(None))
            .group_by(D.contract_id)
        )
    }
    contract_rows: list[dict[str, Any]] = []
    records = session.execute(select(C).where(C.deleted.is_(False)).order_by(C.end_date, C.contract_number)).scalars()
    for c in records:
        if scope.kind != "city" and c.id not in per_contract:
            continue
        deadline = add_months(c.end_date, -int(c.notice_months or 0)) if c.end_date else None
        reason = _reason(c.end_date, deadline, as_of, horizon)
        if reason is None:
            continue
        n, cents = per_contract.get(c.id, (0, 0.0))
        contract_rows.append(
            {
                "lessor": c.lessor,
                "contract": c.contract_number,
                "start_date": c.start_date,
                "end_date": c.end_date,
                "notice_months": c.notice_months,
                "notice_deadline": deadline,
                "devices": n,
                "monthly_cost": euros(cents),
                "reason": reason,
                "notice_status": notice_status(deadline, as_of, horizon, months),
            }
        )
    by_end: dict[date, int] = {}
    for d in devices:
        if d["lease_end"] is not None and d["lease_end"] <= horizon:
            by_end[d["lease_end"]] = by_end.get(d["lease_end"], 0) + 1
    by_month: dict[str, int] = {}
    for end, n in by_end.items():
        key = end.strftime("%Y-%m")
        by_month[key] = by_month.get(key, 0) + n
    months_sorted = sorted(by_month)
    chart = (
        ChartSpec(
            f"Leased devices whose lease ends, by month (next {months} months)",
            months_sorted,
            [ChartSeries("devices", [float(by_month[m]) for m in months_sorted])],
            y_label="devices",
            x_label="Lease end month",
        )
        if months_sorted
        else None
    )
    totals = {
        "window_start": as_of,
        "window_end": horizon,
        "contracts": len(contract_rows),
        "devices": len(devices),
        "monthly_cost": sum((d["monthly_fee"] or Decimal(0) for d in devices), Decimal("0.00")),
        "notice_passed": sum(1 for c in contract_rows if c["notice_status"] == "passed"),
    }
    return ReportResult(
        "leasing",
        f"Leases ending within {months} months",
        scope,
        as_of,
        [
            Section("contracts", "Contracts", CONTRACT_COLUMNS, contract_rows),
            Section("devices", "Leased devices", DEVICE_COLUMNS, devices),
        ],
        totals=totals,
        chart=chart,
    )
