"""Build the one-folder bundle, report its size, and run its selftest from a clean environment.

    .venv/bin/python installer/build.py              # dist/inventory-app/ + size report + selftest
    .venv/bin/python installer/build.py --tarball    # ... and dist/inventory-app-<version>-linux-<arch>.tar.gz
    .venv/bin/python installer/build.py --check-only # selftest an existing dist/inventory-app/ again
    .venv/bin/python installer/build.py --stock-opencv   # quick build with the venv's OpenCV (over 300 MB)

OpenCV: by default the bundle takes a lean OpenCV (core, imgproc, imgcodecs, videoio; no FFmpeg, no
OpenBLAS; about 12 MB instead of the wheel's 151 MB), which keeps the bundle under its 300 MB aim.
installer/lean_opencv.sh compiles it from the opencv-python-headless sources into a cache folder:
build/lean-opencv, or the folder in $INVENTORY_LEAN_OPENCV, or ``--lean-opencv FOLDER``. The first
build compiles it (20-40 minutes on two cores; cmake, ninja or make and a C++ compiler needed); later
builds reuse the folder (delete it to compile again). ``--stock-opencv`` bundles the virtual
environment's wheel instead: a quick build that works the same (and reads every video format) but is
about 390 MB.
What the bundle gives up with the lean OpenCV: video files other than Motion-JPEG .avi (no FFmpeg);
images in formats other than JPEG, PNG, BMP and PNM are read through Pillow instead. The webcam
(V4L2, DirectShow, Media Foundation, AVFoundation) is OpenCV's own code and stays.

The selftest runs the bundled executable with nothing but PATH, HOME (a fresh temporary folder) and
QT_QPA_PLATFORM=offscreen in its environment and a working folder outside the repository, so it cannot
lean on the virtual environment or the source tree. Then the bundle's `scan` reads the sample label as
PNG, JPEG, TIFF and WebP and as a Motion-JPEG .avi (what the lean OpenCV must still read). Figures go
to dist/inventory-app-report.json (benchmarks/bundle.py reads them).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "installer" / "inventory-app.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
APP_NAME = "inventory-app"
IS_WIN = sys.platform == "win32"
MB = 1024 * 1024
SIZE_AIM_MB = 300  # the unpacked one-folder bundle (issue 15)

LEAN_OPENCV_SCRIPT = ROOT / "installer" / "lean_opencv.sh"
LEAN_OPENCV_ENV = "INVENTORY_LEAN_OPENCV"  # where the compiled lean OpenCV is kept between builds
LEAN_OPENCV_DEFAULT = ROOT / "build" / "lean-opencv"
# The camera backends scanning/camera.py opens on each OS: a lean OpenCV without them is refused.
CAMERA_BACKENDS = {"linux": ("V4L2",), "win32": ("DSHOW", "MSMF"), "darwin": ("AVFOUNDATION",)}


def app_version() -> str:
    text = (ROOT / "inventory_app" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'__version__\s*=\s*"([^"]+)"', text)
    if not match:
        raise SystemExit("no __version__ in inventory_app/__init__.py")
    return match.group(1)


# What dist/inventory-app/ holds on Windows (the spec's two EXEs and PyInstaller's _internal folder);
# the Inno Setup script's [Files] must take exactly these (tests/installer/test_inno_setup.py).
WINDOWS_BUNDLE_TOP = ("inventory-app.exe", "inventory-cli.exe", "_internal")


def bundle_dir() -> Path:
    return DIST / APP_NAME


def executable(cli: bool = False) -> Path:
    """The program to run: on Windows the console twin (inventory-cli.exe) for command-line use."""
    if IS_WIN:
        return bundle_dir() / ("inventory-cli.exe" if cli else f"{APP_NAME}.exe")
    return bundle_dir() / APP_NAME


# ---- the lean OpenCV -----------------------------------------------------------------------------


def lean_opencv_folder(given: Path | None) -> Path:
    """--lean-opencv FOLDER, else $INVENTORY_LEAN_OPENCV, else build/lean-opencv."""
    if given is not None:
        return given.resolve()
    from_env = os.environ.get(LEAN_OPENCV_ENV)
    return Path(from_env).resolve() if from_env else LEAN_OPENCV_DEFAULT


def compile_lean_opencv(folder: Path) -> None:
    """Run installer/lean_opencv.sh into `folder` (once; later builds reuse the folder)."""
    shell = shutil.which("sh") or shutil.which("bash")
    if shell is None:
        raise SystemExit(
            "compiling the lean OpenCV needs a POSIX shell (on Windows Git for Windows' bash: see "
            "installer/windows/README.md); or build with the venv's OpenCV: installer/build.py --stock-opencv"
        )
    print(
        f"\n*** Compiling the lean OpenCV into {folder} (installer/lean_opencv.sh).\n"
        "*** This takes 20-40 minutes the first time; later builds reuse the folder.\n"
        "*** A quick build with the venv's OpenCV instead (bundle over 300 MB): installer/build.py --stock-opencv\n",
        flush=True,
    )
    started = time.perf_counter()
    proc = subprocess.run(
        [shell, LEAN_OPENCV_SCRIPT.as_posix(), folder.as_posix()],
        cwd=ROOT,
        env={**os.environ, "PYTHON": sys.executable},
    )
    if proc.returncode != 0 or not (folder / "cv2").is_dir():
        raise SystemExit(
            f"the lean OpenCV did not build (exit code {proc.returncode}; its output is above). "
            "A quick build with the venv's OpenCV instead: installer/build.py --stock-opencv"
        )
    print(f"lean OpenCV compiled in {(time.perf_counter() - started) / 60:.0f} min into {folder}")


_DESCRIBE_CV2 = """import json, cv2
from cv2 import videoio_registry as r
print(json.dumps({"version": cv2.__version__, "file": cv2.__file__,
                  "camera": [r.getBackendName(b) for b in r.getCameraBackends() if r.hasBackend(b)],
                  "video_files": [r.getBackendName(b) for b in r.getStreamBackends() if r.hasBackend(b)]}))"""


def check_lean_opencv(folder: Path) -> dict[str, object]:
    """The folder's cv2 imports on its own and has this OS's camera backends; what it reads, for the report."""
    proc = subprocess.run(
        [sys.executable, "-c", _DESCRIBE_CV2],
        cwd=folder,
        env={**os.environ, "PYTHONPATH": str(folder)},
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        raise SystemExit(
            f"the lean OpenCV in {folder} does not import:\n{proc.stderr.strip()}\n"
            "delete the folder to compile it again"
        )
    info: dict[str, object] = json.loads(proc.stdout)
    if not Path(str(info["file"])).resolve().is_relative_to(folder.resolve()):
        raise SystemExit(f"{folder} has no cv2 of its own (Python found {info['file']})")
    wanted = next((names for prefix, names in CAMERA_BACKENDS.items() if sys.platform.startswith(prefix)), ())
    missing = [name for name in wanted if name not in info["camera"]]  # type: ignore[operator]
    if missing:
        raise SystemExit(
            f"the lean OpenCV in {folder} has no {', '.join(missing)} camera backend (it has "
            f"{info['camera']}): the webcam would not open. Delete the folder and compile it again."
        )
    return info


def recipe_version() -> str | None:
    """The opencv-python-headless release lean_opencv.sh compiles (unless OPENCV_VERSION says otherwise)."""
    match = re.search(r"OPENCV_VERSION:-([0-9.]+)", LEAN_OPENCV_SCRIPT.read_text(encoding="utf-8"))
    return os.environ.get("OPENCV_VERSION") or (match.group(1) if match else None)


def prepare_lean_opencv(folder: Path) -> dict[str, object]:
    """Compile the lean OpenCV into `folder` unless it is there; check it; say what the bundle gets."""
    if (folder / "cv2").is_dir():
        print(f"lean OpenCV: reusing {folder} (delete it to compile again)")
        built = sorted(p.name.removesuffix(".dist-info").split("-")[1] for p in folder.glob("opencv_python*.dist-info"))
        wanted = recipe_version()
        if wanted and built and wanted not in built:
            print(f"NOTE: {folder} holds OpenCV {built[0]}; lean_opencv.sh now builds {wanted}: delete it to update")
    else:
        compile_lean_opencv(folder)
    info = check_lean_opencv(folder)
    print(
        f"lean OpenCV {info['version']}: camera {', '.join(info['camera'])}; "  # type: ignore[arg-type]
        f"video files {', '.join(info['video_files'])}"  # type: ignore[arg-type]
    )
    return {"lean": str(folder), **info}


# ---- building ------------------------------------------------------------------------------------


def write_windows_version_info(version: str) -> None:
    """The file-properties version block of the .exe (Explorer > Properties > Details)."""
    parts = [int(p) for p in re.findall(r"\d+", version)][:4]
    parts += [0] * (4 - len(parts))
    numbers = tuple(parts)
    text = f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('040904B0', [
      StringStruct('CompanyName', 'Education Department'),
      StringStruct('FileDescription', 'School device inventory'),
      StringStruct('FileVersion', '{version}'),
      StringStruct('InternalName', '{APP_NAME}'),
      StringStruct('OriginalFilename', '{APP_NAME}.exe'),
      StringStruct('ProductName', 'School device inventory'),
      StringStruct('ProductVersion', '{version}')])]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""
    target = ROOT / "build" / "windows-version-info.txt"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")


def build(lean_opencv: Path | None = None) -> float:
    started = time.perf_counter()
    env = dict(os.environ)
    if lean_opencv is not None:
        if not (lean_opencv / "cv2").is_dir():
            raise SystemExit(f"no cv2 package in {lean_opencv}: run installer/lean_opencv.sh {lean_opencv}")
        # Found before the virtual environment's cv2 by the analysis and by the hooks.
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(lean_opencv), env.get("PYTHONPATH", "")) if p)
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_translations.py"), "--quiet"], check=True)
    if IS_WIN:
        write_windows_version_info(app_version())
    if bundle_dir().exists():
        shutil.rmtree(bundle_dir())
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(DIST),
            "--workpath",
            str(WORK),
            str(SPEC),
        ],
        cwd=ROOT,
        check=True,
        env=env,
    )
    if not executable().exists():
        raise SystemExit(f"the build did not produce {executable()}")
    return time.perf_counter() - started


# ---- size report ---------------------------------------------------------------------------------


def size_report(top: int = 15) -> dict[str, object]:
    """Total size, the biggest files, and the biggest groups (Qt libraries, plugins, packages)."""
    root = bundle_dir()
    files = [p for p in root.rglob("*") if p.is_file() and not p.is_symlink()]
    sizes = {p.relative_to(root).as_posix(): p.stat().st_size for p in files}
    groups: Counter[str] = Counter()
    for rel, size in sizes.items():
        parts = rel.split("/")
        if parts[0] == "_internal":
            parts = parts[1:]
        # PySide6/Qt/lib, PySide6/Qt/plugins/<kind>, cv2, numpy.libs, ... : enough depth to act on.
        depth = 4 if parts[:3] == ["PySide6", "Qt", "plugins"] else 3 if parts[:2] == ["PySide6", "Qt"] else 1
        groups["/".join(parts[:depth]) if len(parts) > depth else (parts[0] if len(parts) > 1 else "(top level)")] += (
            size
        )
    trimmed_list = DIST / f"{APP_NAME}-trimmed.txt"
    trimmed = trimmed_list.read_text(encoding="utf-8").split() if trimmed_list.exists() else []
    return {
        "total_mb": round(sum(sizes.values()) / MB, 1),
        "files": len(sizes),
        "biggest_files": [
            (name, round(size / MB, 1)) for name, size in sorted(sizes.items(), key=lambda kv: -kv[1])[:top]
        ],
        "biggest_groups": [(name, round(size / MB, 1)) for name, size in groups.most_common(top)],
        "trimmed_files": len(trimmed),
    }


def print_size_report(report: dict[str, object]) -> None:
    print(
        f"\nbundle {bundle_dir()}: {report['total_mb']} MB unpacked in {report['files']} files "
        f"({report['trimmed_files']} files of unused Qt parts left out; list in dist/{APP_NAME}-trimmed.txt)"
    )
    print("biggest parts:")
    for name, mb in report["biggest_groups"]:  # type: ignore[union-attr]
        print(f"  {mb:7.1f} MB  {name}")
    print("biggest files:")
    for name, mb in report["biggest_files"][:8]:  # type: ignore[index]
        print(f"  {mb:7.1f} MB  {name}")


# ---- selftest from a clean environment -------------------------------------------------------------


def clean_env(home: Path) -> dict[str, str]:
    """What a fresh login has: no virtual environment, no PYTHONPATH, no project folders."""
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    if IS_WIN:  # Windows programs cannot start without these
        env = {
            "PATH": os.environ.get("SYSTEMROOT", r"C:\Windows") + r"\System32",
            "SystemRoot": os.environ.get("SYSTEMROOT", r"C:\Windows"),
            "USERPROFILE": str(home),
            "LOCALAPPDATA": str(home / "AppData" / "Local"),
            "APPDATA": str(home / "AppData" / "Roaming"),
            "TEMP": str(home),
            "TMP": str(home),
            "QT_QPA_PLATFORM": "offscreen",
        }
    return env


def run_clean(args: list[str], home: Path, timeout: float = 300) -> tuple[subprocess.CompletedProcess[str], float]:
    started = time.perf_counter()
    proc = subprocess.run(
        [str(executable(cli=True)), *args],
        cwd=home,
        env=clean_env(home),
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    return proc, time.perf_counter() - started


def selftest(screenshot_copy: Path | None = None) -> dict[str, object]:
    """Run the bundle's --version, selftest and selftest --screenshot; fail loudly on any failure."""
    with tempfile.TemporaryDirectory(prefix="inventory-bundle-home-") as tmp:
        home = Path(tmp)
        figures: dict[str, object] = {}
        steps = [
            ("version", ["--version"]),
            ("selftest", ["selftest"]),
            ("selftest_screenshot", ["selftest", "--screenshot", str(home / "window.png")]),
        ]
        for name, args in steps:
            proc, seconds = run_clean(args, home)
            figures[f"{name}_s"] = round(seconds, 2)
            print(f"\n$ {executable(cli=True).name} {' '.join(args)}   ({seconds:.2f} s, clean environment)")
            print((proc.stdout + proc.stderr).strip())
            if proc.returncode != 0:
                raise SystemExit(f"the bundle's `{' '.join(args)}` failed with exit code {proc.returncode}")
            if name == "version":
                figures["version_text"] = proc.stdout.strip()
        figures["scan_formats_s"] = check_scan_formats(home)
        if screenshot_copy is not None and (home / "window.png").exists():
            shutil.copyfile(home / "window.png", screenshot_copy)
            print(f"\nwindow screenshot: {screenshot_copy}")
        return figures


