"""An undoable bulk edit: remembers each device's earlier values and puts them back on undo."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from inventory_app.inventory.browse import DeviceBrowser, previous_values_groups
from inventory_app.inventory.service import InventoryService


class BulkEditCommand(QUndoCommand):
    """Push onto a QUndoStack: ``redo`` applies the edit (all or nothing), ``undo`` restores.

    A refused edit raises from ``redo`` on the first push; the caller shows the message and the
    stack stays unchanged (QUndoStack.push runs redo first, so the caller applies before pushing).
    """

    def __init__(
        self,
        service: InventoryService,
        browser: DeviceBrowser,
        device_ids: list[str],
        changes: dict[str, str],
        on_changed: Callable[[set[str]], None] | None = None,
        text: str = "",
    ) -> None:
        super().__init__()
        self.service = service
        self.device_ids = list(device_ids)
        self.changes = dict(changes)
        self.on_changed = on_changed
        self.previous = browser.editable_values(self.device_ids)
        self.setText(text)  # shown as the undo entry's name; translated by the caller
        self._applied = False

    def apply_first(self) -> None:
        """Apply once before pushing, so a refusal never reaches the undo stack."""
        self.service.set_many(self.device_ids, self.changes)
        self._applied = True
        self._notify()

    def redo(self) -> None:
        if self._applied:  # the push after apply_first(): already done
            self._applied = False
            return
        self.service.set_many(self.device_ids, self.changes)
        self._notify()

    def undo(self) -> None:
        for group, ids in previous_values_groups(self.previous, self.changes).items():
            values = {k: v for k, v in group if not (k == "category" and not v)}
            if values:
                self.service.set_many(ids, values)
        self._notify()

    def _notify(self) -> None:
        if self.on_changed:
            self.on_changed(set(self.device_ids))
