"""Helpers shared by test modules."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Articles a newcomer might add (see tests/growth/README.md).
GROWTH = Path(__file__).resolve().parent / "growth"
# The site is tested where GitHub Pages puts a project site: under /<repo>/.
SUB_PATH = "/dossier/"


def copy_corpus(dest: Path) -> Path:
    """A copy of this repository's corpus and site config, safe to build into."""
    for name in ("seeds", "content"):
        shutil.copytree(ROOT / name, dest / name)
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    return dest


def grow_corpus(dest: Path) -> Path:
    """A copy of the corpus with the articles of tests/growth added.

    Seeds and article annotations are copied; entity files and
    propositions.yml are appended to the corpus files of the same name.
    """
    copy_corpus(dest)
    for source in sorted(GROWTH.rglob("*")):
        rel = source.relative_to(GROWTH)
        if not source.is_file() or rel.parts[0] not in ("seeds", "content"):
            continue
        target = dest / rel
        if rel.parts[:2] == ("content", "articles") or rel.parts[0] == "seeds":
            assert not target.exists(), f"{rel} would replace a corpus file"
            shutil.copy(source, target)
        else:
            with target.open("a", encoding="utf-8") as out:
                out.write(source.read_text("utf-8"))
    return dest
