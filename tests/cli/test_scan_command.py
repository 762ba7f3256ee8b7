"""``scan FILE...``: one JSON line per code, error lines for unreadable files, exit 3 when any failed."""

from __future__ import annotations

import json
from pathlib import Path

import cv2

from inventory_app.core.identifiers import make_tag
from tests.scanning.label_frames import EASY, generator, labels_video

TAGS = [make_tag("HKI", 11), make_tag("HKI", 12)]


def lines(out: str) -> list[dict]:  # type: ignore[type-arg]
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_images_and_a_video_are_decoded_one_json_line_per_code(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    gen = generator(4)
    image = tmp_path / "label.jpg"
    cv2.imwrite(str(image), gen.frame("code128", TAGS[0], EASY).image)
    empty = tmp_path / "wall.png"
    cv2.imwrite(str(empty), gen.empty(EASY).image)
    video = labels_video(tmp_path / "walk.avi", TAGS, frames_per_label=3, gap_frames=2, size=(640, 480))
    result = cli("scan", "--json", str(image), str(empty), str(video))
    assert result.code == 0, result.err
    rows = lines(result.out)
    assert rows[1] == {"file": str(empty), "codes": 0}
    coded = [rows[0], *rows[2:]]
    assert [(r["file"], r["symbology"], r["text"]) for r in coded] == [
        (str(image), "code128", TAGS[0]),
        (str(video), "code128", TAGS[0]),
        (str(video), "code128", TAGS[1]),
    ]
    assert "frame" not in coded[0] and [r["frame"] for r in coded[1:]] == [2, 7]
    assert all(isinstance(r["ms"], float) and r["ms"] > 0 for r in coded)


def test_every_file_of_a_folder_gets_a_line_even_without_a_code(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    gen = generator(8)
    cv2.imwrite(str(tmp_path / "a_label.png"), gen.frame("code128", TAGS[0], EASY).image)
    cv2.imwrite(str(tmp_path / "b_wall.png"), gen.empty(EASY).image)
    cv2.imwrite(str(tmp_path / "c_wall.jpg"), gen.empty(EASY).image)
    result = cli("scan", "--json", str(tmp_path))
    assert result.code == 0, result.err
    rows = lines(result.out)
    assert [(Path(r["file"]).name, r.get("text", r.get("codes"))) for r in rows] == [
        ("a_label.png", TAGS[0]),
        ("b_wall.png", 0),
        ("c_wall.jpg", 0),
    ]
    plain = cli("scan", str(tmp_path / "b_wall.png"))
    assert plain.code == 0 and plain.out.strip() == f"{tmp_path / 'b_wall.png'}: no code"


def test_scan_help_documents_the_exit_codes_and_the_still_image_rule(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("scan", "--help")
    assert "exit codes:" in result.out and "  3  some file could not be read" in result.out
    assert "up to two views of it scaled to 125 % and 80 %" in " ".join(result.out.split())


def test_an_unreadable_file_gives_an_error_line_exit_3_and_the_rest_still_printed(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    good = tmp_path / "label.png"
    cv2.imwrite(str(good), generator(6).frame("code128", TAGS[1], EASY).image)
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n truncated")
    missing = tmp_path / "missing.mp4"
    result = cli("scan", "--json", str(broken), str(good), str(missing))
    assert result.code == 3
    rows = lines(result.out)
    assert rows[0] == {"file": str(broken), "error": f"{broken}: not an image that can be read"}
    assert (rows[1]["file"], rows[1]["text"]) == (str(good), TAGS[1])
    assert rows[2]["file"] == str(missing) and "no such file" in rows[2]["error"]


def test_plain_output_is_one_readable_line_per_code(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    good = tmp_path / "label.png"
    cv2.imwrite(str(good), generator(6).frame("code128", TAGS[1], EASY).image)
    result = cli("scan", str(good), str(tmp_path / "nope.png"))
    assert result.code == 3
    assert result.out.startswith(f"{good}: code128 {TAGS[1]}")
    assert "error:" in result.err and "nope.png: no such file" in result.err
