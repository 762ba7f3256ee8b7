"""Many laptops syncing at once against one central (processes on this machine, loopback only).

Run:  .venv/bin/python benchmarks/sync_many.py [--laptops 40] [--rounds 3] [--edits 20] [--devices 2000]
          [--pg postgresql://postgres@127.0.0.1:5432/test]

Central (a throwaway database) gets a demo city; every laptop is its own process with its own SQLite
store. Each bootstraps with `sync --central URL`, then for a bounded number of rounds edits devices —
partly the same devices as the others, so edits meet at central — registers one new device and syncs
(SyncService.sync: the command line's and the window's path, with its silent bounded retries). When
all are done, every laptop syncs once more and all of them must hold exactly central's devices.
Reports: changes/s accepted at central while the laptops ran, each laptop's time, the slowest laptop,
and any error that reached a laptop (there must be none).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

SHARED = 100  # devices every laptop may edit (edits meet at central)
STATE_SQL = "SELECT id, asset_tag, status, notes, room_id, deleted, stamps FROM devices ORDER BY id"


def _worker(url: str, folder: Path, index: int, rounds: int, edits: int) -> dict[str, Any]:
    from sqlalchemy import select

    from inventory_app.core.identifiers import make_tag
    from inventory_app.inventory.service import InventoryService
    from inventory_app.storage.schema import DeviceRecord
    from inventory_app.storage.store import Store
    from inventory_app.sync.credentials import Credentials
    from inventory_app.sync.service import SyncService

    class NoKeyring:  # a loopback login without a password: no keyring asked
        def get_password(self, service: str, username: str) -> None:
            return None

    store = Store.open(folder / f"laptop{index}.sqlite")
    service = SyncService(store, credentials=Credentials(NoKeyring()))
    rng = random.Random(index)
    times: list[float] = []
    pushed = 0
    errors: list[str] = []
    window: list[float] = []  # wall-clock starts and ends of the incremental syncs
    started = time.perf_counter()
    try:
        t = time.perf_counter()
        service.sync(url, name=f"laptop {index}")
        times.append(time.perf_counter() - t)
        with store.read() as s:
            shared: list[str] = list(
                s.scalars(
                    select(DeviceRecord.asset_tag)
                    .where(DeviceRecord.room_id.is_not(None))
                    .order_by(DeviceRecord.asset_tag)
                    .limit(SHARED)
                )
            )
        inventory = InventoryService(store)
        home = inventory.show(shared[0])
        for r in range(rounds):
            for tag in rng.sample(shared, min(edits, len(shared))):
                inventory.set(tag, {"notes": f"laptop {index} round {r}"})
            inventory.add(
                tag=make_tag("MNY", index * 1000 + r), category="pupil_laptop", site=str(home.site), room=home.room
            )
            t = time.perf_counter()
            window.append(time.time())
            report = service.sync(url)
            window.append(time.time())
            times.append(time.perf_counter() - t)
            pushed += report.pushed
    except Exception as exc:  # reported, never hidden: the run fails if any laptop saw an error
        errors.append(f"{type(exc).__name__}: {exc}")
    finally:
        store.close()
    return {
        "laptop": index,
        "seconds": time.perf_counter() - started,
        "syncs": times,
        "pushed": pushed,
        "errors": errors,
        "window": [min(window), max(window)] if window else [],
    }


def run(
    pg_admin: str, *, laptops: int, rounds: int, edits: int, devices: int, folder: Path | None = None, echo: bool = True
) -> dict[str, Any]:
    import psycopg
    from sqlalchemy import text

    from inventory_app.demo.city import DemoCity
    from inventory_app.storage.store import Store
    from inventory_app.sync.central import CentralHub
    from inventory_app.sync.online import sync_online
    from inventory_app.sync.replica import ReplicaSync

    say = print if echo else (lambda *a, **k: None)
    name = f"inv_many_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(pg_admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = f"{pg_admin.rsplit('/', 1)[0]}/{name}"
    folder = folder or Path(tempfile.mkdtemp(prefix="sync-many-"))
    try:
        central = Store.open(url)
        CentralHub(central).initialise()
        DemoCity(central, devices=devices, seed=5).generate()
        CentralHub(central).publish_local()
        head_before = CentralHub(central).head()
        say(f"central {url}: {devices:,} devices; {laptops} laptops x {rounds} rounds x {edits} edits + 1 new device")
        started = time.perf_counter()
        procs = [
            subprocess.Popen(
                [
                    sys.executable,
                    __file__,
                    "--worker",
                    str(i),
                    "--url",
                    url,
                    "--folder",
                    str(folder),
                    "--rounds",
                    str(rounds),
                    "--edits",
                    str(edits),
                ],
                stdout=subprocess.PIPE,
                text=True,
                env={**os.environ, "PYTHONHASHSEED": "0"},
            )
            for i in range(laptops)
        ]
        results: list[dict[str, Any]] = []
        for p in procs:
            out, _ = p.communicate(timeout=1800)
            results.append(
                json.loads(out.strip().splitlines()[-1])
                if p.returncode == 0 and out.strip()
                else {"laptop": -1, "seconds": 0, "syncs": [], "pushed": 0, "errors": [f"exit {p.returncode}"]}
            )
        wall = time.perf_counter() - started
        hub = CentralHub(central)
        accepted = hub.head() - head_before
        # Convergence: every laptop syncs once more; all must then hold central's devices exactly.
        with central.engine.connect() as conn:
            truth = [tuple(r) for r in conn.execute(text(STATE_SQL))]
        diverged = []
        for i in range(laptops):
            laptop = Store.open(folder / f"laptop{i}.sqlite")
            try:
                sync_online(ReplicaSync(laptop), hub)
                with laptop.engine.connect() as conn:
                    mine = [tuple(r) for r in conn.execute(text(STATE_SQL))]
                if _normal(mine) != _normal(truth):
                    diverged.append(i)
            finally:
                laptop.close()
        central.close()
    finally:
        with psycopg.connect(pg_admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    errors = [e for r in results for e in r["errors"]]
    windows = [r["window"] for r in results if r.get("window")]
    span = (max(w[1] for w in windows) - min(w[0] for w in windows)) if windows else wall
    slowest = max(results, key=lambda r: r["seconds"])
    summary = {
        "laptops": laptops,
        "wall_seconds": round(wall, 2),
        "changes_at_central": accepted,
        "incremental_span_seconds": round(span, 2),
        "changes_per_second": round(accepted / span, 1) if span else 0.0,
        "pushed": sum(r["pushed"] for r in results),
        "slowest_laptop_seconds": round(slowest["seconds"], 2),
        "slowest_bootstrap_seconds": round(max((r["syncs"][0] for r in results if r["syncs"]), default=0.0), 2),
        "slowest_sync_seconds": round(max((t for r in results for t in r["syncs"]), default=0.0), 2),
        "errors": errors,
        "diverged": diverged,
        "converged": not diverged and not errors,
    }
    say(json.dumps(summary, indent=1))
    return summary


def _normal(rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    return [(r[0], r[1], r[2], r[3], r[4], bool(r[5]), json.loads(r[6]) if r[6] else {}) for r in rows]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--laptops", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--edits", type=int, default=20)
    parser.add_argument("--devices", type=int, default=2000)
    parser.add_argument(
        "--pg", default=os.environ.get("INVENTORY_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/test")
    )
    parser.add_argument("--worker", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker is not None:
        print(json.dumps(_worker(args.url, args.folder, args.worker, args.rounds, args.edits)))
        return 0
    summary = run(args.pg, laptops=args.laptops, rounds=args.rounds, edits=args.edits, devices=args.devices)
    return 0 if summary["converged"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
