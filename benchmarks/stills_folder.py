"""``scan`` on a folder of photos against zxing-cpp alone and pyzbar alone: codes read, misreads, time.

Command:  .venv/bin/python benchmarks/stills_folder.py DIR [DIR ...] [--expect GLOB=CODE[,CODE...]]

The truth is in the file names: ``anything__CODE.png`` holds CODE (the text after the last ``__``;
several codes joined by ``+``); so does ``anything_CODE.png`` when CODE is 6 or more capitals and
digits with a digit among them. ``--expect 's_tarrat*=HKI001007Y,HKI0010140'`` gives the codes of
the files matching a glob instead (repeatable; a photo of whole label sheets). A file with neither
holds no code: anything read there is a misread.

Per decoder: codes read / codes present, images with a wrong read (over all images, over images
with a 1D code, over images without a code) and the median CPU ms per image on one core.
``scan`` is what ``main.py scan FILE`` prints (scanning/stills.py's confirmed reads), ``scan -u``
what ``scan --unconfirmed`` prints (the confirmation rule's cost in reads and what it saves in
misreads; its time is in ``scan``'s); ``chain`` the live camera's chain on the image alone
(unconfirmed), for reference. ``--list`` names each miss and misread.
"""

from __future__ import annotations

import argparse
import fnmatch
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import cv2  # noqa: E402
import numpy as np  # noqa: E402

from benchmarks.scanning import Reads, key_of, plain_pyzbar, plain_zxing  # noqa: E402
from inventory_app.scanning import symbology as sym  # noqa: E402
from inventory_app.scanning.chain import DecoderChain  # noqa: E402
from inventory_app.scanning.sources import is_image_file  # noqa: E402
from inventory_app.scanning.stills import read_still  # noqa: E402


def guess_symbology(text: str) -> str:
    if text.isdigit() and len(text) in (8, 12, 13):
        return {8: sym.EAN8, 12: sym.UPCA, 13: sym.EAN13}[len(text)]
    return sym.CODE128


def expected(path: Path, rules: list[tuple[str, list[str]]]) -> set[tuple[str, str]]:
    for pattern, codes in rules:
        if fnmatch.fnmatch(path.name, pattern):
            return {k for c in codes if (k := key_of(guess_symbology(c), c))}
    if "__" in path.stem:
        codes = path.stem.rsplit("__", 1)[1].split("+")
        return {k for c in codes if c and (k := key_of(guess_symbology(c), c))}
    last = path.stem.rsplit("_", 1)[-1]
    if "_" in path.stem and re.fullmatch(r"[0-9A-Z]{6,}", last) and any(ch.isdigit() for ch in last):
        return {k for k in [key_of(guess_symbology(last), last)] if k}
    return set()


def texts(keys: Reads) -> set[str]:
    return {k[1] for k in keys}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="+", type=Path)
    parser.add_argument("--expect", action="append", default=[], metavar="GLOB=CODES")
    parser.add_argument("--list", action="store_true", help="name each miss and misread")
    args = parser.parse_args()
    cv2.setNumThreads(1)
    rules = [(r.split("=", 1)[0], r.split("=", 1)[1].split(",")) for r in args.expect]
    chain = DecoderChain()
    last: list[set[tuple[str, str]]] = [set()]

    def scan(gray: np.ndarray) -> Reads:
        result = read_still(chain, gray)
        last[0] = {r.code.key for r in result.reads}
        return {c.key for c in result.confirmed}

    decoders = {
        "scan": scan,
        "scan -u": lambda g: last[0],  # the same call's reads, unconfirmed ones too (no time of its own)
        "chain": lambda g: {c.key for c in chain.decode(g).codes},
        "zxing-cpp": plain_zxing(),
        "pyzbar": plain_pyzbar(),
    }
    files = sorted(p for d in args.dirs for p in (sorted(d.iterdir()) if d.is_dir() else [d]) if is_image_file(p))
    stats = {
        n: {"read": 0, "codes": 0, "wrong": 0, "wrong_1d": 0, "img_1d": 0, "wrong_empty": 0, "empty": 0, "ms": []}
        for n in decoders
    }
    for path in files:
        gray = cv2.imread(str(path), cv2.IMREAD_GRAYSCALE)
        want = expected(path, rules)
        for name, decode in decoders.items():
            started = time.thread_time()
            got = decode(gray)
            s = stats[name]
            s["ms"].append((time.thread_time() - started) * 1000.0)
            s["codes"] += len(want)
            s["read"] += len(got & want)
            wrong = got - want
            s["wrong"] += bool(wrong)
            if not want:
                s["empty"] += 1
                s["wrong_empty"] += bool(wrong)
            elif any(k[0] in sym.LINEAR for k in want):
                s["img_1d"] += 1
                s["wrong_1d"] += bool(wrong)
            if args.list and (wrong or want - got) and name in ("scan", "pyzbar", "zxing-cpp"):
                print(f"  {name:<9} {path.name}: missed {sorted(texts(want - got))} wrong {sorted(texts(wrong))}")
    print(f"\n== {', '.join(map(str, args.dirs))}: {len(files)} images ==")
    print(
        f"{'decoder':<10} {'read':>9} {'read %':>7} {'misread img':>11} {'1D mis %':>8} {'empty mis %':>11} {'ms p50':>7}"
    )
    for name, s in stats.items():
        print(
            f"{name:<10} {s['read']:>4}/{s['codes']:<4} {100 * s['read'] / max(s['codes'], 1):7.1f} "
            f"{s['wrong']:>11} {100 * s['wrong_1d'] / max(s['img_1d'], 1):8.2f} "
            f"{100 * s['wrong_empty'] / max(s['empty'], 1) if s['empty'] else float('nan'):11.2f} "
            f"{statistics.median(s['ms']):7.1f}"
        )


if __name__ == "__main__":
    main()
