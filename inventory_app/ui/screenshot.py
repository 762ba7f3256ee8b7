"""Save a screenshot of the main window rendered offscreen (selftest, README images)."""

from __future__ import annotations

import os
from pathlib import Path

from inventory_app.context import AppContext


def save_main_window_screenshot(db_target: str, out: Path, size: tuple[int, int] = (1366, 768)) -> str:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from inventory_app.ui.application import create_qapplication
    from inventory_app.ui.main_window import MainWindow

    app = create_qapplication()
    ctx = AppContext.create(db=db_target)
    try:
        window = MainWindow(ctx)
        window.resize(*size)
        window.show()
        app.processEvents()
        out.parent.mkdir(parents=True, exist_ok=True)
        if not window.grab().save(str(out)):
            raise OSError(f"could not write {out}")
        window.close()
    finally:
        ctx.close()
    return f"saved {out} ({size[0]}x{size[1]})"
