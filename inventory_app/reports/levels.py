"""Target levels and populations: list, set one, import a file (all or nothing).

A target level is keyed by site kind x target (a category group or one category): setting it again
changes that row instead of adding a second. A population is keyed by site x school year.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from inventory_app.core.enums import CategoryGroup, SiteKind, TargetBasis
from inventory_app.core.errors import RejectedInput
from inventory_app.core.tabular import (
    Column,
    choice_cell,
    decimal_cell,
    describe_problems,
    int_cell,
    parse_rows,
    text_cell,
)
from inventory_app.reports.files import read_table
from inventory_app.storage import repositories as repo
from inventory_app.storage.repositories import school_year_of
from inventory_app.storage.schema import (
    AreaRecord,
    CategoryRecord,
    SitePopulationRecord,
    SiteRecord,
    TargetLevelRecord,
)
from inventory_app.storage.store import Store

SITE_KIND_WORDS = {
    **{k.value: k.value for k in SiteKind},
    "varhaiskasvatus": "early_childhood",
    "päiväkoti": "early_childhood",
    "early childhood": "early_childhood",
    "alakoulu": "primary",
    "ala-aste": "primary",
    "primary school": "primary",
    "yläkoulu": "lower_secondary",
    "yläaste": "lower_secondary",
    "lower secondary": "lower_secondary",
    "peruskoulu": "comprehensive",
    "yhtenäiskoulu": "comprehensive",
    "comprehensive school": "comprehensive",
    "lukio": "upper_secondary",
    "toinen aste": "upper_secondary",
    "upper secondary": "upper_secondary",
    "muu": "other",
}
GROUP_WORDS = {
    **{g.value: g.value for g in CategoryGroup},
    "oppilas": "pupil",
    "oppilaslaitteet": "pupil",
    "oppilaat": "pupil",
    "pupil devices": "pupil",
    "henkilöstö": "staff",
    "henkilökunta": "staff",
    "henkilöstön laitteet": "staff",
    "staff devices": "staff",
    "esitystekniikka": "presentation",
    "opetustilat": "presentation",
    "presentation technology": "presentation",
    "infra": "infrastructure",
    "infrastruktuuri": "infrastructure",
}
BASIS_WORDS = {
    **{b.value: b.value for b in TargetBasis},
    "oppilas": "per_pupil",
    "per oppilas": "per_pupil",
    "oppilasta kohden": "per_pupil",
    "pupil": "per_pupil",
    "henkilö": "per_staff",
    "henkilöstö": "per_staff",
    "per henkilö": "per_staff",
    "staff": "per_staff",
    "luokka": "per_classroom",
    "opetustila": "per_classroom",
    "luokkahuone": "per_classroom",
    "per luokka": "per_classroom",
    "classroom": "per_classroom",
}

TARGET_COLUMNS = (
    Column(
        "site_kind",
        ("Yksikkötyyppi", "Site kind", "Koulumuoto", "Kind", "Tyyppi"),
        choice_cell(SITE_KIND_WORDS, "site kind"),
        required=True,
    ),
    Column("group", ("Laiteryhmä", "Group", "Ryhmä", "Category group"), choice_cell(GROUP_WORDS, "category group")),
    Column("category", ("Laiteluokka", "Category", "Kategoria"), text_cell),
    Column("basis", ("Peruste", "Basis", "Per"), choice_cell(BASIS_WORDS, "basis"), required=True),
    Column(
        "per_unit",
        ("Tavoite", "Per unit", "Target", "Target level", "Tavoitetaso", "Määrä"),
        decimal_cell,
        required=True,
    ),
)
POPULATION_COLUMNS = (
    Column(
        "site",
        ("Yksikkö", "Site", "Toimipiste", "Koulu", "School", "Unit", "Päiväkoti", "Yksikön koodi", "Site code"),
        text_cell,
        required=True,
    ),
    Column("school_year", ("Lukuvuosi", "School year", "Vuosi", "Year", "Toimintavuosi"), text_cell),
    Column("pupils", ("Oppilaat", "Pupils", "Oppilasmäärä", "Oppilaita", "Lapset", "Lapsimäärä", "Children"), int_cell),
    Column("staff", ("Henkilöstö", "Staff", "Henkilökunta", "Henkilöstömäärä", "Työntekijät"), int_cell),
)


@dataclass(frozen=True, slots=True)
class TargetLevel:
    id: str
    site_kind: str
    target: str  # a group or a category code
    is_category: bool
    basis: str
    per_unit: Decimal

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "site_kind": self.site_kind,
            "target": self.target,
            "is_category": self.is_category,
            "basis": self.basis,
            "per_unit": float(self.per_unit),
        }


@dataclass(frozen=True, slots=True)
class Population:
    id: str
    site_id: str
    site: str
    code: str | None
    area: str | None
    school_year: str
    pupils: int
    staff: int

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "site_id": self.site_id,
            "site": self.site,
            "code": self.code,
            "area": self.area,
            "school_year": self.school_year,
            "pupils": self.pupils,
            "staff": self.staff,
        }


def parse_school_year(text: str | None, default: str) -> str:
    """``2026-2027``, ``2026–2027``, ``2026/27`` or ``2026`` (the year it starts) -> ``2026-2027``."""
    if text is None or not str(text).strip():
        return default
    value = str(text).strip()
    match = re.fullmatch(r"(\d{4})\s*(?:[-–/]\s*(\d{2}|\d{4}))?", value)
    if not match:
        raise RejectedInput(f"'{value}' is not a school year (like 2026-2027)")
    start = int(match.group(1))
    if match.group(2):
        end_text = match.group(2)
        end = int(end_text) if len(end_text) == 4 else (start // 100) * 100 + int(end_text)
        if end != start + 1:
            raise RejectedInput(f"'{value}' is not a school year (like 2026-2027)")
    return f"{start}-{start + 1}"


def _per_unit(value: Any) -> Decimal:
    number = value if isinstance(value, Decimal) else decimal_cell(value)
    if number < 0 or number > 1000:
        raise RejectedInput(f"'{value}' is not a target level (0 to 1000 devices per unit)")
    return number


def _count(value: int | None, what: str) -> int | None:
    if value is not None and value < 0:
        raise RejectedInput(f"{what} cannot be negative")
    return value


class LevelsService:
    def __init__(self, store: Store, today: Any = date.today) -> None:
        self.store = store
        self.today = today

    # -- target levels -----------------------------------------------------------------------
    def targets(self) -> list[TargetLevel]:
        with self.store.read() as s:
            rows = s.execute(
                select(TargetLevelRecord, CategoryRecord.code)
                .outerjoin(CategoryRecord, CategoryRecord.id == TargetLevelRecord.category_id)
                .where(TargetLevelRecord.deleted.is_(False))
            ).all()
        kinds = [k.value for k in SiteKind]
        levels = [
            TargetLevel(
                t.id, t.site_kind, code or t.group or "", code is not None, t.basis, Decimal(repr(float(t.per_unit)))
            )
            for t, code in rows
        ]
        return sorted(levels, key=lambda t: (kinds.index(t.site_kind) if t.site_kind in kinds else 99, t.target))

    def set_target(self, site_kind: str, target: str, basis: str, per_unit: Any) -> TargetLevel:
        kind = choice_cell(SITE_KIND_WORDS, "site kind")(site_kind)
        basis_value = choice_cell(BASIS_WORDS, "basis")(basis)
        amount = _per_unit(per_unit)
        with self.store.unit_of_work() as uow:
            group, category_id = self._target(uow.session, target)
            record = self._upsert_target(uow.session, kind, group, category_id, basis_value, amount)
            uow.flush()
            record_id = record.id
        return next(t for t in self.targets() if t.id == record_id)

    def import_targets(self, path: Path) -> dict[str, int]:
        table = read_table(path)
        rows = parse_rows(table, TARGET_COLUMNS)
        counts = {"added": 0, "changed": 0, "unchanged": 0}
        with self.store.unit_of_work() as uow:
            s = uow.session
            problems: list[str] = []
            parsed: list[tuple[str, str | None, str | None, str, Decimal]] = []
            seen: dict[tuple[str, str | None, str | None], int] = {}
            for r in rows:
                try:
                    if bool(r.get("group")) == bool(r.get("category")):
                        raise RejectedInput("give either a group or a category")
                    group, category_id = self._target(s, r.get("group") or r["category"])
                    amount = _per_unit(r["per_unit"])
                except RejectedInput as exc:
                    problems.append(f"row {r['row']}: {exc}")
                    continue
                key = (r["site_kind"], group, category_id)
                if key in seen:
                    problems.append(f"row {r['row']}: the same target as row {seen[key]}")
                    continue
                seen[key] = r["row"]
                parsed.append((r["site_kind"], group, category_id, r["basis"], amount))
            if problems:
                raise RejectedInput(describe_problems(table.source, problems))
            if not parsed:
                raise RejectedInput(f"{table.source} has no target levels")
            for kind, group, category_id, basis, amount in parsed:
                counts[self._upsert_target(s, kind, group, category_id, basis, amount, report=True)] += 1
        return counts

    @staticmethod
    def _target(session: Session, text: str) -> tuple[str | None, str | None]:
        """A group word gives (group, None); a category code gives (None, category id)."""
        try:
            return choice_cell(GROUP_WORDS, "category group")(text), None
        except RejectedInput:
            pass
        try:
            return None, repo.find_category(session, str(text)).id
        except RejectedInput:
            raise RejectedInput(
                f"'{text}' is neither a category group (pupil, staff, presentation, infrastructure) nor a category code"
            ) from None

    @staticmethod
    def _upsert_target(
        session: Session,
        kind: str,
        group: str | None,
        category_id: str | None,
        basis: str,
        amount: Decimal,
        report: bool = False,
    ) -> Any:
        stmt = select(TargetLevelRecord).where(
            TargetLevelRecord.deleted.is_(False), TargetLevelRecord.site_kind == kind
        )
        stmt = (
            stmt.where(TargetLevelRecord.category_id == category_id)
            if category_id
            else stmt.where(TargetLevelRecord.category_id.is_(None), TargetLevelRecord.group == group)
        )
        existing = session.scalars(stmt).first()
        value = float(amount)
        if existing is None:
            record = TargetLevelRecord(
                site_kind=kind, group=group, category_id=category_id, basis=basis, per_unit=value
            )
            session.add(record)
            return "added" if report else record
        if existing.basis == basis and math.isclose(existing.per_unit, value):
            return "unchanged" if report else existing
        existing.basis = basis
        existing.per_unit = value
        return "changed" if report else existing

    # -- populations -------------------------------------------------------------------------
    def populations(self, school_year: str | None = None) -> list[Population]:
        year = parse_school_year(school_year, "") if school_year else None
        with self.store.read() as s:
            stmt = (
                select(SitePopulationRecord, SiteRecord.name, SiteRecord.code, AreaRecord.name)
                .join(SiteRecord, SiteRecord.id == SitePopulationRecord.site_id)
                .outerjoin(AreaRecord, AreaRecord.id == SiteRecord.area_id)
                .where(SitePopulationRecord.deleted.is_(False), SiteRecord.deleted.is_(False))
                .order_by(AreaRecord.name, SiteRecord.name, SitePopulationRecord.school_year)
            )
            if year:
                stmt = stmt.where(SitePopulationRecord.school_year == year)
            return [
                Population(p.id, p.site_id, name, code, area, p.school_year, p.pupils or 0, p.staff or 0)
                for p, name, code, area in s.execute(stmt)
            ]

    def current_year(self) -> str:
        return school_year_of(self.today())

    def set_population(
        self, site: str, school_year: str | None, *, pupils: int | None = None, staff: int | None = None
    ) -> Population:
        year = parse_school_year(school_year, self.current_year())
        _count(pupils, "pupils")
        _count(staff, "staff")
        with self.store.unit_of_work() as uow:
            record = repo.find_site(uow.session, site)
            pop = self._upsert_population(uow.session, record.id, year, pupils, staff)
            uow.flush()
            pop_id = pop.id
        return next(p for p in self.populations(year) if p.id == pop_id)

    def import_populations(self, path: Path, default_year: str | None = None) -> dict[str, int]:
        table = read_table(path)
        rows = parse_rows(table, POPULATION_COLUMNS)
        default = parse_school_year(default_year, self.current_year())
        counts = {"added": 0, "changed": 0, "unchanged": 0}
        with self.store.unit_of_work() as uow:
            s = uow.session
            problems: list[str] = []
            parsed: list[tuple[str, str, int | None, int | None]] = []
            seen: dict[tuple[str, str], int] = {}
            for r in rows:
                try:
                    if r.get("pupils") is None and r.get("staff") is None:
                        raise RejectedInput("neither pupils nor staff given")
                    site_id = repo.find_site(s, r["site"]).id
                    year = parse_school_year(r.get("school_year"), default)
                    _count(r.get("pupils"), "pupils")
                    _count(r.get("staff"), "staff")
                except RejectedInput as exc:
                    problems.append(f"row {r['row']}: {exc}")
                    continue
                if (site_id, year) in seen:
                    problems.append(f"row {r['row']}: '{r['site']}' {year} is also on row {seen[(site_id, year)]}")
                    continue
                seen[(site_id, year)] = r["row"]
                parsed.append((site_id, year, r.get("pupils"), r.get("staff")))
            if problems:
                raise RejectedInput(describe_problems(table.source, problems))
            if not parsed:
                raise RejectedInput(f"{table.source} has no rows")
            for site_id, year, pupils, staff in parsed:
                counts[self._upsert_population(s, site_id, year, pupils, staff, report=True)] += 1
        return counts

    @staticmethod
    def _upsert_population(
        session: Session, site_id: str, year: str, pupils: int | None, staff: int | None, report: bool = False
    ) -> Any:
        existing = session.scalars(
            select(SitePopulationRecord).where(
                SitePopulationRecord.deleted.is_(False),
                SitePopulationRecord.site_id == site_id,
                SitePopulationRecord.school_year == year,
            )
        ).first()
        if existing is None:
            record = SitePopulationRecord(site_id=site_id, school_year=year, pupils=pupils or 0, staff=staff or 0)
            session.add(record)
            return "added" if report else record
        changed = False
        if pupils is not None and existing.pupils != pupils:
            existing.pupils = pupils
            changed = True
        if staff is not None and existing.staff != staff:
            existing.staff = staff
            changed = True
        if report:
            return "changed" if changed else "unchanged"
        return existing
