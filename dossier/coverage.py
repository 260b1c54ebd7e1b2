"""Which figures and dates of an article no claim covers yet.

Used for the "not annotated" warnings of ``dossier check`` and for the
coverage line of ``dossier suggest``: a figure or date counts as covered
when a claim's span overlaps it; hidden noise is not counted.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .dates import PartialDate, find_dates
from .model import Span
from .numbers import find_figures


@dataclass(frozen=True, slots=True)
class Found:
    kind: str  # "figure" or "date"
    start: int
    end: int
    surface: str
    covered: bool


def _overlaps(start: int, end: int, spans: Iterable[Span]) -> bool:
    return any(s.start < end and start < s.end for s in spans)


def scan(text: str, published: PartialDate | None, claims: Iterable[Span], hidden: Iterable[Span] = ()) -> list[Found]:
    """Every visible figure and date, marked covered or not, in text order."""
    claims, hidden = list(claims), list(hidden)
    found = [Found("figure", f.start, f.end, f.surface, _overlaps(f.start, f.end, claims)) for f in find_figures(text)]
    found += [Found("date", d.start, d.end, d.surface, _overlaps(d.start, d.end, claims)) for d in find_dates(text, published)]
    return sorted((f for f in found if not _overlaps(f.start, f.end, hidden)), key=lambda f: (f.start, f.kind))
