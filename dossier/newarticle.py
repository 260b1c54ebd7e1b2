"""``dossier new`` and ``dossier suggest`` as library calls: start an article's
annotation file, list what an annotated article still lacks.

The command line only parses its arguments, calls one of these and prints
the result; a problem is an ``ArticleError`` with where, what and a hint.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .diagnostics import Diagnostics
from .files import FileError, read_source, real_folder
from .languages import DEFAULT, detect
from .layout import Project
from .limits import SEED_BYTES
from .load import SEED_SUFFIX, load, seed_name_problem
from .suggest import format_suggestions, left_to_do, scaffold
from .textindex import normalise


class ArticleError(Exception):
    """Why the command could not do its work: ``where: error: message`` and a hint."""

    def __init__(self, where: str, message: str, hint: str = "", diagnostics: Diagnostics | None = None) -> None:
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
        raise ArticleError(given, "no such article in seeds/")
    return seed


def start(root: Path, given: str) -> Started:
    """Write the annotation file of a new article, pre-filled with what can be detected."""
    seed = find_seed(root, given)
    shown = str(seed.relative_to(root))
    problem = seed_name_problem(seed.name, {p.name for p in seed.parent.iterdir()})
    if problem is not None:
        raise ArticleError(shown, *problem)
    target = root / "content" / "articles" / f"{seed.stem}.yml"
    if target.exists() or target.is_symlink():
        raise ArticleError(str(target.relative_to(root)), "already exists; not overwritten",
                           f"see what is not annotated yet: dossier suggest {shown}")
    try:
        text = read_source(seed, real_folder(root, "seeds"), SEED_BYTES).decode("utf-8")
    except FileError as exc:
        raise ArticleError(shown, exc.message, exc.hint) from None
    except UnicodeDecodeError as exc:
        raise ArticleError(shown, f"not UTF-8 (offset {exc.start}); convert it first") from None
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
        raise ArticleError(str(shown), "no usable annotation file", f"start one with: dossier new {shown}", diagnostics)
    return format_suggestions(*left_to_do(corpus, article))
