"""Render the Markdown pages from the analysed corpus (Jinja2 templates).

Every value a template prints is escaped unless the code marked it as
trusted Markup (links it built, tags it assembled), so text from articles
and YAML cannot inject HTML or Markdown.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, cached_property, partial
from html import escape as html_escape
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from . import sitemap as site
from .analyse import Analysis, ClaimRef, PropositionReport
from .escape import md_line, md_text, safe_url
from .link import LinkedArticle
from .markup import Tag, paragraphs
from .model import ENTITY_TYPES, Article, Claim, Corpus, Entity
from .values import format_date, format_date_span

STATUS = {"open": "offen", "explained": "erklärt", "resolved": "aufgelöst", "consistent": "übereinstimmend"}
STANCE = {
    "asserts": "behauptet",
    "estimates": "schätzt",
    "reports": "berichtet",
    "confirms": "bestätigt",
    "denies": "bestreitet",
    "speculates": "vermutet",
}
NOTE_KIND = {
    "misspelling": "Schreibfehler",
    "mistranslation": "Übersetzungsfehler",
    "factual-error": "Sachfehler",
    "garbled": "Verstümmelter Text",
    "other": "Anmerkung",
}
HIDE_REASON = {
    "title": "Titelzeile",
    "dateline": "Datumszeile",
    "rubric": "Rubrik",
    "byline": "Autor/Medium",
    "teaser": "Anreißer",
    "caption": "Bildunterschrift",
    "image-alt": "Bild-Alternativtext",
    "see-also": "„Siehe auch“-Link",
    "ad": "Werbung",
    "comment-form": "Kommentarformular",
    "tags": "Schlagwörter",
    "other": "Sonstiges",
}
SNIPPET = 70
HOME_ARTICLES = 10  # the home page shows the newest few; the article index lists all


def _finalize(value: object) -> object:
    """Escape everything a template prints unless code marked it as Markup."""
    if isinstance(value, Markup) or value is None:
        return value if value is not None else ""
    return md_text(value)


class _Environment(Environment):
    """Templates read rows as ``row.field``; for a dict, Jinja first tries the
    attribute and catches the AttributeError, a million times per large build."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute in obj:
            return obj[attribute]
        return super().getattr(obj, attribute)


@cache
def environment() -> Environment:
    env = _Environment(
        loader=PackageLoader("dossier", "templates"),
        autoescape=False,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=StrictUndefined,
    )
    env.filters["line"] = md_line
    env.filters["yaml_string"] = _yaml_string
    return env


def _yaml_string(text: str) -> Markup:
    """A page title for the front matter, HTML-escaped: MkDocs treats a page
    title as HTML (as it does one taken from a heading), and the theme prints
    it unescaped into <title> and the header. A JSON string is valid YAML."""
    return Markup(json.dumps(html_escape(" ".join(text.split())), ensure_ascii=False))


def render(template: str, **context: object) -> str:
    return environment().get_template(template).render(**context)


def _attr(text: str) -> Markup:
    """Text for an HTML attribute value: escaped like text, on one line."""
    return md_line(text)


