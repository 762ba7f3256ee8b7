"""What an import would do, row by row: the result of ``planner.ImportPlanner`` that the CLI,
the wizard and ``service`` show and write."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from inventory_app.importing.mapping import ANY_CATEGORY, ColumnMapping
from inventory_app.importing.structure import NewArea, NewContract, NewRoom, NewSite


@dataclass(frozen=True, slots=True)
class RowIssue:
    row: int
    reason: str

    def to_json(self) -> dict[str, Any]:
        return {"row": self.row, "reason": self.reason}


@dataclass(slots=True)
class PlannedRow:
    row: int
    action: str  # "new" | "changed" | "unchanged"
    device_id: str
    label: str  # the identifier people recognise
    values: dict[str, Any]  # device columns to write (all for new, the changed ones otherwise)
    changes: dict[str, tuple[Any, Any]] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "row": self.row,
            "action": self.action,
            "device_id": self.device_id,
            "device": self.label,
            "changes": {k: [_show(a), _show(b)] for k, (a, b) in self.changes.items()},
        }


@dataclass(slots=True)
class NewModel:
    id: str
    manufacturer: str | None
    name: str
    category_id: str | None


@dataclass(slots=True)
class ImportPlan:
    source: str
    mapping: ColumnMapping
    total_rows: int
    rows: list[PlannedRow] = field(default_factory=list)
    invalid: list[RowIssue] = field(default_factory=list)
    new_rooms: list[NewRoom] = field(default_factory=list)
    new_models: list[NewModel] = field(default_factory=list)
    new_areas: list[NewArea] = field(default_factory=list)
    new_sites: list[NewSite] = field(default_factory=list)
    new_contracts: list[NewContract] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    # Device type as written in the file -> (category code or None when unknown, rows).
    categories: dict[str, tuple[str | None, int]] = field(default_factory=dict)
    # Rows whose "asset tag" was another system's identifier, kept as the inventory number.
    foreign_tags: int = 0
    header_row: int = 1

    def count(self, action: str) -> int:
        return sum(1 for r in self.rows if r.action == action)

    @property
    def unknown_categories(self) -> list[str]:
        return sorted(word for word, (code, _n) in self.categories.items() if code is None)

    def category_fix(self) -> str | None:
        """One way to fix every unknown device type, as a command-line option."""
        unknown = self.unknown_categories
        if not unknown:
            return None
        example = unknown[0].replace('"', "'")
        return (
            f'say which type each is, e.g. --category-map "{example}=pupil_laptop" (repeat it), '
            f'or --category-map "{ANY_CATEGORY}=staff_laptop" for every type not otherwise known; '
            'or the same in the mapping file\'s "categories"'
        )

    def summary(self) -> dict[str, Any]:
        return {
            "file": self.source,
            "rows": self.total_rows,
            "new": self.count("new"),
            "changed": self.count("changed"),
            "unchanged": self.count("unchanged"),
            "invalid": [i.to_json() for i in self.invalid],
            "new_areas": [a.name for a in self.new_areas],
            "new_sites": [s.to_json() for s in self.new_sites],
            "new_rooms": [r.to_json() for r in self.new_rooms],
            "new_contracts": [c.to_json() for c in self.new_contracts],
            "new_models": [f"{m.manufacturer or ''} {m.name}".strip() for m in self.new_models],
            "categories": {word: {"category": code, "rows": n} for word, (code, n) in self.categories.items()},
            "unknown_categories": self.unknown_categories,
            "category_fix": self.category_fix(),
            "foreign_tags_as_inventory_numbers": self.foreign_tags,
            "header_row": self.header_row,
            "ignored_columns": self.ignored_columns,
            "mapping": self.mapping.to_json()["columns"],
            "from": self.mapping.source,
        }


def _show(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value
