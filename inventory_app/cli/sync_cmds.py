"""Sync commands: central set-up and enrolment, online sync, sync files, conflicts and duplicates."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import Any

from inventory_app.cli.output import OK, print_json, print_table
from inventory_app.context import AppContext
from inventory_app.core.errors import RejectedInput
from inventory_app.core.out_files import check_out_file
from inventory_app.sync.credentials import strip_password
from inventory_app.sync.service import SyncService


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    central = sub.add_parser("central", help="set up and look after the central database")
    csub = central.add_subparsers(dest="central_command", metavar="ACTION", required=True, parser_class=type(central))
    p = csub.add_parser("init", parents=[common], help="create or upgrade the central schema (same migrations)")
    p.add_argument("--db", default=argparse.SUPPRESS, help="central's postgresql:// URL")
    p.set_defaults(handler=cmd_central_init)
    p = csub.add_parser("enrol", parents=[common], help="make an enrolment file for a laptop that syncs by file")
    p.add_argument("--name", required=True, help="a name for the laptop, e.g. 'Auditor laptop 3'")
    p.add_argument("--out", required=True, type=Path, help="where to write the enrolment file (keep it safe)")
    p.set_defaults(handler=cmd_central_enrol)
    p = csub.add_parser("replicas", parents=[common], help="list enrolled laptops and how far they are")
    p.set_defaults(handler=cmd_central_replicas)
    p = csub.add_parser("revoke", parents=[common], help="revoke a laptop: its files and syncs are refused from now")
    p.add_argument("laptop", metavar="NAME", help="the laptop's name, replica id or key id (see: central replicas)")
    p.set_defaults(handler=cmd_central_revoke)
    p = csub.add_parser("quarantine", parents=[common], help="list changes held for far-future stamps")
    p.add_argument("--release", action="store_true", help="apply those whose time has come")
    p.add_argument("--force", action="store_true", help="with --release: apply all of them now")
    p.set_defaults(handler=cmd_central_quarantine)
    p = csub.add_parser(
        "roles", parents=[common], help="set up central IT's and the laptops' database roles (least privilege)"
    )
    p.add_argument("--laptop", metavar="LOGIN", help="also make a database login for one laptop")
    p.add_argument("--it", metavar="LOGIN", help="also make a database login for one person of central IT")
    p.add_argument("--print", dest="print_sql", action="store_true", help="print the SQL instead of running it")
    p.set_defaults(handler=cmd_central_roles)
    p = csub.add_parser("login", parents=[common], help="store central's password in the system keyring")
    p.add_argument("url", help="postgresql://user@host/database")
    p.set_defaults(handler=cmd_central_login)

    p = sub.add_parser("enrol", parents=[common], help="join a central with an enrolment file made there")
    p.add_argument("file", type=Path)
    p.set_defaults(handler=cmd_enrol)

    p = sub.add_parser("sync", parents=[common], help="sync this laptop with central online")
    p.add_argument("--central", help="central's postgresql:// URL (default: the last one used)")
    p.add_argument("--page-size", type=int, default=2000, help="changes per page (default 2000)")
    p.add_argument("--name", help="this laptop's name at central (first sync)")
    p.set_defaults(handler=cmd_sync)

    p = sub.add_parser("export-sync", parents=[common], help="write a signed sync file")
    p.add_argument("--out", type=Path, help="the file (default: a name with site, date and auditor)")
    p.add_argument("--for", dest="for_replica", help="at central: the laptop the file is for")
    p.set_defaults(handler=cmd_export)

    p = sub.add_parser("import-sync", parents=[common], help="verify and apply a sync file")
    p.add_argument("file", type=Path)
    p.add_argument("--preview", action="store_true", help="only verify and show what it holds")
    p.set_defaults(handler=cmd_import)

    p = sub.add_parser("conflicts", parents=[common], help="list concurrent edits that overwrote a value")
    p.add_argument("--all", action="store_true", help="include resolved ones")
    p.add_argument("--resolve", metavar="ID", help="resolve one conflict (with --keep or --use-overwritten)")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--keep", action="store_true", help="keep the current value")
    group.add_argument("--use-overwritten", action="store_true", help="bring the overwritten value back")
    p.set_defaults(handler=cmd_conflicts)

    p = sub.add_parser("duplicates", parents=[common], help="devices registered twice (one serial, two tags)")
    p.add_argument("--merge", metavar="SERIAL", help="merge the devices with this serial into the survivor")
    p.add_argument("--undo", metavar="DEVICE", help="separate a merged device again")
    p.set_defaults(handler=cmd_duplicates)


def _service(ctx: AppContext) -> SyncService:
    return SyncService(ctx.store)


def _say(args: argparse.Namespace, data: Any, text: str) -> None:
    if args.json:
        print_json(data)
    else:
        print(text)


def _warn(warnings: list[str]) -> None:
    for w in warnings:
        sys.stderr.write(f"warning: {w}\n")


def cmd_central_init(ctx: AppContext, args: argparse.Namespace) -> int:
    if not ctx.db_target.startswith(("postgresql://", "postgres://")):
        raise RejectedInput("central init needs central's URL: central init --db postgresql://user@host/database")
    info = _service(ctx).central_init()
    _say(
        args,
        info,
        f"Central {info['store']} is ready at schema revision {info['revision']} (deployment {info['deployment_id']}).",
    )
    return OK


def cmd_central_enrol(ctx: AppContext, args: argparse.Namespace) -> int:
    check_out_file(args.out, example="enrolment.json")
    info = _service(ctx).make_enrolment(args.name, args.out)
    _say(
        args,
        info,
        f"Enrolment file for {info['name']} written to {info['path']} (key {info['key_id'][:12]}). "
        "It holds the laptop's signing key: hand it over safely and delete it afterwards.",
    )
    return OK


def cmd_central_replicas(ctx: AppContext, args: argparse.Namespace) -> int:
    rows = _service(ctx).replicas()
    if args.json:
        print_json(rows)
        return OK
    print_table(
        ["Name", "Replica", "Key", "State", "Applied", "Pulled", "Last sync"],
        [
            (
                r["name"],
                (r["replica_id"] or "")[:8],
                r["key_id"][:12],
                "revoked" if r["revoked"] else "active",
                r["applied_seq"],
                r["pulled_pos"],
                r["last_sync_at"],
            )
            for r in rows
        ],
    )
    return OK


def cmd_central_revoke(ctx: AppContext, args: argparse.Namespace) -> int:
    info = _service(ctx).revoke_laptop(args.laptop)
    label = info["name"] or (info["replica_id"] or info["key_id"])[:8]
    _say(
        args,
        info,
        f"{label} is revoked: central refuses its sync files and online syncs from now on. "
        "Its changes already at central stay.",
    )
    return OK


def cmd_central_quarantine(ctx: AppContext, args: argparse.Namespace) -> int:
    info = _service(ctx).quarantine(release=args.release, force=args.force)
    if args.json:
        print_json(info)
        return OK
    if args.release:
        print(f"Released {info['released']} changes.")
    print_table(
        ["Id", "Laptop", "Stamp", "Reason"],
        [(q["id"][:8], q["origin"][:8], q["stamp"], q["reason"]) for q in info["held"]],
    )
    return OK


def cmd_central_roles(ctx: AppContext, args: argparse.Namespace) -> int:
    from inventory_app.sync import roles

    store = ctx.store
    if args.print_sql:
        database = store.url.rsplit("/", 1)[-1].split("?", 1)[0]
        for statement in roles.role_statements(database):
            print(statement.strip() + ";")
        return OK
    info = roles.setup_roles(store)
    made = [
        roles.create_login(store, login, laptop=laptop)
        for login, laptop in ((args.laptop, True), (args.it, False))
        if login
    ]
    info["logins"] = made
    lines = [
        f"Roles {info['it_role']} (central IT) and {info['laptop_role']} (laptops) are set up in {info['database']}."
    ]
    lines += [
        f"Login {m['login']} ({m['role']}), password: {m['password']} (shown once: give it to its user, "
        "who stores it with: central login URL)"
        for m in made
    ]
    _say(args, info, "\n".join(lines))
    return OK


def cmd_central_login(ctx: AppContext, args: argparse.Namespace) -> int:
    if not sys.stdin.isatty():
        raise RejectedInput(
            "central login asks for the password and needs a terminal for that (a password is never read from a "
            "pipe or shown); run it in a terminal, or give the password once in the address: "
            "sync --central postgresql://user:PASSWORD@host/database (it goes to the system keyring)"
        )
    try:
        password = getpass.getpass(f"Password for {strip_password(args.url)}: ")
    except EOFError:
        password = ""
    if not password:
        raise RejectedInput("no password given; nothing was stored")
    url = SyncService(ctx.store).remember_password(args.url, password)
    _say(args, {"stored": url}, f"The password for {url} is in the system keyring.")
    return OK


def cmd_enrol(ctx: AppContext, args: argparse.Namespace) -> int:
    info = _service(ctx).enrol_from_file(args.file)
    _say(args, info, f"This laptop is enrolled in deployment {info['deployment_id']} as {info['name']}.")
    return OK


def cmd_sync(ctx: AppContext, args: argparse.Namespace) -> int:
    url = args.central or ctx.config.central_url
    if not url:
        raise RejectedInput("name the central: sync --central postgresql://user@host/database")
    service = _service(ctx)
    clean = strip_password(url)  # a password typed into the URL goes to the keyring, never into the config
    show = not args.json and sys.stderr.isatty()

    def progress(done: int, total: int, stage: str) -> None:
        if show:
            sys.stderr.write(f"\r{stage}: {done:,} / {total:,}   ")
            sys.stderr.flush()

    report = service.sync(url, page_size=max(1, args.page_size), progress=progress, name=args.name)
    if show:
        sys.stderr.write("\n")
    if ctx.config.central_url != clean:
        ctx.config.central_url = clean
        ctx.save_config()
    _warn(report.warnings)
    _say(
        args,
        report.to_json(),
        f"Synced: sent {report.pushed:,}, received {report.pulled + report.snapshot_rows:,} "
        f"({report.conflicts} conflicts, {report.pending} changes still pending).",
    )
    return OK


def cmd_export(ctx: AppContext, args: argparse.Namespace) -> int:
    service = _service(ctx)
    out = check_out_file(args.out, example="sync.zip") if args.out else default_export_path(ctx, service)
    result = service.export(out, for_replica=args.for_replica)
    _say(args, result.to_json(), f"Wrote {result.changes:,} changes to {result.path} ({result.size_bytes:,} bytes).")
    return OK


def default_export_path(ctx: AppContext, service: SyncService) -> Path:
    from datetime import date

    from inventory_app.core.identifiers import identifier_key

    site = identifier_key(ctx.config.default_site) or "all-sites"
    auditor = identifier_key(ctx.config.auditor) or "auditor"
    return ctx.paths.data_dir / "sync" / f"sync-{site}-{date.today():%Y-%m-%d}-{auditor}.zip".lower()


def cmd_import(ctx: AppContext, args: argparse.Namespace) -> int:
    result = _service(ctx).import_file(args.file, preview=args.preview)
    _warn(result.warnings)
    if args.preview:
        text = (
            f"{result.path}: {result.changes:,} changes from {result.source[:8]} ({result.kind}), "
            f"{result.skipped:,} already applied. Verified; nothing imported."
        )
    else:
        text = (
            f"Imported {result.path}: {result.applied:,} changes applied, {result.skipped:,} already there, "
            f"{result.conflicts} conflicts, {result.quarantined} held in quarantine."
        )
    _say(args, result.to_json(), text)
    return OK


def cmd_conflicts(ctx: AppContext, args: argparse.Namespace) -> int:
    service = _service(ctx)
    if args.resolve:
        if not (args.keep or args.use_overwritten):
            raise RejectedInput("say how: conflicts --resolve ID --keep | --use-overwritten")
        view = service.resolve_conflict(args.resolve, "keep" if args.keep else "overwritten")
        _say(
            args,
            view.to_json(),
            f"Resolved {view.id[:8]}: {view.field} of {view.label} "
            f"({'kept' if args.keep else 'overwritten value restored'}).",
        )
        return OK
    views = service.conflicts(include_resolved=args.all)
    if args.json:
        print_json([v.to_json() for v in views])
        return OK

    def author(origin: str, who: str, when: Any) -> str:
        name = {"self": "this computer", "central": "central"}.get(origin) or (who if len(who) < 32 else who[:8])
        return f"{name}, {when.astimezone():%d.%m.%Y %H:%M}"

    print_table(
        ["Id", "Device", "Field", "Kept", "Written by", "Overwritten", "Written by"],
        [
            (
                v.id[:8],
                v.label,
                v.field,
                v.kept_value,
                author(v.kept_origin, v.kept_by, v.kept_at),
                v.lost_value,
                author(v.lost_origin, v.lost_by, v.lost_at),
            )
            for v in views
        ],
    )
    print(f"{len(views)} conflicts")
    return OK


def cmd_duplicates(ctx: AppContext, args: argparse.Namespace) -> int:
    service = _service(ctx)
    if args.merge:
        group = service.merge_duplicates(args.merge)
        _say(
            args,
            group.to_json(),
            f"Merged {len(group.devices) - 1} devices into {group.survivor.asset_tag or group.survivor.id}.",
        )
        return OK
    if args.undo:
        device = service.undo_merge(args.undo)
        _say(args, {"separated": device}, f"Device {device} is separate again.")
        return OK
    groups = service.duplicates()
    if args.json:
        print_json([g.to_json() for g in groups])
        return OK
    print_table(
        ["Serial", "Survivor", "Others"],
        [
            (g.serial_key, g.survivor.asset_tag or g.survivor.id, ", ".join(d.asset_tag or d.id for d in g.devices[1:]))
            for g in groups
        ],
    )
    print(f"{len(groups)} duplicate groups")
    return OK
