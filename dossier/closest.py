"""The passage of a text most like a quote that is not in it, in bounded time.

A quote with a typo must be answered with the passage meant and the place
where the two differ, quickly however long the quote (up to
``limits.TEXT_CHARS``) and the seed (up to ``limits.SEED_BYTES``):

1. where: the quote is cut into 2, then 4, 8, 16, 32, ... pieces (16 of
   them looked up per round). A quote with fewer differences than pieces
   keeps one piece intact (pigeonhole); each piece is looked up with
   ``str.find``, one C-speed scan of the text, and each place found is
   widened to the stretch on which text and quote agree there;
2. how alike: around the places with the longest stretches, difflib's
   matching blocks between the quote and a window of text a little longer
   than it, on characters, or on words for a quote too long for that,
   within a fixed number of comparisons (``_BUDGET``); past it, the
   stretches of step 1 stand in for the blocks;
3. which passage: from the first to the last matched character, the
   unmatched ends of the quote added back, ending at word boundaries.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

# (offset in text, offset in quote, length): a stretch on which text and quote agree
Stretch = tuple[int, int, int]


# Pieces looked up per round; a piece shorter than _MIN_PIECE says nothing about where it is.
_PER_ROUND = 16
_MIN_PIECE = 2
# A piece found more often than this points nowhere in particular.
_COMMON = 32
# Below this ratio a passage is no help: "no similar passage".
_ALIKE = 0.5
# Places whose alignment is computed.
_CANDIDATES = 3
# Comparisons difflib may make for all candidates together (about 0.3 s).
_BUDGET = 1_500_000
# Above this many comparisons for one candidate, align words instead of characters.
_CHAR_COST = 300_000
# The walk over small differences: characters skipped at most on each side, and steps.
_SKIP = 4
_STEPS = 1_000
# Characters after a difference that must agree for it to count as one character.
_AGREE = 16
# A block this long at an end of the quote is no chance match: the passage ends there.
_SURE = 3
# How far an unmatched edge of the passage may be widened to reach a word boundary.
_WORD = 40


@dataclass(frozen=True, slots=True)
class Passage:
    start: int  # offsets into the text
    end: int
    ratio: float  # 2 × matched characters / (passage + quote)


@dataclass(frozen=True, slots=True)
class Difference:
    """The first place where quote and passage differ.

    When the two differ there by one character only (the rest agrees, as far
    as ``_AGREE`` characters tell), ``quote_char`` and ``text_char`` say
    which: one of them is "" when that side has nothing there. Otherwise
    both are "".
    """

    at: int  # offset in the quote (and in the passage)
    quote_char: str = ""
    text_char: str = ""


def closest(text: str, quote: str) -> Passage | None:
    """The passage of ``text`` most like ``quote``, or None when none is even half alike."""
    aligner = _Aligner(quote)
    best: Passage | None = None
    for stretches in _candidates(text, quote):
        passage = aligner.passage(text, stretches)
        if best is None or _better(passage, best):
            best = passage
    return best if best is not None and best.ratio >= _ALIKE else None


def first_difference(passage: str, quote: str) -> Difference:
    """Where they first differ, and whether the quote has a character more, one less, or another."""
    at = len(os.path.commonprefix([passage, quote]))
    for quote_skip, text_skip in ((1, 0), (0, 1), (1, 1)):  # a character more, one less, another
        rest_quote = quote[at + quote_skip: at + quote_skip + _AGREE]
        rest_text = passage[at + text_skip: at + text_skip + _AGREE]
        ends_together = len(quote) - quote_skip == len(passage) - text_skip
        if rest_quote == rest_text and (rest_quote or ends_together):
            return Difference(at, quote[at: at + quote_skip], passage[at: at + text_skip])
    return Difference(at)


def _better(a: Passage, b: Passage) -> bool:
    if a.ratio != b.ratio:
        return a.ratio > b.ratio
    return a.start < b.start


# --- 1. where ----------------------------------------------------------------


def _candidates(text: str, quote: str) -> list[list[Stretch]]:
    """The stretches around each likely place of the passage, most likely first.

    Every place of a piece is widened to the whole stretch on which text and
    quote agree there, and places are ranked by how much of the quote such
    stretches cover: "der nord" for "d-er nord" beats the many " nord".
    """
    lookup = _Lookup(text)
    stretches: set[Stretch] = set()
    common: list[tuple[int, int]] = []  # (offset in quote, length) of pieces found too often
    for offsets, size in _rounds(len(quote)):
        for offset in offsets:
            found = lookup.places(quote[offset: offset + size])
            if len(found) > _COMMON:
                common.append((offset, size))
            stretches.update(_widen(text, quote, place, offset, size) for place in found[:_COMMON])
        if stretches:
            break
    if common:
        # The first places of a common piece say little (boilerplate repeats):
        # grow the piece as long as it occurs, which makes it rare.
        stretches.update(_grown(lookup, quote, common))
    return _grouped(stretches, len(quote))


def _rounds(length: int) -> list[tuple[list[int], int]]:
    """(offsets, size) of the pieces of each round: 2, 4, 8, 16, 32, ... pieces,
    of which at most _PER_ROUND, spread over the quote, are looked up."""
    rounds = []
    count = 2
    while (size := length // count) >= (1 if count == 2 else _MIN_PIECE):
        picked = range(count) if count <= _PER_ROUND else (k * count // _PER_ROUND for k in range(_PER_ROUND))
        rounds.append(([k * size for k in picked], size))
        count *= 2
    return rounds


def _widen(text: str, quote: str, place: int, offset: int, size: int) -> Stretch:
    """The stretch around a piece found at ``place`` on which text and quote agree:
    (offset in text, offset in quote, length)."""
    after = _agreeing(text, place + size, quote, offset + size, 1)
    before = _agreeing(text, place, quote, offset, -1)
    return place - before, offset - before, before + size + after


def _agreeing(text: str, at: int, quote: str, offset: int, step: int) -> int:
    """How many characters text and quote share from ``at``/``offset`` on
    (step 1) or back (step -1): doubling, then halving, so that C compares
    slices and a short agreement costs little."""
    most = len(quote) - offset if step > 0 else offset
    most = min(most, len(text) - at if step > 0 else at)

    def same(n: int) -> bool:
        if step > 0:
            return text[at: at + n] == quote[offset: offset + n]
        return text[at - n: at] == quote[offset - n: offset]

    good, probe = 0, 16
    while good < most and same(min(probe, most)):
        good, probe = min(probe, most), probe * 2
    bad = min(probe, most) if good < most else most
    while bad - good > 1:
        middle = (good + bad) // 2
        if same(middle):
            good = middle
        else:
            bad = middle
    return good


def _grouped(stretches: set[Stretch], length: int) -> list[list[Stretch]]:
    """Stretches by the place the quote would start there; places a few
    characters apart (a character inserted or dropped) count together, and
    the groups covering most of the quote come first."""
    slack = length // 8 + 2
    ordered = sorted(stretches, key=lambda s: (s[0] - s[1], s[1]))
    groups: list[list[Stretch]] = []
    for stretch in ordered:
        if groups and (stretch[0] - stretch[1]) - (groups[-1][-1][0] - groups[-1][-1][1]) <= slack:
            groups[-1].append(stretch)
        else:
            groups.append([stretch])
    groups.sort(key=lambda g: (-sum(n for _, _, n in g), -max(n for _, _, n in g), g[0][0] - g[0][1]))
    return groups[:_CANDIDATES]


def _grown(lookup: _Lookup, quote: str, common: list[tuple[int, int]]) -> list[Stretch]:
    """The first places of the longest stretch of the quote that occurs, grown
    from the first common pieces: the longer it grows, the fewer places it has."""
    best = (0, 0)  # (length, offset in quote)
    for offset, size in common[:2]:
        start, end = lookup.grow(quote, offset, offset + size)
        best = max(best, (end - start, -start))
    length, offset = best[0], -best[1]
    return [(place, offset, length) for place in lookup.places(quote[offset: offset + length])[:_CANDIDATES]]


class _Lookup:
    """``str.find`` on the text, remembering each piece's places."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._found: dict[str, list[int]] = {}

    def places(self, piece: str) -> list[int]:
        """Where the piece occurs; at most _COMMON + 1 places, so "more than _COMMON" is told apart."""
        if piece not in self._found:
            found: list[int] = []
            at = self.text.find(piece)
            while at != -1 and len(found) <= _COMMON:
                found.append(at)
                at = self.text.find(piece, at + 1)
            self._found[piece] = found
        return self._found[piece]

    def grow(self, quote: str, start: int, end: int) -> tuple[int, int]:
        """Widen ``quote[start:end]`` (which occurs) as far as it still occurs, by binary search."""
        low, high = end, len(quote)
        while low < high:
            middle = (low + high + 1) // 2
            if quote[start:middle] in self.text:
                low = middle
            else:
                high = middle - 1
        end = low
        low, high = 0, start
        while low < high:
            middle = (low + high) // 2
            if quote[middle:end] in self.text:
                high = middle
            else:
                low = middle + 1
        return low, end


