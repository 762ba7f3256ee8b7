"""The large result card of audit mode: what the last scan did, readable from a step away."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

# Background, text colour per look; found/moved/unknown also differ by their title word and sound.
LOOKS: dict[str, tuple[str, str]] = {
    "found": ("#2e7d32", "#ffffff"),
    "moved": ("#f9a825", "#1a1a1a"),
    "unknown": ("#c62828", "#ffffff"),
    "repeat": ("#9e9e9e", "#ffffff"),
    "invalid": ("#6a1b9a", "#ffffff"),
    "ambiguous": ("#e65100", "#ffffff"),
    "room": ("#1565c0", "#ffffff"),
    "undo": ("#546e7a", "#ffffff"),
    "idle": ("#eceff1", "#263238"),
    "summary": ("#37474f", "#ffffff"),
}


class ResultCard(QFrame):
    """Title, main line and detail, with the actions that fit the outcome.

    Emits ``undo_requested``, ``quick_add_requested`` and ``keep_placeholder_requested``.
    """

    undo_requested = Signal()
    quick_add_requested = Signal()
    keep_placeholder_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resultCard")
        # Fixed sizes everywhere: a new text then repaints the card alone instead of relaying out
        # (and repainting) the whole window on every scan.
        self.setFixedHeight(226)
        self.look = ""
        self.title = QLabel()
        self.title.setObjectName("cardTitle")
        self.main = QLabel()
        self.main.setObjectName("cardMain")
        self.main.setWordWrap(True)
        self.detail = QLabel()
        self.detail.setObjectName("cardDetail")
        self.detail.setWordWrap(True)
        for widget in (self.title, self.main, self.detail):
            widget.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.undo_button = QPushButton(self.tr("&Undo this scan"))
        self.undo_button.setToolTip(self.tr("Put the device back where it was recorded (Ctrl+Z)"))
        self.add_button = QPushButton(self.tr("&Add device…"))
        self.add_button.setToolTip(self.tr("Register this code as a device in the current room (Alt+A)"))
        self.keep_button = QPushButton(self.tr("&Keep as placeholder"))
        self.keep_button.setToolTip(self.tr("Record the code now and sort it out later (Alt+K)"))
        for button in (self.undo_button, self.add_button, self.keep_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scan field keeps the focus
            button.setMinimumHeight(34)
        self.undo_button.clicked.connect(self.undo_requested)
        self.add_button.clicked.connect(self.quick_add_requested)
        self.keep_button.clicked.connect(self.keep_placeholder_requested)
        actions = QHBoxLayout()
        actions.addWidget(self.undo_button)
        actions.addWidget(self.add_button)
        actions.addWidget(self.keep_button)
        actions.addStretch(1)
        self.title.setFixedHeight(54)
        self.main.setFixedHeight(64)  # two lines of the device line
        self.detail.setFixedHeight(42)  # two lines of explanation
        self.main.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setSpacing(2)
        layout.setContentsMargins(18, 8, 18, 8)
        layout.addWidget(self.title)
        layout.addWidget(self.main)
        layout.addWidget(self.detail)
        layout.addStretch(1)
        layout.addLayout(actions)
        self.show_result("idle", self.tr("Ready"), self.tr("Scan a room label or pick a room, then scan devices."))

    def show_result(self, look: str, title: str, main: str, detail: str = "", *, undo: bool = False,
                    unknown_actions: bool = False) -> None:
        if look != self.look or not self.styleSheet():
            # Re-styling costs a relayout and a full repaint: only when the colour really changes.
            self.look = look
            self.setStyleSheet(_style(look))
        self.title.setText(title)
        self.main.setText(main)
        self.detail.setText(detail)
        self.undo_button.setVisible(undo)
        self.add_button.setVisible(unknown_actions)
        self.keep_button.setVisible(unknown_actions)


def _style(look: str) -> str:
    background, foreground = LOOKS.get(look, LOOKS["idle"])
    return (
        f"#resultCard {{ background: {background}; border-radius: 10px; }}"
        f"#resultCard QLabel {{ color: {foreground}; background: transparent; }}"
        "#cardTitle { font-size: 30pt; font-weight: bold; }"
        "#cardMain { font-size: 17pt; font-weight: bold; }"
        "#cardDetail { font-size: 12pt; }"
        "#resultCard QPushButton { font-size: 11pt; padding: 4px 14px; }"
    )
