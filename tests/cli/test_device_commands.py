"""The command line as an admin or a script uses it, including every rejected input."""

import pytest

from inventory_app.core.identifiers import make_tag
from tests.support import dump

TAG = make_tag("LPR", 900001)  # the demo city is Lappeenranta: its own tags sort before this one


@pytest.fixture
def city(cli, store_path):
    result = cli("demo", "--devices", "300", "--seed", "7", "--as-of", "2026-11-01", "--json")
    assert result.code == 0, result.err
    return result.json()


@pytest.fixture
def site(cli, city):
    sites = cli("site", "list", "--json").json()
    return next(s for s in sites if s["kind"] == "comprehensive")


@pytest.fixture
def added(cli, site):
    result = cli(
        "device",
        "add",
        "--tag",
        TAG,
        "--category",
        "pupil_laptop",
        "--site",
        site["code"],
        "--room",
        "A101",
        "--serial",
        "PF-12 34",
        "--model",
        "Lenovo ThinkPad 11e",
        "--purchase-price",
        "1 234,50 €",
        "--purchase-date",
        "1.8.2024",
        "--json",
    )
    assert result.code == 0, result.err
    return result.json()


def test_init_reports_the_revision(cli):
    result = cli("init", "--json")
    assert result.code == 0
    from inventory_app.storage.migrations import head_revision

    assert result.json()["revision"] == head_revision()


def test_site_list_has_every_kind_with_populations(cli, city):
    sites = cli("site", "list", "--json").json()
    assert len(sites) == city["sites"] == 26
    # Lappeenranta's basic education is in 1-9 comprehensive and 1-6 primary schools: no separate lower secondary.
    assert {s["kind"] for s in sites} == {"early_childhood", "primary", "comprehensive", "upper_secondary", "other"}
    for key in ("id", "name", "area", "kind", "pupils", "staff", "classrooms"):
        assert key in sites[0]
    school = next(s for s in sites if s["kind"] == "comprehensive")
    assert school["pupils"] > 100 and school["classrooms"] > 5


def test_added_device_has_the_documented_json(added, site):
    for key in (
        "id",
        "asset_tag",
        "serial",
        "identifiers",
        "category",
        "group",
        "model",
        "manufacturer",
        "area",
        "site",
        "room",
        "status",
        "condition",
        "ownership",
        "purchase_date",
        "purchase_price",
        "expected_lifetime_years",
        "lease_monthly_fee",
        "lease_end",
        "contract",
        "last_seen",
        "notes",
    ):
        assert key in added
    assert added["asset_tag"] == TAG
    assert (added["category"], added["group"], added["room"]) == ("pupil_laptop", "pupil", "A101")
    assert (added["model"], added["manufacturer"]) == ("ThinkPad 11e", "Lenovo")
    assert added["purchase_price"] == 1234.5 and added["purchase_date"] == "2024-08-01"
    assert added["site"] == site["name"]


@pytest.mark.parametrize("ident", [TAG, TAG.lower(), "pf1234", "PF-12 34"])
def test_any_identifier_finds_the_device(cli, added, ident):
    result = cli("device", "show", ident, "--json")
    assert result.code == 0, result.err
    assert result.json()["id"] == added["id"]


def test_device_set_changes_fields(cli, added):
    result = cli("device", "set", TAG, "status=broken", "condition=poor", "room=A102", "notes=screen cracked", "--json")
    assert result.code == 0, result.err
    data = result.json()
    assert (data["status"], data["condition"], data["room"], data["notes"]) == (
        "broken",
        "poor",
        "A102",
        "screen cracked",
    )


def test_bulk_set_from_file_changes_all_in_one_step(cli, added, tmp_path):
    others = cli("device", "list", "--json", "--limit", "3").json()
    idents = tmp_path / "idents.txt"
    idents.write_text("\n".join([TAG, *(d["asset_tag"] for d in others), "# a comment", ""]))
    result = cli("device", "set", "--from-file", str(idents), "status=spare", "--json")
    assert result.code == 0, result.err
    assert result.json() == {"changed": 4}
    for d in others:
        assert cli("device", "show", d["asset_tag"], "--json").json()["status"] == "spare"


