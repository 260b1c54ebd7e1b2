"""The commands that are more than one step, as library calls: ``dossier
build`` (check, generate, publish), ``dossier new`` (start an article's
annotation file), ``dossier suggest`` (what an annotated article still lacks)
and ``dossier review`` (record the claims an assessment has seen).

The command line only parses its arguments, calls one of these and prints
the result; a problem is a ``CommandError`` with where, what and a hint.
"""

from __future__ import annotations

import gc
import os
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import locales
from .diagnostics import Diagnostics, DossierError, did_you_mean, printable
from .emit import WriteReport
from .files import FileError, describe, read_source, real_folder
from .languages import DEFAULT, detect
from .layout import Project
from .limits import SEED_BYTES
from .load import SEED_SUFFIX, load, seed_name_problem
from .model import Proposition
from .review import ASSESSED, ReviewError, block, pending, record, update
from .siteconfig import output_setting, site_config, site_language
from .suggest import format_suggestions, left_to_do, scaffold
from .textindex import normalise
from .workspace import BuildLock, output_folder


class BuildFailed(Exception):
    """The build stopped; ``message`` says what was left as it was, after the
    ``diagnostics`` that made it fail (None when they were shown already)."""

    def __init__(self, message: str, diagnostics: Diagnostics | None = None) -> None:
        super().__init__(message)
        self.message, self.diagnostics = message, diagnostics


@dataclass(frozen=True, slots=True)
class Built:
    """What ``build`` wrote."""

    report: WriteReport
    warnings: int
    seconds: float


def build(root: Path, config_name: str, *, strict: bool, site: bool, fast_path: bool,
          checked: Callable[[Diagnostics], None]) -> Built:
    """Check, generate build/docs and publish build/site, under the project's lock.

    ``checked`` gets the diagnostics of a generation that succeeded, before
    MkDocs runs; with ``strict``, a warning among them stops the build there.
    Nothing in build/site changes unless everything succeeded.
    """
    from .pipeline import generate
    from .publish import PublishError, publish

    started = time.perf_counter()
    config_file = root / config_name
    if not config_file.is_file():
        raise CommandError(config_name, "the site configuration is missing", "run from the project folder or pass --root")
    try:
        config = site_config(config_file, config_name)
    except DossierError as exc:
        raise BuildFailed(f"build failed: {config_name} has errors; build/ was left as it was", exc.diagnostics) from None
    published = root / "build" / "site"
    try:
        output = output_folder(root, output_setting(config), config_name, published)
        with BuildLock(root, lambda message: print(message, file=sys.stderr)):
            try:
                # Without MkDocs (no site), nothing else would check the links.
                result, report = generate(Project(root), output, str(config.get("site_name", "Dossier")),
                                          check_links=not site, language=site_language(config))
            except DossierError as exc:
                raise BuildFailed("build failed: the annotations have errors; build/ was left as it was",
                                  exc.diagnostics) from None
            checked(result.diagnostics)
            warnings = len(result.diagnostics.warnings)
            if strict and warnings:
                raise BuildFailed("")
            # MkDocs needs only the written tree: the corpus, its analysis and
            # indexes (a third of a large build's memory) go before it starts.
            del result
            gc.collect()
            if site:
                try:
                    publish(config_file, published, fast_path=fast_path)
                except PublishError as exc:
                    raise BuildFailed(f"build failed: MkDocs: {exc}; build/site was left as it was") from None
                except OSError as exc:
                    if exc.filename is None:  # MkDocs writes through file objects, whose errors name no file
                        exc.filename = str(published)
                    raise
    except (FileError, OSError) as exc:
        # The disk (full, read-only) or a file in the way: say which, not a traceback.
        raise BuildFailed(f"{describe(exc, root)}\nbuild failed; build/site was left as it was") from None
    return Built(report, warnings, time.perf_counter() - started)


class CommandError(Exception):
    """Why the command could not do its work: ``where: error: message`` and a hint."""

    def __init__(self, where: object, message: str, hint: str = "", diagnostics: Diagnostics | None = None) -> None:
        super().__init__(message)
        self.where, self.message, self.hint = where, message, hint
        #: the errors of the files that made it fail, to print first
        self.diagnostics = diagnostics or Diagnostics()


@dataclass(frozen=True, slots=True)
class Started:
    """What ``start`` wrote and found."""

    target: str  # the annotation file, relative to the project
    language: str | None  # detected, or None (then DEFAULT was written)
    #: the stopwords of each language that were counted to detect it
    evidence: dict[str, int] = field(default_factory=dict)
    #: suggested claims (commented out in the file) by kind: "figure", "date"
    suggested: Counter[str] = field(default_factory=Counter)
    known_names: int = 0  # names of entities in content/entities/ found in the text
    unknown_names: int = 0  # name-like words not in it


def find_seed(root: Path, given: str) -> Path:
    """Accept seeds/<file>, content/articles/<stem>.yml or a bare stem."""
    path = Path(given)
    candidates = [root / path, root / "seeds" / path.name]
    if path.suffix == ".yml" or not path.suffix:
        candidates.append(root / "seeds" / f"{path.stem}{SEED_SUFFIX}")
    # Whatever is there (a FIFO, a link): reading it says what is wrong with it.
    seed = next((c for c in candidates if os.path.lexists(c) and c.parent.resolve() == (root / "seeds").resolve()), None)
    if seed is None:
        raise CommandError(given, "no such article in seeds/")
    return seed


