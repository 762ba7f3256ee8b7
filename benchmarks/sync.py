"""Sync benchmark along the paths users take, on a throwaway PostgreSQL database.

Run:  .venv/bin/python benchmarks/sync.py [--devices 100000] [--pg postgresql://postgres@127.0.0.1:5432/test]
          [--profile DIR]   (a cProfile file per measured step, for `python -m pstats`)
          [--roles]         (central set up with `central roles`; the file imported by a central IT login,
                             which the server must let in without a password, as the test server does)

Central is filled the way a city fills it (`central init`, then `demo --devices N` on central's URL, which
publishes central's own edits into its change log as it finishes, as every command at central does). Then,
each through the same
SyncService calls the command line and the window make:
  * a fresh laptop's first `sync --central URL` (bootstrap)   aim <= 10x executemany of the same rows into SQLite
  * the same laptop syncing again with nothing to do           aim <= 0.3 s
  * another laptop's `export-sync` of its N-device city         aim <= 8x the SQLite baseline
  * that file's `import-sync` at central                        aim <= 10x COPY of the same rows into PostgreSQL
  * central's `export-sync --for` a laptop enrolled by file    aim <= 8x the SQLite baseline of its rows
  * and that laptop's `import-sync`                             aim <= 10x the SQLite baseline of its rows
  * an incremental round trip of 100 changes                    aim <= 1 s
The baselines are measured in the same run (the machine is noisy): a bare executemany of the same
device rows into a table without indexes in SQLite, and a bare COPY of them into PostgreSQL. For
central's import a reference is printed too (not an aim): the same COPY into a table with devices'
own indexes and foreign keys, the floor any import that keeps them pays.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import shutil
import sqlite3
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import psycopg  # noqa: E402
from sqlalchemy import select  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from inventory_app.demo.city import DemoCity  # noqa: E402
from inventory_app.storage.schema import DeviceRecord  # noqa: E402
from inventory_app.storage.store import Store  # noqa: E402
from inventory_app.sync.central import CentralHub  # noqa: E402
from inventory_app.sync.roles import create_login, setup_roles  # noqa: E402
from inventory_app.sync.service import SyncService  # noqa: E402


class Steps:
    def __init__(self, profile_dir: Path | None) -> None:
        self.profile_dir = profile_dir
        self.figures: dict[str, float] = {}

    def run(self, key: str, label: str, fn: Callable[[], Any]) -> Any:
        profiler = cProfile.Profile() if self.profile_dir else None
        start = time.perf_counter()
        if profiler:
            profiler.enable()
        result = fn()
        if profiler:
            profiler.disable()
        seconds = time.perf_counter() - start
        if profiler and self.profile_dir:
            profiler.dump_stats(self.profile_dir / f"{key}.prof")
        self.figures[key] = seconds
        print(f"  {label:<58} {seconds:8.2f} s", flush=True)
        return result


def device_rows(store: Store, prefix: str | None = None) -> tuple[list[str], list[tuple[Any, ...]]]:
    table = DeviceRecord.__table__
    stmt = select(*table.columns)
    if prefix:
        stmt = stmt.where(DeviceRecord.asset_tag.like(f"{prefix}%"))
    with store.read() as s:
        return [c.name for c in table.columns], [tuple(r) for r in s.execute(stmt).all()]


def baseline_sqlite(rows: list[tuple[Any, ...]], columns: list[str], folder: Path) -> float:
    path = folder / f"baseline-{uuid.uuid4().hex[:6]}.sqlite"
    conn = sqlite3.connect(path)
    conn.execute(f"CREATE TABLE d ({', '.join(columns)})")
    start = time.perf_counter()
    with conn:
        conn.executemany(f"INSERT INTO d VALUES ({', '.join('?' * len(columns))})", rows)
    seconds = time.perf_counter() - start
    conn.close()
    path.unlink()
    return seconds


def baseline_copy(url: str, rows: list[tuple[Any, ...]], columns: list[str]) -> float:
    with psycopg.connect(url) as conn:
        conn.execute("CREATE TABLE devices_copy (LIKE devices INCLUDING DEFAULTS)")
        start = time.perf_counter()
        with conn.cursor() as cur, cur.copy(f"COPY devices_copy ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        conn.commit()
        seconds = time.perf_counter() - start
        conn.execute("DROP TABLE devices_copy")
        conn.commit()
    return seconds


def reference_copy_indexed(url: str, rows: list[tuple[Any, ...]], columns: list[str]) -> float:
    """Not a baseline, a reference: COPY of the same rows into a table with devices' own indexes and
    foreign keys (what any import at central pays before it does any work of its own)."""
    with psycopg.connect(url) as conn:
        conn.execute("CREATE TABLE devices_copy (LIKE devices INCLUDING ALL)")
        for (definition,) in conn.execute(
            "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'devices'::regclass AND contype = 'f'"
        ).fetchall():
            conn.execute(f"ALTER TABLE devices_copy ADD {definition}")
        conn.commit()
        start = time.perf_counter()
        with conn.cursor() as cur, cur.copy(f"COPY devices_copy ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        conn.commit()
        seconds = time.perf_counter() - start
        conn.execute("DROP TABLE devices_copy")
        conn.commit()
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--devices", type=int, default=100_000)
    parser.add_argument(
        "--pg", default=os.environ.get("INVENTORY_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/test")
    )
    parser.add_argument("--profile", type=Path, help="write a cProfile file per step into this folder")
    parser.add_argument(
        "--roles", action="store_true", help="central roles set up; import-sync at central by a central IT login"
    )
    args = parser.parse_args()
    n = args.devices
    name = f"inv_bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(args.pg, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = f"{args.pg.rsplit('/', 1)[0]}/{name}"
    tmp = Path(tempfile.mkdtemp(prefix="sync-bench-"))
    if args.profile:
        args.profile.mkdir(parents=True, exist_ok=True)
    steps = Steps(args.profile)
    f = steps.figures
    stores: list[Store] = []
    logins: list[str] = []

    def open_store(target: str | Path) -> Store:
        store = Store.open(target)
        stores.append(store)
        return store

    try:
        print(f"Central with {n:,} devices on {url}")
        central = open_store(url)
        at_central = SyncService(central)
        steps.run("setup_init", "set-up: central init", at_central.central_init)
        steps.run(
            "setup_demo",
            "set-up: demo --devices N on central's URL",
            lambda: DemoCity(central, devices=n, seed=1, tag_prefix="HKI").generate(),
        )
        # What `demo` on central's URL does as it finishes (app.main): central's own edits enter its log.
        steps.run("setup_publish", "set-up: demo publishes central's own edits", at_central.publish_central_edits)

        print("A fresh laptop's first online sync:")
        laptop = open_store(tmp / "laptop.sqlite")
        # Not an aim, a split: whatever of central's own edits is still unpublished, the first sync publishes.
        publish = CentralHub.publish_local
        published: list[float] = []

        def timed_publish(hub: CentralHub) -> int:
            start = time.perf_counter()
            try:
                return publish(hub)
            finally:
                published.append(time.perf_counter() - start)

        CentralHub.publish_local = timed_publish  # type: ignore[method-assign, assignment]
        try:
            report = steps.run(
                "bootstrap",
                "sync --central URL (first sync: bootstrap)",
                lambda: SyncService(laptop).sync(url, name="bench-a"),
            )
        finally:
            CentralHub.publish_local = publish  # type: ignore[method-assign]
        f["bootstrap_publish"] = sum(published)
        print(f"  {'  of which central publishing its own edits':<58} {f['bootstrap_publish']:8.2f} s")
        cols, rows = device_rows(laptop)
        assert len(rows) >= n and report.snapshot_rows >= n, (len(rows), report.snapshot_rows)
        f["base_sqlite"] = baseline_sqlite(rows, cols, tmp)
        print(f"  {'baseline: executemany of the same devices into SQLite':<58} {f['base_sqlite']:8.2f} s")
        steps.run("noop", "sync --central URL again (nothing to do)", lambda: SyncService(laptop).sync(url))

        print(f"A laptop's {n:,}-device city by file:")
        other = open_store(tmp / "other.sqlite")
        at_central.make_enrolment("bench-b", tmp / "b.enrol")
        SyncService(other).enrol_from_file(tmp / "b.enrol")
        steps.run(
            "setup_other",
            "set-up: the laptop registers its own city",
            lambda: DemoCity(other, devices=n, seed=2, tag_prefix="BEN").generate(),
        )
        pending = other.pending_changes()
        export = steps.run(
            "export",
            f"export-sync on the laptop ({pending:,} changes)",
            lambda: SyncService(other).export(tmp / "other.zip"),
        )
        f["size_per_1000"] = export.size_bytes / max(export.changes, 1) * 1000
        importer = central
        if args.roles:  # as at a real central: the roles' triggers in place, central IT's own login imports
            setup_roles(central)
            it_login = f"bench_it_{uuid.uuid4().hex[:8]}"
            create_login(central, it_login, laptop=False, password=uuid.uuid4().hex)
            logins.append(it_login)
            importer = open_store(make_url(url).set(username=it_login, password=None).render_as_string(False))
        imported = steps.run(
            "import_central", "import-sync at central", lambda: SyncService(importer).import_file(tmp / "other.zip")
        )
        assert imported.applied == pending, (imported.applied, pending)
        cols2, rows2 = device_rows(central, "BEN")
        f["base_copy"] = baseline_copy(url, rows2, cols2)
        print(f"  {'baseline: COPY of the same devices into PostgreSQL':<58} {f['base_copy']:8.2f} s")
        f["ref_copy_indexed"] = reference_copy_indexed(url, rows2, cols2)
        print(f"  {'reference: the same COPY into devices indexes and keys':<58} {f['ref_copy_indexed']:8.2f} s")

        print("A laptop enrolled by file gets central's snapshot file:")
        third = open_store(tmp / "third.sqlite")
        at_central.make_enrolment("bench-c", tmp / "c.enrol")
        SyncService(third).enrol_from_file(tmp / "c.enrol")
        snap = steps.run(
            "export_central",
            "export-sync --for the laptop at central",
            lambda: SyncService(central).export(tmp / "central.zip", for_replica="bench-c"),
        )
        steps.run(
            "import_laptop",
            f"import-sync on the laptop ({snap.changes:,} rows)",
            lambda: SyncService(third).import_file(tmp / "central.zip"),
        )
        cols3, rows3 = device_rows(third)
        f["base_sqlite3"] = baseline_sqlite(rows3, cols3, tmp)
        print(f"  {'baseline: executemany of the same devices into SQLite':<58} {f['base_sqlite3']:8.2f} s")

        print("Incremental:")
        steps.run(
            "catch_up",
            "set-up: the first laptop catches up with the other's city",
            lambda: SyncService(laptop).sync(url),
        )
        with laptop.read() as s:
            ids = s.scalars(select(DeviceRecord.id).limit(100)).all()
        with laptop.unit_of_work() as uow:
            for d in uow.session.scalars(select(DeviceRecord).where(DeviceRecord.id.in_(ids))):
                d.notes = "checked in the benchmark"
        trip = steps.run("round_trip", "sync --central URL (push 100, pull)", lambda: SyncService(laptop).sync(url))
        assert trip.pushed == 100, trip.pushed
    finally:
        for store in stores:
            store.close()
        with psycopg.connect(args.pg, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            for login in logins:
                conn.execute(f"DROP ROLE IF EXISTS {login}")
        shutil.rmtree(tmp, ignore_errors=True)  # three laptop stores and the files: ~0.8 GB at 100,000 devices
    print()

    def line(label: str, key: str, base: str | None, aim: float, unit: str = "x") -> None:
        seconds = f[key]
        if base:
            ratio = seconds / f[base]
            verdict = "ok" if ratio <= aim else "MISSED"
            print(f"{label:<30} {seconds:7.2f} s  {ratio:5.1f}x baseline  (aim <= {aim:g}x)  {verdict}")
        else:
            verdict = "ok" if seconds <= aim else "MISSED"
            print(f"{label:<30} {seconds:7.2f} s                    (aim <= {aim:g} s)  {verdict}")

    line("bootstrap (first sync)", "bootstrap", "base_sqlite", 10)
    line("laptop import of central file", "import_laptop", "base_sqlite3", 10)
    line("laptop export-sync", "export", "base_sqlite", 8)
    line("central export-sync --for", "export_central", "base_sqlite3", 8)
    line("central import-sync", "import_central", "base_copy", 10)
    line("round trip of 100 changes", "round_trip", None, 1)
    line("sync with nothing to do", "noop", None, 0.3)
    copy = f["bootstrap"] - f["bootstrap_publish"]
    print(
        f"bootstrap without central publishing its demo edits: {copy:.2f} s = {copy / f['base_sqlite']:.1f}x "
        f"(publishing took {f['bootstrap_publish']:.2f} s)"
    )
    print(
        f"file size {f['size_per_1000'] / 1024:.1f} KiB per 1,000 changes; baselines: SQLite "
        f"{f['base_sqlite']:.2f} s, COPY {f['base_copy']:.2f} s"
    )
    print(
        f"reference: COPY into a table with devices' indexes and foreign keys took {f['ref_copy_indexed']:.2f} s "
        f"= {f['ref_copy_indexed'] / f['base_copy']:.1f}x the bare COPY; central import-sync is "
        f"{f['import_central'] / f['ref_copy_indexed']:.1f}x that"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