@dataclass(frozen=True)
class Context:
    """Lookups shared by all pages."""

    corpus: Corpus
    linked: list[LinkedArticle]
    analysis: Analysis
    #: article id -> fingerprint of its inputs, and the registry's (for page keys)
    fingerprints: dict[str, str] = field(default_factory=dict)
    registry_key: str = ""

    def entity_link(self, page: str, entity_id: str, anchor: str = "") -> Markup:
        return site.relative_link(page, site.entity_page(self.corpus.entities[entity_id]), anchor)

    def prepare(self) -> None:
        """Build the shared indexes now (before work is spread over processes)."""
        _ = self.claims_by_entity, self.related

    def source(self, page: str, claim: Claim) -> Markup:
        """'NIS über Yonhap' with links to the entity pages."""
        def one(eid: str) -> str:
            return f"[{md_line(self.corpus.entities[eid].name)}]({self.entity_link(page, eid)})"

        text = one(claim.attributed_to)
        if claim.via:
            text += " über " + ", ".join(one(v) for v in claim.via)
        return Markup(text)

    @cached_property
    def claims_by_entity(self) -> dict[str, list[tuple[LinkedArticle, Claim, str]]]:
        """Claims each entity is the source or a relay of, with that role."""
        index: dict[str, list[tuple[LinkedArticle, Claim, str]]] = {}
        for item in self.linked:
            for claim in item.article.claims:
                if claim.id not in item.values:
                    continue
                roles = {claim.attributed_to: "Quelle"}
                for relay in claim.via:
                    roles[relay] = "Quelle, Übermittler" if relay == claim.attributed_to else "Übermittler"
                for eid, role in roles.items():
                    index.setdefault(eid, []).append((item, claim, role))
        return index

    @cached_property
    def related(self) -> dict[str, dict[str, str]]:
        """Declared relations both ways, plus containing and contained places, with why."""
        index: dict[str, dict[str, str]] = {eid: {} for eid in self.corpus.entities}
        for entity in self.corpus.entities.values():
            for other in entity.related:
                index[entity.id].setdefault(other, "")
                index[other].setdefault(entity.id, "")
            if entity.part_of:
                index[entity.id][entity.part_of] = "umfasst diesen Ort"
                index[entity.part_of][entity.id] = "liegt in diesem Ort"
        return index

    def source_plain(self, claim: Claim) -> str:
        text = self.corpus.entities[claim.attributed_to].name
        if claim.via:
            text += " über " + ", ".join(self.corpus.entities[v].name for v in claim.via)
        return text


def _link_target(url: str) -> str:
    """An http(s) URL made safe inside Markdown's <...> autolink."""
    return url.replace("(", "%28").replace(")", "%29").replace(" ", "%20")


def short_title(article: Article, words: int = 6) -> str:
    """A table-sized name for an article: its outlet and the head of its title."""
    head = article.title.split()
    title = " ".join(head[:words]) + ("…" if len(head) > words else "")
    return f"{article.outlet}: {title}" if article.outlet else title


def article_date(article: Article) -> str:
    return format_date(article.published) if article.published else "ohne Datum"


@dataclass(frozen=True, slots=True)
class Page:
    """A page to write, what it is made from, and how to make it.

    ``key()`` digests everything the text depends on (fingerprints of the
    articles it shows, the analysis results it prints); a page whose key
    equals that of the last build has the same text and is not rendered.
    """

    path: str
    key: Callable[[], str]  # computed only by a build that will run again
    render: Callable[[], str]


def input_key(*inputs: object) -> str:
    """A short digest of a page's inputs (their repr is deterministic)."""
    return hashlib.blake2b(repr(inputs).encode("utf-8"), digest_size=16).hexdigest()


def build_pages(ctx: Context, title: str) -> Iterator[Page]:
    """Every page, one at a time, in a fixed order."""
    for item in ctx.linked:
        yield Page(site.article_page(item.article.id), partial(_article_key, ctx, item), partial(article_page, ctx, item))
    mentions = _mentions_by_entity(ctx.linked)
    for entity in ctx.corpus.entities.values():
        refs = mentions.get(entity.id, [])
        yield Page(site.entity_page(entity), partial(_entity_key, ctx, entity, refs), partial(entity_page, ctx, entity, refs))
    for report in ctx.analysis.reports.values():
        yield Page(site.proposition_page(report.proposition.id), partial(_report_key, ctx, report),
                   partial(proposition_page, ctx, report))
    everything = partial(corpus_key, ctx, title)
    for kind in ENTITY_TYPES:
        yield Page(site.entity_index(kind), everything, partial(entity_index, ctx, kind, mentions))
    yield Page(site.CONTRADICTIONS, everything, partial(contradictions_page, ctx))
    yield Page(site.ARTICLES, everything, partial(articles_index, ctx))
    yield Page(site.TIMELINE, everything, partial(timeline_page, ctx))
    yield Page(site.HOME, everything, partial(home_page, ctx, title))


