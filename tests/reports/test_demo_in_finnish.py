"""The demo city (Lappeenranta) shows every report with data, and a Finnish user's XLSX and PDF have no English.

"No English" is checked against what the app itself could have written in English: every English
text of the report catalogue and every English name of a coded value, and the codes themselves
(``in_use``, ``early_childhood`` …). Data (school names, tags, the lessor's company name) is left alone.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from inventory_app.reports.service import REPORT_NAMES
from inventory_app.reports.texts import FI, TOTAL_LABELS, VOCABULARY

AS_OF = "2026-11-01"


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> tuple[Path, Path]:
    from inventory_app.app import main

    folder = tmp_path_factory.mktemp("demo")
    db = folder / "demo.sqlite"
    assert main(["--db", str(db), "demo", "--devices", "1500", "--as-of", AS_OF, "--json"]) == 0
    return db, next(folder.glob("laskutus-*.csv"))


def _english() -> tuple[set[str], set[str]]:
    """(whole English texts and names, English phrases of two or more words)."""
    texts = {en for en, fi in FI.items() if en != fi}
    for names in VOCABULARY.values():
        texts |= {en for en, fi in names.values() if en != fi}
    texts |= {en for en, fi in TOTAL_LABELS.values() if en != fi}
    codes = {code for names in VOCABULARY.values() for code in names if "_" in code}
    phrases = {t for t in texts if " " in t and "{" not in t}
    return texts | codes, phrases


def _args(name: str, billing: Path) -> list[str]:
    return ["--billing", str(billing)] if name == "reconciliation" else []


def test_every_report_shows_something_on_the_demo(demo, cli) -> None:
    db, billing = demo
    for name in REPORT_NAMES:
        out = cli("report", name, "--as-of", AS_OF, "--json", *_args(name, billing), db=str(db))
        assert out.code == 0, (name, out.err)
        data = out.json()
        lists = {k: v for k, v in data.items() if isinstance(v, list) and k != "notes"}
        assert any(lists.values()), name
        assert not any(n.startswith("Nothing to report") for n in data["notes"]), name
    sites = cli("site", "list", "--json", db=str(db)).json()
    assert any(s["name"] == "Kesämäen koulu" for s in sites)
    tags = cli("device", "list", "--json", "--limit", "5", db=str(db))
    assert tags.code == 0 and '"LPR' in tags.out


@pytest.mark.parametrize("name", REPORT_NAMES)
def test_a_finnish_user_finds_no_english_in_xlsx_and_pdf(demo, cli, tmp_path: Path, name: str) -> None:
    from openpyxl import load_workbook

    db, billing = demo
    english, phrases = _english()
    xlsx = tmp_path / f"{name}.xlsx"
    out = cli(
        "report",
        name,
        "--as-of",
        AS_OF,
        "--lang",
        "fi",
        "--format",
        "xlsx",
        "--out",
        str(xlsx),
        *_args(name, billing),
        db=str(db),
    )
    assert out.code == 0, out.err
    book = load_workbook(xlsx)
    found = set()
    for sheet in book.worksheets:
        found |= {sheet.title} & english
        for row in sheet.iter_rows(values_only=True):
            found |= {v for v in row if isinstance(v, str)} & english
        headers = [c.value for c in sheet[1]] if sheet.title != book.worksheets[0].title else []
        assert len(headers) == len(set(headers)), (sheet.title, headers)  # no two "Tila" columns
    assert not found, found
    summary = [r[0] for r in book.worksheets[0].iter_rows(values_only=True) if r and r[0]]
    assert not any(re.fullmatch(r"[a-z_.]+", str(label)) for label in summary), summary  # no "by_group.pupil.in_use"
    pdf = tmp_path / f"{name}.pdf"
    out = cli(
        "report",
        name,
        "--as-of",
        AS_OF,
        "--lang",
        "fi",
        "--format",
        "pdf",
        "--out",
        str(pdf),
        *_args(name, billing),
        db=str(db),
    )
    assert out.code == 0, out.err
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    text = re.sub(r"\s+", " ", text)
    assert not [p for p in phrases if p in text], [p for p in phrases if p in text]
    assert not [c for c in english if "_" in c and c in text]
    assert re.search(r"\d\.\d{1,2}\.20\d\d", text)  # Finnish dates


def test_a_refused_report_says_why_in_finnish(demo, cli, tmp_path: Path) -> None:
    db, _billing = demo
    out = cli("report", "reconciliation", "--lang", "fi", db=str(db))
    assert out.code == 3 and "täsmäytys tarvitsee vuokranantajan laskutustiedoston" in out.err
    bad = tmp_path / "lasku.csv"
    bad.write_text("Sarjanumero;Kuukausimaksu\nSN-1;kymppi\n", encoding="utf-8")
    out = cli("report", "reconciliation", "--lang", "fi", "--billing", str(bad), db=str(db))
    assert out.code == 3 and "rivi 2: 'kymppi' ei ole euromäärä" in out.err
    out = cli("report", "reconciliation", "--lang", "en", "--billing", str(bad), db=str(db))
    assert out.code == 3 and "row 2: 'kymppi' is not a euro amount" in out.err
