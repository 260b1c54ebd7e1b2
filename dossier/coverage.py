"""Which figures and dates of an article no claim covers yet.

Used for the "not annotated" warnings of ``dossier check`` and for the
coverage line of ``dossier suggest``: a figure or date counts as covered
when a claim's span overlaps it; hidden noise is not counted.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .dates import DateMention, PartialDate, find_dates
from .model import Span
from .numbers import Figure, find_figures


@dataclass(frozen=True, slots=True)
class Found:
    kind: str  # "figure" or "date"
    start: int
    end: int
    surface: str
    covered: bool


def _overlaps(start: int, end: int, spans: Iterable[Span]) -> bool:
    return any(s.start < end and start < s.end for s in spans)


def figures_and_dates(text: str, published: PartialDate | None, language: str) -> tuple[list[Figure], list[DateMention]]:
    """The figures and the date expressions of a text.

    A number inside a date expression ("two weeks ago", "vor 3 Tagen") is
    part of the date, not a figure of its own.
    """
    dates = find_dates(text, published, language)
    figures = [f for f in find_figures(text, language) if not any(d.start < f.end and f.start < d.end for d in dates)]
    return figures, dates


def scan(
    text: str, published: PartialDate | None, claims: Iterable[Span], hidden: Iterable[Span] = (), language: str = "de"
) -> list[Found]:
    """Every visible figure and date, marked covered or not, in text order."""
    claims, hidden = list(claims), list(hidden)
    figures, dates = figures_and_dates(text, published, language)
    found = [Found("figure", f.start, f.end, f.surface, _overlaps(f.start, f.end, claims)) for f in figures]
    found += [Found("date", d.start, d.end, d.surface, _overlaps(d.start, d.end, claims)) for d in dates]
    return sorted((f for f in found if not _overlaps(f.start, f.end, hidden)), key=lambda f: (f.start, f.kind))
