"""Versions of the app and of the libraries it stands on, for ``--version``, the About box and bug reports.

Read from package metadata and, for the native zbar library, by asking the library itself through
ctypes, so nothing heavy (Qt, OpenCV) is imported and a missing optional part reads "not available"
instead of failing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import importlib.util
import platform
import sys
from importlib import metadata
from pathlib import Path

from inventory_app import __version__

NOT_AVAILABLE = "not available"

# label -> distribution names to try (the first one installed wins)
_DISTRIBUTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Qt (PySide6)", ("PySide6-Essentials", "PySide6")),
    ("SQLAlchemy", ("SQLAlchemy",)),
    ("Alembic", ("alembic",)),
    ("zxing-cpp", ("zxing-cpp",)),
    ("pyzbar", ("pyzbar",)),
    ("OpenCV", ("opencv-python-headless", "opencv-python")),
    ("psycopg", ("psycopg",)),
)


def distribution_version(*names: str) -> str:
    for name in names:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return NOT_AVAILABLE


def _zbar_library() -> ctypes.CDLL | None:
    """Load zbar the way pyzbar does: its bundled DLL on Windows, the system library elsewhere."""
    if sys.platform == "win32":
        spec = importlib.util.find_spec("pyzbar")
        if spec is None or not spec.origin:
            return None
        folder = Path(spec.origin).parent
        bits = "64" if sys.maxsize > 2**32 else "32"
        ctypes.CDLL(str(folder / ("libiconv.dll" if bits == "64" else "libiconv-2.dll")))
        return ctypes.CDLL(str(folder / f"libzbar-{bits}.dll"))
    name = ctypes.util.find_library("zbar")
    return ctypes.CDLL(name) if name else None


def zbar_version() -> str:
    try:
        lib = _zbar_library()
        if lib is None:
            return NOT_AVAILABLE + " (install libzbar0)"
        major, minor, patch = ctypes.c_uint(0), ctypes.c_uint(0), ctypes.c_uint(0)
        # zbar >= 0.22 takes (major, minor, patch), older ones (major, minor): the extra pointer is harmless.
        lib.zbar_version(ctypes.byref(major), ctypes.byref(minor), ctypes.byref(patch))
        text = f"{major.value}.{minor.value}"
        return f"{text}.{patch.value}" if patch.value else text
    except (OSError, AttributeError) as exc:
        return f"{NOT_AVAILABLE} ({exc})"


def check_native_libraries() -> str:
    """For the selftest: zbar loads (from the bundle when frozen) and the decoder packages are present."""
    from inventory_app.paths import bundle_root

    lib = _zbar_library()
    if lib is None:
        raise RuntimeError("the zbar library cannot be found (install libzbar0, or rebuild the bundle)")
    name = Path(str(lib._name))
    bundled = (
        getattr(sys, "frozen", False) and name.is_absolute() and name.resolve().is_relative_to(bundle_root().resolve())
    )
    where = "bundled" if bundled else "system" if sys.platform != "win32" else "from pyzbar"
    missing = [
        label
        for label in ("zxing-cpp", "pyzbar", "OpenCV")
        if distribution_version(*dict(_DISTRIBUTIONS)[label]) == NOT_AVAILABLE
    ]
    if missing:
        raise RuntimeError(f"missing: {', '.join(missing)}")
    return (
        f"zbar {zbar_version()} ({where}), zxing-cpp {distribution_version('zxing-cpp')}, "
        f"OpenCV {distribution_version('opencv-python-headless', 'opencv-python')}"
    )


def schema_head() -> str:
    try:
        from inventory_app.storage import migrations

        return migrations.head_revision()
    except Exception as exc:  # a broken bundle still answers --version
        return f"{NOT_AVAILABLE} ({type(exc).__name__}: {exc})"


def versions() -> dict[str, str]:
    """Label -> version, in the order a person reads them."""
    out = {
        "School device inventory": __version__,
        "Store schema (this build)": schema_head(),
        "Python": f"{platform.python_version()} ({'bundled' if getattr(sys, 'frozen', False) else 'from source'})",
        "Platform": platform.platform(terse=True),
    }
    for label, names in _DISTRIBUTIONS:
        out[label] = distribution_version(*names)
    out["zbar library"] = zbar_version()
    return out


def versions_text() -> str:
    table = versions()
    width = max(len(k) for k in table)
    return "\n".join(f"{k.ljust(width)}  {v}" for k, v in table.items())
