"""``transfers``: move spare and surplus devices from sites above the target level to sites below it.

From the target-gap figures (required vs in use, per site and target: a category group or one
category): a site can give its spare devices of that target plus its in-use surplus; a site below
its target needs its shortage. Donors and receivers are matched greedily, the largest shortage
first, within the same area first and then (at city scope) across areas. Each suggestion names the
devices to move (spares first, then in-use devices), so a coordinator can act on it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import case, func
from sqlalchemy.orm import Session

from inventory_app.core.enums import DeviceStatus
from inventory_app.reports.model import ChartSeries, ChartSpec, Column, Kind, ReportResult, Scope, Section
from inventory_app.reports.sql import D, device_select
from inventory_app.reports.target_gap import target_gap_report
from inventory_app.storage.schema import CategoryRecord

COLUMNS = [
    Column("target", "Group or category"),
    Column("from_area", "From area"),
    Column("from_site", "From site"),
    Column("to_area", "To area"),
    Column("to_site", "To site"),
    Column("devices", "Devices", Kind.INT),
    Column("spare", "of which spare", Kind.INT),
    Column("same_area", "Within the area"),
    Column("tags", "Devices to move"),
]
GIVEABLE = (DeviceStatus.SPARE.value, DeviceStatus.IN_USE.value)
MAX_TAGS = 50  # a truck load; the rest are "… and N more"


@dataclass
class _Site:
    site_id: str
    area: str | None
    site: str
    amount: int  # what it can give, or what it needs
    spare: int = 0


def transfers_report(session: Session, scope: Scope, as_of: date) -> ReportResult:
    gap = target_gap_report(session, scope, as_of)
    rows = gap.section("rows").rows
    spares = _spares(session, scope)
    donors: dict[str, list[_Site]] = {}
    receivers: dict[str, list[_Site]] = {}
    for r in rows:
        if r["required"] is None:
            continue
        spare = spares.get((r["site_id"], r["target"]), 0)
        shortage = r["shortage"] or 0
        # A site's own spares go into use there first: that is no transfer.
        own = min(spare, shortage)
        spare, shortage = spare - own, shortage - own
        give = (r["surplus"] or 0) + spare
        if give > 0:
            donors.setdefault(r["target"], []).append(_Site(r["site_id"], r["area"], r["site"], give, spare))
        if shortage:
            receivers.setdefault(r["target"], []).append(_Site(r["site_id"], r["area"], r["site"], shortage))
    moves: list[dict[str, Any]] = []
    for target in sorted(receivers):
        need = sorted(receivers[target], key=lambda s: (-s.amount, s.site))
        give = sorted(donors.get(target, []), key=lambda s: (-s.amount, s.site))
        for same_area in (True, False):
            for receiver in need:
                for donor in give:
                    if receiver.amount <= 0:
                        break
                    if (
                        donor.amount <= 0
                        or donor.site_id == receiver.site_id
                        or (donor.area == receiver.area) != same_area
                    ):
                        continue
                    n = min(donor.amount, receiver.amount)
                    spare = min(donor.spare, n)
                    donor.amount -= n
                    donor.spare -= spare
                    receiver.amount -= n
                    moves.append(
                        {
                            "target": target,
                            "from_site_id": donor.site_id,
                            "from_area": donor.area,
                            "from_site": donor.site,
                            "to_area": receiver.area,
                            "to_site": receiver.site,
                            "devices": n,
                            "spare": spare,
                            "same_area": same_area,
                        }
                    )
    _name_devices(session, scope, moves)
    moves.sort(key=lambda m: (not m["same_area"], m["target"], m["to_area"] or "", m["to_site"], m["from_site"]))
    for m in moves:
        m["same_area"] = "yes" if m["same_area"] else "no"
    unmet = sum(s.amount for group in receivers.values() for s in group)
    totals = {
        "transfers": len(moves),
        "devices": sum(m["devices"] for m in moves),
        "within_area": sum(m["devices"] for m in moves if m["same_area"] == "yes"),
        "shortage_left": unmet,
        "school_year": gap.totals.get("school_year"),
    }
    by_target: dict[str, int] = {}
    for m in moves:
        by_target[m["target"]] = by_target.get(m["target"], 0) + m["devices"]
    chart = (
        ChartSpec(
            "Devices to move, by group",
            list(by_target),
            [ChartSeries("Devices", [float(v) for v in by_target.values()])],
            y_label="Devices",
            x_label="Group or category",
        )
        if by_target
        else None
    )
    notes = [n for n in gap.notes]
    return ReportResult(
        "transfers",
        "Suggested transfers between sites",
        scope,
        as_of,
        [Section("rows", "Suggested transfers", COLUMNS, moves)],
        totals=totals,
        chart=chart,
        notes=notes,
    )


def _target_match(target: str) -> Any:
    return (CategoryRecord.group == target) | (CategoryRecord.code == target)


def _spares(session: Session, scope: Scope) -> dict[tuple[str, str], int]:
    """Spare devices per (site, group) and (site, category)."""
    out: dict[tuple[str, str], int] = {}
    stmt = (
        device_select(D.site_id, CategoryRecord.group, CategoryRecord.code, func.count(), scope=scope)
        .where(D.status == DeviceStatus.SPARE.value)
        .group_by(D.site_id, CategoryRecord.group, CategoryRecord.code)
    )
    for site_id, group, code, n in session.execute(stmt):
        for key in (group, code):
            if key:
                out[(site_id, key)] = out.get((site_id, key), 0) + int(n)
    return out


def _name_devices(session: Session, scope: Scope, moves: list[dict[str, Any]]) -> None:
    """The tags of the devices each move takes: the donor's spares first, then in-use devices, by tag."""
    taken: dict[tuple[str, str], int] = {}
    for m in moves:
        key = (m["from_site_id"], m["target"])
        offset = taken.get(key, 0)
        spare_first = case((D.status == DeviceStatus.SPARE.value, 0), else_=1)
        stmt = (
            device_select(func.coalesce(D.asset_tag, D.serial, D.inventory_number), scope=scope)
            .where(D.site_id == m["from_site_id"], D.status.in_(GIVEABLE), _target_match(m["target"]))
            .order_by(spare_first, D.tag_key, D.id)
            .offset(offset)
            .limit(min(m["devices"], MAX_TAGS))
        )
        tags = [t or "?" for (t,) in session.execute(stmt)]
        taken[key] = offset + m["devices"]
        more = m["devices"] - len(tags)
        m["tags"] = ", ".join(tags) + (f" … +{more}" if more > 0 else "")
        del m["from_site_id"]
