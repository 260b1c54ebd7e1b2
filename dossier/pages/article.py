"""An article's page: its text with claims, notes, mentions and dates tagged inline."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from html import escape as html_escape

from markupsafe import Markup

from .. import search
from .. import sitemap as site
from ..escape import md_line, md_text, safe_url
from ..languages import is_tag
from ..link import LinkedArticle
from ..locales import format_date_span
from ..markup import Tag, paragraphs
from ..model import Claim, Span
from ..output import Output, Sourced
from ..textindex import normalise
from . import claim_panel, labels, markdown
from .context import Context, Registry

#: a claim's tooltip names this many of the claims that disagree with it (from
#: its panel's list, ``claim_panel.Neighbours.disagree``, which holds more)
DISPUTERS_SHOWN = 4


@dataclass(frozen=True, slots=True)
class Verdict:
    """What the analysis says of one claim, as far as the page prints it."""

    claim: str  # id
    status: str
    repeat_of: str = ""  # id of the earlier claim of this article it repeats


@dataclass(frozen=True, slots=True)
class Inputs:
    registry: Sourced[Registry]
    item: Sourced[LinkedArticle]
    #: of each claim the analysis judged (it depends on other articles' claims)
    verdicts: tuple[Verdict, ...]
    #: of each claim the analysis judged: the claims that agree and disagree (its panel)
    panels: Sourced[claim_panel.Panels]


def pages(ctx: Context) -> Iterator[Output[Inputs]]:
    keys = claim_panel.PanelKeys(ctx.analysis)  # made once per cluster for all pages of this build
    for item in ctx.indexes.articles:
        yield markdown.page(site.article_page(item.value.article.id), partial(inputs, ctx, item, keys), render)


def inputs(ctx: Context, item: Sourced[LinkedArticle], keys: claim_panel.PanelKeys | None = None) -> Inputs:
    verdicts = []
    for claim in item.value.article.claims:
        status = ctx.analysis.claims.get(claim.key)
        if status:
            verdicts.append(Verdict(claim.id, status.status, status.repeat_of))
    panels = (keys or claim_panel.PanelKeys(ctx.analysis)).panels(item.value)
    return Inputs(ctx.registry, item, tuple(verdicts), panels)


def render(inputs: Inputs) -> str:
    registry, item = inputs.registry.value, inputs.item.value
    verdicts = {verdict.claim: verdict for verdict in inputs.verdicts}
    article = item.article
    page = site.article_page(article.id)
    meta: list[tuple[str, Markup]] = []
    if article.outlet:
        meta.append((labels.ARTICLE_META["outlet"], md_line(article.outlet)))
    date = markdown.article_date(article.published)
    if article.published_basis:
        date += f" ({article.published_basis})"
    meta.append((labels.ARTICLE_META["date"], md_line(date)))
    seed_link = site.relative_link(page, site.seed_file(article.seed))
    meta.append((labels.ARTICLE_META["seed"], Markup(f"[{md_line(article.seed)}]({seed_link})")))
    url = safe_url(article.source_url)
    if url:
        meta.append((labels.ARTICLE_META["original"], Markup(f"<{markdown.link_target(url)}>")))
    if article.licence:
        meta.append((labels.ARTICLE_META["licence"], md_line(article.licence)))
    meta.append((labels.ARTICLE_META["claims"], md_text(len(article.claims))))
    meta_line = Markup(" · ").join(Markup(f"**{label}:** {value}") for label, value in meta)
    claims = []
    in_order = _claims_in_text_order(item)
    numbers = {claim.id: number for number, claim in enumerate(in_order, start=1)}
    for number, claim in enumerate(in_order, start=1):
        proposition = registry.propositions[claim.proposition]
        verdict = verdicts.get(claim.id)
        repeat_of = verdict.repeat_of if verdict else ""
        claims.append({
            "id": Markup(claim.id),  # validated as [a-z0-9-]
            "number": number,
            "quote": claim.selector.quote,
            "question": proposition.question,
            "proposition_link": site.relative_link(page, site.proposition_page(proposition.id)),
            "scope": proposition.scopes[claim.scope],
            "value": item.values[claim.id].text,
            "source": registry.source(page, claim.attributed_to, claim.via),
            "stance": labels.STANCE[claim.stance],
            "status": labels.STATUS[verdict.status] if verdict else "",
            "attribution": labels.ATTRIBUTION[claim.attribution],
            "inferred": claim.attribution == "inferred",
            "rhetorical": labels.RHETORICAL.get(claim.rhetorical, ""),
            "note": claim.note,
            "repeat_of": Markup(repeat_of),  # validated as [a-z0-9-]
            "repeat_number": numbers.get(repeat_of, repeat_of),
        })
    notes = [
        {"anchor": Markup(f"n-{n}"), "kind": labels.NOTE_KIND[note.kind], "quote": note.selector.quote,
         "text": note.note, "correction": note.correction}
        for n, (note, _) in enumerate(item.anchored.notes, start=1)
    ]
    hidden = [
        {"reason": labels.HIDE_REASON[h.reason], "text": article.text[s.start:s.end]}
        for h, s in zip(article.hides, item.anchored.hides, strict=True)
    ]
    near = {n.claim: n for n in inputs.panels.value.neighbours()}
    heading, body = _heading_and_body(item, _tags(registry, item, verdicts, near, page))
    year = article.published.year if article.published else None
    return markdown.render("article.md.j2", title=article.title, heading=heading,
                           filters=search.filters(labels.SEARCH_KIND["article"], article.outlet, year), lang=_lang(article.language), meta=meta_line,
                           paragraphs=body, notes=notes, claims=claims, hidden=hidden, panels=_panels(inputs, page, near))


def _heading_and_body(item: LinkedArticle, tags: list[Tag]) -> tuple[Markup, list[Markup]]:
    """The heading and the paragraphs, each with the tags inside it.

    The title line of the text, cut from the body, is the heading with its
    names, figures and dates tagged; without one the annotation's title is,
    untagged. When the annotation's title words it differently, that title
    is the heading and the tagged title line opens the text, so every link
    to a claim or mention in it still has its target.
    """
    article, anchored = item.article, item.anchored
    plain = md_line(article.title)
    if not anchored.shown:
        return plain, paragraphs(article.text, anchored.hides, tags)
    line = anchored.shown[0]
    inside = [t for t in tags if line.start <= t.start and t.end <= line.end]
    outside = [t for t in tags if not (line.start <= t.start and t.end <= line.end)]
    body = paragraphs(article.text, anchored.hides, outside)
    around = (Span(0, line.start), Span(line.end, len(article.text)))
    heading = paragraphs(article.text, around, inside)
    if normalise(article.text[line.start:line.end]) != normalise(article.title):
        return plain, heading + body  # the text's own headline stays, tagged, above the text
    return (heading[0] if heading else plain), body


def _panels(inputs: Inputs, page: str, near: dict[str, claim_panel.Neighbours]) -> Markup:
    """The templates of the claims' panels (claim_panel), in text order like the tags."""
    registry, item = inputs.registry.value, inputs.item.value
    statuses = {v.claim: labels.STATUS[v.status] for v in inputs.verdicts}
    return claim_panel.block([
        claim_panel.render(registry, page, claim_panel.Facts(claim, number, item.values[claim.id].text, statuses.get(claim.id, "")),
                           near.get(claim.id))
        for number, claim in enumerate(_claims_in_text_order(item), start=1)
    ])


