"""One form for every part of the city's structure (area, site, room, contract, model).

The City page gives it the fields to show and a ``submit(values, dry_run)`` function that calls the
structure service. While the person types, the form asks the service with ``dry_run=True`` (every rule
checked, nothing written), marks the refused field and says why in Finnish; Save stays off until the
form is acceptable. Retiring is a button of its own (nothing is ever deleted from here).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inventory_app.core.errors import InventoryError
from inventory_app.inventory.structure_rules import StructureRejected

Submit = Callable[[dict[str, str], bool], Any]
ERROR_STYLE = "border: 2px solid #b71c1c;"


@dataclass(slots=True)
class FieldSpec:
    key: str
    label: str
    kind: str = "text"  # text | combo | notes
    placeholder: str = ""
    choices: list[tuple[str, str]] = field(default_factory=list)


class StructureForm(QWidget):
    """``saved(result)`` after a save; ``retire_toggled(retired)`` when the retire button is used."""

    saved = Signal(object)
    retire_toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.heading.setWordWrap(True)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555555;")
        self.form = QFormLayout()
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b71c1c; font-weight: bold;")
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.retire_button = QPushButton()
        self.retire_button.clicked.connect(self._toggle_retired)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.retire_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.hint)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.widgets: dict[str, QWidget] = {}
        self.labels: dict[str, str] = {}
        self._initial: dict[str, str] = {}
        self._submit: Submit | None = None
        self._retired: bool | None = None
        self._touched = False

    # -- building ---------------------------------------------------------------------------------
    def show_form(
        self,
        heading: str,
        specs: list[FieldSpec],
        values: dict[str, str],
        submit: Submit,
        *,
        hint: str = "",
        retired: bool | None = None,
    ) -> None:
        """Show ``specs`` filled with ``values``; ``retired`` None hides the retire button (a new row)."""
        while self.form.rowCount():
            self.form.removeRow(0)
        self.widgets.clear()
        self.labels = {spec.key: spec.label.replace("&", "") for spec in specs}
        for spec in specs:
            widget = self._widget(spec, values.get(spec.key, ""))
            self.widgets[spec.key] = widget
            self.form.addRow(spec.label, widget)
        self.heading.setText(heading)
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))
        self._submit = submit
        self._retired = retired
        self.retire_button.setVisible(retired is not None)
        self.retire_button.setText(self.tr("&Bring back into use") if retired else self.tr("Re&tire"))
        self.retire_button.setToolTip(
            self.tr("Retired items are kept for history and hidden from pickers; nothing is deleted.")
        )
        self._initial = self.values()
        self._touched = False
        self.error.clear()
        self.check()
        if specs:
            first = self.widgets[specs[0].key]
            first.show()  # else shown (and focusable) only after keys typed at once were dropped
            first.setFocus()

    def _widget(self, spec: FieldSpec, value: str) -> QWidget:
        if spec.kind == "combo":
            combo = QComboBox()
            for data, text in spec.choices:
                combo.addItem(text, data)
            index = combo.findData(value)
            combo.setCurrentIndex(index if index >= 0 else 0)
            combo.currentIndexChanged.connect(self._edited)
            return combo
        if spec.kind == "notes":
            notes = QPlainTextEdit(value)
            notes.setTabChangesFocus(True)
            notes.setFixedHeight(70)
            notes.textChanged.connect(self._edited)
            return notes
        edit = QLineEdit(value)
        edit.setPlaceholderText(spec.placeholder)
        edit.textChanged.connect(self._edited)
        edit.returnPressed.connect(self.save)  # Enter saves, as in a dialog
        return edit

    # -- values and checking ------------------------------------------------------------------------
    def values(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for key, widget in self.widgets.items():
            if isinstance(widget, QComboBox):
                out[key] = str(widget.currentData() or "")
            elif isinstance(widget, QPlainTextEdit):
                out[key] = widget.toPlainText().strip()
            elif isinstance(widget, QLineEdit):
                out[key] = widget.text().strip()
        return out

    def changed(self) -> dict[str, str]:
        return {k: v for k, v in self.values().items() if v != self._initial.get(k)}

    def _edited(self) -> None:
        self._touched = True
        self.check()

    def check(self) -> str | None:
        """Ask the service (dry run) whether the form would be accepted; show the first problem."""
        for widget in self.widgets.values():
            widget.setStyleSheet("")
            widget.setToolTip("")
        problem: str | None = None
        if self._submit is not None:
            try:
                self._submit(self.values(), True)
            except StructureRejected as exc:
                problem = self.message(exc)
                marked = self.widgets.get(exc.field or "")
                if marked is not None and self._touched:
                    marked.setStyleSheet(ERROR_STYLE)
                    marked.setToolTip(problem)
            except InventoryError as exc:
                problem = str(exc)
        unchanged = self._retired is not None and not self.changed()
        self.save_button.setEnabled(problem is None and not unchanged)
        self.error.setText(problem if problem and self._touched else "")
        return problem

    def message(self, exc: StructureRejected) -> str:
        """The refusal in the user's language; the service's own words when no translation fits."""
        name = self.labels.get(exc.field or "", exc.field or "")
        texts = {
            "empty": self.tr("%1: fill this in."),
            "duplicate": self.tr("%1: this is already in use."),
            "choice": self.tr("%1: choose one from the list."),
            "code": self.tr("%1: use letters A-Z, digits, '-' or '_' (the code is printed in barcodes)."),
            "date": self.tr("%1: write a date as d.m.yyyy, for example 1.8.2026."),
            "money": self.tr("%1: write an amount in euros, for example 12,50."),
            "negative": self.tr("%1 cannot be negative."),
            "number": self.tr("%1: write a whole number."),
            "range": self.tr("%1 is out of range."),
            "end_before_start": self.tr("The end date is before the start date."),
            "in_use": self.tr("Cannot retire: %n device(s) are still recorded here; move them first.", "", exc.count),
            "retired_parent": self.tr("%1: the one chosen is retired."),
            "not_found": self.tr("%1: not found."),
            "too_long": self.tr("%1 is too long."),
        }
        template = texts.get(exc.reason)
        if template is None:
            return str(exc)
        return template.replace("%1", name)

    # -- saving and retiring ---------------------------------------------------------------------------
    def save(self) -> None:
        self._touched = True
        if self.check() is not None or self._submit is None:
            return
        try:
            result = self._submit(self.values(), False)
        except StructureRejected as exc:
            self.error.setText(self.message(exc))
            return
        except InventoryError as exc:
            self.error.setText(str(exc))
            return
        self._initial = self.values()
        self.save_button.setEnabled(False)
        self.saved.emit(result)

    def _toggle_retired(self) -> None:
        if self._retired is not None:
            self.retire_toggled.emit(not self._retired)
