"""``audit``: one audit's found / moved / unknown / missing, from its insert-only scan log.

An event undone later (an ``undo`` event naming it) does not count. The audited rooms are the rooms
the log mentions; missing = devices recorded in those rooms, still held (or decided about in this
audit), with no found or moved event in it.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import and_, exists, func, or_, select
from sqlalchemy.orm import Session, aliased

from inventory_app.core.enums import ScanOutcome
from inventory_app.core.errors import Ambiguous, NotFound
from inventory_app.reports.model import ChartSeries, ChartSpec, Column, Kind, ReportResult, Scope, Section
from inventory_app.reports.scope import site_clause
from inventory_app.reports.sql import GONE, D, live_device
from inventory_app.storage.schema import (
    AuditDecisionRecord,
    AuditRecord,
    CategoryRecord,
    RoomRecord,
    ScanEventRecord,
    SiteRecord,
)

E = ScanEventRecord
SEEN = (ScanOutcome.FOUND.value, ScanOutcome.MOVED.value)

FOUND_COLUMNS = [
    Column("asset_tag", "Asset tag"),
    Column("serial", "Serial"),
    Column("category", "Category"),
    Column("room", "Room"),
    Column("scanned_at", "Scanned", Kind.DATETIME),
]
MOVED_COLUMNS = [
    Column("asset_tag", "Asset tag"),
    Column("serial", "Serial"),
    Column("category", "Category"),
    Column("from_room", "From room"),
    Column("room", "To room"),
    Column("scanned_at", "Scanned", Kind.DATETIME),
]
UNKNOWN_COLUMNS = [
    Column("code", "Code"),
    Column("room", "Room"),
    Column("scanned_at", "Scanned", Kind.DATETIME),
    Column("registered", "Registered since"),
]
OTHER_SITE_COLUMNS = [
    Column("asset_tag", "Asset tag"),
    Column("serial", "Serial"),
    Column("category", "Category"),
    Column("belongs_to", "Belongs to"),
    Column("room", "Seen in room"),
    Column("scanned_at", "Scanned", Kind.DATETIME),
]
MISSING_COLUMNS = [
    Column("asset_tag", "Asset tag"),
    Column("serial", "Serial"),
    Column("category", "Category"),
    Column("room", "Room"),
    Column("status", "Status"),
    Column("decision", "Decision"),
]


def audits_in_scope(session: Session, scope: Scope) -> list[dict[str, Any]]:
    """The scope's audits, newest first (for choosing one)."""
    rows = session.execute(
        select(AuditRecord.id, SiteRecord.name, AuditRecord.started_at, AuditRecord.status, AuditRecord.auditor)
        .join(SiteRecord, SiteRecord.id == AuditRecord.site_id)
        .where(AuditRecord.deleted.is_(False), site_clause(scope))
        .order_by(AuditRecord.started_at.desc())
    ).all()
    return [{"id": i, "site": s, "started_at": t, "status": st, "auditor": a} for i, s, t, st, a in rows]


def find_audit(session: Session, scope: Scope, ident: str | None) -> AuditRecord:
    base = (
        select(AuditRecord)
        .join(SiteRecord, SiteRecord.id == AuditRecord.site_id)
        .where(AuditRecord.deleted.is_(False), site_clause(scope))
    )
    if not ident:
        latest = session.scalars(base.order_by(AuditRecord.started_at.desc()).limit(1)).first()
        if latest is None:
            raise NotFound(f"{scope.name} has no audits")
        return latest
    text = ident.strip().lower()
    matches = session.scalars(base.where(AuditRecord.id.like(f"{text}%"))).all()
    if not matches:
        raise NotFound(f"no audit '{ident.strip()}' in {scope.name}")
    if len(matches) > 1:
        raise Ambiguous(f"'{ident.strip()}' starts {len(matches)} audit ids; give more of it")
    return matches[0]