SAMPLE = ROOT / "resources" / "samples" / "label_sample.png"
SCAN_FORMATS = ("png", "jpg", "tif", "webp", "avi")  # .avi: Motion-JPEG, the one video the lean OpenCV reads


def write_sample_formats(folder: Path) -> list[str]:
    """The sample label as every kind of file `scan` must read in the bundle (with this environment's tools)."""
    import cv2  # the virtual environment's, only to write the Motion-JPEG video
    import numpy as np
    from PIL import Image

    image = Image.open(SAMPLE).convert("RGB")
    names = []
    for ext in SCAN_FORMATS[:-1]:
        image.save(
            folder / f"label.{ext}",
            **({"quality": 90} if ext == "jpg" else {"lossless": True} if ext == "webp" else {}),
        )
        names.append(f"label.{ext}")
    frame = cv2.cvtColor(np.asarray(image), cv2.COLOR_RGB2BGR)
    writer = cv2.VideoWriter(str(folder / "label.avi"), cv2.VideoWriter.fourcc(*"MJPG"), 10, image.size)
    for _ in range(6):
        writer.write(frame)
    writer.release()
    return [*names, "label.avi"]


def check_scan_formats(home: Path) -> float:
    """The bundle's `scan` reads the sample label's tag from each file format (images and video)."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from inventory_app.core.identifiers import make_tag

    tag = make_tag("SLF", 1)  # what the sample label holds (the selftest's decode check reads it too)
    names = write_sample_formats(home)
    proc, seconds = run_clean(["scan", "--json", *names], home)
    print(f"\n$ {executable(cli=True).name} scan --json {' '.join(names)}   ({seconds:.2f} s, clean environment)")
    print((proc.stdout + proc.stderr).strip())
    lines = proc.stdout.splitlines()
    unread = [name for name in names if not any(name in line and tag in line for line in lines)]
    if proc.returncode != 0 or unread:
        raise SystemExit(
            f"the bundle's `scan` did not read {tag} from {', '.join(unread) or 'every file'} "
            f"(exit code {proc.returncode})"
        )
    print(f"scan read {tag} from {', '.join(SCAN_FORMATS)}")
    return round(seconds, 2)


# ---- Linux tarball -----------------------------------------------------------------------------------


def tarball(version: str) -> Path:
    arch = platform.machine().lower() or "x86_64"
    out = DIST / f"{APP_NAME}-{version}-linux-{arch}.tar.gz"
    subprocess.run(
        ["bash", str(ROOT / "installer" / "linux" / "make_tarball.sh"), str(bundle_dir()), str(out)], check=True
    )
    print(f"\ntarball: {out} ({out.stat().st_size / MB:.1f} MB)")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check-only", action="store_true", help="do not build; check the existing bundle")
    parser.add_argument("--tarball", action="store_true", help="also pack the Linux tarball with .desktop and icon")
    parser.add_argument("--no-selftest", action="store_true", help="skip running the bundle")
    choice = parser.add_mutually_exclusive_group()
    choice.add_argument(
        "--lean-opencv",
        type=Path,
        metavar="FOLDER",
        help=f"keep the lean OpenCV in this folder (default ${LEAN_OPENCV_ENV} or build/lean-opencv; "
        "compiled there by installer/lean_opencv.sh when missing, 20-40 min)",
    )
    choice.add_argument(
        "--stock-opencv",
        action="store_true",
        help="bundle the venv's opencv-python-headless wheel instead: quick, but the bundle is about 390 MB",
    )
    args = parser.parse_args()
    version = app_version()
    report: dict[str, object] = {"version": version, "platform": sys.platform}
    if not args.check_only:
        lean = None if args.stock_opencv else lean_opencv_folder(args.lean_opencv)
        if lean is not None:
            report["opencv"] = prepare_lean_opencv(lean)
        else:
            print("OpenCV: the venv's wheel (--stock-opencv); the bundle will be over its size aim")
            report["opencv"] = "venv wheel"
        report["build_s"] = round(build(lean), 1)
        print(f"built in {report['build_s']} s")
    elif not executable().exists():
        raise SystemExit(f"no bundle at {bundle_dir()}: build it first")
    report["size"] = size_report()
    print_size_report(report["size"])  # type: ignore[arg-type]
    total = report["size"]["total_mb"]  # type: ignore[index]
    if total > SIZE_AIM_MB:
        why = (
            "the venv's OpenCV (--stock-opencv) is 151 MB; the default build with the lean OpenCV stays under it"
            if args.stock_opencv
            else "see the biggest parts above"
        )
        print(f"\nNOTE: {total} MB is over the {SIZE_AIM_MB} MB aim: {why}")
    if not args.no_selftest:
        report["run"] = selftest(DIST / f"{APP_NAME}-selftest.png")
    if args.tarball:
        if IS_WIN:
            raise SystemExit("the tarball is for Linux; on Windows compile installer/windows/inventory-app.iss")
        report["tarball"] = str(tarball(version))
    (DIST / f"{APP_NAME}-report.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"\nbundle OK: {executable()} ({total} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
