"""A question's page: its claims side by side, scope by scope, cluster by cluster.

The page opens with what a reader takes in at a glance: a chart of the
values, how many independent origins stand behind each, and when the claims
were made; then the tables with every detail; then the editorial note.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from typing import Any

from .. import charts, search
from .. import sitemap as site
from ..analyse import ClaimRef, PropositionReport
from ..dates import PartialDate
from ..output import Output, Sourced
from ..review import pending
from . import glance, labels, markdown
from .context import Context, Registry


@dataclass(frozen=True, slots=True)
class Row:
    """A claim as the page shows it: an edit elsewhere in its article does not
    touch the page."""

    article: str  # id
    claim: str  # id
    quote: str
    value: str
    low: float | None
    high: float | None
    attributed_to: str
    via: tuple[str, ...]
    stance: str
    title: str  # of the article
    outlet: str
    published: PartialDate | None
    note: str = ""
    attribution: str = "stated"
    rhetorical: str = ""
    repeated: bool = False  # repeats an earlier claim of its article: counted once
    unreviewed: bool = False  # added or changed since the contradiction was assessed


@dataclass(frozen=True, slots=True)
class Group:
    scope: str
    #: claims whose values agree with each other; more than one cluster is a contradiction
    clusters: tuple[tuple[Row, ...], ...]
    #: rhetorical claims, shown but not compared
    aside: tuple[Row, ...] = ()


@dataclass(frozen=True, slots=True)
class Inputs:
    registry: Sourced[Registry]
    proposition: str  # id
    status: str  # of the question, as the analysis found it
    groups: tuple[Group, ...]
    review: bool  # the assessment has not seen the claims as they are (review.pending)


def pages(ctx: Context) -> Iterator[Output[Inputs]]:
    for report in ctx.analysis.reports.values():
        yield markdown.page(site.proposition_page(report.proposition.id), partial(inputs, ctx, report), render)


def inputs(ctx: Context, report: PropositionReport) -> Inputs:
    found = pending(report)
    unseen = set(found.new) if found else set()
    groups = tuple(
        Group(group.scope,
              tuple(tuple(_row_of(ref, ref.claim.key in group.repeats, unseen) for ref in cluster) for cluster in group.clusters),
              tuple(_row_of(ref, False, unseen) for ref in group.aside))
        for group in report.groups
    )
    return Inputs(ctx.registry, report.proposition.id, report.status, groups, found is not None)


def _row_of(ref: ClaimRef, repeated: bool, unseen: set[str]) -> Row:
    claim = ref.claim
    return Row(ref.article.id, claim.id, claim.selector.quote, ref.value.text, ref.value.low, ref.value.high,
               claim.attributed_to, claim.via, claim.stance,
               ref.article.title, ref.article.outlet, ref.article.published, claim.note, claim.attribution, claim.rhetorical,
               repeated, f"{ref.article.id}/{claim.id}" in unseen)


def render(inputs: Inputs) -> str:
    registry = inputs.registry.value
    proposition = registry.propositions[inputs.proposition]
    page = site.proposition_page(proposition.id)
    groups = []
    for group in inputs.groups:
        rows = [
            _row(registry, page, row, charts.letter(i))
            for i, cluster in enumerate(group.clusters)
            for row in cluster
        ]
        rows += [_row(registry, page, row, "") for row in group.aside]
        groups.append({"label": proposition.scopes[group.scope], "conflict": len(group.clusters) > 1, "rows": rows})
    return markdown.render(
        "proposition.md.j2",
        question=proposition.question,
        filters=search.filters(labels.SEARCH_KIND["question"]),
        count=sum(1 for group in inputs.groups for cluster in group.clusters for row in cluster if not row.repeated),
        conflict=any(g["conflict"] for g in groups),
        status=labels.STATUS[inputs.status],
        status_key=inputs.status,
        review=labels.REVIEW if inputs.review else "",
        new_label=labels.REVIEW_ROW,
        resolution=proposition.resolution,
        groups=groups,
        glance=glance.charts_block(registry, proposition, inputs.groups),
        claim_review=glance.claim_review(registry, proposition, inputs.status, inputs.groups),
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
        "note": row.note,
        "attribution": labels.ATTRIBUTION[row.attribution],
        "inferred": row.attribution == "inferred",
        "rhetorical": labels.RHETORICAL.get(row.rhetorical, ""),
        "repeated": row.repeated,
        "new": labels.REVIEW_ROW if row.unreviewed else "",
    }