def corpus_key(ctx: Context, title: str) -> str:
    """What indexes and exports are made from: every article, so any change."""
    return input_key(ctx.registry_key, title, sorted(ctx.fingerprints.items()))


def _statuses(ctx: Context, claims: Iterable[Claim]) -> tuple:
    """What the analysis says of each claim, as far as a page prints it."""
    result = []
    for claim in claims:
        status = ctx.analysis.claims.get(claim.key)
        if status:
            # Not the disputing claims themselves: 5,000 distinct values in one group would make that 25 million.
            result.append((claim.key, status.status, status.disputed_by.fingerprint))
    return tuple(result)


def _report_key(ctx: Context, report: PropositionReport) -> str:
    """The claims of a question as its page shows them, cluster by cluster."""
    return input_key(ctx.registry_key, *(
        (group.scope, tuple(
            tuple((ref.claim.key, ref.claim.selector.quote, ref.claim.attributed_to, ref.claim.via, ref.claim.stance,
                   ref.value.text, ref.article.title, ref.article.outlet, str(ref.article.published)) for ref in cluster)
            for cluster in group.clusters))
        for group in report.groups
    ))


def _article_key(ctx: Context, item: LinkedArticle) -> str:
    return input_key(ctx.registry_key, ctx.fingerprints.get(item.article.id, ""), _statuses(ctx, item.article.claims))


def _entity_key(ctx: Context, entity: Entity, mentions: list[MentionRef]) -> str:
    claims = ctx.claims_by_entity.get(entity.id, [])
    articles = sorted({m.item.article.id for m in mentions} | {item.article.id for item, _, _ in claims})
    return input_key(
        ctx.registry_key,
        entity.id,
        tuple((a, ctx.fingerprints.get(a, "")) for a in articles),
        _statuses(ctx, (claim for _, claim, _ in claims)),
    )


# --- article pages -----------------------------------------------------------


def _claim_tooltip(ctx: Context, ref_claim: Claim, value: str) -> str:
    proposition = ctx.corpus.propositions[ref_claim.proposition]
    status = ctx.analysis.claims.get(ref_claim.key)
    parts = [
        f"{proposition.question} ({proposition.scopes[ref_claim.scope]})",
        f"Wert: {value}",
        f"Quelle: {ctx.source_plain(ref_claim)} ({STANCE[ref_claim.stance]})",
    ]
    if status:
        parts.append(f"Status: {STATUS[status.status]}")
        if status.disputed_by:
            others = "; ".join(f"{ctx.source_plain(o.claim)}: {o.value.text}" for o in status.disputed_by[:4])
            parts.append(f"Widersprochen von: {others}")
    return " · ".join(parts)


def _claims_in_text_order(item: LinkedArticle) -> list[Claim]:
    """Readers meet claims in text order, so they are numbered that way."""
    spans = item.anchored.claims
    shown = [c for c in item.article.claims if c.id in spans and c.id in item.values]
    return sorted(shown, key=lambda c: (spans[c.id].start, -spans[c.id].end, c.id))


