"""build.py and the lean OpenCV: the default build compiles it once into a cache folder; --stock-opencv skips it."""

from __future__ import annotations

import importlib.util
import subprocess
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


class _StopBuild(Exception):
    """Raised by the stand-in for PyInstaller: the tests stop main() where the real build would start."""


def _run_main(build, monkeypatch: pytest.MonkeyPatch, argv: list[str]) -> dict[str, object]:  # type: ignore[no-untyped-def]
    seen: dict[str, object] = {"compiled": []}

    def fake_compile(folder: Path) -> None:
        seen["compiled"].append(folder)  # type: ignore[attr-defined]
        (folder / "cv2").mkdir(parents=True)

    def fake_build(lean: Path | None) -> float:
        seen["bundled"] = lean
        raise _StopBuild

    monkeypatch.setattr(build, "compile_lean_opencv", fake_compile)
    monkeypatch.setattr(
        build, "check_lean_opencv", lambda folder: {"version": "4.x", "camera": ["V4L2"], "video_files": ["CV_MJPEG"]}
    )
    monkeypatch.setattr(build, "build", fake_build)
    monkeypatch.setattr(build.sys, "argv", ["build.py", *argv])
    with pytest.raises(_StopBuild):
        build.main()
    return seen


def test_the_default_build_compiles_the_lean_opencv_once_into_its_cache_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build = load_build()
    cache = tmp_path / "cache"
    monkeypatch.setenv("INVENTORY_LEAN_OPENCV", str(cache))
    first = _run_main(build, monkeypatch, [])
    assert first["compiled"] == [cache.resolve()] and first["bundled"] == cache.resolve()
    again = _run_main(build, monkeypatch, [])
    assert again["compiled"] == [] and again["bundled"] == cache.resolve()


def test_without_the_environment_variable_the_cache_is_build_lean_opencv(monkeypatch: pytest.MonkeyPatch) -> None:
    build = load_build()
    monkeypatch.delenv("INVENTORY_LEAN_OPENCV", raising=False)
    assert build.lean_opencv_folder(None) == ROOT / "build" / "lean-opencv"
    assert build.lean_opencv_folder(Path("elsewhere")) == Path("elsewhere").resolve()


def test_stock_opencv_bundles_the_venv_wheel_without_compiling(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build = load_build()
    monkeypatch.setenv("INVENTORY_LEAN_OPENCV", str(tmp_path / "cache"))
    seen = _run_main(build, monkeypatch, ["--stock-opencv"])
    assert seen["compiled"] == [] and seen["bundled"] is None


def test_a_failed_compile_stops_the_build_and_names_the_quick_way(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build = load_build()
    failing = tmp_path / "fails.sh"
    failing.write_text("echo 'no compiler here' >&2\nexit 1\n", encoding="utf-8")
    monkeypatch.setattr(build, "LEAN_OPENCV_SCRIPT", failing)
    with pytest.raises(SystemExit, match="--stock-opencv"):
        build.compile_lean_opencv(tmp_path / "cache")


def _fake_cv2(folder: Path, camera: dict[int, str], available: bool = True) -> Path:
    """A cv2 package with the given camera backends; like the real registry it also lists backends that
    would be plugins and are not there (hasBackend False), as FFmpeg and GStreamer in the lean build."""
    package = folder / "cv2"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text('__version__ = "4.0.0-fake"\nfrom . import videoio_registry\n')
    (package / "videoio_registry.py").write_text(
        f"NAMES = {camera!r}\n"
        "def getCameraBackends(): return list(NAMES)\n"
        "def getStreamBackends(): return [1900]\n"
        "def getBackendName(b): return NAMES.get(b, 'CV_MJPEG')\n"
        f"def hasBackend(b): return {available!r} and b in NAMES or b == 1900\n"
    )
    return folder


def test_a_lean_opencv_without_this_systems_camera_backend_is_refused(tmp_path: Path) -> None:
    build = load_build()
    with pytest.raises(SystemExit, match="camera backend"):
        build.check_lean_opencv(_fake_cv2(tmp_path / "none", {}))
    wanted = next(names for prefix, names in build.CAMERA_BACKENDS.items() if build.sys.platform.startswith(prefix))
    with pytest.raises(SystemExit, match="camera backend"):
        build.check_lean_opencv(_fake_cv2(tmp_path / "listed", dict(enumerate(wanted)), available=False))
    info = build.check_lean_opencv(_fake_cv2(tmp_path / "all", dict(enumerate(wanted))))
    assert info["camera"] == list(wanted) and info["version"] == "4.0.0-fake"


def test_the_bundle_check_fails_when_scan_does_not_read_one_of_the_formats(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build = load_build()
    lines = [f'{{"file": "label.{ext}", "text": "SLF000001E"}}' for ext in build.SCAN_FORMATS]

    def scan_output(skip: str):  # type: ignore[no-untyped-def]
        out = "\n".join(line for line in lines if skip not in line)
        return lambda args, home: (subprocess.CompletedProcess(args, 0, out, ""), 0.1)

    monkeypatch.setattr(build, "run_clean", scan_output("nothing skipped"))
    build.check_scan_formats(tmp_path)
    assert {p.name for p in tmp_path.iterdir()} == {f"label.{ext}" for ext in build.SCAN_FORMATS}
    monkeypatch.setattr(build, "run_clean", scan_output("label.avi"))
    with pytest.raises(SystemExit, match=r"did not read SLF000001E from label\.avi"):
        build.check_scan_formats(tmp_path)


def test_the_compile_gets_the_folder_and_this_python(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build = load_build()
    script = tmp_path / "fake_lean.sh"
    script.write_text('mkdir -p "$1/cv2" && printf "%s" "$PYTHON" > "$1/cv2/python.txt"\n', encoding="utf-8")
    monkeypatch.setattr(build, "LEAN_OPENCV_SCRIPT", script)
    build.compile_lean_opencv(tmp_path / "cache")
    assert (tmp_path / "cache" / "cv2" / "python.txt").read_text() == build.sys.executable


def test_a_cached_build_of_another_release_is_named_when_reused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    build = load_build()
    monkeypatch.delenv("OPENCV_VERSION", raising=False)
    folder = tmp_path / "cache"
    (folder / "opencv_python_headless-4.0.0.1.dist-info").mkdir(parents=True)
    (folder / "cv2").mkdir()
    monkeypatch.setattr(build, "check_lean_opencv", lambda f: {"version": "4.0.0", "camera": [], "video_files": []})
    build.prepare_lean_opencv(folder)
    assert f"holds OpenCV 4.0.0.1; lean_opencv.sh now builds {build.recipe_version()}" in capsys.readouterr().out
    (folder / "opencv_python_headless-4.0.0.1.dist-info").rename(
        folder / f"opencv_python_headless-{build.recipe_version()}.dist-info"
    )
    build.prepare_lean_opencv(folder)
    assert "NOTE" not in capsys.readouterr().out
