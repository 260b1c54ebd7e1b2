"""The index of one kind of entity (people, units, ...): each with its counts."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial

from .. import sitemap as site
from ..locales import format_date_span
from ..model import ENTITY_KINDS, EntityKindKey
from ..output import Output, Sourced
from . import markdown
from .context import Context, showing


@dataclass(frozen=True, slots=True)
class Inputs:
    everything: Sourced[Context]
    kind: EntityKindKey


def pages(ctx: Context) -> Iterator[Output[Inputs]]:
    for kind in ENTITY_KINDS:
        yield markdown.page(site.entity_index(kind), partial(inputs, ctx, kind), render)


def inputs(ctx: Context, kind: EntityKindKey) -> Inputs:
    """Keyed by the registry and the counts the rows show."""
    mentions, claims = ctx.indexes.mentions_by_entity, ctx.indexes.claims_by_entity
    shown = (ctx.registry, tuple(
        (entity.id, len(mentions.get(entity.id, ())), len({r.item.value.article.id for r in mentions.get(entity.id, ())}),
         len(claims.get(entity.id, ())))
        for entity in ctx.corpus.entities.values() if entity.type == kind))
    return Inputs(showing(ctx, shown), kind)


def render(inputs: Inputs) -> str:
    ctx, kind = inputs.everything.value, inputs.kind
    page = site.entity_index(kind)
    rows = []
    entities = ctx.corpus.entities
    for entity in sorted((e for e in entities.values() if e.type == kind), key=lambda e: e.name.casefold()):
        refs = ctx.indexes.mentions_by_entity.get(entity.id, [])
        place = entities.get(entity.place)
        rows.append({
            "name": entity.name,
            "link": site.relative_link(page, site.entity_page(entity)),
            "date": format_date_span(entity.date) if entity.date else "",
            "place": place.name if place else "",
            "place_link": site.relative_link(page, site.entity_page(place)) if place else "",
            "description": entity.description,
            "mentions": len(refs),
            "articles": len({r.item.value.article.id for r in refs}),
            "claims": len(ctx.indexes.claims_by_entity.get(entity.id, [])),
        })
    # the columns of events (Entity.date, Entity.place), for any kind whose entries have them
    dated, placed = any(row["date"] for row in rows), any(row["place"] for row in rows)
    return markdown.render("entity_index.md.j2", title=ENTITY_KINDS[kind].plural, entities=rows, dated=dated, placed=placed)
