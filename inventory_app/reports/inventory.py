"""``inventory``: devices by location (area, site, room) x category group x category x status."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import case, func
from sqlalchemy.orm import Session, aliased

from inventory_app.core.enums import CategoryGroup, DeviceStatus
from inventory_app.reports.model import ChartSeries, ChartSpec, Column, Kind, ReportResult, Scope, Section
from inventory_app.reports.sql import D, device_select
from inventory_app.storage.schema import AreaRecord, CategoryRecord, RoomRecord, SiteRecord

GROUPS = [g.value for g in CategoryGroup]
STATUSES = [s.value for s in DeviceStatus]


def inventory_report(session: Session, scope: Scope, as_of: date) -> ReportResult:
    room = aliased(RoomRecord, name="inv_room")
    group = func.coalesce(CategoryRecord.group, "")
    category = func.coalesce(CategoryRecord.code, "")
    stmt = (
        device_select(AreaRecord.name, SiteRecord.name, room.code, group, category, D.status, func.count(),
                      scope=scope)
        .outerjoin(room, room.id == D.room_id)
        .group_by(AreaRecord.name, SiteRecord.name, room.code, group, category, D.status)
        .order_by(AreaRecord.name, SiteRecord.name, room.code, group, category, D.status)
    )
    detail = [
        {"area": a, "site": s, "room": r, "group": g or None, "category": c or None, "status": st, "devices": n}
        for a, s, r, g, c, st, n in session.execute(stmt)
    ]
    # The pivot (group x status) is also counted by the database, not summed up here.
    pivot_cols: list[Any] = [func.sum(case((D.status == st, 1), else_=0)) for st in STATUSES]
    pivot_stmt = (
        device_select(AreaRecord.name, SiteRecord.name, group, *pivot_cols, func.count(), scope=scope)
        .group_by(AreaRecord.name, SiteRecord.name, group)
        .order_by(AreaRecord.name, SiteRecord.name, group)
    )
    by_site = []
    for row in session.execute(pivot_stmt):
        area, site, grp, *counts, total = row
        by_site.append({"area": area, "site": site, "group": grp or None,
                        **{st: int(n or 0) for st, n in zip(STATUSES, counts, strict=True)}, "total": int(total)})
    totals_stmt = device_select(group, *pivot_cols, func.count(), scope=scope).group_by(group).order_by(group)
    by_group = {}
    for grp, *counts, total in session.execute(totals_stmt):
        by_group[grp or "none"] = {**{st: int(n or 0) for st, n in zip(STATUSES, counts, strict=True)},
                                   "total": int(total)}
    status_cols = [Column(st, st.replace("_", " ").capitalize(), Kind.INT) for st in STATUSES]
    sections = [
        Section("by_site", "Devices per site, group and status",
                [Column("area", "Area"), Column("site", "Site"), Column("group", "Group"), *status_cols,
                 Column("total", "Total", Kind.INT)], by_site),
        Section("rows", "Devices per room, category and status",
                [Column("area", "Area"), Column("site", "Site"), Column("room", "Room"), Column("group", "Group"),
                 Column("category", "Category"), Column("status", "Status"), Column("devices", "Devices", Kind.INT)],
                detail),
    ]
    shown_groups = [g for g in GROUPS if g in by_group]
    chart = ChartSpec(
        "Devices per group and status",
        shown_groups,
        [ChartSeries(st.replace("_", " "), [float(by_group[g][st]) for g in shown_groups])
         for st in STATUSES if any(by_group[g][st] for g in shown_groups)],
        y_label="devices",
        stacked=True,
    ) if shown_groups else None
    total = sum(v["total"] for v in by_group.values())
    return ReportResult("inventory", "Device inventory", scope, as_of, sections,
                        totals={"devices": total, "by_group": by_group}, chart=chart)
