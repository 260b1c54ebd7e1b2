"""A claim's panel on its article page: its facts and the claims that agree or disagree.

Rendered at build time, one ``<template>`` per claim in a raw HTML block at
the end of the page; dossier.js clones a template's content into the page
when a reader opens the claim's tag (no HTML is ever built from strings in
the browser). Every text is escaped here. Being raw HTML, its links are not
rewritten by MkDocs: they are directory URLs (MkDocs' default
``use_directory_urls``), relative to the page.
"""

from __future__ import annotations

import hashlib
import itertools
from dataclasses import dataclass

from markupsafe import Markup

from .. import sitemap as site
from ..analyse import Analysis, ClaimRef, Others
from ..escape import md_line
from ..link import LinkedArticle
from ..model import Claim
from ..output import Sourced
from . import labels, markdown
from .context import Registry

#: a panel lists this many of the claims that agree, and as many that disagree
SHOWN = 6


@dataclass(frozen=True, slots=True)
class Related:
    """Another claim of the same question and scope, as a panel links to it."""

    article: str  # id
    claim: str  # id
    article_title: str  # short
    attributed_to: str
    via: tuple[str, ...]
    value: str


@dataclass(frozen=True, slots=True)
class Neighbours:
    """The claims in the same cluster as one claim (agree) and in the others (disagree)."""

    claim: str  # id
    agree: tuple[Related, ...]
    agree_total: int
    disagree: tuple[Related, ...]
    disagree_total: int


def neighbours(analysis: Analysis, item: LinkedArticle, seen: dict[str, Related] | None = None) -> tuple[Neighbours, ...]:
    """What the analysis says of the claims of one article, first ``SHOWN`` of each side.

    A claim of a large cluster is listed in the panel of every other claim
    of it: ``seen`` (claim key -> its entry, kept for one build) makes each
    entry once, not once per panel.
    """
    memo: dict[str, Related] = {} if seen is None else seen
    result = []
    for claim in item.article.claims:
        status = analysis.claims.get(claim.key)
        if status is None:
            continue
        # The claim is in its own cluster, counted out: the first SHOWN others
        # are all a panel needs, so a cluster of k claims costs k, not k² in all.
        cluster = status.disputed_by.agreeing
        article_id, claim_id = claim.article, claim.id
        own = itertools.islice((ref for ref in cluster if ref.claim.id != claim_id or ref.claim.article != article_id), SHOWN)
        result.append(Neighbours(
            claim.id,
            tuple(_related(ref, memo) for ref in own), len(cluster) - 1,
            tuple(_related(ref, memo) for ref in status.disputed_by[:SHOWN]), len(status.disputed_by),
        ))
    return tuple(result)


class Panels:
    """The neighbours of one article's claims, made only when its page is
    rendered. As an input it is ``Sourced``: keyed by ``PanelKeys``, so that
    keying the 1,000 pages of a dossier does not make their 6,000 panels."""

    __slots__ = ("_analysis", "_item", "_seen")

    def __init__(self, analysis: Analysis, item: LinkedArticle, seen: dict[str, Related]) -> None:
        self._analysis = analysis
        self._item = item
        self._seen = seen  # the panels' entries, made once for all pages a process renders in one build

    def neighbours(self) -> tuple[Neighbours, ...]:
        return neighbours(self._analysis, self._item, self._seen)


class PanelKeys:
    """The digests of the clusters' heads, made once per cluster for one build.

    A panel shows the first ``SHOWN`` claims of its own cluster other than
    itself (so the first ``SHOWN + 1`` determine them) and the first
    ``SHOWN`` of the other clusters, with both counts: their entries and
    counts are all a claim's panel depends on, and all claims of a cluster
    share them (``analysis.Others``: one per cluster).
    """

    def __init__(self, analysis: Analysis) -> None:
        self._analysis = analysis
        self._digests: dict[Others, str] = {}
        self._entries: dict[str, tuple[object, ...]] = {}
        self._seen: dict[str, Related] = {}

    def panels(self, item: LinkedArticle) -> Sourced[Panels]:
        """An article's panels, keyed by each claim's id and the digest of its neighbours' heads."""
        key = []
        for claim in item.article.claims:
            status = self._analysis.claims.get(claim.key)
            if status is not None:
                others = status.disputed_by
                digest = self._digests.get(others)
                if digest is None:
                    digest = self._digests[others] = self._digest(others)
                key.append(f"{claim.id}={digest}")  # ids are [a-z0-9-]
        return Sourced(";".join(key), Panels(self._analysis, item, self._seen))

    def _digest(self, others: Others) -> str:
        cluster = others.agreeing
        heads = (len(cluster), [self._entry(ref) for ref in cluster[:SHOWN + 1]],
                 len(others), [self._entry(ref) for ref in others[:SHOWN]])
        return hashlib.blake2b(repr(heads).encode("utf-8"), digest_size=16).hexdigest()

    def _entry(self, ref: ClaimRef) -> tuple[object, ...]:
        """What a panel shows of a claim (the fields of ``Related``), as plain data."""
        key = ref.claim.key
        found = self._entries.get(key)
        if found is None:
            found = self._entries[key] = (ref.article.id, ref.claim.id, ref.article.title, ref.article.outlet,
                                          ref.claim.attributed_to, ref.claim.via, ref.value.text)
        return found


