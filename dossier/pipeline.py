"""The pipeline driver: load → anchor → link → analyse → emit.

Each stage is a function of plain data; this module only runs them in
order, times them, and stops before emitting when any stage found errors.

Load, anchor and link work on one article at a time, given the registry of
entities and propositions, so a ``Build`` kept between runs (``dossier
serve`` keeps one) redoes them only for the articles whose annotation or
source text changed, and renders only the pages whose inputs changed.
"""

from __future__ import annotations

import gc
import hashlib
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from . import locales, review
from .analyse import Analysis, analyse
from .anchor import AnchoredArticle, anchor_article
from .coverage import scan
from .diagnostics import Diagnostic, Diagnostics, DossierError, Position
from .emit import Collector, Pending, TreeWriter, WriteReport, emit, make_later
from .files import FileError, read_source, real_folder
from .layout import Project
from .limits import YAML_BYTES
from .link import LinkedArticle, link_article
from .linkcheck import find_broken_links
from .load import Kept, Registry, article_files, check_annotated, load_article, load_registry, read_seeds
from .mentions import AliasMatcher
from .model import Corpus
from .pages.context import build_context
from .parallel import fork_map
from .progress import Progress
from .textindex import line_column

ARTICLE_STAGES = ("load", "anchor", "link", "coverage")


@dataclass
class Checked:
    """The analysed corpus and what the checks found."""

    corpus: Corpus
    linked: list[LinkedArticle]
    analysis: Analysis
    diagnostics: Diagnostics
    timings: dict[str, float] = field(default_factory=dict)
    #: article id -> fingerprint of everything its pages are made from
    fingerprints: dict[str, str] = field(default_factory=dict)
    #: fingerprint of the registry (entities, propositions, seed names)
    registry_key: str = ""
    #: articles whose stages ran in this check (the others came from the last one)
    processed: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _ArticleResult:
    """What the per-article stages made of one annotation file."""

    annotation: str
    fingerprint: str
    linked: LinkedArticle | None  # None when the file could not be loaded
    diagnostics: tuple[Diagnostic, ...]
    timings: dict[str, float]  # seconds per stage, as spent in the worker


