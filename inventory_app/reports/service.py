"""ReportService: the one entry point the CLI and the UI use to compute reports."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select

from inventory_app.core.errors import RejectedInput
from inventory_app.reports.age import age_report
from inventory_app.reports.audit_report import audit_report, audits_in_scope
from inventory_app.reports.cost import cost_per_pupil_report
from inventory_app.reports.inventory import inventory_report
from inventory_app.reports.leasing import leasing_report
from inventory_app.reports.model import ReportResult, Scope
from inventory_app.reports.network import network_report
from inventory_app.reports.reconciliation import reconciliation_report
from inventory_app.reports.replacement import replacement_report
from inventory_app.reports.scope import resolve_scope
from inventory_app.reports.target_gap import target_gap_report
from inventory_app.reports.transfers import transfers_report
from inventory_app.storage.schema import AreaRecord, SiteRecord
from inventory_app.storage.store import Store

REPORT_NAMES = (
    "inventory",
    "target-gap",
    "cost-per-pupil",
    "leasing",
    "age",
    "reconciliation",
    "audit",
    "replacement-plan",
    "network",
    "transfers",
)


@dataclass(frozen=True, slots=True)
class ReportParams:
    name: str
    area: str | None = None
    site: str | None = None
    as_of: date | None = None
    months: int = 12
    billing: Path | None = None
    audit: str | None = None


@dataclass(frozen=True, slots=True)
class ScopeChoice:
    """An area or a site, for pickers."""

    kind: str
    id: str
    name: str
    area: str | None


class ReportService:
    def __init__(self, store: Store, today: Callable[[], date] = date.today) -> None:
        self.store = store
        self.today = today

    def run(self, params: ReportParams) -> ReportResult:
        if params.name not in REPORT_NAMES:
            raise RejectedInput(f"no report '{params.name}'; reports: {', '.join(REPORT_NAMES)}")
        if params.months < 1 or params.months > 600:
            raise RejectedInput("--months must be between 1 and 600")
        if params.name == "reconciliation" and params.billing is None:
            raise RejectedInput(
                "the reconciliation needs the lessor's billing file: --billing FILE", code="billing_file_needed"
            )
        as_of = params.as_of or self.today()
        with self.store.read() as session:
            scope = resolve_scope(session, params.area, params.site)
            result = self._compute(session, params, scope, as_of)
        if result.empty:
            result.notes.insert(0, f"Nothing to report for {scope.name} on {as_of.isoformat()}.")
        return result

    @staticmethod
    def _compute(session: Any, p: ReportParams, scope: Scope, as_of: date) -> ReportResult:
        if p.name == "inventory":
            return inventory_report(session, scope, as_of)
        if p.name == "target-gap":
            return target_gap_report(session, scope, as_of)
        if p.name == "cost-per-pupil":
            return cost_per_pupil_report(session, scope, as_of)
        if p.name == "leasing":
            return leasing_report(session, scope, as_of, p.months)
        if p.name == "age":
            return age_report(session, scope, as_of)
        if p.name == "reconciliation":
            assert p.billing is not None
            return reconciliation_report(session, scope, as_of, p.billing)
        if p.name == "audit":
            return audit_report(session, scope, as_of, p.audit)
        if p.name == "network":
            return network_report(session, scope, as_of)
        if p.name == "transfers":
            return transfers_report(session, scope, as_of)
        return replacement_report(session, scope, as_of)

    # -- for pickers ---------------------------------------------------------------------------
    def scopes(self) -> list[ScopeChoice]:
        """Areas, each followed by its sites (live ones), in name order."""
        with self.store.read() as s:
            areas = s.execute(
                select(AreaRecord.id, AreaRecord.name).where(AreaRecord.deleted.is_(False)).order_by(AreaRecord.name)
            ).all()
            sites = s.execute(
                select(SiteRecord.id, SiteRecord.name, SiteRecord.area_id)
                .where(SiteRecord.deleted.is_(False))
                .order_by(SiteRecord.name)
            ).all()
        result: list[ScopeChoice] = []
        for area_id, area_name in areas:
            result.append(ScopeChoice("area", area_id, area_name, area_name))
            result += [ScopeChoice("site", sid, name, area_name) for sid, name, aid in sites if aid == area_id]
        known = {a for a, _ in areas}
        result += [ScopeChoice("site", sid, name, None) for sid, name, aid in sites if aid not in known]
        return result

    def audits(self, area: str | None = None, site: str | None = None) -> list[dict[str, Any]]:
        with self.store.read() as s:
            return audits_in_scope(s, resolve_scope(s, area, site))


def check_reports(store_path: Path) -> str:
    """Self-test: every report but those needing a file or an audit computes on the given store."""
    store = Store.open(store_path)
    try:
        service = ReportService(store)
        names = [n for n in REPORT_NAMES if n not in ("reconciliation", "audit")]
        for name in names:
            service.run(ReportParams(name=name))
        return f"computed {len(names)} reports"
    finally:
        store.close()
