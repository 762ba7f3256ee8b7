"""``reconciliation``: a lessor's billing lines against the inventory and the last audits.

The lines go into a temporary table so the database does the matching (identifiers compare by
``identifier_key``: case, spaces and dashes do not matter). Four lists, each with euros at stake:
- ``billed_not_found``: a billed line whose device is not in the register, is lost, retired or
  recycled, or was not seen in its site's last finished audit (the line's amount);
- ``billed_twice``: an identifier billed more than once in one period (the extra lines' amount);
- ``found_not_billed``: a leased device whose lease runs on as-of that no line names (its expected
  monthly fee; only contracts that the file bills, when the file names contracts);
- ``billed_to_other_unit``: a line whose cost centre is not the device's site's (the line's amount).
A line is in an area's or a site's scope when its device is there or its cost centre is one of its sites'.

Nothing billed is dropped. At city scope every line is in scope (a ghost device billed to an
unknown or empty cost centre is ``billed_not_found``). At area and site scope a line whose device
is unknown and whose cost centre is no site's belongs to no area: it is listed in
``not_attributable``. The ``balance`` total puts every line in exactly one bucket (as expected,
not found, another unit, not attributable, another scope's) and the report checks that the buckets
add up to the billed total.
"""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    and_,
    case,
    func,
    insert,
    literal,
    or_,
    select,
    true,
    tuple_,
    update,
)
from sqlalchemy import Column as SqlColumn
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session, aliased

from inventory_app.core.enums import ScanOutcome
from inventory_app.reports.billing import BillingLine, read_billing
from inventory_app.reports.model import ChartSeries, ChartSpec, Column, Kind, ReportResult, Scope, Section, euros
from inventory_app.reports.scope import site_clause
from inventory_app.reports.sql import (
    GONE,
    C,
    D,
    contract_device_counts,
    device_select,
    lease_runs,
    live_device,
)
from inventory_app.reports.sql import monthly_fee as monthly_fee_expr
from inventory_app.storage.schema import AreaRecord, AuditRecord, ScanEventRecord, SiteRecord

KEYS = ("billed_not_found", "billed_twice", "found_not_billed", "billed_to_other_unit", "not_attributable")
BALANCE_KEYS = ("billed_as_expected", "billed_not_found", "billed_to_other_unit", "not_attributable", "outside_scope")
LINE_COLUMNS = [
    Column("row", "File row", Kind.INT),
    Column("period", "Period"),
    Column("contract", "Contract"),
    Column("identifier", "Identifier"),
    Column("cost_centre", "Billed cost centre"),
    Column("amount", "Amount €", Kind.MONEY),
]
NOT_FOUND_COLUMNS = [
    *LINE_COLUMNS,
    Column("asset_tag", "Asset tag"),
    Column("site", "Site"),
    Column("reason", "Reason"),
]
TWICE_COLUMNS = [
    Column("identifier", "Identifier"),
    Column("period", "Period"),
    Column("lines", "Lines", Kind.INT),
    Column("rows", "File rows"),
    Column("amount_billed", "Billed €", Kind.MONEY),
    Column("amount", "Billed twice €", Kind.MONEY),
]
NOT_BILLED_COLUMNS = [
    Column("asset_tag", "Asset tag"),
    Column("serial", "Serial"),
    Column("area", "Area"),
    Column("site", "Site"),
    Column("cost_centre", "Cost centre"),
    Column("contract", "Contract"),
    Column("status", "Status"),
    Column("amount", "Expected monthly fee €", Kind.MONEY),
]
UNATTRIBUTABLE_COLUMNS = [*LINE_COLUMNS, Column("reason", "Reason")]
OTHER_UNIT_COLUMNS = [
    *LINE_COLUMNS,
    Column("asset_tag", "Asset tag"),
    Column("site", "Device's site"),
    Column("expected_cost_centre", "Device's cost centre"),
]


def centre_key(expr: Any) -> Any:
    """identifier_key() in SQL for cost centres: upper case, without spaces, dashes, dots, colons, slashes."""
    for ch in (" ", "-", ".", ":", "_", "/"):
        expr = func.replace(expr, ch, "")
    return func.upper(func.trim(expr))