def start(root: Path, given: str) -> Started:
    """Write the annotation file of a new article, pre-filled with what can be
    detected; its comments are in the dossier's language (theme.language)."""
    with locales.using(_dossier_language(root)):
        return _start(root, given)


def _dossier_language(root: Path) -> str:
    """theme.language of the project's mkdocs.yml; the default without a usable one
    (a new article does not wait for the site configuration to be fixed)."""
    try:
        return site_language(site_config(root / "mkdocs.yml"))
    except DossierError:
        return locales.DEFAULT


def _start(root: Path, given: str) -> Started:
    seed = find_seed(root, given)
    shown = str(seed.relative_to(root))
    problem = seed_name_problem(seed.name, {p.name for p in seed.parent.iterdir()})
    if problem is not None:
        raise CommandError(shown, *problem)
    target = root / "content" / "articles" / f"{seed.stem}.yml"
    if target.exists() or target.is_symlink():
        raise CommandError(str(target.relative_to(root)), "already exists; not overwritten",
                           f"see what is not annotated yet: dossier suggest {shown}")
    try:
        text = read_source(seed, real_folder(root, "seeds"), SEED_BYTES).decode("utf-8")
    except FileError as exc:
        raise CommandError(shown, exc.message, exc.hint) from None
    except UnicodeDecodeError as exc:
        raise CommandError(shown, f"not UTF-8 (offset {exc.start}); convert it first") from None
    corpus = load(Project(root), Diagnostics())  # other files' errors do not matter here
    target.parent.mkdir(parents=True, exist_ok=True)
    language, counts = detect(text)
    made = scaffold(seed.name, text, corpus.entities.values(), corpus.propositions.values(), language or DEFAULT)
    with target.open("x", encoding="utf-8") as handle:  # "x": never through a link planted in its place
        handle.write(made.text)
    found = made.suggestions
    return Started(
        str(target.relative_to(root)), language, dict(counts),
        Counter(s.kind for s in found if s.kind in ("figure", "date")),
        len({s.detail for s in found if s.kind == "entity"}),
        len({normalise(s.surface) for s in found if s.kind == "candidate"}),
    )


def left(root: Path, given: str) -> str:
    """What an annotated article still lacks, and how much of it claims cover, as text."""
    seed = find_seed(root, given)
    diagnostics = Diagnostics()
    corpus = load(Project(root), diagnostics)
    article = next((a for a in corpus.articles if a.id == seed.stem), None)
    if article is None:
        shown = seed.relative_to(root)
        raise CommandError(str(shown), "no usable annotation file", f"start one with: dossier new {shown}", diagnostics)
    return format_suggestions(*left_to_do(corpus, article))


@dataclass(frozen=True, slots=True)
class Reviewed:
    """What ``review`` found and did."""

    proposition: Proposition
    file: str  # content/propositions.yml as shown
    #: each claim of the question now: (mark "new"/"changed"/"seen", key, scope, value, quote)
    claims: list[tuple[str, str, str, str, str]]
    gone: tuple[str, ...]  # keys the record lists that are no longer there
    entries: list[str]  # the record, as written (or as lines to paste: ``paste``)
    changed: bool  # whether the record differed from the claims as they are
    written: bool = False  # whether content/propositions.yml now holds the record
    paste: list[str] = field(default_factory=list)  # when not written: the lines to paste under resolution:
    #: why the file could not be rewritten ("" when it was, or when asked for ``paste`` only)
    failed: str = ""


def review(project: Project, proposition_id: str, *, write: bool = True) -> Reviewed:
    """Record in content/propositions.yml that a contradiction's note was
    re-read against its claims as they are now (``write=False``: only say what to paste)."""
    from .pipeline import check  # the pipeline itself reads review.py

    checked = check(project)
    if checked.diagnostics.errors:
        raise CommandError("", "", diagnostics=checked.diagnostics)
    proposition = checked.corpus.propositions.get(proposition_id)
    shown = project.shown(project.propositions)
    if proposition is None:
        hint = did_you_mean(proposition_id, sorted(checked.corpus.propositions)) or "the ids are in " + shown
        raise CommandError(shown, f"unknown proposition '{printable(proposition_id)}'", hint)
    report = checked.analysis.reports.get(proposition.id)
    if proposition.status not in ASSESSED or report is None:
        raise CommandError(proposition.position, f"'{proposition.id}' has no explanation or resolution to record claims for",
                           f"write its resolution (status: {' or '.join(ASSESSED)}, note: ...) once claims disagree")
    found = pending(report)
    marks = {key: "new" for key in (found.added if found else ())} | {key: "changed" for key in (found.changed if found else ())}
    claims = [
        (marks.get(key, "seen"), key, group.scope, ref.value.text, ref.claim.selector.quote)
        for group in report.groups for ref in group.claims
        for key in (f"{ref.article.id}/{ref.claim.id}",)
    ]
    result = Reviewed(proposition, shown, claims, found.removed if found else (), record(report), found is not None)
    if not write:
        return replace(result, paste=block(result.entries, 4))
    try:
        update(project.propositions, report)
    except ReviewError as exc:
        return replace(result, paste=exc.lines, failed=str(exc))
    return replace(result, written=True)
