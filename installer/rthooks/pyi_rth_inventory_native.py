"""PyInstaller runtime hook: let ctypes find the native libraries shipped inside the bundle.

pyzbar loads zbar with ``ctypes.util.find_library("zbar")``, which on Linux asks ldconfig/gcc about the
system, not the bundle, so a laptop without ``libzbar0`` would have no zbar. The spec bundles the build
machine's libzbar; here ``find_library`` learns to answer with the bundled file first. The bundle's
location comes from ``inventory_app.paths`` (the one place that knows about the frozen layout).
"""

import ctypes.util
import sys


def _install() -> None:
    if not sys.platform.startswith("linux"):
        return  # Windows: pyzbar loads its DLLs from its own package folder, which the bundle keeps.
    from inventory_app.paths import bundle_root

    root = bundle_root()
    system_find_library = ctypes.util.find_library

    def find_library(name: str):  # type: ignore[no-untyped-def]
        for candidate in sorted(root.glob(f"lib{name}.so*")):
            return str(candidate)
        return system_find_library(name)

    ctypes.util.find_library = find_library


_install()