def _claims_in_text_order(item: LinkedArticle) -> list[Claim]:
    """Readers meet claims in text order, so they are numbered that way."""
    spans = item.anchored.claims
    shown = [c for c in item.article.claims if c.id in spans and c.id in item.values]
    return sorted(shown, key=lambda c: (spans[c.id].start, -spans[c.id].end, c.id))


def _claim_tooltip(registry: Registry, claim: Claim, value: str, verdict: Verdict | None,
                   near: claim_panel.Neighbours | None, numbers: dict[str, int]) -> str:
    proposition = registry.propositions[claim.proposition]
    tip = labels.TOOLTIP
    parts = [
        f"{proposition.question} ({proposition.scopes[claim.scope]})",
        f"{tip['value']}: {value}",
        f"{tip['source']}: {registry.source_plain(claim.attributed_to, claim.via)} ({labels.STANCE[claim.stance]})",
        f"{tip['attribution']}: {labels.ATTRIBUTION[claim.attribution]}",
    ]
    if claim.rhetorical:
        parts.append(f"{tip['rhetorical']}: {labels.RHETORICAL[claim.rhetorical]}")
    if verdict:
        parts.append(f"{tip['status']}: {labels.STATUS[verdict.status]}")
        if near and near.disagree:
            others = "; ".join(f"{registry.source_plain(o.attributed_to, o.via)}: {o.value}"
                               for o in near.disagree[:DISPUTERS_SHOWN])
            parts.append(f"{tip['disputed_by']}: {others}")
        if verdict.repeat_of:
            parts.append(f"{labels.REPEATED} {numbers.get(verdict.repeat_of, verdict.repeat_of)}")
    if claim.note:
        parts.append(f"{tip['note']}: {claim.note}")
    return " · ".join(parts)


