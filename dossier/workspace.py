"""build/: where a build may write, and one build of a dossier at a time.

Every build replaces the generated tree and the site, so both must lie in
build/ and be neither a source folder nor hold one: ``output: .`` once made
``mkdocs build`` delete the project. Two builds at once would write the same
files and swap the same folders, so ``dossier build`` and ``mkdocs
build``/``serve`` (through the plugin) hold an exclusive lock while they
write; the second one waits, says so, and gives up after a while. The lock
is taken on the project folder itself, so that a build that fails before
writing leaves no trace, not even a lock file.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Self

from .files import FileError

try:
    import fcntl
except ImportError:  # Windows: no locking
    fcntl = None  # type: ignore[assignment]

BUILD = "build"
#: where the generated Markdown goes unless mkdocs.yml says otherwise
DEFAULT_OUTPUT = "build/docs"
#: the folders a build reads or that are not its own: an output may be none of them, nor hold one
SOURCES = ("content", "seeds", ".git")
#: seconds a build waits for another build of the same dossier (DOSSIER_LOCK_TIMEOUT overrides)
LOCK_TIMEOUT = 900.0
_POLL = 0.1


def output_folder(root: Path, output: str, setting: str, site: Path | None = None) -> Path:
    """``root/output``, where the generated tree goes, if it may go there;
    FileError naming ``setting`` (where it was configured) otherwise."""
    real_root = Path(os.path.realpath(root))
    build = real_root / BUILD
    target = Path(os.path.realpath(root / output))
    if target == build or not target.is_relative_to(build):
        where = "is build/ itself" if target == build else f"resolves to {target}, which is not inside {build}"
        raise _misplaced(setting, output, f"{where}: the generated tree must be a folder inside build/")
    avoid = [(name + "/", Path(os.path.realpath(root / name))) for name in SOURCES]
    if site is not None:
        avoid.append(("the site folder", Path(os.path.realpath(site))))
    for name, folder in avoid:
        if target == folder or target.is_relative_to(folder) or folder.is_relative_to(target):
            raise _misplaced(setting, output, f"is, holds or lies in {name}, which is not Dossier's to replace")
    return root / output


def _misplaced(setting: str, output: str, why: str) -> FileError:
    return FileError(setting, f"output folder '{output}' {why}",
                     f"set 'output: {DEFAULT_OUTPUT}' under the dossier plugin: each build replaces that folder's files")


def _seconds(text: str, default: float) -> float:
    try:
        return max(0.0, float(text))
    except ValueError:
        return default


class BuildLock:
    """An exclusive lock on the project folder (``flock`` on its descriptor),
    released when the process ends, however it ends: a killed build never
    leaves it locked."""

    def __init__(self, root: Path, say: Callable[[str], None]) -> None:
        self.root = root
        self._say = say
        self._fd: int | None = None

    def acquire(self) -> None:
        if self._fd is not None or fcntl is None:
            return
        fd = os.open(self.root, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0))
        try:
            self._wait(fd)
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd

    def _wait(self, fd: int) -> None:
        assert fcntl is not None
        timeout = _seconds(os.environ.get("DOSSIER_LOCK_TIMEOUT", ""), LOCK_TIMEOUT)
        deadline = time.monotonic() + timeout
        waiting = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return
            except BlockingIOError:
                pass
            if time.monotonic() >= deadline:
                raise FileError(
                    self.root, f"another build of this dossier is still running after {timeout:g} s of waiting",
                    "let it finish, or stop it (its lock ends with it); DOSSIER_LOCK_TIMEOUT sets the seconds to wait",
                )
            if not waiting:
                self._say("dossier: waiting for another build of this dossier to finish…")
                waiting = True
            time.sleep(_POLL)

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the only descriptor releases the lock
            self._fd = None

    def __enter__(self) -> Self:
        self.acquire()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        self.release()
