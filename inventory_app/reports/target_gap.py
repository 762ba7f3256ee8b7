"""``target-gap``: per site and target (a category group or one category), required vs in use.

required = ceil(per_unit x pupils | staff | classrooms of the school year of as-of); in use counts
devices with status in_use. Shortage and surplus are the differences either way. A site without a
population row for that year has no required count (null), and no devices-per-pupil ratio.
"""

from __future__ import annotations

import math
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from inventory_app.core.enums import ACTIVE_STATUSES, CategoryGroup, TargetBasis
from inventory_app.reports.model import ChartSeries, ChartSpec, Column, Kind, ReportResult, Scope, Section, ratio
from inventory_app.reports.sql import D, classrooms, device_select, populations, scope_sites
from inventory_app.storage.repositories import school_year_of
from inventory_app.storage.schema import CategoryRecord, TargetLevelRecord

COLUMNS = [
    Column("area", "Area"),
    Column("site", "Site"),
    Column("site_kind", "Site kind"),
    Column("target", "Group or category"),
    Column("basis", "Basis"),
    Column("per_unit", "Target per unit", Kind.NUMBER),
    Column("base", "Pupils / staff / classrooms", Kind.INT),
    Column("required", "Required", Kind.INT),
    Column("in_use", "In use", Kind.INT),
    Column("shortage", "Shortage", Kind.INT),
    Column("surplus", "Surplus", Kind.INT),
    Column("actual_per_unit", "In use per unit", Kind.NUMBER),
]


def required_count(per_unit: float, base: int | None) -> int | None:
    if base is None:
        return None
    # Decimal from the float's shortest repr: 0.2 x 45 is 9, not 9.000000000000002 -> 10.
    return math.ceil(Decimal(repr(per_unit)) * base)


def target_gap_report(session: Session, scope: Scope, as_of: date) -> ReportResult:
    year = school_year_of(as_of)
    pop = populations(year)
    rooms = classrooms()
    sites_stmt = scope_sites(scope).subquery("s")
    sites = session.execute(
        select(sites_stmt, pop.c.pupils, pop.c.staff, func.coalesce(rooms.c.classrooms, 0))
        .outerjoin(pop, pop.c.site_id == sites_stmt.c.id)
        .outerjoin(rooms, rooms.c.site_id == sites_stmt.c.id)
        .order_by(sites_stmt.c.area, sites_stmt.c.name)
    ).all()
    # In-use devices per site and category, counted by the database.
    counts: dict[tuple[str, str | None, str | None], int] = {}
    stmt = (
        device_select(D.site_id, CategoryRecord.group, CategoryRecord.code, func.count(), scope=scope)
        .where(D.status.in_([s.value for s in ACTIVE_STATUSES]))
        .group_by(D.site_id, CategoryRecord.group, CategoryRecord.code)
    )
    for site_id, grp, code, n in session.execute(stmt):
        counts[(site_id, grp, code)] = int(n)
    targets = session.execute(
        select(
            TargetLevelRecord.site_kind,
            TargetLevelRecord.group,
            CategoryRecord.code,
            TargetLevelRecord.basis,
            TargetLevelRecord.per_unit,
        )
        .outerjoin(CategoryRecord, CategoryRecord.id == TargetLevelRecord.category_id)
        .where(TargetLevelRecord.deleted.is_(False))
        .order_by(TargetLevelRecord.site_kind, TargetLevelRecord.group, CategoryRecord.code)
    ).all()
    by_kind: dict[str, list[Any]] = {}
    for t in targets:
        by_kind.setdefault(t.site_kind, []).append(t)
    group_order = {g.value: i for i, g in enumerate(CategoryGroup)}
    rows: list[dict[str, Any]] = []
    for site in sites:
        site_id, name, _code, kind, _centre, area, pupils, staff, n_rooms = site
        for t in sorted(by_kind.get(kind, []), key=lambda t: (group_order.get(t.group or "", 9), t.code or "")):
            if t.code:
                in_use = sum(n for (s, _g, c), n in counts.items() if s == site_id and c == t.code)
                label = t.code
            else:
                in_use = sum(n for (s, g, _c), n in counts.items() if s == site_id and g == t.group)
                label = t.group
            base = {
                TargetBasis.PER_PUPIL.value: pupils,
                TargetBasis.PER_STAFF.value: staff,
                TargetBasis.PER_CLASSROOM.value: int(n_rooms),
            }.get(t.basis)
            required = required_count(float(t.per_unit), base)
            rows.append(
                {
                    "site_id": site_id,
                    "area": area,
                    "site": name,
                    "site_kind": kind,
                    "target": label,
                    "basis": t.basis,
                    "per_unit": Decimal(repr(float(t.per_unit))),
                    "base": base,
                    "required": required,
                    "in_use": in_use,
                    "shortage": None if required is None else max(required - in_use, 0),
                    "surplus": None if required is None else max(in_use - required, 0),
                    "actual_per_unit": ratio(in_use, base, "0.001"),
                }
            )
    notes = []
    if not targets:
        notes.append("No target levels are set; 'targets import FILE' or 'targets set' adds them.")
    missing = [s[1] for s in sites if s[6] is None]
    if missing:
        notes.append(f"No population for school year {year}: {', '.join(missing)}.")
    pupil_rows = [r for r in rows if r["target"] == CategoryGroup.PUPIL.value and r["basis"] == "per_pupil"]
    chart = (
        ChartSpec(
            f"Pupil devices per pupil vs target ({year})",
            [r["site"] for r in pupil_rows],
            [
                ChartSeries(
                    "in use per pupil",
                    [None if r["actual_per_unit"] is None else float(r["actual_per_unit"]) for r in pupil_rows],
                ),
                ChartSeries("target", [float(r["per_unit"]) for r in pupil_rows], style="line"),
            ],
            y_label="devices per pupil",
            x_label="Site",
        )
        if pupil_rows
        else None
    )
    totals = {
        "school_year": year,
        "required": sum(r["required"] or 0 for r in rows),
        "in_use": sum(r["in_use"] for r in rows),
        "shortage": sum(r["shortage"] or 0 for r in rows),
        "surplus": sum(r["surplus"] or 0 for r in rows),
    }
    return ReportResult(
        "target-gap",
        "Devices against target levels",
        scope,
        as_of,
        [Section("rows", "Required vs in use per site", COLUMNS, rows)],
        totals=totals,
        chart=chart,
        notes=notes,
    )
