"""Screenshots of the window rendered offscreen: the self-test's proof and the README's pictures."""

from __future__ import annotations

import os
from pathlib import Path

from inventory_app.context import AppContext

SIZE = (1366, 768)


def save_main_window_screenshot(db_target: str, out: Path, size: tuple[int, int] = SIZE) -> str:
    """``selftest --screenshot``: open the main window on the store as it is and save a PNG."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from inventory_app.ui.application import create_qapplication
    from inventory_app.ui.main_window import MainWindow

    app = create_qapplication()
    ctx = AppContext.create(db=db_target)
    try:
        window = MainWindow(ctx, remember=False)
        window.resize(*size)
        window.show()
        app.processEvents()
        _save(window, out)
        window.close()
        window.runner.wait(10000)
    finally:
        ctx.close()
    return f"saved {out} ({size[0]}x{size[1]})"


def save_readme_screenshots(ctx: AppContext, out_dir: Path, size: tuple[int, int] = SIZE) -> list[Path]:
    """The README's two pictures from a demo store: the device view and audit mode mid-room."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from inventory_app.inventory.browse import DeviceFilter
    from inventory_app.ui.application import create_qapplication
    from inventory_app.ui.main_window import MainWindow

    app = create_qapplication()
    ctx.config.sound = False
    ctx.config.auditor = "Aino Virtanen"
    window = MainWindow(ctx, resume=False, remember=False)
    window.resize(*size)
    window.show()
    window.device_page.load_index()  # now, not after the start-up delay: the table shows its count
    window.runner.wait(30000)
    app.processEvents()
    # A comprehensive school with a classroom that has a mix of devices.
    sites = sorted(window.service.sites(), key=lambda s: -s.devices)
    site = next(s for s in sites if s.kind == "comprehensive")
    window.nav.select_site(site.id)
    app.processEvents()
    main_png = out_dir / "main_window.png"
    _save(window, main_png)

    page = window.audit_page
    window.show_page(page)
    page.start_audit(site.id, "Aino Virtanen")
    rooms = window.browser.rooms(site.id)
    room = max(rooms[:12], key=lambda r: len(window.browser.page(DeviceFilter(room_id=r.id), 0, 60)))
    devices = window.browser.page(DeviceFilter(room_id=room.id), 0, 60)
    label = next(r for r in rooms if r.id == room.id)
    page.pick_room(label.id)
    for device in devices[: max(1, len(devices) * 2 // 3) - 1]:
        page.handle_code(device.asset_tag or device.serial or "")
    elsewhere_tag = next(
        d.asset_tag
        for d in window.browser.page(DeviceFilter(site_id=site.id), 0, 400)
        if d.room not in (None, room.code) and d.asset_tag
    )
    page.handle_code(elsewhere_tag)
    page.handle_code("5CG1234XYZ")
    page.handle_code(devices[-1].asset_tag or "")
    page.wait_for_scans()
    page.refresh_counts()
    page.wait_for_scans()
    app.processEvents()
    audit_png = out_dir / "audit_mode.png"
    _save(window, audit_png)
    window.close()
    window.runner.wait(10000)
    return [main_png, audit_png]


def _save(window, out: Path) -> None:  # type: ignore[no-untyped-def]
    out.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(out)):
        raise OSError(f"could not write {out}")
