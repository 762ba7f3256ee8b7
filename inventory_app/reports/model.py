"""What a report is once computed: sections of typed rows, totals, a chart spec and notes.

Plain data, no Qt and no database: the CLI prints it, the exporters write it, the UI shows it.
Money in rows is ``Decimal`` euros; dates are ``date``; a ratio that cannot be computed is None.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import Any


class Kind(StrEnum):
    TEXT = "text"
    INT = "int"
    MONEY = "money"
    NUMBER = "number"
    PERCENT = "percent"  # a share 0..1, shown as %
    DATE = "date"
    DATETIME = "datetime"


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    label: str
    kind: Kind = Kind.TEXT


@dataclass(slots=True)
class Section:
    """One table of the report; ``key`` is its name in JSON (``rows`` for a report's main table)."""

    key: str
    title: str
    columns: list[Column]
    rows: list[dict[str, Any]]

    def values(self, row: dict[str, Any]) -> list[Any]:
        return [row.get(c.key) for c in self.columns]


@dataclass(slots=True)
class ChartSeries:
    name: str
    values: list[float | None]
    # "bar" series are drawn as bars, "line" series as a line over them (a target, say).
    style: str = "bar"


@dataclass(slots=True)
class ChartSpec:
    title: str
    categories: list[str]
    series: list[ChartSeries]
    y_label: str = ""
    stacked: bool = False
    x_label: str = ""


@dataclass(frozen=True, slots=True)
class Scope:
    kind: str  # "city" | "area" | "site"
    id: str | None
    name: str

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "id": self.id, "name": self.name}


@dataclass(slots=True)
class ReportResult:
    name: str
    title: str
    scope: Scope
    as_of: date
    sections: list[Section]
    totals: dict[str, Any] = field(default_factory=dict)
    chart: ChartSpec | None = None
    notes: list[str] = field(default_factory=list)
    # Extra top-level JSON keys (reconciliation: the billing file read).
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return all(not s.rows for s in self.sections)

    def section(self, key: str) -> Section:
        for s in self.sections:
            if s.key == key:
                return s
        raise KeyError(key)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "report": self.name,
            "title": self.title,
            "scope": self.scope.to_json(),
            "as_of": self.as_of.isoformat(),
            **self.meta,
        }
        for s in self.sections:
            data[s.key] = [{c.key: jsonable(row.get(c.key)) for c in s.columns} for row in s.rows]
        data["totals"] = {k: jsonable(v) for k, v in self.totals.items()}
        data["notes"] = list(self.notes)
        return data


def jsonable(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    return value


def euros(cents: float | int | None) -> Decimal | None:
    """Cents (possibly fractional, from SQL sums of price / lifetime) as euros to the cent."""
    if cents is None:
        return None
    whole = Decimal(repr(float(cents))).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return (whole / 100).quantize(Decimal("0.01"))


def ratio(numerator: Decimal | int | None, denominator: int | None, places: str = "0.01") -> Decimal | None:
    """numerator / denominator, or None when there is nothing to divide by (a site without pupils)."""
    if numerator is None or not denominator:
        return None
    return (Decimal(numerator) / Decimal(denominator)).quantize(Decimal(places), rounding=ROUND_HALF_UP)
