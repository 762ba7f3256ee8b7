"""Helpers shared by the tests (one copy each): a full dump of a store, a throwaway PostgreSQL database."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest


def dump(path: str | Path) -> list[str]:
    """Every row of every table of a SQLite store: what "the store is unchanged" means."""
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def pg_admin_url() -> str:
    return os.environ.get("INVENTORY_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/test")


@contextlib.contextmanager
def throwaway_pg_database() -> Iterator[str]:
    """A new empty PostgreSQL database, dropped afterwards; skipped locally when no server answers,
    a failure in CI (CI=true), where the tests that need it must run."""
    psycopg = pytest.importorskip("psycopg")
    admin = pg_admin_url()
    try:
        conn = psycopg.connect(admin, autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as exc:
        if os.environ.get("CI") == "true":
            pytest.fail(f"PostgreSQL at {admin} is not reachable in CI: {exc}")
        pytest.skip(f"no PostgreSQL at {admin}: {exc}")
    name = f"inv_test_{uuid.uuid4().hex[:12]}"
    with conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{admin.rsplit('/', 1)[0]}/{name}"
    finally:
        with psycopg.connect(admin, autocommit=True) as conn2:
            conn2.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
