"""Turn an article's text plus nested tags into Markdown paragraphs.

Each source line is a paragraph (scraped articles put one paragraph on a
line). Hidden spans are cut out. Tags (claims, notes, mentions, dates) are
properly nested by construction (the anchor stage rejects crossing claims,
the link stage drops crossing mentions); a tag that spans a line break is
split, and only its first part carries the anchor id.
"""

from __future__ import annotations

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
    """The visible text, one Markup paragraph per non-empty line."""
    ordered = sorted(tags, key=lambda t: (t.start, -t.end, t.rank))
    result: list[Markup] = []
    offset = 0
    for line in text.split("\n"):
        start, end = offset, offset + len(line)
        offset = end + 1
        pieces = _visible(start, end, hides, text)
        if not pieces:
            continue
        clipped = [
            (max(t.start, start), min(t.end, end), t, t.start >= start, t.end <= end)
            for t in ordered
            if t.start < end and start < t.end
        ]
        html = _render(text, start, end, clipped, pieces)
        if html.strip():
            result.append(Markup(html.strip()))
    return result


def _visible(start: int, end: int, hides: tuple[Span, ...], text: str) -> list[tuple[int, int]]:
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
    """Escaped visible text between a and b."""
    parts = [text[max(a, p): min(b, q)] for p, q in pieces if p < b and a < q]
    return str(md_text(" ".join(parts))) if parts else ""


def _render(text: str, start: int, end: int, tags: list[tuple], pieces: list[tuple[int, int]]) -> str:
    out: list[str] = []
    pos = start
    i = 0
    while i < len(tags):
        a, b, tag, first, last = tags[i]
        j = i + 1
        while j < len(tags) and tags[j][1] <= b and tags[j][0] >= a:
            j += 1
        out.append(_plain(text, pos, a, pieces))
        inner = _render(text, a, b, tags[i + 1 : j], pieces)
        out.append((tag.open if first else tag.open_continued) + inner + (tag.close if last else tag.close_continued))
        pos = b
        i = j
    out.append(_plain(text, pos, end, pieces))
    return "".join(out)