@contextmanager
def paused_gc() -> Iterator[None]:
    """The stages build millions of small acyclic objects; Python's cycle
    collector would scan every live one again and again (a fifth of the run
    at N=1,000, half of the load stage at N=5,000) and find nothing to free.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _digest(*parts: bytes) -> str:
    hasher = hashlib.blake2b(digest_size=16)
    for part in parts:
        hasher.update(len(part).to_bytes(8, "little"))
        hasher.update(part)
    return hasher.hexdigest()


class Build:
    """Checks and generates one dossier, remembering what it did.

    A fresh ``Build`` does everything. Run again, it reuses the per-article
    results of files whose bytes did not change (as long as the registry did
    not change either) and the pages whose inputs did not change.
    """

    def __init__(self, project: Project, out: Path, title: str, *, again: bool = True, language: str = locales.DEFAULT) -> None:
        self.project = project
        self.out = out
        self.title = title
        #: theme.language: the words, numbers and dates of the pages written (``locales``)
        self.language = language
        self._articles: dict[str, _ArticleResult] = {}
        self._matcher: tuple[str, AliasMatcher] | None = None
        # None: this build will not run again, so nothing is remembered for it.
        self._page_keys: dict[str, str] | None = {} if again else None
        self._kept: Kept | None = Kept() if again else None
        #: outputs that may be made after ``generate`` returns, by ``finish`` (``dossier serve``:
        #: the exports, after the edited page is served); only when a build runs again
        self.later: frozenset[str] = frozenset()
        self._pending: Pending = []
        self._busy = threading.Lock()  # ``finish`` runs in a thread of its own

    def check(self) -> Checked:
        """Run every check without writing anything."""
        with paused_gc():
            return self._check()

    def generate(self, *, check_links: bool = False) -> tuple[Checked, WriteReport]:
        """Check, then write the Markdown tree into ``out``; raise on errors.

        Links are checked exactly once: by MkDocs in strict mode when MkDocs
        builds the site, or here (``check_links``, markdown-it-py, ~10 ms a page)
        when the Markdown is the product, for another engine to build.
        """
        with self._busy, paused_gc():
            return self._generate(check_links)

    def finish(self) -> list[str]:
        """Make the outputs ``generate`` put off (``later``); the paths written."""
        with self._busy, paused_gc():
            pending, self._pending = self._pending, []
            if not pending:
                return []
            locales.use(self.language)
            written, keys = make_later(self.out, pending)
            if self._page_keys is not None:
                self._page_keys.update(keys)
            return written

    def _check(self) -> Checked:
        project = self.project
        diagnostics = Diagnostics()
        timings = dict.fromkeys(ARTICLE_STAGES, 0.0)
        start = time.perf_counter()
        registry = load_registry(project, diagnostics, self._kept)
        seeds = read_seeds(project, diagnostics, self._kept)
        paths = article_files(project, diagnostics)
        check_annotated(project, seeds, diagnostics)
        registry_key = _digest(*registry.sources, "\n".join(sorted(p.name for p, _ in seeds.values())).encode())
        if self._matcher is None or self._matcher[0] != registry_key:
            self._matcher = (registry_key, AliasMatcher(registry.corpus.entities[k] for k in sorted(registry.corpus.entities)))
            self._articles.clear()
        timings["load"] += time.perf_counter() - start

        corpus = registry.corpus
        results: dict[str, _ArticleResult] = {}
        todo: list[tuple[Path, bytes, str]] = []
        start = time.perf_counter()
        within = real_folder(project.root, "content")
        for path in paths:
            try:
                raw = read_source(path, within, YAML_BYTES)
            except FileError as exc:
                diagnostics.error(Position(project.shown(path)), exc.message, exc.hint)
                continue
            seed_text = (seeds.get(path.stem) or (None, None))[1]
            fingerprint = _digest(registry_key.encode(), raw, (seed_text or "").encode())
            result = self._articles.get(path.stem)
            if result is None or result.fingerprint != fingerprint:
                todo.append((path, raw, fingerprint))
            else:
                results[path.stem] = result
        timings["load"] += time.perf_counter() - start
        start = time.perf_counter()
        progress = Progress("articles", len(todo))
        process = partial(self._process, seeds, registry)
        for result in fork_map(process, todo, lambda job: f"processing {project.shown(job[0])}"):
            results[Path(result.annotation).stem] = result
            for stage, seconds in result.timings.items():
                timings[stage] += seconds
            progress.advance()
        progress.close()
        timings["articles (wall)"] = time.perf_counter() - start
        self._articles = results

        linked: list[LinkedArticle] = []
        fingerprints: dict[str, str] = {}
        for stem in sorted(results):
            result = results[stem]
            diagnostics.items.extend(result.diagnostics)
            if result.linked is not None:
                linked.append(result.linked)
                fingerprints[result.linked.article.id] = result.fingerprint
        linked.sort(key=lambda item: item.article.id)
        corpus.articles = [item.article for item in linked]
        processed = sorted(Path(path).stem for path, _, _ in todo)

        start = time.perf_counter()
        analysis = analyse(corpus, linked)
        review.warn(analysis, diagnostics)
        timings["analyse"] = time.perf_counter() - start
        return Checked(corpus, linked, analysis, diagnostics, timings, fingerprints, registry_key, processed)

    def _process(
        self,
        seeds: dict[str, tuple[Path, str | None]],
        registry: Registry,
        job: tuple[Path, bytes, str],
    ) -> _ArticleResult:
        """Load, anchor, link and check the coverage of one article."""
        assert self._matcher is not None
        path, raw, fingerprint = job
        diagnostics = Diagnostics()
        timings: dict[str, float] = {}
        start = time.perf_counter()
        article = load_article(self.project, path, raw, seeds, registry, diagnostics)
        timings["load"] = time.perf_counter() - start
        if article is None:
            return _ArticleResult(str(path), fingerprint, None, tuple(diagnostics.items), timings)
        start = time.perf_counter()
        anchored = anchor_article(article, diagnostics)
        timings["anchor"] = time.perf_counter() - start
        start = time.perf_counter()
        linked = link_article(registry.corpus, anchored, self._matcher[1], diagnostics)
        timings["link"] = time.perf_counter() - start
        start = time.perf_counter()
        _warn_uncovered(self.project, anchored, diagnostics)
        timings["coverage"] = time.perf_counter() - start
        return _ArticleResult(str(path), fingerprint, linked, tuple(diagnostics.items), timings)

    def _generate(self, check_links: bool) -> tuple[Checked, WriteReport]:
        locales.use(self.language)
        checked = self._check()
        if checked.diagnostics.errors:
            raise DossierError(checked.diagnostics)
        # Forgotten until this build succeeds: a failed one may leave any page half-written.
        # What the last one put off is made by this one (its key is still the one before).
        previous, self._pending = self._page_keys, []
        if previous is not None:
            self._page_keys = {}
        writer = TreeWriter(self.out)
        if previous is not None and not writer.last_build_complete:
            previous = {}  # another build stopped while writing: no page is what its key says
        start = time.perf_counter()
        ctx = build_context(checked.corpus, checked.linked, checked.analysis, checked.fingerprints,
                            checked.registry_key, self.title, self.project.seeds)
        if check_links:
            collector = Collector()
            emitted = emit(ctx, previous, self.out, collector)
            outputs = collector.outputs
            checked.timings["emit"] = time.perf_counter() - start
            start = time.perf_counter()
            self._check_links(outputs, checked.diagnostics)
            checked.timings["linkcheck"] = time.perf_counter() - start
            if checked.diagnostics.errors:
                raise DossierError(checked.diagnostics)
            start = time.perf_counter()
            writer.begin(list(outputs))
            for path, data in outputs.items():
                writer.put(path, data)
        else:
            # Nothing can fail from here on (bad input stopped at check), so
            # each file is written as soon as it is made.
            emitted = emit(ctx, previous, self.out, writer, self.later if previous is not None else frozenset())
            self._pending = emitted.later
            checked.timings["emit"] = time.perf_counter() - start
            start = time.perf_counter()
        report = writer.finish()
        report.rendered = emitted.rendered
        if previous is not None:
            self._page_keys = emitted.keys
        checked.timings["write"] = time.perf_counter() - start
        return checked, report

    def _check_links(self, outputs: dict[str, bytes | None], diagnostics: Diagnostics) -> None:
        """Links of the pages that changed, by markdown-it-py (the others were checked before)."""
        pages = {path: data.decode("utf-8") for path, data in outputs.items() if path.endswith(".md") and data is not None}
        changed = {path for path in pages if not _holds(self.out / path, outputs[path])}
        for problem in find_broken_links(pages, set(outputs), only=changed):
            page, message = problem.split(": ", 1)
            diagnostics.error(
                Position(f"{self.project.shown(self.out)}/{page}"), f"generated page: {message}",
                "this is a bug in Dossier: please report it with the annotation that caused it",
            )


def _holds(file: Path, data: bytes | None) -> bool:
    try:
        return file.read_bytes() == data
    except (FileNotFoundError, NotADirectoryError):
        return False


def _warn_uncovered(project: Project, anchored: AnchoredArticle, diagnostics: Diagnostics) -> None:
    """A figure or date that no claim covers is probably a claim still to tag."""
    article = anchored.article
    shown = project.shown(project.seeds / article.seed)
    for found in scan(article.text, article.published, anchored.claims.values(), anchored.unseen, article.language):
        if not found.covered:
            line, column = line_column(article.text, found.start)
            what = "figure" if found.kind == "figure" else "date"
            diagnostics.warning(
                Position(shown, line, column),
                f"{what} \"{found.surface}\" is not covered by any claim",
                f"tag it in {article.annotation_path}, hide it if it is noise, or see: dossier suggest {shown}",
            )


def check(project: Project) -> Checked:
    """Run every check without writing anything."""
    return Build(project, project.root / "build" / "docs", "", again=False).check()


def generate(project: Project, out: Path, title: str, *, check_links: bool = False,
             language: str = locales.DEFAULT) -> tuple[Checked, WriteReport]:
    """One full build (a ``Build`` kept between runs reuses what it can)."""
    return Build(project, out, title, again=False, language=language).generate(check_links=check_links)
