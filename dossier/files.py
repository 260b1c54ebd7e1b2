"""Reading and writing whole files with as few system calls as possible.

A large dossier reads and writes tens of thousands of small files; Python's
``open()`` spends four extra system calls on each (fstat, ioctl, lseek,
a second read), which measured a third of the file time of a build.
"""

from __future__ import annotations

import os
from pathlib import Path

#: bytes as they are: no newline translation on Windows
_BINARY = getattr(os, "O_BINARY", 0)


def read_file(path: str | Path) -> bytes:
    fd = os.open(path, os.O_RDONLY | _BINARY)
    try:
        return _read_all(fd, os.fstat(fd).st_size)
    finally:
        os.close(fd)


def write_file(root: Path, rel: str, data: bytes) -> bool:
    """Make ``root/rel`` hold ``data`` unless it does already; True if written.

    Files are written in place: an interrupted write leaves a file whose
    bytes differ from the output, which the next build rewrites (a kept
    ``Build`` forgets its page keys when a build fails, so it does too).
    """
    target = os.path.join(root, rel)
    try:
        fd = os.open(target, os.O_RDONLY | _BINARY)
    except (FileNotFoundError, NotADirectoryError):
        pass
    else:
        try:
            size = os.fstat(fd).st_size
            if size == len(data) and _read_all(fd, size) == data:
                return False
        finally:
            os.close(fd)
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | _BINARY
    try:
        fd = os.open(target, flags, 0o666)
    except FileNotFoundError:
        os.makedirs(os.path.dirname(target), exist_ok=True)
        fd = os.open(target, flags, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)
    return True


def _read_all(fd: int, size: int) -> bytes:
    chunks = []
    while True:
        chunk = os.read(fd, max(size, 1 << 16))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size = 1 << 16
