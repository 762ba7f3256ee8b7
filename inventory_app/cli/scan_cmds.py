"""``scan FILE...``: decode the codes in images, videos or folders of images.

One line per code found: in JSON (``--json``) ``{"file", "symbology", "text", "stage", "ms"}``
plus ``"frame"`` for a video (each code once per video, at the first frame that read it). A file
that cannot be read gives an error line and the command goes on with the rest; the exit code is
then 3 (0 when every file was read, whether or not it held a code).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from inventory_app.cli.output import OK, REJECTED, print_json_line
from inventory_app.context import AppContext
from inventory_app.scanning.chain import DecoderChain
from inventory_app.scanning.sources import FrameSourceError, VideoFileSource, is_image_file, read_image


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("scan", parents=[common], help="decode barcodes and QR codes in images or videos")
    p.add_argument("files", nargs="+", metavar="FILE", help="image, video or folder of images")
    p.set_defaults(handler=cmd_scan)


def cmd_scan(ctx: AppContext, args: argparse.Namespace) -> int:
    chain = DecoderChain()
    failed = 0
    for name in args.files:
        for path in _expand(Path(name)):
            try:
                rows = _scan_video(chain, path) if _is_video(path) else _scan_image(chain, path)
            except FrameSourceError as exc:
                failed += 1
                _emit(args.json, {"file": str(path), "error": str(exc)}, err=True)
                continue
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


def _scan_image(chain: DecoderChain, path: Path) -> list[dict[str, Any]]:
    if path.is_dir():
        raise FrameSourceError(f"{path}: no images in this folder")
    image = read_image(path)
    result = chain.decode(image)
    return [{"symbology": c.symbology, "text": c.text, "stage": c.stage, "ms": round(result.ms, 1)}
            for c in result.codes]


def _scan_video(chain: DecoderChain, path: Path) -> list[dict[str, Any]]:
    source = VideoFileSource(path)
    source.open()
    rows: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    try:
        while (frame := source.read()) is not None:
            result = chain.decode(frame.image)
            for c in result.codes:
                if c.key not in seen:
                    seen.add(c.key)
                    rows.append({"frame": frame.index, "symbology": c.symbology, "text": c.text,
                                 "stage": c.stage, "ms": round(result.ms, 1)})
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
    where = f"{row['file']}" + (f" frame {row['frame']}" if "frame" in row else "")
    print(f"{where}: {row['symbology']} {row['text']}  ({row['stage']}, {row['ms']} ms)")
