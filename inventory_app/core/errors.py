"""Errors that carry a message a person can act on."""

from __future__ import annotations


class InventoryError(Exception):
    """Base class: the message is shown to the user as it is."""


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
