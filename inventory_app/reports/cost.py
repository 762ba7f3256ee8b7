"""``cost-per-pupil``: annual device cost per site and area, divided by the school year's pupils.

Annual cost counts every device the city pays for (DESIGN §7, issue 6):
- leased: monthly fee x 12 while its lease runs (its own lease end, else its contract's end date,
  the end day included), whatever its status;
- owned: purchase price / expected lifetime (model's, else category's) while within its lifetime
  (purchased on or before as-of, and as-of before purchase + lifetime) and not retired or recycled.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from inventory_app.core.enums import CategoryGroup, TargetBasis
from inventory_app.reports.model import (
    ChartSeries,
    ChartSpec,
    Column,
    Kind,
    ReportResult,
    Scope,
    Section,
    euros,
    ratio,
)
from inventory_app.reports.sql import (
    D,
    annual_cost,
    contract_device_counts,
    device_select,
    lease_runs,
    lifetimes,
    populations,
    scope_sites,
)
from inventory_app.reports.target_gap import target_gap_report
from inventory_app.storage.repositories import school_year_of

# The plan's "inventory against cost per pupil": pupil devices beside the euros, per site and per area.
INVENTORY_COLUMNS = [
    Column("pupil_devices", "Pupil devices in use", Kind.INT),
    Column("devices_per_pupil", "Devices per pupil", Kind.NUMBER),
    Column("target_per_pupil", "Target per pupil", Kind.NUMBER),
]
SITE_COLUMNS = [
    Column("site", "Site"),
    Column("area", "Area"),
    Column("pupils", "Pupils", Kind.INT),
    Column("annual_cost", "Annual cost €", Kind.MONEY),
    Column("cost_per_pupil", "€ per pupil", Kind.MONEY),
    Column("leased_cost", "of which leases €", Kind.MONEY),
    Column("owned_cost", "of which owned €", Kind.MONEY),
    Column("devices_paid", "Devices paid for", Kind.INT),
    *INVENTORY_COLUMNS,
]
AREA_COLUMNS = [
    Column("area", "Area"),
    Column("sites", "Sites", Kind.INT),
    Column("pupils", "Pupils", Kind.INT),
    Column("annual_cost", "Annual cost €", Kind.MONEY),
    Column("cost_per_pupil", "€ per pupil", Kind.MONEY),
    *INVENTORY_COLUMNS,
]


def pupil_devices(session: Session, scope: Scope, as_of: date) -> dict[str, tuple[int, Decimal | None, int | None]]:
    """site id -> (pupil devices in use, target per pupil, required): the target-gap's pupil rows."""
    out: dict[str, tuple[int, Decimal | None, int | None]] = {}
    for r in target_gap_report(session, scope, as_of).section("rows").rows:
        if r["target"] == CategoryGroup.PUPIL.value and r["basis"] == TargetBasis.PER_PUPIL.value:
            out[r["site_id"]] = (r["in_use"], r["per_unit"], r["required"])
    return out


def site_costs(session: Session, scope: Scope, as_of: date) -> dict[str, tuple[float, float, int]]:
    """site id -> (annual cost cents, of which leased cents, devices with a cost), summed by the database."""
    shares = contract_device_counts()
    cost = annual_cost(lifetimes(session), as_of, shares)
    leased_cost = case((lease_runs(as_of), cost), else_=0.0)
    stmt = (
        device_select(
            D.site_id, func.sum(cost), func.sum(leased_cost), func.sum(case((cost > 0, 1), else_=0)), scope=scope
        )
        .outerjoin(shares, shares.c.contract_id == D.contract_id)
        .group_by(D.site_id)
    )
    return {
        site_id: (float(total or 0), float(leased or 0), int(n or 0))
        for site_id, total, leased, n in session.execute(stmt)
    }


def cost_per_pupil_report(session: Session, scope: Scope, as_of: date) -> ReportResult:
    year = school_year_of(as_of)
    pop = populations(year)
    sites_sq = scope_sites(scope).subquery("s")
    sites = session.execute(
        select(sites_sq.c.id, sites_sq.c.name, sites_sq.c.area, pop.c.pupils)
        .outerjoin(pop, pop.c.site_id == sites_sq.c.id)
        .order_by(sites_sq.c.area, sites_sq.c.name)
    ).all()
    costs = site_costs(session, scope, as_of)
    # The plan's "inventory against cost per pupil": devices per pupil and the target beside the euros.
    inventory = pupil_devices(session, scope, as_of)
    rows: list[dict[str, Any]] = []
    areas: dict[str, dict[str, Any]] = {}
    for site_id, name, area, pupils in sites:
        total, leased, n = costs.get(site_id, (0.0, 0.0, 0))
        annual = euros(total)
        rows.append(
            {
                "site": name,
                "area": area,
                "pupils": pupils,
                "annual_cost": annual,
                "cost_per_pupil": ratio(annual, pupils),
                "leased_cost": euros(leased),
                "owned_cost": euros(total - leased),
                "devices_paid": n,
            }
        )
        in_use, target, required = inventory.get(site_id, (None, None, None))
        rows[-1].update(
            {"pupil_devices": in_use, "devices_per_pupil": ratio(in_use, pupils, "0.001"), "target_per_pupil": target}
        )
        a = areas.setdefault(
            area or "", {"area": area, "sites": 0, "pupils": 0, "_cents": 0.0, "_devices": 0, "_required": 0}
        )
        a["sites"] += 1
        a["pupils"] += pupils or 0
        a["_cents"] += total
        a["_devices"] += in_use or 0
        a["_required"] += required or 0
    area_rows = []
    for a in areas.values():
        annual = euros(a.pop("_cents"))
        devices, required = a.pop("_devices"), a.pop("_required")
        area_rows.append(
            {
                **a,
                "pupils": a["pupils"] or None,
                "annual_cost": annual,
                "cost_per_pupil": ratio(annual, a["pupils"]),
                "pupil_devices": devices,
                "devices_per_pupil": ratio(devices, a["pupils"], "0.001"),
                # The area's target: what its sites' targets require per pupil it has.
                "target_per_pupil": ratio(required, a["pupils"], "0.001") if required else None,
            }
        )
    total_cents = sum(c for c, _l, _n in (costs.get(s[0], (0.0, 0.0, 0)) for s in sites))
    total_pupils = sum(s[3] or 0 for s in sites)
    city_cost = euros(total_cents)
    notes = []
    no_pupils = [r["site"] for r in rows if not r["pupils"]]
    if no_pupils:
        notes.append(f"No pupils in school year {year} (no ratio): {', '.join(no_pupils)}.")
    chart = (
        ChartSpec(
            f"Device cost per pupil per area ({year})",
            [a["area"] or "-" for a in area_rows],
            [
                ChartSeries(
                    "€ per pupil",
                    [None if a["cost_per_pupil"] is None else float(a["cost_per_pupil"]) for a in area_rows],
                )
            ],
            y_label="€ per pupil per year",
            x_label="Area",
        )
        if area_rows
        else None
    )
    return ReportResult(
        "cost-per-pupil",
        "Annual device cost per pupil",
        scope,
        as_of,
        [Section("rows", "Per site", SITE_COLUMNS, rows), Section("areas", "Per area", AREA_COLUMNS, area_rows)],
        totals={
            "school_year": year,
            "annual_cost": city_cost,
            "pupils": total_pupils or None,
            "cost_per_pupil": ratio(city_cost, total_pupils),
        },
        chart=chart,
        notes=notes,
    )
