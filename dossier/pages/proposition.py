"""A question's page: its claims side by side, scope by scope, cluster by cluster."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from typing import Any

from .. import search
from .. import sitemap as site
from ..analyse import PropositionReport
from ..dates import PartialDate
from ..output import Output, Sourced
from . import labels, markdown
from .context import Context, Registry


@dataclass(frozen=True, slots=True)
class Row:
    """A claim as the page shows it: an edit elsewhere in its article does not
    touch the page."""

    article: str  # id
    claim: str  # id
    quote: str
    value: str
    attributed_to: str
    via: tuple[str, ...]
    stance: str
    title: str  # of the article
    outlet: str
    published: PartialDate | None


@dataclass(frozen=True, slots=True)
class Group:
    scope: str
    #: claims whose values agree with each other; more than one cluster is a contradiction
    clusters: tuple[tuple[Row, ...], ...]


@dataclass(frozen=True, slots=True)
class Inputs:
    registry: Sourced[Registry]
    proposition: str  # id
    status: str  # of the question, as the analysis found it
    groups: tuple[Group, ...]


def pages(ctx: Context) -> Iterator[Output[Inputs]]:
    for report in ctx.analysis.reports.values():
        yield markdown.page(site.proposition_page(report.proposition.id), partial(inputs, ctx, report), render)


def inputs(ctx: Context, report: PropositionReport) -> Inputs:
    groups = tuple(
        Group(group.scope, tuple(
            tuple(Row(ref.article.id, ref.claim.id, ref.claim.selector.quote, ref.value.text, ref.claim.attributed_to,
                      ref.claim.via, ref.claim.stance, ref.article.title, ref.article.outlet, ref.article.published)
                  for ref in cluster)
            for cluster in group.clusters))
        for group in report.groups
    )
    return Inputs(ctx.registry, report.proposition.id, report.status, groups)


def render(inputs: Inputs) -> str:
    registry = inputs.registry.value
    proposition = registry.propositions[inputs.proposition]
    page = site.proposition_page(proposition.id)
    groups = []
    for group in inputs.groups:
        rows = [
            _row(registry, page, row, chr(ord("A") + i))
            for i, cluster in enumerate(group.clusters)
            for row in cluster
        ]
        groups.append({"label": proposition.scopes[group.scope], "conflict": len(group.clusters) > 1, "rows": rows})
    return markdown.render(
        "proposition.md.j2",
        question=proposition.question,
        filters=search.filters(labels.SEARCH_KIND["question"]),
        count=sum(len(cluster) for group in inputs.groups for cluster in group.clusters),
        conflict=any(g["conflict"] for g in groups),
        status=labels.STATUS[inputs.status],
        status_key=inputs.status,
        resolution=proposition.resolution,
        groups=groups,
        index_link=site.relative_link(page, site.CONTRADICTIONS),
    )


def _row(registry: Registry, page: str, row: Row, cluster: str) -> dict[str, Any]:
    return {
        "cluster": cluster,
        "value": row.value,
        "quote": row.quote,
        "link": site.relative_link(page, site.article_page(row.article), f"c-{row.claim}"),
        "article": markdown.short_title(row.title, row.outlet),
        "article_link": site.relative_link(page, site.article_page(row.article)),
        "source": registry.source(page, row.attributed_to, row.via),
        "date": markdown.article_date(row.published),
        "stance": labels.STANCE[row.stance],
    }