def _tags(ctx: Context, item: LinkedArticle, page: str) -> list[Tag]:
    tags: list[Tag] = []
    anchored = item.anchored
    for number, claim in enumerate(_claims_in_text_order(item), start=1):
        span = anchored.claims[claim.id]
        value = item.values[claim.id]
        status = ctx.analysis.claims.get(claim.key)
        css = f"dossier-claim dossier-claim--{status.status if status else 'consistent'}"
        title = _attr(_claim_tooltip(ctx, claim, value.text))
        # The number link carries the details too: a link takes keyboard focus, which shows its tooltip.
        sup = f'<sup class="dossier-tag"><a href="#k-{claim.id}" title="{title}">{number}</a></sup>'
        tags.append(Tag(
            span.start, span.end, 0,
            f'<mark class="{css}" id="c-{claim.id}" title="{title}">', f"</mark>{sup}",
            f'<mark class="{css}" title="{title}">', "</mark>",
        ))
    for number, (note, span) in enumerate(anchored.notes, start=1):
        title = _attr(f"{NOTE_KIND[note.kind]}: {note.note}" + (f" Richtig: {note.correction}" if note.correction else ""))
        sup = f'<sup class="dossier-note-tag"><a href="#n-{number}" title="{title}">Anm. {number}</a></sup>'
        tags.append(Tag(
            span.start, span.end, 1,
            f'<span class="dossier-note" id="a-{number}" title="{title}">', f"</span>{sup}",
            f'<span class="dossier-note" title="{title}">', "</span>",
        ))
    for number, mention in enumerate(item.mentions, start=1):
        entity = ctx.corpus.entities[mention.entity]
        css = "dossier-mention dossier-mention--erroneous" if mention.erroneous else "dossier-mention"
        title = f' title="{_attr("Fehlerhafte Schreibweise für " + entity.name)}"' if mention.erroneous else ""
        link = ctx.entity_link(page, entity.id)
        tags.append(Tag(
            mention.start, mention.end, 2,
            f'<span class="{css}" id="m{number}"{title}>[', f"]({link})</span>",
            f'<span class="{css}">[', f"]({link})</span>",
        ))
    for date in item.dates:
        if date.value is None:
            continue
        iso = html_escape(date.value.start.iso())
        title = _attr(("aufgelöst: " if date.relative else "") + format_date_span(date.value))
        tags.append(Tag(
            date.start, date.end, 3,
            f'<time class="dossier-date" datetime="{iso}" title="{title}">', "</time>",
            f'<time class="dossier-date" datetime="{iso}" title="{title}">', "</time>",
        ))
    return tags


def article_page(ctx: Context, item: LinkedArticle) -> str:
    article = item.article
    page = site.article_page(article.id)
    meta: list[tuple[str, Markup]] = []
    if article.outlet:
        meta.append(("Medium", md_line(article.outlet)))
    date = article_date(article)
    if article.published_basis:
        date += f" ({article.published_basis})"
    meta.append(("Datum", md_line(date)))
    seed_link = site.relative_link(page, site.seed_file(article.seed))
    meta.append(("Quelltext", Markup(f"[{md_line(article.seed)}]({seed_link})")))
    url = safe_url(article.source_url)
    if url:
        meta.append(("Original", Markup(f"<{_link_target(url)}>")))
    meta.append(("Aussagen", md_text(len(article.claims))))
    meta_line = Markup(" · ").join(Markup(f"**{label}:** {value}") for label, value in meta)
    claims = []
    for number, claim in enumerate(_claims_in_text_order(item), start=1):
        proposition = ctx.corpus.propositions[claim.proposition]
        status = ctx.analysis.claims.get(claim.key)
        claims.append({
            "id": Markup(claim.id),  # validated as [a-z0-9-]
            "number": number,
            "quote": claim.selector.quote,
            "question": proposition.question,
            "proposition_link": site.relative_link(page, site.proposition_page(proposition.id)),
            "scope": proposition.scopes[claim.scope],
            "value": item.values[claim.id].text,
            "source": ctx.source(page, claim),
            "stance": STANCE[claim.stance],
            "status": STATUS[status.status] if status else "",
        })
    notes = [
        {"anchor": Markup(f"n-{n}"), "kind": NOTE_KIND[note.kind], "quote": note.selector.quote, "text": note.note, "correction": note.correction}
        for n, (note, _) in enumerate(item.anchored.notes, start=1)
    ]
    hidden = [
        {"reason": HIDE_REASON[h.reason], "text": article.text[s.start:s.end]}
        for h, s in zip(article.hides, item.anchored.hides)
    ]
    body = paragraphs(article.text, item.anchored.hides, _tags(ctx, item, page))
    return render("article.md.j2", title=article.title, meta=meta_line, paragraphs=body, notes=notes, claims=claims, hidden=hidden)


