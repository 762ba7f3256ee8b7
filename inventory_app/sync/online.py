"""Online sync: push the outbox in pages, then pull central's log in pages (or a snapshot when new).

Each page commits whole together with its bookkeeping (central: the page + the replica's ledger;
laptop: the page + its cursor), so a dropped connection loses nothing and the next sync resumes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError

from inventory_app.core.errors import RejectedInput
from inventory_app.core.hlc import wall_clock_ms
from inventory_app.storage import migrations
from inventory_app.storage.store import Store, resolve_url
from inventory_app.storage.urls import public_url, split_password
from inventory_app.sync.bootstrap import bootstrap
from inventory_app.sync.central import CentralHub
from inventory_app.sync.credentials import Credentials
from inventory_app.sync.gc_pause import collector_paused
from inventory_app.sync.replica import ReplicaSync

log = logging.getLogger(__name__)

SKEW_WARN_MS = 5 * 60 * 1000
Progress = Callable[[int, int, str], None]
# Test hook: called before each page as (stage, page number); raising simulates a dropped line.
Interrupt = Callable[[str, int], None]


@dataclass(slots=True)
class SyncReport:
    pushed: int = 0
    pulled: int = 0
    snapshot_rows: int = 0
    conflicts: int = 0
    quarantined: int = 0
    cursor: int = 0
    pending: int = 0
    skew_ms: int = 0
    warnings: list[str] = field(default_factory=list)
    finished_at: datetime | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "pushed": self.pushed,
            "pulled": self.pulled,
            "snapshot_rows": self.snapshot_rows,
            "conflicts": self.conflicts,
            "quarantined": self.quarantined,
            "cursor": self.cursor,
            "pending": self.pending,
            "clock_skew_seconds": round(self.skew_ms / 1000, 1),
            "warnings": self.warnings,
            "finished_at": self.finished_at.isoformat() if self.finished_at else None,
        }


def safe_url(url: str) -> str:
    """The URL as it may be shown or logged: never with a password (in the user part or the query)."""
    try:
        return public_url(resolve_url(url))
    except Exception:
        return "<central database>"


def _with_password(url: str, credentials: Credentials | None) -> tuple[str, str | None]:
    """The URL to connect with (the password from the URL, else the keyring) and that password."""
    _, password = split_password(resolve_url(url))
    if password is None and credentials is not None:
        password = credentials.get(url)
    full = make_url(resolve_url(url)).difference_update_query(["password"])
    if password:
        full = full.set(password=password)
    return full.render_as_string(hide_password=False), password


def check_central_schema(revision: str | None, where: str) -> None:
    if revision is None:
        raise RejectedInput(
            f"{where} has no inventory schema; set it up with: central init --db URL", code="central_no_schema"
        )
    if revision not in migrations.known_revisions():
        raise RejectedInput(
            f"central at {where} has schema revision {revision}, which this version of the app does not "
            "understand; install the app version central IT uses, then sync again. Nothing was changed.",
            code="central_newer_schema",
        )
    if revision != migrations.head_revision():
        raise RejectedInput(
            f"central at {where} is at the older schema revision {revision} (this app needs "
            f"{migrations.head_revision()}); ask central IT to run: central init --db URL. Nothing was changed.",
            code="central_older_schema",
        )


def open_central(
    url: str, credentials: Credentials | None = None, now_ms: Callable[[], int] = wall_clock_ms
) -> tuple[Store, int]:
    """Open central for syncing without migrating it; return it and its clock's offset from ours (ms)."""
    if not resolve_url(url).startswith("postgresql"):
        raise RejectedInput(
            f"{safe_url(url)} is not a PostgreSQL URL (postgresql://user@host/db)", code="central_url_invalid"
        )
    try:
        full, password = _with_password(url, credentials)
    except (ValueError, ArgumentError):
        raise RejectedInput(
            "the central address is not a valid PostgreSQL URL (postgresql://user@host:port/database); "
            "check it and try again",
            code="central_url_invalid",
        ) from None
    engine = create_engine(full, pool_pre_ping=True, connect_args={"connect_timeout": 10})
    replica_id = None
    try:
        with engine.connect() as conn:
            revision = migrations.current_revision(conn)
            server_ms = int(conn.scalar(text("SELECT (extract(epoch from clock_timestamp()) * 1000)::bigint")))
            if revision is not None:
                replica_id = conn.scalar(text("SELECT replica_id FROM replica_state LIMIT 1"))
        skew = server_ms - now_ms()
        check_central_schema(revision, safe_url(url))
    except (OperationalError, DBAPIError) as exc:
        engine.dispose()
        first = str(getattr(exc, "orig", exc)).strip().splitlines()[0] if str(exc) else type(exc).__name__
        if password:
            first = first.replace(password, "***")
        raise RejectedInput(
            f"cannot reach central at {safe_url(url)}: {first}", code=_connect_failure(first), url=safe_url(url)
        ) from None
    except BaseException:
        engine.dispose()
        raise
    if replica_id is None:
        engine.dispose()
        return Store.open(full, migrate=False, now_ms=lambda: now_ms() + skew), skew
    # The connection that checked central stays in the pool for the sync (one connect, not two).
    return Store(engine, str(replica_id), now_ms=lambda: now_ms() + skew), skew


def _connect_failure(message: str) -> str:
    """The error code of a failed connection (libpq words these in English; the window translates the code)."""
    lowered = message.lower()
    if "database" in lowered and "does not exist" in lowered:
        return "central_database_missing"
    if ("role" in lowered and "does not exist" in lowered) or "authentication failed" in lowered:
        return "central_login_failed"
    if "password" in lowered:
        return "central_login_failed"
    return "central_unreachable"


