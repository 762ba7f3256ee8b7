"""``selftest`` decodes the bundled sample label; a damaged bundle is reported, not crashed on."""

from __future__ import annotations

from pathlib import Path

import pytest

from inventory_app import selftest


def test_the_bundled_sample_label_decodes(tmp_path: Path) -> None:
    results = {r.name: r for r in selftest.run_selftest(tmp_path)}
    assert results["decode"].ok, results["decode"].detail
    assert "SLF000001E" in results["decode"].detail


def test_a_missing_sample_fails_the_check_with_its_reason(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("inventory_app.paths.resource_path", lambda *parts: tmp_path.joinpath(*parts))
    result = selftest._check("decode", selftest.check_decode_sample)
    assert not result.ok and "no such file" in result.detail
