"""Labels and import benchmark (issue 7).

Command:  .venv/bin/python benchmarks/labels_import.py [--labels 1000] [--rows 50000]

Measures, each beside a baseline in the same run:
- a PDF of N asset-tag labels (A4 3x7 at 300 dpi, layout + QPdfWriter drawing), beside
  python-barcode alone rendering the same N codes to images (its ImageWriter, Pillow);
- importing an XLSX of R rows with Finnish headers (read, validate every row, write in one
  transaction, with progress), beside openpyxl in read-only mode just reading the same file;
  the dry run (read + validate only) and a re-import of the same file (all rows unchanged) too.
Aims: 1,000-label PDF <= 10 s; 50,000-row import <= 30 s.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from inventory_app.core.identifiers import make_tag  # noqa: E402


def timed(fn):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def bench_labels(count: int, workdir: Path) -> None:
    import barcode
    from barcode.writer import ImageWriter

    from inventory_app.labels.layout import LabelContent, plan_sheets
    from inventory_app.labels.templates import find_template
    from inventory_app.ui.application import create_qapplication
    from inventory_app.ui.label_pdf import write_pdf

    create_qapplication()
    tags = [make_tag("LPR", 100_000 + i) for i in range(count)]
    contents = [LabelContent(t, t, "Kesämäen koulu") for t in tags]
    out = workdir / "labels.pdf"

    def ours() -> int:
        plan = plan_sheets(contents, find_template("a4-3x7"), dpi=300)
        return write_pdf(plan, out)

    def baseline() -> int:
        writer_options = {
            "dpi": 300,
            "module_width": 0.339,
            "module_height": 15.0,
            "quiet_zone": 3.4,
            "font_size": 8,
            "text_distance": 3.0,
        }
        for tag in tags:
            barcode.get("code128", tag, writer=ImageWriter()).render(writer_options)
        return len(tags)

    ours()  # warm-up: fonts, Qt plugins
    t_ours, pages = timed(ours)
    t_base, _ = timed(baseline)
    print(f"labels: {count} labels, {pages} pages, PDF {out.stat().st_size / 1024:.0f} KiB")
    print(
        f"  {count}-label PDF (layout + QPdfWriter)        {t_ours:7.2f} s   aim <= 10 s   "
        f"{'OK' if t_ours <= 10 else 'OVER'}"
    )
    print(
        f"  baseline: python-barcode ImageWriter, {count} codes {t_base:7.2f} s   ratio ours/baseline "
        f"{t_ours / t_base:5.2f}"
    )


def make_xlsx(path: Path, rows: int, sites: list[tuple[str, list[str]]]) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Laitteet")
    sheet.append(
        [
            "Koulu",
            "Luokka",
            "Laitetyyppi",
            "Valmistaja",
            "Malli",
            "Sarjanumero",
            "Inventaarionumero",
            "Hankintapäivä",
            "Hankintahinta",
            "Huom",
            "Tunniste",
        ]
    )
    kinds = [
        ("Kannettava tietokone", "Lenovo", "ThinkPad 11e"),
        ("Dokumenttikamera", "IPEVO", "V4K"),
        ("Projektori", "Epson", "EB-W49"),
        ("Näyttö", "Samsung", "QM65C"),
        ("Tabletti", "Apple", "iPad 10.2"),
    ]
    start = date(2019, 1, 1)
    for i in range(rows):
        site, rooms = sites[i % len(sites)]
        room = rooms[i % len(rooms)] if i % 50 else f"X{i % 7}"  # a few rooms not yet known
        kind, maker, model = kinds[i % len(kinds)]
        day = start + timedelta(days=i % 1500)
        tag = make_tag("IMP", i + 1) if i % 3 == 0 else None
        sheet.append(
            [
                site,
                room,
                kind,
                maker,
                model,
                f"SN{i:08d}",
                f"INV-{i}" if i % 2 else None,
                f"{day.day}.{day.month}.{day.year}",
                f"{400 + i % 900},{i % 100:02d}",
                None,
                tag,
            ]
        )
    book.save(path)


def bench_import(rows: int, workdir: Path) -> None:
    from openpyxl import load_workbook

    from inventory_app.demo.city import DemoCity
    from inventory_app.importing.service import ImportService
    from inventory_app.inventory.service import InventoryService
    from inventory_app.storage.store import Store

    store = Store.open(workdir / "import.sqlite")
    DemoCity(store, devices=0, seed=3).generate()
    sites = []
    for site in InventoryService(store).sites():
        with store.read() as s:
            from inventory_app.storage.label_queries import site_rooms

            sites.append((site.code or site.name, [r.code for r in site_rooms(s, site.id)]))
    path = workdir / "inventaario.xlsx"
    t_make, _ = timed(lambda: make_xlsx(path, rows, sites))

    def read_only_baseline() -> int:
        book = load_workbook(path, read_only=True, data_only=True)
        n = sum(1 for _ in book.worksheets[0].iter_rows(values_only=True))
        book.close()
        return n

    progress_calls = []
    service = ImportService(store)
    t_base, _ = timed(read_only_baseline)
    t_dry, dry = timed(lambda: service.run(path, dry_run=True))
    t_import, result = timed(lambda: service.run(path, progress=lambda *a: progress_calls.append(a)))
    t_again, again = timed(lambda: service.run(path))
    store.close()
    plan = result.plan
    print(
        f"import: {rows} rows XLSX ({path.stat().st_size / 1024 / 1024:.1f} MiB, made in {t_make:.1f} s), "
        f"{plan.count('new')} new, {len(plan.new_rooms)} new rooms, {len(plan.invalid)} invalid"
    )
    print(
        f"  import with validation, one transaction         {t_import:7.2f} s   aim <= 30 s   "
        f"{'OK' if t_import <= 30 else 'OVER'}   ({len(progress_calls)} progress reports)"
    )
    print(f"  dry run (read + validate, nothing written)      {t_dry:7.2f} s")
    print(f"  re-import of the same file ({again.plan.count('unchanged')} unchanged)     {t_again:7.2f} s")
    print(
        f"  baseline: openpyxl read-only, read every row    {t_base:7.2f} s   ratio import/baseline "
        f"{t_import / t_base:5.2f}"
    )
    assert dry.plan.count("new") == rows and again.plan.count("unchanged") == rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--labels", type=int, default=1000)
    parser.add_argument("--rows", type=int, default=50_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        bench_labels(args.labels, workdir)
        bench_import(args.rows, workdir)


if __name__ == "__main__":
    main()
