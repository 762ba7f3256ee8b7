"""Loading Qt plugins on the UI thread without the deadlock of defect 1 (docs/ARCHITECTURE.md, Threads).

Qt loads a plugin with ``dlopen``, which holds the C library's loader lock while the plugin's
initialisers run; QtMultimedia's FFmpeg plugin logs from there ("Couldn't load va library…"). With
the crash handler's Python message hook installed, that log line needs the GIL. A worker thread
that holds the GIL while importing an extension module (``import keyring`` → ``import grp``) waits
for the loader lock: each thread holds what the other waits for, and the window stays black.

``qt_plugin_load()`` hands Qt's messages to Qt's own handler (stderr, no Python) while the block
runs, so the UI thread never needs the GIL under the loader lock. Every Qt call that can load a
plugin (QtMultimedia: the camera list, sound effects) runs inside it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import qInstallMessageHandler


@contextmanager
def qt_plugin_load() -> Iterator[None]:
    previous = qInstallMessageHandler(None)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)