# --- 2. how alike, 3. which passage -------------------------------------------


class _Aligner:
    """Aligns the quote with windows of text, sharing difflib's index of the quote."""

    def __init__(self, quote: str) -> None:
        self.quote = quote
        self.words = quote.split(" ")
        self.budget = _BUDGET
        self._chars = SequenceMatcher(None, autojunk=False)
        self._chars.set_seq2(quote)
        self._words = SequenceMatcher(None, autojunk=False)
        self._words.set_seq2(self.words)

    def passage(self, text: str, stretches: list[Stretch]) -> Passage:
        """The passage around these stretches, aligned with the quote."""
        at, offset, _ = max(stretches, key=lambda s: s[2])
        slack = len(self.quote) // 8 + 8
        low = max(0, at - offset - slack)
        high = min(len(text), at - offset + len(self.quote) + slack)
        window = text[low:high]
        found = _in_order([(a - low, b, n) for a, b, n in stretches if low <= a and a + n <= high])
        walked = _walk(window, self.quote, max(found, key=lambda s: s[2]))
        blocks = self._blocks(window)
        if blocks is None or _matched(blocks) < _matched(walked):
            blocks = walked
        first, last = _trim(blocks)
        start = low + first[0] - first[1]
        end = low + last[0] + last[2] + (len(self.quote) - last[1] - last[2])
        start, end = max(start, 0), min(end, len(text))
        # Where an end of the quote did not match (or matched only a letter or
        # two, which may be chance), the passage ends at a word boundary, the
        # one before or the one after, whichever is more alike.
        starts = _word_starts(text, start) if first[1] > 0 or first[2] < _SURE else [start]
        ends = _word_ends(text, end) if last[1] + last[2] < len(self.quote) or last[2] < _SURE else [end]
        options = [(a, b) for a in starts for b in ends if a < b] or [(start, end)]
        return max((Passage(a, b, self._ratio(text[a:b], blocks, a - low)) for a, b in options),
                   key=lambda p: (p.ratio, p.end - p.start))

    def _ratio(self, passage: str, blocks: list[Stretch], offset: int) -> float:
        """difflib's ratio of passage and quote, or, past the budget, the window's blocks that lie in the passage."""
        cost = _cost(passage, self.quote)
        if cost <= min(_CHAR_COST, self.budget):
            self.budget -= cost
            self._chars.set_seq1(passage)
            return self._chars.ratio()
        matched = sum(k for i, _, k in blocks if i >= offset and i + k <= offset + len(passage))
        return 2 * matched / (len(passage) + len(self.quote))

    def _blocks(self, window: str) -> list[Stretch] | None:
        """Matching blocks (offset in window, offset in quote, length) in order;
        None when even words would cost more comparisons than are left."""
        if _cost(window, self.quote) <= min(_CHAR_COST, self.budget):
            self._chars.set_seq1(window)
            return self._match(self._chars, window, self.quote)
        words = window.split(" ")
        if _cost(words, self.words) > self.budget:
            return None
        self._words.set_seq1(words)
        starts_a, starts_b = _starts(words), _starts(self.words)
        return [
            (starts_a[i], starts_b[j], starts_a[i + k - 1] + len(words[i + k - 1]) - starts_a[i])
            for i, j, k in self._match(self._words, words, self.words)
        ]

    def _match(self, matcher: SequenceMatcher[Any], a: Sequence[Hashable], b: Sequence[Hashable]) -> list[Stretch]:
        """difflib's get_matching_blocks of ``a`` and ``b`` (the matcher's sequences),
        stopping when the comparisons run out."""
        blocks: list[Stretch] = []
        regions = [(0, len(a), 0, len(b))]
        while regions:
            alo, ahi, blo, bhi = regions.pop()
            cost = _cost(a[alo:ahi], b[:bhi])  # difflib walks every b position before bhi
            if cost > self.budget:
                continue
            self.budget -= cost
            i, j, k = matcher.find_longest_match(alo, ahi, blo, bhi)
            if k:
                blocks.append((i, j, k))
                if i + k < ahi and j + k < bhi:
                    regions.append((i + k, ahi, j + k, bhi))
                if alo < i and blo < j:
                    regions.append((alo, i, blo, j))
        return sorted(blocks)


