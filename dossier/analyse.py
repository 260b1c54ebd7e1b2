"""Stage 4, analyse: group claims by proposition and scope, find conflicts.

Within one proposition and scope, claims fall into clusters of values that
can all hold together (figures within the tolerance, overlapping dates,
places of which one contains the other, equal labels). More than one
cluster is a contradiction. Claims in different scopes are never compared:
"1.500 in a first contingent" does not contradict "12.000 in total".
Sorting makes grouping O(n log n) in the number of claims.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from .link import LinkedArticle
from .model import Article, Claim, Corpus, Entity, Proposition
from .values import Value


@dataclass(frozen=True, slots=True)
class ClaimRef:
    claim: Claim
    value: Value
    article: Article


@dataclass(frozen=True, slots=True)
class ScopeGroup:
    scope: str
    label: str
    clusters: tuple[tuple[ClaimRef, ...], ...]

    @property
    def conflict(self) -> bool:
        return len(self.clusters) > 1

    @property
    def claims(self) -> list[ClaimRef]:
        return [ref for cluster in self.clusters for ref in cluster]


@dataclass(frozen=True, slots=True)
class PropositionReport:
    proposition: Proposition
    groups: tuple[ScopeGroup, ...]

    @property
    def conflict(self) -> bool:
        return any(g.conflict for g in self.groups)

    @property
    def status(self) -> str:
        """open / explained / resolved for contradictions, else consistent."""
        if self.conflict:
            return self.proposition.status or "open"
        return "consistent"

    @property
    def claim_count(self) -> int:
        return sum(len(g.claims) for g in self.groups)


@dataclass(frozen=True, slots=True)
class ClaimStatus:
    status: str  # as PropositionReport.status, for the claim's own scope
    disputed_by: tuple[ClaimRef, ...]


@dataclass
class Analysis:
    reports: dict[str, PropositionReport] = field(default_factory=dict)
    claims: dict[str, ClaimStatus] = field(default_factory=dict)  # by Claim.key

    @property
    def contradictions(self) -> list[PropositionReport]:
        return [r for r in self.reports.values() if r.conflict]


def analyse(corpus: Corpus, linked: list[LinkedArticle]) -> Analysis:
    by_group: dict[tuple[str, str], list[ClaimRef]] = {}
    for item in linked:
        for claim in item.article.claims:
            if claim.id in item.values:
                ref = ClaimRef(claim, item.values[claim.id], item.article)
                by_group.setdefault((claim.proposition, claim.scope), []).append(ref)
    analysis = Analysis()
    for pid in sorted(corpus.propositions):
        proposition = corpus.propositions[pid]
        groups = tuple(
            ScopeGroup(scope, label, _clusters(proposition, by_group[(pid, scope)], corpus.entities))
            for scope, label in proposition.scopes.items()
            if (pid, scope) in by_group
        )
        if groups:
            report = PropositionReport(proposition, groups)
            analysis.reports[pid] = report
            for group in groups:
                status = (proposition.status or "open") if group.conflict else "consistent"
                for cluster in group.clusters:
                    others = tuple(r for c in group.clusters if c is not cluster for r in c)
                    for ref in cluster:
                        analysis.claims[ref.claim.key] = ClaimStatus(status, others)
    return analysis


def _order(ref: ClaimRef) -> tuple:
    published = ref.article.published
    return (published.iso() if published else "9999", ref.article.id, ref.claim.id)


def _clusters(proposition: Proposition, refs: list[ClaimRef], entities: dict[str, Entity]) -> tuple[tuple[ClaimRef, ...], ...]:
    if proposition.type in ("count", "date"):
        clusters = _interval_clusters(refs, proposition.tolerance if proposition.type == "count" else 0.0)
    elif proposition.type == "place":
        clusters = _place_clusters(refs, entities)
    else:
        keyed: dict[str, list[ClaimRef]] = {}
        for ref in refs:
            keyed.setdefault(ref.value.key, []).append(ref)
        clusters = list(keyed.values())
    ordered = [tuple(sorted(c, key=_order)) for c in clusters]
    return tuple(sorted(ordered, key=lambda c: _order(c[0])))


def _interval_clusters(refs: list[ClaimRef], tolerance: float) -> list[list[ClaimRef]]:
    """Sweep the intervals in order; a gap wider than the tolerance starts a cluster."""
    def low(ref: ClaimRef) -> float:
        return ref.value.low if ref.value.low is not None else -math.inf

    def high(ref: ClaimRef) -> float:
        return ref.value.high if ref.value.high is not None else math.inf

    clusters: list[list[ClaimRef]] = []
    reach = -math.inf
    for ref in sorted(refs, key=lambda r: (low(r), high(r))):
        if clusters and low(ref) <= reach:
            clusters[-1].append(ref)
        else:
            clusters.append([ref])
            reach = -math.inf
        reach = max(reach, high(ref) * (1 + tolerance) if high(ref) > 0 else high(ref))
    return clusters


def _ancestors(place: str, entities: dict[str, Entity]) -> list[str]:
    chain = [place]
    while entities[chain[-1]].part_of and entities[chain[-1]].part_of not in chain:
        chain.append(entities[chain[-1]].part_of)
    return chain


def _place_clusters(refs: list[ClaimRef], entities: dict[str, Entity]) -> list[list[ClaimRef]]:
    """Places agree when one lies within the other (Sergeevka within the Far East)."""
    distinct = sorted({ref.value.key for ref in refs})
    parent = {p: p for p in distinct}

    def root(p: str) -> str:
        while parent[p] != p:
            p = parent[p]
        return p

    chains = {p: set(_ancestors(p, entities)) for p in distinct}
    for i, a in enumerate(distinct):
        for b in distinct[i + 1:]:
            if a in chains[b] or b in chains[a]:
                parent[root(b)] = root(a)
    clusters: dict[str, list[ClaimRef]] = {}
    for ref in refs:
        clusters.setdefault(root(ref.value.key), []).append(ref)
    return list(clusters.values())
