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
def test_every_out_refuses_a_place_it_cannot_write_and_leaves_nothing(
    cli, store, store_path, tmp_path, command, target
):
    out, says = _targets(tmp_path)[target]
    before, files = sqlite_dump(store_path), _listing(tmp_path)
    r = cli(*COMMANDS[command], str(out))
    assert r.code == 3, (command, target, r.out, r.err)
    assert says in r.err and "Traceback" not in r.err and "unexpected" not in r.err
    assert _listing(tmp_path) == files  # no .part, no probe, no folder made
    assert sqlite_dump(store_path) == before


def test_a_report_that_fails_half_way_leaves_the_earlier_file_and_no_part(cli, store, tmp_path, monkeypatch):
    from inventory_app.core.identifiers import make_tag
    from inventory_app.inventory.service import InventoryService
    from tests.sync.helpers import seed_site

    seed_site(store)
    for n in range(1, 4):
        InventoryService(store).add(tag=make_tag("HKI", n), category="pupil_laptop", site="KOU01", room="A101")
    out = tmp_path / "report.csv"
    assert cli("report", "inventory", "--format", "csv", "--out", str(out)).code == 0
    earlier = out.read_bytes()
    calls = []

    def failing(value):  # type: ignore[no-untyped-def]
        calls.append(value)
        if len(calls) > 2:
            raise OSError(28, "No space left on device")
        return "" if value is None else str(value)

    monkeypatch.setattr("inventory_app.reports.export.csv_value", failing)
    r = cli("report", "inventory", "--format", "csv", "--out", str(out))
    assert r.code == 3 and "No space left on device" in r.err
    assert out.read_bytes() == earlier
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("report")) == ["report.csv"]
