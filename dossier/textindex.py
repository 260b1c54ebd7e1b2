"""A normalised view of an article's text that maps back to source offsets.

Quotes are matched tolerantly of line breaks, repeated white space and
Unicode normalisation (NFC), and of nothing else. Matching happens on the
normalised text; spans are reported in source offsets so that rendering
works on the text exactly as received.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field

_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """The normal form used for quotes: NFC, white space folded, trimmed."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


@dataclass
class TextIndex:
    """The normalised text and, per non-space run, where it came from.

    Runs are joined by single spaces. A run that NFC leaves unchanged maps
    offset for offset; a run that NFC changes maps as a whole.
    """

    source: str
    normal: str = ""
    starts: list[int] = field(default_factory=list)  # normalised start of each run
    runs: list[tuple[int, int, bool]] = field(default_factory=list)  # source start, end, unchanged
    line_starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        parts: list[str] = []
        offset = 0
        for match in _RUN.finditer(self.source):
            run = match.group()
            composed = unicodedata.normalize("NFC", run)
            self.starts.append(offset)
            self.runs.append((match.start(), match.end(), composed == run))
            parts.append(composed)
            offset += len(composed) + 1
        self.normal = " ".join(parts)
        self.line_starts = [0] + [m.end() for m in _NEWLINE.finditer(self.source)]

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Source offsets of the normalised span ``[start, end)``."""
        return self._source_offset(start, False), self._source_offset(end - 1, True)

    def _source_offset(self, offset: int, after: bool) -> int:
        i = bisect.bisect_right(self.starts, offset) - 1
        run_start, run_end, unchanged = self.runs[i]
        if unchanged:
            return run_start + (offset - self.starts[i]) + (1 if after else 0)
        return run_end if after else run_start

    def line_column(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a source offset."""
        line = bisect.bisect_right(self.line_starts, offset) - 1
        return line + 1, offset - self.line_starts[line] + 1

    def find_all(self, quote: str) -> list[int]:
        """Start offsets (normalised) of every occurrence of a normalised quote."""
        hits: list[int] = []
        start = self.normal.find(quote)
        while start != -1:
            hits.append(start)
            start = self.normal.find(quote, start + 1)
        return hits


def line_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of an offset, without building an index."""
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


_RUN = re.compile(r"\S+")
_NEWLINE = re.compile("\n")
