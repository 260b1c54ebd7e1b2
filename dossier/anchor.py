"""Stage 2, anchor: resolve every quoted selector to a span of its article.

A quote that matches nowhere is an error that shows the closest passage;
one that matches more than once is an error that says how to tell the
occurrences apart. Nothing is ever silently orphaned.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from .diagnostics import Diagnostics
from .model import Article, Corpus, Note, Selector, Span
from .textindex import TextIndex, normalise


@dataclass(frozen=True, slots=True)
class AnchoredArticle:
    """Spans in source offsets; the text index is dropped (it is 20× the text)."""

    article: Article
    claims: dict[str, Span]  # claim id -> span, for every claim that anchored
    hides: tuple[Span, ...]
    notes: tuple[tuple[Note, Span], ...]


def anchor(corpus: Corpus, diagnostics: Diagnostics) -> list[AnchoredArticle]:
    return [anchor_article(article, diagnostics) for article in corpus.articles]


def anchor_article(article: Article, diagnostics: Diagnostics) -> AnchoredArticle:
    index = TextIndex(article.text)
    hides = tuple(s for h in article.hides if (s := resolve(h.selector, index, article, diagnostics)))
    notes = tuple((n, s) for n in article.notes if (s := resolve(n.selector, index, article, diagnostics)))
    claims = {c.id: s for c in article.claims if (s := resolve(c.selector, index, article, diagnostics))}
    _check_layout(article, index, claims, hides, notes, diagnostics)
    return AnchoredArticle(article, claims, hides, notes)


def resolve(selector: Selector, index: TextIndex, article: Article, diagnostics: Diagnostics) -> Span | None:
    """The one span a selector names, or None after reporting why not."""
    quote = normalise(selector.quote)
    prefix, suffix = normalise(selector.prefix), normalise(selector.suffix)
    found = index.find_all(quote)
    hits = found
    if prefix or suffix:
        hits = [h for h in found if _has_context(index.normal, h, h + len(quote), prefix, suffix)]
    if len(hits) == 1:
        return Span(*index.to_source(hits[0], hits[0] + len(quote)))
    if not hits and found:
        diagnostics.error(selector.position, _context_mismatch(index, found[0], quote, prefix, suffix, article),
                          "copy prefix:/suffix: from the text as it stands, or drop them if the quote is unique")
    elif not hits:
        diagnostics.error(selector.position, f"quote not found in seeds/{article.seed}: \"{_short(quote)}\"", _closest(index, quote, article))
    else:
        places = ", ".join(f"line {index.line_column(index.to_source(h, h + 1)[0])[0]}" for h in hits)
        suggestion = _disambiguation(index, hits, len(quote))
        diagnostics.error(
            selector.position,
            f"quote found {len(hits)} times in seeds/{article.seed} ({places}): \"{_short(quote)}\"",
            f"lengthen the quote or add prefix:/suffix: to pick one, e.g. {suggestion}",
        )
    return None


def _context_mismatch(index: TextIndex, at: int, quote: str, prefix: str, suffix: str, article: Article) -> str:
    """The quote is there: say which of prefix/suffix does not match, and what the text has."""
    line = index.line_column(index.to_source(at, at + 1)[0])[0]
    before = index.normal[:at].rstrip()
    after = index.normal[at + len(quote):].lstrip()
    if prefix and not before.endswith(prefix):
        return (f"quote found in seeds/{article.seed} (line {line}), but not after prefix \"{_short(prefix)}\"; "
                f"the text before it reads \"{_short(before[-len(prefix) - 10:].lstrip())}\"")
    return (f"quote found in seeds/{article.seed} (line {line}), but not before suffix \"{_short(suffix)}\"; "
            f"the text after it reads \"{_short(after[:len(suffix) + 10].rstrip())}\"")


def _has_context(normal: str, start: int, end: int, prefix: str, suffix: str) -> bool:
    before = normal[:start].rstrip()
    after = normal[end:].lstrip()
    return before.endswith(prefix) and after.startswith(suffix)


def _disambiguation(index: TextIndex, hits: list[int], length: int) -> str:
    words = index.normal[: hits[0]].split()[-3:]
    return f"prefix: \"{' '.join(words)}\"" if words else f"suffix: \"{' '.join(index.normal[hits[0] + length:].split()[:3])}\""


def _closest(index: TextIndex, quote: str, article: Article) -> str:
    """Point at the passage most like the quote, so a typo is quick to fix."""
    text = index.normal
    block = difflib.SequenceMatcher(None, text, quote, autojunk=False).find_longest_match(0, len(text), 0, len(quote))
    if block.size == 0:
        return "no similar passage; check that the quote comes from this article"
    # Align on the longest common run, then let the edges move a little:
    # an inserted or dropped character shifts the best window.
    guess = max(0, block.a - block.b)
    slack = max(2, len(quote) // 8)
    candidates = [
        (difflib.SequenceMatcher(None, text[a : a + n], quote, autojunk=False).ratio(), -abs(a - guess), a, n)
        for a in range(max(0, guess - slack), min(len(text) - 1, guess + slack) + 1)
        for n in range(max(1, len(quote) - slack), len(quote) + slack + 1)
    ]
    ratio, _, start, length = max(candidates)
    passage = text[start : start + length]
    line, column = index.line_column(index.to_source(start, start + 1)[0])
    return f"closest passage (line {line}, column {column}, {ratio:.0%} alike): \"{_short(passage)}\""


def _short(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _check_layout(
    article: Article,
    index: TextIndex,
    claims: dict[str, Span],
    hides: tuple[Span, ...],
    notes: tuple[tuple[Note, Span], ...],
    diagnostics: Diagnostics,
) -> None:
    """Claims must be visible and nest cleanly: the page can only show a tree of tags."""
    by_id = {c.id: c for c in article.claims}
    for claim_id, span in claims.items():
        claim = by_id[claim_id]
        if any(h.start < span.end and span.start < h.end for h in hides):
            diagnostics.error(claim.position, f"claim '{claim_id}' lies in a hidden span", "remove the hide entry or quote visible text")
    tagged = sorted(
        [(s, f"claim '{cid}'", by_id[cid].position) for cid, s in claims.items()]
        + [(s, f"note on \"{_short(n.selector.quote, 30)}\"", n.selector.position) for n, s in notes],
        key=lambda t: (t[0].start, -t[0].end),
    )
    open_spans: list[tuple[Span, str]] = []
    for span, label, position in tagged:
        while open_spans and open_spans[-1][0].end <= span.start:
            open_spans.pop()
        if open_spans and span.end > open_spans[-1][0].end:
            line, _ = index.line_column(span.start)
            diagnostics.error(
                position,
                f"{label} partly overlaps {open_spans[-1][1]} (line {line})",
                "spans may nest but not cross: shorten one quote so one lies inside the other or they do not touch",
            )
            continue
        open_spans.append((span, label))
