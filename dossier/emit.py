"""Stage 5, emit: all output files as bytes, written only where they changed.

Rewriting an unchanged file would make ``mkdocs serve`` rebuild for
nothing (and loop when the output sits in a watched folder), so the writer
compares bytes first and removes files that are no longer generated.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from . import sitemap as site
from .exports import FILES, build_exports
from .files import read_file, write_file
from .load import Project
from .pages import Context, Page, build_pages, corpus_key, render
from .parallel import fork_map
from .progress import Progress

if TYPE_CHECKING:
    from .pipeline import Checked

ASSETS = ("dossier.css", "dossier.js")


@dataclass
class Emitted:
    #: page -> key of its inputs, for the next build
    keys: dict[str, str]
    #: pages rendered in this build
    rendered: list[str]


class Sink(Protocol):
    """Where emitted files go: written to ``root`` (by whichever process made
    them), or, without a root, collected by the caller."""

    @property
    def root(self) -> Path | None: ...

    def put(self, path: str, data: bytes | None) -> None: ...

    def wrote(self, path: str, written: bool) -> None: ...


@dataclass(frozen=True)
class _Job:
    """Some files to make; workers run jobs in any order, results arrive in order."""

    make: Callable[[], Iterable[tuple[str, bytes]]]
    page: str = ""  # the page it renders, if it renders one


SEEDS_PER_JOB = 200


def emit(project: Project, checked: Checked, title: str, previous: dict[str, str] | None, out: Path, sink: Sink) -> Emitted:
    """Make every file of the generated docs tree and hand it to ``sink``.

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

    jobs: list[_Job] = []
    everything = partial(corpus_key, ctx, title)
    if all([unchanged(f"daten/{name}", everything) for name in FILES]):
        for name in FILES:
            sink.put(f"daten/{name}", None)
    else:  # the longest job: first, so that it does not finish last
        jobs.append(_Job(partial(build_exports, ctx.corpus, ctx.linked, ctx.analysis)))
    for page in build_pages(ctx, title):
        if unchanged(page.path, page.key):
            sink.put(page.path, None)
        else:
            jobs.append(_Job(partial(_render, page), page.path))
    seeds = []
    for article in ctx.corpus.articles:
        path = site.seed_file(article.seed)
        if unchanged(path, partial(str, checked.fingerprints[article.id])):
            sink.put(path, None)
        else:
            seeds.append((path, project.seeds / article.seed))
    jobs += [_Job(partial(_copy, seeds[i:i + SEEDS_PER_JOB])) for i in range(0, len(seeds), SEEDS_PER_JOB)]
    sink.put(site.DATA, render(
        "data.md.j2", files=[{"name": name, "description": text} for name, text in FILES.items()]
    ).encode("utf-8"))
    package = resources.files("dossier")
    for name in ASSETS:
        sink.put(f"assets/{name}", package.joinpath(f"assets/{name}").read_bytes())

    ctx.prepare()  # before forking, so that workers do not each build the shared indexes
    progress = Progress("pages", sum(1 for job in jobs if job.page))
    made_by_jobs = fork_map(partial(_run, sink.root), jobs, lambda job: f"rendering {job.page or 'the exports and sources'}")
    for job, made in zip(jobs, made_by_jobs, strict=True):
        for path, data, written in made:
            if data is None:
                sink.wrote(path, written)
            else:
                sink.put(path, data)
        if job.page:
            emitted.rendered.append(job.page)
            progress.advance()
    progress.close()
    return emitted


def _render(page: Page) -> list[tuple[str, bytes]]:
    return [(page.path, page.render().encode("utf-8"))]


def _copy(files: list[tuple[str, Path]]) -> list[tuple[str, bytes]]:
    """Sources are published byte for byte, as received."""
    return [(path, read_file(source)) for path, source in files]


def _run(root: Path | None, job: _Job) -> list[tuple[str, bytes | None, bool]]:
    """Make a job's files; with a root, write them here (in the worker) and say
    which were written, so that only a flag travels back."""
    if root is None:
        return [(path, data, False) for path, data in job.make()]
    return [(path, None, write_file(root, path, data)) for path, data in job.make()]


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

    Each file is compared and written as soon as it is made (by the worker
    process that made it, or here), so a build never holds the whole site
    in memory.
    """

    def __init__(self, root: Path) -> None:
        self._root = root
        self.report = WriteReport()
        self._expected: set[str] = set()

    @property
    def root(self) -> Path:
        return self._root

    def put(self, path: str, data: bytes | None) -> None:
        """One output file; None: known to be unchanged since the last build."""
        self.wrote(path, data is not None and write_file(self._root, path, data))

    def wrote(self, path: str, written: bool) -> None:
        """One output file, already written (True) or found unchanged."""
        self._expected.add(path)
        if written:
            self.report.written.append(path)
        else:
            self.report.unchanged += 1

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


class Collector:
    """Keeps the files in memory (to check them before anything is written)."""

    @property
    def root(self) -> None:
        return None

    def __init__(self) -> None:
        self.outputs: dict[str, bytes | None] = {}

    def put(self, path: str, data: bytes | None) -> None:
        self.outputs[path] = data

    def wrote(self, path: str, written: bool) -> None:
        raise AssertionError("a Collector has no root to write to")
