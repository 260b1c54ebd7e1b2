"""Where a dossier's files are: the project layout every stage and command shares.

Its own module so that the stages that only need paths (emit's seed
copies, the CLI, the MkDocs plugin) do not import the loader.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .diagnostics import relative


@dataclass(frozen=True)
class Project:
    """Where a dossier's files are; every path in messages is relative to root."""

    root: Path

    @property
    def seeds(self) -> Path:
        return self.root / "seeds"

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def articles(self) -> Path:
        return self.content / "articles"

    @property
    def entities(self) -> Path:
        return self.content / "entities"

    @property
    def propositions(self) -> Path:
        return self.content / "propositions.yml"

    def shown(self, path: Path) -> str:
        if not path.is_absolute() or self.root.is_absolute():
            try:  # the common case, a path built from root: no file system access
                return path.relative_to(self.root).as_posix()
            except ValueError:
                pass
        return relative(path, self.root)
