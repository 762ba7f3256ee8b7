"""``scan FILE...``: decode the codes in images, videos or folders of images.

One line per code found: in JSON (``--json``) ``{"file", "symbology", "text", "stage", "ms"}``
plus ``"frame"`` for a video (each code once per video, at the first frame that read it). A file
in which nothing is read still gets a line, ``{"file": ..., "codes": 0}``, so a folder scan says
which photos failed. A file that cannot be read gives an error line and the command goes on with
the rest. Exit codes are in ``EXIT_CODES`` (shown by ``scan --help``).

A still image is decoded thoroughly (every decoder pass, every located region, one code per place)
and has one frame: its reads are confirmed by the rule of scanning/stills.py (the live camera's rule
over the image and two views of it). ``--unconfirmed`` also prints the reads that
rule left out, marked ``"confirmed": false``. A video's frames are confirmed as a camera's are.
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from pathlib import Path
from typing import Any

from inventory_app.cli.output import OK, REJECTED, print_json_line
from inventory_app.context import AppContext
from inventory_app.scanning.chain import DecoderChain
from inventory_app.scanning.pipeline import ScanPipeline
from inventory_app.scanning.sources import FrameSourceError, VideoFileSource, is_image_file, read_image
from inventory_app.scanning.stills import RULE, read_still

EXIT_CODES = """exit codes:
  0  every file was read (whether or not it held a code; a file with none gets a "codes": 0 line)
  2  the command line itself is wrong
  3  some file could not be read (missing, not an image or video, empty folder); the others are
     still reported"""


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "scan",
        parents=[common],
        help="decode barcodes and QR codes in images or videos",
        description=textwrap.fill(
            "Decode barcodes and QR codes in images, videos or folders of images: one line "
            f"per code, and one line for a file with no code. Still images: {RULE}.",
            width=100,
        ),
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="image, video or folder of images")
    p.add_argument(
        "--unconfirmed",
        action="store_true",
        help='also print reads of still images that the confirmation rule left out ("confirmed": false)',
    )
    p.set_defaults(handler=cmd_scan)


def cmd_scan(ctx: AppContext, args: argparse.Namespace) -> int:
    chain = DecoderChain()
    failed = 0
    for name in args.files:
        for path in _expand(Path(name)):
            try:
                rows = _scan_video(chain, path) if _is_video(path) else _scan_image(chain, path, args.unconfirmed)
            except FrameSourceError as exc:
                failed += 1
                _emit(args.json, {"file": str(path), "error": str(exc)}, err=True)
                continue
            if not any(row.get("confirmed", True) for row in rows):
                _emit(args.json, {"file": str(path), "codes": 0})
            for row in rows:
                _emit(args.json, {"file": str(path), **row})
    return REJECTED if failed else OK


def _expand(path: Path) -> list[Path]:
    if path.is_dir():
        images = sorted(p for p in path.iterdir() if p.is_file() and is_image_file(p))
        return images or [path]  # an empty folder is reported as unreadable below
    return [path]


def _is_video(path: Path) -> bool:
    return path.is_file() and not is_image_file(path)


def _scan_image(chain: DecoderChain, path: Path, unconfirmed: bool) -> list[dict[str, Any]]:
    if path.is_dir():
        raise FrameSourceError(f"{path}: no images in this folder")
    image = read_image(path)
    result = read_still(chain, image)
    rows = []
    for read in result.reads:
        if read.confirmed or unconfirmed:
            c = read.code
            row: dict[str, Any] = {
                "symbology": c.symbology,
                "text": c.text,
                "stage": c.stage,
                "ms": round(result.ms, 1),
            }
            if unconfirmed:
                row["confirmed"] = read.confirmed
            rows.append(row)
    return rows


def _scan_video(chain: DecoderChain, path: Path) -> list[dict[str, Any]]:
    """Each code once, at the frame where the live camera's rule confirmed it."""
    source = VideoFileSource(path)
    source.open()
    pipeline = ScanPipeline(chain)
    rows: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    try:
        while (frame := source.read()) is not None:
            result = pipeline.process(frame)
            for c in result.reads:
                if c.text in result.confirmed_texts and c.key not in seen:
                    seen.add(c.key)
                    rows.append(
                        {
                            "frame": frame.index,
                            "symbology": c.symbology,
                            "text": c.text,
                            "stage": c.stage,
                            "ms": round(result.ms, 1),
                        }
                    )
    finally:
        source.close()
    return rows


def _emit(as_json: bool, row: dict[str, Any], err: bool = False) -> None:
    if as_json:
        print_json_line(row)  # error lines too: a script reads one stream
        return
    if err:
        sys.stderr.write(f"error: {row['error']}\n")
        return
    if "codes" in row:
        print(f"{row['file']}: no code")
        return
    where = f"{row['file']}" + (f" frame {row['frame']}" if "frame" in row else "")
    note = "" if row.get("confirmed", True) else ", not confirmed"
    print(f"{where}: {row['symbology']} {row['text']}  ({row['stage']}, {row['ms']} ms{note})")
