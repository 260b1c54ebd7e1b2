"""Stage 5, emit: all output files as bytes, written only where they changed.

Rewriting an unchanged file would make ``mkdocs serve`` rebuild for
nothing (and loop when the output sits in a watched folder), so the writer
compares bytes first and removes files that are no longer generated.
"""

from __future__ import annotations

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
    for path, text in build_pages(corpus, linked, analysis, title).items():
        outputs[path] = text.encode("utf-8")
    for path, text in build_exports(corpus, linked, analysis).items():
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
            if (root / rel).read_bytes() == outputs[rel]:
                continue
        except (FileNotFoundError, NotADirectoryError):
            pass
        changed.append(rel)
    return changed


def write_tree(outputs: dict[str, bytes], root: Path, changed: list[str]) -> WriteReport:
    """Make ``root`` hold exactly ``outputs``, touching only the changed files."""
    report = WriteReport(unchanged=len(outputs) - len(changed))
    root.mkdir(parents=True, exist_ok=True)
    for rel in changed:
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(target.name + ".tmp")
        tmp.write_bytes(outputs[rel])
        tmp.replace(target)
        report.written.append(rel)
    for path in sorted(root.rglob("*"), reverse=True):
        rel = path.relative_to(root).as_posix()
        if path.is_file() and rel not in outputs:
            path.unlink()
            report.removed.append(rel)
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return report
