"""Stage 4, analyse: group claims by proposition and scope, find conflicts.

Within one proposition and scope, claims fall into clusters of values that
can all hold together (figures within the tolerance, overlapping dates,
places of which one contains the other, equal labels). More than one
cluster is a contradiction. Claims in different scopes are never compared:
"1.500 in a first contingent" does not contradict "12.000 in total".
Sorting makes grouping O(n log n) in the number of claims.

Rhetoric ("Millionen sind hier") is set aside, never clustered; a statement
an article repeats (same proposition, scope, value and source chain) stays
in its cluster, so each occurrence is still shown, but is counted once.
"""

from __future__ import annotations

import hashlib
import itertools
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, overload

from .link import LinkedArticle
from .model import Article, Claim, Corpus, Entity, Proposition, Status
from .values import TYPES, Value


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
    #: rhetorical claims: shown beside the clusters, never compared
    aside: tuple[ClaimRef, ...] = ()
    #: keys of the claims that repeat an earlier claim of the same article
    repeats: frozenset[str] = frozenset()

    @property
    def conflict(self) -> bool:
        return len(self.clusters) > 1

    @property
    def claims(self) -> list[ClaimRef]:
        return [ref for cluster in self.clusters for ref in cluster]

    @property
    def statements(self) -> list[ClaimRef]:
        """The compared claims, each repeated statement once."""
        return [ref for ref in self.claims if ref.claim.key not in self.repeats]


@dataclass(frozen=True, slots=True)
class PropositionReport:
    proposition: Proposition
    groups: tuple[ScopeGroup, ...]

    @property
    def conflict(self) -> bool:
        return any(g.conflict for g in self.groups)

    @property
    def status(self) -> Status:
        """open / explained / undecidable / resolved for contradictions, else consistent."""
        if self.conflict:
            return self.proposition.status or "open"
        return "consistent"

    @property
    def claim_count(self) -> int:
        """Distinct compared statements: a repetition or a rhetorical claim adds nothing."""
        return sum(len(g.statements) for g in self.groups)


class _Clusters:
    """The clusters of one group, shared by the ``Others`` of its claims."""

    __slots__ = ("_after", "_before", "clusters", "total")

    def __init__(self, clusters: tuple[tuple[ClaimRef, ...], ...]) -> None:
        self.clusters = clusters
        self.total = sum(len(c) for c in clusters)
        self._before: list[str] = []  # digest of what a page shows of the clusters before cluster k
        self._after: list[str] = []  # and of those after it

    def fingerprint(self, own: int) -> tuple[str, str]:
        """What a page shows of the claims outside cluster ``own``, digested.

        The digests of the clusters before and after each cluster are made
        in one pass each way, so all claims of a group cost one pass, not
        one per claim; an edit inside cluster ``own`` leaves them alone.
        """
        if not self._before:
            self._before = _running_digests(self.clusters)
            self._after = _running_digests(self.clusters[::-1])[::-1]
        return self._before[own], self._after[own]


def _running_digests(clusters: Sequence[tuple[ClaimRef, ...]]) -> list[str]:
    """For each cluster, the digest of the ones before it."""
    digest = hashlib.blake2b(digest_size=16)
    result = []
    for cluster in clusters:
        result.append(digest.hexdigest())
        digest.update(repr(tuple((r.claim.key, r.claim.attributed_to, r.claim.via, r.value) for r in cluster)).encode("utf-8"))
    return result


class Others(Sequence[ClaimRef]):
    """The claims of a group outside one cluster, without copying them.

    Each claim is disputed by every other cluster of its group; a tuple per
    cluster would cost clusters × claims (25 million references for 5,000
    distinct labels in one group), this view costs nothing until iterated.
    """

    __slots__ = ("_group", "_own")

    def __init__(self, group: _Clusters, own: int) -> None:
        self._group = group
        self._own = own

    @property
    def fingerprint(self) -> tuple[str, str]:
        """Changes whenever what a page shows of these claims does."""
        return self._group.fingerprint(self._own)

    @property
    def agreeing(self) -> tuple[ClaimRef, ...]:
        """The claims of the own cluster (the claim itself among them)."""
        return self._group.clusters[self._own]

    def __len__(self) -> int:
        return self._group.total - len(self._group.clusters[self._own])

    def __iter__(self) -> Iterator[ClaimRef]:
        return (ref for i, cluster in enumerate(self._group.clusters) if i != self._own for ref in cluster)

    @overload
    def __getitem__(self, index: int) -> ClaimRef: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[ClaimRef, ...]: ...

    def __getitem__(self, index: int | slice) -> ClaimRef | tuple[ClaimRef, ...]:
        if isinstance(index, slice):
            start, stop, step = index.indices(len(self))
            return tuple(itertools.islice(self, start, stop, step)) if step > 0 else tuple(self)[index]
        if not -len(self) <= index < len(self):
            raise IndexError(index)
        return next(itertools.islice(self, index % len(self), None))


@dataclass(frozen=True, slots=True)
class ClaimStatus:
    status: Status  # as PropositionReport.status, for the claim's own scope; "rhetorical" when not compared
    disputed_by: Others
    repeat_of: str = ""  # id of the earlier claim of the same article this one repeats


@dataclass
class Analysis:
    reports: dict[str, PropositionReport] = field(default_factory=dict)
    claims: dict[str, ClaimStatus] = field(default_factory=dict)  # by Claim.key

    @property
    def contradictions(self) -> list[PropositionReport]:
        return [r for r in self.reports.values() if r.conflict]


