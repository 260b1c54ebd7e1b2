"""Reading and writing whole files with as few system calls as possible.

A large dossier reads and writes tens of thousands of small files; Python's
``open()`` spends four extra system calls on each (fstat, ioctl, lseek,
a second read), which measured a third of the file time of a build.

Sources are read only when they are regular files inside their folder of
the project: a seed is published byte for byte, so a seed that is a link
to ``/proc/self/environ``, ``.git/config`` or ``~/.ssh/id_rsa`` would put
it on the site; a FIFO would hang the build and ``/dev/zero`` exhaust its
memory. The checks run on the open file descriptor, so the file cannot be
swapped between the check and the read.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

#: bytes as they are: no newline translation on Windows
_BINARY = getattr(os, "O_BINARY", 0)
#: a FIFO opens at once instead of waiting for a writer; a terminal is not taken over
_SOURCE = os.O_RDONLY | _BINARY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
#: Linux names the file behind a descriptor here, which no later rename can change
_FD_PATHS = "/proc/self/fd"

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


class FileError(Exception):
    """A file Dossier may not or cannot read or write: which one, why, and the fix."""

    def __init__(self, path: str | Path, message: str, hint: str = "") -> None:
        super().__init__(f"{path}: {message}")
        self.path = os.fspath(path)
        self.message = message
        self.hint = hint

    def __reduce__(self) -> tuple[type[FileError], tuple[str, str, str]]:
        # raised in a forked worker (a seed copied while emitting), it travels back pickled
        return FileError, (self.path, self.message, self.hint)


def read_source(path: str | Path, within: str, limit: int) -> bytes:
    """The bytes of a source file, which must be a regular file of at most
    ``limit`` bytes whose real location is inside the folder ``within`` (a
    real path, see ``real_folder``); FileError otherwise.

    A link inside the folder is followed; a link that leads out of it is
    not even opened (opening some devices has effects).
    """
    name = os.fspath(path)
    try:
        fd = os.open(name, _SOURCE | _NOFOLLOW)
    except OSError as exc:
        if exc.errno not in (errno.ELOOP, errno.EMLINK):  # EMLINK: O_NOFOLLOW on a link, on FreeBSD
            raise _unreadable(name, exc) from None
        target = os.path.realpath(name)
        _check_inside(name, target, within)
        try:
            fd = os.open(target, _SOURCE | _NOFOLLOW)
        except OSError as exc:
            raise _unreadable(name, exc) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind = next((what for test, what in _KINDS if test(info.st_mode)), "not a regular file")
            hint = ("a name ending in .txt or .yml is read as a file: rename or move the folder" if kind == "a folder"
                    else "Dossier reads only regular files: put the text itself here")
            raise FileError(name, f"is {kind}, not a regular file", hint)
        _check_inside(name, _real_location(fd, name), within)
        if info.st_size > limit:
            raise _too_big(name, info.st_size, limit)
        data = _read_all(fd, info.st_size, limit + 1)
        if len(data) > limit:  # it grew while being read
            raise _too_big(name, len(data), limit)
        return data
    except OSError as exc:
        raise _unreadable(name, exc) from None
    finally:
        os.close(fd)


def real_folder(root: Path, folder: str) -> str:
    """The real path a source in ``root/folder`` must lie in: the folder itself,
    not where a link named like it points (``seeds -> /etc`` is outside)."""
    return os.path.join(os.path.realpath(root), folder)


def _real_location(fd: int, name: str) -> str:
    try:
        return os.readlink(f"{_FD_PATHS}/{fd}")
    except OSError:  # no /proc (not Linux): resolve the name
        return os.path.realpath(name)


def _check_inside(name: str, real: str, within: str) -> None:
    if not real.startswith(within.rstrip(os.sep) + os.sep):
        folder = os.path.basename(within.rstrip(os.sep))
        raise FileError(
            name, f"leads outside {folder}/ (to {real})",
            f"Dossier reads only files inside {folder}/ of the project: copy the file there instead of linking to it",
        )


def _too_big(name: str, size: int, limit: int) -> FileError:
    return FileError(name, f"is {size:,} bytes, more than the limit of {limit:,}",
                     "is it the right file? Split a longer text; the limits are in dossier/limits.py")


def _unreadable(name: str, exc: OSError) -> FileError:
    hint = {
        errno.EACCES: "make it readable (chmod a+r)",
        errno.EPERM: "make it readable (chmod a+r)",
        errno.ENOENT: "it vanished while being read, or is a link to a missing file",
        errno.ELOOP: "a link that leads to itself: replace it with the file",
    }.get(exc.errno or 0, "")
    return FileError(name, f"cannot be read: {exc.strerror or exc}", hint)


def write_file(root: Path, rel: str, data: bytes) -> bool:
    """Make ``root/rel`` hold ``data`` unless it does already; True if written.

    Files are written in place: an interrupted write leaves a file whose
    bytes differ from the output, which the next build rewrites (the
    manifest says the tree is incomplete, see ``manifest.py``). A link in
    its place is never followed: writing through it could overwrite any file.
    """
    target = os.path.join(root, rel)
    try:
        fd = os.open(target, os.O_RDONLY | _BINARY | _NOFOLLOW)
    except (FileNotFoundError, NotADirectoryError):
        pass
    except OSError as exc:
        if exc.errno in (errno.ELOOP, errno.EMLINK):
            raise FileError(target, "is a symbolic link where Dossier writes a file",
                            "the output folder is generated: remove the link") from None
        raise
    else:
        try:
            size = os.fstat(fd).st_size
            if size == len(data) and _read_all(fd, size, size + 1) == data:
                return False
        finally:
            os.close(fd)
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | _BINARY | _NOFOLLOW
    try:
        fd = os.open(target, flags, 0o666)
    except FileNotFoundError:
        os.makedirs(os.path.dirname(target), exist_ok=True)
        fd = os.open(target, flags, 0o666)
    _write_all(fd, target, data)
    return True


def replace_file(path: Path, data: bytes) -> None:
    """Write ``path`` whole or not at all: a crash leaves the old file or the new one."""
    temporary = path.with_name(path.name + ".tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | _BINARY | _NOFOLLOW, 0o666)
    _write_all(fd, temporary, data)
    os.replace(temporary, path)


def _write_all(fd: int, name: str | Path, data: bytes) -> None:
    """Write and close ``fd``; an error (a full disk) names the file, which os.write does not."""
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
        finally:
            os.close(fd)
    except OSError as exc:
        if exc.filename is not None:
            raise
        raise OSError(exc.errno, exc.strerror, os.fspath(name)) from None


def _read_all(fd: int, size: int, most: int) -> bytes:
    """At most ``most`` bytes from ``fd``; ``size`` is what fstat said it holds."""
    chunks = []
    total = 0
    while total < most:
        chunk = os.read(fd, min(max(size - total, 1 << 16), most - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def describe(error: FileError | OSError, root: Path) -> str:
    """``path: message`` (and the fix on the next line), the path relative to ``root``."""
    if isinstance(error, FileError):
        text = f"{_shown(error.path, root)}: {error.message}"
        return text + (f"\n    {error.hint}" if error.hint else "")
    if error.filename is None:
        return str(error)
    names = _shown(os.fsdecode(error.filename), root)
    if error.filename2 is not None:
        names += f" -> {_shown(os.fsdecode(error.filename2), root)}"
    return f"{names}: {error.strerror or error}"


def _shown(path: str, root: Path) -> str:
    absolute = os.path.abspath(path)
    base = os.path.abspath(root)
    return os.path.relpath(absolute, base) if absolute.startswith(base + os.sep) else path
