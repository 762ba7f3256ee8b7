"""Sync files end to end through the command line, and every way a file is refused."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from inventory_app.core.identifiers import make_tag
from inventory_app.storage.store import Store
from inventory_app.sync import keys
from inventory_app.sync.replica import ReplicaSync
from tests.support import dump
from tests.sync.central_files import PaperCentral, enrolled_laptop, school_changes
from tests.sync.helpers import forge_zip, pg_dump_rows, read_zip, reseal, run_cli, seed_site

# Two sides. Whatever a laptop checks by itself (the zip, the signature, the hashes, the records) is tested on
# a laptop store (SQLite) with a file signed by a central made of keys in Python: no server needed. What only
# central can check (its enrolled keys, their binding to laptops, its ledgers) needs central on PostgreSQL;
# those tests carry the ``postgres`` mark and skip without a server, except in CI (CI=true), where they fail.


def _build(cli, pg_url: str, tmp_path: Path) -> dict:  # type: ignore[no-untyped-def,type-arg]
    """Central with a site, laptop A enrolled by file with two new devices, and A's export."""
    assert cli("central", "init", "--db", pg_url).code == 0
    central = Store.open(pg_url)
    seed_site(central)
    central.close()
    enrol = tmp_path / "a-enrol.json"
    assert cli("central", "enrol", "--name", "Laptop A", "--out", str(enrol), db=pg_url).code == 0
    a_db = str(tmp_path / "a.sqlite")
    assert cli("enrol", str(enrol), db=a_db).code == 0
    # A fetches central's snapshot by file first.
    snap = tmp_path / "to-a-0.zip"
    r = cli("export-sync", "--for", "Laptop A", "--out", str(snap), "--json", db=pg_url)
    assert r.code == 0, r.err
    assert r.json()["kind"] == "central-snapshot"
    assert cli("import-sync", str(snap), db=a_db).code == 0
    for n in (1, 2):
        assert (
            cli(
                "device",
                "add",
                "--tag",
                make_tag("HKI", n),
                "--category",
                "pupil_laptop",
                "--site",
                "KOU01",
                "--room",
                "A101",
                "--serial",
                f"SN{n}",
                db=a_db,
            ).code
            == 0
        )
    out = tmp_path / "from-a-1.zip"
    r = cli("export-sync", "--out", str(out), "--json", db=a_db)
    assert r.code == 0, r.err
    # Laptop F is enrolled too (its key is bound to its own replica id from the start).
    enrol_b = tmp_path / "b-enrol.json"
    assert cli("central", "enrol", "--name", "Laptop F", "--out", str(enrol_b), db=pg_url).code == 0
    return {
        "pg": pg_url,
        "a": a_db,
        "file": out,
        "tmp": tmp_path,
        "enrol": enrol,
        "enrol_b": enrol_b,
        "key": _laptop_key(a_db),
    }


def _build_laptop(tmp_path: Path) -> dict:  # type: ignore[type-arg]
    """Laptops A and B (SQLite) enrolled by file with a central that has no server; B added a site, a room and
    two devices; central's first file for A carries them (A has not imported it); A's own (empty) export and
    B's export (its five changes) too."""
    central = PaperCentral()
    a_db, a_doc = enrolled_laptop(central, "Laptop A", tmp_path)
    b_db, _ = enrolled_laptop(central, "Laptop B", tmp_path)
    good = tmp_path / "to-a-0.zip"
    central.snapshot_file(good, school_changes(b_db), target_replica=a_doc["replica_id"])
    own = tmp_path / "from-a-0.zip"
    assert run_cli("export-sync", "--out", str(own), db=a_db).code == 0
    from_b = tmp_path / "from-b-1.zip"
    assert run_cli("export-sync", "--out", str(from_b), db=b_db).code == 0
    # The good file passes every check at A: a refusal below is the mutation's doing.
    r = run_cli("import-sync", str(good), "--preview", "--json", db=a_db)
    assert r.code == 0, r.err
    assert r.json()["changes"] == 5
    return {
        "a": a_db,
        "file": good,
        "own": own,
        "b": b_db,
        "from_b": from_b,
        "tmp": tmp_path,
        "key": central.private_key,
    }


@pytest.fixture
def setup(cli, pg_url, tmp_path):  # type: ignore[no-untyped-def]
    return _build(cli, pg_url, tmp_path)