# --- entity pages ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MentionRef:
    item: LinkedArticle
    number: int  # anchor m<number> on the article page
    start: int
    end: int
    erroneous: bool


def _mentions_by_entity(linked: list[LinkedArticle]) -> dict[str, list[MentionRef]]:
    result: dict[str, list[MentionRef]] = {}
    for item in linked:
        for number, m in enumerate(item.mentions, start=1):
            result.setdefault(m.entity, []).append(MentionRef(item, number, m.start, m.end, m.erroneous))
    return result


def _snippet(text: str, start: int, end: int) -> Markup:
    """The mention in bold with context from its line, cut at word boundaries."""
    # Look for the line's ends only as far as the snippet reaches: a seed may be one 5 MB line.
    reach_start, reach_end = max(0, start - SNIPPET - 1), min(len(text), end + SNIPPET + 1)
    line_start = text.rfind("\n", reach_start, start) + 1 or reach_start
    line_end = text.find("\n", end, reach_end)
    line_end = reach_end if line_end == -1 else line_end
    a = max(line_start, start - SNIPPET)
    b = min(line_end, end + SNIPPET)
    before, after = text[a:start], text[end:b]
    if a > line_start:
        before = "…" + (before.split(" ", 1)[1] if " " in before else before)
    if b < line_end:
        after = (after.rsplit(" ", 1)[0] if " " in after else after) + "…"
    space_before = " " if before[-1:].isspace() else ""
    space_after = " " if after[:1].isspace() else ""
    return Markup(f"{md_line(before)}{space_before}**{md_line(text[start:end])}**{space_after}{md_line(after)}")


def entity_page(ctx: Context, entity: Entity, mentions: list[MentionRef]) -> str:
    page = site.entity_page(entity)
    groups: dict[str, dict] = {}
    for m in mentions:
        article = m.item.article
        group = groups.setdefault(article.id, {
            "title": f"{article.title} ({article_date(article)})",
            "link": site.relative_link(page, site.article_page(article.id)),
            "mentions": [],
        })
        group["mentions"].append({
            "snippet": _snippet(article.text, m.start, m.end),
            "link": site.relative_link(page, site.article_page(article.id), f"m{m.number}"),
            "erroneous": m.erroneous,
        })
    claims = []
    for item, claim, role in ctx.claims_by_entity.get(entity.id, []):
        proposition = ctx.corpus.propositions[claim.proposition]
        status = ctx.analysis.claims.get(claim.key)
        claims.append({
            "quote": claim.selector.quote,
            "link": site.relative_link(page, site.article_page(item.article.id), f"c-{claim.id}"),
            "question": proposition.question,
            "scope": proposition.scopes[claim.scope],
            "value": item.values[claim.id].text,
            "role": role,
            "article": item.article.title,
            "article_link": site.relative_link(page, site.article_page(item.article.id)),
            "status": STATUS[status.status] if status else "",
        })
    related = _related(ctx, entity, page)
    wikidata = Markup(f"[{entity.wikidata}](https://www.wikidata.org/wiki/{entity.wikidata})") if entity.wikidata else ""
    return render(
        "entity.md.j2",
        entity=entity,
        kind=site.ENTITY_SINGULAR[entity.type],
        wikidata=wikidata,
        aliases=entity.aliases,
        mention_count=len(mentions),
        groups=list(groups.values()),
        claims=claims,
        related=related,
    )


