"""What every output is made from, built once by the pipeline after the analysis.

The pipeline hands emit a ``Context`` of plain data, so neither emit nor
the page kinds know the loader or the pipeline. The parts that outputs
take as inputs carry fingerprints (``output.Sourced``): the registry, each
article, and the whole corpus for the pages that show all of it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Literal

from markupsafe import Markup

from .. import sitemap as site
from ..analyse import Analysis
from ..escape import md_line
from ..indexes import ClaimAt, Indexes, build_indexes
from ..link import LinkedArticle
from ..model import Corpus, Entity, Proposition
from ..output import Sourced, input_key
from . import labels

#: why an entity page lists another entity: a declared relation, one place in another, an event and its place
Relation = Literal["declared", "contains", "inside", "venue", "event"]


@dataclass(frozen=True)
class Registry:
    """Entities and questions: what pages name and link to. As a page's input it
    is keyed by the fingerprint of the registry files (``Sourced``)."""

    entities: dict[str, Entity]
    propositions: dict[str, Proposition]

    @cached_property
    def related(self) -> dict[str, dict[str, Relation]]:
        """Declared relations both ways, containing and contained places, events and their places."""
        index: dict[str, dict[str, Relation]] = {eid: {} for eid in self.entities}
        for entity in self.entities.values():
            for other in entity.related:
                index[entity.id].setdefault(other, "declared")
                index[other].setdefault(entity.id, "declared")
            if entity.part_of:
                index[entity.id][entity.part_of] = "contains"
                index[entity.part_of][entity.id] = "inside"
            if entity.place:
                index[entity.id][entity.place] = "venue"
                index[entity.place][entity.id] = "event"
        return index

    def entity_link(self, page: str, entity_id: str, anchor: str = "") -> Markup:
        return site.relative_link(page, site.entity_page(self.entities[entity_id]), anchor)

    def source(self, page: str, attributed_to: str, via: tuple[str, ...]) -> Markup:
        """'NIS über Yonhap' with links to the entity pages."""
        def one(eid: str) -> str:
            return f"[{md_line(self.entities[eid].name)}]({self.entity_link(page, eid)})"

        text = one(attributed_to)
        if via:
            text += f" {labels.VIA} " + ", ".join(one(v) for v in via)
        return Markup(text)

    def source_plain(self, attributed_to: str, via: tuple[str, ...]) -> str:
        text = self.entities[attributed_to].name
        if via:
            text += f" {labels.VIA} " + ", ".join(self.entities[v].name for v in via)
        return text


@dataclass(frozen=True)
class Context:
    """The analysed corpus and what outputs need besides it."""

    corpus: Corpus
    linked: list[LinkedArticle]
    analysis: Analysis
    indexes: Indexes
    registry: Sourced[Registry]
    title: str
    #: the folder the published copies of the seeds are read from
    seeds: Path
    #: fingerprint of everything: the registry, the title and every article
    corpus_key: str

    @property
    def everything(self) -> Sourced[Context]:
        """The whole context as an input (of the indexes, the home page, the exports)."""
        return Sourced(self.corpus_key, self)


def showing(ctx: Context, shown: object) -> Sourced[Context]:
    """The whole context as the input of a page that shows only ``shown`` of it
    (plain data, made from the context): keyed by that alone, so that an edit
    the page does not show leaves its key alone. ``shown`` must hold all the
    page reads; the registry is a ``Sourced`` and digests to its fingerprint."""
    return Sourced(input_key(shown), ctx)


def dated_claims(ctx: Context) -> Iterator[ClaimAt]:
    """The claims of every date question: the timeline's events besides publications."""
    for pid, proposition in ctx.corpus.propositions.items():
        if proposition.type == "date":
            yield from ctx.indexes.claims_by_proposition.get(pid, ())


def build_context(
    corpus: Corpus,
    linked: list[LinkedArticle],
    analysis: Analysis,
    fingerprints: dict[str, str],
    registry_key: str,
    title: str,
    seeds: Path,
) -> Context:
    """The context, with its indexes built (before work is spread over processes,
    so that workers do not each build them).

    ``fingerprints`` maps each article id to a digest of everything its
    article was made from, ``registry_key`` is that of the entities and
    questions: what the page keys are made of.
    """
    registry = Registry(corpus.entities, corpus.propositions)
    _ = registry.related
    corpus_key = input_key((registry_key, title, sorted(fingerprints.items())))
    indexes = build_indexes(linked, fingerprints)
    return Context(corpus, linked, analysis, indexes, Sourced(registry_key, registry), title, seeds, corpus_key)
