"""The pipeline driver: load → anchor → link → analyse → emit.

Each stage is a function of plain data; this module only runs them in
order, times them, and stops before emitting when any stage found errors.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .analyse import Analysis, analyse
from .anchor import AnchoredArticle, anchor
from .coverage import scan
from .diagnostics import Diagnostics, DossierError, Position
from .emit import WriteReport, changed_files, emit, write_tree
from .link import LinkedArticle, link
from .linkcheck import find_broken_links
from .textindex import line_column
from .load import Project, load
from .model import Corpus


@dataclass
class Checked:
    """The analysed corpus and what the checks found."""

    corpus: Corpus
    linked: list[LinkedArticle]
    analysis: Analysis
    diagnostics: Diagnostics
    timings: dict[str, float] = field(default_factory=dict)


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


def check(project: Project) -> Checked:
    """Run every check without writing anything."""
    with paused_gc():
        return _check(project)


def _check(project: Project) -> Checked:
    diagnostics = Diagnostics()
    timings: dict[str, float] = {}
    start = time.perf_counter()
    corpus = load(project, diagnostics)
    timings["load"] = time.perf_counter() - start
    start = time.perf_counter()
    anchored = anchor(corpus, diagnostics)
    timings["anchor"] = time.perf_counter() - start
    start = time.perf_counter()
    linked = link(corpus, anchored, diagnostics)
    timings["link"] = time.perf_counter() - start
    start = time.perf_counter()
    analysis = analyse(corpus, linked)
    timings["analyse"] = time.perf_counter() - start
    start = time.perf_counter()
    _warn_uncovered(project, anchored, diagnostics)
    timings["coverage"] = time.perf_counter() - start
    return Checked(corpus, linked, analysis, diagnostics, timings)


def _warn_uncovered(project: Project, anchored: list[AnchoredArticle], diagnostics: Diagnostics) -> None:
    """A figure or date that no claim covers is probably a claim still to tag."""
    for item in anchored:
        article = item.article
        shown = project.shown(project.seeds / article.seed)
        for found in scan(article.text, article.published, item.claims.values(), item.hides):
            if not found.covered:
                line, column = line_column(article.text, found.start)
                what = "figure" if found.kind == "figure" else "date"
                diagnostics.warning(
                    Position(shown, line, column),
                    f"{what} \"{found.surface}\" is not covered by any claim",
                    f"tag it in {article.annotation_path}, hide it if it is noise, or see: dossier suggest {shown}",
                )


def generate(project: Project, out: Path, title: str, *, check_links: bool = False) -> tuple[Checked, WriteReport]:
    """Check, then write the Markdown tree into ``out``; raise on errors.

    Links are checked exactly once: by MkDocs in strict mode when MkDocs
    builds the site, or here (``check_links``, markdown-it-py, ~2 ms a page)
    when the Markdown is the product, for another engine to build.
    """
    with paused_gc():
        return _generate(project, out, title, check_links)


def _generate(project: Project, out: Path, title: str, check_links: bool) -> tuple[Checked, WriteReport]:
    checked = _check(project)
    if checked.diagnostics.errors:
        raise DossierError(checked.diagnostics)
    start = time.perf_counter()
    outputs = emit(project, checked.corpus, checked.linked, checked.analysis, title)
    checked.timings["emit"] = time.perf_counter() - start
    start = time.perf_counter()
    changed = changed_files(outputs, out)
    if check_links:
        pages = {path: data.decode("utf-8") for path, data in outputs.items() if path.endswith(".md")}
        for problem in find_broken_links(pages, set(outputs), only=set(changed)):
            page, message = problem.split(": ", 1)
            checked.diagnostics.error(Position(f"{project.shown(out)}/{page}"), f"generated page: {message}",
                                      "this is a bug in Dossier: please report it with the annotation that caused it")
    checked.timings["linkcheck"] = time.perf_counter() - start
    if checked.diagnostics.errors:
        raise DossierError(checked.diagnostics)
    start = time.perf_counter()
    report = write_tree(outputs, out, changed)
    checked.timings["write"] = time.perf_counter() - start
    return checked, report
