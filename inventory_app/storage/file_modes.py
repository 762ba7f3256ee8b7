"""Files that hold the laptop's signing key (the store, its -wal/-shm, its backups) are its owner's only.

The key stays in the store rather than in the OS keyring: a laptop must sign its sync files from the
command line and on machines without a usable keyring, and a store (or a backup of it) restored on
another account must still be able to sign. The store also holds the whole inventory, which is no
business of other accounts on the machine either, so the files themselves are made owner-only: created
0600 from the first byte (whatever the umask) and tightened when an older, wider file is opened. SQLite
gives a database's -wal, -shm and -journal files the mode of the database file.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

OWNER_ONLY = 0o600
SIDE_FILES = ("-wal", "-shm", "-journal")


def create_private(path: Path) -> None:
    """Create ``path`` empty and owner-only if it does not exist yet (SQLite then fills it)."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, OWNER_ONLY)
    except FileExistsError:
        return
    os.close(fd)


def make_private(path: Path) -> None:
    """Take group and other access away from a store file and its side files (where the OS has modes)."""
    if os.name == "nt":
        return
    for p in (path, *(path.with_name(path.name + s) for s in SIDE_FILES)):
        with contextlib.suppress(FileNotFoundError, PermissionError):
            mode = stat.S_IMODE(p.stat().st_mode)
            if mode & 0o077:
                os.chmod(p, mode & 0o700)


def write_private(path: Path, data: bytes) -> None:
    """Write a file that holds a secret: owner-only from creation, replaced atomically."""
    tmp = path.with_name(path.name + ".part")
    tmp.unlink(missing_ok=True)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, OWNER_ONLY)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    os.replace(tmp, path)
