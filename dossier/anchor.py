"""Stage 2, anchor: resolve every quoted selector to a span of its article.

A quote that matches nowhere is an error that shows the closest passage;
one that matches more than once is an error that says how to tell the
occurrences apart. Nothing is ever silently orphaned.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from .closest import closest, first_difference
from .diagnostics import Diagnostics
from .fold import straighten
from .model import Article, Corpus, Hide, Note, Selector, Span, Unlink
from .spans import Overlaps
from .textindex import TextIndex, comparable, normalise


@dataclass(frozen=True, slots=True)
class AnchoredArticle:
    """Spans in source offsets; the text index is dropped (it is 20× the text)."""

    article: Article
    claims: dict[str, Span]  # claim id -> span, for every claim that anchored
    hides: tuple[Span, ...]
    notes: tuple[tuple[Note, Span], ...]
    #: the title line, when a hide with reason ``title`` covers it: cut from
    #: the body but shown as the page heading, so annotated like body text
    #: (its first line only: scrapers often repeat the headline below it)
    shown: tuple[Span, ...] = ()
    #: the hidden text the reader never sees: nothing there is linked, tagged or counted
    unseen: tuple[Span, ...] = ()
    #: wrong links switched off, each with the span of its quote
    unlinks: tuple[tuple[Unlink, Span], ...] = ()


def anchor(corpus: Corpus, diagnostics: Diagnostics) -> list[AnchoredArticle]:
    return [anchor_article(article, diagnostics) for article in corpus.articles]


def anchor_article(article: Article, diagnostics: Diagnostics) -> AnchoredArticle:
    index = TextIndex(article.text)
    selectors = [h.selector for h in article.hides] + [n.selector for n in article.notes] + [c.selector for c in article.claims]
    selectors += [u.selector for u in article.unlinks]
    index.expect(normalise(text) for s in selectors for text in (s.quote, s.prefix, s.suffix))
    resolved = [(h, s) for h in article.hides if (s := resolve(h.selector, index, article, diagnostics))]
    hides = tuple(s for _, s in resolved)
    shown, unseen = _title_line(article.text, resolved)
    notes = tuple((n, s) for n in article.notes if (s := resolve(n.selector, index, article, diagnostics)))
    claims = {c.id: s for c in article.claims if (s := resolve(c.selector, index, article, diagnostics))}
    unlinks = tuple((u, s) for u in article.unlinks if (s := resolve(u.selector, index, article, diagnostics)))
    _check_layout(article, index, claims, unseen, shown, notes, diagnostics)
    return AnchoredArticle(article, claims, hides, notes, shown, unseen, unlinks)


def _title_line(text: str, hides: list[tuple[Hide, Span]]) -> tuple[tuple[Span, ...], tuple[Span, ...]]:
    """(shown, unseen): the first line of the first ``title`` hide is shown as
    the heading; every other hidden character stays unseen."""
    shown: list[Span] = []
    unseen: list[Span] = []
    for hide, span in hides:
        if hide.reason == "title" and not shown:
            newline = text.find("\n", span.start, span.end)
            end = span.end if newline < 0 else len(text[span.start:newline].rstrip()) + span.start
            shown.append(Span(span.start, end))
            if end < span.end:
                unseen.append(Span(end, span.end))
        else:
            unseen.append(span)
    return tuple(shown), tuple(unseen)


# Occurrences of an ambiguous quote that are counted, and lines that are listed.
_COUNTED = 1_000
_LISTED = 10


def resolve(selector: Selector, index: TextIndex, article: Article, diagnostics: Diagnostics) -> Span | None:
    """The one span a selector names, or None after reporting why not.

    Compared with quotation marks straightened (fold.straighten); messages
    show the quote as typed and the text as it stands.
    """
    typed = normalise(selector.quote)
    quote = straighten(typed)
    prefix, suffix = comparable(selector.prefix), comparable(selector.suffix)
    if not quote:
        diagnostics.error(selector.position, "quote is empty (only white space)", "quote the words of the passage")
        return None
    hits = index.find(quote, prefix, suffix, limit=2)
    if len(hits) == 1:
        return Span(*index.to_source(hits[0], hits[0] + len(quote)))
    if hits:
        hits = index.find(quote, prefix, suffix, limit=_COUNTED + 1)
        count = f"more than {_COUNTED:,}" if len(hits) > _COUNTED else str(len(hits))
        places = ", ".join(f"line {_line(index, h)}" for h in hits[:_LISTED]) + (", …" if len(hits) > _LISTED else "")
        diagnostics.error(
            selector.position,
            f"quote found {count} times in seeds/{article.seed} ({places}): \"{_short(typed)}\"",
            f"lengthen the quote or add prefix:/suffix: to pick one, e.g. {_disambiguation(index, hits[0], len(quote))}",
        )
    elif (prefix or suffix) and (found := index.find_all(quote, limit=1)):
        diagnostics.error(selector.position, _context_mismatch(index, found[0], quote, prefix, suffix, article),
                          "copy prefix:/suffix: from the text as it stands, or drop them if the quote is unique")
    else:
        diagnostics.error(selector.position, f"quote not found in seeds/{article.seed}: \"{_short(typed)}\"", _closest(index, quote, typed))
    return None


def _line(index: TextIndex, at: int) -> int:
    return index.line_column(index.to_source(at, at + 1)[0])[0]


def _context_mismatch(index: TextIndex, at: int, quote: str, prefix: str, suffix: str, article: Article) -> str:
    """The quote is there: say which of prefix/suffix does not match, and what the text has."""
    line = _line(index, at)
    # The text next to the quote, as much as the context would need (not the whole text before it).
    start = max(0, at - len(prefix) - 11)
    before = index.normal[start: at].rstrip()
    if prefix and not before.endswith(prefix):
        before = index.shown(start, at).rstrip()
        return (f"quote found in seeds/{article.seed} (line {line}), but not after prefix \"{_short(prefix)}\"; "
                f"the text before it reads \"{_short(before[-len(prefix) - 10:].lstrip())}\"")
    after = index.shown(at + len(quote), min(len(index.normal), at + len(quote) + len(suffix) + 11)).lstrip()
    return (f"quote found in seeds/{article.seed} (line {line}), but not before suffix \"{_short(suffix)}\"; "
            f"the text after it reads \"{_short(after[:len(suffix) + 10].rstrip())}\"")


def _disambiguation(index: TextIndex, hit: int, length: int) -> str:
    """Three words of context (a window of the text around the hit, however long the text)."""
    words = index.shown(max(0, hit - 200), hit).split()[-3:]
    if words:
        return f"prefix: \"{' '.join(words)}\""
    end = hit + length
    return f"suffix: \"{' '.join(index.shown(end, min(len(index.normal), end + 200)).split()[:3])}\""


def _closest(index: TextIndex, quote: str, typed: str) -> str:
    """Point at the passage most like the quote, and at where they differ, so a typo is quick to fix.

    Found and compared with straightened marks (``quote``); shown as the
    text and the contributor have them (``typed``)."""
    found = closest(index.normal, quote)
    if found is None:
        return "no similar passage; check that the quote comes from this article"
    shown = index.shown(found.start, found.end)
    line, column = index.line_column(index.to_source(found.start, found.start + 1)[0])
    # Rounded down: a passage that differs is never shown as 100% alike.
    hint = f"closest passage (line {line}, column {column}, {int(found.ratio * 100)}% alike): \"{_short(shown)}\""
    difference = _difference(index, found.start, (index.normal[found.start: found.end], shown), (quote, typed))
    return hint + "\n" + difference if difference else hint


def _difference(index: TextIndex, start: int, passages: tuple[str, str], quotes: tuple[str, str]) -> str:
    """The first difference in words, when it is a character one cannot see or
    tell apart, or when the passage or the quote is too long to compare by eye.

    Each comes as (compared, shown): the difference is found in the compared
    forms (a ’ for a ' is none) and its characters named as shown."""
    (passage, shown), (compared, quote) = passages, quotes
    diff = first_difference(passage, compared)
    column = diff.at + 1
    quote_char = quote[diff.at: diff.at + len(diff.quote_char)]
    text_char = shown[diff.at: diff.at + len(diff.text_char)]
    if text_char == " ":  # white space was folded: name what the seed has there
        source = index.to_source(start + diff.at, start + diff.at + 1)[0]
        if source < len(index.source) and index.source[source].isspace():
            text_char = index.source[source]
    spaced = not (quote_char and text_char)  # a space more or less counts; a space for a letter is a typo
    if _notable(quote_char, spaced) or _notable(text_char, spaced):
        if not text_char:
            return f"the quote has {_name(quote_char)} at column {column}, which the text does not have: remove it"
        if not quote_char:
            fix = "add a space there" if text_char.isspace() else f"copy the passage from the text{_as_escape(text_char)}"
            return f"the text has {_name(text_char)} at column {column} of the quote, which the quote lacks: {fix}"
        return (f"at column {column} of the quote, the quote has {_name(quote_char)} where the text has "
                f"{_name(text_char)}: copy the character from the text{_as_escape(text_char)}")
    present = set(shown)
    hidden = next((c for c in quote if not c.isprintable() and not c.isspace() and c not in present), "")
    if hidden:
        return f"the quote has {_name(hidden)} at column {quote.index(hidden) + 1}, which the text does not have there: remove it"
    if len(passage) > _SHORT or len(quote) > _SHORT:
        return (f"first difference at column {column} of the quote: the quote has \"{_around(quote, diff.at)}\" "
                f"where the text has \"{_around(shown, diff.at)}\"")
    return ""


# Characters that look like others: quotation marks and apostrophes, dashes and hyphens.
_LOOKALIKES = frozenset("\"'`´‘’‚‛“”„‟«»‹›′″ʼ-‐‑‒–—―−")


def _notable(char: str, spaced: bool) -> bool:
    """Invisible, white space (when a space more or less is the difference), or a look-alike."""
    return bool(char) and (not char.isprintable() or char in _LOOKALIKES or (spaced and char.isspace()))


def _name(char: str) -> str:
    """'U+200B ZERO WIDTH SPACE (invisible)', '’ (U+2019 RIGHT SINGLE QUOTATION MARK)', 'a space', '"x"'."""
    code = f"U+{ord(char):04X} {unicodedata.name(char, '') or _CONTROLS.get(char, 'control character')}"
    if char == " ":
        return "a space"
    if char.isspace():
        return f"a space ({code})"
    if not char.isprintable():
        return f"{code} (invisible)"
    if char in _LOOKALIKES:
        return f"{char} ({code})"
    return f"\"{char}\""


# unicodedata has no names for C0 controls; these are the ones a terminal acts on.
_CONTROLS = {"\x00": "NULL", "\x07": "BELL", "\x08": "BACKSPACE", "\x1b": "ESCAPE", "\x7f": "DELETE"}


def _as_escape(char: str) -> str:
    """How to write a character that is invisible or hard to type, in YAML."""
    if char.isascii() and char.isprintable():
        return ""
    code = f"\\u{ord(char):04x}" if ord(char) < 0x10000 else f"\\U{ord(char):08x}"
    return f", or write it as {code} in a double-quoted YAML string"


def _around(text: str, at: int, width: int = 30) -> str:
    """``text`` around offset ``at``, cut to ``width`` characters on each side."""
    start, end = max(0, at - width), at + width
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


_SHORT = 90


def _short(text: str, limit: int = _SHORT) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _check_layout(
    article: Article,
    index: TextIndex,
    claims: dict[str, Span],
    unseen: tuple[Span, ...],
    shown: tuple[Span, ...],
    notes: tuple[tuple[Note, Span], ...],
    diagnostics: Diagnostics,
) -> None:
    """Claims must be visible and nest cleanly: the page can only show a tree of tags.

    A title line is visible (as the heading), so a claim may lie inside it,
    but not across its edge: the heading and the body are separate lines.
    """
    by_id = {c.id: c for c in article.claims}
    hidden = Overlaps(unseen)
    for claim_id, span in claims.items():
        claim = by_id[claim_id]
        if hidden.any(span.start, span.end):
            diagnostics.error(claim.position, f"claim '{claim_id}' lies in a hidden span", "remove the hide entry or quote visible text")
        elif any(s.start < span.end and span.start < s.end and not (s.start <= span.start and span.end <= s.end) for s in shown):
            diagnostics.error(claim.position, f"claim '{claim_id}' runs across the edge of the title line",
                              "quote either words of the title or words of the text, not both")
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
