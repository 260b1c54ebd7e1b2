"""Stage 5, emit: all output files as bytes, written only where they changed.

Every file (page, export, seed copy, asset) is an ``output.Output``; one
loop skips those whose inputs have the key of the last build and spreads
the others over the cores. Emit knows only the ``Context`` the pipeline
hands it, not the loader or the pipeline.

Rewriting an unchanged file would make ``mkdocs serve`` rebuild for
nothing (and loop when the output sits in a watched folder), so the writer
compares bytes first and removes files that are no longer generated, but
only files it wrote itself (``manifest.py``).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial
from importlib import resources
from pathlib import Path
from typing import Any, Protocol

from . import locales, manifest, pages
from . import sitemap as site
from .exports import FILES, export
from .files import FileError, read_source, real_folder, write_file
from .limits import SEED_BYTES
from .output import Output, Sourced, given, input_key
from .pages.context import Context
from .parallel import fork_map
from .progress import Progress

ASSETS = ("dossier.css", "dossier.js", "search.js")
#: the files of every claim and entity (``exports.py``), rewritten after any claim's edit
EXPORTS = tuple(f"daten/{name}" for name in FILES)


@dataclass
class Emitted:
    #: output path -> key of its inputs, for the next build
    keys: dict[str, str]
    #: pages rendered in this build
    rendered: list[str]
    #: outputs put off (``later``), with their new keys: the file still holds the last build's bytes
    later: Pending = field(default_factory=list)


class Sink(Protocol):
    """Where emitted files go: written to ``root`` (by whichever process made
    them), or, without a root, collected by the caller."""

    @property
    def root(self) -> Path | None: ...

    def begin(self, paths: list[str]) -> None: ...

    def put(self, path: str, data: bytes | None) -> None: ...

    def wrote(self, path: str, written: bool) -> None: ...


#: a job's inputs are gathered by the process that runs it
_LATER: Any = object()


@dataclass(frozen=True, slots=True)
class _Job:
    """An output to make; workers run jobs in any order, results arrive in order."""

    output: Output[Any]
    inputs: Any = _LATER  # gathered already, to compute the key


#: outputs put off by ``emit`` with their keys, for ``make_later``
Pending = list[tuple[_Job, str]]


def emit(ctx: Context, previous: dict[str, str] | None, out: Path, sink: Sink,
         later: frozenset[str] = frozenset()) -> Emitted:
    """Make every file of the generated docs tree and hand it to ``sink``.

    An output whose inputs have the key they had in the last build
    (``previous``) and that ``out`` still holds is not made again: the sink
    gets None for it. Without ``previous`` (a build that will not run
    again) no keys are computed, and each output's inputs are gathered by
    the process that makes it. An output of ``later`` that changed but
    exists is not made either: it is handed back in ``Emitted.later``, its
    key left at the last build's (the bytes its file still holds).
    """
    emitted = Emitted({}, [])
    files = list(outputs(ctx))
    sink.begin([output.path for output in files])
    jobs: list[_Job] = []
    for output in files:
        if previous is None:
            jobs.append(_Job(output))
            continue
        inputs = output.inputs()
        # the site's language is an input of every file (its words, numbers, dates)
        key = emitted.keys[output.path] = input_key((locales.code(), inputs))
        if previous.get(output.path) == key and (out / output.path).is_file():
            sink.put(output.path, None)
        elif output.path in later and (out / output.path).is_file():
            emitted.later.append((_Job(output, inputs), key))
            if output.path in previous:
                emitted.keys[output.path] = previous[output.path]
            else:
                del emitted.keys[output.path]
            sink.put(output.path, None)
        else:
            jobs.append(_Job(output, inputs))

    progress = Progress("pages", sum(1 for job in jobs if job.output.page))
    made_by_jobs = fork_map(partial(_run, sink.root), jobs, _doing)
    for job, (data, written) in zip(jobs, made_by_jobs, strict=True):
        path = job.output.path
        if data is None:
            sink.wrote(path, written)
        else:
            sink.put(path, data)
        if job.output.page:
            emitted.rendered.append(path)
            progress.advance()
    progress.close()
    return emitted


def outputs(ctx: Context) -> Iterator[Output[Any]]:
    """Every file, in the order they are made: the exports first, the longest
    jobs, so that they do not finish last."""
    for name, path in zip(FILES, EXPORTS, strict=True):
        yield Output(path, given(ctx.everything), partial(_export, name))
    yield from pages.outputs(ctx)
    within = real_folder(ctx.seeds.parent, ctx.seeds.name)
    for item in ctx.indexes.articles:
        seed = item.value.article.seed
        yield Output(site.seed_file(seed), given(Sourced(item.fingerprint, ctx.seeds / seed)), partial(_copy, within))
    package = resources.files("dossier")
    for name in ASSETS:
        yield Output(f"assets/{name}", given(package.joinpath(f"assets/{name}").read_bytes()), _same)


def _export(name: str, everything: Sourced[Context]) -> bytes:
    ctx = everything.value
    return export(name, ctx.corpus, ctx.analysis, ctx.indexes)


def _copy(within: str, source: Sourced[Path]) -> bytes:
    """Sources are published byte for byte, as received: read as checked, so
    that a seed swapped for a link since the check is not published either.
    The article's fingerprint covers the seed's text."""
    return read_source(source.value, within, SEED_BYTES)


def _same(data: bytes) -> bytes:
    return data


def _doing(job: _Job) -> str:
    return f"{'rendering' if job.output.page else 'making'} {job.output.path}"


def make_later(root: Path, later: Pending) -> tuple[list[str], dict[str, str]]:
    """Write the outputs ``emit`` put off: the paths written, and the keys of all."""
    written = [job.output.path for job, _ in later if write_file(root, job.output.path, _make(job))]
    return written, {job.output.path: key for job, key in later}


def _make(job: _Job) -> bytes:
    inputs = job.output.inputs() if job.inputs is _LATER else job.inputs
    return job.output.make(inputs)


def _run(root: Path | None, job: _Job) -> tuple[bytes | None, bool]:
    """Make a job's file; with a root, write it here (in the worker) and say
    whether it was written, so that only a flag travels back."""
    data = _make(job)
    if root is None:
        return data, False
    return None, write_file(root, job.output.path, data)


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
