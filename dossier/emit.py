"""Stage 5, emit: all output files as bytes, written only where they changed.

Rewriting an unchanged file would make ``mkdocs serve`` rebuild for
nothing (and loop when the output sits in a watched folder), so the writer
compares bytes first and removes files that are no longer generated.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
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
    #: page -> key of its inputs, for the next build
    keys: dict[str, str]
    #: pages rendered in this build
    rendered: list[str]


def emit(
    project: Project,
    checked: Checked,
    title: str,
    previous: dict[str, str] | None,
    out: Path,
    sink: Callable[[str, bytes | None], None],
) -> Emitted:
    """Hand every file of the generated docs tree to ``sink`` as it is made.

    A page whose inputs have the key they had in the last build
    (``previous``) and that ``out`` still holds is not rendered again: the
    sink gets None for it. Without ``previous`` (a build that will not run
    again) no keys are computed.
    """
    ctx = Context(checked.corpus, checked.linked, checked.analysis, checked.fingerprints, checked.registry_key)
    emitted = Emitted({}, [])

    def unchanged(path: str, key: Callable[[], str]) -> bool:
        if previous is None:
            return False
        emitted.keys[path] = key()
        return previous.get(path) == emitted.keys[path] and (out / path).is_file()

    pages = list(build_pages(ctx, title))
    progress = Progress("pages", len(pages))
    for page in pages:
        if unchanged(page.path, page.key):
            sink(page.path, None)
        else:
            sink(page.path, page.render().encode("utf-8"))
            emitted.rendered.append(page.path)
        progress.advance()
    progress.close()
    everything = partial(corpus_key, ctx, title)
    if all([unchanged(f"daten/{name}", everything) for name in FILES]):
        for name in FILES:
            sink(f"daten/{name}", None)
    else:
        for path, data in build_exports(ctx.corpus, ctx.linked, ctx.analysis):
            sink(path, data)
    sink(site.DATA, render(
        "data.md.j2", files=[{"name": name, "description": text} for name, text in FILES.items()]
    ).encode("utf-8"))
    for article in ctx.corpus.articles:
        path = site.seed_file(article.seed)
        fingerprint = checked.fingerprints[article.id]
        sink(path, None if unchanged(path, partial(str, fingerprint)) else (project.seeds / article.seed).read_bytes())
    package = resources.files("dossier")
    for name in ASSETS:
        sink(f"assets/{name}", package.joinpath(f"assets/{name}").read_bytes())
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


class TreeWriter:
    """Makes ``root`` hold exactly the files it is given, touching only changed ones.

    Each file is compared and written as it arrives, so a build never holds
    the whole site in memory. Files are written in place; an interrupted
    write leaves a file whose bytes differ from the output, which the next
    build rewrites. (A writer thread was measured slower: every file
    operation waits for the GIL held by the rendering thread.)
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        self.report = WriteReport()
        self._expected: set[str] = set()
        self._folders: set[str] = set()

    def put(self, path: str, data: bytes | None) -> None:
        """One output file; None: known to be unchanged since the last build."""
        self._expected.add(path)
        if data is None:
            self.report.unchanged += 1
        else:
            self._write(path, data)

    def finish(self) -> WriteReport:
        """Remove the files that are no longer generated."""
        self.report.written.sort()
        for folder, _, files in sorted(os.walk(self.root), reverse=True):
            rel_folder = os.path.relpath(folder, self.root)
            for name in sorted(files):
                rel = name if rel_folder == "." else f"{rel_folder}/{name}"
                if rel not in self._expected:
                    os.unlink(os.path.join(folder, name))
                    self.report.removed.append(rel)
            if rel_folder != "." and not os.listdir(folder):
                os.rmdir(folder)
        self.report.removed.sort()
        return self.report

    def _write(self, rel: str, data: bytes) -> None:
        target = self.root / rel
        try:
            with open(target, "rb") as file:
                if file.read() == data:
                    self.report.unchanged += 1
                    return
        except (FileNotFoundError, NotADirectoryError):
            pass
        folder = os.path.dirname(rel)
        if folder not in self._folders:
            os.makedirs(self.root / folder, exist_ok=True)
            self._folders.add(folder)
        with open(target, "wb") as file:
            file.write(data)
        self.report.written.append(rel)
