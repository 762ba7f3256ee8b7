"""``inventory``: devices by location (area, site, room) x category group x category x status.

Three tables in one report: per area (the city's totals area by area), per site, and per room.

The devices are counted once per (site, category, status, room) id tuple, a scan of the covering
index ``ix_devices_report`` in its own order; names are joined onto those few thousand counts,
not onto 100,000 devices.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from inventory_app.core.enums import CategoryGroup, DeviceStatus
from inventory_app.reports.model import ChartSeries, ChartSpec, Column, Kind, ReportResult, Scope, Section
from inventory_app.reports.scope import site_clause
from inventory_app.reports.sql import D, live_device
from inventory_app.storage.schema import AreaRecord, CategoryRecord, RoomRecord, SiteRecord

GROUPS = [g.value for g in CategoryGroup]
STATUSES = [s.value for s in DeviceStatus]


def _counts() -> Any:
    """Live devices per site, category, status and room (ids)."""
    return (
        select(
            D.site_id.label("site_id"),
            D.category_id.label("category_id"),
            D.status.label("status"),
            D.room_id.label("room_id"),
            func.count().label("n"),
        )
        .where(live_device())
        .group_by(D.site_id, D.category_id, D.status, D.room_id)
        .subquery("device_counts")
    )


def _count_select(counts: Any, *columns: Any, scope: Scope) -> Any:
    """SELECT over the counts of the scope's sites, with site, area and category joined."""
    return (
        select(*columns)
        .select_from(counts)
        .join(SiteRecord, SiteRecord.id == counts.c.site_id)
        .outerjoin(AreaRecord, AreaRecord.id == SiteRecord.area_id)
        .outerjoin(CategoryRecord, CategoryRecord.id == counts.c.category_id)
        .where(site_clause(scope))
    )


def inventory_report(session: Session, scope: Scope, as_of: date) -> ReportResult:
    counts = _counts()
    room = RoomRecord.__table__.alias("inv_room")
    group = func.coalesce(CategoryRecord.group, "")
    category = func.coalesce(CategoryRecord.code, "")
    devices = func.sum(counts.c.n)
    stmt = (
        _count_select(
            counts,
            AreaRecord.name,
            SiteRecord.name,
            room.c.code,
            group,
            category,
            counts.c.status,
            devices,
            scope=scope,
        )
        .outerjoin(room, room.c.id == counts.c.room_id)
        .group_by(AreaRecord.name, SiteRecord.name, room.c.code, group, category, counts.c.status)
        .order_by(AreaRecord.name, SiteRecord.name, room.c.code, group, category, counts.c.status)
    )
    detail = [
        {"area": a, "site": s, "room": r, "group": g or None, "category": c or None, "status": st, "devices": int(n)}
        for a, s, r, g, c, st, n in session.execute(stmt)
    ]
    # The pivot (group x status) is also counted by the database, not summed up here.
    pivot_cols: list[Any] = [func.sum(case((counts.c.status == st, counts.c.n), else_=0)) for st in STATUSES]
    pivot_stmt = (
        _count_select(counts, AreaRecord.name, SiteRecord.name, group, *pivot_cols, devices, scope=scope)
        .group_by(AreaRecord.name, SiteRecord.name, group)
        .order_by(AreaRecord.name, SiteRecord.name, group)
    )
    by_site = []
    for row in session.execute(pivot_stmt):
        area, site, grp, *statuses, total = row
        by_site.append(
            {
                "area": area,
                "site": site,
                "group": grp or None,
                **{st: int(n or 0) for st, n in zip(STATUSES, statuses, strict=True)},
                "total": int(total),
            }
        )
    # Per area: the city's totals area by area (the sites' rows follow in by_site).
    area_stmt = (
        _count_select(counts, AreaRecord.name, group, *pivot_cols, devices, scope=scope)
        .group_by(AreaRecord.name, group)
        .order_by(AreaRecord.name, group)
    )
    by_area = []
    for area, grp, *statuses, total in session.execute(area_stmt):
        by_area.append(
            {
                "area": area,
                "group": grp or None,
                **{st: int(n or 0) for st, n in zip(STATUSES, statuses, strict=True)},
                "total": int(total),
            }
        )
    totals_stmt = _count_select(counts, group, *pivot_cols, devices, scope=scope).group_by(group).order_by(group)
    by_group = {}
    for grp, *statuses, total in session.execute(totals_stmt):
        by_group[grp or "none"] = {
            **{st: int(n or 0) for st, n in zip(STATUSES, statuses, strict=True)},
            "total": int(total),
        }
    status_cols = [Column(st, st.replace("_", " ").capitalize(), Kind.INT) for st in STATUSES]
    sections = [
        Section(
            "by_area",
            "Devices per area, group and status",
            [Column("area", "Area"), Column("group", "Group"), *status_cols, Column("total", "Total", Kind.INT)],
            by_area,
        ),
        Section(
            "by_site",
            "Devices per site, group and status",
            [
                Column("area", "Area"),
                Column("site", "Site"),
                Column("group", "Group"),
                *status_cols,
                Column("total", "Total", Kind.INT),
            ],
            by_site,
        ),
        Section(
            "rows",
            "Devices per room, category and status",
            [
                Column("area", "Area"),
                Column("site", "Site"),
                Column("room", "Room"),
                Column("group", "Group"),
                Column("category", "Category"),
                Column("status", "Status"),
                Column("devices", "Devices", Kind.INT),
            ],
            detail,
        ),
    ]
    shown_groups = [g for g in GROUPS if g in by_group]
    chart = (
        ChartSpec(
            "Devices per group and status",
            shown_groups,
            [
                ChartSeries(st, [float(by_group[g][st]) for g in shown_groups])
                for st in STATUSES
                if any(by_group[g][st] for g in shown_groups)
            ],
            y_label="devices",
            x_label="Group",
            stacked=True,
        )
        if shown_groups
        else None
    )
    total = sum(v["total"] for v in by_group.values())
    return ReportResult(
        "inventory",
        "Device inventory",
        scope,
        as_of,
        sections,
        totals={"devices": total, "by_group": by_group},
        chart=chart,
    )
