"""Crash-safe file replacement: write a temp file beside the target, fsync, rename over it."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path
from typing import Iterable


def atomic_write(path: Path, data: bytes | Iterable[bytes | memoryview]) -> None:
    """Replace ``path`` with ``data`` (bytes, or its parts in order) so that a reader sees either the
    old file or the new one, whole.

    Raises OSError (read-only folder, full disk); the old file is then untouched and no temp file is left.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=temp_prefix(path), suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            if isinstance(data, bytes):
                f.write(data)
            else:
                f.writelines(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    try:  # make the rename itself durable
        dfd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)
    except OSError:
        pass


def temp_prefix(path: Path, pid: int | None = None) -> str:
    """How the temp files of this process (or ``pid``) for ``path`` begin: a process killed while
    it writes leaves one, which whoever killed it can find and remove (build_process.cancel)."""
    return f".{path.name}.{os.getpid() if pid is None else pid}."


def why_not_written(e: OSError, folder: Path, kind: str) -> str:
    """Why a file could not be written in ``folder`` (the ``kind`` folder: "data", "cache"), in words."""
    if e.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return f"the {kind} folder {folder} is read-only"
    if e.errno == errno.ENOSPC:
        return f"the disk holding {folder} is full"
    if e.errno in (errno.ENOTDIR, errno.EEXIST):
        return f"the {kind} folder {folder} cannot be created (a file is in the way)"
    return f"{e.strerror or e} ({folder})"
