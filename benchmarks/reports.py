"""Every report over 100,000 devices and two years of audits, beside a bare count baseline.

    .venv/bin/python benchmarks/reports.py            # builds benchmarks/out/reports-100k.sqlite once (~2-4 min)
    .venv/bin/python benchmarks/reports.py --devices 20000 --rebuild   # a smaller city

The store is the demo city (Lappeenranta as of 15.3.2026, with its own audits and observations) plus, per site, an audit every autumn and spring for two
years (four audits) whose scans find every device of the site, written with ``uow.insert_many``.
Each report runs ``--repeat`` times (best time shown) through ``ReportService``; the baseline is
``SELECT count(*) FROM devices`` plus ``SELECT count(*) FROM scan_events`` in the same run. Last: the
XLSX export of the full inventory report, in English and in Finnish.
"""

from __future__ import annotations

import argparse
import sys
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import func, select, text  # noqa: E402

from inventory_app.demo.city import DemoCity  # noqa: E402
from inventory_app.reports.export import write_xlsx  # noqa: E402
from inventory_app.reports.service import ReportParams, ReportService  # noqa: E402
from inventory_app.storage.schema import AuditRecord, DeviceRecord, ScanEventRecord, SiteRecord  # noqa: E402
from inventory_app.storage.store import Store  # noqa: E402

AS_OF = date(2026, 3, 15)
OUT = ROOT / "benchmarks" / "out"


def build(path: Path, devices: int) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    store = Store.open(path)
    started = time.perf_counter()
    result = DemoCity(store, devices=devices, seed=7, as_of=AS_OF).generate(billing_dir=OUT)
    print(f"demo city: {result.devices:,} devices in {time.perf_counter() - started:.1f} s", flush=True)
    started = time.perf_counter()
    with store.read() as s:
        sites = [sid for (sid,) in s.execute(select(SiteRecord.id))]
        by_site: dict[str, list[tuple[str, str | None, str]]] = {}
        for did, site_id, room_id, serial in s.execute(
            select(DeviceRecord.id, DeviceRecord.site_id, DeviceRecord.room_id, DeviceRecord.serial)
        ):
            by_site.setdefault(site_id, []).append((did, room_id, serial))
    events = 0
    # Two school years: an audit every October and April.
    days = [date(2024, 10, 1), date(2025, 4, 1), date(2025, 10, 1), date(2026, 3, 1)]
    for day in days:
        audits, scans = [], []
        for n, site_id in enumerate(sites):
            at = datetime.combine(day + timedelta(days=n % 20), datetime.min.time(), tzinfo=UTC)
            audit_id = str(uuid.uuid4())
            audits.append(
                {
                    "id": audit_id,
                    "site_id": site_id,
                    "auditor": "Bench",
                    "started_at": at,
                    "finished_at": at + timedelta(hours=6),
                    "status": "finished",
                }
            )
            for i, (did, room_id, serial) in enumerate(by_site.get(site_id, [])):
                scans.append(
                    {
                        "audit_id": audit_id,
                        "room_id": room_id,
                        "raw_code": serial,
                        "code": serial,
                        "symbology": "code128",
                        "method": "camera",
                        "scanned_at": at + timedelta(seconds=i),
                        "device_id": did,
                        "outcome": "found",
                    }
                )
        # remote=True: the audits arrive as synced history, so they need no outbox entries.
        with store.unit_of_work(remote=True) as uow:
            uow.insert_many(AuditRecord, audits)
            for i in range(0, len(scans), 20000):
                uow.insert_many(ScanEventRecord, scans[i : i + 20000])
        events += len(scans)
    with store.engine.begin() as conn:
        conn.execute(text("ANALYZE"))
    print(
        f"audits: {len(days) * len(sites)} audits, {events:,} scan events in {time.perf_counter() - started:.1f} s",
        flush=True,
    )
    store.close()


def best(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--devices", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"reports-{args.devices // 1000}k.sqlite"
    if args.rebuild or not path.exists():
        build(path, args.devices)
    store = Store.open(path)
    service = ReportService(store)
    with store.read() as s:
        n_devices = s.scalar(select(func.count()).select_from(DeviceRecord))
        n_events = s.scalar(select(func.count()).select_from(ScanEventRecord))

    def baseline() -> None:
        with store.read() as s:
            s.scalar(select(func.count()).select_from(DeviceRecord))
            s.scalar(select(func.count()).select_from(ScanEventRecord))

    base = best(baseline, args.repeat)
    print(f"\nstore: {path.name}, {n_devices:,} devices, {n_events:,} scan events")
    print(f"{'report':<22}{'best s':>9}{'x baseline':>12}  rows")
    print(f"{'baseline count(*) x2':<22}{base:>9.3f}{1.0:>12.1f}")
    billing = OUT / f"laskutus-{AS_OF:%Y-%m}.csv"
    params = {
        "inventory": ReportParams("inventory", as_of=AS_OF),
        "target-gap": ReportParams("target-gap", as_of=AS_OF),
        "cost-per-pupil": ReportParams("cost-per-pupil", as_of=AS_OF),
        "leasing": ReportParams("leasing", as_of=AS_OF, months=12),
        "age": ReportParams("age", as_of=AS_OF),
        "reconciliation": ReportParams("reconciliation", as_of=AS_OF, billing=billing),
        "audit": ReportParams("audit", as_of=AS_OF),
        "replacement-plan": ReportParams("replacement-plan", as_of=AS_OF),
        "network": ReportParams("network", as_of=AS_OF),
        "transfers": ReportParams("transfers", as_of=AS_OF),
    }
    results = {}
    for name, p in params.items():
        seconds = best(lambda p=p, name=name: results.__setitem__(name, service.run(p)), args.repeat)
        rows = sum(len(s.rows) for s in results[name].sections)
        print(f"{name:<22}{seconds:>9.3f}{seconds / base:>12.1f}  {rows:,}", flush=True)
    target = OUT / "inventory.xlsx"
    inventory = results["inventory"]
    rows = sum(len(s.rows) for s in inventory.sections)
    for lang in ("en", "fi"):
        seconds = best(lambda lang=lang: write_xlsx(inventory, target, lang), 1)
        print(
            f"{'xlsx inventory ' + lang:<22}{seconds:>9.3f}{seconds / base:>12.1f}  {rows:,} rows, "
            f"{target.stat().st_size / 1e6:.1f} MB"
        )
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
