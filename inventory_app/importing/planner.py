"""Checking every row of an inventory file and deciding what each would do: new, changed,
unchanged or invalid. Nothing here writes; ``service`` writes a plan in one transaction.

Rules:
- A row names its device by any identifier (device id, asset tag, serial, inventory number, MAC);
  it updates the one existing device those identifiers find, or adds a new device.
  Identifiers that find two different devices make the row invalid.
- An identifier (tag, serial, inventory number, MAC, id) appearing on two rows makes every one of
  those rows invalid: the file does not say which is right.
- The site must exist (by code or name); an unknown site is an invalid row unless the import
  creates missing sites (``--create-missing``) or the file is a full export whose Sites sheet
  has it. A room not yet known in a known site is created.
- An "asset tag" that is not shaped like this app's tags ("ICC-2065556", "KES-001") is another
  system's identifier: it is kept as the inventory number, never refused for a check character.
- A new device needs a site and a device type. Without an asset tag it stays untagged, found by
  its serial or other identifier; tags are allocated when labels are printed (labels --new).
- An empty cell changes nothing (an import never clears a field).
- A tag once used (also by a deleted device) is never given to another device.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session

from inventory_app.core.cells import restore_text
from inventory_app.core.devices import euros_to_cents, parse_date
from inventory_app.core.enums import Condition, DeviceStatus, Ownership
from inventory_app.core.errors import RejectedInput
from inventory_app.core.identifiers import device_id_for_tag, identifier_key, own_tag
from inventory_app.core.tabular import header_key
from inventory_app.importing.index import KEY_COLUMN, StoreIndex, StructurePlanner
from inventory_app.importing.mapping import (
    ANY_CATEGORY,
    CONDITION_WORDS,
    FIELDS,
    OWNERSHIP_WORDS,
    STATUS_WORDS,
    ColumnMapping,
    category_table,
    resolve_columns,
    word_table,
)
from inventory_app.importing.plan import ImportPlan, NewModel, PlannedRow, RowIssue
from inventory_app.importing.reader import SheetData
from inventory_app.importing.structure import SITE_KINDS, NewRoom, StructureSheets, new_room
from inventory_app.storage import import_queries as q

Progress = Callable[..., None]
PROGRESS_EVERY = 2000
# Free-text fields: a neutralised cell (see core.cells) is restored to the exact text.
EXACT_TEXT = ("notes", "assigned_to", "model", "manufacturer")


@dataclass(frozen=True, slots=True)
class _Tag:
    """An asset-tag cell: one of ours (checked), or another system's identifier."""

    text: str
    own: bool


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a spreadsheet shows 4105, not 4105.0 (serials and numbers of digits)
    if isinstance(value, datetime):
        value = value.date()
    text = str(value).strip()
    return text or None


def _slash_date(text: str, order: str) -> date:
    """``1/23/23`` (US, Snipe-IT) or ``23/1/2023`` (European); two-digit years are 20xx below 70."""
    parts = text.strip().split("/")
    if len(parts) != 3 or not all(p.strip().isdigit() for p in parts):
        raise RejectedInput(f"'{text}' is not a date")
    a, b, year = (int(p) for p in parts)
    month, day = (a, b) if order == "mdy" else (b, a)
    if year < 100:
        year += 2000 if year < 70 else 1900
    try:
        return date(year, month, day)
    except ValueError:
        how = "m/d/yy" if order == "mdy" else "d/m/yyyy"
        raise RejectedInput(f"'{text}' is not a date (read as {how})") from None