def audit_report(session: Session, scope: Scope, as_of: date, audit: str | None = None) -> ReportResult:
    record = find_audit(session, scope, audit)
    undo = aliased(E, name="undo_event")
    # NOT IN a list the database builds once (a correlated EXISTS would scan the audit per event).
    undone = select(undo.undoes_event_id).where(
        undo.audit_id == record.id, undo.outcome == ScanOutcome.UNDO.value, undo.undoes_event_id.is_not(None)
    )
    counted = and_(E.audit_id == record.id, E.id.not_in(undone))
    room = aliased(RoomRecord, name="event_room")
    previous = aliased(RoomRecord, name="previous_room")
    rows_of: dict[str, list[dict[str, Any]]] = {}
    for outcome in SEEN:
        stmt = (
            select(D.asset_tag, D.serial, CategoryRecord.code, previous.code, room.code, func.min(E.scanned_at))
            .select_from(E)
            .join(D, D.id == E.device_id)
            .outerjoin(CategoryRecord, CategoryRecord.id == D.category_id)
            .outerjoin(room, room.id == E.room_id)
            .outerjoin(previous, previous.id == E.previous_room_id)
            .where(counted, E.outcome == outcome)
            .group_by(D.id, D.asset_tag, D.serial, CategoryRecord.code, previous.code, room.code)
            .order_by(room.code, D.tag_key)
        )
        rows_of[outcome] = [
            {"asset_tag": t, "serial": s, "category": c, "from_room": p, "room": r, "scanned_at": at}
            for t, s, c, p, r, at in session.execute(stmt)
        ]
    registered = aliased(D, name="registered")
    unknown = [
        {"code": code, "room": r, "scanned_at": at, "registered": tag}
        for code, r, at, tag in session.execute(
            select(E.code, room.code, func.min(E.scanned_at), func.max(registered.asset_tag))
            .select_from(E)
            .outerjoin(room, room.id == E.room_id)
            .outerjoin(registered, and_(registered.id == E.device_id, registered.deleted.is_(False)))
            .where(counted, E.outcome == ScanOutcome.UNKNOWN.value)
            .group_by(E.code, room.code)
            .order_by(room.code, E.code)
        )
    ]
    audited_rooms = select(E.room_id).where(counted, E.room_id.is_not(None)).distinct()
    seen = exists().where(counted, E.device_id == D.id, E.outcome.in_(SEEN))
    decision = (
        select(func.max(AuditDecisionRecord.decision))
        .where(
            AuditDecisionRecord.audit_id == record.id,
            AuditDecisionRecord.device_id == D.id,
            AuditDecisionRecord.deleted.is_(False),
        )
        .scalar_subquery()
    )
    device_room = aliased(RoomRecord, name="device_room")
    missing = [
        {"asset_tag": t, "serial": s, "category": c, "room": r, "status": st, "decision": dec}
        for t, s, c, r, st, dec in session.execute(
            select(D.asset_tag, D.serial, CategoryRecord.code, device_room.code, D.status, decision)
            .select_from(D)
            .outerjoin(CategoryRecord, CategoryRecord.id == D.category_id)
            .outerjoin(device_room, device_room.id == D.room_id)
            .where(
                live_device(),
                D.site_id == record.site_id,
                D.room_id.in_(audited_rooms),
                ~seen,
                or_(D.status.not_in(GONE), decision.is_not(None)),
            )
            .order_by(device_room.code, D.tag_key)
        )
    ]
    # Devices of other sites seen here and not moved (the move waits for the auditor): "seen here,
    # belongs to X". A later found/moved scan of the device in this audit supersedes the sighting.
    owner = aliased(SiteRecord, name="owner_site")
    later = aliased(E, name="later_event")
    superseded = exists().where(
        later.audit_id == record.id,
        later.device_id == E.device_id,
        later.outcome.in_(SEEN),
        later.scanned_at > E.scanned_at,
        later.id.not_in(undone),
    )
    other_site = [
        {"asset_tag": t, "serial": s, "category": c, "belongs_to": o, "room": r, "scanned_at": at}
        for t, s, c, o, r, at in session.execute(
            select(D.asset_tag, D.serial, CategoryRecord.code, owner.name, room.code, func.min(E.scanned_at))
            .select_from(E)
            .join(D, D.id == E.device_id)
            .outerjoin(CategoryRecord, CategoryRecord.id == D.category_id)
            .outerjoin(owner, owner.id == D.site_id)
            .outerjoin(room, room.id == E.room_id)
            .where(counted, E.outcome == ScanOutcome.OTHER_SITE.value, ~superseded)
            .group_by(D.id, D.asset_tag, D.serial, CategoryRecord.code, owner.name, room.code)
            .order_by(room.code, D.tag_key)
        )
    ]
    site = session.get(SiteRecord, record.site_id)
    found, moved = rows_of[ScanOutcome.FOUND.value], rows_of[ScanOutcome.MOVED.value]
    counts = {"found": len(found), "moved": len(moved), "unknown": len(unknown), "missing": len(missing)}
    chart = ChartSpec(
        "Audit outcome",
        ["Found", "Moved", "Unknown code", "Missing"],  # named like the sections, short enough for a bar
        [ChartSeries("devices", [float(v) for v in counts.values()])],
        y_label="devices",
        x_label="Outcome",
    )
    return ReportResult(
        "audit",
        f"Audit of {site.name if site else record.site_id}",
        scope,
        as_of,
        [
            Section("found", "Found", FOUND_COLUMNS, found),
            Section("moved", "Moved", MOVED_COLUMNS, moved),
            Section("unknown", "Unknown codes", UNKNOWN_COLUMNS, unknown),
            Section("other_site", "Seen here, belongs to another site", OTHER_SITE_COLUMNS, other_site),
            Section("missing", "Missing", MISSING_COLUMNS, missing),
        ],
        totals=counts,
        chart=chart,
        meta={
            "audit": {
                "id": record.id,
                "site": site.name if site else None,
                "auditor": record.auditor,
                "started_at": record.started_at.isoformat() if record.started_at else None,
                "finished_at": record.finished_at.isoformat() if record.finished_at else None,
                "status": record.status,
            }
        },
    )
