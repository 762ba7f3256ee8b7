"""Foundation benchmark (issue 2): the store on a 100,000-device demo city.

Command:  .venv/bin/python benchmarks/foundation.py [--devices 100000] [--queries 500]

Measures, each beside a raw ``sqlite3`` baseline of the same operation in the same run:
- ``demo --devices N`` itself (baseline: executemany of the same device rows into a bare table),
- lookup of a device by any identifier (tag, serial, inventory number, MAC; p50/p95),
- search-as-you-type over tag, serial, model and room (p95),
- listing one site,
- a single device edit through the unit of work (with its stamps and outbox entry).
Aims: lookup <= 2 ms p95, search <= 30 ms p95, edit <= 5 ms, demo of 100k <= 30 s.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._common import HEADER, row, time_calls  # noqa: E402
from inventory_app.core.identifiers import identifier_key  # noqa: E402
from inventory_app.demo.city import DemoCity  # noqa: E402
from inventory_app.inventory.service import InventoryService  # noqa: E402
from inventory_app.storage import repositories as repo  # noqa: E402
from inventory_app.storage.store import Store  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--devices", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=500)
    args = parser.parse_args()
    rng = random.Random(5)
    tmp = Path(tempfile.mkdtemp(prefix="bench-foundation-"))
    path = tmp / "city.sqlite"

    store = Store.open(path)
    started = time.perf_counter()
    DemoCity(store, devices=args.devices, seed=1).generate()
    demo_s = time.perf_counter() - started

    raw = sqlite3.connect(path)
    cols = [r[1] for r in raw.execute("PRAGMA table_info(devices)")]
    rows = raw.execute(f"SELECT {', '.join(cols)} FROM devices").fetchall()
    base_db = sqlite3.connect(tmp / "baseline.sqlite")
    base_db.execute("PRAGMA journal_mode=WAL")
    base_db.execute(f"CREATE TABLE devices ({', '.join(cols)})")
    started = time.perf_counter()
    base_db.executemany(f"INSERT INTO devices VALUES ({', '.join('?' * len(cols))})", rows)
    base_db.commit()
    base_insert_s = time.perf_counter() - started
    base_db.close()

    devices = raw.execute("SELECT asset_tag, serial, inventory_number, mac, site_id FROM devices").fetchall()
    sample = [rng.choice(devices) for _ in range(args.queries)]
    idents = []
    for tag, serial, inv, mac, _ in sample:
        idents.append(rng.choice([x for x in (tag, serial, inv, mac) if x]))

    # -- lookup by any identifier --------------------------------------------------------------
    def ours_lookup(i: int) -> None:
        with store.read() as s:
            assert len(repo.devices_by_identifier(s, idents[i])) == 1

    def raw_lookup(i: int) -> None:
        k = identifier_key(idents[i])
        n = raw.execute(
            "SELECT * FROM devices WHERE tag_key=? OR serial_key=? OR inventory_key=? OR mac_key=?", (k, k, k, k)
        ).fetchall()
        assert len(n) == 1

    lookup = time_calls(ours_lookup, args.queries), time_calls(raw_lookup, args.queries)

    # -- search as you type -----------------------------------------------------------------------
    prefixes = []
    for tag, serial, *_ in sample[:100]:
        text = rng.choice([tag, serial, "thinkpad", "a10", "ipad"])
        for end in range(2, min(len(text), 6) + 1):
            prefixes.append(text[:end])

    def ours_search(i: int) -> None:
        with store.read() as s:
            repo.search_devices(s, query=prefixes[i], limit=200)

    def raw_search(i: int) -> None:
        q = f"%{prefixes[i].lower()}%"
        k = f"%{identifier_key(prefixes[i])}%"
        raw.execute(
            "SELECT d.* FROM devices d LEFT JOIN models m ON m.id=d.model_id LEFT JOIN rooms r ON r.id=d.room_id "
            "WHERE d.deleted=0 AND (d.tag_key LIKE ? OR d.serial_key LIKE ? OR d.inventory_key LIKE ? OR d.mac_key LIKE ? "
            "OR lower(m.name) LIKE ? OR lower(m.manufacturer) LIKE ? OR lower(r.code) LIKE ?) "
            "ORDER BY d.tag_key LIMIT 200",
            (k, k, k, k, q, q, q),
        ).fetchall()

    search = time_calls(ours_search, len(prefixes)), time_calls(raw_search, len(prefixes))

    # -- listing one site --------------------------------------------------------------------------
    site_ids = [r[0] for r in raw.execute("SELECT id FROM sites")]

    def ours_site(i: int) -> None:
        with store.read() as s:
            repo.search_devices(s, site_id=site_ids[i % len(site_ids)])

    def raw_site(i: int) -> None:
        raw.execute(
            "SELECT d.*, m.name, r.code FROM devices d LEFT JOIN models m ON m.id=d.model_id "
            "LEFT JOIN rooms r ON r.id=d.room_id WHERE d.site_id=? ORDER BY d.tag_key",
            (site_ids[i % len(site_ids)],),
        ).fetchall()

    listing = time_calls(ours_site, 50), time_calls(raw_site, 50)

    # -- one edit through the unit of work -----------------------------------------------------------
    service = InventoryService(store)
    notes = [f"checked {i}" for i in range(args.queries)]

    def ours_edit(i: int) -> None:
        with store.unit_of_work() as uow:
            device = repo.device_by_identifier(uow.session, sample[i][0])
            service.apply_changes(uow, device, {"notes": notes[i]})

    raw.execute("PRAGMA synchronous=FULL")

    def raw_edit(i: int) -> None:
        raw.execute("BEGIN IMMEDIATE")
        raw.execute("UPDATE devices SET notes=? WHERE tag_key=?", (notes[i] + "b", sample[i][0]))
        raw.execute(
            "INSERT INTO outbox (table_name, row_id, op, payload, hlc, acked) VALUES ('devices', ?, 'upsert', ?, '', 0)",
            (sample[i][0], '{"notes":"x"}'),
        )
        raw.execute("COMMIT")

    edit = time_calls(ours_edit, 200), time_calls(raw_edit, 200)

    print(f"store: {args.devices:,} devices at {path}")
    print(
        f"demo --devices {args.devices}: {demo_s:.1f} s (aim <= 30 s); baseline bare executemany of the same "
        f"device rows: {base_insert_s:.1f} s; ratio {demo_s / base_insert_s:.1f}x (demo also builds sites, rooms, "
        "models, contracts, stamps and one outbox entry per row)"
    )
    print(HEADER)
    print(row("lookup by any identifier", *lookup, "<= 2 ms p95"))
    print(row("search-as-you-type (limit 200)", *search, "<= 30 ms p95"))
    print(row("list one site (all devices)", *listing))
    print(row("one device edit via unit of work", *edit, "<= 5 ms"))
    store.close()


if __name__ == "__main__":
    main()
