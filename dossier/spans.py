"""Overlap questions about many spans, answered in O(log n) each.

Anchoring, linking and the coverage warnings ask of every mention, date or
figure (hundreds of thousands in a long seed) whether it touches a hidden
span or crosses a claim or note (up to ``limits.ITEMS_PER_ARTICLE`` each).
Asking every span in turn would cost their product; sorted offsets and
bisection keep it n log n.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable
from typing import Protocol


class Ranged(Protocol):
    """Anything with character offsets, end exclusive: Span, Mention, DateMention."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


class Overlaps:
    """Does ``[start, end)`` overlap any of a fixed set of spans?"""

    def __init__(self, spans: Iterable[Ranged]) -> None:
        ordered = sorted((s.start, s.end) for s in spans)
        self._starts = [start for start, _ in ordered]
        # reach[i]: the furthest end among the spans that start at or before starts[i]
        self._reach = list(itertools.accumulate((end for _, end in ordered), max))

    def any(self, start: int, end: int) -> bool:
        """True when some span has ``span.start < end and start < span.end``."""
        before = bisect.bisect_left(self._starts, end)  # the spans starting before ``end``
        return before > 0 and self._reach[before - 1] > start


class Frames:
    """Is ``[start, end)`` inside or outside each of a set of frames, never across one?

    A span crosses a frame exactly when one of the frame's two ends lies
    strictly inside it, so only the sorted ends are kept.
    """

    def __init__(self, frames: Iterable[Ranged]) -> None:
        self._ends = sorted({offset for f in frames for offset in (f.start, f.end)})

    def crossed_by(self, start: int, end: int) -> bool:
        after = bisect.bisect_right(self._ends, start)
        return after < len(self._ends) and self._ends[after] < end
