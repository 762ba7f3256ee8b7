"""Reading a billing file pauses the cyclic garbage collector and always turns it back on."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from inventory_app.core.errors import RejectedInput
from inventory_app.reports.billing import read_billing

HEADER = "Laskutuskausi;Sopimus;Sarjanumero;Kustannuspaikka;Kuukausimaksu\r\n"


def test_the_collector_runs_again_after_a_good_file_and_after_a_refused_one(tmp_path: Path) -> None:
    good = tmp_path / "good.csv"
    good.write_text(HEADER + "3/2026;K-1;SN-003;4100;20,00\r\n", encoding="utf-8")
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + "3/2026;K-1;SN-003;4100;twenty\r\n", encoding="utf-8")
    assert gc.isenabled()
    assert [(line.key, line.amount_cents) for line in read_billing(good)] == [("SN003", 2000)]
    assert gc.isenabled()
    with pytest.raises(RejectedInput, match="not a euro amount"):
        read_billing(bad)
    assert gc.isenabled()


def test_a_caller_that_paused_the_collector_keeps_it_paused(tmp_path: Path) -> None:
    good = tmp_path / "good.csv"
    good.write_text(HEADER + "3/2026;K-1;SN-003;4100;20,00\r\n", encoding="utf-8")
    gc.disable()
    try:
        read_billing(good)
        assert not gc.isenabled()
    finally:
        gc.enable()
