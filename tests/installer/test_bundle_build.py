"""The full PyInstaller build and the bundle's clean-environment selftest (minutes: opt-in).

INVENTORY_BUILD_TESTS=1 .venv/bin/python -m pytest tests/installer/test_bundle_build.py
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
@pytest.mark.skipif(os.environ.get("INVENTORY_BUILD_TESTS") != "1", reason="set INVENTORY_BUILD_TESTS=1 to build")
def test_the_bundle_builds_and_its_selftest_passes_in_a_clean_environment():
    result = subprocess.run(
        [sys.executable, str(ROOT / "installer" / "build.py"), "--tarball"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    assert "selftest passed" in result.stdout
    assert "native libraries: zbar" in result.stdout and "(bundled)" in result.stdout
