"""A normalised view of an article's text that maps back to source offsets.

Quotes are matched tolerantly of line breaks, repeated white space,
Unicode normalisation (NFC) and typeset against straight quotation marks
and apostrophes (fold.straighten, the rule aliases follow too), and of
nothing else. Matching happens on the normalised text; spans are reported
in source offsets so that rendering works on the text exactly as received.
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
import unicodedata
from array import array
from collections.abc import Iterable
from functools import lru_cache

from .fold import straighten

_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """The normal form used for quotes: NFC, white space folded, trimmed."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def comparable(text: str) -> str:
    """The form quotes are compared in: normalised, with quotation marks straightened.

    Straightening replaces one character by one, so offsets into
    ``normalise(text)`` and ``comparable(text)`` are the same.
    """
    return straighten(normalise(text))


class TextIndex:
    """The normalised text and, per run of non-space characters, where it came from.

    Runs are joined by single spaces. A run that NFC leaves unchanged maps
    offset for offset; a run that NFC changes maps as a whole. Offsets are
    kept in arrays (8 bytes each), not lists of tuples: a 5 MB seed has
    about 800,000 runs.
    """

    def __init__(self, source: str) -> None:
        self.source = source
        runs = source.split()  # the same runs as _RUN: both split on str.isspace()
        if unicodedata.is_normalized("NFC", source):
            composed = runs
            changed: dict[int, int] = {}
        else:
            composed = [unicodedata.normalize("NFC", run) for run in runs]
            changed = {i: len(run) for i, (run, c) in enumerate(zip(runs, composed, strict=True)) if run != c}
        # compared with straightened marks; shown() gives the text as typeset
        self.normal = straighten(" ".join(composed))
        # Built with map and accumulate, which run in C: a 5 MB seed has 800,000 runs.
        lengths = itertools.accumulate(map(len, composed[:-1]), initial=0)  # run i starts after i spaces
        self._starts = array("q", map(operator.add, lengths, itertools.count()) if composed else ())
        self._sources = array("q", map(re.Match.start, _RUN.finditer(source)))
        self._changed = {i: self._sources[i] + length for i, length in changed.items()}  # run -> source end
        self._lines = _line_starts(source)
        # What expect() indexed: inner words, first and last letters of words.
        self._wanted: tuple[frozenset[str], frozenset[str], frozenset[str]] = (frozenset(), frozenset(), frozenset())
        self._words: dict[str, list[int]] = {}  # word -> its starts
        self._heads: dict[str, list[int]] = {}  # first letters -> starts of the words beginning so
        self._tails: dict[str, list[int]] = {}  # last letters -> ends of the words ending so

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Source offsets of the normalised span ``[start, end)``."""
        return self._source_offset(start, False), self._source_offset(end - 1, True)

    def _source_offset(self, offset: int, after: bool) -> int:
        i = bisect.bisect_right(self._starts, offset) - 1
        if i in self._changed:
            return self._changed[i] if after else self._sources[i]
        return int(self._sources[i] + (offset - self._starts[i]) + (1 if after else 0))

    def shown(self, start: int, end: int) -> str:
        """The normalised span ``[start, end)`` with the text's own quotation marks.

        Read back from the source, so a message shows what the article has;
        where that would not line up with ``normal`` (inside a run NFC
        changed), the compared form is shown instead.
        """
        if start >= end:
            return ""
        first, last = self.to_source(start, end)
        lead = " " if self.normal[start] == " " else ""
        trail = " " if end - start > 1 and self.normal[end - 1] == " " else ""
        text = lead + normalise(self.source[first:last]) + trail
        return text if len(text) == end - start else self.normal[start:end]

    def line_column(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a source offset."""
        line = bisect.bisect_right(self._lines, offset) - 1
        return line + 1, offset - self._lines[line] + 1

    def expect(self, texts: Iterable[str]) -> None:
        """Index the words of these normalised quotes, to find them without a scan each.

        Checking that a quote is unique takes a scan of the whole text, which
        5,000 quotes in a 5 MB seed make 25 GB of reading. In the text, a
        word inside a quote stands alone, the quote's last word starts a
        word, and its first word ends one. So one pass over the words
        collects where each wanted inner word is, where words start with a
        wanted four letters, and where they end with them; a quote is then
        found by trying the places of its rarest word.
        """
        words: set[str] = set()
        heads: set[str] = set()
        tails: set[str] = set()
        for text in texts:
            tokens = straighten(text).split(" ")
            words.update(tokens[1:-1])
            heads.update(token[:_AFFIX] for token in tokens[1:] if len(token) >= _AFFIX)
            tails.update(token[-_AFFIX:] for token in tokens[:-1] if len(token) >= _AFFIX)
        self._wanted = (frozenset(words), frozenset(heads), frozenset(tails))
        self._words, self._heads, self._tails = {}, {}, {}
        if not (words or heads or tails):
            return
        for word, start in zip(self.normal.split(" "), self._starts, strict=False):  # an empty text has one "" and no start
            if word in words:
                self._words.setdefault(word, []).append(start)
            if word[:_AFFIX] in heads:
                self._heads.setdefault(word[:_AFFIX], []).append(start)
            if word[-_AFFIX:] in tails:
                self._tails.setdefault(word[-_AFFIX:], []).append(start + len(word))

    def find_all(self, quote: str, limit: int | None = None) -> list[int]:
        """Start offsets (normalised) of the occurrences of a normalised quote, the first ``limit``."""
        if not quote:
            return []
        quote = straighten(quote)
        candidates = self._candidates(quote)
        if candidates is None:
            return self._scan(quote, limit)
        offset, places = candidates
        normal = self.normal
        hits = (p - offset for p in places if p >= offset and normal.startswith(quote, p - offset))
        return list(itertools.islice(hits, limit))

    def _candidates(self, quote: str) -> tuple[int, list[int]] | None:
        """The places of the quote's rarest indexed word, and its end's or
        start's offset in the quote; None: scanning is cheaper."""
        words, heads, tails = self._wanted
        best: tuple[int, list[int]] | None = None
        offset = 0
        tokens = quote.split(" ")
        for i, token in enumerate(tokens):
            options = []
            if 0 < i < len(tokens) - 1 and token in words:
                options.append((offset, self._words.get(token, [])))
            if i > 0 and token[:_AFFIX] in heads:
                options.append((offset, self._heads.get(token[:_AFFIX], [])))
            if i < len(tokens) - 1 and len(token) >= _AFFIX and token[-_AFFIX:] in tails:
                options.append((offset + len(token), self._tails.get(token[-_AFFIX:], [])))
            for option in options:
                if best is None or len(option[1]) < len(best[1]):
                    best = option
            offset += len(token) + 1
        # Trying a place costs about what scanning 2,000 characters does.
        if best is None or len(best[1]) > len(self.normal) // 2000 + 64:
            return None
        return best

    def _scan(self, quote: str, limit: int | None) -> list[int]:
        hits: list[int] = []
        start = self.normal.find(quote)
        while start != -1 and (limit is None or len(hits) < limit):
            hits.append(start)
            start = self.normal.find(quote, start + 1)
        return hits

    def find(self, quote: str, prefix: str = "", suffix: str = "", limit: int | None = None) -> list[int]:
        """Occurrences of a quote after ``prefix`` and before ``suffix``, all normalised.

        The text between may be one space or none, as the text has it; the
        quote with its context is searched as one string, so a short quote
        with a prefix costs no more than a long quote.
        """
        heads = [prefix + " ", prefix] if prefix else [""]
        tails = [" " + suffix, suffix] if suffix else [""]
        found = sorted({hit + len(head) for head in heads for tail in tails for hit in self.find_all(head + quote + tail, limit)})
        return found[:limit]


def line_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of an offset in a text (line starts are kept for the last texts asked)."""
    lines = _line_starts(text)
    line = bisect.bisect_right(lines, offset) - 1
    return line + 1, offset - lines[line] + 1


@lru_cache(maxsize=4)
def _line_starts(text: str) -> array[int]:
    """Offsets where the lines of a text start; cached because warnings ask for one text many times."""
    return array("q", itertools.chain((0,), (m.end() for m in _NEWLINE.finditer(text))))


# Letters at a word's start or end that expect() indexes.
_AFFIX = 4
_RUN = re.compile(r"\S+")
_NEWLINE = re.compile("\n")
