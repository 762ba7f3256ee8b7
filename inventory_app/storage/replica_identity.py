"""A new replica identity for a store that went back in time (a restored backup, an old copy of the file).

Central has seen this replica's change numbers and pull position up to some point. A store restored to an
earlier state would hand out the same outbox numbers again (central skips them as "already there": the
new edits never arrive) and would skip central's copies of its own later edits as "mine" (they never come
back). So such a store becomes a new replica: a new replica id, a new signing key (made on first use;
online sync enrols it, sync files need a new enrolment file), and no pull cursor or acknowledgements, so
it pulls everything again (its own earlier edits included) and offers its unsent changes under the new id.
The deployment and central's identity (the trust anchors) stay.

Plain SQL through an ``execute(sql, params)`` callable, so it runs on a sqlite3 connection (restoring a
backup) and in a SQLAlchemy session (sync finding the store is older than central knows) alike.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

# sync_state entries that name central, not this replica's progress: kept.
TRUST_ANCHORS = ("central_replica_id", "central_public_key")

Execute = Callable[[str, dict[str, Any]], Any]


def renew_identity(execute: Execute) -> str:
    """Give the store a new replica id and forget its sync progress; returns the new id."""
    new_id = str(uuid.uuid4())
    execute("UPDATE replica_state SET replica_id = :new", {"new": new_id})
    columns = {row[1] for row in execute("PRAGMA table_info(replica_state)", {})}
    if "signing_key" in columns:
        execute("UPDATE replica_state SET signing_key = NULL", {})
    tables = {row[0] for row in execute("SELECT name FROM sqlite_master WHERE type = 'table'", {})}
    if "sync_state" in tables:
        execute("DELETE FROM sync_state WHERE key NOT IN (:a, :b)", {"a": TRUST_ANCHORS[0], "b": TRUST_ANCHORS[1]})
    return new_id


__all__ = ["TRUST_ANCHORS", "renew_identity"]
