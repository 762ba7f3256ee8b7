"""Field trial: "1 tuntematonta · 1 toistoa · 1 virheellistä" (and "1 siirtynyt, 1 tuntematonta" on the
finish card): every count on the audit page follows its number, in Finnish and in English."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from inventory_app.audit.results import AuditSummary


@pytest.fixture
def finnish(qapp):  # type: ignore[no-untyped-def]
    import subprocess
    import sys
    from pathlib import Path

    from inventory_app.ui.application import install_translators

    root = Path(__file__).resolve().parents[2]
    subprocess.run([sys.executable, str(root / "scripts" / "build_translations.py"), "--quiet"], check=True)
    yield install_translators(qapp, "fi")
    install_translators(qapp, "en")


def _summary(n: int) -> AuditSummary:
    now = datetime.now(UTC)
    counts = {"found": n, "moved": n, "unknown": n}
    return AuditSummary("a", "Koivukylä", "finished", now, now, n, counts, n, {"lost": n, "retired": n})


def test_finnish_counts_take_the_singular_for_one(finnish):
    from inventory_app.ui.scan_texts import ScanTexts

    texts = ScanTexts()
    one = {"found": 1, "moved": 1, "unknown": 1, "repeat": 1, "invalid": 1, "marked_retired": 1}
    assert texts.counts(one) == (
        "Tämä inventointi: 1 löytyi · 1 siirtynyt · 1 tuntematon · 1 toisto · 1 virheellinen · "
        "1 poistetuksi merkitty löytyi"
    )
    two = {k: 2 for k in one}
    assert texts.counts(two) == (
        "Tämä inventointi: 2 löytyi · 2 siirtynyttä · 2 tuntematonta · 2 toistoa · 2 virheellistä · "
        "2 poistetuksi merkittyä löytyi"
    )
    assert "0 tuntematonta · 0 toistoa · 0 virheellistä" in texts.counts({})
    finished = texts.finished(_summary(1))
    assert "1 siirtynyt, 1 tuntematon" in finished.main
    assert finished.detail.startswith("1 puuttuu: 1 kadonnut, 1 poistettu käytöstä, 0 ei tarkistettu")
    assert "2 siirtynyttä, 2 tuntematonta" in texts.finished(_summary(2)).main
    imported = texts.imported({"found": 1, "unknown": 1, "repeat": 1, "invalid": 1, "other_site": 1}, 1)
    assert imported.main == "1 koodi: 1 löytyi, 0 siirtynyttä, 1 tuntematon"
    assert imported.detail.startswith("1 toisto ohitettu, 1 virheellinen, 0 moniselitteistä, 1 toisen koulun laite")
    assert texts.progress(1, 3, "A101", 1, 0, 2).endswith("· 1 siirtynyt tänne · 2 siirtynyttä toiseen huoneeseen")


def test_english_counts_follow_the_number_too(qapp):
    from inventory_app.ui.scan_texts import ScanTexts

    texts = ScanTexts()
    assert texts.counts({"repeat": 1}) == "This audit: 0 found · 0 moved · 0 unknown · 1 repeat · 0 invalid"
    assert "2 repeats" in texts.counts({"repeat": 2})
    assert texts.imported({"found": 1}, 1).main == "1 code: 1 found, 0 moved, 0 unknown"
