"""Import an inventory file (validate every row, then write in one transaction) and export one."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from inventory_app.core.errors import RejectedInput
from inventory_app.core.tabular import header_key
from inventory_app.importing.mapping import ColumnMapping, detect_mapping, header_score
from inventory_app.importing.plan import ImportPlan
from inventory_app.importing.planner import ImportPlanner
from inventory_app.importing.reader import SheetData, read_table
from inventory_app.importing.structure import parse_structure_sheets, write_structure
from inventory_app.storage import import_queries as q
from inventory_app.storage.schema import DeviceModelRecord, DeviceRecord
from inventory_app.storage.store import Store

Progress = Callable[..., None]
WRITE_BATCH = 5000


class InvalidRows(RejectedInput):
    """The file has invalid rows and --skip-invalid was not given; nothing was written."""

    def __init__(self, plan: ImportPlan) -> None:
        self.plan = plan
        first = plan.invalid[0]
        more = f" and {len(plan.invalid) - 1} more" if len(plan.invalid) > 1 else ""
        super().__init__(
            f"{plan.source}: {len(plan.invalid)} invalid row(s), nothing was imported "
            f"(row {first.row}: {first.reason}{more}); fix them or use --skip-invalid"
        )


@dataclass(slots=True)
class ImportResult:
    plan: ImportPlan
    written: bool
    skipped: int

    def to_json(self) -> dict[str, Any]:
        return {**self.plan.summary(), "written": self.written, "skipped_invalid": self.skipped}


@dataclass(slots=True)
class ImportOptions:
    """What an import may do besides devices and rooms, and which tool the file came from."""

    create_missing: bool = False
    area: str | None = None
    source: str | None = None  # --from: snipe-it, glpi, inventree
    category_map: dict[str, str] = field(default_factory=dict)  # --category-map WORD=CODE


def parse_category_map(items: list[str]) -> dict[str, str]:
    """``["Laptops=pupil_laptop", "*=staff_laptop"]`` -> a dict; a bad item or code is refused."""
    from inventory_app.core.catalogue import CATEGORY_BY_CODE

    result: dict[str, str] = {}
    for item in items:
        word, sep, code = item.rpartition("=")
        word, code = word.strip(), code.strip()
        if not sep or not word or not code:
            raise RejectedInput(f'--category-map \'{item}\': write it as "WORD=CODE", e.g. "Laptops=pupil_laptop"')
        if code not in CATEGORY_BY_CODE:
            raise RejectedInput(
                f"--category-map '{item}': unknown category '{code}'; categories: {', '.join(CATEGORY_BY_CODE)}"
            )
        result[word] = code
    return result


class ImportService:
    def __init__(self, store: Store) -> None:
        self.store = store

    @staticmethod
    def read(
        path: Path, mapping: ColumnMapping | None = None, options: ImportOptions | None = None
    ) -> tuple[SheetData, ColumnMapping]:
        """The file's rows and the mapping to use (the given one, or detected from the headers).

        ``--from`` and ``--category-map`` are folded into the mapping, so a saved mapping keeps them.
        """
        opts = options or ImportOptions()
        source = opts.source or (mapping.source if mapping else None)
        if mapping is not None:
            wanted = {header_key(h) for h in mapping.columns.values()}

            def score(headers: list[str]) -> int:
                return sum(1 for h in headers if header_key(h) in wanted)
        else:

            def score(headers: list[str]) -> int:
                return header_score(headers, source)

        sheet = read_table(path, mapping.sheet if mapping else None, score)
        used = mapping if mapping is not None else detect_mapping(sheet.headers, source)
        if opts.source and mapping is not None:
            tool = detect_mapping([], opts.source)
            used = replace(used, source=tool.source, date_order=tool.date_order)
        if opts.category_map:
            used = replace(used, categories={**used.categories, **opts.category_map})
        return sheet, used

    def planner(
        self, session: Any, sheet: SheetData, mapping: ColumnMapping, options: ImportOptions, progress: Progress | None
    ) -> ImportPlanner:
        """The planner for a read file with the options (a full export's structure sheets included)."""
        structure = parse_structure_sheets(sheet.source, sheet.extra_sheets) if sheet.extra_sheets else None
        return ImportPlanner(
            session, mapping, progress, create_missing=options.create_missing, area=options.area, structure=structure
        )

    def preview(
        self,
        path: Path,
        mapping: ColumnMapping | None = None,
        progress: Progress | None = None,
        options: ImportOptions | None = None,
    ) -> ImportPlan:
        """What an import would do; reads only."""
        opts = options or ImportOptions()
        sheet, used = self.read(path, mapping, opts)
        with self.store.read() as session:
            return self.planner(session, sheet, used, opts, progress).plan(sheet)

    def run(
        self,
        path: Path,
        mapping: ColumnMapping | None = None,
        *,
        skip_invalid: bool = False,
        dry_run: bool = False,
        progress: Progress | None = None,
        options: ImportOptions | None = None,
    ) -> ImportResult:
        """Check every row, then (unless dry-run) write in one transaction.

        The rows are checked again inside the writing transaction, so what is written matches
        the store at that moment even if a preview was shown earlier.
        """
        report = progress or (lambda *a, **k: None)
        opts = options or ImportOptions()
        sheet, used = self.read(path, mapping, opts)
        if dry_run:
            with self.store.read() as session:
                plan = self.planner(session, sheet, used, opts, report).plan(sheet)
            return ImportResult(plan, written=False, skipped=len(plan.invalid))
        with self.store.unit_of_work() as uow:
            plan = self.planner(uow.session, sheet, used, opts, report).plan(sheet)
            if plan.invalid and not skip_invalid:
                raise InvalidRows(plan)
            self._write(uow, plan, report)
        return ImportResult(plan, written=True, skipped=len(plan.invalid))

    def _write(self, uow: Any, plan: ImportPlan, report: Progress) -> None:
        write_structure(uow, plan.new_areas, plan.new_sites, plan.new_rooms, plan.new_contracts)
        if plan.new_models:
            uow.insert_many(
                DeviceModelRecord,
                [
                    {"id": m.id, "manufacturer": m.manufacturer, "name": m.name, "category_id": m.category_id}
                    for m in plan.new_models
                ],
            )
        new_rows = [r.values for r in plan.rows if r.action == "new"]
        # The ORM's bulk insert leaves out None values and so batches only consecutive rows with
        # the same empty columns; grouping them turns 50,000 single INSERTs into a few executemany.
        new_rows.sort(key=lambda values: tuple(values.get(c) is None for c in q.DEVICE_IMPORT_COLUMNS))
        updates = [r for r in plan.rows if r.action == "changed"]
        total = len(new_rows) + len(updates)
        done = 0
        for start in range(0, len(new_rows), WRITE_BATCH):
            batch = new_rows[start : start + WRITE_BATCH]
            uow.insert_many(DeviceRecord, batch)
            done += len(batch)
            report(done, total, "writing")
        records = q.devices_by_ids(uow.session, [r.device_id for r in updates])
        for n, planned in enumerate(updates, start=1):
            record = records[planned.device_id]
            for column, value in planned.values.items():
                setattr(record, column, value)
            if n % WRITE_BATCH == 0:
                uow.flush()
                report(done + n, total, "writing")
        uow.flush()
        report(total, total, "written")