def test_device_list_filters_by_site_and_search(cli, added, site):
    listed = cli("device", "list", "--site", site["code"], "--search", "pf12", "--json").json()
    assert [d["asset_tag"] for d in listed] == [TAG]
    by_room = cli("device", "list", "--site", site["code"], "--search", "a101", "--json").json()
    assert TAG in {d["asset_tag"] for d in by_room}


REJECTIONS = [
    (
        "wrong check character",
        [
            "device",
            "add",
            "--tag",
            TAG[:-1] + ("A" if TAG[-1] != "A" else "B"),
            "--category",
            "tablet",
            "--site",
            "{site}",
        ],
        "check character",
    ),
    (
        "unknown site",
        ["device", "add", "--tag", make_tag("LPR", 900002), "--category", "tablet", "--site", "Nowhere"],
        "no site",
    ),
    (
        "unknown room",
        [
            "device",
            "add",
            "--tag",
            make_tag("LPR", 900002),
            "--category",
            "tablet",
            "--site",
            "{site}",
            "--room",
            "Z999",
        ],
        "no room",
    ),
    (
        "unknown category",
        ["device", "add", "--tag", make_tag("LPR", 900002), "--category", "toaster", "--site", "{site}"],
        "no category",
    ),
    ("tag already used", ["device", "add", "--tag", TAG, "--category", "tablet", "--site", "{site}"], "already"),
    ("bad key", ["device", "set", TAG, "colour=red"], "unknown field"),
    ("bad status", ["device", "set", TAG, "status=melted"], "not a status"),
    ("bad room for set", ["device", "set", TAG, "room=Z999"], "no room"),
    ("bad price", ["device", "set", TAG, "purchase_price=lots"], "not a euro amount"),
    ("bad date", ["device", "set", TAG, "purchase_date=31.2.2024"], "not a date"),
    ("no such device", ["device", "set", "NOPE-404", "status=spare"], "no device"),
    ("not key=value", ["device", "set", TAG, "status"], "key=value"),
    (
        "half of a bulk list unknown",
        ["device", "set", "--from-file", "{bad_list}", "status=lost"],
        "nothing was changed",
    ),
]


@pytest.mark.parametrize(("why", "args", "message"), REJECTIONS, ids=[r[0] for r in REJECTIONS])
def test_rejected_input_exits_3_with_a_message_and_changes_nothing(
    cli, added, site, store_path, tmp_path, why, args, message
):
    bad_list = tmp_path / "bad.txt"
    bad_list.write_text(f"{TAG}\nNOT-A-DEVICE\n")
    args = [a.format(site=site["code"], bad_list=bad_list) for a in args]
    before = dump(store_path)
    result = cli(*args)
    assert result.code == 3, (result.out, result.err)
    assert message in result.err
    assert len(result.err.strip().splitlines()) == 1
    assert dump(store_path) == before


def test_usage_errors_exit_2(cli):
    assert cli("device", "add", "--tag", TAG).code == 2
    assert cli("no-such-command").code == 2


def test_a_corrupt_store_file_is_refused_with_exit_3(cli, tmp_path):
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"garbage" * 100)
    result = cli("init", db=str(bad))
    assert result.code == 3
    assert "not an inventory store" in result.err
    assert bad.read_bytes() == b"garbage" * 100


def test_an_unwritable_store_is_refused_with_exit_3(cli, tmp_path, store_path, added):
    import os

    if os.geteuid() == 0:
        # root ignores file permissions; use a path under a file instead of a folder
        result = cli("init", db=str(store_path / "inside-a-file.sqlite"))
    else:
        store_path.chmod(0o444)
        result = cli("init")
    assert result.code == 3, result.err
    assert "store" in result.err


