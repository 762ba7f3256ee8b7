"""Helpers shared by the tests (one copy each): a full dump of a store, a throwaway PostgreSQL database,
the small hand-made school the audit and UI tests work in."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import uuid
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

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


def build_school(
    store: Any,
    *,
    area: str,
    other: tuple[str, str, str],
    devices: Sequence[tuple[str, int, str, str]],
    room_names: bool = False,
    models: dict[str, str] | None = None,
) -> tuple[str, str, dict[str, str], dict[str, str], dict[str, list[str]]]:
    """Koivukylä school KOI01 with rooms A101, A102 and VA1, and another site ``other`` (code, name, kind)
    with room B1, in ``area``; ``devices`` are (room, count, category, site code) with HKI tags 1, 2, ...

    Returns the site's id, the other site's id, room ids and room labels by code, and tags by room.
    """
    from inventory_app.core.identifiers import make_tag, room_label_code
    from inventory_app.inventory.service import InventoryService
    from inventory_app.storage.schema import AreaRecord, RoomRecord, SiteRecord

    other_code, other_name, other_kind = other
    rooms: dict[str, str] = {}
    labels: dict[str, str] = {}
    with store.unit_of_work() as uow:
        area_row = AreaRecord(name=area)
        uow.session.add(area_row)
        uow.flush()
        site = SiteRecord(name="Koivukylän koulu", code="KOI01", area_id=area_row.id, kind="primary")
        other_site = SiteRecord(name=other_name, code=other_code, area_id=area_row.id, kind=other_kind)
        uow.session.add_all([site, other_site])
        uow.flush()
        for code in ("A101", "A102", "VA1"):
            room = RoomRecord(
                site_id=site.id,
                code=code,
                name=f"Luokka {code}" if room_names else None,
                kind="classroom",
                label_code=room_label_code("KOI01", code),
            )
            uow.session.add(room)
            uow.flush()
            rooms[code], labels[code] = room.id, room.label_code
        uow.session.add(
            RoomRecord(site_id=other_site.id, code="B1", kind="classroom", label_code=room_label_code(other_code, "B1"))
        )
    service = InventoryService(store)
    tags: dict[str, list[str]] = {room: [] for room, _count, _category, _site in devices}
    n = 0
    for room_code, count, category, site_code in devices:
        for _ in range(count):
            n += 1
            tag = make_tag("HKI", n)
            fields = {"serial": f"SN{n:04d}"}
            if models and category in models:
                fields["model"] = models[category]
            service.add(tag=tag, category=category, site=site_code, room=room_code, fields=fields)
            tags[room_code].append(tag)
    return site.id, other_site.id, rooms, labels, tags
