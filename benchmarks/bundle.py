"""Budgets of issue 8: bundle size, bundle start to window shown, backup of a 100,000-device store.

    .venv/bin/python benchmarks/bundle.py            # uses dist/inventory-app/ (build it: installer/build.py)
    .venv/bin/python benchmarks/bundle.py --build    # rebuild the bundle first (minutes)
    .venv/bin/python benchmarks/bundle.py --skip-bundle   # only the backup figures
    .venv/bin/python benchmarks/bundle.py --size-only     # only the size figures (seconds)

Figures (and the baseline measured in the same run beside each):
  * bundle size unpacked (aim <= 300 MB) with its biggest parts, the size by part (OpenCV, Qt, numpy, ...)
    and what the spec trims; which OpenCV the bundle has (the default build's lean one, or the venv's wheel
    with installer/build.py --stock-opencv), from dist/inventory-app-report.json;
  * start to window shown (aim <= 3 s): the bundle's `selftest --screenshot` (opens the main window
    offscreen and saves it) minus nothing, beside `--version` (process start + imports, the floor) and
    the same command from the source tree with the virtual environment;
  * backup of a 100,000-device store with SQLite's online backup (aim <= 2 s), beside a plain file
    copy of the same file (the speed limit of the disk), and a restore of it.
The 100,000-device store is made once with `main.py demo` and kept in benchmarks/out/.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
sys.path.insert(0, str(ROOT))


def load_build():
    spec = importlib.util.spec_from_file_location("installer_build", ROOT / "installer" / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def timed(cmd: list[str], env: dict[str, str] | None, cwd: Path, runs: int) -> float:
    """Median wall time of `runs` runs (the first run warms the disk cache and is dropped)."""
    times = []
    for i in range(runs + 1):
        started = time.perf_counter()
        proc = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True, timeout=300)
        elapsed = time.perf_counter() - started
        if proc.returncode != 0:
            raise SystemExit(f"{' '.join(cmd)} failed:\n{proc.stdout}\n{proc.stderr}")
        if i:
            times.append(elapsed)
    return statistics.median(times)


def size_figures(build) -> None:
    report = build.size_report()
    print(
        f"bundle size unpacked: {report['total_mb']} MB (aim <= 300 MB) in {report['files']} files; "
        f"{report['trimmed_files']} files of unused Qt parts and orphaned libraries trimmed by the spec"
    )
    for name, mb in report["biggest_groups"][:10]:
        print(f"  {mb:7.1f} MB  {name}")
    print("by part: " + "; ".join(f"{part} {mb:.1f} MB" for part, mb in size_by_part(build.bundle_dir())))
    print(f"OpenCV in this bundle: {opencv_kind(build)}")


def opencv_kind(build) -> str:
    """What installer/build.py wrote about the OpenCV it bundled (lean build or the venv's wheel)."""
    report = build.DIST / f"{build.APP_NAME}-report.json"
    if not report.exists():
        return "unknown (no dist/inventory-app-report.json)"
    opencv = json.loads(report.read_text(encoding="utf-8")).get("opencv", "unknown")
    if isinstance(opencv, dict):
        return f"lean {opencv.get('version')} from {opencv.get('lean')} (video files: {', '.join(opencv.get('video_files', []))})"
    return str(opencv)


def bundle_figures(build, runs: int) -> None:
    size_figures(build)

    exe = str(build.executable(cli=True))
    with tempfile.TemporaryDirectory(prefix="inventory-bench-") as tmp:
        home = Path(tmp)
        env = build.clean_env(home)
        version = timed([exe, "--version"], env, home, runs)
        selftest = timed([exe, "selftest"], env, home, runs)
        window = timed([exe, "selftest", "--screenshot", str(home / "w.png")], env, home, runs)
        source_env = {**env, "PATH": f"{Path(sys.executable).parent}:{env['PATH']}"}
        source = timed(
            [sys.executable, str(ROOT / "main.py"), "selftest", "--screenshot", str(home / "s.png")],
            source_env,
            home,
            runs,
        )
    print(f"start to window shown (bundle `selftest --screenshot`, median of {runs}): {window:.2f} s (aim <= 3 s)")
    print(
        f"  floor: bundle `--version` {version:.2f} s; `selftest` without the window {selftest:.2f} s "
        f"(window part ~{window - selftest:.2f} s)"
    )
    print(f"  baseline: the same from source with the venv {source:.2f} s (bundle/source = {window / source:.2f})")


PARTS = [  # (part, what its files' paths start with, below _internal/)
    ("OpenCV", ("cv2", "opencv_python_headless.libs")),
    ("Qt (PySide6)", ("PySide6", "shiboken6")),
    ("numpy + its OpenBLAS", ("numpy", "numpy.libs")),
    ("Python", ("libpython", "python3", "base_library.zip", "lib-dynload")),
    ("Pillow", ("PIL", "pillow.libs")),
    ("cryptography + OpenSSL", ("cryptography", "libcrypto", "libssl", "_cffi")),
    ("SQLAlchemy + psycopg", ("sqlalchemy", "psycopg", "psycopg_binary", "psycopg_binary.libs")),
    ("decoders (zxing-cpp, zbar)", ("zxingcpp", "libzbar", "pyzbar")),
]


def size_by_part(bundle: Path) -> list[tuple[str, float]]:
    """MB per part of the bundle (what the issue asks to be shown), the rest as "other"."""
    totals: dict[str, float] = {part: 0.0 for part, _ in PARTS}
    totals["other"] = 0.0
    internal = bundle / "_internal"
    for path in bundle.rglob("*"):
        if not path.is_file() or path.is_symlink():
            continue
        rel = path.relative_to(internal).as_posix() if path.is_relative_to(internal) else path.name
        part = next((name for name, prefixes in PARTS if rel.startswith(prefixes)), "other")
        totals[part] += path.stat().st_size / (1024 * 1024)
    return sorted(totals.items(), key=lambda kv: -kv[1])


def backup_figures(runs: int) -> None:
    from inventory_app.storage.backups import StoreBackups, inspect_store_file

    store = OUT / "store-100k.sqlite"
    if not store.exists():
        OUT.mkdir(parents=True, exist_ok=True)
        print("making the 100,000-device store once (main.py demo --devices 100000) ...")
        subprocess.run(
            [sys.executable, str(ROOT / "main.py"), "--db", str(store), "demo", "--devices", "100000"],
            check=True,
            capture_output=True,
        )
    info = inspect_store_file(store)
    size_mb = store.stat().st_size / 1e6
    with tempfile.TemporaryDirectory(prefix="inventory-bench-backup-") as tmp:
        backups = StoreBackups(store, Path(tmp) / "backups", keep=runs + 2)
        online, plain, restore = [], [], []
        work = Path(tmp) / "restore-target.sqlite"
        for i in range(runs):
            started = time.perf_counter()
            made = backups.create(f"bench-{i}", rotate=False)
            online.append(time.perf_counter() - started)
            started = time.perf_counter()
            shutil.copyfile(store, Path(tmp) / f"plain-{i}.sqlite")
            plain.append(time.perf_counter() - started)
            shutil.copyfile(store, work)
            target = StoreBackups(work, Path(tmp) / "restore-backups")
            started = time.perf_counter()
            target.restore(made.path)
            restore.append(time.perf_counter() - started)
    o, p, r = statistics.median(online), statistics.median(plain), statistics.median(restore)
    print(f"backup of a {info.devices:,}-device store ({size_mb:.0f} MB), median of {runs}:")
    print(f"  SQLite online backup: {o:.2f} s (aim <= 2 s)")
    print(f"  baseline plain file copy: {p:.2f} s  (online/plain = {o / p:.1f}x)")
    print(f"  restore (check + safety copy + copy back): {r:.2f} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", action="store_true", help="rebuild the bundle first")
    parser.add_argument("--skip-bundle", action="store_true", help="only the backup figures")
    parser.add_argument("--size-only", action="store_true", help="only the bundle's size figures")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    build = load_build()
    if args.size_only:
        size_figures(build)
        return 0
    if not args.skip_bundle:
        if args.build:
            subprocess.run([sys.executable, str(ROOT / "installer" / "build.py"), "--no-selftest"], check=True)
        if not build.executable(cli=True).exists():
            raise SystemExit("no bundle: run installer/build.py (or this with --build)")
        bundle_figures(build, args.runs)
    backup_figures(args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
