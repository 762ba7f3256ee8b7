"""The reports page: pick a report and a scope, read the table and the chart, export CSV/XLSX/PDF.

Computing and exporting run on the TaskRunner; the page only shows results and progress.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCharts import QChart
from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from inventory_app.context import AppContext
from inventory_app.core.errors import InventoryError
from inventory_app.reports.export import write_csv, write_xlsx
from inventory_app.reports.model import Kind, ReportResult
from inventory_app.reports.service import ReportParams, ReportService
from inventory_app.reports.texts import format_value, localise, message, text, vocabulary_name
from inventory_app.ui.file_dialogs import FileDialogs
from inventory_app.ui.mnemonics import spread_in
from inventory_app.ui.report_chart import ReportChart, chart_image, chart_view
from inventory_app.ui.report_labels import ReportLabels
from inventory_app.ui.report_table_model import ReportTableModel
from inventory_app.ui.tasks import TaskRunner

EXPORT_FILTERS = {"csv": "CSV (*.csv)", "xlsx": "Excel (*.xlsx)", "pdf": "PDF (*.pdf)"}


class ReportsPage(QWidget):
    report_shown = Signal(object)  # the ReportResult now on screen
    report_failed = Signal(str)
    export_finished = Signal(str)  # the written file
    export_failed = Signal(str)

    def __init__(self, ctx: AppContext, task_runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.files = FileDialogs(ctx.db_path)  # never reads the files it lists (file_dialogs)
        self.ctx = ctx
        self.runner = task_runner
        self.service = ReportService(ctx.store)
        # The language the window runs in (application.py sets the default locale with the translators).
        self.lang = "fi" if QLocale().language() == QLocale.Language.Finnish else "en"
        self.texts = ReportLabels(self.lang)
        self.result: ReportResult | None = None
        self._build()
        self.reload_scopes()
        self._report_changed()

    # -- layout -----------------------------------------------------------------------------------
    def _build(self) -> None:
        self.report_combo = QComboBox()
        for name, title in self.texts.report_names().items():
            self.report_combo.addItem(title, name)
        self.scope_combo = QComboBox()
        self.scope_combo.setMinimumContentsLength(20)
        self.scope_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.report_combo.setMinimumContentsLength(18)
        self.report_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.as_of_edit = QDateEdit(QDate.currentDate())
        self.as_of_edit.setCalendarPopup(True)
        self.as_of_edit.setDisplayFormat("d.M.yyyy")
        self.months_spin = QSpinBox()
        self.months_spin.setRange(1, 120)
        self.months_spin.setValue(12)
        self.months_spin.setSuffix(self.tr(" months"))
        self.billing_edit = QLineEdit()
        self.billing_edit.setPlaceholderText(self.tr("Lessor's billing file (CSV or XLSX)"))
        self.billing_button = QPushButton(self.tr("Browse…"))
        self.audit_combo = QComboBox()
        self.run_button = QPushButton(self.tr("Show report"))
        self.run_button.setDefault(True)
        self.targets_button = QPushButton(self.tr("Target levels and pupils…"))

        top = QHBoxLayout()
        for label, widget in (
            (self.tr("Report"), self.report_combo),
            (self.tr("Scope"), self.scope_combo),
            (self.tr("As of"), self.as_of_edit),
        ):
            field_label = QLabel(label)
            field_label.setBuddy(widget)  # Alt+letter moves to the field (mnemonics.py gives the letters)
            top.addWidget(field_label)
            top.addWidget(widget)
        top.addStretch()
        # The report's own options on a second row, so the page fits a 1366-pixel laptop with the tree.
        options = QHBoxLayout()
        self.months_label = QLabel(self.tr("Within"))
        self.months_label.setBuddy(self.months_spin)
        options.addWidget(self.months_label)
        options.addWidget(self.months_spin)
        options.addWidget(self.billing_edit, 1)
        options.addWidget(self.billing_button)
        options.addWidget(self.audit_combo, 1)
        options.addStretch()
        options.addWidget(self.run_button)
        options.addWidget(self.targets_button)

        self.tabs = QTabWidget()
        self.chart = chart_view(None, self.lang)
        self.chart.setMinimumWidth(360)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.tabs)
        splitter.addWidget(self.chart)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([600, 400])  # the table first: without this the chart took all but 120 px

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.progress.setMaximumWidth(260)
        self.export_buttons: dict[str, QPushButton] = {}
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.progress)
        for fmt, caption in (
            ("csv", self.tr("Export CSV")),
            ("xlsx", self.tr("Export XLSX")),
            ("pdf", self.tr("Export PDF")),
        ):
            button = QPushButton(caption)
            button.setEnabled(False)
            button.clicked.connect(lambda _=False, f=fmt: self._ask_export(f))
            self.export_buttons[fmt] = button
            bottom.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(options)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)

        self.report_combo.currentIndexChanged.connect(self._report_changed)
        self.scope_combo.currentIndexChanged.connect(self._scope_changed)
        self.run_button.clicked.connect(self.run_report)
        self.billing_button.clicked.connect(self._browse_billing)
        self.targets_button.clicked.connect(self._open_targets)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        spread_in(self)  # an Alt+letter for every field and button, clear of the menu bar's

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """A page has no default button: Return that no field used shows the report (not while one is computed)."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.run_button.click()
            return
        super().keyPressEvent(event)

    # -- choices ----------------------------------------------------------------------------------
    def reload_scopes(self) -> None:
        self.scope_combo.blockSignals(True)
        self.scope_combo.clear()
        self.scope_combo.addItem(self.tr("Whole city"), None)
        for choice in self.service.scopes():
            text = choice.name if choice.kind == "area" else f"    {choice.name}"
            self.scope_combo.addItem(text, (choice.kind, choice.id))
        self.scope_combo.blockSignals(False)
        self._scope_changed()

    def report_name(self) -> str:
        return str(self.report_combo.currentData())

    def select(self, report: str, scope_id: str | None = None) -> None:
        """Choose a report (and an area or site by id) as a person would in the pickers."""
        self.report_combo.setCurrentIndex(self.report_combo.findData(report))
        if scope_id is not None:
            for i in range(self.scope_combo.count()):
                data = self.scope_combo.itemData(i)
                if data and data[1] == scope_id:
                    self.scope_combo.setCurrentIndex(i)

    def _report_changed(self) -> None:
        name = self.report_name()
        self.months_label.setVisible(name == "leasing")
        self.months_spin.setVisible(name == "leasing")
        self.billing_edit.setVisible(name == "reconciliation")
        self.billing_button.setVisible(name == "reconciliation")
        self.audit_combo.setVisible(name == "audit")
        if name == "audit":
            self._scope_changed()

    def _scope_changed(self) -> None:
        if self.report_name() != "audit":
            return
        area, site = self._scope_args()
        self.audit_combo.clear()
        for audit in self.service.audits(area, site):
            started = audit["started_at"]
            when = f"{started:%d.%m.%Y}" if started else ""
            state = vocabulary_name("audit_status", audit["status"], self.lang)
            self.audit_combo.addItem(f"{when} {audit['site']} ({state})", audit["id"])

    def _scope_args(self) -> tuple[str | None, str | None]:
        data = self.scope_combo.currentData()
        if not data:
            return None, None
        kind, ident = data
        return (ident, None) if kind == "area" else (None, ident)

    def params(self) -> ReportParams:
        area, site = self._scope_args()
        qdate = self.as_of_edit.date()
        billing = self.billing_edit.text().strip()
        return ReportParams(
            name=self.report_name(),
            area=area,
            site=site,
            as_of=date(qdate.year(), qdate.month(), qdate.day()),
            months=self.months_spin.value(),
            billing=Path(billing) if billing else None,
            audit=self.audit_combo.currentData() if self.report_name() == "audit" else None,
        )

    # -- computing --------------------------------------------------------------------------------
    def run_report(self) -> None:
        params = self.params()
        self._busy(True, self.tr("Computing…"))
        self.runner.run(lambda progress: self.service.run(params), on_done=self._show, on_error=self._failed)

    def _show(self, result: ReportResult) -> None:
        self._busy(False)
        self.result = result
        shown = localise(result, self.lang)
        self.tabs.clear()
        for section in shown.sections:
            view = QTableView()
            view.setModel(ReportTableModel(section, self.lang, view))
            # Keep the report's own order until someone clicks a header.
            view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
            view.setSortingEnabled(True)
            view.verticalHeader().setDefaultSectionSize(22)
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            view.resizeColumnsToContents()
            view.verticalHeader().setVisible(False)
            view.setAlternatingRowColors(True)
            self.tabs.addTab(view, f"{section.title} ({len(section.rows)})")
        self.chart.setChart(ReportChart(shown.chart, self.lang) if shown.chart else QChart())
        notes = list(shown.notes)
        self.summary.setText(
            "\n".join(notes)
            if notes
            else self.tr("{0} for {1} on {2}.").format(
                shown.title, shown.scope.name, format_value(result.as_of, Kind.DATE, self.lang)
            )
        )
        for button in self.export_buttons.values():
            button.setEnabled(True)
        self.report_shown.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        # The previous report must not stay on screen as if it were this one's.
        self.result = None
        self.tabs.clear()
        self.chart.setChart(QChart())
        for button in self.export_buttons.values():
            button.setEnabled(False)
        shown = self.failure_text(exc)
        self.summary.setText(shown)
        self.report_failed.emit(shown)

    def failure_text(self, exc: BaseException) -> str:
        """What went wrong and what to do, in the window's language."""
        detail = str(exc)
        name = self.report_name()
        if name == "reconciliation" and "billing file" in detail and "--billing" in detail:
            return text(
                "The reconciliation compares the lessor's billing file with the inventory. "
                "Choose the file with Browse… and press Show report.",
                self.lang,
            )
        if name == "audit" and "no audit" in detail.lower():
            return text(
                "No audit has been made here yet. Choose another area or site, or finish an audit first.", self.lang
            )
        if not isinstance(exc, InventoryError):
            detail = repr(exc)
        return text("The report could not be made: {0}", self.lang).format(message(detail, self.lang))

    def _busy(self, busy: bool, text: str = "") -> None:
        self.run_button.setEnabled(not busy)
        self.progress.setVisible(busy)
        if busy:
            self.progress.setRange(0, 0)
            self.summary.setText(text)

    # -- exporting --------------------------------------------------------------------------------
    def _ask_export(self, fmt: str) -> None:
        if self.result is None:
            return
        suggested = self.suggested_export_name(fmt)
        path = self.files.save_file(self, self.tr("Export report"), suggested, EXPORT_FILTERS[fmt])
        if path:
            self.export_to(Path(path), fmt)

    def suggested_export_name(self, fmt: str) -> str:
        """The report's title in the window's language, made a file name, and its date: "laiteinventaario-2026-11-30.xlsx"."""
        assert self.result is not None
        title = self.texts.report_names().get(self.result.name, self.result.name)
        slug = re.sub(r"[^\w]+", "-", title.lower()).strip("-_") or self.result.name
        return f"{slug}-{self.result.as_of.isoformat()}.{fmt}"

    def export_to(self, path: Path, fmt: str) -> None:
        """Write the shown report to ``path`` off the UI thread; ``export_finished`` says when."""
        result = self.result
        if result is None:
            return
        lang = self.lang
        # QtCharts draws on the GUI thread only: the PDF's chart is made here, the rest on the worker.
        chart = localise(result, lang).chart if fmt == "pdf" else None
        image = chart_image(chart, lang=lang) if chart is not None else None

        def work(progress: Any) -> str:
            if fmt == "csv":
                write_csv(result, path, lang)
            elif fmt == "xlsx":
                write_xlsx(result, path, lang, progress=progress)
            else:
                from inventory_app.ui.report_pdf import write_report_pdf

                write_report_pdf(result, path, chart=image, lang=lang, progress=progress)
            return str(path)

        self._busy(True, self.tr("Exporting {0}…").format(path.name))
        for button in self.export_buttons.values():
            button.setEnabled(False)
        self.runner.run(work, on_done=self._exported, on_error=self._export_error, on_progress=self._progressed)

    def _progressed(self, done: int, total: int, text: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _exported(self, path: str) -> None:
        self._busy(False)
        for button in self.export_buttons.values():
            button.setEnabled(True)
        self.summary.setText(self.tr("Wrote {0}.").format(path))
        self.export_finished.emit(path)

    def _export_error(self, exc: BaseException) -> None:
        self._busy(False)
        for button in self.export_buttons.values():
            button.setEnabled(True)
        shown = text("The file could not be written: {0}", self.lang).format(message(str(exc), self.lang))
        self.summary.setText(shown)
        self.export_failed.emit(shown)

    # -- other windows ----------------------------------------------------------------------------
    def _browse_billing(self) -> None:
        path = self.files.open_file(
            self, self.tr("Lessor's billing file"), "", self.tr("Billing files (*.csv *.txt *.xlsx)")
        )
        if path:
            self.billing_edit.setText(path)

    def _open_targets(self) -> None:
        from inventory_app.ui.targets_dialog import TargetsDialog

        dialog = TargetsDialog(self.ctx, self)
        dialog.exec()
        if dialog.changed and self.result is not None:
            self.run_report()

    def show_error(self, text: str) -> None:
        QMessageBox.warning(self, self.tr("Reports"), text)
