"""Alembic, driven from code: the same migrations build the local SQLite store and central PostgreSQL."""

from __future__ import annotations

import logging
from functools import cache

from alembic import command
from alembic.config import Config as AlembicConfig
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection

from inventory_app.core.errors import StoreError
from inventory_app.paths import migrations_dir

log = logging.getLogger(__name__)


# Indexes of the records that central (PostgreSQL) drops because nothing there needs them (migration
# 0014_central_indexes); SQLite stores keep them.
NOT_AT_CENTRAL = frozenset({"ix_devices_report", "ix_scan_events_audit_id"})


def include_object(obj, name, type_, reflected, compare_to):  # type: ignore[no-untyped-def]
    """Objects Alembic compares: not the SQLite search index (FTS5 and its shadow tables), and not an index
    central does without when the database has none of that name (a store that has one is compared)."""
    if type_ == "index" and name in NOT_AT_CENTRAL and not reflected and compare_to is None:
        return False
    return not (type_ == "table" and name and name.startswith("device_search"))


def alembic_config(connection: Connection | None = None) -> AlembicConfig:
    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(migrations_dir()))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    return _revisions(str(migrations_dir()))[0]


def known_revisions() -> set[str]:
    return set(_revisions(str(migrations_dir()))[1])


@cache
def _revisions(folder: str) -> tuple[str, frozenset[str]]:
    """(head, every revision) of the migration scripts in ``folder``: read once per process (a sync's
    few hundred milliseconds of loading them again and again)."""
    script = ScriptDirectory.from_config(alembic_config())
    head = script.get_current_head()
    assert head is not None
    return head, frozenset(rev.revision for rev in script.walk_revisions())


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def check_not_newer(revision: str | None) -> None:
    if revision is not None and revision not in known_revisions():
        raise StoreError(
            f"this store has schema revision {revision}, newer than this version of the app "
            f"understands (latest known: {head_revision()}). Install the newer app version; "
            "the store was not changed."
        )


def upgrade(connection: Connection, target: str = "head") -> None:
    before = current_revision(connection)
    command.upgrade(alembic_config(connection), target)
    after = current_revision(connection)
    if after != before:
        log.info("migrated the %s schema from %s to %s", connection.dialect.name, before or "empty", after)
