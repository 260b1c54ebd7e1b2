"""Stage 5, emit: all output files as bytes, written only where they changed.

Rewriting an unchanged file would make ``mkdocs serve`` rebuild for
nothing (and loop when the output sits in a watched folder), so the writer
compares bytes first and removes files that are no longer generated.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from . import sitemap as site
from .analyse import Analysis
from .exports import FILES, build_exports
from .link import LinkedArticle
from .load import Project
from .model import Corpus
from .pages import build_pages, render

ASSETS = ("dossier.css",)


def emit(project: Project, corpus: Corpus, linked: list[LinkedArticle], analysis: Analysis, title: str) -> dict[str, bytes]:
    """Every file of the generated docs tree, by docs-relative path."""
    outputs: dict[str, bytes] = {}
    for path, text in build_pages(corpus, linked, analysis, title):
        outputs[path] = text.encode("utf-8")
    for path, text in build_exports(corpus, linked, analysis):
        outputs[path] = text.encode("utf-8")
    outputs[site.DATA] = render(
        "data.md.j2", files=[{"name": name, "description": text} for name, text in FILES.items()]
    ).encode("utf-8")
    for article in corpus.articles:
        outputs[site.seed_file(article.seed)] = (project.seeds / article.seed).read_bytes()
    package = resources.files("dossier")
    for name in ASSETS:
        outputs[f"assets/{name}"] = package.joinpath(f"assets/{name}").read_bytes()
    return outputs


@dataclass
class WriteReport:
    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return f"{len(self.written)} written, {self.unchanged} unchanged, {len(self.removed)} removed"


def changed_files(outputs: dict[str, bytes], root: Path) -> list[str]:
    """Paths whose bytes differ from what ``root`` holds (or that it lacks)."""
    changed = []
    for rel in sorted(outputs):
        try:
            with open(root / rel, "rb") as file:
                if file.read() == outputs[rel]:
                    continue
        except (FileNotFoundError, NotADirectoryError):
            pass
        changed.append(rel)
    return changed


def write_tree(outputs: dict[str, bytes], root: Path, changed: list[str]) -> WriteReport:
    """Make ``root`` hold exactly ``outputs``, touching only the changed files.

    Files are written in place: an interrupted write leaves a file whose
    bytes differ from the output, which the next build rewrites.
    """
    report = WriteReport(unchanged=len(outputs) - len(changed))
    folders: set[str] = set()
    for rel in changed:
        folder = os.path.dirname(rel)
        if folder not in folders:
            os.makedirs(root / folder, exist_ok=True)
            folders.add(folder)
        with open(root / rel, "wb") as file:
            file.write(outputs[rel])
        report.written.append(rel)
    for folder, dirs, files in sorted(os.walk(root), reverse=True):
        rel_folder = os.path.relpath(folder, root)
        for name in sorted(files):
            rel = name if rel_folder == "." else f"{rel_folder}/{name}"
            if rel not in outputs:
                os.unlink(os.path.join(folder, name))
                report.removed.append(rel)
        if rel_folder != "." and not os.listdir(folder):
            os.rmdir(folder)
    report.removed.sort(reverse=True)
    return report