@pytest.fixture(scope="module")
def shared(module_pg_url, tmp_path_factory):  # type: ignore[no-untyped-def]
    """The same, built once for the tests that must not change it (every refusal)."""
    return _build(run_cli, module_pg_url, tmp_path_factory.mktemp("shared"))


@pytest.fixture(scope="module")
def laptop(module_home, tmp_path_factory):  # type: ignore[no-untyped-def]
    """The laptop side, built once for the tests that must not change it (every refusal); no PostgreSQL."""
    return _build_laptop(tmp_path_factory.mktemp("laptop"))


@pytest.mark.postgres
def test_a_laptop_file_imports_at_central_once_and_comes_back_acknowledged(cli, setup):
    pg, a_db, f = setup["pg"], setup["a"], setup["file"]
    r = cli("import-sync", str(f), "--json", db=pg)
    assert r.code == 0, r.err
    assert r.json()["applied"] == 2
    before = pg_dump_rows(pg)
    again = cli("import-sync", str(f), "--json", db=pg)
    assert again.code == 0 and again.json()["applied"] == 0
    assert pg_dump_rows(pg) == before  # importing twice changes nothing
    r = cli("device", "show", make_tag("HKI", 1), "--json", db=pg)
    assert r.json()["room"] == "A101"
    # Central's answer acknowledges A's changes: A has nothing pending afterwards.
    back = setup["tmp"] / "to-a-1.zip"
    assert cli("export-sync", "--for", "Laptop A", "--out", str(back), db=pg).code == 0
    assert cli("import-sync", str(back), db=a_db).code == 0
    assert json.loads(cli("init", "--json", db=a_db).out)["pending_changes"] == 0


@pytest.mark.postgres
def test_a_second_laptop_gets_the_first_ones_devices_by_file(cli, setup):
    pg, f, tmp = setup["pg"], setup["file"], setup["tmp"]
    assert cli("import-sync", str(f), db=pg).code == 0
    enrol_b = tmp / "b-enrol.json"
    assert cli("central", "enrol", "--name", "Laptop B", "--out", str(enrol_b), db=pg).code == 0
    b_db = str(tmp / "b.sqlite")
    assert cli("enrol", str(enrol_b), db=b_db).code == 0
    to_b = tmp / "to-b.zip"
    assert cli("export-sync", "--for", "Laptop B", "--out", str(to_b), db=pg).code == 0
    assert cli("import-sync", str(to_b), db=b_db).code == 0
    assert cli("device", "show", make_tag("HKI", 2), "--json", db=b_db).json()["serial"] == "SN2"
    # A file made for B is refused at A.
    before = dump(setup["a"])
    r = cli("import-sync", str(to_b), db=setup["a"])
    assert r.code == 3 and "another laptop" in r.err
    assert dump(setup["a"]) == before


# -- the table of refusals ----------------------------------------------------------------------------------


def _laptop_key(a_db: str) -> str:
    store = Store.open(a_db)
    try:
        return ReplicaSync(store).private_key()
    finally:
        store.close()


