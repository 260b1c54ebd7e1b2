"""Plain data passed between the pipeline stages.

Each stage takes these records and returns new ones; nothing here does I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from .dates import PartialDate
from .diagnostics import Position
from .yamlfile import Where

# Where a record was written: a resolved position, or a YAML path resolved on demand.
Location = Position | Where

ENTITY_TYPES: dict[str, str] = {
    # file stem in content/entities/ -> German section folder on the site
    "people": "personen",
    "units": "einheiten",
    "equipment": "ausruestung",
    "organisations": "organisationen",
    "places": "orte",
}

PropositionType = Literal["count", "date", "place", "boolean", "label"]


@dataclass(frozen=True, slots=True)
class Selector:
    """A W3C TextQuoteSelector: the span is named by quoting it."""

    quote: str
    prefix: str = ""
    suffix: str = ""
    position: Location = Position("")


@dataclass(frozen=True, slots=True)
class Span:
    """Character offsets into an article's source text, end exclusive."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Hide:
    selector: Selector
    reason: str


@dataclass(frozen=True, slots=True)
class Note:
    selector: Selector
    kind: str
    note: str
    correction: str = ""


@dataclass(frozen=True, slots=True)
class Claim:
    id: str
    article: str
    selector: Selector
    proposition: str
    scope: str
    value: object  # raw YAML value; None for a date to be read from the quote
    attributed_to: str
    via: tuple[str, ...]
    stance: str
    note: str
    position: Location
    value_basis: str = ""  # why the value differs from the figure its quote gives (a conversion, a sum)

    def at(self, name: str) -> Location:
        """Where a field of this claim was written (or the claim, if it lacks one)."""
        return self.position / name if isinstance(self.position, Where) else self.position

    @property
    def key(self) -> str:
        """Globally unique id: article id and claim id."""
        return f"{self.article}/{self.id}"


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    seed: str
    text: str
    annotation_path: str
    title: str
    language: str
    outlet: str = ""
    source_url: str = ""
    published: PartialDate | None = None
    published_basis: str = ""
    hides: tuple[Hide, ...] = ()
    notes: tuple[Note, ...] = ()
    claims: tuple[Claim, ...] = ()


@dataclass(frozen=True, slots=True)
class Alias:
    form: str
    erroneous: bool = False
    note: str = ""


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    type: str  # a key of ENTITY_TYPES
    name: str
    description: str
    aliases: tuple[Alias, ...]
    related: tuple[str, ...]
    part_of: str
    wikidata: str
    position: Location


@dataclass(frozen=True, slots=True)
class Proposition:
    id: str
    question: str
    type: PropositionType
    unit: str
    tolerance: float
    scopes: dict[str, str]
    choices: tuple[str, ...]
    status: str  # resolution status given by contributors, "" when none
    resolution: str
    position: Location


@dataclass
class Corpus:
    """Everything the load stage read, validated."""

    articles: list[Article] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)
    propositions: dict[str, Proposition] = field(default_factory=dict)