def analyse(corpus: Corpus, linked: list[LinkedArticle]) -> Analysis:
    by_group: dict[tuple[str, str], list[ClaimRef]] = {}
    aside: dict[tuple[str, str], list[ClaimRef]] = {}
    repeat_of: dict[str, str] = {}  # claim key -> id of the first claim it repeats
    for item in linked:
        first: dict[tuple[object, ...], str] = {}
        for claim in item.article.claims:
            if claim.id in item.values:
                ref = ClaimRef(claim, item.values[claim.id], item.article)
                if claim.rhetorical:
                    aside.setdefault((claim.proposition, claim.scope), []).append(ref)
                    continue
                same = (claim.proposition, claim.scope, ref.value.key, ref.value.text, claim.attributed_to, claim.via)
                if same in first:
                    repeat_of[claim.key] = first[same]
                else:
                    first[same] = claim.id
                by_group.setdefault((claim.proposition, claim.scope), []).append(ref)
    analysis = Analysis()
    for pid in sorted(corpus.propositions):
        proposition = corpus.propositions[pid]
        groups = tuple(
            ScopeGroup(scope, label, _clusters(proposition, by_group.get((pid, scope), []), corpus.entities),
                       tuple(sorted(aside.get((pid, scope), []), key=_order)),
                       frozenset(r.claim.key for r in by_group.get((pid, scope), []) if r.claim.key in repeat_of))
            for scope, label in proposition.scopes.items()
            if (pid, scope) in by_group or (pid, scope) in aside
        )
        if groups:
            report = PropositionReport(proposition, groups)
            analysis.reports[pid] = report
            for group in groups:
                status = (proposition.status or "open") if group.conflict else "consistent"
                shared = _Clusters(group.clusters)
                for own, cluster in enumerate(group.clusters):
                    others = Others(shared, own)
                    for ref in cluster:
                        analysis.claims[ref.claim.key] = ClaimStatus(status, others, repeat_of.get(ref.claim.key, ""))
                if group.aside:
                    alone = Others(_Clusters((group.aside,)), 0)  # compared with nothing: disputes nothing
                    for ref in group.aside:
                        analysis.claims[ref.claim.key] = ClaimStatus("rhetorical", alone)
    return analysis


def _order(ref: ClaimRef) -> tuple[Any, ...]:
    published = ref.article.published
    return (published.iso() if published else "9999", ref.article.id, ref.claim.id)


def _clusters(proposition: Proposition, refs: list[ClaimRef], entities: dict[str, Entity]) -> tuple[tuple[ClaimRef, ...], ...]:
    if not refs:
        return ()
    compare = TYPES[proposition.type].compare
    if compare == "interval":
        clusters = _interval_clusters(refs, proposition.tolerance if proposition.type == "count" else 0.0)
    elif compare == "place":
        clusters = _place_clusters(refs, entities)
    else:
        keyed: dict[str, list[ClaimRef]] = {}
        for ref in refs:
            keyed.setdefault(ref.value.key, []).append(ref)
        clusters = list(keyed.values())
    ordered = [tuple(sorted(c, key=_order)) for c in clusters]
    return tuple(sorted(ordered, key=lambda c: _order(c[0])))


def _interval_clusters(refs: list[ClaimRef], tolerance: float) -> list[list[ClaimRef]]:
    """Sweep the intervals in order of their lower ends; a claim joins the open
    cluster only if it agrees with every claim in it, else it starts the next.

    Joining a claim that agrees with the last one only (single linkage) would
    let a middle value hide a dispute: 10,000, 11,000 and 12,000 would form
    one cluster although 10,000 and 12,000 differ by more than the tolerance.
    """
    def low(ref: ClaimRef) -> float:
        return ref.value.low if ref.value.low is not None else -math.inf

    def high(ref: ClaimRef) -> float:
        return ref.value.high if ref.value.high is not None else math.inf

    clusters: list[list[ClaimRef]] = []
    reach = -math.inf
    for ref in sorted(refs, key=lambda r: (low(r), high(r))):
        # sorted by lower end, so a claim agrees with all of the cluster when it
        # starts before the lowest upper end (plus tolerance) in the cluster
        if clusters and low(ref) <= reach:
            clusters[-1].append(ref)
        else:
            clusters.append([ref])
            reach = math.inf
        reach = min(reach, high(ref) * (1 + tolerance) if high(ref) > 0 else high(ref))
    return clusters


def _place_clusters(refs: list[ClaimRef], entities: dict[str, Entity]) -> list[list[ClaimRef]]:
    """Places agree when one lies within the other (Sergeevka within the Far East).

    Containment is transitive, so joining each claimed place with the
    nearest claimed place containing it joins every such pair; the walks up
    the part_of chains share their steps, so a registry of any depth is
    walked once.
    """
    claimed = {ref.value.key for ref in refs}
    parent = {p: p for p in claimed}

    def root(p: str) -> str:
        while parent[p] != p:
            parent[p] = parent[parent[p]]
            p = parent[p]
        return p

    nearest: dict[str, str] = {}  # unclaimed place -> nearest claimed place containing it, "" if none
    for place in sorted(claimed):
        up = _nearest_claimed(place, claimed, entities, nearest)
        if up:
            parent[root(place)] = root(up)
    clusters: dict[str, list[ClaimRef]] = {}
    for ref in refs:
        clusters.setdefault(root(ref.value.key), []).append(ref)
    return list(clusters.values())


def _nearest_claimed(place: str, claimed: set[str], entities: dict[str, Entity], nearest: dict[str, str]) -> str:
    """The nearest claimed place that contains ``place``; remembers it for every place passed."""
    path: list[str] = []
    seen = {place}
    up = entities[place].part_of
    while up and up not in claimed and up not in nearest and up not in seen:
        path.append(up)
        seen.add(up)
        up = entities[up].part_of
    found = up if up in claimed else nearest.get(up, "")
    for passed in path:
        nearest[passed] = found
    return found