def _mutate(case: str, setup: dict) -> Path:  # type: ignore[type-arg]
    """Make the bad file for ``case`` from a good file (A's export to central, or central's file for A);
    ``setup["key"]`` is the key that signed it (the forger's key where the case reseals)."""
    good = read_zip(setup["file"])
    manifest = json.loads(good["manifest.json"])
    body = good["changes.ndjson"]
    key = setup["key"]
    out = setup["tmp"] / f"bad-{case}.zip"
    lines = body.splitlines(keepends=True)
    if case == "not_a_zip":
        out.write_text("hello, this is not a zip")
    elif case == "truncated_zip":
        data = setup["file"].read_bytes()
        out.write_bytes(data[: len(data) // 2])
    elif case == "traversal_path":
        forge_zip(out, [*good.items(), ("../../evil.txt", b"x")])
    elif case == "absolute_path":
        forge_zip(out, [*good.items(), ("/etc/evil", b"x")])
    elif case == "symlink_member":
        forge_zip(
            out,
            [
                ("manifest.json", good["manifest.json"]),
                ("manifest.sig", good["manifest.sig"]),
                ("changes.ndjson", b"/etc/passwd"),
            ],
            symlink="changes.ndjson",
        )
    elif case == "zip_bomb":
        forge_zip(
            out,
            [
                ("manifest.json", good["manifest.json"]),
                ("manifest.sig", good["manifest.sig"]),
                ("changes.ndjson", b"\n" * (20 << 20)),
            ],
        )
    elif case == "missing_member":
        forge_zip(out, [("manifest.json", good["manifest.json"]), ("changes.ndjson", body)])
    elif case == "extra_member":
        forge_zip(out, [*good.items(), ("notes.txt", b"hi")])
    elif case == "duplicate_member":
        with pytest.warns(UserWarning, match="Duplicate name"):
            forge_zip(out, [*good.items(), ("changes.ndjson", body)])
    elif case == "altered_changes":
        forge_zip(
            out,
            [
                ("manifest.json", good["manifest.json"]),
                ("manifest.sig", good["manifest.sig"]),
                ("changes.ndjson", body.replace(b"A101", b"A102").replace(b"SN1", b"SN9")),
            ],
        )
    elif case == "truncated_changes":
        forge_zip(
            out,
            [
                ("manifest.json", good["manifest.json"]),
                ("manifest.sig", good["manifest.sig"]),
                ("changes.ndjson", b"".join(lines[:-1])),
            ],
        )
    elif case == "altered_manifest":
        manifest["counts"]["changes"] += 1
        manifest["ranges"]["acked_through"] = 0
        # Change the last character to one it is not (a fixed "0" left it unchanged 1 time in 16).
        # (Not the source: a file claiming another laptop is refused before its signature is checked.)
        last = manifest["file_id"][-1]
        manifest["file_id"] = manifest["file_id"][:-1] + ("1" if last == "0" else "0")
        forge_zip(
            out,
            [
                ("manifest.json", json.dumps(manifest, indent=1, sort_keys=True).encode()),
                ("manifest.sig", good["manifest.sig"]),
                ("changes.ndjson", body),
            ],
        )
    elif case == "bad_signature":
        forge_zip(
            out, [("manifest.json", good["manifest.json"]), ("manifest.sig", bytes(64)), ("changes.ndjson", body)]
        )
    elif case == "unknown_signer":
        forge_zip(
            out,
            reseal(
                {**manifest, "key_id": keys.key_id(keys.public_key_of(keys.new_private_key()))},
                body,
                keys.new_private_key(),
            ),
        )
    elif case == "other_laptops_key":
        # Laptop F signs a file that claims to come from A (and far ahead of A's real changes).
        b_key = json.loads(setup["enrol_b"].read_text())["private_key"]
        far = [json.dumps({**json.loads(line), "seq": 10**9 + n}).encode() + b"\n" for n, line in enumerate(lines)]
        forged = {
            **manifest,
            "key_id": keys.key_id(keys.public_key_of(b_key)),
            "ranges": {**manifest["ranges"], "outbox_seq": [10**9, 10**9 + len(lines) - 1]},
        }
        forge_zip(out, reseal(forged, b"".join(far), b_key))
    elif case == "wrong_deployment":
        forge_zip(out, reseal({**manifest, "deployment_id": "00000000-0000-4000-8000-000000000000"}, body, key))
    elif case == "newer_format":
        forge_zip(out, reseal({**manifest, "format_version": 99}, body, key))
    elif case == "newer_schema":
        forge_zip(out, reseal({**manifest, "schema_revision": "9999_future"}, body, key))
    elif case in ("malformed_json", "unknown_field", "wrong_type", "bad_stamp", "unknown_table", "forged_origin"):
        rec = json.loads(lines[-1])
        if case == "malformed_json":
            bad = b'{"t": "devices", "id": '
        else:
            if case == "unknown_field":
                rec["v"]["password"] = "x"
            elif case == "wrong_type":
                rec["v"]["purchase_price_cents"] = "lots"
            elif case == "bad_stamp":
                rec["s"] = {"*": "yesterday"}
            elif case == "unknown_table":
                rec["t"] = "users"
            elif case == "forged_origin":
                rec["o"] = "someone-else"
            bad = json.dumps(rec).encode()
        forge_zip(out, reseal(manifest, b"".join(lines[:-1]) + bad + b"\n", key))
    elif case == "gap":
        forge_zip(
            out, reseal({**manifest, "ranges": {**manifest["ranges"], "acked_through": 1}}, b"".join(lines[1:]), key)
        )
    else:
        raise AssertionError(case)
    return out


# Checked by a laptop by itself: run on a laptop store with a central-signed file, no server needed.
LAPTOP_REFUSALS = [
    ("not_a_zip", "not a complete zip"),
    ("truncated_zip", "not a complete zip"),
    ("traversal_path", "outside its folder"),
    ("absolute_path", "outside its folder"),
    ("symlink_member", "link"),
    ("zip_bomb", "zip bomb"),
    ("missing_member", "missing"),
    ("extra_member", "unexpected member"),
    ("duplicate_member", "twice"),
    ("altered_changes", "do not match the signed manifest"),
    ("truncated_changes", "do not match the signed manifest"),
    ("altered_manifest", "signature does not match"),
    ("bad_signature", "signature does not match"),
    ("wrong_deployment", "another deployment"),
    ("newer_format", "newer version of the app"),
    ("newer_schema", "newer database schema"),
    ("malformed_json", "not valid JSON"),
    ("unknown_field", "has no field"),
    ("wrong_type", "whole number"),
    ("bad_stamp", "not a valid change stamp"),
    ("unknown_table", "unknown table"),
]

# Only central can tell: which keys it enrolled, which laptop each is bound to, how far its ledger of a laptop
# goes, and whether a laptop's records claim its own origin (a laptop refuses a laptop's file before that).
CENTRAL_REFUSALS = [
    ("unknown_signer", "not enrolled"),
    ("other_laptops_key", "claims to come from another laptop"),
    ("forged_origin", "another origin"),
    ("gap", "import that laptop's earlier file first"),
]


@pytest.mark.parametrize(("case", "reason"), LAPTOP_REFUSALS, ids=[c for c, _ in LAPTOP_REFUSALS])
def test_a_bad_file_is_refused_at_a_laptop_and_changes_nothing(cli, laptop, case, reason):
    bad = _mutate(case, laptop)
    before = dump(laptop["a"])
    r = cli("import-sync", str(bad), db=laptop["a"])
    assert r.code == 3, (r.out, r.err)
    assert reason in r.err
    assert "Nothing was imported" in r.err
    assert dump(laptop["a"]) == before


@pytest.mark.postgres
@pytest.mark.parametrize(("case", "reason"), CENTRAL_REFUSALS, ids=[c for c, _ in CENTRAL_REFUSALS])
def test_a_bad_file_is_refused_at_central_and_changes_nothing(cli, shared, case, reason):
    setup = shared
    bad = _mutate(case, setup)
    before = pg_dump_rows(setup["pg"])
    r = cli("import-sync", str(bad), db=setup["pg"])
    assert r.code == 3, (r.out, r.err)
    assert reason in r.err
    assert "Nothing was imported" in r.err
    assert pg_dump_rows(setup["pg"]) == before


def test_oversize_member_is_refused(cli, laptop, monkeypatch):
    from functools import partial

    from inventory_app.sync import files, service

    monkeypatch.setattr(service, "Limits", partial(files.Limits, changes_bytes=100))
    before = dump(laptop["a"])
    r = cli("import-sync", str(laptop["file"]), db=laptop["a"])
    assert r.code == 3 and "larger than allowed" in r.err
    assert dump(laptop["a"]) == before


@pytest.mark.parametrize("case", ["altered_changes", "newer_format", "laptop_file"])
def test_a_bad_central_file_is_refused_at_a_laptop_byte_for_byte(cli, laptop, case):
    a_db, tmp = laptop["a"], laptop["tmp"]
    members = read_zip(laptop["file"])
    bad = tmp / f"bad-central-{case}.zip"
    if case == "altered_changes":
        forge_zip(bad, [(n, d + b"{}\n" if n == "changes.ndjson" else d) for n, d in members.items()])
    elif case == "newer_format":
        m = json.loads(members["manifest.json"])
        m["format_version"] = 2
        forge_zip(
            bad,
            [
                ("manifest.json", json.dumps(m).encode()),
                ("manifest.sig", members["manifest.sig"]),
                ("changes.ndjson", members["changes.ndjson"]),
            ],
        )
    else:
        bad = laptop["own"]  # a laptop's own file is for central, not for a laptop
    before = dump(a_db)
    r = cli("import-sync", str(bad), db=a_db)
    assert r.code == 3 and "Nothing was imported" in r.err
    assert dump(a_db) == before


@pytest.mark.postgres
def test_preview_verifies_without_applying(cli, shared):
    setup = shared
    before = pg_dump_rows(setup["pg"])
    r = cli("import-sync", str(setup["file"]), "--preview", "--json", db=setup["pg"])
    assert r.code == 0 and r.json()["changes"] >= 2 and r.json()["preview"] is True
    assert pg_dump_rows(setup["pg"]) == before


def test_export_file_carries_no_secrets(laptop):
    """A laptop's export with devices in it (B's, made without a server)."""
    members = read_zip(laptop["from_b"])
    text = b"".join(members.values())
    assert json.loads(members["manifest.json"])["counts"]["changes"] == 5
    private = _laptop_key(laptop["b"])
    assert private.encode() not in text
    assert b"password" not in text.lower()
    assert set(members) == {"manifest.json", "manifest.sig", "changes.ndjson"}
    assert zipfile.ZipFile(io.BytesIO(laptop["from_b"].read_bytes())).testzip() is None


def _lying_zip(out: Path, setup: dict, *, declared: int = 1024, inflated: int = 600 << 20) -> None:  # type: ignore[type-arg]
    """A validly signed file whose changes member declares ``declared`` bytes but inflates to ``inflated``."""
    import struct

    good = read_zip(setup["file"])
    manifest = json.loads(good["manifest.json"])
    members = dict(reseal(manifest, b"\n" * declared, setup["key"]))
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("manifest.json", members["manifest.json"])
        zf.writestr("manifest.sig", members["manifest.sig"])
        with zf.open("changes.ndjson", "w") as fh:
            block = b"\n" * (1 << 20)
            for _ in range(inflated >> 20):
                fh.write(block)
    data = bytearray(out.read_bytes())
    with zipfile.ZipFile(out) as zf:
        info = zf.getinfo("changes.ndjson")
    local = info.header_offset
    assert data[local : local + 4] == b"PK\x03\x04"
    struct.pack_into("<I", data, local + 22, declared)  # uncompressed size in the local header
    entry = data.index(b"PK\x01\x02", local + 30)  # the central directory follows the members
    while data[entry + 46 : entry + 46 + struct.unpack_from("<H", data, entry + 28)[0]] != b"changes.ndjson":
        entry = data.index(b"PK\x01\x02", entry + 4)
    struct.pack_into("<I", data, entry + 24, declared)  # ... and in its central directory entry
    out.write_bytes(bytes(data))
    with zipfile.ZipFile(out) as zf:
        assert zf.getinfo("changes.ndjson").file_size == declared


def _peak_rss_mb(*args: str) -> tuple[int, float, str]:
    """Run the CLI in a fresh interpreter; return its exit code, peak resident memory (MB) and stderr."""
    import subprocess
    import sys

    code = (
        "import resource, sys\nfrom inventory_app.app import main\ncode = main(sys.argv[1:])\n"
        "print('PEAK', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\nsys.exit(code)"
    )
    root = Path(__file__).resolve().parents[2]
    r = subprocess.run([sys.executable, "-c", code, *args], cwd=root, capture_output=True, text=True, timeout=300)
    peak = [line for line in r.stderr.splitlines() if line.startswith("PEAK ")][-1]
    return r.returncode, int(peak.split()[1]) / 1024, r.stderr


def test_a_member_that_lies_about_its_size_is_refused_in_bounded_memory(laptop):
    """Declares 1 KB, inflates to 600 MB: refused after reading at most the declared size."""
    setup = laptop
    bad = setup["tmp"] / "lying-size.zip"
    _lying_zip(bad, setup)
    before = dump(setup["a"])
    code, peak_mb, err = _peak_rss_mb("--db", setup["a"], "import-sync", str(bad))
    assert code == 3, err
    assert "Nothing was imported" in err
    assert dump(setup["a"]) == before
    normal_code, normal_mb, normal_err = _peak_rss_mb(
        "--db", setup["a"], "import-sync", "--preview", str(setup["file"])
    )
    assert normal_code == 0, normal_err
    print(f"peak RSS: lying member {peak_mb:.0f} MB, normal preview {normal_mb:.0f} MB")
    # Near a normal import (the member inflates to 600 MB: reading it whole would add that much at least).
    # The absolute figure depends on the interpreter's surroundings (165 MB alone, more inside the full suite).
    assert peak_mb < normal_mb + 50, f"peak {peak_mb:.0f} MB (a normal import: {normal_mb:.0f} MB)"
    assert peak_mb < 1000
