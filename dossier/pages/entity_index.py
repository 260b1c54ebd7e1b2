"""The index of one kind of entity (people, units, ...): each with its counts."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial

from .. import sitemap as site
from ..model import ENTITY_KINDS
from ..output import Output, Sourced
from . import markdown
from .context import Context


@dataclass(frozen=True, slots=True)
class Inputs:
    everything: Sourced[Context]
    kind: str  # a key of ENTITY_KINDS


def pages(ctx: Context) -> Iterator[Output[Inputs]]:
    for kind in ENTITY_KINDS:
        yield markdown.page(site.entity_index(kind), partial(Inputs, ctx.everything, kind), render)


def render(inputs: Inputs) -> str:
    ctx, kind = inputs.everything.value, inputs.kind
    page = site.entity_index(kind)
    rows = []
    for entity in sorted((e for e in ctx.corpus.entities.values() if e.type == kind), key=lambda e: e.name.casefold()):
        refs = ctx.indexes.mentions_by_entity.get(entity.id, [])
        rows.append({
            "name": entity.name,
            "link": site.relative_link(page, site.entity_page(entity)),
            "description": entity.description,
            "mentions": len(refs),
            "articles": len({r.item.value.article.id for r in refs}),
            "claims": len(ctx.indexes.claims_by_entity.get(entity.id, [])),
        })
    return markdown.render("entity_index.md.j2", title=ENTITY_KINDS[kind].plural, entities=rows)
