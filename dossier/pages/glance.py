"""The top of a question page: chart, independent origins, timeline; and its ClaimReview.

Made from the page's own rows (``proposition.Group``), so the page stays a
function of its inputs; the drawing is ``charts``, the counting
``corroboration``, this module only turns rows into their plain data.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from .. import charts
from ..corroboration import Count, Statement, corroborate
from ..escape import md_line
from ..locales import format_date
from ..model import Proposition
from ..values import normalise_value
from . import labels, markdown

if TYPE_CHECKING:
    from .context import Registry
    from .proposition import Group, Row


def counted(n: int, what: str) -> str:
    """'1 Aussage', '4 Aussagen'."""
    one, many = labels.COUNTED[what]
    return f"{n} {one if n == 1 else many}"


def charts_block(registry: Registry, proposition: Proposition, groups: Sequence[Group]) -> Markup:
    """Chart of the values, then the origins, then the timeline, as Markdown with inline SVG."""
    rows = [row for group in groups for cluster in group.clusters for row in cluster]
    return Markup("\n\n".join((
        f"## {labels.GLANCE['chart']}\n\n" + _values_chart(registry, proposition, groups, rows),
        _origins(registry, proposition, groups),
        f"## {labels.GLANCE['timeline']}\n\n" + _timeline(rows),
    )) + "\n")


def _values_chart(registry: Registry, proposition: Proposition, groups: Sequence[Group], rows: list[Row]) -> str:
    bands = tuple(
        charts.Band(proposition.scopes[group.scope], len(group.clusters) > 1, tuple(
            charts.Mark(i, row.value, row.low, row.high, registry.source_plain(row.attributed_to, row.via),
                        markdown.article_date(row.published), markdown.short_title(row.title, row.outlet))
            for i, cluster in enumerate(group.clusters) for row in cluster))
        for group in groups
    )
    dates = [row.published for row in rows if row.published]
    newest = format_date(max(dates, key=lambda d: d.iso())) if dates else labels.NO_DATE
    description = labels.GLANCE["chart_desc"].format(
        statements=counted(len(rows), "statement"), articles=counted(len({r.article for r in rows}), "article"),
        date=newest)
    return charts.values_chart("werte", f"{labels.GLANCE['chart']}: {proposition.question}", description, bands,
                               proposition.type)


def _timeline(rows: list[Row]) -> str:
    by_article: dict[str, list[Row]] = {}
    for row in rows:
        by_article.setdefault(row.article, []).append(row)
    events = []
    undated = []
    for claims in by_article.values():
        first = claims[0]
        label = markdown.short_title(first.title, first.outlet, words=3)
        if first.published:
            day = dt.date(first.published.year, first.published.month or 1, first.published.day or 1).toordinal()
            events.append(charts.Event(day, format_date(first.published), label, len(claims)))
        else:
            undated.append(f"{label} ({len(claims)})")
    events.sort(key=lambda e: (e.day, e.label))
    description = labels.GLANCE["timeline_desc"]
    if undated:
        description += f" {labels.GLANCE['undated']}: " + "; ".join(sorted(undated))
    if not events:  # nothing to draw: the text alone says it
        return str(md_line(description))
    return charts.timeline_chart("zeit", labels.GLANCE["timeline"], description, events)


def statements(registry: Registry, rows: Sequence[Row]) -> list[Statement]:
    """The rows as corroboration counts them."""
    return [Statement(f"{r.article}/{r.claim}", r.article, r.value, r.attributed_to,
                      registry.entities[r.attributed_to].unnamed) for r in rows]


def _origins(registry: Registry, proposition: Proposition, groups: Sequence[Group]) -> str:
    lines = [f"## {labels.GLANCE['origins']}", "", labels.GLANCE["origins_intro"], ""]
    for group in groups:  # flat lists under the scope's name: nested lists would leave the fast path
        rows = [row for cluster in group.clusters for row in cluster]
        counts = corroborate(statements(registry, rows))
        if counts:
            lines += [f"*{md_line(proposition.scopes[group.scope])}*", ""]
            lines += [f"- {_count_line(registry, count)}" for count in counts]
            lines.append("")
    return "\n".join(lines)


def _count_line(registry: Registry, count: Count) -> str:
    """'**12.000 Soldaten**: 4 Aussagen in 3 Artikeln, 1–3 unabhängige Ursprünge: NIS (2 Artikel); …'"""
    def name(eid: str) -> str:
        return str(md_line(registry.entities[eid].name))

    if count.least == count.most:
        origins = counted(count.least, "origin")
    else:
        origins = f"{count.least}–{count.most} {labels.COUNTED['origin'][1]}"
    text = (f"**{md_line(count.value)}**: {counted(count.statements, 'statement')} "
            f"{labels.GLANCE['in_articles']} {counted(count.articles, 'article')}, {origins}")
    named = "; ".join(f"{name(o)} ({counted(n, 'articles')})" for o, n in count.origins)
    if named:
        text += f": {named}"
    if count.unnamed:
        text += f"; {labels.GLANCE['unnamed']}: " + ", ".join(name(o) for o in count.unnamed)
    if count.circular:
        text += f" — ⚠ **{labels.GLANCE['circular']}**"
    return text


def claim_review(registry: Registry, proposition: Proposition, status: str, groups: Sequence[Group]) -> Markup:
    """schema.org ClaimReview JSON-LD, only for a question the editors resolved
    (the dossier's verdict); "" otherwise. The JSON cannot end its script
    element: <, > and & are written as \\u escapes, which JSON reads back as
    the same characters."""
    if status != "resolved" or not proposition.resolution:
        return Markup("")
    rows = [row for group in groups for cluster in group.clusters for row in cluster]
    appearances: dict[str, dict[str, Any]] = {}
    for row in rows:
        work: dict[str, Any] = {"@type": "CreativeWork", "headline": row.title}
        if row.outlet:
            work["publisher"] = {"@type": "Organization", "name": row.outlet}
        if row.published:
            work["datePublished"] = row.published.iso()
        appearances.setdefault(row.article, work)
    data = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": "./",
        "claimReviewed": proposition.question,
        "reviewBody": proposition.resolution,
        "author": {"@type": "Organization", "name": labels.REVIEW_AUTHOR},
        "reviewRating": {"@type": "Rating", "alternateName": _verdict(registry, proposition)},
        "itemReviewed": {"@type": "Claim", "appearance": [appearances[a] for a in sorted(appearances)]},
    }
    return Markup(f'<script type="application/ld+json">{safe_json(data)}</script>\n')


def _verdict(registry: Registry, proposition: Proposition) -> str:
    """"aufgelöst: Russland": the status and, where the editors name it, the value that holds."""
    if proposition.holds is None:
        return labels.STATUS["resolved"]
    value = normalise_value(proposition, proposition.holds, registry.entities)
    return f"{labels.STATUS['resolved']}: {value.text}"


def safe_json(data: object) -> str:
    """JSON on one line that no HTML parser ends early (</script>, <!--)."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e") \
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
