"""``observation add|list|resolve``: problems people notice at a site (network, printing, presentation, other).

The same rows the audit screen's observation dialog records; ``report network`` reads them.
Registered by ``report_cmds`` (the reports' commands live together).
"""

from __future__ import annotations

import argparse

from inventory_app.audit.observations import ObservationService
from inventory_app.cli.output import OK, print_json, print_table
from inventory_app.context import AppContext
from inventory_app.core.enums import ObservationKind, Severity

KINDS = [k.value for k in ObservationKind]
SEVERITIES = [s.value for s in Severity]


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    obs = sub.add_parser("observation", help="problems noticed at a site: network, printing, presentation, other")
    osub = obs.add_subparsers(dest="observation_command", metavar="ACTION", required=True, parser_class=type(obs))
    p = osub.add_parser("add", parents=[common], help="record a problem at a site (and room)")
    p.add_argument("--site", required=True, help="site name or code")
    p.add_argument("--room", help="room code")
    p.add_argument("--kind", required=True, help=" | ".join(KINDS))
    p.add_argument("--severity", required=True, help=" | ".join(SEVERITIES))
    p.add_argument("--note", help="what was noticed")
    p.add_argument("--latency-ms", type=float, help="measured latency in milliseconds")
    p.add_argument("--loss-pct", type=float, help="measured packet loss in percent (0-100)")
    p.set_defaults(handler=cmd_add)
    p = osub.add_parser("list", parents=[common], help="list observations (oldest first)")
    p.add_argument("--site", help="only this site (name or code)")
    p.add_argument("--kind", help="only this kind: " + " | ".join(KINDS))
    p.add_argument("--open", action="store_true", help="only those not resolved")
    p.set_defaults(handler=cmd_list)
    p = osub.add_parser("resolve", parents=[common], help="mark an observation resolved (by its id)")
    p.add_argument("id", help="the observation's id ('observation list' shows it)")
    p.add_argument("--note", help="how it was fixed")
    p.set_defaults(handler=cmd_resolve)


def cmd_add(ctx: AppContext, args: argparse.Namespace) -> int:
    new_id = ObservationService(ctx.store).add(
        site=args.site,
        room=args.room,
        kind=args.kind,
        severity=args.severity,
        note=args.note,
        latency_ms=args.latency_ms,
        loss_pct=args.loss_pct,
        auditor=ctx.config.auditor or None,
    )
    if args.json:
        print_json({"id": new_id})
    else:
        print(f"Recorded observation {new_id}.")
    return OK


def cmd_list(ctx: AppContext, args: argparse.Namespace) -> int:
    views = ObservationService(ctx.store).find(site=args.site, kind=args.kind, open_only=args.open)
    if args.json:
        print_json([v.to_json() for v in views])
        return OK
    print_table(
        ["Id", "Observed", "Site", "Room", "Kind", "Severity", "Open", "Latency ms", "Loss %", "Note"],
        [
            (
                v.id,
                f"{v.observed_at.astimezone():%Y-%m-%d %H:%M}",
                v.site_code,
                v.room or "",
                v.kind,
                v.severity,
                "yes" if v.open else "no",
                "" if v.latency_ms is None else f"{v.latency_ms:g}",
                "" if v.packet_loss_pct is None else f"{v.packet_loss_pct:g}",
                v.text or "",
            )
            for v in views
        ],
    )
    return OK


def cmd_resolve(ctx: AppContext, args: argparse.Namespace) -> int:
    new_id = ObservationService(ctx.store).resolve(args.id, auditor=ctx.config.auditor or None, note=args.note)
    if args.json:
        print_json({"id": args.id, "resolved_by": new_id})
    else:
        print(f"Observation {args.id} is resolved.")
    return OK
