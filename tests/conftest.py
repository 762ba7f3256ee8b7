"""Shared fixtures. Qt runs offscreen unless --onscreen is given; every test gets its own folders."""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.support import throwaway_pg_database

# Offscreen, on a screen the size of the auditors' laptops (Qt's default offscreen screen is 800x600).
os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={Path(__file__).with_name('offscreen_screen.json')}")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--onscreen", action="store_true", help="show Qt windows instead of offscreen")


def pytest_configure(config: pytest.Config) -> None:
    if config.getoption("--onscreen"):
        os.environ["QT_QPA_PLATFORM"] = "xcb"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test touches the real user folders or an INVENTORY_DB from the environment."""
    home = tmp_path / "home"
    monkeypatch.setenv("INVENTORY_HOME", str(home))
    monkeypatch.delenv("INVENTORY_DB", raising=False)
    return home


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "store.sqlite"


@pytest.fixture
def store(store_path: Path):  # type: ignore[no-untyped-def]
    from inventory_app.storage.store import Store

    s = Store.open(store_path)
    yield s
    s.close()


@dataclass
class CliResult:
    code: int
    out: str
    err: str

    def json(self):  # type: ignore[no-untyped-def]
        import json

        return json.loads(self.out)


@pytest.fixture
def cli(store_path: Path):  # type: ignore[no-untyped-def]
    """Run a command in-process against the test's store: ``cli("device", "show", tag)``."""
    from inventory_app.app import main

    def run(*args: str, db: str | None = None) -> CliResult:
        out, err = io.StringIO(), io.StringIO()
        with redirect_stdout(out), redirect_stderr(err):
            try:
                code = main(["--db", db or str(store_path), *args])
            except SystemExit as exc:  # argparse usage errors
                code = int(exc.code or 0)
        return CliResult(code, out.getvalue(), err.getvalue())

    return run


# ---- PostgreSQL ----------------------------------------------------------------------------------


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A throwaway PostgreSQL database; skipped locally when no server answers, a failure in CI."""
    with throwaway_pg_database() as url:
        yield url