def _related(ref: ClaimRef, memo: dict[str, Related]) -> Related:
    key = ref.claim.key
    found = memo.get(key)
    if found is None:
        title = markdown.short_title(ref.article.title, ref.article.outlet)
        found = memo[key] = Related(ref.article.id, ref.claim.id, title, ref.claim.attributed_to, ref.claim.via,
                                    ref.value.text)
    return found


def template_id(claim_id: str) -> str:
    return f"dossier-p-{claim_id}"


def url(source: str, target: str, anchor: str = "") -> str:
    """A link from page ``source`` to page ``target`` (docs-relative .md paths) as the site serves them."""
    fragment = f"#{anchor}" if anchor else ""
    if source == target and fragment:
        return fragment

    relative = _relpath(_folder(target), _folder(source))
    return ("./" if relative == "." else relative + "/") + fragment


def _folder(page: str) -> list[str]:
    """The parts of the folder a page is served from."""
    stem = page.removesuffix(".md")
    folder = (stem.removesuffix("index") if stem == "index" or stem.endswith("/index") else stem + "/").rstrip("/")
    return folder.split("/") if folder else []


def _relpath(target: list[str], start: list[str]) -> str:
    """``posixpath.relpath`` of two folders below the docs root, without its
    ``abspath`` calls (up to 13 links a panel, a quarter of a million at 5,000 articles)."""
    common = 0
    for a, b in zip(target, start, strict=False):
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(start) - common) + target[common:]) or "."


@dataclass(frozen=True, slots=True)
class Facts:
    """What the page knows of the claim itself."""

    claim: Claim
    number: int
    value: str
    status: str  # label, "" if the analysis did not judge it


def render(registry: Registry, page: str, facts: Facts, near: Neighbours | None) -> Markup:
    """One claim's ``<template>``, on one line."""
    claim = facts.claim
    text = labels.PANEL
    proposition = registry.propositions[claim.proposition]
    question = url(page, site.proposition_page(proposition.id))
    rows = [
        (text["value"], md_line(facts.value)),
        (text["quote"], Markup("{}{}{}").format(labels.T["open_quote"], md_line(claim.selector.quote), labels.T["close_quote"])),
        (text["source"], md_line(f"{registry.source_plain(claim.attributed_to, claim.via)} ({labels.STANCE[claim.stance]})")),
    ]
    rows.append((text["attribution"], md_line(f'{labels.T["source_is"]} {labels.ATTRIBUTION[claim.attribution]}')))
    if claim.rhetorical:
        rows.append((labels.TOOLTIP["rhetorical"], md_line(f'{labels.RHETORICAL[claim.rhetorical]}, {labels.T["not_compared"]}')))
    if facts.status:
        rows.append((text["status"], md_line(facts.status)))
    if claim.note:
        rows.append((text["note"], md_line(claim.note)))
    parts = [
        f'<template id="{template_id(claim.id)}">',
        f'<p class="dossier-panel__head"><a href="{question}">{md_line(proposition.question)}</a>'
        f" ({md_line(proposition.scopes[claim.scope])})</p>",
        "<dl>" + "".join(f"<dt>{label}</dt><dd>{value}</dd>" for label, value in rows) + "</dl>",
    ]
    if near:
        parts.append(_list(registry, page, question, text["agree"], near.agree, near.agree_total))
        parts.append(_list(registry, page, question, text["disagree"], near.disagree, near.disagree_total))
    parts.append(f'<p><a href="#k-{claim.id}">{text["row"]}</a></p></template>')
    return Markup("".join(parts))


def _list(registry: Registry, page: str, question: str, title: str, refs: tuple[Related, ...], total: int) -> str:
    css = "dossier-panel__" + ("agree" if title == labels.PANEL["agree"] else "disagree")
    if not refs:
        return f'<p class="{css}">{title}: {labels.PANEL["none"]}</p>'
    items = "".join(
        f'<li><a href="{url(page, site.article_page(r.article), f"c-{r.claim}")}">'
        f"<strong>{md_line(r.value)}</strong>: {md_line(registry.source_plain(r.attributed_to, r.via))}"
        f" ({md_line(r.article_title)})</a></li>"
        for r in refs
    )
    more = f'<li><a href="{question}">{total - len(refs)} {labels.PANEL["more"]}</a></li>' if total > len(refs) else ""
    return f'<p class="{css}">{title} ({total}):</p><ul class="{css}">{items}{more}</ul>'


def block(panels: list[Markup]) -> Markup:
    """The raw HTML block that holds a page's templates (nothing shows without the script)."""
    if not panels:
        return Markup("")
    return Markup('<div class="dossier-panels">\n') + Markup("\n").join(panels) + Markup("\n</div>\n")
