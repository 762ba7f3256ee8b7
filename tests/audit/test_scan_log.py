import sqlite3

from inventory_app.audit.scan_log import codes_from_lines
from tests.support import dump


def test_codes_from_lines_drop_dates_and_blanks():
    lines = ["HKI0000011", "", "# note", "2026-11-28;10:15:02;SN0001", '"SN0002",28.11.2026', "\ufeffRMKOI01A101"]
    assert [c for _, c in codes_from_lines(lines)] == ["HKI0000011", "SN0001", "SN0002", "RMKOI01A101"]


def test_import_log_command_counts_every_outcome(cli, school, tmp_path):
    tag = school.tags["A101"][0]
    wrong = tag[:-1] + ("A" if tag[-1] != "A" else "B")
    log = tmp_path / "scanner.txt"
    log.write_text(
        "\n".join(
            [
                school.labels["A101"],
                tag,
                tag,
                school.tags["A102"][0],
                "UNKNOWN-777",
                wrong,
                school.tags["A101"][1],
                school.labels["A102"],
                school.tags["A102"][1],
            ]
        )
    )
    result = cli("audit", "import-log", "--site", school.site_code, str(log), "--json")
    assert result.code == 0, result.err
    data = result.json()
    assert {k: data[k] for k in ("found", "moved", "unknown", "repeat", "invalid")} == {
        "found": 3,
        "moved": 1,
        "unknown": 1,
        "repeat": 1,
        "invalid": 1,
    }
    assert data["rooms"] == ["A101", "A102"]
    # a second import of the same log into the same open audit changes no device and counts repeats
    again = cli("audit", "import-log", "--site", school.site_code, str(log), "--json").json()
    assert again["audit_id"] == data["audit_id"]
    assert (again["found"], again["moved"], again["unknown"], again["repeat"], again["invalid"]) == (0, 0, 0, 6, 1)


def test_import_log_with_start_room(cli, school, tmp_path):
    log = tmp_path / "scanner.txt"
    log.write_text(school.tags["A102"][0] + "\n")
    data = cli("audit", "import-log", "--site", school.site_code, "--room", "A102", str(log), "--json").json()
    assert data["found"] == 1


def test_bad_log_files_change_nothing(cli, school, tmp_path, store_path):
    before = dump(store_path)
    empty = tmp_path / "empty.txt"
    empty.write_text("\n\n")
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(b"\xff\xd8" + b"x" * 5000)
    missing = tmp_path / "nope.txt"
    for path, message in ((empty, "no codes"), (binary, "not a scan log"), (missing, "cannot read")):
        result = cli("audit", "import-log", "--site", school.site_code, str(path))
        assert result.code == 3 and message in result.err, result.err
    assert cli("audit", "import-log", "--site", "NOWHERE", str(empty)).code == 3
    assert dump(store_path) == before


def test_a_log_with_an_unknown_room_label_is_refused_and_changes_nothing(cli, school, tmp_path, store_path):
    """Found by a tester: RM...Z999 was counted as an unknown device and the next device 'moved' into the
    previous room."""
    from inventory_app.core.identifiers import room_label_code

    log = tmp_path / "scanner.txt"
    log.write_text(
        "\n".join(
            [
                school.labels["A102"],
                school.tags["A102"][0],
                room_label_code("KOI01", "Z999"),
                school.tags["A101"][0],
                school.other_site_label,
            ]
        )
    )
    before = dump(store_path)
    result = cli("audit", "import-log", "--site", school.site_code, str(log))
    assert result.code == 3
    assert "line 3" in result.err and "line 5" in result.err
    assert dump(store_path) == before


def test_a_log_without_an_auditor_says_so(cli, school, tmp_path):
    log = tmp_path / "scanner.txt"
    log.write_text(school.labels["A101"] + "\n" + school.tags["A101"][0] + "\n")
    result = cli("audit", "import-log", "--site", school.site_code, str(log))
    assert result.code == 0 and "no auditor" in result.err
    named = cli("audit", "import-log", "--site", school.site_code, "--auditor", "Aino", str(log))
    assert "no auditor" not in named.err


def test_scanner_files_with_a_header_and_date_time_columns():
    from inventory_app.audit.scan_log import scans_from_lines

    csv = ['"Date","Time","Barcode"', '"28/11/2026","10:15:02","RMKOI01A101"', '"28/11/2026","10:15:09","HKI0000011"']
    scans = scans_from_lines(csv)
    assert [s.code for s in scans] == ["RMKOI01A101", "HKI0000011"]  # the header is no scan
    assert scans[1].at is not None and (scans[1].at - scans[0].at).total_seconds() == 7
    local = scans[0].at.astimezone()
    assert (local.day, local.month, local.hour, local.minute, local.second) == (28, 11, 10, 15, 2)
    semi = scans_from_lines(["28/11/2026 10:15:02;RMKOI01A101", "28.11.2026 10:16:00;SN0001"])
    assert [s.code for s in semi] == ["RMKOI01A101", "SN0001"] and all(s.at for s in semi)
    named = scans_from_lines(["Barcode;Date", "SN0009;2026-11-28"])
    assert [(s.code, s.at.astimezone().day) for s in named] == [("SN0009", 28)]


def test_a_log_keeps_each_scans_own_time_and_no_control_characters(cli, school, tmp_path, store_path):
    from datetime import datetime

    log = tmp_path / "scanner.csv"
    tag = school.tags["A101"][0]
    log.write_text(
        f'"Date","Time","Barcode"\n28/11/2026,10:15:02,{school.labels["A101"]}\n28/11/2026,10:15:09,\x02{tag}\x03\n',
        encoding="utf-8",
    )
    result = cli("audit", "import-log", "--site", school.site_code, str(log), "--json")
    assert result.code == 0, result.err
    data = result.json()
    assert (data["found"], data["invalid"], data["unknown"], data["rooms"]) == (1, 0, 0, ["A101"])
    conn = sqlite3.connect(store_path)
    try:
        rows = conn.execute("SELECT raw_code, code, scanned_at FROM scan_events ORDER BY scanned_at").fetchall()
    finally:
        conn.close()
    assert [r[1] for r in rows] == [school.labels["A101"], tag]
    assert rows[1][0] == tag  # the raw text without the scanner's STX/ETX
    stored = datetime.fromisoformat(str(rows[1][2]).replace(" ", "T"))
    expected = datetime(2026, 11, 28, 10, 15, 9).astimezone()
    if stored.tzinfo is None:
        from datetime import UTC

        stored = stored.replace(tzinfo=UTC)
    assert stored == expected