def _temp_table(name: str) -> Table:
    return Table(
        name,
        MetaData(),
        # The first eight columns are a BillingLine's fields, in its order.
        SqlColumn("row", Integer),
        SqlColumn("period", String(40)),
        SqlColumn("contract", String(80)),
        SqlColumn("identifier", String(200)),
        SqlColumn("ident_key", String(200)),
        SqlColumn("cost_centre", String(80)),
        SqlColumn("centre_key", String(80)),
        SqlColumn("amount", BigInteger),
        # Filled in by the matching: the line's device, that device's tag, site and status, and why
        # the line is billed for nothing (None when it is not).
        SqlColumn("device_id", String(36)),
        SqlColumn("asset_tag", String(40)),
        SqlColumn("site_id", String(36)),
        SqlColumn("status", String(20)),
        SqlColumn("reason", String(40)),
        # The line's cost centre is not its device's site's (NULL when either is unknown).
        SqlColumn("other_unit", Boolean),
        prefixes=["TEMPORARY"],
    )


def reconciliation_report(session: Session, scope: Scope, as_of: date, billing: Path) -> ReportResult:
    lines = read_billing(billing)
    table = _temp_table(f"billing_check_{uuid.uuid4().hex[:12]}")
    conn = session.connection()
    table.create(conn)
    try:
        _insert_lines(conn, table, lines)
        # Indexed once filled: one sort instead of 26,000 b-tree inserts.
        Index(f"{table.name}_key", table.c.ident_key, table.c.period).create(conn)
        _match(session, table)
        result = _reconcile(session, scope, as_of, table, lines)
    finally:
        table.drop(conn)
    billed = euros(sum(line.amount_cents for line in lines))
    result.meta = {"billing_file": Path(billing).name, "lines_read": len(lines), "amount_billed": billed}
    balance = result.totals["balance"]
    if sum((balance[k] for k in BALANCE_KEYS), Decimal("0.00")) != billed:
        # Never expected: every line is in exactly one bucket. Said plainly rather than hidden.
        result.notes.append("The billing lines do not add up to the billed total: please report this.")
    balance["amount_billed"] = billed
    return result


def _insert_lines(conn: Connection, b: Table, lines: list[BillingLine]) -> None:
    """The lines as they are (tuples in the table's column order) through the driver's executemany."""
    columns = [c.name for c in b.columns][: len(BillingLine._fields)]
    compiled = insert(b).compile(dialect=conn.dialect, column_keys=columns)
    if compiled.positiontup == columns:
        conn.exec_driver_sql(str(compiled), lines)
    else:  # a driver with named parameters (psycopg)
        conn.exec_driver_sql(str(compiled), [dict(zip(columns, line, strict=True)) for line in lines])


def _match_devices(conn: Connection, b: Table) -> None:
    """Each line's live device, by serial, else tag, else inventory number, else MAC (each probe uses an index).

    One pass per identifier kind over the lines still unmatched; the probe brings the device's tag,
    site and status along, so no line looks its device up twice.
    """
    found = tuple_(b.c.device_id, b.c.asset_tag, b.c.site_id, b.c.status)
    for key in (D.serial_key, D.tag_key, D.inventory_key, D.mac_key):
        device = (
            select(D.id, D.asset_tag, D.site_id, D.status)
            .where(key == b.c.ident_key, live_device())
            .limit(1)
            .scalar_subquery()
        )
        conn.execute(update(b).values({found: device}).where(b.c.device_id.is_(None)))


def _last_audits(session: Session) -> dict[str, str]:
    """The last finished audit of each site (a few dozen ids)."""
    latest = (
        select(AuditRecord.site_id.label("site_id"), func.max(AuditRecord.started_at).label("started_at"))
        .where(AuditRecord.deleted.is_(False), AuditRecord.status == "finished")
        .group_by(AuditRecord.site_id)
        .subquery("latest")
    )
    return dict(
        session.execute(
            select(AuditRecord.site_id, AuditRecord.id)
            .join(latest, and_(latest.c.site_id == AuditRecord.site_id, latest.c.started_at == AuditRecord.started_at))
            .where(AuditRecord.deleted.is_(False), AuditRecord.status == "finished")
        ).all()
    )


