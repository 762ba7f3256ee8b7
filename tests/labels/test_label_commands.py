"""``labels`` as an auditor runs it: a site's labels, new tags, rooms, and refused jobs that change nothing."""

import pytest

from inventory_app.core.identifiers import is_valid_tag, make_tag
from tests.support import dump


@pytest.fixture
def city(cli):
    result = cli("demo", "--devices", "200", "--seed", "3", "--json")
    assert result.code == 0, result.err
    sites = cli("site", "list", "--json").json()
    return max(sites, key=lambda s: s["devices"])


def test_site_labels_on_a_half_used_sheet(cli, city, tmp_path):
    out = tmp_path / "site.pdf"
    result = cli(
        "labels",
        "--site",
        city["code"],
        "--start-position",
        "10",
        "--offset-x",
        "0.5",
        "--offset-y",
        "-0.3",
        "--out",
        str(out),
        "--json",
    )
    assert result.code == 0, result.err
    report = result.json()
    assert report["labels"] == city["devices"] and report["module_mm"] >= 0.25
    assert report["pages"] == -(-(city["devices"] + 9) // 21)
    assert out.read_bytes().startswith(b"%PDF")


def test_new_tags_are_never_printed_twice(cli, city, tmp_path):
    first = cli("labels", "--new", "12", "--site", city["code"], "--out", str(tmp_path / "a.pdf"), "--json").json()
    second = cli("labels", "--new", "12", "--site", city["code"], "--out", str(tmp_path / "b.pdf"), "--json").json()
    tags = first["new_tags"] + second["new_tags"]
    assert len(set(tags)) == 24 and all(is_valid_tag(t) for t in tags)


def test_a_template_too_small_is_refused_before_any_tag_is_reserved(cli, city, store_path, tmp_path):
    before = dump(store_path)
    out = tmp_path / "small.pdf"
    result = cli("labels", "--new", "5", "--site", city["code"], "--template", "a4-5x13", "--out", str(out))
    assert result.code == 3
    assert "cannot be printed scannably" in result.err and "choose a bigger label" in result.err
    assert dump(store_path) == before and not out.exists()


def test_room_labels(cli, city, tmp_path):
    result = cli("labels", "--rooms", "--site", city["code"], "--out", str(tmp_path / "rooms.pdf"), "--json")
    assert result.code == 0, result.err
    assert result.json()["template"] == "a4-2x4-room" and result.json()["labels"] > 4


def test_a_tag_file_with_a_mistyped_tag_names_the_line(cli, city, tmp_path):
    listing = tmp_path / "tags.txt"
    good = make_tag("HKI", 11)
    wrong = good[:-1] + ("0" if good[-1] != "0" else "1")
    listing.write_text(f"# tags for the library\n{good}\n{wrong}\n", encoding="utf-8")
    out = tmp_path / "t.pdf"
    result = cli("labels", "--tags", str(listing), "--out", str(out))
    assert result.code == 3 and "line 3" in result.err and "check character" in result.err
    assert "line 2" not in result.err
    assert not out.exists()


def test_calibration_page_and_saved_printer_offsets(cli, tmp_path):
    out = tmp_path / "cal.pdf"
    result = cli(
        "labels",
        "--calibration",
        "--template",
        "a4-3x7",
        "--printer",
        "Office",
        "--offset-x",
        "1.2",
        "--offset-y",
        "-0.4",
        "--save-offsets",
        "--out",
        str(out),
        "--json",
    )
    assert result.code == 0, result.err
    assert out.exists() and out.read_bytes().startswith(b"%PDF")
    again = cli("labels", "--calibration", "--printer", "Office", "--out", str(out), "--json").json()
    assert (again["offset_x_mm"], again["offset_y_mm"]) == (1.2, -0.4)
