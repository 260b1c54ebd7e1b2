"""Indexes of the analysed corpus, built once before any output is made.

Pages and exports both need the mentions of each entity, the claims each
entity is the source or a relay of, and the claims of each question; one
pass over the corpus builds them all (O(mentions + claims)), in corpus
order. Records point into their article by position, so that inside an
output's inputs they are an article's fingerprint and a number (see
``output.Sourced``): a key that holds them is short and complete.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .link import LinkedArticle
from .mentions import Mention
from .model import Claim
from .output import Sourced
from .values import Value

#: what an entity is to a claim: who makes it, who passes it on, or both
Role = Literal["source", "relay", "source and relay"]


@dataclass(frozen=True, slots=True)
class MentionRef:
    item: Sourced[LinkedArticle]
    number: int  # counted from 1 in the article: the anchor m<number> on its page

    def __repr__(self) -> str:  # as the dataclass's, faster: page keys hold thousands (``output.input_key``)
        return f"MentionRef(item={self.item!r}, number={self.number!r})"

    @property
    def mention(self) -> Mention:
        return self.item.value.mentions[self.number - 1]


@dataclass(frozen=True, slots=True)
class ClaimAt:
    """A claim that has a value (so it anchored), by its place in its article."""

    item: Sourced[LinkedArticle]
    index: int  # in the article's claims

    def __repr__(self) -> str:  # as the dataclass's, faster: page keys hold thousands (``output.input_key``)
        return f"ClaimAt(item={self.item!r}, index={self.index!r})"

    @property
    def claim(self) -> Claim:
        return self.item.value.article.claims[self.index]

    @property
    def value(self) -> Value:
        return self.item.value.values[self.claim.id]


@dataclass(frozen=True, slots=True)
class CitedClaim:
    claim: ClaimAt
    role: Role

    def __repr__(self) -> str:  # as the dataclass's, faster: page keys hold thousands (``output.input_key``)
        return f"CitedClaim(claim={self.claim!r}, role={self.role!r})"


@dataclass(frozen=True)
class Indexes:
    #: every article with its fingerprint, in corpus order
    articles: tuple[Sourced[LinkedArticle], ...]
    #: every claim with a value, in corpus order
    claims: tuple[ClaimAt, ...]
    mentions_by_entity: dict[str, list[MentionRef]]
    claims_by_entity: dict[str, list[CitedClaim]]
    claims_by_proposition: dict[str, list[ClaimAt]]


def build_indexes(linked: list[LinkedArticle], fingerprints: dict[str, str]) -> Indexes:
    articles = tuple(Sourced(fingerprints[item.article.id], item) for item in linked)
    claims: list[ClaimAt] = []
    mentions_by_entity: dict[str, list[MentionRef]] = {}
    claims_by_entity: dict[str, list[CitedClaim]] = {}
    claims_by_proposition: dict[str, list[ClaimAt]] = {}
    for sourced in articles:
        item = sourced.value
        for number, mention in enumerate(item.mentions, start=1):
            mentions_by_entity.setdefault(mention.entity, []).append(MentionRef(sourced, number))
        for index, claim in enumerate(item.article.claims):
            if claim.id not in item.values:
                continue
            at = ClaimAt(sourced, index)
            claims.append(at)
            claims_by_proposition.setdefault(claim.proposition, []).append(at)
            roles: dict[str, Role] = {claim.attributed_to: "source"}
            for relay in claim.via:
                roles[relay] = "source and relay" if relay == claim.attributed_to else "relay"
            for entity, role in roles.items():
                claims_by_entity.setdefault(entity, []).append(CitedClaim(at, role))
    return Indexes(articles, tuple(claims), mentions_by_entity, claims_by_entity, claims_by_proposition)
