"""Turn an article's text plus nested tags into Markdown paragraphs.

Each source line is a paragraph (scraped articles put one paragraph on a
line). Hidden spans are cut out. Tags (claims, notes, mentions, dates) are
properly nested by construction (the anchor stage rejects crossing claims,
the link stage drops crossing mentions); a tag that spans a line break is
split, and only its first part carries the anchor id.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from markupsafe import Markup

from .escape import md_text
from .model import Span


@dataclass(frozen=True, slots=True)
class Tag:
    start: int
    end: int
    rank: int  # for equal spans: lower rank is the outer tag
    open: str  # Markup for the first part
    close: str
    open_continued: str  # Markup for later parts (no id)
    close_continued: str


def paragraphs(text: str, hides: tuple[Span, ...], tags: list[Tag]) -> list[Markup]:
    """The visible text, one Markup paragraph per non-empty line.

    Tags and hidden spans are taken up in one sweep over the lines, so a
    long seed with thousands of tags costs lines + tags, not their product.
    """
    ordered = sorted(tags, key=lambda t: (t.start, -t.end, t.rank))
    cuts = sorted(hides, key=lambda h: h.start)
    result: list[Markup] = []
    active: list[Tag] = []  # tags that start before the current line's end, in order
    hidden: list[Span] = []
    next_tag = next_cut = 0
    offset = 0
    for line in text.split("\n"):
        start, end = offset, offset + len(line)
        offset = end + 1
        while next_cut < len(cuts) and cuts[next_cut].start < end:
            hidden.append(cuts[next_cut])
            next_cut += 1
        hidden = [h for h in hidden if h.end > start]
        pieces = _visible(start, end, hidden, text)
        while next_tag < len(ordered) and ordered[next_tag].start < end:
            active.append(ordered[next_tag])
            next_tag += 1
        active = [t for t in active if t.end > start]
        if not pieces:
            continue
        clipped = [(max(t.start, start), min(t.end, end), t, t.start >= start, t.end <= end) for t in active]
        html = _render(text, start, end, clipped, pieces)
        if html.strip():
            result.append(Markup(html.strip()))
    return result


def _visible(start: int, end: int, hides: list[Span], text: str) -> list[tuple[int, int]]:
    pieces = [(start, end)]
    for hide in hides:
        if hide.end <= start or hide.start >= end:
            continue
        cut: list[tuple[int, int]] = []
        for a, b in pieces:
            if hide.end <= a or hide.start >= b:
                cut.append((a, b))
                continue
            if a < hide.start:
                cut.append((a, hide.start))
            if hide.end < b:
                cut.append((hide.end, b))
        pieces = cut
    return [(a, b) for a, b in pieces if text[a:b].strip()]


def _plain(text: str, a: int, b: int, pieces: list[tuple[int, int]]) -> str:
    """Escaped visible text between a and b (``pieces`` are sorted and disjoint)."""
    i = max(bisect.bisect_right(pieces, a, key=_start) - 1, 0)  # the last piece starting at or before a
    parts: list[str] = []
    while i < len(pieces) and pieces[i][0] < b:
        p, q = pieces[i]
        if a < q:
            parts.append(text[max(a, p): min(b, q)])
        i += 1
    return str(md_text(" ".join(parts))) if parts else ""


def _start(piece: tuple[int, int]) -> int:
    return piece[0]


def _render(text: str, start: int, end: int, tags: list[tuple[int, int, Tag, bool, bool]], pieces: list[tuple[int, int]]) -> str:
    """The line's text with its tags; ``tags`` are sorted outer before inner.

    A stack of open tags instead of recursion: a thousand claims on one
    passage nest a thousand deep, which no recursion limit should decide.
    """
    out: list[str] = []
    pos = start
    stack: list[tuple[int, str]] = []  # (end, closing markup) of each open tag, innermost last
    for a, b, tag, first, last in tags:
        while stack and stack[-1][0] < b:  # the tag does not fit in the innermost open one: close that
            pos = _close(out, text, pos, stack.pop(), pieces)
        out.append(_plain(text, pos, a, pieces))
        out.append(tag.open if first else tag.open_continued)
        pos = a
        stack.append((b, tag.close if last else tag.close_continued))
    while stack:
        pos = _close(out, text, pos, stack.pop(), pieces)
    out.append(_plain(text, pos, end, pieces))
    return "".join(out)


def _close(out: list[str], text: str, pos: int, tag: tuple[int, str], pieces: list[tuple[int, int]]) -> int:
    """Write the open tag's remaining text and its closing markup; return where it ended."""
    end, closing = tag
    out.append(_plain(text, pos, end, pieces))
    out.append(closing)
    return end
