"""Stores already in the field: one at every earlier schema revision, with real rows, upgraded to head.

New migration? Nothing to add here: its predecessor becomes one more case. If it needs rows the reference
store does not have, add them in upgrade_harness.reference_store.
"""

from __future__ import annotations

import pytest

from tests.storage.upgrade_harness import build_at_revision, check_upgraded, reference_store, revisions_before_head

REVISIONS = revisions_before_head()


@pytest.fixture(scope="module")
def reference_rows(tmp_path_factory):  # type: ignore[no-untyped-def]
    return reference_store(tmp_path_factory.mktemp("reference") / "reference.sqlite")


def test_there_are_earlier_revisions_to_upgrade_from():
    assert REVISIONS[0] == "0001" and len(REVISIONS) >= 4


@pytest.mark.parametrize("revision", REVISIONS)
def test_a_sqlite_store_upgrades_with_every_row_the_outbox_and_search(revision, reference_rows, tmp_path):
    path = tmp_path / "field.sqlite"
    columns = build_at_revision(path, revision, reference_rows)
    check_upgraded(path, revision, reference_rows, columns)
    # The upgrade made its backup first, at the old revision.
    backups = list((tmp_path / "backups").glob("*before-migration*.sqlite"))
    assert len(backups) == 1


@pytest.mark.postgres
@pytest.mark.parametrize("revision", REVISIONS)
def test_a_postgresql_central_upgrades_with_every_row_and_the_outbox(revision, reference_rows, pg_url):
    columns = build_at_revision(pg_url, revision, reference_rows)
    check_upgraded(pg_url, revision, reference_rows, columns)
