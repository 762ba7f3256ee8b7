"""The large result card of audit mode: what the last scan did, readable from a step away."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

# Background, text colour per look; found/moved/unknown also differ by their title word and sound.
LOOKS: dict[str, tuple[str, str]] = {
    "found": ("#2e7d32", "#ffffff"),
    "moved": ("#f9a825", "#1a1a1a"),
    "other_site": ("#ad1457", "#ffffff"),
    "retired": ("#4e342e", "#ffffff"),  # found, but marked retired or recycled
    "placeholder": ("#00838f", "#ffffff"),
    "unknown": ("#c62828", "#ffffff"),
    "repeat": ("#9e9e9e", "#ffffff"),
    "invalid": ("#6a1b9a", "#ffffff"),
    "ambiguous": ("#e65100", "#ffffff"),
    "room": ("#1565c0", "#ffffff"),
    "undo": ("#546e7a", "#ffffff"),
    "idle": ("#eceff1", "#263238"),
    "summary": ("#37474f", "#ffffff"),
}
# (largest, smallest) point size of each line: a long text gets a smaller font, never a third line
# drawn over the next one.
SIZES = {"title": (30, 16), "main": (17, 10), "detail": (12, 8)}
FLAGS = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)


class ResultCard(QFrame):
    """Title, main line and detail, with the actions that fit the outcome.

    Emits ``undo_requested``, ``quick_add_requested``, ``keep_placeholder_requested`` and
    ``move_here_requested``, ``back_in_use_requested``. The card's width never depends on its texts (the window's splitter keeps
    the width the user gave it), and each text is fitted into its own box.
    """

    undo_requested = Signal()
    quick_add_requested = Signal()
    keep_placeholder_requested = Signal()
    move_here_requested = Signal()
    back_in_use_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resultCard")
        # Fixed sizes everywhere: a new text then repaints the card alone instead of relaying out
        # (and repainting) the whole window on every scan.
        self.setFixedHeight(226)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(200)
        self.look = ""
        self.title, self.main, self.detail = QLabel(), QLabel(), QLabel()
        self._texts = {"title": "", "main": "", "detail": ""}
        for name, widget, height in (("title", self.title, 54), ("main", self.main, 64), ("detail", self.detail, 42)):
            widget.setObjectName(f"card{name.capitalize()}")
            widget.setWordWrap(name != "title")
            widget.setTextFormat(Qt.TextFormat.PlainText)
            widget.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            widget.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            widget.setFixedHeight(height)
            widget.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            widget.setMinimumWidth(1)
        self.undo_button = QPushButton(self.tr("Undo this scan"))
        self.undo_button.setToolTip(self.tr("Put the device back where it was recorded (Ctrl+Z)"))
        self.add_button = QPushButton(self.tr("Add device…"))
        self.add_button.setToolTip(self.tr("Register this code as a device in the current room (Alt+A)"))
        self.keep_button = QPushButton(self.tr("Keep as placeholder"))
        self.keep_button.setToolTip(self.tr("Record the code now and sort it out later (Alt+K)"))
        self.move_button = QPushButton(self.tr("Move to this school"))
        self.move_button.setToolTip(self.tr("Record the device in this school and room from now on (Alt+M)"))
        self.back_button = QPushButton(self.tr("Back in use"))
        self.back_button.setToolTip(self.tr("The device is in use: record it as in use again (Alt+B)"))
        self.buttons = (self.undo_button, self.add_button, self.keep_button, self.move_button, self.back_button)
        for button in self.buttons:
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scan field keeps the focus
            button.setMinimumHeight(34)
            button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.undo_button.clicked.connect(self.undo_requested)
        self.add_button.clicked.connect(self.quick_add_requested)
        self.keep_button.clicked.connect(self.keep_placeholder_requested)
        self.move_button.clicked.connect(self.move_here_requested)
        self.back_button.clicked.connect(self.back_in_use_requested)
        actions = QHBoxLayout()
        for button in self.buttons:
            actions.addWidget(button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setSpacing(2)
        layout.setContentsMargins(18, 8, 18, 8)
        layout.addWidget(self.title)
        layout.addWidget(self.main)
        layout.addWidget(self.detail)
        layout.addStretch(1)
        layout.addLayout(actions)
        self.show_result("idle", self.tr("Ready"), self.tr("Scan a room label or pick a room, then scan devices."))

    def show_result(
        self,
        look: str,
        title: str,
        main: str,
        detail: str = "",
        *,
        undo: bool = False,
        unknown_actions: bool = False,
        move_here: bool = False,
        back_in_use: bool = False,
    ) -> None:
        if look != self.look or not self.styleSheet():
            # Re-styling costs a relayout and a full repaint: only when the colour really changes.
            self.look = look
            self.setStyleSheet(_style(look))
        self._texts = {"title": title, "main": main, "detail": detail}
        self._fit_all()
        self.undo_button.setVisible(undo)
        self.add_button.setVisible(unknown_actions)
        self.keep_button.setVisible(unknown_actions)
        self.move_button.setVisible(move_here)
        self.back_button.setVisible(back_in_use)

    def label_of(self, name: str) -> QLabel:
        return {"title": self.title, "main": self.main, "detail": self.detail}[name]

    def text_fits(self, name: str) -> bool:
        """Whether the label's whole text, in its current font, fits inside the label (tests ask)."""
        widget = self.label_of(name)
        return _needed(widget.font(), widget, self._texts[name]).height() <= widget.contentsRect().height()

    def _fit_all(self) -> None:
        for name, (largest, smallest) in SIZES.items():
            widget, text = self.label_of(name), self._texts[name]
            font = QFont(widget.font())
            font.setBold(name != "detail")
            size = largest
            font.setPointSize(size)
            while size > smallest and _needed(font, widget, text).height() > widget.contentsRect().height():
                size -= 1
                font.setPointSize(size)
            widget.setFont(font)
            widget.setText(text)
            widget.setToolTip(text if size < largest else "")

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        self._fit_all()


def _needed(font: QFont, widget: QLabel, text: str) -> QRect:
    width = max(1, widget.contentsRect().width())
    return QFontMetrics(font).boundingRect(QRect(0, 0, width, 10_000), FLAGS, text)


def _style(look: str) -> str:
    # Colours only: the fonts are set on the labels themselves, so the size measured is the size drawn.
    background, foreground = LOOKS.get(look, LOOKS["idle"])
    return (
        f"#resultCard {{ background: {background}; border-radius: 10px; }}"
        f"#resultCard QLabel {{ color: {foreground}; background: transparent; }}"
        "#resultCard QPushButton { font-size: 11pt; padding: 4px 14px; }"
    )
