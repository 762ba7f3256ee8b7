"""The layering rule of docs/ARCHITECTURE.md ("Layers"), as import-linter contracts in pyproject.toml."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_import_contracts_are_kept():
    exe = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(exe), "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "0 broken" in result.stdout


def test_nothing_installed_the_non_headless_opencv():
    """opencv-python ships Qt plugins that abort PySide6 offscreen; only the headless build may be here."""
    from importlib import metadata

    installed = {d.metadata["Name"].lower() for d in metadata.distributions()}
    assert "opencv-python" not in installed
    assert "opencv-python-headless" in installed
