"""Which part of the city a report covers: the whole city, one area or one site."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, or_, select, true
from sqlalchemy.orm import Session

from inventory_app.core.errors import Ambiguous, NotFound, RejectedInput
from inventory_app.reports.model import Scope
from inventory_app.storage import repositories as repo
from inventory_app.storage.schema import AreaRecord, SiteRecord


def find_area(session: Session, name_or_code: str) -> AreaRecord:
    text = name_or_code.strip()
    record = session.get(AreaRecord, text)
    if record is not None and not record.deleted:
        return record
    lowered = text.lower()
    matches = session.scalars(
        select(AreaRecord).where(
            AreaRecord.deleted.is_(False),
            or_(func.lower(AreaRecord.code) == lowered, func.lower(AreaRecord.name) == lowered),
        )
    ).all()
    if not matches:
        names = ", ".join(
            session.scalars(select(AreaRecord.name).where(AreaRecord.deleted.is_(False)).order_by(AreaRecord.name))
        )
        raise NotFound(f"no area is called '{text}'; areas: {names or 'none'}")
    if len(matches) > 1:
        raise Ambiguous(f"'{text}' names {len(matches)} areas; use the area code")
    return matches[0]


def resolve_scope(session: Session, area: str | None = None, site: str | None = None) -> Scope:
    if area and site:
        raise RejectedInput("give either an area or a site, not both")
    if site:
        record = repo.find_site(session, site)
        return Scope("site", record.id, record.name)
    if area:
        found = find_area(session, area)
        return Scope("area", found.id, found.name)
    return Scope("city", None, "City")


def site_clause(scope: Scope) -> Any:
    """A WHERE clause on SiteRecord limiting rows to the scope (live sites only)."""
    live = SiteRecord.deleted.is_(False)
    if scope.kind == "site":
        return live & (SiteRecord.id == scope.id)
    if scope.kind == "area":
        return live & (SiteRecord.area_id == scope.id)
    return live & true()
