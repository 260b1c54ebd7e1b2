"""The timeline: every publication, every dated claim and every registered event, in date order.

Each question page has a timeline of its own claims; this page links to them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial

from markupsafe import Markup

from .. import sitemap as site
from ..escape import md_line
from ..locales import format_date, format_date_span
from ..output import Output, Sourced
from . import labels, markdown
from .context import Context, dated_claims, showing


@dataclass(frozen=True, slots=True)
class Inputs:
    everything: Sourced[Context]


def pages(ctx: Context) -> Iterator[Output[Inputs]]:
    yield markdown.page(site.TIMELINE, partial(inputs, ctx), render)


def inputs(ctx: Context) -> Inputs:
    """Keyed by the registry (questions, sources, events), the articles' dates
    and the claims of date questions: another claim's value changes nothing here."""
    articles = tuple((item.article.id, item.article.title, item.article.outlet, item.article.published)
                     for item in ctx.linked if item.article.published)
    claims = tuple((at.item.value.article.id, at.claim.id, at.claim.proposition, at.claim.scope, at.claim.selector.quote,
                    at.claim.attributed_to, at.claim.via, at.value.key, at.value.text) for at in dated_claims(ctx))
    questions = tuple(report.proposition.id for report in markdown.ordered_reports(ctx.analysis.reports.values()))
    return Inputs(showing(ctx, (ctx.registry, articles, claims, questions)))


def render(inputs: Inputs) -> str:
    ctx = inputs.everything.value
    registry = ctx.registry.value
    page = site.TIMELINE
    events = []
    for item in ctx.linked:
        article = item.article
        if article.published:
            link = site.relative_link(page, site.article_page(article.id))
            events.append((article.published.iso(), 1, {
                "date": format_date(article.published),
                "what": Markup(f"{labels.PUBLISHED}: [{md_line(article.title)}]({link})"),
                "source": md_line(article.outlet or "–"),
            }))
    for at in dated_claims(ctx):
        article, claim, value = at.item.value.article, at.claim, at.value
        proposition = registry.propositions[claim.proposition]
        claim_link = site.relative_link(page, site.article_page(article.id), f"c-{claim.id}")
        question_link = site.relative_link(page, site.proposition_page(proposition.id))
        what = (f"[{md_line(proposition.question)}]({question_link}) ({md_line(proposition.scopes[claim.scope])}): "
                f"[{labels.T['open_quote']}{md_line(claim.selector.quote)}{labels.T['close_quote']}]({claim_link})")
        events.append((value.key, 0, {
            "date": value.text,
            "what": Markup(what),
            "source": registry.source(page, claim.attributed_to, claim.via),
        }))
    for entity in registry.entities.values():
        if entity.date is None:  # only events have a date
            continue
        what = f"{labels.ENTITY_KIND[entity.type][0]}: [{md_line(entity.name)}]({registry.entity_link(page, entity.id)})"
        if entity.place:
            place = registry.entities[entity.place]
            what += f" ({labels.T['col_place']}: [{md_line(place.name)}]({registry.entity_link(page, place.id)}))"
        events.append((entity.date.start.iso(), 2, {"date": format_date_span(entity.date), "what": Markup(what), "source": "–"}))
    events.sort(key=lambda e: (e[0], e[1], str(e[2]["what"])))
    questions = [
        {"question": md_line(report.proposition.question),
         "link": site.relative_link(page, site.proposition_page(report.proposition.id))}
        for report in markdown.ordered_reports(ctx.analysis.reports.values())
    ]
    return markdown.render("timeline.md.j2", events=[e[2] for e in events], questions=questions)
