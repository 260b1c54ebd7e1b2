"""Stage 5, emit: all output files as bytes, written only where they changed.

Rewriting an unchanged file would make ``mkdocs serve`` rebuild for
nothing (and loop when the output sits in a watched folder), so the writer
compares bytes first and removes files that are no longer generated, but
only files it wrote itself (``manifest.py``).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from . import manifest
from . import sitemap as site
from .exports import FILES, build_exports
from .files import FileError, read_source, real_folder, write_file
from .limits import SEED_BYTES
from .layout import Project
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

    def begin(self, paths: list[str]) -> None: ...

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

    pages = list(build_pages(ctx, title))
    seeds = [(site.seed_file(article.seed), article) for article in ctx.corpus.articles]
    exports = [f"daten/{name}" for name in FILES]
    assets = [f"assets/{name}" for name in ASSETS]
    sink.begin(exports + [page.path for page in pages] + [path for path, _ in seeds] + [site.DATA] + assets)

    jobs: list[_Job] = []
    everything = partial(corpus_key, ctx, title)
    if all([unchanged(path, everything) for path in exports]):
        for path in exports:
            sink.put(path, None)
    else:  # the longest job: first, so that it does not finish last
        jobs.append(_Job(partial(build_exports, ctx.corpus, ctx.linked, ctx.analysis)))
    for page in pages:
        if unchanged(page.path, page.key):
            sink.put(page.path, None)
        else:
            jobs.append(_Job(partial(_render, page), page.path))
    copies = []
    for path, article in seeds:
        if unchanged(path, partial(str, checked.fingerprints[article.id])):
            sink.put(path, None)
        else:
            copies.append((path, project.seeds / article.seed))
    within = real_folder(project.root, "seeds")
    jobs += [_Job(partial(_copy, within, copies[i:i + SEEDS_PER_JOB])) for i in range(0, len(copies), SEEDS_PER_JOB)]
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


def _copy(within: str, files: list[tuple[str, Path]]) -> list[tuple[str, bytes]]:
    """Sources are published byte for byte, as received: read as checked, so
    that a seed swapped for a link since the check is not published either."""
    return [(path, read_source(source, within, SEED_BYTES)) for path, source in files]


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
    #: every file of the tree, sorted: what MkDocs is given
    files: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (f"{len(self.rendered)} pages rendered, {len(self.written)} files written, "
                f"{self.unchanged} unchanged, {len(self.removed)} removed")


class TreeWriter:
    """Makes ``root`` hold exactly the files it is given, touching only changed ones.

    Each file is compared and written as soon as it is made (by the worker
    process that made it, or here), so a build never holds the whole site
    in memory. Files that are no longer generated are removed only if the
    manifest says this writer wrote them: a folder that holds files of
    anyone else and has no manifest is refused before anything is written.
    """

    def __init__(self, root: Path) -> None:
        self._root = root
        self.report = WriteReport()
        self._expected: set[str] = set()
        self._planned: frozenset[str] = frozenset()
        self._last = manifest.read(root)
        self._before: frozenset[str] = frozenset()

    @property
    def root(self) -> Path:
        return self._root

    @property
    def last_build_complete(self) -> bool:
        """False when the last build stopped while writing (or this tree has no manifest):
        then no page may be trusted to be what its key says."""
        return self._last is not None and self._last.complete

    def begin(self, paths: list[str]) -> None:
        """Before the first write: record every file this build may write, so
        that whatever happens next, the next build knows what is its own."""
        self._planned = frozenset(paths)
        self._before = self._last.files if self._last is not None else self._adopt()
        _no_links(self._root, self._before | self._planned)
        self._root.mkdir(parents=True, exist_ok=True)
        manifest.write(self._root, self._before | self._planned, complete=False)

    def put(self, path: str, data: bytes | None) -> None:
        """One output file; None: known to be unchanged since the last build."""
        self.wrote(path, data is not None and write_file(self._root, path, data))

    def wrote(self, path: str, written: bool) -> None:
        """One output file, already written (True) or found unchanged."""
        assert path in self._planned, f"{path} was not announced to begin()"
        self._expected.add(path)
        if written:
            self.report.written.append(path)
        else:
            self.report.unchanged += 1

    def finish(self) -> WriteReport:
        """Remove the files of the last build that are no longer generated."""
        self.report.written.sort()
        folders: set[str] = set()
        for rel in sorted(self._before - self._expected):
            try:
                os.unlink(os.path.join(self._root, rel))
            except (FileNotFoundError, IsADirectoryError):
                continue
            self.report.removed.append(rel)
            folders.add(os.path.dirname(rel))
        for folder in sorted(folders, key=lambda f: -f.count("/")):
            while folder:
                try:
                    os.rmdir(os.path.join(self._root, folder))
                except OSError:  # not empty: someone else's files, or ours
                    break
                folder = os.path.dirname(folder)
        manifest.write(self._root, self._expected, complete=True)
        self.report.files = sorted(self._expected)
        return self.report

    def _adopt(self) -> frozenset[str]:
        """A folder without a manifest: the files of an older Dossier are taken
        over; anything this build would not write is refused, never removed."""
        found: set[str] = set()
        foreign: list[str] = []
        for folder, folders, files in os.walk(self._root):
            rel_folder = os.path.relpath(folder, self._root)
            # a link to a folder is listed with the folders, and not entered
            links = [name for name in folders if os.path.islink(os.path.join(folder, name))]
            for name in sorted(files + links):
                rel = name if rel_folder == "." else f"{rel_folder}/{name}"
                if rel in self._planned:
                    found.add(rel)
                elif not manifest.is_ours(rel):
                    foreign.append(rel)
        if foreign:
            shown = ", ".join(foreign[:3]) + (f" and {len(foreign) - 3} more" if len(foreign) > 3 else "")
            raise FileError(
                self._root, f"holds files Dossier did not write ({shown}) and has no {manifest.NAME}",
                "Dossier removes only files it wrote, and has no record of writing these: move what you need "
                "elsewhere and delete the folder, or let the output folder be another folder inside build/",
            )
        return frozenset(found)


def _no_links(root: Path, paths: frozenset[str]) -> None:
    """Files are written and removed in the folders of ``paths``: none of them may
    be a link, which would send the writes (and removals) somewhere else."""
    folders = {folder for path in paths for folder in _ancestors(path)}
    for folder in sorted(folders):
        if os.path.islink(os.path.join(root, folder)):
            raise FileError(os.path.join(root, folder), "is a symbolic link inside the output folder",
                            "the output folder is generated: remove the link")


def _ancestors(path: str) -> list[str]:
    parts = path.split("/")[:-1]
    return ["/".join(parts[:i]) for i in range(1, len(parts) + 1)]


class Collector:
    """Keeps the files in memory (to check them before anything is written)."""

    @property
    def root(self) -> None:
        return None

    def __init__(self) -> None:
        self.outputs: dict[str, bytes | None] = {}

    def begin(self, paths: list[str]) -> None:
        pass

    def put(self, path: str, data: bytes | None) -> None:
        self.outputs[path] = data

    def wrote(self, path: str, written: bool) -> None:
        raise AssertionError("a Collector has no root to write to")