def _match(session: Session, b: Table) -> None:
    """Every line's device (once; later queries read the stored columns), its reason and whether
    it is billed to another unit, set-based, in one pass over the lines."""
    conn = session.connection()
    _match_devices(conn, b)
    last_audits = _last_audits(session)
    seen = (ScanOutcome.FOUND.value, ScanOutcome.MOVED.value)
    # Seen by its own site's last audit: two probes of ix_scan_events_audit_seen, which settle
    # almost every line. Only a line that audit did not see is looked up among every device all
    # the last audits saw (a device moved to another site may have been found there); that set
    # is read once, and only when some line needs it.
    own_audit = case(last_audits, value=b.c.site_id, else_=literal(None)) if last_audits else literal(None)
    seen_by_own_audit = (
        select(ScanEventRecord.device_id)
        .where(
            ScanEventRecord.audit_id == own_audit,
            ScanEventRecord.outcome.in_(seen),
            ScanEventRecord.device_id == b.c.device_id,
        )
        .exists()
    )
    seen_in_last = select(ScanEventRecord.device_id).where(
        ScanEventRecord.audit_id.in_(list(last_audits.values()) or [""]),
        ScanEventRecord.outcome.in_(seen),
        ScanEventRecord.device_id.is_not(None),
    )
    # The device's site's cost centre key, worked out once per site (by the same SQL) and compared
    # once per line here rather than in every query that asks.
    site_centres: dict[str, str] = dict(
        session.execute(
            select(SiteRecord.id, centre_key(SiteRecord.cost_centre)).where(SiteRecord.cost_centre.is_not(None))
        ).all()
    )
    site_centre = case(site_centres, value=b.c.site_id, else_=literal(None)) if site_centres else literal(None)
    conn.execute(
        update(b).values(
            reason=case(
                (b.c.device_id.is_(None), "not_in_inventory"),
                (b.c.status.in_(GONE), b.c.status),
                (
                    and_(
                        b.c.site_id.in_(list(last_audits) or [""]),
                        ~seen_by_own_audit,
                        b.c.device_id.not_in(seen_in_last),
                    ),
                    "not_seen_in_last_audit",
                ),
                else_=literal(None),
            ),
            other_unit=b.c.centre_key != site_centre,
        )
    )


def _reconcile(session: Session, scope: Scope, as_of: date, b: Table, lines: list[BillingLine]) -> ReportResult:
    m = b
    site = aliased(SiteRecord, name="dev_site")
    scope_centres = select(centre_key(SiteRecord.cost_centre)).where(
        site_clause(scope), SiteRecord.cost_centre.is_not(None)
    )
    scope_sites = select(SiteRecord.id).where(site_clause(scope))
    city = Scope("city", None, "")
    all_centres = select(centre_key(SiteRecord.cost_centre)).where(
        site_clause(city), SiteRecord.cost_centre.is_not(None)
    )
    all_sites = select(SiteRecord.id).where(site_clause(city))
    # IS NOT NULL first: "NULL IN (...)" is NULL, and NOT NULL would drop the line from both sides.
    attributable = or_(
        and_(m.c.site_id.is_not(None), m.c.site_id.in_(all_sites)),
        and_(m.c.centre_key.is_not(None), m.c.centre_key.in_(all_centres)),
    )
    # At city scope every line is the city's; elsewhere a line is in scope by its device or cost centre.
    in_scope: Any = (
        true() if scope.kind == "city" else or_(m.c.site_id.in_(scope_sites), m.c.centre_key.in_(scope_centres))
    )
    # Set by _match: the device's site's cost centre is known and is not the line's.
    elsewhere = m.c.other_unit.is_(True)
    line_cols = (m.c.row, m.c.period, m.c.contract, m.c.identifier, m.c.cost_centre, m.c.amount)

    def line(row: Any) -> dict[str, Any]:
        return {
            "row": row[0],
            "period": row[1] or None,
            "contract": row[2],
            "identifier": row[3],
            "cost_centre": row[4],
            "amount": euros(row[5]),
        }

    not_found = [
        {**line(r), "asset_tag": r[6], "site": r[7], "reason": r[8]}
        for r in session.execute(
            select(*line_cols, m.c.asset_tag, site.name, m.c.reason)
            .select_from(m)
            .outerjoin(site, site.id == m.c.site_id)
            .where(m.c.reason.is_not(None), in_scope)
            .order_by(m.c.row)
        )
    ]
    other_unit = [
        {**line(r), "asset_tag": r[6], "site": r[7], "expected_cost_centre": r[8]}
        for r in session.execute(
            select(*line_cols, m.c.asset_tag, site.name, site.cost_centre)
            .select_from(m)
            .join(site, site.id == m.c.site_id)
            .where(elsewhere, in_scope)
            .order_by(m.c.row)
        )
    ]
    doubled = select(m.c.ident_key).group_by(m.c.ident_key, m.c.period).having(func.count() > 1)
    twice_stmt = (
        select(
            m.c.ident_key,
            m.c.period,
            func.min(m.c.identifier),
            func.count(),
            func.sum(m.c.amount),
            func.max(m.c.amount),
        )
        .select_from(m)
        # Only identifiers billed more than once at all (read from the lines' index alone), so
        # the in-scope count below looks at a few hundred lines, not every one.
        .where(m.c.ident_key.in_(doubled), in_scope)
        .group_by(m.c.ident_key, m.c.period)
        .having(func.count() > 1)
        .order_by(func.min(m.c.row))
    )
    twice = [
        {
            "_key": (key, period or ""),
            "identifier": ident,
            "period": period or None,
            "lines": int(n),
            "amount_billed": euros(total),
            "amount": euros(int(total) - int(largest)),
        }
        for key, period, ident, n, total, largest in session.execute(twice_stmt)
    ]
    # File row numbers of the doubled lines, so people can find them in the file.
    rows_for: dict[tuple[str, str], list[int]] = {t["_key"]: [] for t in twice}
    for line_ in lines:
        numbers = rows_for.get((line_.key, line_.period or ""))
        if numbers is not None:
            numbers.append(line_.row)
    for t in twice:
        t["rows"] = ", ".join(str(r) for r in rows_for[t.pop("_key")])
    not_billed = _found_not_billed(session, scope, as_of, b, lines)
    unattributable: list[dict[str, Any]] = []
    if scope.kind != "city":
        unattributable = [
            {**line(r), "reason": "no_site_for_line"}
            for r in session.execute(select(*line_cols).where(~attributable).order_by(m.c.row))
        ]
    # Every line in exactly one bucket: the balance that must add up to the billed total.
    bucket = case(
        (in_scope & m.c.reason.is_not(None), "billed_not_found"),
        (in_scope & elsewhere, "billed_to_other_unit"),
        (in_scope, "billed_as_expected"),
        (~attributable, "not_attributable"),
        else_="outside_scope",
    )
    balance = {k: Decimal("0.00") for k in BALANCE_KEYS}
    for name, cents in session.execute(select(bucket, func.sum(m.c.amount)).select_from(m).group_by(bucket)):
        balance[name] = euros(cents) or Decimal("0.00")
    sections = [
        Section("billed_not_found", "Billed, not found", NOT_FOUND_COLUMNS, not_found),
        Section("billed_twice", "Billed twice", TWICE_COLUMNS, twice),
        Section("found_not_billed", "Found, not billed", NOT_BILLED_COLUMNS, not_billed),
        Section("billed_to_other_unit", "Billed to another unit", OTHER_UNIT_COLUMNS, other_unit),
    ]
    if scope.kind != "city":
        sections.append(
            Section("not_attributable", "Not attributable to any site", UNATTRIBUTABLE_COLUMNS, unattributable)
        )
    totals: dict[str, Any] = {
        s.key: {"count": len(s.rows), "amount": sum((r["amount"] or Decimal(0) for r in s.rows), Decimal("0.00"))}
        for s in sections
    }
    totals["balance"] = balance
    chart = ChartSpec(
        "Euros at stake",
        [s.title for s in sections],
        [ChartSeries("€", [float(totals[s.key]["amount"]) for s in sections])],
        y_label="€",
        x_label="List",
    )
    return ReportResult("reconciliation", "Billing reconciliation", scope, as_of, sections, totals=totals, chart=chart)


