"""Checking every row of an inventory file and deciding what each would do: new, changed,
unchanged or invalid. Nothing here writes; ``service`` writes a plan in one transaction.

Rules:
- A row names its device by any identifier (device id, asset tag, serial, inventory number, MAC);
  it updates the one existing device those identifiers find, or adds a new device.
  Identifiers that find two different devices make the row invalid.
- An identifier (tag, serial, inventory number, MAC, id) appearing on two rows makes every one of
  those rows invalid: the file does not say which is right.
- The site must exist (by code or name); an unknown site is an invalid row, never created.
  A room not yet known in a known site is created.
- A new device needs a site and a device type. Without an asset tag it stays untagged, found by
  its serial or other identifier; tags are allocated when labels are printed (labels --new).
- An empty cell changes nothing (an import never clears a field).
- A tag once used (also by a deleted device) is never given to another device.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session

from inventory_app.core.devices import euros_to_cents, parse_date
from inventory_app.core.enums import Condition, DeviceStatus, Ownership
from inventory_app.core.errors import RejectedInput
from inventory_app.core.identifiers import device_id_for_tag, identifier_key, parse_tag, room_label_code
from inventory_app.core.tabular import header_key
from inventory_app.importing.mapping import (
    CONDITION_WORDS,
    FIELDS,
    OWNERSHIP_WORDS,
    STATUS_WORDS,
    ColumnMapping,
    category_table,
    resolve_columns,
    word_table,
)
from inventory_app.importing.reader import SheetData
from inventory_app.storage import import_queries as q

Progress = Callable[..., None]
PROGRESS_EVERY = 2000
KEY_COLUMN = {"asset_tag": "tag_key", "serial": "serial_key", "inventory_number": "inventory_key", "mac": "mac_key"}


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
        return {"row": self.row, "action": self.action, "device_id": self.device_id, "device": self.label,
                "changes": {k: [_show(a), _show(b)] for k, (a, b) in self.changes.items()}}


@dataclass(slots=True)
class NewRoom:
    id: str
    site_id: str
    site_name: str
    code: str
    label_code: str

    def to_json(self) -> dict[str, Any]:
        return {"site": self.site_name, "room": self.code}


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
    ignored_columns: list[str] = field(default_factory=list)

    def count(self, action: str) -> int:
        return sum(1 for r in self.rows if r.action == action)

    def summary(self) -> dict[str, Any]:
        return {"file": self.source, "rows": self.total_rows, "new": self.count("new"),
                "changed": self.count("changed"), "unchanged": self.count("unchanged"),
                "invalid": [i.to_json() for i in self.invalid],
                "new_rooms": [r.to_json() for r in self.new_rooms],
                "new_models": [f"{m.manufacturer or ''} {m.name}".strip() for m in self.new_models],
                "ignored_columns": self.ignored_columns, "mapping": self.mapping.to_json()["columns"]}


def _show(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a spreadsheet shows 4105, not 4105.0 (serials and numbers of digits)
    if isinstance(value, datetime):
        value = value.date()
    text = str(value).strip()
    return text or None


class _Index:
    """Everything rows are checked against, read once."""

    def __init__(self, session: Session) -> None:
        self.sites_by_code: dict[str, list[Any]] = {}
        self.sites_by_name: dict[str, list[Any]] = {}
        self.site_by_id: dict[str, Any] = {}
        for site in q.live_sites(session):
            self.site_by_id[site.id] = site
            if site.code:
                self.sites_by_code.setdefault(site.code.strip().casefold(), []).append(site)
            self.sites_by_name.setdefault(" ".join(site.name.split()).casefold(), []).append(site)
        self.rooms: dict[tuple[str, str], str] = {}
        self.room_code_by_id: dict[str, str] = {}
        for room in q.live_rooms(session):
            self.rooms[(room.site_id, room.code.strip().upper())] = room.id
            self.room_code_by_id[room.id] = room.code
        self.category_id_by_code = {c.code: c.id for c in q.live_categories(session)}
        self.category_code_by_id = {v: k for k, v in self.category_id_by_code.items()}
        self.models: dict[tuple[str, str], str] = {}
        self.model_by_id: dict[str, Any] = {}
        for m in q.live_models(session):
            self.models.setdefault(((m.manufacturer or "").casefold().strip(), m.name.casefold().strip()), m.id)
            self.model_by_id[m.id] = m
        self.contracts = {c.contract_number.strip().upper(): c.id for c in q.live_contracts(session)}
        self.contract_number_by_id = {c_id: num for num, c_id in self.contracts.items()}
        self.live_ids: set[str] = set()
        self.gone_ids: set[str] = set()
        self.by_key: dict[str, dict[str, set[str]]] = {k: {} for k in KEY_COLUMN.values()}
        self.gone_tags: set[str] = set()
        for dev_id, deleted, merged, tag_key, serial_key, inventory_key, mac_key in q.device_identity_rows(session):
            if deleted or merged:
                self.gone_ids.add(dev_id)
                if tag_key:
                    self.gone_tags.add(tag_key)
                continue
            self.live_ids.add(dev_id)
            for column, key in (("tag_key", tag_key), ("serial_key", serial_key),
                                ("inventory_key", inventory_key), ("mac_key", mac_key)):
                if key:
                    self.by_key[column].setdefault(key, set()).add(dev_id)

    def find_site(self, text: str) -> Any:
        key = " ".join(text.split()).casefold()
        found = self.sites_by_code.get(key) or self.sites_by_name.get(key) or []
        if not found:
            raise RejectedInput(f"unknown site '{text}' (sites are added in the app, never by an import)")
        if len(found) > 1:
            raise RejectedInput(f"'{text}' names {len(found)} sites; use the site code")
        return found[0]


class ImportPlanner:
    def __init__(self, session: Session, mapping: ColumnMapping, progress: Progress | None = None) -> None:
        self.session = session
        self.mapping = mapping
        self.progress = progress or (lambda *a, **k: None)
        self.categories = category_table(mapping.categories)
        self.statuses = word_table(STATUS_WORDS)
        self.conditions = word_table(CONDITION_WORDS)
        self.ownerships = word_table(OWNERSHIP_WORDS)

    def plan(self, sheet: SheetData) -> ImportPlan:
        columns = resolve_columns(self.mapping, sheet.headers, sheet.source)
        plan = ImportPlan(sheet.source, self.mapping, len(sheet.rows))
        mapped = set(columns.values())
        plan.ignored_columns = [h for i, h in enumerate(sheet.headers) if i not in mapped and h.strip()]
        index = _Index(self.session)
        self._new_rooms: dict[tuple[str, str], NewRoom] = {}
        self._new_models: dict[tuple[str, str], NewModel] = {}
        total = len(sheet.rows)

        parsed: list[tuple[int, dict[str, Any]]] = []
        problems: dict[int, list[str]] = {}
        seen: dict[tuple[str, str], list[int]] = {}
        for n, (row_no, cells) in enumerate(sheet.rows, start=1):
            values, reasons = self._parse_row(cells, columns, sheet.headers, index)
            if reasons:
                problems[row_no] = reasons
            parsed.append((row_no, values))
            for key in ("id", *KEY_COLUMN):
                ident = values.get(key)
                if ident:
                    seen.setdefault((key, identifier_key(ident) if key != "id" else ident), []).append(row_no)
            if n % PROGRESS_EVERY == 0:
                self.progress(n, total * 2, "checking rows")
        for (key, ident), rows in seen.items():
            if len(rows) > 1:
                label = FIELDS[key][0].lower()
                for row_no in rows:
                    others = ", ".join(str(r) for r in rows if r != row_no)
                    problems.setdefault(row_no, []).append(f"{label} {ident} is also on row {others}")

        matched: dict[int, str] = {}
        for row_no, values in parsed:
            if row_no in problems:
                continue
            try:
                device_id = self._match(values, index)
            except RejectedInput as exc:
                problems[row_no] = [str(exc)]
                continue
            if device_id is not None:
                matched[row_no] = device_id
        existing = q.device_values(self.session, set(matched.values()))

        for n, (row_no, values) in enumerate(parsed, start=1):
            if n % PROGRESS_EVERY == 0:
                self.progress(total + n, total * 2, "comparing with the store")
            if row_no in problems:
                continue
            try:
                if row_no in matched:
                    plan.rows.append(self._update(row_no, values, existing[matched[row_no]], index))
                else:
                    plan.rows.append(self._new(row_no, values, index))
            except RejectedInput as exc:
                problems[row_no] = [str(exc)]
        plan.invalid = [RowIssue(r, "; ".join(reasons)) for r, reasons in sorted(problems.items())]
        used_rooms = {r.values.get("room_id") for r in plan.rows}
        used_models = {r.values.get("model_id") for r in plan.rows}
        plan.new_rooms = [room for room in self._new_rooms.values() if room.id in used_rooms]
        plan.new_models = [m for m in self._new_models.values() if m.id in used_models]
        self.progress(total * 2, total * 2, "checked")
        return plan

    # -- one row ----------------------------------------------------------------------------------
    def _parse_row(self, cells: list[Any], columns: dict[str, int], headers: list[str],
                   index: _Index) -> tuple[dict[str, Any], list[str]]:
        values: dict[str, Any] = {}
        reasons: list[str] = []
        for key, i in columns.items():
            raw = cells[i] if i < len(cells) else None
            if raw is None or (isinstance(raw, str) and not raw.strip()):
                continue
            try:
                values[key] = self._cell(key, raw, index)
            except RejectedInput as exc:
                reasons.append(f"{headers[i]}: {exc}")
        return values, reasons

    def _cell(self, key: str, raw: Any, index: _Index) -> Any:
        if key == "purchase_date":
            if isinstance(raw, datetime):
                return raw.date()
            if isinstance(raw, date):
                return raw
            return parse_date(str(raw))
        if key in ("purchase_price", "lease_monthly_fee"):
            if isinstance(raw, bool):
                raise RejectedInput(f"'{raw}' is not a euro amount")
            cents = euros_to_cents(raw if not isinstance(raw, str) else raw.strip())
            if cents is not None and cents < 0:
                raise RejectedInput(f"'{raw}' is negative")
            return cents
        text = _text(raw)
        if text is None:
            return None
        if key == "asset_tag":
            return parse_tag(text).text
        if key == "id":
            try:
                return str(uuid.UUID(text))
            except ValueError:
                raise RejectedInput(f"'{text}' is not a device id") from None
        if key == "site":
            return index.find_site(text)
        if key == "category":
            code = self.categories.get(header_key(text))
            if code is None or code not in index.category_id_by_code:
                raise RejectedInput(f"unknown device type '{text}' (add it to the mapping's categories)")
            return code
        if key in ("status", "condition", "ownership"):
            table = {"status": self.statuses, "condition": self.conditions, "ownership": self.ownerships}[key]
            found = table.get(header_key(text))
            if found is None:
                allowed = {"status": DeviceStatus, "condition": Condition, "ownership": Ownership}[key]
                raise RejectedInput(f"'{text}' is not a {key} (use one of: {', '.join(m.value for m in allowed)})")
            return found
        if key == "contract":
            contract_id = index.contracts.get(text.upper())
            if contract_id is None:
                raise RejectedInput(f"no leasing contract '{text}'")
            return contract_id
        return text

    def _match(self, values: dict[str, Any], index: _Index) -> str | None:
        if not any(values.get(k) for k in ("id", *KEY_COLUMN)):
            raise RejectedInput("no identifier: give an asset tag, serial, inventory number, MAC or device id")
        found: dict[str, str] = {}
        dev_id = values.get("id")
        if dev_id:
            if dev_id in index.gone_ids:
                raise RejectedInput(f"device {dev_id} was deleted; it is not brought back by an import")
            if dev_id in index.live_ids:
                found[dev_id] = "device id"
        for key, column in KEY_COLUMN.items():
            ident = values.get(key)
            if not ident:
                continue
            for match in index.by_key[column].get(identifier_key(ident), ()):
                found.setdefault(match, f"{FIELDS[key][0].lower()} {ident}")
        if len(found) > 1:
            how = ", ".join(sorted(set(found.values())))
            raise RejectedInput(f"the identifiers find {len(found)} different devices ({how})")
        return next(iter(found), None)

    def _location(self, values: dict[str, Any], site_id: str | None, current_room: str | None,
                  index: _Index) -> tuple[str | None, str | None]:
        """(site id, room id) after the row; an unknown room in a known site is planned as new."""
        site = values.get("site")
        new_site_id = site.id if site is not None else site_id
        room_text = values.get("room")
        if room_text is None:
            return new_site_id, current_room if new_site_id == site_id else None
        if new_site_id is None:
            raise RejectedInput(f"room '{room_text}' needs a site")
        key = (new_site_id, room_text.upper())
        room_id = index.rooms.get(key)
        if room_id is None:
            planned = self._new_rooms.get(key)
            if planned is None:
                site_rec = index.site_by_id[new_site_id]
                planned = NewRoom(str(uuid.uuid4()), new_site_id, site_rec.name, room_text,
                                  room_label_code(site_rec.code or site_rec.name, room_text))
                self._new_rooms[key] = planned
            room_id = planned.id
        return new_site_id, room_id

    def _model_id(self, values: dict[str, Any], category_id: str | None, index: _Index) -> str | None:
        name = values.get("model")
        if not name:
            return None
        manufacturer = values.get("manufacturer")
        key = ((manufacturer or "").casefold(), name.casefold())
        found = index.models.get(key)
        if found is None and not manufacturer:
            found = next((m_id for (_, n), m_id in index.models.items() if n == key[1]), None)
        if found is not None:
            return found
        planned = self._new_models.get(key)
        if planned is None:
            planned = NewModel(str(uuid.uuid4()), manufacturer, name, category_id)
            self._new_models[key] = planned
        return planned.id

    def _common(self, values: dict[str, Any], index: _Index) -> dict[str, Any]:
        """Row values as device columns (only those the row gives)."""
        out: dict[str, Any] = {}
        for key in ("asset_tag", "serial", "inventory_number", "mac", "status", "condition", "ownership",
                    "purchase_date", "assigned_to", "notes"):
            if values.get(key) is not None:
                out[key] = values[key]
        if values.get("purchase_price") is not None:
            out["purchase_price_cents"] = values["purchase_price"]
        if values.get("lease_monthly_fee") is not None:
            out["lease_monthly_fee_cents"] = values["lease_monthly_fee"]
        if values.get("category"):
            out["category_id"] = index.category_id_by_code[values["category"]]
        if values.get("contract"):
            out["contract_id"] = values["contract"]
            out.setdefault("ownership", Ownership.LEASED.value)
        return out

    def _label(self, values: dict[str, Any], fallback: str) -> str:
        for key in ("asset_tag", "serial", "inventory_number", "mac", "id"):
            if values.get(key):
                return str(values[key])
        return fallback

    def _new(self, row_no: int, values: dict[str, Any], index: _Index) -> PlannedRow:
        if values.get("site") is None:
            raise RejectedInput("a new device needs a site")
        if not values.get("category"):
            raise RejectedInput("a new device needs a device type")
        tag = values.get("asset_tag")
        if tag and identifier_key(tag) in index.gone_tags:
            raise RejectedInput(f"asset tag {tag} belonged to a deleted device; tags are never reused")
        device_id = values.get("id") or (device_id_for_tag(tag) if tag else str(uuid.uuid4()))
        if device_id in index.gone_ids:
            raise RejectedInput(f"asset tag {tag} belonged to a deleted device; tags are never reused")
        row = self._common(values, index)
        site_id, room_id = self._location(values, None, None, index)
        row.update(id=device_id, site_id=site_id, room_id=room_id,
                   model_id=self._model_id(values, row.get("category_id"), index))
        row.setdefault("status", DeviceStatus.IN_USE.value)
        row.setdefault("condition", Condition.UNKNOWN.value)
        row.setdefault("ownership", Ownership.OWNED.value)
        return PlannedRow(row_no, "new", device_id, self._label(values, device_id), row)

    def _update(self, row_no: int, values: dict[str, Any], current: dict[str, Any], index: _Index) -> PlannedRow:
        wanted = self._common(values, index)
        site_id, room_id = self._location(values, current["site_id"], current["room_id"], index)
        wanted["site_id"], wanted["room_id"] = site_id, room_id
        model_id = self._model_id(values, wanted.get("category_id") or current["category_id"], index)
        if model_id is not None:
            wanted["model_id"] = model_id
        changes: dict[str, tuple[Any, Any]] = {}
        changed: dict[str, Any] = {}
        for column, new in wanted.items():
            old = current.get(column)
            if column in ("asset_tag", "serial", "inventory_number", "mac") and old is not None and new is not None \
                    and identifier_key(old) == identifier_key(new):
                continue  # the same identifier written differently (spaces, dashes, case)
            if old != new:
                changed[column] = new
                changes[self._field_name(column)] = (self._display(column, old, index),
                                                     self._display(column, new, index))
        device_id = current["id"]
        return PlannedRow(row_no, "changed" if changed else "unchanged", device_id,
                          self._label(values, device_id), changed, changes)

    @staticmethod
    def _field_name(column: str) -> str:
        return {"site_id": "site", "room_id": "room", "category_id": "category", "model_id": "model",
                "contract_id": "contract", "purchase_price_cents": "purchase_price",
                "lease_monthly_fee_cents": "lease_monthly_fee"}.get(column, column)

    def _display(self, column: str, value: Any, index: _Index) -> Any:
        if value is None:
            return None
        if column == "site_id":
            site = index.site_by_id.get(value)
            return site.name if site else value
        if column == "room_id":
            planned = next((r.code for r in self._new_rooms.values() if r.id == value), None)
            return index.room_code_by_id.get(value) or planned or value
        if column == "category_id":
            return index.category_code_by_id.get(value, value)
        if column == "model_id":
            model = index.model_by_id.get(value)
            if model is not None:
                return f"{model.manufacturer or ''} {model.name}".strip()
            planned_model = next((m for m in self._new_models.values() if m.id == value), None)
            return f"{planned_model.manufacturer or ''} {planned_model.name}".strip() if planned_model else value
        if column == "contract_id":
            return index.contract_number_by_id.get(value, value)
        if column.endswith("_cents"):
            return f"{value / 100:.2f}"
        return value
