"""Corroboration: how many independent origins stand behind each value.

Four articles saying "12.000" may all quote one intelligence service: the
value then has one origin, reported four times (circular reporting). The
origin of a claim is the end of its attribution chain, the source it is
attributed to ("NIS" whether via Yonhap or via CNN); the relays and the
article's outlet only carry it. A source the articles do not name
("Sicherheitskreise") may be any of the others, so it is never counted as
independent: it is counted apart, and the page says so.

The input is plain data, already filtered by the analysis (rhetoric and
repeated statements left out by the caller), so this module only counts.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Statement:
    """One claim as corroboration sees it."""

    claim: str  # Claim.key
    article: str  # id
    value: str  # display text: statements with the same text state the same value
    origin: str  # entity id at the end of the attribution chain (Claim.attributed_to)
    unnamed: bool  # the origin is a source the articles do not name


@dataclass(frozen=True, slots=True)
class Count:
    """What stands behind one value."""

    value: str
    statements: int
    articles: int
    #: named origins, sorted, each with the number of articles that carry it
    origins: tuple[tuple[str, int], ...]
    #: unnamed origins, sorted: their independence from each other and from the named ones is unknown
    unnamed: tuple[str, ...]

    @property
    def least(self) -> int:
        """Independent origins at least: the named ones (one, if all are unnamed)."""
        return len(self.origins) or (1 if self.unnamed else 0)

    @property
    def most(self) -> int:
        """At most: every unnamed origin might be a source of its own."""
        return len(self.origins) + len(self.unnamed)

    @property
    def circular(self) -> bool:
        """Several articles, one origin and nothing else: the same report going round."""
        return self.articles > 1 and self.most == 1


def corroborate(statements: Iterable[Statement]) -> tuple[Count, ...]:
    """One count per value, in the order the values first appear."""
    by_value: dict[str, list[Statement]] = {}
    for statement in statements:
        by_value.setdefault(statement.value, []).append(statement)
    return tuple(_count(value, group) for value, group in by_value.items())


def _count(value: str, group: list[Statement]) -> Count:
    carried: dict[str, set[str]] = {}
    unnamed: set[str] = set()
    for s in group:
        if s.unnamed:
            unnamed.add(s.origin)
        else:
            carried.setdefault(s.origin, set()).add(s.article)
    return Count(
        value=value,
        statements=len({s.claim for s in group}),
        articles=len({s.article for s in group}),
        origins=tuple(sorted((origin, len(articles)) for origin, articles in carried.items())),
        unnamed=tuple(sorted(unnamed)),
    )
