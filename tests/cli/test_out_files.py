"""Issue 11 part 5: every --out of the command line refuses a place it cannot write a file, the same way:
exit 3, a plain message, nothing written and nothing left behind (no .part)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sync.helpers import sqlite_dump

COMMANDS = {
    "export": ["export", "--out"],
    "labels": ["labels", "--out"],
    "report": ["report", "inventory", "--format", "csv", "--out"],
    "export-sync": ["export-sync", "--out"],
    "central enrol": ["central", "enrol", "--name", "Laptop A", "--out"],
}


def _targets(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    folder = tmp_path / "out-folder"
    folder.mkdir()
    a_file = tmp_path / "notes.txt"
    a_file.write_text("not a folder")
    return {
        "a folder": (folder, "is a folder"),
        "inside /proc": (Path("/proc/x.csv"), "cannot write"),
        "under a file": (a_file / "x.csv", "is a file, not a folder"),
        "a device": (Path("/dev/null"), "not a regular file"),
    }


def _listing(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if "home" not in p.parts)


@pytest.mark.parametrize("target", ["a folder", "inside /proc", "under a file", "a device"])
@pytest.mark.parametrize("command", list(COMMANDS))
def test_every_out_refuses_a_place_it_cannot_write_and_leaves_nothing(cli, store, store_path, tmp_path, command, target):
    out, says = _targets(tmp_path)[target]
    before, files = sqlite_dump(store_path), _listing(tmp_path)
    r = cli(*COMMANDS[command], str(out))
    assert r.code == 3, (command, target, r.out, r.err)
    assert says in r.err and "Traceback" not in r.err and "unexpected" not in r.err
    assert _listing(tmp_path) == files  # no .part, no probe, no folder made
    assert sqlite_dump(store_path) == before
