"""The audit workspace's widgets: scan field, result card, progress, recent scans, the room's devices.

Only building and showing; what the widgets do is wired by the audit page.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QBrush, QColor, QFont, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from inventory_app.audit.engine import AuditSession
from inventory_app.audit.results import ScanReason, ScanResult
from inventory_app.core.enums import ScanOutcome
from inventory_app.inventory.browse import DeviceBrowser, DeviceFilter
from inventory_app.ui.audit_worker import AuditWorker
from inventory_app.ui.labels import choices, label
from inventory_app.ui.result_card import ResultCard
from inventory_app.ui.room_table_model import RoomDevicesTableModel
from inventory_app.ui.scan_texts import ScanTexts, fill

MAX_ROOM_ROWS = 2000  # a room table shows at most this many devices

HISTORY_COLOURS = {
    "found": "#1b5e20",
    "moved": "#8d6e00",
    "other_site": "#ad1457",
    "marked_retired": "#4e342e",
    "returned_to_use": "#1b5e20",
    "placeholder": "#00838f",
    "unknown": "#b71c1c",
    "invalid": "#6a1b9a",
    "ambiguous": "#e65100",
    "repeat": "#757575",
    "room": "#0d47a1",
    "undo": "#455a64",
}


class AuditWorkspace(QWidget):
    """The audit in progress, laid out for 1366x768: the card large, the room's devices beside it."""

    def __init__(self, texts: ScanTexts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.texts = texts
        self.site_label = QLabel()
        self.site_label.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.room_combo = QComboBox()
        self.room_combo.setMinimumWidth(200)
        self.room_combo.setToolTip(self.tr("Pick the room (Ctrl+R), or scan its label"))
        self.progress_label = QLabel()
        self.progress_label.setObjectName("progressLabel")
        self.progress_label.setStyleSheet("font-size: 12pt; font-weight: bold; color: #1b5e20;")
        self.progress_label.setFixedHeight(44)  # fixed: a new count repaints the label, not the window
        self.scan_field = QLineEdit()
        self.scan_field.setObjectName("scanField")
        self.scan_field.setPlaceholderText(self.tr("Scan a barcode, or type a code and press Enter"))
        self.scan_field.setAccessibleName(self.tr("Scan field"))
        font = QFont(self.scan_field.font())
        font.setPointSize(18)
        self.scan_field.setFont(font)
        self.scan_field.setMinimumHeight(46)
        self.scan_field.installEventFilter(self)
        self.card = ResultCard()
        self.counts_label = QLabel()
        self.counts_label.setStyleSheet("color: #37474f;")
        self.counts_label.setWordWrap(True)
        self.counts_label.setFixedHeight(36)
        # Texts never widen the page: the window's splitter keeps the width the user gave the tree.
        for widget in (self.counts_label, self.progress_label, self.site_label):
            widget.setMinimumWidth(1)
        # Two lines for the progress line in the narrow column beside the camera: never cut off.
        self.progress_label.setWordWrap(True)
        self.progress_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.history = QListWidget()
        self.history.setObjectName("scanHistory")
        self.history.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.history.setAccessibleName(self.tr("Recent scans"))

        self.room_model = RoomDevicesTableModel(self)
        self.room_table = QTableView()
        self.room_table.setModel(self.room_model)
        self.room_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scan field keeps the focus
        self.room_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.room_table.verticalHeader().setVisible(False)
        self.room_table.verticalHeader().setDefaultSectionSize(22)
        self.room_table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for column, width in enumerate((100, 105, 120, 120, 110)):
            self.room_table.setColumnWidth(column, width)

        # Where the scanning helper's camera panel goes (attach_code_source); hidden until then.
        self.code_source_area = QWidget()
        self.code_source_area.setObjectName("codeSourceArea")
        self.code_source_layout = QVBoxLayout(self.code_source_area)
        self.code_source_layout.setContentsMargins(0, 0, 0, 0)
        self.code_source_area.setVisible(False)

        self.observation_buttons: dict[str, QPushButton] = {}
        obs_row = QHBoxLayout()
        for value, text in choices("observation"):
            button = QPushButton(text)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setToolTip(self.tr("Record an observation about this room (Ctrl+O)"))
            self.observation_buttons[value] = button
            obs_row.addWidget(button)
        obs_row.addStretch(1)

        header = QHBoxLayout()
        header.addWidget(self.site_label)
        header.addStretch(1)
        header.addWidget(QLabel(self.tr("&Room:")))
        header.itemAt(header.count() - 1).widget().setBuddy(self.room_combo)  # type: ignore[union-attr]
        header.addWidget(self.room_combo)
        self.button_row = QGridLayout()
        body = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.card)
        left.addWidget(self.counts_label)
        history_title = QLabel(self.tr("Recent scans"))
        history_title.setStyleSheet("font-weight: bold;")
        left.addWidget(history_title)
        left.addWidget(self.history, 1)
        left.addWidget(QLabel(self.tr("Report a problem here:")))
        left.addLayout(obs_row)
        left.addLayout(self.button_row)
        right = QVBoxLayout()
        # The camera sits above the room's devices: a 768-pixel-high screen has no room below.
        right.addWidget(self.code_source_area)
        right.addWidget(self.progress_label)
        right.addWidget(self.room_table, 1)
        body.addLayout(left, 3)
        body.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addLayout(header)
        layout.addWidget(self.scan_field)
        layout.addLayout(body, 1)

    def open_room_picker(self) -> None:
        self.room_combo.setFocus()
        self.room_combo.showPopup()

    def show_counts(self, progress: Any, counts: dict[str, int]) -> str:
        """The progress line (this room) and the counts line (the audit); returns the progress text."""
        if progress is None:
            self.progress_label.setText(self.tr("No room yet — scan a room label"))
        else:
            self.progress_label.setText(
                self.texts.progress(
                    progress.found,
                    progress.expected,
                    progress.room_code,
                    progress.moved_in,
                    progress.retired_seen,
                    progress.moved_out,
                )
            )
        self.counts_label.setText(self.texts.counts(counts))
        return self.progress_label.text()

    def load_room(
        self,
        browser: DeviceBrowser,
        session: AuditSession | None,
        room_id: str | None,
        worker: AuditWorker | None,
        on_shown: Callable[[str], None],
    ) -> None:
        """Fill the room table. With ``worker`` (a room change while scanning) the rows are read on the
        audit worker, in line with the scans: scans queued before it are in its answer, later ones mark
        the new rows as they arrive; without, they are read at once."""
        self.room_combo.setCurrentIndex(max(0, self.room_combo.findData(room_id or "")))
        if session is None or room_id is None:
            self.room_model.load([], {})
            return

        def read() -> tuple[list[Any], dict[str, str]]:
            rows = browser.page(DeviceFilter(site_id=session.site_id, room_id=room_id), 0, MAX_ROOM_ROWS)
            states = {
                device_id: outcome
                for device_id, (event_room, outcome) in session.sightings().items()
                if event_room == room_id
            }
            return rows, states

        # Found and moved devices first would hide what is left to find: the tag order stays.
        def show(answer: tuple[list[Any], dict[str, str]]) -> None:
            self.room_model.load(*answer)
            on_shown(room_id)

        if worker is not None:
            worker.submit(read, on_done=show)
        else:
            show(read())

    def add_action_button(self, action: QAction) -> QPushButton:
        """A button for a page action, showing its shortcut; it never takes the scan field's focus."""
        native = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        push = QPushButton(f"{action.text().replace('&', '').rstrip('…')}  {native}")
        push.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        push.setToolTip(action.toolTip())
        push.clicked.connect(action.trigger)
        action.enabledChanged.connect(push.setEnabled)
        count = self.button_row.count()
        self.button_row.addWidget(push, count // 2, count % 2)
        return push

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        # The line edit would take Ctrl+Z for its own text undo; here Ctrl+Z means "undo last scan".
        if (
            watched is self.scan_field
            and event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Undo)
        ):
            event.ignore()
            return True
        return super().eventFilter(watched, event)

    def fill_history(self, events: list[Any]) -> None:
        """The recent scans list from stored scan events (oldest first), as after a resume."""
        self.history.clear()
        for event in events:
            self.remember(ScanResult(ScanOutcome(event.outcome), event.code), event.scanned_at)

    def remember(self, result: ScanResult, when: datetime | None = None) -> None:
        """Put a scan at the top of the recent scans list (newest first, the last 200)."""
        stamp = (when or datetime.now()).astimezone().strftime("%H:%M:%S")
        what = self.texts.device_line(result.device, result.code) if result.device else (result.code or "–")
        kind = {
            ScanReason.PLACEHOLDER_KEPT: "placeholder",
            ScanReason.MARKED_RETIRED: "marked_retired",
            ScanReason.RETURNED_TO_USE: "returned_to_use",
        }.get(result.reason, result.outcome.value)  # type: ignore[arg-type]
        item = QListWidgetItem(f"{stamp}   {label('outcome', kind)}   {what}")
        item.setForeground(QBrush(QColor(HISTORY_COLOURS.get(kind, "#263238"))))
        self.history.insertItem(0, item)
        while self.history.count() > 200:
            self.history.takeItem(self.history.count() - 1)

    def note_observation(self, kind: str, room: str | None) -> str:
        """An observation was saved: say so at the top of the recent scans; returns the text."""
        text = fill(self.tr("Observation saved: %1 in %2"), label("observation", kind), room or "–")
        stamp = datetime.now().astimezone().strftime("%H:%M:%S")
        item = QListWidgetItem(f"{stamp}   {text}")
        item.setForeground(QBrush(QColor("#0d47a1")))
        self.history.insertItem(0, item)
        return text

    def show_row(self, row: int) -> None:
        """Bring the scanned device's row into view: the auditor sees it turn green."""
        self.room_table.scrollTo(self.room_model.index(row, 0))
