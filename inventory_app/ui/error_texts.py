"""Refusals in the user's language: the domain raises errors with a code and plain parameters; only
this module turns them into sentences. An error without a code (or with one not listed here) shows
its English message, as the command line does."""

from __future__ import annotations

from PySide6.QtCore import QObject

from inventory_app.core.errors import InventoryError


def _fill(text: str, values: dict[str, object]) -> str:
    for key, value in values.items():
        text = text.replace("{" + key + "}", str(value))
    return text


class ErrorTexts(QObject):
    """``text(exc)``: what the window says for an error."""

    def _templates(self) -> dict[str, str]:
        return {
            "audit_finished": self.tr("This audit is already finished; start a new one to scan."),
            "no_move_waiting": self.tr("No device of another school is waiting to be moved here."),
            "device_gone": self.tr("{device} is no longer in the inventory."),
            "pick_room_first": self.tr("Pick a room first."),
            "empty_code": self.tr("The code is empty."),
            "code_on_device": self.tr("{code_text} is already on another device."),
            "not_missing": self.tr("A decision names a device that is not on the missing list."),
            "log_line_too_long": self.tr("Line {line} is {length} characters long; this is not a scan log."),
            "log_no_codes": self.tr("The file holds no codes."),
            "log_foreign_rooms": self.tr(
                "Room labels that are not rooms of this site: {lines}. Nothing was "
                "imported; fix or remove those lines, or add the rooms first."
            ),
            "wrong_check_character": self.tr(
                "Asset tag {tag} has a wrong check character (mistyped or misread?); "
                "check the label and enter it again."
            ),
            "not_enrolled": self.tr(
                "This laptop is not enrolled with a central server yet: enrol it with its "
                "enrolment file, or sync online once."
            ),
            "billing_file_needed": self.tr("The reconciliation needs the lessor's billing file."),
        }

    def text(self, exc: BaseException) -> str:
        if isinstance(exc, InventoryError) and exc.code:
            template = self._templates().get(exc.code)
            if template is not None:
                return _fill(template, exc.params)
        if isinstance(exc, OSError) and not isinstance(exc, InventoryError):
            return self.tr("The file cannot be read: {0}").replace("{0}", str(exc.filename or exc))
        return str(exc)