def _walk(text: str, quote: str, stretch: Stretch) -> list[Stretch]:
    """Follow the quote through the text from a stretch where they agree, past
    one small difference at a time (up to _SKIP characters more or fewer on
    either side), as long as the next agreement is no chance match.

    Cheap (C compares slices) and good for a long quote with typos, where
    difflib would cost too much, or for a text without spaces, where words
    do not help."""
    blocks = [stretch]
    for step in (1, -1):
        at, offset, length = stretch
        a, b = (at + length, offset + length) if step > 0 else (at, offset)
        for _ in range(_STEPS):
            n, i, j = _next(text, quote, a, b, step)
            if n < _SURE:
                break
            if step > 0:
                blocks.append((a + i, b + j, n))
                a, b = a + i + n, b + j + n
            else:
                blocks.append((a - i - n, b - j - n, n))
                a, b = a - i - n, b - j - n
    return sorted(blocks)


def _next(text: str, quote: str, a: int, b: int, step: int) -> tuple[int, int, int]:
    """The longest agreement after skipping i characters of text and j of quote: (length, i, j)."""
    best = (0, 0, 0)
    for skip in range(1, 2 * _SKIP + 1):  # fewest skipped first, so ties go to the smallest difference
        for i in range(max(0, skip - _SKIP), min(skip, _SKIP) + 1):
            j = skip - i
            n = _agreeing(text, a + step * i, quote, b + step * j, step)
            if n > best[0]:
                best = (n, i, j)
    return best


