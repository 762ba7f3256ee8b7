"""Helpers for the sync tests: settable clocks, laptops, a fake keyring, a seeded site."""

from __future__ import annotations

from dataclasses import dataclass

from inventory_app.storage.schema import AreaRecord, RoomRecord, SiteRecord
from inventory_app.storage.store import Store
from inventory_app.sync.replica import ReplicaSync
from inventory_app.sync.service import SyncService


class Clock:
    """A settable wall clock (ms); stores read it through ``now_ms``."""

    def __init__(self, start_ms: int = 1_780_000_000_000) -> None:
        self.ms = start_ms

    def __call__(self) -> int:
        return self.ms

    def tick(self, ms: int = 1000) -> None:
        self.ms += ms


@dataclass
class Laptop:
    name: str
    store: Store
    clock: Clock

    @property
    def service(self) -> SyncService:
        return SyncService(self.store)

    @property
    def replica(self) -> ReplicaSync:
        return ReplicaSync(self.store)


class FakeKeyring:
    def __init__(self) -> None:
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.items.pop((service, username), None)


def seed_site(store: Store) -> tuple[str, str]:
    """An area, a site 'KOU01' and a room 'A101'; returns (site id, room id)."""
    with store.unit_of_work() as uow:
        area = AreaRecord(name="Pohjoinen")
        uow.session.add(area)
        uow.flush()
        site = SiteRecord(name="Koivukylän koulu", code="KOU01", area_id=area.id, kind="primary")
        uow.session.add(site)
        uow.flush()
        room = RoomRecord(site_id=site.id, code="A101", kind="classroom")
        uow.session.add(room)
        uow.flush()
        return site.id, room.id


def pg_dump_rows(url: str) -> dict[str, list[tuple]]:
    """Every row of every table of a PostgreSQL database, in a stable order (for 'unchanged' checks)."""
    import psycopg

    out: dict[str, list[tuple]] = {}
    with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://")) as conn:
        tables = [
            r[0] for r in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
        ]
        for t in tables:
            rows = conn.execute(f'SELECT * FROM "{t}"').fetchall()
            out[t] = sorted(tuple(str(v) for v in r) for r in rows)
    return out


def sqlite_dump(path) -> list[str]:  # type: ignore[no-untyped-def]
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def forge_zip(path, members: list[tuple[str, bytes]], *, symlink: str | None = None) -> None:  # type: ignore[no-untyped-def]
    """Write a zip with exactly these members (names as given, no checks)."""
    import zipfile

    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in members:
            info = zipfile.ZipInfo(name)
            info.compress_type = zipfile.ZIP_DEFLATED
            if name == symlink:
                info.external_attr = 0o120777 << 16
            zf.writestr(info, data)


def read_zip(path) -> dict[str, bytes]:  # type: ignore[no-untyped-def]
    import zipfile

    with zipfile.ZipFile(path) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def signed(manifest: dict, key: str) -> tuple[bytes, bytes]:  # type: ignore[type-arg]
    import json

    from inventory_app.sync import keys

    data = json.dumps(manifest, indent=1, sort_keys=True).encode()
    return data, keys.sign(key, data)


def reseal(manifest: dict, body: bytes, key: str) -> list[tuple[str, bytes]]:  # type: ignore[type-arg]
    """Members of a sync file whose manifest matches ``body`` and is signed with ``key``."""
    import hashlib

    manifest = dict(manifest)
    manifest["members"] = {
        "changes.ndjson": {"sha256": hashlib.sha256(body).hexdigest(), "size": len(body), "records": body.count(b"\n")}
    }
    manifest["counts"] = {**manifest["counts"], "changes": body.count(b"\n")}
    data, sig = signed(manifest, key)
    return [("manifest.json", data), ("manifest.sig", sig), ("changes.ndjson", body)]


def run_cli(*args: str, db: str | None = None):  # type: ignore[no-untyped-def]
    """Run a command in-process like the ``cli`` fixture (for fixtures wider than one test)."""
    import io
    from contextlib import redirect_stderr, redirect_stdout

    from inventory_app.app import main
    from tests.conftest import CliResult

    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            code = main([*(["--db", db] if db else []), *args])
        except SystemExit as exc:
            code = int(exc.code or 0)
    return CliResult(code, out.getvalue(), err.getvalue())
