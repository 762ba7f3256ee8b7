"""Sync benchmark: a central with N devices on a throwaway PostgreSQL database.

Run:  .venv/bin/python benchmarks/sync.py [--devices 100000] [--pg postgresql://postgres@127.0.0.1:5432/test]

Measures, beside raw-insert baselines of the same rows in the same run:
  * a fresh laptop's first sync (a bulk snapshot)          aim <= 15 s   (baseline: executemany into SQLite)
  * export-sync of N changes on a laptop                    aim <= 10 s
  * their import-sync at central                            aim <= 15 s   (baseline: psycopg COPY into PostgreSQL)
  * an incremental round trip of 100 changes                aim <= 1 s
  * the sync file's size per 1,000 changes
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import psycopg  # noqa: E402
from sqlalchemy import select  # noqa: E402

from inventory_app.demo.city import DemoCity  # noqa: E402
from inventory_app.storage.schema import DeviceRecord  # noqa: E402
from inventory_app.storage.store import Store  # noqa: E402
from inventory_app.sync.central import CentralHub  # noqa: E402
from inventory_app.sync.online import sync_online  # noqa: E402
from inventory_app.sync.replica import ReplicaSync  # noqa: E402
from inventory_app.sync.service import SyncService  # noqa: E402


def timed(label: str, fn):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = fn()
    seconds = time.perf_counter() - start
    print(f"  {label:<52} {seconds:8.2f} s", flush=True)
    return seconds, result


def baseline_sqlite(rows: list[tuple], columns: list[str], folder: Path) -> float:  # type: ignore[type-arg]
    conn = sqlite3.connect(folder / "baseline.sqlite")
    conn.execute(f"CREATE TABLE d ({', '.join(columns)})")
    start = time.perf_counter()
    with conn:
        conn.executemany(f"INSERT INTO d VALUES ({', '.join('?' * len(columns))})", rows)
    seconds = time.perf_counter() - start
    conn.close()
    return seconds


def baseline_copy(url: str, rows: list[tuple], columns: list[str]) -> float:  # type: ignore[type-arg]
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--devices", type=int, default=100_000)
    parser.add_argument("--pg", default=os.environ.get("INVENTORY_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/test"))
    args = parser.parse_args()
    n = args.devices
    name = f"inv_bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(args.pg, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = f"{args.pg.rsplit('/', 1)[0]}/{name}"
    tmp = Path(tempfile.mkdtemp(prefix="sync-bench-"))
    figures: dict[str, float] = {}
    try:
        print(f"Central with {n:,} devices on {url}")
        central = Store.open(url)
        hub = CentralHub(central)
        hub.initialise()
        timed("set-up: demo city at central", lambda: DemoCity(central, devices=n, seed=1).generate())
        timed("set-up: central publishes its own edits to the log", hub.publish_local)

        with central.read() as s:
            cols = [c.name for c in DeviceRecord.__table__.columns]
            raw_rows = [tuple(r) for r in s.execute(select(*DeviceRecord.__table__.columns)).all()]

        print("First sync of a fresh laptop (bulk snapshot):")
        laptop = Store.open(tmp / "laptop.sqlite")
        figures["first_sync"], _ = timed("sync --central (snapshot)", lambda: sync_online(ReplicaSync(laptop), hub))
        figures["baseline_sqlite"] = baseline_sqlite(raw_rows, cols, tmp)
        print(f"  {'baseline: executemany of the same devices into SQLite':<52} {figures['baseline_sqlite']:8.2f} s")

        print(f"Export of {n:,} changes by file:")
        other = Store.open(tmp / "other.sqlite")
        ident = hub.identity()
        replica = ReplicaSync(other)
        replica.join(ident.deployment_id, ident.replica_id, ident.public_key)
        me = replica.identity()
        hub.enrol(me.public_key, replica_id=me.replica_id, name="bench")
        timed("set-up: another laptop registers its own city", lambda: DemoCity(other, devices=n, seed=2, tag_prefix="BEN").generate())
        pending = other.pending_changes()
        out = tmp / "other.zip"
        figures["export"], export = timed(f"export-sync ({pending:,} changes)", lambda: SyncService(other).export(out))
        figures["size_per_1000"] = export.size_bytes / max(export.changes, 1) * 1000
        figures["import"], imported = timed("import-sync at central", lambda: SyncService(central).import_file(out))
        assert imported.applied == pending, (imported.applied, pending)
        with central.read() as s:
            raw_rows2 = [tuple(r) for r in s.execute(select(*DeviceRecord.__table__.columns)
                                                      .where(DeviceRecord.asset_tag.like("BEN%"))).all()]
        figures["baseline_copy"] = baseline_copy(url, raw_rows2, cols)
        print(f"  {'baseline: COPY of the same devices into PostgreSQL':<52} {figures['baseline_copy']:8.2f} s")

        print("Incremental round trip of 100 changes:")
        timed("set-up: the first laptop catches up with the other's city", lambda: sync_online(ReplicaSync(laptop), hub))
        with laptop.read() as s:
            ids = s.scalars(select(DeviceRecord.id).limit(100)).all()
        with laptop.unit_of_work() as uow:
            for d in uow.session.scalars(select(DeviceRecord).where(DeviceRecord.id.in_(ids))):
                d.notes = "checked in the benchmark"
        figures["round_trip"], report = timed("sync --central (push 100, pull)", lambda: sync_online(ReplicaSync(laptop), hub))
        assert report.pushed == 100, report.pushed
        laptop.close()
        other.close()
        central.close()
    finally:
        with psycopg.connect(args.pg, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    print()
    print(f"first sync        {figures['first_sync']:6.2f} s  (aim <= 15 s; {figures['first_sync'] / figures['baseline_sqlite']:.1f}x raw SQLite insert)")
    print(f"export-sync       {figures['export']:6.2f} s  (aim <= 10 s)")
    print(f"import-sync       {figures['import']:6.2f} s  (aim <= 15 s; {figures['import'] / figures['baseline_copy']:.1f}x raw COPY)")
    print(f"round trip 100    {figures['round_trip']:6.2f} s  (aim <= 1 s)")
    print(f"file size         {figures['size_per_1000'] / 1024:6.1f} KiB per 1,000 changes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
