"""Make the README's screenshots from a fresh demo store (offscreen, 1366x768).

Usage: .venv/bin/python scripts/screenshots.py [--lang en|fi] [--out docs/screenshots]
Writes main_window.png and audit_mode.png; the demo store and settings live in a temporary folder.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--lang", default="en", choices=["en", "fi"])
    parser.add_argument("--devices", type=int, default=6000)
    args = parser.parse_args()
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["INVENTORY_HOME"] = tmp
        from datetime import date

        from inventory_app.context import AppContext
        from inventory_app.demo.city import DemoCity
        from inventory_app.ui.application import create_qapplication, install_translators
        from inventory_app.ui.screenshot import save_readme_screenshots

        app = create_qapplication()
        install_translators(app, args.lang)
        ctx = AppContext.create(db=str(Path(tmp) / "demo.sqlite"))
        try:
            DemoCity(ctx.store, devices=args.devices, seed=1, as_of=date(2026, 11, 1)).generate()
            for path in save_readme_screenshots(ctx, Path(args.out)):
                print(f"wrote {path}")
        finally:
            ctx.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
