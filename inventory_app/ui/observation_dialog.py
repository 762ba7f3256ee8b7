"""An observation about the current room (network, printing, presentation tech, other).

Two clicks from the audit page: the kind's button opens this dialog with the kind chosen and
the note focused; Save records it. "Check connection" measures latency, loss and (where the OS
tells it) the Wi-Fi signal off the UI thread and records the figures with the observation.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from inventory_app.core.errors import InventoryError
from inventory_app.ui.labels import choices
from inventory_app.ui.tasks import TaskRunner

Save = Callable[[str, str, str, Any], Any]  # kind, severity, note, measurement -> observation id
Measure = Callable[[], Any]  # -> Measurement (runs on a worker thread)


class ObservationDialog(QDialog):
    """``observation_saved(id)``; ``measured(measurement)`` when a connection check finished."""

    observation_saved = Signal(str)
    measured = Signal(object)

    def __init__(
        self,
        room_code: str,
        save: Save,
        measure: Measure,
        runner: TaskRunner,
        kind: str = "network",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.save_fn = save
        self.measure_fn = measure
        self.runner = runner
        self.measurement: Any = None
        self.setWindowTitle(self.tr("Observation in %1").replace("%1", room_code or "–"))
        self.kinds = QButtonGroup(self)
        kind_row = QHBoxLayout()
        for number, (value, text) in enumerate(choices("observation"), start=1):
            button = QRadioButton(f"&{number} {text}")
            button.setProperty("kind", value)
            button.setChecked(value == kind)
            self.kinds.addButton(button)
            kind_row.addWidget(button)
        self.severity = QComboBox()
        for value, text in choices("severity"):
            self.severity.addItem(text, value)
        self.severity.setCurrentIndex(self.severity.findData("medium"))
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText(self.tr("What did you notice? For example: Wi-Fi drops at the back of the room."))
        self.note.setFixedHeight(70)
        self.check_button = QPushButton(self.tr("&Check connection"))
        self.check_button.setShortcut(QKeySequence("Alt+C"))
        self.check_button.setToolTip(self.tr("Measure latency and loss to the central server (Alt+C)"))
        self.check_button.clicked.connect(self.check_connection)
        self.figures = QLabel(self.tr("Not measured."))
        self.figures.setWordWrap(True)
        self.figures.setMinimumHeight(4 * self.figures.fontMetrics().lineSpacing() + 4)  # a long error too
        self.error = QLabel()
        self.error.setStyleSheet("color: #b71c1c; font-weight: bold;")
        form = QFormLayout()
        form.addRow(self.tr("Kind"), kind_row)
        form.addRow(self.tr("Se&verity"), self.severity)
        form.addRow(self.tr("&Note"), self.note)
        check_row = QHBoxLayout()
        check_row.addWidget(self.check_button)
        check_row.addStretch(1)
        form.addRow(self.tr("Connection"), check_row)
        # The check's message on its own full-width row under the button: however long it is, it never
        # lies over the note box (the dialog grows instead).
        form.addRow(self.figures)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.note.setFocus()

    def kind(self) -> str:
        checked = self.kinds.checkedButton()
        return str(checked.property("kind")) if checked else "other"

    def check_connection(self) -> None:
        self.check_button.setEnabled(False)
        self.figures.setText(self.tr("Measuring…"))
        self.runner.run(lambda _progress: self.measure_fn(), on_done=self._measured, on_error=self._measure_failed)

    def _measured(self, measurement: Any) -> None:
        self.measurement = measurement
        self.check_button.setEnabled(True)
        latency = (
            self.tr("no answer")
            if measurement.latency_ms is None
            else self.tr("%1 ms").replace("%1", f"{measurement.latency_ms:.0f}")
        )
        signal = (
            ""
            if measurement.wifi_signal_dbm is None
            else self.tr(", Wi-Fi signal %1 dBm").replace("%1", f"{measurement.wifi_signal_dbm:.0f}")
        )
        where = {
            "central": self.tr("the central server"),
            "setting": self.tr("the host set in Settings"),
            "default": self.tr("a public host; set your own in Settings"),
        }.get(measurement.source, "")
        measured = self.tr("Measured: TCP connections to %1").replace("%1", measurement.target)
        self.figures.setText(
            self.tr("Latency %1, packet loss %2%3")
            .replace("%1", latency)
            .replace("%2", f"{measurement.packet_loss_pct:.0f} %")
            .replace("%3", signal)
            + "\n"
            + measured
            + (f" ({where})" if where else "")
        )
        self.measured.emit(measurement)

    def _measure_failed(self, exc: BaseException) -> None:
        self.check_button.setEnabled(True)
        self.figures.setText(self.tr("Could not measure: %1").replace("%1", str(exc)))

    def save(self) -> None:
        try:
            observation_id = self.save_fn(
                self.kind(), self.severity.currentData(), self.note.toPlainText().strip(), self.measurement
            )
        except InventoryError as exc:
            self.error.setText(str(exc))
            return
        self.observation_saved.emit(str(observation_id))
        self.accept()
