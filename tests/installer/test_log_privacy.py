"""The log file never holds credentials or personal data."""

from __future__ import annotations

import logging

import pytest

from inventory_app.app import setup_logging
from inventory_app.maintenance.log_privacy import mask
from inventory_app.paths import UserPaths


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("cannot reach postgresql://inventory:S3cret!pw@db.city.fi:5432/central", "S3cret!pw"),
        ("cannot reach postgresql+psycopg://anna.k@db.city.fi/central", "anna.k"),
        ("conninfo host=db password=hunter22 user=anna", "hunter22"),
        ("conninfo host=db password=hunter22 user=anna", "user=anna"),
        ('FATAL:  password authentication failed for user "anna.k"', "anna.k"),
        ("config {'central_url': 'x', \"token\": \"abc123def\"}", "abc123def"),
        ("PGPASSWORD=topsecret psql", "topsecret"),
        ("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.payload.sig", "eyJhbGciOiJIUzI1NiJ9"),
        ("assigned to matti.meikalainen@edu.city.fi", "matti.meikalainen"),
        ("note: owner 131052-308T", "131052-308T"),
    ],
)
def test_mask_removes_the_secret(text, secret):
    masked = mask(text)
    assert secret not in masked
    assert "***" in masked


def test_mask_leaves_ordinary_text_alone():
    text = "scanned HKI0012376 in room A203 at KOI16 (found); 4 changes pending; sqlite:///C:/x/inventory.sqlite"
    assert mask(text) == text


def test_the_log_file_holds_no_password_even_in_a_traceback(tmp_path):
    paths = UserPaths.under(tmp_path / "home")
    root = logging.getLogger("inventory_app")
    saved = list(root.handlers)
    for old in saved:  # earlier tests' CLI runs left handlers pointing at their own folders
        root.removeHandler(old)
    try:
        setup_logging(paths)
        child = logging.getLogger("inventory_app.sync.central")  # propagates to the handler
        child.info("connecting to %s", "postgresql://sync:pa55word@central/inv")
        try:
            raise ConnectionError("postgresql://sync:pa55word@central/inv refused")
        except ConnectionError:
            child.exception("sync failed for %s", "kaisa@school.fi")
        for h in root.handlers:
            h.flush()
        text = (paths.log_dir / "inventory.log").read_text(encoding="utf-8")
    finally:
        for h in list(root.handlers):
            root.removeHandler(h)
            h.close()
        for old in saved:
            root.addHandler(old)
    assert "connecting to postgresql://***@central/inv" in text
    assert "ConnectionError" in text and "Traceback" in text  # the details are still there
    assert "pa55word" not in text and "kaisa" not in text and "sync:" not in text
