"""Stage 3, link: entity mentions, date expressions, and claim values.

Mentions and dates are found on the visible text only (hidden noise is
skipped) and never cross a claim or note boundary, so the page can nest
them inside the claim tags. Date claims without a value take the value of
their quote, resolved against the article's publication date.
"""

from __future__ import annotations

from dataclasses import dataclass

from .anchor import AnchoredArticle
from .dates import DateMention, find_dates, resolve
from .diagnostics import Diagnostics
from .mentions import AliasMatcher, Mention
from .model import Article, Corpus
from .spans import Frames, Overlaps
from .values import Value, check_against_quote, check_value, normalise_value


@dataclass(frozen=True, slots=True)
class LinkedArticle:
    anchored: AnchoredArticle
    mentions: tuple[Mention, ...]
    dates: tuple[DateMention, ...]
    values: dict[str, Value]  # claim id -> value, for every claim that anchored

    @property
    def article(self) -> Article:
        return self.anchored.article


def link(corpus: Corpus, anchored: list[AnchoredArticle], diagnostics: Diagnostics) -> list[LinkedArticle]:
    matcher = AliasMatcher(corpus.entities[k] for k in sorted(corpus.entities))
    return [link_article(corpus, a, matcher, diagnostics) for a in anchored]


def link_article(corpus: Corpus, anchored: AnchoredArticle, matcher: AliasMatcher, diagnostics: Diagnostics) -> LinkedArticle:
    article = anchored.article
    hidden = Overlaps(anchored.unseen)  # the title line is shown as the heading: linked too
    frames = Frames([*anchored.claims.values(), *(span for _, span in anchored.notes), *anchored.shown])

    def fits(start: int, end: int) -> bool:
        """Visible, and either inside or outside each claim/note frame (and title line), never across."""
        return not hidden.any(start, end) and not frames.crossed_by(start, end)

    found = [m for m in matcher.find(article.text, article.published) if fits(m.start, m.end)]
    mentions = tuple(_unlink(corpus, anchored, found, diagnostics))
    named = Overlaps(mentions)
    dates = tuple(d for d in find_dates(article.text, article.published, article.language) if fits(d.start, d.end) and not named.any(d.start, d.end))
    values: dict[str, Value] = {}
    for claim in article.claims:
        proposition = corpus.propositions.get(claim.proposition)
        if claim.id not in anchored.claims or proposition is None:
            continue
        raw = claim.value
        if raw is None and proposition.type == "date":
            raw = resolve(claim.selector.quote, article.published, article.language)
            if raw is None:
                reason = "the article has no publication date" if article.published is None else "it is not a date expression the tool knows"
                diagnostics.error(
                    claim.at("quote"),
                    f"claim '{claim.id}': cannot read a date from the quote ({reason})",
                    "give the value explicitly, e.g. value: \"2024-06\"",
                )
                continue
        elif check_value(proposition, raw, corpus.entities) is not None:
            continue  # the load stage reported it
        elif not claim.value_basis and (problem := check_against_quote(proposition, raw, article.text, anchored.claims[claim.id], article.language)):
            diagnostics.error(claim.at("value"), f"claim '{claim.id}': {problem[0]}", problem[1])
        values[claim.id] = normalise_value(proposition, raw, corpus.entities)
    return LinkedArticle(anchored, mentions, dates, values)


def _unlink(corpus: Corpus, anchored: AnchoredArticle, mentions: list[Mention], diagnostics: Diagnostics) -> list[Mention]:
    """The mentions less those an ``unlink:`` entry switches off; an entry
    that switches off nothing is an error (the text or the registry changed)."""
    for unlink, span in anchored.unlinks:
        where = unlink.selector.position
        if unlink.entity not in corpus.entities:
            diagnostics.error(where, f"unlink: unknown entity '{unlink.entity}'", "use an id from content/entities/")
            continue
        kept = [m for m in mentions if not (m.entity == unlink.entity and span.start < m.end and m.start < span.end)]
        if len(kept) == len(mentions):
            linked = sorted({m.entity for m in mentions if span.start < m.end and m.start < span.end})
            there = f"; it links {', '.join(linked)}" if linked else "; nothing is linked there"
            diagnostics.error(where, f"unlink: the quote \"{unlink.selector.quote}\" holds no link to '{unlink.entity}'{there}",
                              "remove the unlink entry, or quote the words that are linked wrongly")
        mentions = kept
    return mentions

