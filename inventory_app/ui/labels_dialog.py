"""Print labels: choose what (a site's devices, its rooms, new tags or a list), the template,
printer offsets and the first free label, see a preview, save a PDF or print."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from inventory_app.context import AppContext
from inventory_app.core.errors import InventoryError
from inventory_app.core.identifiers import make_tag
from inventory_app.inventory.service import InventoryService
from inventory_app.labels.layout import LabelContent, SheetPlan, calibration_plan, plan_sheets
from inventory_app.labels.printers import PrinterProfile, PrinterProfiles
from inventory_app.labels.service import LabelService
from inventory_app.labels.templates import BUILTIN_TEMPLATES, DEFAULT_ROOM_TEMPLATE, TEMPLATES_BY_NAME
from inventory_app.ui.file_dialogs import FileDialogs
from inventory_app.ui.label_pdf import paint_plan, render_page, write_pdf
from inventory_app.ui.labels import label
from inventory_app.ui.mnemonics import spread_in
from inventory_app.ui.tasks import TaskRunner

PDF_PRINTER = "PDF"
PREVIEW_WIDTH = 420


class LabelsDialog(QDialog):
    labels_saved = Signal(str)  # the PDF written
    labels_printed = Signal(int)  # labels sent to a printer

    SOURCES = ("devices", "rooms", "new", "list")

    def __init__(self, ctx: AppContext, task_runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.files = FileDialogs(ctx.db_path)  # never reads the files it lists (file_dialogs)
        self.ctx = ctx
        self.runner = task_runner
        self.service = LabelService(ctx.store, ctx.config.tag_prefix)
        self.profiles = PrinterProfiles(ctx.paths.config_dir)
        self.setWindowTitle(self.tr("Print labels"))
        self._build()
        spread_in(self)  # an Alt+letter for every field and button, in either language
        self._load_sites()
        self._printer_changed()
        self.refresh_preview()

    # -- building ---------------------------------------------------------------------------
    def _build(self) -> None:
        what = QGroupBox(self.tr("What to print"))
        form = QFormLayout(what)
        self.source_group = QButtonGroup(self)
        source_row = QHBoxLayout()
        labels = (
            self.tr("Devices of a site"),
            self.tr("Room labels"),
            self.tr("New tags"),
            self.tr("Tags from a list"),
        )
        self.source_buttons: dict[str, QRadioButton] = {}
        for key, text in zip(self.SOURCES, labels, strict=True):
            button = QRadioButton(text)
            self.source_group.addButton(button)
            self.source_buttons[key] = button
            source_row.addWidget(button)
        self.source_buttons["devices"].setChecked(True)
        form.addRow(source_row)
        self.site_combo = QComboBox()
        form.addRow(self.tr("Site"), self.site_combo)
        self.room_edit = QLineEdit()
        self.room_edit.setPlaceholderText(self.tr("all rooms"))
        form.addRow(self.tr("Room"), self.room_edit)
        self.count_spin = QSpinBox()
        self.count_spin.setRange(1, 10_000)
        self.count_spin.setValue(21)
        form.addRow(self.tr("New tags"), self.count_spin)
        self.tags_edit = QPlainTextEdit()
        self.tags_edit.setPlaceholderText(self.tr("One asset tag per line"))
        self.tags_edit.setMaximumHeight(70)
        form.addRow(self.tr("Tags"), self.tags_edit)

        sheet = QGroupBox(self.tr("Sheet and printer"))
        sform = QFormLayout(sheet)
        self.template_combo = QComboBox()
        for template in BUILTIN_TEMPLATES:
            self.template_combo.addItem(label("template", template.name), template.name)
        sform.addRow(self.tr("Template"), self.template_combo)
        self.start_spin = QSpinBox()
        self.start_spin.setRange(1, 1)
        sform.addRow(self.tr("First free label"), self.start_spin)
        self.printer_combo = QComboBox()
        self.printer_combo.addItem(self.tr("PDF file"), PDF_PRINTER)
        for name in QPrinterInfo.availablePrinterNames():
            self.printer_combo.addItem(name, name)
        sform.addRow(self.tr("Printer"), self.printer_combo)
        self.offset_x = self._offset_spin()
        self.offset_y = self._offset_spin()
        offsets = QHBoxLayout()
        offsets.addWidget(QLabel(self.tr("X")))
        offsets.addWidget(self.offset_x)
        offsets.addWidget(QLabel(self.tr("Y")))
        offsets.addWidget(self.offset_y)
        self.save_offsets_button = QPushButton(self.tr("Remember for this printer"))
        offsets.addWidget(self.save_offsets_button)
        sform.addRow(self.tr("Offset (mm)"), offsets)
        self.dpi_spin = QSpinBox()
        self.dpi_spin.setRange(72, 2400)
        sform.addRow(self.tr("Printer resolution (dpi)"), self.dpi_spin)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.calibration_button = QPushButton(self.tr("Calibration page…"))
        self.save_button = QPushButton(self.tr("Save PDF…"))
        self.print_button = QPushButton(self.tr("Print…"))
        self.close_button = QPushButton(self.tr("Close"))
        # Return in a field saves the PDF, never "remember the offsets" or the calibration page.
        self.save_offsets_button.setAutoDefault(False)
        self.calibration_button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.calibration_button)
        buttons.addStretch(1)
        for b in (self.save_button, self.print_button, self.close_button):
            buttons.addWidget(b)

        left = QVBoxLayout()
        left.addWidget(what)
        left.addWidget(sheet)
        left.addWidget(self.message)
        left.addStretch(1)
        self.preview = QLabel()
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumWidth(PREVIEW_WIDTH)
        self.preview.setStyleSheet("background: #888; padding: 8px;")
        columns = QHBoxLayout()
        columns.addLayout(left, 3)
        columns.addWidget(self.preview, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.progress)
        layout.addLayout(buttons)

        self.source_group.buttonToggled.connect(lambda *_: self._source_changed())
        self.template_combo.currentIndexChanged.connect(lambda *_: self._template_changed())
        self.printer_combo.currentIndexChanged.connect(lambda *_: self._printer_changed())
        for widget in (self.site_combo,):
            widget.currentIndexChanged.connect(lambda *_: self.refresh_preview())
        for spin in (self.start_spin, self.dpi_spin, self.count_spin):
            spin.valueChanged.connect(lambda *_: self.refresh_preview())
        for dspin in (self.offset_x, self.offset_y):
            dspin.valueChanged.connect(lambda *_: self.refresh_preview())
        self.room_edit.editingFinished.connect(self.refresh_preview)
        self.tags_edit.textChanged.connect(self.refresh_preview)
        self.save_offsets_button.clicked.connect(self.save_offsets)
        self.save_button.clicked.connect(self._ask_save_pdf)
        self.print_button.clicked.connect(self._ask_print)
        self.calibration_button.clicked.connect(self._ask_calibration)
        self.close_button.clicked.connect(self.reject)
        self._template_changed()
        self._source_changed()

    def _offset_spin(self) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setRange(-20.0, 20.0)
        spin.setSingleStep(0.1)
        spin.setDecimals(1)
        return spin

    def _load_sites(self) -> None:
        for site in InventoryService(self.ctx.store).sites():
            self.site_combo.addItem(f"{site.name} ({site.code})" if site.code else site.name, site.code or site.id)

    # -- state ------------------------------------------------------------------------------
    @property
    def source(self) -> str:
        return next(key for key, button in self.source_buttons.items() if button.isChecked())

    def set_source(self, key: str) -> None:
        self.source_buttons[key].setChecked(True)

    def _source_changed(self) -> None:
        source = self.source
        self.room_edit.setEnabled(source in ("devices", "rooms"))
        self.count_spin.setEnabled(source == "new")
        self.tags_edit.setEnabled(source == "list")
        template = TEMPLATES_BY_NAME[self.template_combo.currentData()]
        if (source == "rooms") != template.for_rooms:
            wanted = DEFAULT_ROOM_TEMPLATE if source == "rooms" else "a4-3x7"
            self.template_combo.setCurrentIndex(self.template_combo.findData(wanted))
        self.refresh_preview()

    def _template_changed(self) -> None:
        template = TEMPLATES_BY_NAME[self.template_combo.currentData()]
        self.start_spin.setRange(1, template.per_page)
        self.start_spin.setEnabled(template.per_page > 1)
        profile = self.profiles.get(self.printer_combo.currentData() or PDF_PRINTER)
        self.dpi_spin.setValue(profile.dpi or template.default_dpi)
        self.refresh_preview()

    def _printer_changed(self) -> None:
        profile = self.profiles.get(self.printer_combo.currentData() or PDF_PRINTER)
        self.offset_x.setValue(profile.offset_x_mm)
        self.offset_y.setValue(profile.offset_y_mm)
        template = TEMPLATES_BY_NAME[self.template_combo.currentData()]
        self.dpi_spin.setValue(profile.dpi or template.default_dpi)

    def save_offsets(self) -> None:
        printer = self.printer_combo.currentData() or PDF_PRINTER
        self.profiles.save(printer, PrinterProfile(self.offset_x.value(), self.offset_y.value(), self.dpi_spin.value()))
        self.message.setText(self.tr("Offsets saved for {0}.").format(self.printer_combo.currentText()))

    # -- contents and plans -----------------------------------------------------------------
    def _site(self) -> str:
        site = self.site_combo.currentData()
        if not site:
            raise InventoryError(self.tr("Choose a site first."))
        return str(site)

    def contents(self, *, allocate: bool) -> list[LabelContent]:
        """What the labels carry; new tags are only reserved when ``allocate`` (saving or printing)."""
        source = self.source
        room = self.room_edit.text().strip() or None
        if source == "devices":
            return self.service.device_labels(self._site(), room)
        if source == "rooms":
            return self.service.room_labels(self._site(), room)
        if source == "list":
            return self.service.tag_labels(self.tags_edit.toPlainText().splitlines())
        owner = self.service.site_name(self._site())
        if allocate:
            return self.service.new_tag_labels(self.count_spin.value(), owner=owner)
        prefix = self.ctx.config.tag_prefix
        sample = make_tag(prefix, 0)
        return [LabelContent(sample, sample, owner)] * min(self.count_spin.value(), 200)

    def plan(self, contents: list[LabelContent]) -> SheetPlan:
        template = TEMPLATES_BY_NAME[self.template_combo.currentData()]
        return plan_sheets(
            contents,
            template,
            dpi=self.dpi_spin.value(),
            start_position=self.start_spin.value(),
            offset_x_mm=self.offset_x.value(),
            offset_y_mm=self.offset_y.value(),
        )

    def refresh_preview(self) -> None:
        if not hasattr(self, "preview"):
            return
        try:
            plan = self.plan(self.contents(allocate=False))
        except InventoryError as exc:
            self._show_problem(str(exc))
            return
        image = render_page(plan, 0)
        pixmap = QPixmap.fromImage(image).scaledToWidth(PREVIEW_WIDTH, Qt.TransformationMode.SmoothTransformation)
        self.preview.setPixmap(pixmap)
        module = min(lbl.barcode.module_mm for lbl in plan.labels if lbl.barcode)
        self.message.setStyleSheet("")
        self.message.setText(
            self.tr(
                "{0} labels on {1} page(s); bars {2} mm per module at {3} dpi. Print at 100 % (actual size)."
            ).format(len(plan.labels), len(plan.pages), QLocale().toString(module, "f", 3), plan.dpi)
        )
        self.save_button.setEnabled(True)
        self.print_button.setEnabled(True)

    def _show_problem(self, text: str) -> None:
        self.preview.clear()
        self.message.setStyleSheet("color: #a40000;")
        self.message.setText(text)
        self.save_button.setEnabled(False)
        self.print_button.setEnabled(False)

    # -- output ---------------------------------------------------------------------------
    def _ask_save_pdf(self) -> None:
        path = self.files.save_file(
            self, self.tr("Save labels"), str(Path.home() / self.tr("labels.pdf")), self.tr("PDF files (*.pdf)")
        )
        if path:
            self.save_pdf(Path(path))

    def save_pdf(self, path: Path, *, calibration: bool = False) -> None:
        """Write the PDF off the UI thread; ``labels_saved`` says when it is there."""
        try:
            if calibration:
                template = TEMPLATES_BY_NAME[self.template_combo.currentData()]
                plan = calibration_plan(
                    template,
                    dpi=self.dpi_spin.value(),
                    offset_x_mm=self.offset_x.value(),
                    offset_y_mm=self.offset_y.value(),
                )
            else:
                # Check the layout with the preview's contents before reserving any new tag.
                self.plan(self.contents(allocate=False))
                plan = self.plan(self.contents(allocate=True))
        except InventoryError as exc:
            self._show_problem(str(exc))
            return
        self._start(len(plan.pages))
        self.runner.run(
            lambda progress: write_pdf(plan, path, progress),
            on_done=lambda _pages: self._finished(
                lambda: self.labels_saved.emit(str(path)), self.tr("Saved {0}.").format(str(path))
            ),
            on_error=self._failed,
            on_progress=self._progressed,
        )

    def _ask_print(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if self.printer_combo.currentData() not in (None, PDF_PRINTER):
            printer.setPrinterName(self.printer_combo.currentData())
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        try:
            self.plan(self.contents(allocate=False))
            plan = self.plan(self.contents(allocate=True))
        except InventoryError as exc:
            self._show_problem(str(exc))
            return
        printer.setResolution(plan.dpi)
        printer.setFullPage(True)
        self._start(len(plan.pages))
        count = len(plan.labels)
        self.runner.run(
            lambda progress: paint_plan(printer, plan, progress),
            on_done=lambda _pages: self._finished(
                lambda: self.labels_printed.emit(count),
                self.tr("%n label(s) sent to the printer.", "", count),
            ),
            on_error=self._failed,
            on_progress=self._progressed,
        )

    def _ask_calibration(self) -> None:
        path = self.files.save_file(
            self,
            self.tr("Save calibration page"),
            str(Path.home() / self.tr("calibration.pdf")),
            self.tr("PDF files (*.pdf)"),
        )
        if path:
            self.save_pdf(Path(path), calibration=True)

    def _start(self, pages: int) -> None:
        self.progress.setRange(0, max(1, pages))
        self.progress.setValue(0)
        self.progress.setVisible(True)
        for b in (self.save_button, self.print_button, self.calibration_button):
            b.setEnabled(False)

    def _progressed(self, done: int, total: int, _text: str) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)

    def _finished(self, announce: Any, done: str) -> None:
        self.progress.setVisible(False)
        for b in (self.save_button, self.print_button, self.calibration_button):
            b.setEnabled(True)
        self.refresh_preview()
        self.message.setText(done)  # which file, or how many labels: "Done." told neither (field trial)
        announce()

    def _failed(self, exc: BaseException) -> None:
        self.progress.setVisible(False)
        for b in (self.save_button, self.print_button, self.calibration_button):
            b.setEnabled(True)
        if isinstance(exc, InventoryError):
            self._show_problem(str(exc))
        else:
            QMessageBox.warning(self, self.tr("Labels"), self.tr("Printing failed: {0}").format(exc))


__all__ = ["LabelsDialog"]
