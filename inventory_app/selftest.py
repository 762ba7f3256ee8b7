"""``selftest``: prove that this installation works (migrations, store round trip, decoding, window)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from inventory_app.core.enums import SiteKind
from inventory_app.core.identifiers import make_tag
from inventory_app.inventory.service import InventoryService
from inventory_app.maintenance.versions import check_native_libraries
from inventory_app.reports.service import check_reports
from inventory_app.storage import migrations
from inventory_app.storage.schema import AreaRecord, RoomRecord, SiteRecord
from inventory_app.storage.store import Store


@dataclass(slots=True)
class CheckResult:
    name: str
    ok: bool
    detail: str

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "ok": self.ok, "detail": self.detail}


def _check(name: str, fn: Callable[[], str]) -> CheckResult:
    try:
        return CheckResult(name, True, fn())
    except Exception as exc:  # a self-test reports every failure instead of stopping
        return CheckResult(name, False, f"{type(exc).__name__}: {exc}")


def check_store_round_trip(workdir: Path) -> str:
    store = Store.open(workdir / "selftest.sqlite")
    try:
        if store.revision() != migrations.head_revision():
            raise AssertionError(f"store at {store.revision()}, expected {migrations.head_revision()}")
        with store.unit_of_work() as uow:
            area = AreaRecord(name="Selftest area")
            uow.session.add(area)
            uow.flush()
            site = SiteRecord(name="Selftest school", code="SELF", area_id=area.id, kind=SiteKind.PRIMARY.value)
            uow.session.add(site)
            uow.flush()
            uow.session.add(RoomRecord(site_id=site.id, code="A1", kind="classroom"))
        tag = make_tag("SLF", 1)
        service = InventoryService(store)
        service.add(tag=tag, category="pupil_laptop", site="SELF", room="A1", fields={"serial": "SN-SELF-1"})
        view = service.show("sn self 1")
        if view.asset_tag != tag or view.room != "A1":
            raise AssertionError("device did not read back as written")
        return f"schema {store.revision()}, wrote and read back device {tag}, {store.pending_changes()} changes pending"
    finally:
        store.close()


def check_decode_sample() -> str:
    """The bundled camera-like label picture decodes to its tag (cv2, zxing-cpp and the chain work here)."""
    from inventory_app.paths import resource_path
    from inventory_app.scanning.chain import DecoderChain
    from inventory_app.scanning.sources import read_image

    expected = make_tag("SLF", 1)
    result = DecoderChain().decode(read_image(resource_path("samples", "label_sample.png")))
    texts = [c.text for c in result.codes]
    if texts != [expected]:
        raise AssertionError(f"sample label read as {texts}, expected [{expected}]")
    return f"read {expected} ({result.codes[0].symbology}) from the sample label in {result.ms:.1f} ms"


def check_label_pdf(workdir: Path) -> str:
    """A one-label PDF through the same layout rule and QPdfWriter drawing as real label jobs."""
    from inventory_app.labels.layout import LabelContent, plan_sheets
    from inventory_app.labels.templates import find_template
    from inventory_app.ui.label_pdf import ensure_painting_possible, write_pdf

    ensure_painting_possible()
    tag = make_tag("SLF", 2)
    plan = plan_sheets([LabelContent(tag, tag, "Selftest")], find_template("a4-3x7"))
    pages = write_pdf(plan, workdir / "selftest-labels.pdf")
    bars = plan.labels[0].barcode
    return f"wrote a {pages}-page label PDF, {bars.module_mm if bars else 0:.3f} mm per module at {plan.dpi} dpi"


# Later capabilities add their checks here (the main window).
def run_selftest(workdir: Path, screenshot: Path | None = None, db_target: str | None = None) -> list[CheckResult]:
    results = [_check("store", lambda: check_store_round_trip(workdir))]
    results.append(_check("labels", lambda: check_label_pdf(workdir)))
    results.append(_check("native libraries", check_native_libraries))
    results.append(_check("reports", lambda: check_reports(workdir / "selftest.sqlite")))
    results.append(_check("decode", check_decode_sample))
    if screenshot is not None:
        results.append(_check("window", lambda: _screenshot(workdir, screenshot, db_target)))
    return results


def _screenshot(workdir: Path, screenshot: Path, db_target: str | None) -> str:
    from inventory_app.ui.screenshot import save_main_window_screenshot

    return save_main_window_screenshot(db_target or str(workdir / "selftest.sqlite"), screenshot)
