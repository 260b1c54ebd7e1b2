"""The home page: what the dossier holds, its contradictions, the newest articles."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial

from .. import sitemap as site
from ..link import LinkedArticle
from ..model import ENTITY_KINDS
from ..output import Output, Sourced
from . import labels, markdown
from .context import Context, dated_claims

#: the home page shows the newest few; the article index lists all
HOME_ARTICLES = 10


@dataclass(frozen=True, slots=True)
class Inputs:
    everything: Sourced[Context]  # the site's title included


def pages(ctx: Context) -> Iterator[Output[Inputs]]:
    yield markdown.page(site.HOME, partial(Inputs, ctx.everything), render)


def render(inputs: Inputs) -> str:
    ctx = inputs.everything.value
    page = site.HOME
    contradictions = [
        {
            "question": r.proposition.question,
            "link": site.relative_link(page, site.proposition_page(r.proposition.id)),
            "summary": markdown.conflict_summary(r),
            "status": labels.STATUS[r.status],
        }
        for r in markdown.ordered_reports(ctx.analysis.reports.values()) if r.conflict
    ]
    sections = [
        {
            "title": ENTITY_KINDS[kind].plural,
            "link": site.relative_link(page, site.entity_index(kind)),
            "count": sum(1 for e in ctx.corpus.entities.values() if e.type == kind),
        }
        for kind in ENTITY_KINDS
    ]
    articles = [
        {
            "title": item.article.title,
            "link": site.relative_link(page, site.article_page(item.article.id)),
            "meta": ", ".join(x for x in (item.article.outlet, markdown.article_date(item.article.published)) if x),
        }
        for item in _newest(ctx.linked, HOME_ARTICLES)
    ]
    counts = {
        "articles": len(ctx.linked),
        "claims": sum(len(item.values) for item in ctx.linked),
        "entities": len(ctx.corpus.entities),
        "contradictions": len(contradictions),
        "open": sum(1 for r in ctx.analysis.contradictions if r.status == "open"),
        "events": sum(1 for _ in dated_claims(ctx)) + sum(1 for item in ctx.linked if item.article.published),
    }
    links = {
        "articles": site.relative_link(page, site.ARTICLES),
        "contradictions": site.relative_link(page, site.CONTRADICTIONS),
        "timeline": site.relative_link(page, site.TIMELINE),
        "data": site.relative_link(page, site.DATA),
    }
    return markdown.render("home.md.j2", title=ctx.title, counts=counts,
                           sections=sections, contradictions=contradictions, articles=articles, links=links)


def _newest(linked: list[LinkedArticle], count: int) -> list[LinkedArticle]:
    """The latest dated articles, newest first (the article index lists all)."""
    dated = [(i.article.published.iso(), i.article.id, i) for i in linked if i.article.published]
    return [i for _, _, i in sorted(dated, key=lambda d: (d[0], d[1]), reverse=True)[:count]]
