"""Six laptops (processes) syncing at once against one central: all converge, no error reaches a laptop.

The same run as ``benchmarks/sync_many.py`` (40 laptops there), made small for CI.
"""

from __future__ import annotations

import pytest

from benchmarks.sync_many import run
from tests.support import pg_admin_url

pytestmark = pytest.mark.postgres


def test_six_laptops_syncing_at_once_converge_without_errors(pg_url, tmp_path):
    summary = run(pg_admin_url(), laptops=6, rounds=2, edits=8, devices=200, folder=tmp_path, echo=False)
    assert summary["errors"] == []
    assert summary["diverged"] == []
    # Every edit reached central; each new device and each edit that won is in central's log.
    assert summary["pushed"] == 6 * 2 * (8 + 1)
    assert 6 * 2 <= summary["changes_at_central"] <= summary["pushed"]


class _Busy(Exception):
    def __init__(self, sqlstate: str) -> None:
        super().__init__(f"central busy ({sqlstate})")
        self.sqlstate = sqlstate


def _refusal(sqlstate: str):  # type: ignore[no-untyped-def]
    from sqlalchemy.exc import OperationalError

    return OperationalError("SELECT 1", {}, _Busy(sqlstate))


def test_a_deadlock_or_serialization_failure_is_retried_silently_and_boundedly():
    from inventory_app.sync.online import RETRIES, SyncReport, with_retries

    calls: list[int] = []

    def flaky() -> SyncReport:
        calls.append(1)
        if len(calls) < 3:
            raise _refusal("40P01" if len(calls) == 1 else "40001")
        return SyncReport(pushed=5)

    assert with_retries(flaky, pause=lambda s: None).pushed == 5
    assert len(calls) == 3

    calls.clear()

    def always_busy() -> SyncReport:
        calls.append(1)
        raise _refusal("40001")

    with pytest.raises(Exception, match="busy"):
        with_retries(always_busy, pause=lambda s: None)
    assert len(calls) == RETRIES  # bounded

    calls.clear()

    def broken() -> SyncReport:
        calls.append(1)
        raise _refusal("23505")  # not transient: reported at once

    with pytest.raises(Exception, match="busy"):
        with_retries(broken, pause=lambda s: None)
    assert len(calls) == 1
