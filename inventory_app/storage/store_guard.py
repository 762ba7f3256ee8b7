"""Keep SQLite's "this store is in use" locks held while a process has the store open (Linux).

SQLite (unix VFS) says "I have this store open" with POSIX record locks: a read lock on the database
file's SHARED byte range and a read lock on the DMS byte of the ``-shm`` file. POSIX locks belong to the
*process*, and closing ANY descriptor of a file drops ALL of the process's locks on it. So when anything
else in the process opens and closes the store's files (Qt's file dialog working out file types, a
thumbnailer, a MIME sniffer), the store's locks silently vanish; the next program that closes the store
then believes it is the last user, checkpoints and DELETES the ``-wal`` the app is still writing into
(committed scans vanish after a crash), and the next one to open it may re-initialise the ``-shm``.

The guard holds open-file-description locks (``F_OFD_SETLK``, Linux 3.15+) on the same bytes, through
descriptors of its own. OFD locks are not dropped when some other descriptor of the file is closed, and
they conflict with POSIX locks, so while the guard lives no other process can take the EXCLUSIVE lock
that precedes deleting the WAL, nor the DMS write lock that precedes re-initialising the ``-shm``. They
are released when the guard is closed or the process dies (a crash leaves nothing behind).

The byte offsets are SQLite's (os_unix.c): PENDING_BYTE 0x40000000, SHARED_FIRST = PENDING_BYTE + 2,
SHARED_SIZE 510; the ``-shm`` DMS byte is UNIX_SHM_BASE + UNIX_SHM_DMS = 120 + 8 = 128. Everything the
design relies on is written down in docs/STORE-SAFETY.md. Elsewhere (Windows: LockFileEx locks belong to
a handle and are not affected; macOS has no OFD locks) the guard does nothing.
"""

from __future__ import annotations

import errno
import logging
import os
import struct
import sys
from pathlib import Path

log = logging.getLogger(__name__)

PENDING_BYTE = 0x40000000
SHARED_FIRST = PENDING_BYTE + 2
SHARED_SIZE = 510
SHM_DMS_BYTE = 128

try:  # Linux only; Python exposes the constant where the platform has it
    import fcntl

    _OFD_SETLK: int | None = getattr(fcntl, "F_OFD_SETLK", None)
    _RDLCK, _UNLCK = fcntl.F_RDLCK, fcntl.F_UNLCK
except ImportError:  # Windows
    _OFD_SETLK = None
    _RDLCK, _UNLCK = 0, 2


def ofd_locks_available() -> bool:
    return _OFD_SETLK is not None and sys.platform.startswith("linux")


def _flock(kind: int, start: int, length: int) -> bytes:
    # struct flock {short l_type; short l_whence; off_t l_start; off_t l_len; pid_t l_pid;} (pid 0 for OFD)
    return struct.pack("@hhqqi0q", kind, os.SEEK_SET, start, length, 0)


class StoreGuard:
    """OFD read locks on the store's "in use" bytes, on descriptors of its own.

    Closing a descriptor of the store file drops every POSIX lock this process holds on it, SQLite's
    included; so the guard's own descriptors are closed only once nothing else in the process has the
    files open (``close``), and until then the lock is given up with F_UNLCK, which drops nothing else.
    """

    def __init__(self, db_path: Path) -> None:
        self.db_path = Path(db_path)
        self._locks: list[tuple[int, Path, int, int]] = []  # fd, file, start, length
        self._deferred_close: list[int] = []  # opened but not locked: closed with the others

    @classmethod
    def acquire(cls, db_path: Path) -> StoreGuard:
        """Lock what can be locked now: the database file, and its ``-shm`` when it exists (WAL mode)."""
        guard = cls(db_path)
        if ofd_locks_available():
            guard._open_and_lock(guard.db_path, SHARED_FIRST, SHARED_SIZE)
            guard._open_and_lock(Path(str(guard.db_path) + "-shm"), SHM_DMS_BYTE, 1)
        return guard

    @property
    def held(self) -> list[str]:
        """The names of the guarded files (for tests and the log)."""
        return [path.name for _fd, path, _start, _length in self._locks]

    def _open_and_lock(self, path: Path, start: int, length: int) -> None:
        try:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
        except FileNotFoundError:
            return
        if self._set(fd, path, _RDLCK, start, length):
            self._locks.append((fd, path, start, length))
        else:
            self._deferred_close.append(fd)

    @staticmethod
    def _set(fd: int, path: Path, kind: int, start: int, length: int) -> bool:
        assert _OFD_SETLK is not None
        try:
            fcntl.fcntl(fd, _OFD_SETLK, _flock(kind, start, length))
        except OSError as exc:
            # EAGAIN/EACCES: another program holds a write lock this instant (it is checkpointing the
            # store on close). SQLite's own lock keeps the store safe as long as nothing drops it.
            level = logging.INFO if exc.errno in (errno.EAGAIN, errno.EACCES) else logging.WARNING
            log.log(level, "could not guard %s: %s", path.name, exc)
            return False
        return True

    def release(self) -> None:
        """Give the locks up (so the last user can checkpoint and remove the WAL); descriptors stay open."""
        for fd, path, start, length in self._locks:
            self._set(fd, path, _UNLCK, start, length)

    def close(self) -> None:
        """After the store's connections are closed: close the guard's descriptors, unless something else
        in this process still has the files open (another Store on the same path); then keep guarding."""
        if not self._locks and not self._deferred_close:
            return
        paths = {path for _fd, path, _start, _length in self._locks}
        own = {fd for fd, *_rest in self._locks} | set(self._deferred_close)
        if _open_elsewhere_in_process(paths, own):
            for fd, path, start, length in self._locks:
                self._set(fd, path, _RDLCK, start, length)
            return
        locks, self._locks = self._locks, []
        deferred, self._deferred_close = self._deferred_close, []
        for fd in [fd for fd, *_rest in locks] + deferred:
            os.close(fd)


def open_in_this_process(path: Path) -> bool:
    """Whether this process has ``path`` open (Linux; False where it cannot tell). Reading such a file
    through a descriptor of its own and closing it would drop SQLite's locks on it."""
    if not sys.platform.startswith("linux"):
        return False
    return _open_elsewhere_in_process({Path(path)}, set()) if os.path.isdir("/proc/self/fd") else False


def _open_elsewhere_in_process(paths: set[Path], own: set[int]) -> bool:
    """Whether a descriptor other than ``own`` has one of ``paths`` open (Linux /proc)."""
    wanted = {str(p) for p in paths}
    try:
        entries = os.listdir("/proc/self/fd")
    except OSError:
        return True  # cannot tell: keep the descriptors (a few bytes) rather than risk the locks
    for entry in entries:
        if not entry.isdigit() or int(entry) in own:
            continue
        try:
            target = os.readlink(f"/proc/self/fd/{entry}")
        except OSError:
            continue
        if target in wanted:
            return True
    return False


__all__ = ["StoreGuard", "ofd_locks_available", "open_in_this_process", "SHARED_FIRST", "SHARED_SIZE", "SHM_DMS_BYTE"]
