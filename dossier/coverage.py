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
from .spans import Overlaps


@dataclass(frozen=True, slots=True)
class Found:
    kind: str  # "figure" or "date"
    start: int
    end: int
    surface: str
    covered: bool


def figures_and_dates(text: str, published: PartialDate | None, language: str) -> tuple[list[Figure], list[DateMention]]:
    """The figures and the date expressions of a text.

    A number inside a date expression ("two weeks ago", "vor 3 Tagen") is
    part of the date, not a figure of its own.
    """
    dates = find_dates(text, published, language)
    in_dates = Overlaps(dates)
    return [f for f in find_figures(text, language) if not in_dates.any(f.start, f.end)], dates


def scan(
    text: str, published: PartialDate | None, claims: Iterable[Span], hidden: Iterable[Span] = (), language: str = "de"
) -> list[Found]:
    """Every visible figure and date, marked covered or not, in text order."""
    claimed, hides = Overlaps(claims), Overlaps(hidden)
    figures, dates = figures_and_dates(text, published, language)
    found = [Found("figure", f.start, f.end, f.surface, claimed.any(f.start, f.end)) for f in figures]
    found += [Found("date", d.start, d.end, d.surface, claimed.any(d.start, d.end)) for d in dates]
    return sorted((f for f in found if not hides.any(f.start, f.end)), key=lambda f: (f.start, f.kind))
