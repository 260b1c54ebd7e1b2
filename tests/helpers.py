"""Helpers shared by test modules."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The site is tested where GitHub Pages puts a project site: under /<repo>/.
SUB_PATH = "/dossier/"


def copy_corpus(dest: Path) -> Path:
    """A copy of this repository's corpus and site config, safe to build into."""
    for name in ("seeds", "content"):
        shutil.copytree(ROOT / name, dest / name)
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    return dest
