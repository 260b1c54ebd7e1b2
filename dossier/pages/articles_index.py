"""The index of all articles, oldest first."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial

from .. import sitemap as site
from ..link import LinkedArticle
from ..output import Output, Sourced
from . import markdown
from .context import Context, showing


@dataclass(frozen=True, slots=True)
class Inputs:
    everything: Sourced[Context]


def pages(ctx: Context) -> Iterator[Output[Inputs]]:
    yield markdown.page(site.ARTICLES, partial(inputs, ctx), render)


def inputs(ctx: Context) -> Inputs:
    """Keyed by what the rows show: a claim's value or a text's words change nothing here."""
    shown = tuple((item.article.id, item.article.title, item.article.outlet, item.article.published,
                   len(item.article.claims), len(item.mentions)) for item in ctx.linked)
    return Inputs(showing(ctx, shown))


def render(inputs: Inputs) -> str:
    ctx = inputs.everything.value
    page = site.ARTICLES
    rows = [
        {
            "title": item.article.title,
            "link": site.relative_link(page, site.article_page(item.article.id)),
            "outlet": item.article.outlet or "–",
            "date": markdown.article_date(item.article.published),
            "claims": len(item.article.claims),
            "mentions": len(item.mentions),
        }
        for item in _by_date(ctx.linked)
    ]
    return markdown.render("articles_index.md.j2", articles=rows)


def _by_date(linked: list[LinkedArticle]) -> list[LinkedArticle]:
    return sorted(linked, key=lambda i: (i.article.published.iso() if i.article.published else "9999", i.article.id))
