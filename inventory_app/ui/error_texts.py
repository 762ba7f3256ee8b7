"""Refusals in the user's language: the domain raises errors with a code and plain parameters; only
this module turns them into sentences (``details(exc)`` keeps the English, technical text for the log). An error without a code (or with one not listed here) shows
its English message, as the command line does."""

from __future__ import annotations

from PySide6.QtCore import QObject

from inventory_app.core.errors import InventoryError
from inventory_app.maintenance.log_privacy import mask


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
            # Syncing with central: what is wrong and what to do (the English detail goes to the log).
            "central_unreachable": self.tr(
                "The central database does not answer. Check the network connection and the address, or "
                "ask central IT whether the server is running. Your changes are kept on this laptop."
            ),
            "central_database_missing": self.tr(
                "The central server answers, but the database named in the address does not exist. Check "
                "the database name at the end of the address with central IT. Nothing was changed."
            ),
            "central_login_failed": self.tr(
                "The central server did not accept the user name or password. Check them with central IT. "
                "Nothing was changed."
            ),
            "central_url_invalid": self.tr(
                "The address of the central database is not valid. It looks like "
                "postgresql://user@server/database; ask central IT for it. Nothing was changed."
            ),
            "central_no_schema": self.tr(
                "The central database has not been set up for the inventory yet. Ask central IT to set it "
                "up. Nothing was changed."
            ),
            "central_newer_schema": self.tr(
                "The central database is from a newer version of this app. Install the version central IT "
                "uses, then sync again. Nothing was changed."
            ),
            "central_older_schema": self.tr(
                "The central database is from an older version of this app. Ask central IT to update it, "
                "then sync again. Nothing was changed."
            ),
            "connection_lost": self.tr(
                "The connection to the central database broke during the sync. Nothing was lost: "
                "sync again when the connection works."
            ),
            # Sync files refused: nothing was imported.
            "sync_file_not_zip": self.tr(
                "The file is not a complete sync file: it is damaged or was cut short when copied. "
                "Copy it again from its sender. Nothing was imported."
            ),
            "sync_file_damaged": self.tr(
                "The sync file is damaged. Ask its sender for a new file. Nothing was imported."
            ),
            "sync_file_unsafe": self.tr(
                "The file is not a safe sync file and may have been tampered with. Do not use it; ask its "
                "sender for a new one. Nothing was imported."
            ),
            "sync_file_unreadable": self.tr(
                "The sync file cannot be read. Check that it is still there and copy it again. Nothing was imported."
            ),
            "sync_file_foreign": self.tr(
                'This is not a sync file of this app. Choose a file made with "Export to file". Nothing was imported.'
            ),
            "sync_file_newer": self.tr(
                "The sync file was made by a newer version of this app. Update this app, then import the "
                "file again. Nothing was imported."
            ),
            "sync_file_other_deployment": self.tr(
                "This sync file belongs to another inventory installation. Check that it was sent to the "
                "right place. Nothing was imported."
            ),
            "sync_file_from_laptop": self.tr(
                "This sync file was made by a laptop: import it at central. Nothing was imported."
            ),
            "sync_file_for_laptop": self.tr(
                "This sync file was made by central for a laptop: import it on that laptop. Nothing was imported."
            ),
            "sync_file_unknown_signer": self.tr(
                "This sync file was not made by this laptop's central. Ask central IT for a file made for "
                "this laptop. Nothing was imported."
            ),
            "not_retired": self.tr("No device marked retired is waiting here to be brought back into use."),
            "enrolment_not_a_file": self.tr(
                "This is not an enrolment file. Ask central IT for the file made for this laptop with "
                "“central enrol”. Nothing was changed."
            ),
            "enrolment_newer": self.tr(
                "The enrolment file was made by a newer version of the app. Update this app, then try again. "
                "Nothing was changed."
            ),
            "enrolment_damaged": self.tr(
                "The enrolment file is damaged. Ask central IT for a new one. Nothing was changed."
            ),
            "sync_file_other_laptop": self.tr(
                "This sync file was made for another laptop. Ask central IT for a file for this laptop. "
                "Nothing was imported."
            ),
        }

    def text(self, exc: BaseException) -> str:
        if isinstance(exc, InventoryError) and exc.code:
            template = self._templates().get(exc.code)
            if template is not None:
                return _fill(template, exc.params)
        if isinstance(exc, OSError) and not isinstance(exc, InventoryError):
            return self.tr("The file cannot be read: {0}").replace("{0}", str(exc.filename or exc))
        if _central_connection_error(exc):  # central went away in the middle of a sync
            return self._templates()["connection_lost"]
        return str(exc)

    def details(self, exc: BaseException) -> str:
        """The technical text behind ``text(exc)``, for the log and a details line (passwords masked)."""
        return mask(str(exc))


def _central_connection_error(exc: BaseException) -> bool:
    """A database error from central: the driver's error (SQLAlchemy keeps it as ``orig``) is psycopg's.
    Only central is PostgreSQL; the laptop's own store (SQLite) keeps its own message. (The UI does not
    import SQLAlchemy or psycopg, so this looks at the module names.)"""
    orig = getattr(exc, "orig", None)
    return orig is not None and type(orig).__module__.split(".")[0] == "psycopg"
