"""``network``: problems people recorded per site, from the audits' observations and ``observation add``.

One row per site with network observations (on or before as-of): how many, how many high, how many
still open on as-of (no resolution recorded by then), the latest, the median measured latency and
the worst packet loss, and the rooms named. Printing problems and the other kinds (presentation
technology, other) are the same records in their own sections, never mixed into the network rows.
Observations are few (people write them), so they are read once and summed up here.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from inventory_app.core.enums import LEGACY_SEVERITY, ObservationKind, Severity
from inventory_app.reports.model import ChartSeries, ChartSpec, Column, Kind, ReportResult, Scope, Section
from inventory_app.reports.scope import site_clause
from inventory_app.storage.schema import AreaRecord, ObservationRecord, RoomRecord, SiteRecord

NETWORK_COLUMNS = [
    Column("area", "Area"),
    Column("site", "Site"),
    Column("network_observations", "Network problems", Kind.INT),
    Column("high", "High severity", Kind.INT),
    Column("open", "Open", Kind.INT),
    Column("latest", "Latest", Kind.DATE),
    Column("median_latency_ms", "Median latency (ms)", Kind.NUMBER),
    Column("max_loss_pct", "Worst packet loss (%)", Kind.NUMBER),
    Column("rooms", "Rooms"),
]
KIND_COLUMNS = [
    Column("area", "Area"),
    Column("site", "Site"),
    Column("kind", "Kind"),
    Column("observations", "Problems", Kind.INT),
    Column("high", "High severity", Kind.INT),
    Column("open", "Open", Kind.INT),
    Column("latest", "Latest", Kind.DATE),
    Column("rooms", "Rooms"),
]
OTHER_KINDS = (ObservationKind.PRESENTATION.value, ObservationKind.OTHER.value)


@dataclass
class _Tally:
    area: str | None
    site: str
    kind: str
    count: int = 0
    high: int = 0
    open: int = 0
    open_high: int = 0
    latest: date | None = None
    latencies: list[float] = field(default_factory=list)
    losses: list[float] = field(default_factory=list)
    rooms: set[str] = field(default_factory=set)


def _severity(value: str) -> str:
    legacy = LEGACY_SEVERITY.get(value)
    return legacy.value if legacy is not None else value


def network_report(session: Session, scope: Scope, as_of: date) -> ReportResult:
    # Local days: an observation made on as-of's evening counts on as-of.
    end = datetime.combine(as_of + timedelta(days=1), time.min).astimezone(UTC)
    resolution = aliased(ObservationRecord, name="resolution")
    resolved = select(resolution.resolves_id).where(resolution.resolves_id.is_not(None), resolution.observed_at < end)
    stmt = (
        select(
            AreaRecord.name,
            SiteRecord.name,
            ObservationRecord.kind,
            ObservationRecord.severity,
            ObservationRecord.observed_at,
            ObservationRecord.latency_ms,
            ObservationRecord.packet_loss_pct,
            RoomRecord.code,
            ObservationRecord.id.in_(resolved),
        )
        .join(SiteRecord, SiteRecord.id == ObservationRecord.site_id)
        .outerjoin(AreaRecord, AreaRecord.id == SiteRecord.area_id)
        .outerjoin(RoomRecord, RoomRecord.id == ObservationRecord.room_id)
        .where(site_clause(scope), ObservationRecord.resolves_id.is_(None), ObservationRecord.observed_at < end)
    )
    tallies: dict[tuple[str, str | None, str], _Tally] = {}
    for area, site, kind, severity, at, latency, loss, room, is_resolved in session.execute(stmt):
        t = tallies.setdefault((site, area, kind), _Tally(area, site, kind))
        t.count += 1
        t.high += _severity(severity) == Severity.HIGH.value
        t.open += not is_resolved
        t.open_high += not is_resolved and _severity(severity) == Severity.HIGH.value
        day = at.astimezone().date() if at.tzinfo else at.date()
        t.latest = max(t.latest, day) if t.latest else day
        if latency is not None:
            t.latencies.append(float(latency))
        if loss is not None:
            t.losses.append(float(loss))
        if room:
            t.rooms.add(room)

    def ordered(kinds: tuple[str, ...]) -> list[_Tally]:
        return sorted(
            (t for t in tallies.values() if t.kind in kinds), key=lambda t: (t.area or "", t.site, kinds.index(t.kind))
        )

    open_high = {t.site: t.open_high for t in ordered((ObservationKind.NETWORK.value,))}
    network: list[dict[str, Any]] = [
        {
            "area": t.area,
            "site": t.site,
            "network_observations": t.count,
            "high": t.high,
            "open": t.open,
            "latest": t.latest,
            "median_latency_ms": round(statistics.median(t.latencies), 1) if t.latencies else None,
            "max_loss_pct": max(t.losses) if t.losses else None,
            "rooms": ", ".join(sorted(t.rooms)),
        }
        for t in ordered((ObservationKind.NETWORK.value,))
    ]

    def kind_rows(kinds: tuple[str, ...]) -> list[dict[str, Any]]:
        return [
            {
                "area": t.area,
                "site": t.site,
                "kind": t.kind,
                "observations": t.count,
                "high": t.high,
                "open": t.open,
                "latest": t.latest,
                "rooms": ", ".join(sorted(t.rooms)),
            }
            for t in ordered(kinds)
        ]

    printing = kind_rows((ObservationKind.PRINTING.value,))
    others = kind_rows(OTHER_KINDS)
    by_open = sorted((r for r in network if r["open"]), key=lambda r: (-r["open"], r["site"]))
    chart = (
        ChartSpec(
            "Sites by open network problems",
            [r["site"] for r in by_open],
            [
                ChartSeries("Open network problems", [float(r["open"]) for r in by_open]),
                ChartSeries("of which high severity", [float(open_high[r["site"]]) for r in by_open]),
            ],
            y_label="Open problems",
            x_label="Site",
        )
        if by_open
        else None
    )
    totals = {
        "sites": len(network),
        "network_observations": sum(r["network_observations"] for r in network),
        "open": sum(r["open"] for r in network),
        "high": sum(r["high"] for r in network),
        "printing_observations": sum(r["observations"] for r in printing),
        "other_observations": sum(r["observations"] for r in others),
    }
    return ReportResult(
        "network",
        "Network problems per site",
        scope,
        as_of,
        [
            Section("rows", "Network problems per site", NETWORK_COLUMNS, network),
            Section("printing", "Printing problems per site", KIND_COLUMNS, printing),
            Section("other_problems", "Presentation technology and other problems", KIND_COLUMNS, others),
        ],
        totals=totals,
        chart=chart,
    )