def _matched(blocks: list[Stretch]) -> int:
    return sum(n for _, _, n in blocks)


def _in_order(blocks: list[Stretch]) -> list[Stretch]:
    """The longest blocks that follow each other in both text and quote, in order."""
    kept: list[Stretch] = []
    for a, b, n in sorted(blocks, key=lambda block: -block[2]):
        if all((a + n <= c and b + n <= d) or (c + m <= a and d + m <= b) for c, d, m in kept):
            kept.append((a, b, n))
    return sorted(kept)


def _trim(blocks: list[Stretch]) -> tuple[Stretch, Stretch]:
    """The first and last block of the passage.

    From the longest block outwards, a block counts when it is at least as
    long as the shift it needs from the last block that counted (the
    characters inserted or dropped between them): a stray letter matched a
    few words away would otherwise stretch the passage.
    """
    def shift(a: Stretch, b: Stretch) -> int:
        return abs((a[0] - a[1]) - (b[0] - b[1]))

    main = max(range(len(blocks)), key=lambda i: (blocks[i][2], -i))
    first = last = main
    for i in range(main - 1, -1, -1):
        if blocks[i][2] >= shift(blocks[i], blocks[first]):
            first = i
    for i in range(main + 1, len(blocks)):
        if blocks[i][2] >= shift(blocks[i], blocks[last]):
            last = i
    return blocks[first], blocks[last]


def _word_starts(text: str, at: int) -> list[int]:
    """``at`` if a word starts there, else the starts of the word it falls in and of the next (if near)."""
    if at == 0 or text[at - 1] == " ":
        return [at]
    before = text.rfind(" ", max(0, at - _WORD), at)
    after = text.find(" ", at, at + _WORD)
    return [space + 1 for space in (before, after) if space != -1] or [at]


def _word_ends(text: str, at: int) -> list[int]:
    """``at`` if a word ends there, else the ends of the word before (if near) and of the word it falls in."""
    if at == len(text) or text[at] == " ":
        return [at]
    before = text.rfind(" ", max(0, at - _WORD), at)
    after = text.find(" ", at, at + _WORD)
    return [space for space in (before, after) if space != -1] or [at]


def _cost(a: Sequence[Hashable], b: Sequence[Hashable]) -> int:
    """Pairs of equal elements: what difflib's longest-match search steps through."""
    count_a, count_b = Counter(a), Counter(b)
    if len(count_b) < len(count_a):
        count_a, count_b = count_b, count_a
    return sum(n * count_b[x] for x, n in count_a.items() if x in count_b)


def _starts(words: list[str]) -> list[int]:
    starts, offset = [], 0
    for word in words:
        starts.append(offset)
        offset += len(word) + 1
    return starts
