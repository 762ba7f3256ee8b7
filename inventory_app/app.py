"""Composition root: parse arguments, set up logging, build the AppContext, run a command or the UI."""

from __future__ import annotations

import logging
import logging.handlers
import os
import sqlite3
import sys
from collections.abc import Sequence

from inventory_app.cli.main import build_parser
from inventory_app.cli.output import OK, REJECTED, UNEXPECTED
from inventory_app.context import AppContext
from inventory_app.core.errors import InventoryError
from inventory_app.maintenance.log_privacy import PrivacyFilter
from inventory_app.paths import UserPaths

log = logging.getLogger("inventory_app")


def setup_logging(paths: UserPaths) -> None:
    """A rotating log file in the user's log folder; credentials and personal data are masked (log_privacy)."""
    try:
        paths.log_dir.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            paths.log_dir / "inventory.log", maxBytes=1_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError:
        handler = logging.NullHandler()
    formatter = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    handler.setFormatter(formatter)
    # On the handler, not the logger: records propagated from child loggers skip a logger's filters.
    handler.addFilter(PrivacyFilter(formatter))
    root = logging.getLogger("inventory_app")
    # One log handler per process, pointing at the current log folder (tests change it per test).
    for old in [h for h in root.handlers if getattr(h, "inventory_log", False)]:
        root.removeHandler(old)
        old.close()
    handler.inventory_log = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def store_busy(exc: BaseException) -> bool:
    """Whether ``exc`` (or what caused it) is SQLite saying another connection holds the write lock
    for longer than the store's busy timeout."""
    seen: BaseException | None = exc
    for _ in range(5):
        if seen is None:
            return False
        original = getattr(seen, "orig", None)
        for candidate in (seen, original):
            if isinstance(candidate, sqlite3.OperationalError) and (
                "database is locked" in str(candidate) or "database is busy" in str(candidate)
            ):
                return True
        seen = seen.__cause__ or seen.__context__
    return False


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    paths = UserPaths.default()
    setup_logging(paths)
    ctx = AppContext.create(db=args.db, paths=paths)
    handler = getattr(args, "handler", None)
    if handler is None:
        from inventory_app.cli.gui_cmds import run_gui

        handler = run_gui
    try:
        code = int(handler(ctx, args))
        if code == OK and ctx.store_opened and getattr(args, "command", None) not in (None, "gui", "sync"):
            # At central a command's own edits are published as it finishes: no laptop waits for them.
            from inventory_app.sync.service import SyncService

            try:
                SyncService(ctx.store).publish_central_edits()
            except Exception:  # the next sync publishes them anyway: the command itself succeeded
                log.warning("central's own edits wait for the next sync", exc_info=True)
        return code
    except InventoryError as exc:
        sys.stderr.write(f"error: {exc}\n")
        return REJECTED
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        return 130
    except BrokenPipeError:
        # The reader went away (`... | head`): not an error of ours. Keep Python from complaining at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return OK
    except Exception as exc:  # the last line of defence: say so plainly, keep details in the log
        if store_busy(exc):
            log.warning("the store stayed locked by another program: %s", exc)
            sys.stderr.write(
                "error: another program is writing the store right now (for example a long import "
                "or bulk edit); wait until it has finished, then try again\n"
            )
            return REJECTED
        log.exception("unexpected failure in %s", getattr(args, "command", "gui"))
        sys.stderr.write(
            f"unexpected error: {type(exc).__name__}: {exc}\n"
            f"Details are in {paths.log_dir / 'inventory.log'}; your data was not changed by this step.\n"
        )
        return UNEXPECTED
    finally:
        ctx.close()