def _related(ctx: Context, entity: Entity, page: str) -> list[dict]:
    reasons = ctx.related[entity.id]
    return [
        {
            "name": ctx.corpus.entities[other_id].name,
            "link": ctx.entity_link(page, other_id),
            "kind": site.ENTITY_SINGULAR[ctx.corpus.entities[other_id].type],
            "why": reasons[other_id],
        }
        for other_id in sorted(reasons, key=lambda i: (ctx.corpus.entities[i].name.casefold(), i))
    ]


def entity_index(ctx: Context, kind: str, mentions: dict[str, list[MentionRef]]) -> str:
    page = site.entity_index(kind)
    rows = []
    for entity in sorted((e for e in ctx.corpus.entities.values() if e.type == kind), key=lambda e: e.name.casefold()):
        refs = mentions.get(entity.id, [])
        rows.append({
            "name": entity.name,
            "link": site.relative_link(page, site.entity_page(entity)),
            "description": entity.description,
            "mentions": len(refs),
            "articles": len({r.item.article.id for r in refs}),
            "claims": len(ctx.claims_by_entity.get(entity.id, [])),
        })
    return render("entity_index.md.j2", title=site.ENTITY_TITLES[kind], entities=rows)


# --- contradictions, timeline, home --------------------------------------------


def _claim_row(ctx: Context, page: str, ref: ClaimRef, cluster: str) -> dict:
    article = ref.article
    return {
        "cluster": cluster,
        "value": ref.value.text,
        "quote": ref.claim.selector.quote,
        "link": site.relative_link(page, site.article_page(article.id), f"c-{ref.claim.id}"),
        "article": short_title(article),
        "article_link": site.relative_link(page, site.article_page(article.id)),
        "source": ctx.source(page, ref.claim),
        "date": article_date(article),
        "stance": STANCE[ref.claim.stance],
    }


def _ordered_reports(ctx: Context) -> list:
    rank = {"open": 0, "explained": 1, "resolved": 2, "consistent": 3}
    return sorted(ctx.analysis.reports.values(), key=lambda r: (rank[r.status], r.proposition.id))


def _conflict_summary(report: PropositionReport) -> str:
    """'Gesamt: 12.000 gegen 10.000' for each scope that disagrees."""
    return "; ".join(
        f"{g.label}: " + " gegen ".join(" / ".join(sorted({ref.value.text for ref in c})) for c in g.clusters)
        for g in report.groups if g.conflict
    )


def proposition_page(ctx: Context, report: PropositionReport) -> str:
    page = site.proposition_page(report.proposition.id)
    groups = []
    for group in report.groups:
        rows = [
            _claim_row(ctx, page, ref, chr(ord("A") + i))
            for i, cluster in enumerate(group.clusters)
            for ref in cluster
        ]
        groups.append({"label": group.label, "conflict": group.conflict, "rows": rows})
    return render(
        "proposition.md.j2",
        question=report.proposition.question,
        count=report.claim_count,
        conflict=report.conflict,
        status=STATUS[report.status],
        status_key=report.status,
        resolution=report.proposition.resolution,
        groups=groups,
        index_link=site.relative_link(page, site.CONTRADICTIONS),
    )


def contradictions_page(ctx: Context) -> str:
    page = site.CONTRADICTIONS
    reports = [
        {
            "question": report.proposition.question,
            "link": site.relative_link(page, site.proposition_page(report.proposition.id)),
            "count": report.claim_count,
            "conflict": report.conflict,
            "summary": _conflict_summary(report),
            "status": STATUS[report.status],
            "status_key": report.status,
        }
        for report in _ordered_reports(ctx)
    ]
    conflicts = [r for r in reports if r["conflict"]]
    return render(
        "contradictions.md.j2",
        count=len(reports),
        conflicts=conflicts,
        consistent=[r for r in reports if not r["conflict"]],
        open_count=sum(1 for r in conflicts if r["status_key"] == "open"),
    )


