"""The contradictions index: every question, those with contradictions first."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial

from markupsafe import Markup

from .. import sitemap as site
from ..output import Output, Sourced
from ..review import pending
from . import labels, markdown
from .context import Context


@dataclass(frozen=True, slots=True)
class Inputs:
    everything: Sourced[Context]


def pages(ctx: Context) -> Iterator[Output[Inputs]]:
    yield markdown.page(site.CONTRADICTIONS, partial(Inputs, ctx.everything), render)


def render(inputs: Inputs) -> str:
    ctx = inputs.everything.value
    page = site.CONTRADICTIONS
    reports = [
        {
            "question": report.proposition.question,
            "link": site.relative_link(page, site.proposition_page(report.proposition.id)),
            "count": report.claim_count,
            "conflict": report.conflict,
            "summary": markdown.conflict_summary(report),
            "status": labels.STATUS[report.status] + (f" · {labels.REVIEW}" if pending(report) else ""),
            "status_key": report.status,
        }
        for report in markdown.ordered_reports(ctx.analysis.reports.values())
    ]
    conflicts = [r for r in reports if r["conflict"]]
    return markdown.render(
        "contradictions.md.j2",
        count=len(reports),
        conflicts=conflicts,
        consistent=[r for r in reports if not r["conflict"]],
        open_count=sum(1 for r in conflicts if r["status_key"] == "open"),
        meanings=[{"key": Markup(key), "status": labels.STATUS[key], "meaning": meaning}
                  for key, meaning in labels.STATUS_MEANING.items()],
    )
