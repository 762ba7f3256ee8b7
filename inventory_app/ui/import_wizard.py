"""Import wizard: file -> column mapping -> preview with the bad rows named -> import with progress.

The preview and the import run off the UI thread (TaskRunner). The import checks every row again
inside its transaction, so what is written is what the store allows at that moment. The file page
offers the same choices as the command line (``--from``, ``--create-missing``, ``--area``); device
types the file uses that are not known are chosen on the preview page and kept in the mapping.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from inventory_app.context import AppContext
from inventory_app.core.catalogue import STANDARD_CATEGORIES
from inventory_app.core.errors import InventoryError
from inventory_app.importing.mapping import FIELDS, ColumnMapping
from inventory_app.importing.plan import ImportPlan
from inventory_app.importing.profiles import PROFILES
from inventory_app.importing.reader import SheetData
from inventory_app.importing.service import ImportOptions, ImportResult, ImportService
from inventory_app.ui.file_dialogs import FileDialogs
from inventory_app.ui.labels import label
from inventory_app.ui.tasks import TaskRunner

SHOWN_ROWS = 500


class _FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Choose the file"))
        self.setSubTitle(self.tr("A CSV or XLSX inventory. Finnish and English column names are recognised."))
        self.path_edit = QLineEdit()
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        self.mapping_edit = QLineEdit()
        self.mapping_edit.setPlaceholderText(self.tr("optional: a saved mapping (JSON)"))
        browse_mapping = QPushButton(self.tr("Browse…"))
        browse_mapping.clicked.connect(self._browse_mapping)
        self.source_combo = QComboBox()
        self.source_combo.addItem(self.tr("Recognise from the column names"), "")
        for name, tool in PROFILES.items():
            self.source_combo.addItem(tool.title, name)
        self.create_missing = QCheckBox(self.tr("Create the sites the file names that are not in the inventory yet"))
        self.area_edit = QLineEdit()
        self.area_edit.setPlaceholderText(self.tr("optional: the area of new sites"))
        self.area_edit.setEnabled(False)
        self.create_missing.toggled.connect(self.area_edit.setEnabled)
        self.info = QLabel()
        self.info.setWordWrap(True)
        form = QFormLayout(self)
        row = QHBoxLayout()
        row.addWidget(self.path_edit)
        row.addWidget(browse)
        form.addRow(self.tr("File"), row)
        mrow = QHBoxLayout()
        mrow.addWidget(self.mapping_edit)
        mrow.addWidget(browse_mapping)
        form.addRow(self.tr("Mapping"), mrow)
        form.addRow(self.tr("Exported from"), self.source_combo)
        form.addRow(self.create_missing)
        form.addRow(self.tr("Area of new sites"), self.area_edit)
        form.addRow(self.info)
        self.path_edit.textChanged.connect(lambda _t: self.completeChanged.emit())

    def _browse(self) -> None:
        path = self.owner.files.open_file(
            self, self.tr("Inventory file"), "", self.tr("Spreadsheets (*.csv *.xlsx *.txt *.tsv)")
        )
        if path:
            self.path_edit.setText(path)

    def _browse_mapping(self) -> None:
        path = self.owner.files.open_file(self, self.tr("Saved mapping"), "", self.tr("Mappings (*.json)"))
        if path:
            self.mapping_edit.setText(path)

    def isComplete(self) -> bool:  # noqa: N802 (Qt's name)
        return bool(self.path_edit.text().strip())

    def validatePage(self) -> bool:  # noqa: N802
        options = ImportOptions(
            create_missing=self.create_missing.isChecked(),
            area=self.area_edit.text().strip() or None,
            source=self.source_combo.currentData() or None,
        )
        try:
            saved = (
                ColumnMapping.load(Path(self.mapping_edit.text().strip())) if self.mapping_edit.text().strip() else None
            )
            sheet, mapping = ImportService.read(Path(self.path_edit.text().strip()), saved, options)
        except InventoryError as exc:
            self.info.setText(str(exc))
            self.info.setStyleSheet("color: #a40000;")
            return False
        self.owner.sheet = sheet
        self.owner.mapping = mapping
        self.owner.import_options = options
        return True


class _MappingPage(QWizardPage):
    NOT_IMPORTED = ""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Match the columns"))
        self.setSubTitle(self.tr("Which column of the file holds what. Recognised columns are already chosen."))
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Column in the file")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        save = QPushButton(self.tr("Save mapping…"))
        save.clicked.connect(self._save)
        self.combos: dict[str, QComboBox] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(save)

    def initializePage(self) -> None:  # noqa: N802
        sheet, mapping = self.owner.sheet, self.owner.mapping
        assert sheet is not None and mapping is not None
        self.table.setRowCount(len(FIELDS))
        self.combos.clear()
        for row, (key, (field_label, _aliases)) in enumerate(FIELDS.items()):
            self.table.setItem(row, 0, QTableWidgetItem(QCoreApplication.translate("ImportFields", field_label)))
            combo = QComboBox()
            combo.addItem(self.tr("— not imported —"), self.NOT_IMPORTED)
            for header in sheet.headers:
                if header.strip():
                    combo.addItem(header, header)
            if key in mapping.columns:
                combo.setCurrentIndex(max(0, combo.findData(mapping.columns[key])))
            self.table.setCellWidget(row, 1, combo)
            self.combos[key] = combo
        self.table.resizeColumnToContents(0)

    def current_mapping(self) -> ColumnMapping:
        base = self.owner.mapping or ColumnMapping()
        columns = {key: combo.currentData() for key, combo in self.combos.items() if combo.currentData()}
        return replace(base, columns=columns, categories=dict(base.categories))

    def choose(self, key: str, header: str | None) -> None:
        combo = self.combos[key]
        combo.setCurrentIndex(max(0, combo.findData(header or self.NOT_IMPORTED)))

    def _save(self) -> None:
        path = self.owner.files.save_file(self, self.tr("Save mapping"), "mapping.json", self.tr("Mappings (*.json)"))
        if path:
            self.current_mapping().save(Path(path))

    def validatePage(self) -> bool:  # noqa: N802
        self.owner.mapping = self.current_mapping()
        return True


class _PreviewPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Check before importing"))
        self.setSubTitle(
            self.tr("Nothing has been written yet. Rows are numbered as in the spreadsheet (header = row 1).")
        )
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.progress = QProgressBar()
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Row"), self.tr("What happens"), self.tr("Details")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.skip_invalid = QCheckBox(self.tr("Import the valid rows and skip the invalid ones"))
        self.skip_invalid.toggled.connect(lambda _on: self.completeChanged.emit())
        self.details = QLabel()
        self.details.setWordWrap(True)
        # Device types the file uses that are not known: pick ours for each, then check again.
        self.types_label = QLabel(self.tr("Device types not recognised: choose what each one is."))
        self.types_table = QTableWidget(0, 2)
        self.types_table.setHorizontalHeaderLabels([self.tr("In the file"), self.tr("Device type")])
        self.types_table.horizontalHeader().setStretchLastSection(True)
        self.types_table.verticalHeader().setVisible(False)
        self.recheck = QPushButton(self.tr("Check again with these types"))
        self.recheck.clicked.connect(self._recheck)
        self.type_combos: dict[str, QComboBox] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.details)
        layout.addWidget(self.progress)
        layout.addWidget(self.types_label)
        layout.addWidget(self.types_table)
        layout.addWidget(self.recheck)
        layout.addWidget(self.table)
        layout.addWidget(self.skip_invalid)
        self.plan: ImportPlan | None = None
        self._show_types([])

    def initializePage(self) -> None:  # noqa: N802
        self.plan = None
        self.table.setRowCount(0)
        self.summary.setText(self.tr("Checking every row…"))
        self.progress.setVisible(True)
        self.owner.start_preview(self)

    def show_plan(self, plan: ImportPlan) -> None:
        self.plan = plan
        self.progress.setVisible(False)
        rooms = ", ".join(f"{r.site_name} {r.code}" for r in plan.new_rooms) or self.tr("none")
        self.summary.setStyleSheet("color: #a40000;" if plan.invalid else "")
        self.summary.setText(
            self.tr("{0} rows: {1} new, {2} changed, {3} unchanged, {4} invalid. New rooms: {5}.").format(
                plan.total_rows,
                plan.count("new"),
                plan.count("changed"),
                plan.count("unchanged"),
                len(plan.invalid),
                rooms,
            )
        )
        notes = []
        if plan.new_areas:
            notes.append(self.tr("New areas: {0}.").format(", ".join(a.name for a in plan.new_areas)))
        if plan.new_sites:
            notes.append(
                self.tr("New sites: {0}.").format(
                    ", ".join(f"{site.name} ({site.area_name or self.tr('no area')})" for site in plan.new_sites)
                )
            )
        if plan.foreign_tags:
            notes.append(
                self.tr("{0} identifiers of another system are kept as inventory numbers.").format(plan.foreign_tags)
            )
        if plan.categories:
            notes.append(
                self.tr("Device types: {0}.").format(
                    "; ".join(
                        f"{word} → {label('category', code) if code else self.tr('not recognised')}"
                        for word, (code, _n) in plan.categories.items()
                    )
                )
            )
        self.details.setText("\n".join(notes))
        self._show_types(plan.unknown_categories)
        lines: list[tuple[int, str, str]] = [(i.row, self.tr("invalid"), i.reason) for i in plan.invalid]
        for r in plan.rows:
            if r.action == "new":
                lines.append((r.row, self.tr("new"), r.label))
            elif r.action == "changed":
                details = "; ".join(f"{k}: {a} → {b}" for k, (a, b) in r.changes.items())
                lines.append((r.row, self.tr("changed"), f"{r.label}: {details}"))
        lines.sort(key=lambda line: line[0])
        shown = lines[:SHOWN_ROWS]
        self.table.setRowCount(len(shown))
        for n, (row, action, details) in enumerate(shown):
            for col, value in enumerate((str(row), action, details)):
                self.table.setItem(n, col, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        self.completeChanged.emit()

    def show_error(self, text: str) -> None:
        self.progress.setVisible(False)
        self.summary.setStyleSheet("color: #a40000;")
        self.summary.setText(text)

    def _show_types(self, words: list[str]) -> None:
        for widget in (self.types_label, self.types_table, self.recheck):
            widget.setVisible(bool(words))
        self.type_combos.clear()
        self.types_table.setRowCount(len(words))
        for row, word in enumerate(words):
            self.types_table.setItem(row, 0, QTableWidgetItem(word))
            combo = QComboBox()
            combo.addItem(self.tr("— choose —"), "")
            for spec in STANDARD_CATEGORIES:
                combo.addItem(label("category", spec.code), spec.code)
            self.types_table.setCellWidget(row, 1, combo)
            self.type_combos[word] = combo
        self.types_table.resizeColumnToContents(0)

    def choose_type(self, word: str, code: str) -> None:
        combo = self.type_combos[word]
        combo.setCurrentIndex(max(0, combo.findData(code)))

    def _recheck(self) -> None:
        chosen = {word: combo.currentData() for word, combo in self.type_combos.items() if combo.currentData()}
        if chosen and self.owner.mapping is not None:
            self.owner.mapping = replace(self.owner.mapping, categories={**self.owner.mapping.categories, **chosen})
            self.initializePage()

    def isComplete(self) -> bool:  # noqa: N802
        if self.plan is None:
            return False
        return not self.plan.invalid or self.skip_invalid.isChecked()


class _ImportPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Importing"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        self.done = False

    def initializePage(self) -> None:  # noqa: N802
        self.done = False
        self.status.setText(self.tr("Writing in one transaction…"))
        self.owner.start_import(self)

    def show_result(self, result: ImportResult) -> None:
        self.done = True
        self.progress.setValue(self.progress.maximum())
        plan = result.plan
        self.status.setText(
            self.tr("Imported: {0} new, {1} changed, {2} unchanged; {3} invalid rows skipped.").format(
                plan.count("new"), plan.count("changed"), plan.count("unchanged"), result.skipped
            )
        )
        self.completeChanged.emit()

    def show_error(self, text: str) -> None:
        self.status.setStyleSheet("color: #a40000;")
        self.status.setText(self.tr("Nothing was imported: {0}").format(text))

    def isComplete(self) -> bool:  # noqa: N802
        return self.done


class ImportWizard(QWizard):
    preview_ready = Signal(object)  # ImportPlan
    import_finished = Signal(object)  # ImportResult
    import_failed = Signal(str)

    def __init__(self, ctx: AppContext, task_runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.files = FileDialogs(ctx.db_path)  # never reads the files it lists (file_dialogs)
        self.ctx = ctx
        self.runner = task_runner
        self.service = ImportService(ctx.store)
        self.sheet: SheetData | None = None
        self.mapping: ColumnMapping | None = None
        self.import_options = ImportOptions()
        self.setWindowTitle(self.tr("Import an inventory"))
        self.file_page = _FilePage(self)
        self.mapping_page = _MappingPage(self)
        self.preview_page = _PreviewPage(self)
        self.import_page = _ImportPage(self)
        for page in (self.file_page, self.mapping_page, self.preview_page, self.import_page):
            self.addPage(page)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)

    def set_file(self, path: Path, mapping: Path | None = None) -> None:
        self.file_page.path_edit.setText(str(path))
        self.file_page.mapping_edit.setText(str(mapping) if mapping else "")

    @property
    def path(self) -> Path:
        return Path(self.file_page.path_edit.text().strip())

    def start_preview(self, page: _PreviewPage) -> None:
        assert self.sheet is not None and self.mapping is not None
        sheet, mapping, options = self.sheet, self.mapping, self.import_options

        def work(progress: Any) -> ImportPlan:
            with self.ctx.store.read() as session:
                return self.service.planner(session, sheet, mapping, options, progress).plan(sheet)

        def done(plan: ImportPlan) -> None:
            page.show_plan(plan)
            self.preview_ready.emit(plan)

        self.runner.run(
            work,
            on_done=done,
            on_error=lambda exc: page.show_error(str(exc)),
            on_progress=lambda d, t, _x: _set_progress(page.progress, d, t),
        )

    def start_import(self, page: _ImportPage) -> None:
        assert self.mapping is not None
        path, mapping, options = self.path, self.mapping, self.import_options
        skip = self.preview_page.skip_invalid.isChecked()

        def done(result: ImportResult) -> None:
            page.show_result(result)
            self.import_finished.emit(result)

        def failed(exc: BaseException) -> None:
            page.show_error(str(exc))
            self.import_failed.emit(str(exc))

        self.runner.run(
            lambda progress: self.service.run(path, mapping, skip_invalid=skip, progress=progress, options=options),
            on_done=done,
            on_error=failed,
            on_progress=lambda d, t, _x: _set_progress(page.progress, d, t),
        )


def _set_progress(bar: QProgressBar, done: int, total: int) -> None:
    bar.setRange(0, max(1, total))
    bar.setValue(done)
