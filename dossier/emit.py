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
from typing import TYPE_CHECKING

from . import sitemap as site
from .exports import FILES, build_exports
from .load import Project
from .pages import Context, build_pages, corpus_key, render
from .progress import Progress

if TYPE_CHECKING:
    from .pipeline import Checked

ASSETS = ("dossier.css",)


@dataclass
class Emitted:
    #: every file of the docs tree by docs-relative path; None: unchanged since the last build
    outputs: dict[str, bytes | None]
    #: page -> key of its inputs, for the next build
    keys: dict[str, str]
    #: pages rendered in this build
    rendered: list[str]


def emit(project: Project, checked: Checked, title: str, previous: dict[str, str], out: Path) -> Emitted:
    """Every file of the generated docs tree; pages whose inputs have the key
    they had in the last build (``previous``) and that ``out`` still holds
    are not rendered again."""
    ctx = Context(checked.corpus, checked.linked, checked.analysis, checked.fingerprints, checked.registry_key)
    emitted = Emitted({}, {}, [])

    def unchanged(path: str, key: str) -> bool:
        emitted.keys[path] = key
        return previous.get(path) == key and (out / path).is_file()

    pages = list(build_pages(ctx, title))
    progress = Progress("pages", len(pages))
    for page in pages:
        if unchanged(page.path, page.key):
            emitted.outputs[page.path] = None
        else:
            emitted.outputs[page.path] = page.render().encode("utf-8")
            emitted.rendered.append(page.path)
        progress.advance()
    progress.close()
    everything = corpus_key(ctx, title)
    if all(unchanged(f"daten/{name}", everything) for name in FILES):
        emitted.outputs.update(dict.fromkeys((f"daten/{name}" for name in FILES), None))
    else:
        for path, text in build_exports(ctx.corpus, ctx.linked, ctx.analysis):
            emitted.outputs[path] = text.encode("utf-8")
    emitted.outputs[site.DATA] = render(
        "data.md.j2", files=[{"name": name, "description": text} for name, text in FILES.items()]
    ).encode("utf-8")
    for article in ctx.corpus.articles:
        path = site.seed_file(article.seed)
        fingerprint = checked.fingerprints[article.id]
        emitted.outputs[path] = None if unchanged(path, fingerprint) else (project.seeds / article.seed).read_bytes()
    package = resources.files("dossier")
    for name in ASSETS:
        emitted.outputs[f"assets/{name}"] = package.joinpath(f"assets/{name}").read_bytes()
    return emitted


@dataclass
class WriteReport:
    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)
    rendered: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (f"{len(self.rendered)} pages rendered, {len(self.written)} files written, "
                f"{self.unchanged} unchanged, {len(self.removed)} removed")


def changed_files(outputs: dict[str, bytes | None], root: Path) -> list[str]:
    """Paths whose bytes differ from what ``root`` holds (or that it lacks)."""
    changed = []
    for rel in sorted(outputs):
        if outputs[rel] is None:
            continue
        try:
            with open(root / rel, "rb") as file:
                if file.read() == outputs[rel]:
                    continue
        except (FileNotFoundError, NotADirectoryError):
            pass
        changed.append(rel)
    return changed


def write_tree(outputs: dict[str, bytes | None], root: Path, changed: list[str]) -> WriteReport:
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
            file.write(outputs[rel] or b"")
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
