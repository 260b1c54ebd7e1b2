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
from .spans import Overlaps


@dataclass(frozen=True, slots=True)
class Found:
    kind: str  # "figure" or "date"
    start: int
    end: int
    surface: str
    covered: bool


def scan(text: str, published: PartialDate | None, claims: Iterable[Span], hidden: Iterable[Span] = ()) -> list[Found]:
    """Every visible figure and date, marked covered or not, in text order."""
    claimed, hides = Overlaps(claims), Overlaps(hidden)
    found = [Found("figure", f.start, f.end, f.surface, claimed.any(f.start, f.end)) for f in find_figures(text)]
    found += [Found("date", d.start, d.end, d.surface, claimed.any(d.start, d.end)) for d in find_dates(text, published)]
    return sorted((f for f in found if not hides.any(f.start, f.end)), key=lambda f: (f.start, f.kind))
