"""Errors that carry a message a person can act on.

The message is the command line's English sentence. A refusal the window shows may also carry a
``code`` and its ``params`` (plain values): the window words the code in the user's language
(ui/error_texts.py) and falls back to the message for codes it does not know.
"""

from __future__ import annotations


class InventoryError(Exception):
    """Base class: the message is shown to the user as it is (``code``/``params`` for translations)."""

    code: str | None = None

    def __init__(self, message: str = "", *args: object, code: str | None = None, **params: object) -> None:
        super().__init__(message, *args)
        if code is not None:
            self.code = code
        self.params: dict[str, object] = params


class RejectedInput(InventoryError):
    """Input was refused; nothing was changed (CLI exit code 3)."""


class NotFound(RejectedInput):
    """Something named by the user does not exist."""


class Ambiguous(RejectedInput):
    """An identifier matches more than one thing."""


class InvalidTag(RejectedInput):
    """An asset tag is malformed or its check character is wrong."""


class StoreError(InventoryError):
    """The store cannot be opened or used (corrupt, unwritable, newer schema)."""