def _tags(registry: Registry, item: LinkedArticle, verdicts: dict[str, Verdict],
          near: dict[str, claim_panel.Neighbours], page: str) -> list[Tag]:
    tags: list[Tag] = []
    anchored = item.anchored
    in_order = _claims_in_text_order(item)
    numbers = {claim.id: number for number, claim in enumerate(in_order, start=1)}
    for number, claim in enumerate(in_order, start=1):
        span = anchored.claims[claim.id]
        value = item.values[claim.id]
        verdict = verdicts.get(claim.id)
        css = f"dossier-claim dossier-claim--{verdict.status if verdict else 'consistent'}"
        title = markdown.attr(_claim_tooltip(registry, claim, value.text, verdict, near.get(claim.id), numbers))
        # The number links to the claim's row; dossier.js makes it the button that opens the claim's panel.
        sup = (f'<sup class="dossier-tag"><a href="#k-{claim.id}" aria-label="{labels.PANEL["label"]} {number}"'
               f' data-dossier-panel="{claim_panel.template_id(claim.id)}">{number}</a></sup>')
        tags.append(Tag(
            span.start, span.end, 0,
            f'<mark class="{css}" id="c-{claim.id}" title="{title}">', f"</mark>{sup}",
            f'<mark class="{css}" title="{title}">', "</mark>",
        ))
    for number, (note, span) in enumerate(anchored.notes, start=1):
        correction = f" {labels.CORRECTION} {note.correction}" if note.correction else ""
        title = markdown.attr(f"{labels.NOTE_KIND[note.kind]}: {note.note}{correction}")
        sup = f'<sup class="dossier-note-tag"><a href="#n-{number}" title="{title}">{labels.NOTE_TAG} {number}</a></sup>'
        tags.append(Tag(
            span.start, span.end, 1,
            f'<span class="dossier-note" id="a-{number}" title="{title}">', f"</span>{sup}",
            f'<span class="dossier-note" title="{title}">', "</span>",
        ))
    for number, mention in enumerate(item.mentions, start=1):
        entity = registry.entities[mention.entity]
        css = "dossier-mention dossier-mention--erroneous" if mention.erroneous else "dossier-mention"
        warning = f' title="{markdown.attr(f"{labels.MISSPELLING_OF} {entity.name}")}"' if mention.erroneous else ""
        link = registry.entity_link(page, entity.id)
        tags.append(Tag(
            mention.start, mention.end, 2,
            f'<span class="{css}" id="m{number}"{warning}>[', f"]({link})</span>",
            f'<span class="{css}">[', f"]({link})</span>",
        ))
    for date in item.dates:
        if date.value is None:
            continue
        iso = html_escape(date.value.start.iso())
        title = markdown.attr((f"{labels.RESOLVED} " if date.relative else "") + format_date_span(date.value))
        tags.append(Tag(
            date.start, date.end, 3,
            f'<time class="dossier-date" datetime="{iso}" title="{title}">', "</time>",
            f'<time class="dossier-date" datetime="{iso}" title="{title}">', "</time>",
        ))
    return tags


def _lang(tag: str) -> Markup:
    """The article's BCP 47 tag for the ``lang`` attribute, unescaped ("en&#45;GB" would name no language)."""
    return Markup(tag if is_tag(tag) else "und")
