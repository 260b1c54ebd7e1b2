"""An entity's page: its spellings, every mention, the claims it is the source of, related entries."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from markupsafe import Markup

from .. import search
from .. import sitemap as site
from ..escape import md_line
from ..indexes import CitedClaim, MentionRef
from ..locales import format_date_span
from ..model import ENTITY_KINDS, Entity, Span
from ..output import Output, Sourced
from . import labels, markdown
from .context import Context, Registry

#: characters of context on each side of a mention
SNIPPET = 70


@dataclass(frozen=True, slots=True)
class Inputs:
    registry: Sourced[Registry]
    entity: str  # id
    mentions: tuple[MentionRef, ...]
    claims: tuple[CitedClaim, ...]
    #: the status of each of those claims ("" when the analysis has none)
    statuses: tuple[str, ...]


def pages(ctx: Context) -> Iterator[Output[Inputs]]:
    for entity in ctx.corpus.entities.values():
        yield markdown.page(site.entity_page(entity), partial(inputs, ctx, entity.id), render)


def inputs(ctx: Context, entity: str) -> Inputs:
    claims = tuple(ctx.indexes.claims_by_entity.get(entity, ()))
    statuses = tuple(_status(ctx, cited) for cited in claims)
    return Inputs(ctx.registry, entity, tuple(ctx.indexes.mentions_by_entity.get(entity, ())), claims, statuses)


def _status(ctx: Context, cited: CitedClaim) -> str:
    status = ctx.analysis.claims.get(cited.claim.claim.key)
    return status.status if status else ""


def render(inputs: Inputs) -> str:
    registry = inputs.registry.value
    entity = registry.entities[inputs.entity]
    page = site.entity_page(entity)
    groups: dict[str, dict[str, Any]] = {}
    for ref in inputs.mentions:
        article, mention = ref.item.value.article, ref.mention
        group = groups.setdefault(article.id, {
            "title": f"{article.title} ({markdown.article_date(article.published)})",
            "link": site.relative_link(page, site.article_page(article.id)),
            "mentions": [],
        })
        group["mentions"].append({
            "snippet": _snippet(article.text, mention.start, mention.end, ref.item.value.anchored.hides),
            "link": site.relative_link(page, site.article_page(article.id), f"m{ref.number}"),
            "erroneous": mention.erroneous,
            "via": labels.MENTION_VIA.get(mention.via or "", ""),
        })
    claims = []
    for cited, status in zip(inputs.claims, inputs.statuses, strict=True):
        article, claim = cited.claim.item.value.article, cited.claim.claim
        proposition = registry.propositions[claim.proposition]
        claims.append({
            "quote": claim.selector.quote,
            "link": site.relative_link(page, site.article_page(article.id), f"c-{claim.id}"),
            "question": proposition.question,
            "scope": proposition.scopes[claim.scope],
            "value": cited.claim.value.text,
            "role": labels.ROLE[cited.role],
            "article": article.title,
            "article_link": site.relative_link(page, site.article_page(article.id)),
            "status": labels.STATUS[status] if status else "",
            "note": claim.note,
            "attribution": labels.ATTRIBUTION[claim.attribution],
            "inferred": claim.attribution == "inferred",
            "rhetorical": labels.RHETORICAL.get(claim.rhetorical, ""),
        })
    wikidata = Markup(f"[{entity.wikidata}](https://www.wikidata.org/wiki/{entity.wikidata})") if entity.wikidata else ""
    return markdown.render(
        "entity.md.j2",
        entity=entity,
        date=format_date_span(entity.date) if entity.date else "",
        # a span has no value a datetime attribute takes
        date_iso=Markup(entity.date.start.iso()) if entity.date and entity.date.start == entity.date.end else "",  # digits, "-"
        place=_place(registry, entity, page),
        kind=ENTITY_KINDS[entity.type].singular,
        filters=search.filters(ENTITY_KINDS[entity.type].singular),
        wikidata=wikidata,
        aliases=entity.aliases,
        mention_count=len(inputs.mentions),
        groups=list(groups.values()),
        claims=claims,
        related=_related(registry, entity, page),
    )


def _place(registry: Registry, entity: Entity, page: str) -> Markup:
    """An event's place, linked to its page ("" when none)."""
    if not entity.place:
        return Markup("")
    return Markup(f"[{md_line(registry.entities[entity.place].name)}]({registry.entity_link(page, entity.place)})")


def _related(registry: Registry, entity: Entity, page: str) -> list[dict[str, Any]]:
    reasons = registry.related[entity.id]
    return [
        {
            "name": registry.entities[other_id].name,
            "link": registry.entity_link(page, other_id),
            "kind": ENTITY_KINDS[registry.entities[other_id].type].singular,
            "why": labels.RELATION[reasons[other_id]],
        }
        for other_id in sorted(reasons, key=lambda i: (registry.entities[i].name.casefold(), i))
    ]


def _snippet(text: str, start: int, end: int, hides: Sequence[Span] = ()) -> Markup:
    """The mention in bold with context from its line, cut at word boundaries;
    hidden noise near it (a footnote marker, an edit link) is left out."""
    # Look for the line's ends only as far as the snippet reaches: a seed may be one long line.
    reach_start, reach_end = max(0, start - SNIPPET - 1), min(len(text), end + SNIPPET + 1)
    line_start = text.rfind("\n", reach_start, start) + 1 or reach_start
    line_end = text.find("\n", end, reach_end)
    line_end = reach_end if line_end == -1 else line_end
    a = max(line_start, start - SNIPPET)
    b = min(line_end, end + SNIPPET)
    noise = [h for h in hides if h.end > a and h.start < b and not (h.start <= start and end <= h.end)]
    before, after = _visible(text, a, start, noise), _visible(text, end, b, noise)
    if a > line_start:
        before = "…" + (before.split(" ", 1)[1] if " " in before else before)
    if b < line_end:
        after = (after.rsplit(" ", 1)[0] if " " in after else after) + "…"
    space_before = " " if before[-1:].isspace() else ""
    space_after = " " if after[:1].isspace() else ""
    return Markup(f"{md_line(before)}{space_before}**{md_line(text[start:end])}**{space_after}{md_line(after)}")


def _visible(text: str, a: int, b: int, hidden: Sequence[Span]) -> str:
    """``text[a:b]`` without the hidden spans in it."""
    parts, at = [], a
    for span in sorted(hidden, key=lambda h: h.start):
        if span.start > at:
            parts.append(text[at:min(span.start, b)])
        at = max(at, span.end)
        if at >= b:
            break
    if at < b:
        parts.append(text[at:b])
    return "".join(parts)