class ImportPlanner:
    def __init__(
        self,
        session: Session,
        mapping: ColumnMapping,
        progress: Progress | None = None,
        *,
        create_missing: bool = False,
        area: str | None = None,
        structure: StructureSheets | None = None,
    ) -> None:
        self.session = session
        self.mapping = mapping
        self.progress = progress or (lambda *a, **k: None)
        self.create_missing = create_missing
        self.area = area.strip() if area and area.strip() else None
        self.structure = structure or StructureSheets()
        self.categories = category_table(mapping.categories)
        self.any_category = mapping.categories.get(ANY_CATEGORY)
        self.statuses = word_table(STATUS_WORDS)
        self.conditions = word_table(CONDITION_WORDS)
        self.ownerships = word_table(OWNERSHIP_WORDS)
        self.site_kinds = word_table(SITE_KINDS)

    def plan(self, sheet: SheetData) -> ImportPlan:
        columns = resolve_columns(self.mapping, sheet.headers, sheet.source)
        plan = ImportPlan(sheet.source, self.mapping, len(sheet.rows), header_row=sheet.header_row)
        mapped = set(columns.values())
        plan.ignored_columns = [h for i, h in enumerate(sheet.headers) if i not in mapped and h.strip()]
        index = StoreIndex(self.session)
        self.city = StructurePlanner(index, self.area, self.structure)
        self.city.plan_sheets()
        self._new_rooms: dict[tuple[str, str], NewRoom] = self.city.rooms
        self._new_models: dict[tuple[str, str], NewModel] = {}
        self._category_use: dict[str, tuple[str | None, int]] = {}
        self._foreign_rows: set[int] = set()
        total = len(sheet.rows)

        parsed: list[tuple[int, dict[str, Any]]] = []
        problems: dict[int, list[str]] = {}
        seen: dict[tuple[str, str], list[int]] = {}
        for n, (row_no, cells) in enumerate(sheet.rows, start=1):
            width_problem = sheet.row_problems.get(row_no)
            if width_problem:
                problems[row_no] = [width_problem]
                parsed.append((row_no, {}))
                continue
            values, reasons = self._parse_row(row_no, cells, columns, sheet.headers, index)
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
        used_sites = {r.values.get("site_id") for r in plan.rows}
        new_sites = self.city.sites
        plan.new_sites = [site for site in new_sites.values() if site.from_sheet or site.id in used_sites]
        kept_sites = {site.id for site in plan.new_sites}
        plan.new_rooms = [
            room
            for room in self._new_rooms.values()
            if room.from_sheet
            or (room.id in used_rooms and room.site_id not in new_sites)
            or (room.id in used_rooms and room.site_id in kept_sites)
        ]
        used_areas = {site.area_id for site in plan.new_sites}
        plan.new_areas = [a for a in self.city.areas.values() if a.id in used_areas]
        plan.new_contracts = list(self.city.contracts)
        plan.new_models = [m for m in self._new_models.values() if m.id in used_models]
        plan.categories = dict(sorted(self._category_use.items()))
        valid_rows = {r.row for r in plan.rows}
        plan.foreign_tags = len(self._foreign_rows & valid_rows)
        self.progress(total * 2, total * 2, "checked")
        return plan

    # -- one row ----------------------------------------------------------------------------------
    def _parse_row(
        self, row_no: int, cells: list[Any], columns: dict[str, int], headers: list[str], index: StoreIndex
    ) -> tuple[dict[str, Any], list[str]]:
        values: dict[str, Any] = {}
        reasons: list[str] = []
        for key, i in columns.items():
            raw = cells[i] if i < len(cells) else None
            if raw is None or (isinstance(raw, str) and not raw.strip()):
                continue
            exact = None
            if isinstance(raw, str):
                stripped = raw.strip()
                restored = restore_text(stripped)
                # Text this app neutralised on export comes back exactly, a leading tab included.
                exact = restored if restored != stripped else None
                raw = restored
            try:
                values[key] = exact if exact is not None and key in EXACT_TEXT else self._cell(key, raw, index)
            except RejectedInput as exc:
                reasons.append(f"{headers[i]}: {exc}")
        site_text = values.pop("site", None)
        if site_text is not None and self.mapping.source == "glpi" and ">" in site_text:
            # GLPI writes a location's full path: "Kesämäen koulu > A-siipi > A203" is site and room.
            parts = [p.strip() for p in site_text.split(">") if p.strip()]
            site_text = parts[0] if parts else site_text
            if len(parts) > 1 and not values.get("room"):
                values["room"] = parts[-1]
        if site_text is not None:
            try:
                values["site"] = self._site(site_text, values.get("site_kind"), index)
            except RejectedInput as exc:
                reasons.append(f"{headers[columns['site']]}: {exc}")
        tag = values.get("asset_tag")
        if tag is not None and not tag.own:
            # Another system's identifier: kept as the inventory number, never checked as our tag.
            inventory = values.get("inventory_number")
            if inventory is not None and identifier_key(inventory) != identifier_key(tag.text):
                reasons.append(
                    f"{headers[columns['asset_tag']]}: '{tag.text}' is not one of this app's asset tags, "
                    f"and the row already has the inventory number '{inventory}'; map that column as the "
                    "serial or the inventory number instead"
                )
            else:
                values["inventory_number"] = tag.text
                self._foreign_rows.add(row_no)
            del values["asset_tag"]
        elif tag is not None:
            values["asset_tag"] = tag.text
        return values, reasons

    def _site(self, text: str, kind: str | None, index: StoreIndex) -> Any:
        found = index.lookup_site(text)
        if len(found) > 1:
            raise RejectedInput(f"'{text}' names {len(found)} sites; use the site code")
        if found:
            return found[0]
        if self.create_missing:
            return self.city.new_site(text, kind)
        return index.find_site(text)

    def _category(self, text: str, index: StoreIndex) -> str:
        key = header_key(text)
        code = self.categories.get(key)
        if code is None and key.endswith("s"):
            code = self.categories.get(key[:-1])  # "Projectors", "Tablets"
        if code is None:
            code = self.any_category
        _, n = self._category_use.get(text, (None, 0))
        self._category_use[text] = (code if code in index.category_id_by_code else None, n + 1)
        if code is None or code not in index.category_id_by_code:
            example = text.replace('"', "'")
            raise RejectedInput(
                f"unknown device type '{text}' (say which type it is, e.g. --category-map \"{example}=pupil_laptop\")"
            )
        return code

    def _date(self, raw: Any) -> date | None:
        if isinstance(raw, datetime):
            return raw.date()
        if isinstance(raw, date):
            return raw
        text = str(raw).strip()
        if "/" in text:
            return _slash_date(text, self.mapping.date_order)
        return parse_date(text)

    def _cell(self, key: str, raw: Any, index: StoreIndex) -> Any:
        if key in ("purchase_date", "lease_end"):
            return self._date(raw)
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
            mine = own_tag(text)
            return _Tag(mine, True) if mine is not None else _Tag(text, False)
        if key == "id":
            try:
                return str(uuid.UUID(text))
            except ValueError:
                raise RejectedInput(f"'{text}' is not a device id") from None
        if key == "site":
            return text
        if key == "site_kind":
            kind = self.site_kinds.get(header_key(text))
            if kind is None:
                raise RejectedInput(
                    f"'{text}' is not a site kind (use one of: {', '.join(sorted(set(SITE_KINDS.values())))})"
                )
            return kind
        if key == "category":
            return self._category(text, index)
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
                raise RejectedInput(f"no leasing contract '{text}' (add it with 'contract add')")
            return contract_id
        return text

    def _match(self, values: dict[str, Any], index: StoreIndex) -> str | None:
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

    def _location(
        self, values: dict[str, Any], site_id: str | None, current_room: str | None, index: StoreIndex
    ) -> tuple[str | None, str | None]:
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
                planned = new_room(new_site_id, site_rec.code, site_rec.name, room_text)
                self._new_rooms[key] = planned
            room_id = planned.id
        return new_site_id, room_id

    def _model_id(self, values: dict[str, Any], category_id: str | None, index: StoreIndex) -> str | None:
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

    def _common(self, values: dict[str, Any], index: StoreIndex) -> dict[str, Any]:
        """Row values as device columns (only those the row gives)."""
        out: dict[str, Any] = {}
        for key in (
            "asset_tag",
            "serial",
            "inventory_number",
            "mac",
            "status",
            "condition",
            "ownership",
            "purchase_date",
            "lease_end",
            "assigned_to",
            "notes",
        ):
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

    def _new(self, row_no: int, values: dict[str, Any], index: StoreIndex) -> PlannedRow:
        if values.get("site") is None:
            raise RejectedInput("a new device needs a site")
        if not values.get("category") and self.any_category in index.category_id_by_code:
            values = {**values, "category": self.any_category}
        if not values.get("category"):
            raise RejectedInput(
                "a new device needs a device type (map a type column, or give every device one "
                f'type with --category-map "{ANY_CATEGORY}=CODE")'
            )
        tag = values.get("asset_tag")
        if tag and identifier_key(tag) in index.gone_tags:
            raise RejectedInput(f"asset tag {tag} belonged to a deleted device; tags are never reused")
        device_id = values.get("id") or (device_id_for_tag(tag) if tag else str(uuid.uuid4()))
        if device_id in index.gone_ids:
            raise RejectedInput(f"asset tag {tag} belonged to a deleted device; tags are never reused")
        row = self._common(values, index)
        site_id, room_id = self._location(values, None, None, index)
        row.update(
            id=device_id,
            site_id=site_id,
            room_id=room_id,
            model_id=self._model_id(values, row.get("category_id"), index),
        )
        row.setdefault("status", DeviceStatus.IN_USE.value)
        row.setdefault("condition", Condition.UNKNOWN.value)
        row.setdefault("ownership", Ownership.OWNED.value)
        return PlannedRow(row_no, "new", device_id, self._label(values, device_id), row)

    def _update(self, row_no: int, values: dict[str, Any], current: dict[str, Any], index: StoreIndex) -> PlannedRow:
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
            if (
                column in ("asset_tag", "serial", "inventory_number", "mac")
                and old is not None
                and new is not None
                and identifier_key(old) == identifier_key(new)
            ):
                continue  # the same identifier written differently (spaces, dashes, case)
            if old != new:
                changed[column] = new
                changes[self._field_name(column)] = (
                    self._display(column, old, index),
                    self._display(column, new, index),
                )
        device_id = current["id"]
        return PlannedRow(
            row_no, "changed" if changed else "unchanged", device_id, self._label(values, device_id), changed, changes
        )

    @staticmethod
    def _field_name(column: str) -> str:
        return {
            "site_id": "site",
            "room_id": "room",
            "category_id": "category",
            "model_id": "model",
            "contract_id": "contract",
            "purchase_price_cents": "purchase_price",
            "lease_monthly_fee_cents": "lease_monthly_fee",
        }.get(column, column)

    def _display(self, column: str, value: Any, index: StoreIndex) -> Any:
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
