"""One check for every file the app is told to write (``--out``, save dialogs): refuse early and plainly.

Writers write to ``NAME.part`` and rename it over ``NAME`` when complete; this check runs BEFORE any work,
so a folder, a device or a place nobody may write to is refused with a clear message, and nothing is left
behind (not even a ``.part``). Plain Python: the CLI and the services may both use it.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from inventory_app.core.errors import RejectedInput


def check_out_file(path: Path | str, *, example: str = "FILE") -> Path:
    """``path`` as a file that can be written, or RejectedInput saying why not (nothing is created)."""
    path = Path(path).expanduser()
    if path.is_dir():
        raise RejectedInput(f"{path} is a folder; give a file name in it, e.g. {path / example}")
    if path.exists() and not path.is_file():
        raise RejectedInput(f"{path} is not a regular file; give a file name to write, e.g. {example}")
    folder = path.absolute().parent
    while not folder.exists() and folder != folder.parent:  # missing folders are made by the writer
        folder = folder.parent
    if not folder.is_dir():
        raise RejectedInput(f"cannot write {path}: {folder} is a file, not a folder")
    try:  # the only honest test of "may I create a file here" (root, /proc, read-only media, ACLs)
        fd, probe = tempfile.mkstemp(prefix=".inventory-", suffix=".probe", dir=folder)
    except OSError as exc:
        raise RejectedInput(f"cannot write {path}: {exc.strerror or exc} in {folder}") from None
    os.close(fd)
    os.unlink(probe)
    return path


@contextmanager
def atomic_text(path: Path | str, *, encoding: str = "utf-8") -> Iterator[TextIO]:
    """``with atomic_text(path) as fh:`` writes ``NAME.part`` and puts it in place only when the block
    succeeds; on any failure nothing is left behind and an earlier file of that name is untouched."""
    path = check_out_file(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    try:
        try:
            fh = tmp.open("w", encoding=encoding, newline="")
        except OSError as exc:
            raise RejectedInput(f"cannot write {path}: {exc.strerror or exc}") from None
        with fh:
            yield fh
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


__all__ = ["atomic_text", "check_out_file"]
