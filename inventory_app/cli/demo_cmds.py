"""``demo``: fill a new store with a realistic demo city."""

from __future__ import annotations

import argparse
import sys
import time

from inventory_app.cli.output import OK, print_json
from inventory_app.context import AppContext
from inventory_app.core.devices import parse_date
from inventory_app.demo.city import DemoCity
from inventory_app.demo.lappeenranta import DEMO_TAG_PREFIX


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("demo", parents=[common], help="fill a new store with a realistic demo city")
    p.add_argument("--devices", type=int, default=6000, help="how many devices (default 6000)")
    p.add_argument("--seed", type=int, default=1, help="the same seed gives the same city")
    p.add_argument("--as-of", help="reference date the city is built around (default today)")
    p.add_argument(
        "--tag-prefix",
        default=DEMO_TAG_PREFIX,
        help=f"asset tag prefix of the demo devices (default {DEMO_TAG_PREFIX}, Lappeenranta)",
    )
    p.set_defaults(handler=cmd_demo)


def cmd_demo(ctx: AppContext, args: argparse.Namespace) -> int:
    store = ctx.store
    started = time.perf_counter()
    show_progress = not args.json and sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        if show_progress:
            sys.stderr.write(f"\r{done:,} / {total:,} devices")
            sys.stderr.flush()

    city = DemoCity(
        store,
        devices=args.devices,
        seed=args.seed,
        as_of=parse_date(args.as_of),
        tag_prefix=args.tag_prefix,
        progress=progress,
    )
    folder = store.path.parent if store.path is not None else ctx.paths.data_dir
    result = city.generate(billing_dir=folder)
    if show_progress:
        sys.stderr.write("\n")
    if args.json:
        print_json({**result.to_json(), "seconds": round(time.perf_counter() - started, 2)})
    else:
        print(
            f"Demo city: {result.areas} areas, {result.sites} sites, {result.rooms} rooms, "
            f"{result.devices:,} devices, {result.contracts} leasing contracts, {result.audits} finished audits, "
            f"{result.observations} observations "
            f"({time.perf_counter() - started:.1f} s)."
        )
        if result.billing_file:
            print(f"Lessor's billing file with planted discrepancies: {result.billing_file}")
    return OK
