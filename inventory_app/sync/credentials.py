"""Central database passwords live in the OS keyring only: never in the config, a log or a sync file."""

from __future__ import annotations

import contextlib
from typing import Any, Protocol

from sqlalchemy.engine import make_url

from inventory_app.core.errors import RejectedInput
from inventory_app.storage.store import resolve_url
from inventory_app.storage.urls import public_url

SERVICE = "school-device-inventory/central"


class KeyringBackend(Protocol):
    def get_password(self, service: str, username: str) -> str | None: ...
    def set_password(self, service: str, username: str, password: str) -> None: ...
    def delete_password(self, service: str, username: str) -> None: ...


def account_for(url: str) -> str:
    """The keyring entry for a central: user@host:port/database (TLS options do not matter)."""
    u = make_url(resolve_url(url))
    return f"{u.username or ''}@{u.host or ''}:{u.port or 5432}/{u.database or ''}"


def strip_password(url: str) -> str:
    """The URL without its password (``user:PW@`` or ``?password=PW``), for the config file and messages."""
    return public_url(resolve_url(url))


class Credentials:
    """Keyring access; tests pass a fake backend, the app the real ``keyring`` module."""

    def __init__(self, backend: KeyringBackend | Any | None = None) -> None:
        if backend is None:
            import keyring

            backend = keyring
        self.backend = backend

    def get(self, url: str) -> str | None:
        try:
            return self.backend.get_password(SERVICE, account_for(url))
        except Exception:  # no usable keyring: libpq may still find PGPASSWORD or ~/.pgpass
            return None

    def save(self, url: str, password: str) -> None:
        try:
            self.backend.set_password(SERVICE, account_for(url), password)
        except Exception as exc:
            raise RejectedInput(
                f"cannot store the password in the system keyring ({type(exc).__name__}); "
                "set up a keyring, or use ~/.pgpass for this central"
            ) from None

    def forget(self, url: str) -> None:
        with contextlib.suppress(Exception):
            self.backend.delete_password(SERVICE, account_for(url))
