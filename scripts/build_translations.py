"""Compile resources/i18n/*.ts into .qm files with Qt's lrelease (shipped with PySide6).

Run by scripts/setup.sh and the installer build; `--update` first refreshes the .ts files from
the sources with lupdate (for translators).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"


def _tool(name: str) -> str:
    exe = Path(sys.executable).with_name(f"pyside6-{name}")
    return str(exe) if exe.exists() else f"pyside6-{name}"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--update", action="store_true", help="run lupdate over inventory_app/ui first")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args()
    ts_files = sorted(I18N.glob("*.ts"))
    if args.update:
        sources = sorted(str(p) for p in (ROOT / "inventory_app" / "ui").rglob("*.py"))
        for ts in ts_files:
            subprocess.run([_tool("lupdate"), "-no-obsolete", *sources, "-ts", str(ts)], check=True)
    for ts in ts_files:
        qm = ts.with_suffix(".qm")
        if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        out = subprocess.run([_tool("lrelease"), str(ts), "-qm", str(qm)], capture_output=True, text=True)
        if out.returncode != 0:
            sys.stderr.write(out.stdout + out.stderr)
            return out.returncode
        if not args.quiet:
            print(f"built {qm.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
