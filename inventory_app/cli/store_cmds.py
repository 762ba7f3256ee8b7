"""``init`` and ``selftest``."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from inventory_app.cli.output import OK, UNEXPECTED, print_json
from inventory_app.context import AppContext
from inventory_app.selftest import run_selftest


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("init", parents=[common], help="create or migrate the store and print its revision")
    p.set_defaults(handler=cmd_init)
    p = sub.add_parser("selftest", parents=[common], help="check migrations, the store and the bundle")
    p.add_argument("--screenshot", type=Path, help="also open the main window offscreen and save it here")
    p.set_defaults(handler=cmd_selftest)


def cmd_init(ctx: AppContext, args: argparse.Namespace) -> int:
    store = ctx.store
    info = {
        "store": store.url,
        "revision": store.revision(),
        "replica_id": store.replica_id,
        "pending_changes": store.pending_changes(),
    }
    if args.json:
        print_json(info)
    else:
        print(f"Store {info['store']} is ready at schema revision {info['revision']}.")
    return OK


def cmd_selftest(ctx: AppContext, args: argparse.Namespace) -> int:
    with tempfile.TemporaryDirectory(prefix="inventory-selftest-") as tmp:
        results = run_selftest(
            Path(tmp), screenshot=args.screenshot, db_target=ctx.db_target if args.screenshot else None
        )
    ok = all(r.ok for r in results)
    if args.json:
        print_json({"ok": ok, "checks": [r.to_json() for r in results]})
    else:
        for r in results:
            print(f"{'ok  ' if r.ok else 'FAIL'}  {r.name}: {r.detail}")
        print("selftest passed" if ok else "selftest FAILED")
    sys.stdout.flush()
    return OK if ok else UNEXPECTED
