"""Which files of a generated tree Dossier wrote, and whether writing finished.

The writer removes only files its manifest lists, so no output folder,
however wrongly configured (the project itself, say), can lose a file
Dossier did not write. Before a build writes anything, the manifest is
marked "writing" and lists every file the build may write; only when it
is done does it say "complete". A build that stopped in between (killed,
disk full) is therefore known to the next one, which renders every page
again, and to publish, which refuses to build a site from such a tree.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .files import FileError, replace_file

NAME = ".dossier-manifest"
_HEADER = "# The files Dossier wrote into this folder; it removes no other file. Generated: do not edit."
_STATES = ("complete", "writing")


@dataclass(frozen=True)
class Manifest:
    complete: bool
    files: frozenset[str]


def read(folder: Path) -> Manifest | None:
    """The folder's manifest; None when it has none."""
    path = folder / NAME
    try:
        text = path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise _damaged(path, str(exc)) from None
    lines = text.split("\n")
    if len(lines) < 3 or lines[0] != _HEADER or lines[1] not in (f"state: {s}" for s in _STATES) or lines[-1] != "":
        raise _damaged(path, "it does not have the form Dossier writes")
    files = frozenset(lines[2:-1])
    bad = next((name for name in sorted(files) if not _is_relative(name)), None)
    if bad is not None:
        raise _damaged(path, f"it lists {bad!r}, which is not a path inside the folder")
    return Manifest(lines[1] == "state: complete", files)


def write(folder: Path, files: Iterable[str], *, complete: bool) -> None:
    """Replace the manifest at once (a crash leaves the old one or the new one)."""
    lines = [_HEADER, f"state: {'complete' if complete else 'writing'}", *sorted(files), ""]
    replace_file(folder / NAME, "\n".join(lines).encode("utf-8"))


def _is_relative(name: str) -> bool:
    return (bool(name) and "\\" not in name and "\0" not in name and not posixpath.isabs(name)
            and not any(part in ("", ".", "..") for part in name.split("/")))


def _damaged(path: Path, why: str) -> FileError:
    return FileError(path, f"damaged: {why}",
                     f"delete {path.parent} (it is generated) and build again")


def is_ours(name: str) -> bool:
    """The manifest and its temporary copy are Dossier's bookkeeping, not output."""
    return name == NAME or name == NAME + ".tmp"