# SQLSTATEs a busy central may answer with; each page commits whole, so the sync simply runs again.
RETRYABLE = {
    "40001": "serialization failure",
    "40P01": "deadlock",
    "55P03": "lock not available",
    "53300": "too many connections",
}
RETRIES = 5


def retryable(exc: BaseException) -> bool:
    orig = getattr(exc, "orig", exc)
    return getattr(orig, "sqlstate", None) in RETRYABLE


def with_retries(
    run: Callable[[], SyncReport], *, attempts: int = RETRIES, pause: Callable[[float], None] | None = None
) -> SyncReport:
    """Run a sync again after a transient refusal by central (bounded, silent, with growing pauses)."""
    import random
    import time

    wait = pause or time.sleep
    for attempt in range(attempts):
        try:
            return run()
        except (OperationalError, DBAPIError) as exc:
            if not retryable(exc) or attempt == attempts - 1:
                raise
            log.info(
                "central was busy (%s); syncing again",
                RETRYABLE[str(getattr(getattr(exc, "orig", exc), "sqlstate", ""))],
            )
            wait(min(2.0, 0.05 * 2**attempt) * (0.5 + random.random()))
    raise AssertionError("unreachable")


def check_not_ahead_of_central(cursor: int, head: int) -> None:
    """A laptop that has read further than central's log reaches: central was restored from a backup."""
    if cursor > head:
        raise RejectedInput(
            f"this laptop has read central's changes up to {cursor}, but central now ends at {head}: central was "
            "restored from a backup. This laptop's own changes were sent; to receive central's changes again, "
            "start this laptop over with a new store (central IT: see docs/CENTRAL.md)."
        )


def sync_online(
    replica: ReplicaSync,
    hub: CentralHub,
    *,
    page_size: int = 2000,
    skew_ms: int = 0,
    progress: Progress | None = None,
    interrupt: Interrupt | None = None,
    name: str | None = None,
) -> SyncReport:
    report = SyncReport(skew_ms=skew_ms)
    tell = progress or (lambda done, total, text: None)
    if abs(skew_ms) > SKEW_WARN_MS:
        report.warnings.append(
            f"this computer's clock differs from central's by {abs(skew_ms) / 60000:.0f} minutes; "
            "set the date and time right (edits made with a wrong clock can win or lose wrongly)"
        )
    ident = hub.identity()
    hub.publish_local()  # edits made at central itself are in the log before anyone reads it
    replica.join(ident.deployment_id, ident.replica_id, ident.public_key)
    me = replica.identity()
    ledger = hub.ledger(me.replica_id)
    if ledger.known and replica.is_older_than(ledger.applied_seq, ledger.pulled_pos):
        # An old copy of this laptop's store: never reuse what central has seen; sync as a new replica.
        replica.renew_identity()
        me = replica.identity()
        report.warnings.append(
            "this store is older than what central has from this laptop (a restored or "
            "copied file); it now syncs as a new laptop identity, and pulls everything again"
        )
    hub.bind_login(me.replica_id)
    hub.enrol(me.public_key, replica_id=me.replica_id, name=name)

    # -- push ----------------------------------------------------------------------------------------
    total = replica.pending_count()
    page_no = 0
    while True:
        page = replica.pending(0, page_size)
        if not page:
            break
        if interrupt:
            interrupt("push", page_no)
        result = hub.accept(me.replica_id, page, pulled_pos=replica.cursor())
        replica.mark_acked(result.applied_seq)
        page_no += 1
        report.pushed += len(page) - result.skipped
        report.conflicts += result.conflicts
        report.quarantined += result.quarantined
        report.warnings.extend(w for w in result.warnings if w not in report.warnings)
        tell(min(report.pushed, total), total, "push")
        if result.applied_seq < page[-1].seq:
            break  # central did not take the page: never loop forever

    # -- pull ----------------------------------------------------------------------------------------
    cursor = replica.cursor()
    head = hub.head()
    check_not_ahead_of_central(cursor, head)
    if cursor == 0 and head > 0:
        if interrupt:
            interrupt("snapshot", 0)
        with collector_paused():
            applied = bootstrap(replica, hub.store, progress=lambda done, total: tell(done, total, "snapshot"))
        if applied is not None:
            report.snapshot_rows = applied.received
            report.conflicts += applied.conflicts
            report.warnings.extend(w for w in applied.warnings if w not in report.warnings)
        cursor = replica.cursor()
    page_no = 0
    while True:
        changes, last = hub.changes_after(cursor, page_size, exclude_origin=me.replica_id)
        if last <= cursor:
            break
        if interrupt:
            interrupt("pull", page_no)
        applied = replica.apply(changes, last, first_after=cursor)
        page_no += 1
        report.pulled += applied.applied
        report.conflicts += applied.conflicts
        report.warnings.extend(w for w in applied.warnings if w not in report.warnings)
        cursor = applied.cursor
        tell(cursor, max(head, cursor), "pull")
    hub.record_pulled(me.replica_id, cursor)
    report.cursor = cursor
    report.pending = replica.pending_count()
    report.finished_at = datetime.fromtimestamp(replica.store.now_ms() / 1000, tz=UTC)
    replica.record_sync(report.finished_at)
    log.info(
        "sync with %s: pushed %d, pulled %d, snapshot %d, conflicts %d",
        hub.store.url,
        report.pushed,
        report.pulled,
        report.snapshot_rows,
        report.conflicts,
    )
    return report