def articles_index(ctx: Context) -> str:
    page = site.ARTICLES
    rows = [
        {
            "title": item.article.title,
            "link": site.relative_link(page, site.article_page(item.article.id)),
            "outlet": item.article.outlet or "–",
            "date": article_date(item.article),
            "claims": len(item.article.claims),
            "mentions": len(item.mentions),
        }
        for item in _by_date(ctx.linked)
    ]
    return render("articles_index.md.j2", articles=rows)


def _by_date(linked: list[LinkedArticle]) -> list[LinkedArticle]:
    return sorted(linked, key=lambda i: (i.article.published.iso() if i.article.published else "9999", i.article.id))


def _newest(linked: list[LinkedArticle], count: int) -> list[LinkedArticle]:
    """The latest dated articles, newest first (the article index lists all)."""
    dated = [i for i in linked if i.article.published]
    return sorted(dated, key=lambda i: (i.article.published.iso(), i.article.id), reverse=True)[:count]


def timeline_page(ctx: Context) -> str:
    page = site.TIMELINE
    events = []
    for item in ctx.linked:
        article = item.article
        link = site.relative_link(page, site.article_page(article.id))
        if article.published:
            events.append((article.published.iso(), 1, {
                "date": format_date(article.published),
                "what": Markup(f"Veröffentlichung: [{md_line(article.title)}]({link})"),
                "source": md_line(article.outlet or "–"),
            }))
        for claim in article.claims:
            value = item.values.get(claim.id)
            if value is None or ctx.corpus.propositions[claim.proposition].type != "date":
                continue
            proposition = ctx.corpus.propositions[claim.proposition]
            claim_link = site.relative_link(page, site.article_page(article.id), f"c-{claim.id}")
            events.append((value.key, 0, {
                "date": value.text,
                "what": Markup(f"{md_line(proposition.question)} ({md_line(proposition.scopes[claim.scope])}): [„{md_line(claim.selector.quote)}“]({claim_link})"),
                "source": ctx.source(page, claim),
            }))
    events.sort(key=lambda e: (e[0], e[1], str(e[2]["what"])))
    return render("timeline.md.j2", events=[e[2] for e in events])


def home_page(ctx: Context, title: str) -> str:
    page = site.HOME
    contradictions = [
        {
            "question": r.proposition.question,
            "link": site.relative_link(page, site.proposition_page(r.proposition.id)),
            "summary": _conflict_summary(r),
            "status": STATUS[r.status],
        }
        for r in _ordered_reports(ctx) if r.conflict
    ]
    sections = [
        {
            "title": site.ENTITY_TITLES[kind],
            "link": site.relative_link(page, site.entity_index(kind)),
            "count": sum(1 for e in ctx.corpus.entities.values() if e.type == kind),
        }
        for kind in ENTITY_TYPES
    ]
    articles = [
        {
            "title": item.article.title,
            "link": site.relative_link(page, site.article_page(item.article.id)),
            "meta": ", ".join(x for x in (item.article.outlet, article_date(item.article)) if x),
        }
        for item in _newest(ctx.linked, HOME_ARTICLES)
    ]
    events = sum(1 for item in ctx.linked for c in item.article.claims
                 if c.id in item.values and ctx.corpus.propositions[c.proposition].type == "date")
    events += sum(1 for item in ctx.linked if item.article.published)
    counts = {
        "articles": len(ctx.linked),
        "claims": sum(len(item.values) for item in ctx.linked),
        "entities": len(ctx.corpus.entities),
        "contradictions": len(contradictions),
        "open": sum(1 for r in ctx.analysis.contradictions if r.status == "open"),
        "events": events,
    }
    links = {
        "articles": site.relative_link(page, site.ARTICLES),
        "contradictions": site.relative_link(page, site.CONTRADICTIONS),
        "timeline": site.relative_link(page, site.TIMELINE),
        "data": site.relative_link(page, site.DATA),
    }
    return render("home.md.j2", title=title, counts=counts,
                  sections=sections, contradictions=contradictions, articles=articles, links=links)
