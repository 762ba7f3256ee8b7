"""build.py --lean-opencv: a folder without a cv2 package is refused before PyInstaller runs."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def load_build():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("installer_build", ROOT / "installer" / "build.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_lean_opencv_folder_without_cv2_is_refused_with_the_command_that_makes_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build = load_build()
    ran: list[object] = []
    monkeypatch.setattr(build.subprocess, "run", lambda *a, **k: ran.append(a))
    with pytest.raises(SystemExit, match="lean_opencv.sh"):
        build.build(tmp_path)
    assert all("PyInstaller" not in str(call) for call in ran)
