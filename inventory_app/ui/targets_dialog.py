"""Editing target levels and pupil/staff counts, by hand or by importing a CSV/XLSX file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from inventory_app.context import AppContext
from inventory_app.core.catalogue import STANDARD_CATEGORIES
from inventory_app.core.enums import CategoryGroup, SiteKind, TargetBasis
from inventory_app.core.errors import InventoryError
from inventory_app.reports.levels import LevelsService
from inventory_app.reports.service import ReportService
from inventory_app.ui.file_dialogs import FileDialogs
from inventory_app.ui.labels import label, vocabulary
from inventory_app.ui.mnemonics import spread_in


class TargetsDialog(QDialog):
    """Two tabs: target levels (site kind x group or category) and populations per school year.

    Testable without exec(): fill the widgets, call ``save_target()``, ``save_populations()`` or
    ``import_file(path, kind)`` and read ``message``.
    """

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.files = FileDialogs(ctx.db_path)  # never reads the files it lists (file_dialogs)
        self.setWindowTitle(self.tr("Target levels and pupils"))
        self.levels = LevelsService(ctx.store)
        self.sites = [c for c in ReportService(ctx.store).scopes() if c.kind == "site"]
        self.changed = False
        tabs = QTabWidget()
        tabs.addTab(self._targets_tab(), self.tr("Target levels"))
        tabs.addTab(self._populations_tab(), self.tr("Pupils and staff"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(820, 560)
        spread_in(self)  # an Alt+letter for every field and button of both tabs, in either language
        self.reload()

    # -- target levels ------------------------------------------------------------------------------
    def _targets_tab(self) -> QWidget:
        page = QWidget()
        self.target_table = QTableWidget(0, 4)
        self.target_table.setHorizontalHeaderLabels(
            [self.tr("Site kind"), self.tr("Group or category"), self.tr("Basis"), self.tr("Per unit")]
        )
        self.target_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.target_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.kind_combo = QComboBox()
        for kind in SiteKind:
            self.kind_combo.addItem(label("site_kind", kind.value), kind.value)
        self.target_combo = QComboBox()
        for group in CategoryGroup:
            self.target_combo.addItem(self.tr("group: {0}").format(label("group", group.value)), group.value)
        for spec in STANDARD_CATEGORIES:
            self.target_combo.addItem(label("category", spec.code), spec.code)
        self.basis_combo = QComboBox()
        for basis in TargetBasis:
            self.basis_combo.addItem(label("basis", basis.value), basis.value)
        self.per_unit_spin = QDoubleSpinBox()
        self.per_unit_spin.setRange(0, 1000)
        self.per_unit_spin.setDecimals(3)
        self.per_unit_spin.setSingleStep(0.05)
        save = QPushButton(self.tr("Set"))
        save.clicked.connect(self.save_target)
        import_button = QPushButton(self.tr("Import file…"))
        import_button.clicked.connect(lambda: self._ask_import("targets"))
        form = QHBoxLayout()
        for widget in (self.kind_combo, self.target_combo, self.basis_combo, self.per_unit_spin, save):
            form.addWidget(widget)
        form.addStretch()
        form.addWidget(import_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.target_table, 1)
        layout.addLayout(form)
        return page

    def save_target(self) -> bool:
        try:
            self.levels.set_target(
                self.kind_combo.currentData(),
                self.target_combo.currentData(),
                self.basis_combo.currentData(),
                self.per_unit_spin.value(),
            )
        except InventoryError as exc:
            self.message.setText(str(exc))
            return False
        self.changed = True
        self.message.setText(self.tr("Target level saved."))
        self.reload()
        return True

    # -- populations --------------------------------------------------------------------------------
    def _populations_tab(self) -> QWidget:
        page = QWidget()
        self.year_edit = QLineEdit(self.levels.current_year())
        self.year_edit.setMaximumWidth(120)
        self.year_edit.editingFinished.connect(self.reload)
        self.population_table = QTableWidget(0, 4)
        self.population_table.setHorizontalHeaderLabels(
            [self.tr("Area"), self.tr("Site"), self.tr("Pupils"), self.tr("Staff")]
        )
        self.population_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        save = QPushButton(self.tr("Save changes"))
        save.clicked.connect(self.save_populations)
        import_button = QPushButton(self.tr("Import file…"))
        import_button.clicked.connect(lambda: self._ask_import("populations"))
        top = QHBoxLayout()
        year_label = QLabel(self.tr("School year"))
        year_label.setBuddy(self.year_edit)
        top.addWidget(year_label)
        top.addWidget(self.year_edit)
        top.addStretch()
        top.addWidget(save)
        top.addWidget(import_button)
        layout = QVBoxLayout(page)
        layout.addLayout(top)
        layout.addWidget(self.population_table, 1)
        return page

    def save_populations(self) -> bool:
        """Save the rows whose numbers were changed; a bad number refuses the lot."""
        year = self.year_edit.text().strip()
        changes: list[tuple[str, int | None, int | None]] = []
        for row, site in enumerate(self.sites):
            values: list[int | None] = []
            for column in (2, 3):
                item = self.population_table.item(row, column)
                text = (item.text() if item else "").strip()
                if not text:
                    values.append(None)
                    continue
                if not text.isdigit():
                    self.message.setText(
                        self.tr("'{0}' for {1} is not a whole number; nothing was saved.").format(text, site.name)
                    )
                    return False
                values.append(int(text))
            if values != self._loaded.get(site.id, [None, None]) and any(v is not None for v in values):
                changes.append((site.id, values[0], values[1]))
        try:
            for site_id, pupils, staff in changes:
                self.levels.set_population(site_id, year, pupils=pupils, staff=staff)
        except InventoryError as exc:
            self.message.setText(str(exc))
            return False
        self.changed = self.changed or bool(changes)
        self.message.setText(self.tr("Saved {0} site(s).").format(len(changes)))
        self.reload()
        return True

    # -- both ---------------------------------------------------------------------------------------
    def _ask_import(self, kind: str) -> None:
        path = self.files.open_file(self, self.tr("Import file"), "", self.tr("Tables (*.csv *.txt *.xlsx)"))
        if path:
            self.import_file(Path(path), kind)

    def import_file(self, path: Path, kind: str) -> bool:
        try:
            if kind == "targets":
                counts = self.levels.import_targets(path)
            else:
                counts = self.levels.import_populations(path, default_year=self.year_edit.text().strip() or None)
        except InventoryError as exc:
            self.message.setText(str(exc))
            return False
        self.changed = True
        self.message.setText(
            self.tr("Imported {0}: {1} added, {2} changed, {3} unchanged.").format(
                path.name, counts["added"], counts["changed"], counts["unchanged"]
            )
        )
        self.reload()
        return True

    def reload(self) -> None:
        targets = self.levels.targets()
        self.target_table.setRowCount(len(targets))
        for row, t in enumerate(targets):
            target = label("group", t.target) if t.target in vocabulary("group") else label("category", t.target)
            shown = (
                label("site_kind", t.site_kind),
                target,
                label("basis", t.basis),
                QLocale().toString(float(t.per_unit), "g", 6),
            )
            for column, value in enumerate(shown):
                self.target_table.setItem(row, column, QTableWidgetItem(value))
        try:
            pops = {p.site_id: p for p in self.levels.populations(self.year_edit.text().strip() or None)}
        except InventoryError as exc:
            self.message.setText(str(exc))
            pops = {}
        self._loaded: dict[str, list[int | None]] = {}
        self.population_table.setRowCount(len(self.sites))
        for row, site in enumerate(self.sites):
            pop = pops.get(site.id)
            self._loaded[site.id] = [pop.pupils, pop.staff] if pop else [None, None]
            for column, value in enumerate((site.area or "", site.name)):
                item = QTableWidgetItem(value)
                item.setFlags(item.flags() & ~item.flags().ItemIsEditable)
                self.population_table.setItem(row, column, item)
            for column, number in ((2, pop.pupils if pop else None), (3, pop.staff if pop else None)):
                self.population_table.setItem(row, column, QTableWidgetItem("" if number is None else str(number)))