def _found_not_billed(
    session: Session, scope: Scope, as_of: date, b: Table, lines: list[BillingLine]
) -> list[dict[str, Any]]:
    shares = contract_device_counts()
    # None of the device's identifiers is billed. The billed keys are read once into a set the
    # database probes (ident_key is never empty, so a missing identifier, '', is never billed).
    billed_keys = select(b.c.ident_key)
    not_billed = and_(
        *(func.coalesce(key, "").not_in(billed_keys) for key in (D.serial_key, D.tag_key, D.inventory_key, D.mac_key))
    )
    stmt = (
        device_select(
            D.asset_tag,
            D.serial,
            AreaRecord.name,
            SiteRecord.name,
            SiteRecord.cost_centre,
            C.contract_number,
            D.status,
            monthly_fee_expr(shares),
            scope=scope,
        )
        .outerjoin(shares, shares.c.contract_id == D.contract_id)
        .where(lease_runs(as_of), not_billed)
        .order_by(AreaRecord.name, SiteRecord.name, D.tag_key, D.id)
    )
    contracts = {line.contract.strip().upper() for line in lines if line.contract}
    if contracts:
        # A lessor's file does not bill the other lessors' contracts.
        stmt = stmt.where(func.upper(C.contract_number).in_(contracts))
    return [
        {
            "asset_tag": t,
            "serial": s,
            "area": a,
            "site": site,
            "cost_centre": cc,
            "contract": c,
            "status": st,
            "amount": euros(fee),
        }
        for t, s, a, site, cc, c, st, fee in session.execute(stmt)
    ]