def test_demo_is_deterministic_by_seed(cli, tmp_path):
    a = cli("demo", "--devices", "200", "--seed", "3", "--as-of", "2026-01-15", "--json", db=str(tmp_path / "a.sqlite"))
    b = cli("demo", "--devices", "200", "--seed", "3", "--as-of", "2026-01-15", "--json", db=str(tmp_path / "b.sqlite"))
    assert a.code == b.code == 0
    la = cli("device", "list", "--json", db=str(tmp_path / "a.sqlite")).json()
    lb = cli("device", "list", "--json", db=str(tmp_path / "b.sqlite")).json()
    assert la == lb and len(la) == 200


def test_demo_refuses_a_store_that_has_data(cli, city, store_path):
    before = dump(store_path)
    result = cli("demo", "--devices", "10")
    assert result.code == 3 and "already has sites" in result.err
    assert dump(store_path) == before


def test_demo_billing_file_has_planted_discrepancies(city):
    from pathlib import Path

    text = Path(city["billing_file"]).read_text(encoding="utf-8-sig")
    assert text.splitlines()[0] == "Laskutuskausi;Sopimus;Sarjanumero;Kustannuspaikka;Kuukausimaksu"
    assert city["planted_discrepancies"]["billed_not_found"] >= 1


def test_selftest_passes(cli):
    result = cli("selftest", "--json")
    assert result.code == 0, result.out + result.err
    assert result.json()["ok"] is True


@pytest.mark.postgres
def test_commands_work_against_postgresql(cli, pg_url):
    assert cli("init", db=pg_url).code == 0
    assert cli("demo", "--devices", "50", "--json", db=pg_url).code == 0
    sites = cli("site", "list", "--json", db=pg_url).json()
    code = sites[0]["code"]
    added = cli("device", "add", "--tag", TAG, "--category", "tablet", "--site", code, "--json", db=pg_url)
    assert added.code == 0, added.err
    assert cli("device", "show", TAG.lower(), "--json", db=pg_url).json()["asset_tag"] == TAG


def test_config_set_and_show(cli, _isolated_home):
    result = cli("config", "set", "auditor=Aino Auditor", "language=fi", "sound=off", "--json")
    assert result.code == 0, result.err
    data = cli("config", "show", "--json").json()
    assert (data["auditor"], data["language"], data["sound"]) == ("Aino Auditor", "fi", False)
    assert cli("config", "set", "colour=red").code == 3
    assert cli("config", "set", "language=sv").code == 3
    assert cli("config", "show", "--json").json()["language"] == "fi"


def test_output_into_a_closed_pipe_is_not_an_error(store_path, cli, city):
    """`device list | head` must not print 'unexpected error: BrokenPipeError'."""
    import subprocess
    import sys
    from pathlib import Path

    main_py = Path(__file__).resolve().parents[2] / "main.py"
    proc = subprocess.Popen(
        [sys.executable, str(main_py), "--db", str(store_path), "device", "list"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    proc.stdout.readline()
    proc.stdout.close()  # like `head -1` exiting
    err = proc.stderr.read().decode()
    proc.wait(timeout=60)
    assert "unexpected error" not in err and "Traceback" not in err
    assert proc.returncode == 0


def test_an_identifier_already_on_another_device_is_refused(cli, added, store_path):
    """Found by a tester: a duplicate serial was saved, and the next export no longer imported."""
    other = cli("device", "list", "--json", "--limit", "1").json()[0]
    before = dump(store_path)
    result = cli("device", "set", other["asset_tag"], f"serial={added['serial']}")
    assert result.code == 3 and "already on device" in result.err
    assert dump(store_path) == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--room", "A101"], "name the site"),
        (["--status", "brokn"], "not a status"),
        (["--category", "laptop"], "no category"),
    ],
)
def test_device_list_refuses_filters_that_match_nothing_by_mistake(cli, city, args, message):
    result = cli("device", "list", *args)
    assert result.code == 3 and message in result.err


def test_site_rooms_shows_the_room_label_codes(cli, site):
    rooms = cli("site", "rooms", site["code"], "--json").json()
    a101 = next(r for r in rooms if r["code"] == "A101")
    assert a101["label_code"] == "RM" + site["code"] + "A101"
    assert sum(r["devices"] for r in rooms) == site["devices"]
    assert cli("site", "rooms", "Nowhere").code == 3
