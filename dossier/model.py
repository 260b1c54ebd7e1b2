"""Plain data passed between the pipeline stages.

Each stage takes these records and returns new ones; nothing here does I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from . import locales
from .dates import DateSpan, PartialDate
from .diagnostics import Position
from .yamlfile import Where

# Where a record was written: a resolved position, or a YAML path resolved on demand.
Location = Position | Where


#: the kinds of entity (ENTITY_KINDS, below): the name of each file in content/entities/
EntityKindKey = Literal["people", "units", "equipment", "organisations", "places", "events"]


@dataclass(frozen=True, slots=True)
class EntityKind:
    """One kind of entity: its file, its schema, its section of the site.

    A new kind is one row of ENTITY_KINDS, its key in ``EntityKindKey``,
    its names in each language (``ENTITY_KIND`` in dossier/locales/*.py) and
    its schema, if its entries have fields of their own: loading, pages,
    navigation (also of an older mkdocs.yml: the plugin adds a missing
    section) and ``dossier init`` all read this table. A dossier without the
    kind's file has none of it.
    """

    key: EntityKindKey  # content/entities/<key>.yml; Entity.type; "type" in the exports
    #: the section's folder on the site: part of every URL, so the same in every
    #: site language (links into a dossier survive a change of theme.language)
    folder: str
    schema: str = "entities"  # dossier/schemas/<schema>.schema.json checks its file

    @property
    def singular(self) -> str:
        """What one entity of the kind is called on its page, in the site's language."""
        return str(locales.active().ENTITY_KIND[self.key][0])

    @property
    def plural(self) -> str:
        """The title of the section's index page."""
        return str(locales.active().ENTITY_KIND[self.key][1])

    @property
    def nav(self) -> str:
        """The section's label in the navigation (shorter than the title)."""
        return str(locales.active().ENTITY_KIND[self.key][2])


ENTITY_KINDS: dict[EntityKindKey, EntityKind] = {
    kind.key: kind
    for kind in (
        EntityKind("people", "personen"),
        EntityKind("units", "einheiten"),
        EntityKind("equipment", "ausruestung"),
        EntityKind("organisations", "organisationen"),
        EntityKind("places", "orte"),
        # a date and a place of its own (Entity.date, Entity.place)
        EntityKind("events", "ereignisse", schema="events"),
    )
}

PropositionType = Literal["count", "date", "place", "boolean", "label"]
#: how a source puts a claim (the schema's enum; STANCE in dossier/locales/ names each)
Stance = Literal["asserts", "estimates", "reports", "confirms", "denies", "speculates"]
#: an editor's resolution of a contradiction; "" when none was given
Resolution = Literal["", "open", "explained", "undecidable", "resolved"]
#: where a question stands (STATUS in dossier/locales/ names each)
Status = Literal["open", "explained", "undecidable", "resolved", "consistent", "rhetorical"]
HideReason = Literal["title", "dateline", "rubric", "byline", "teaser", "caption", "image-alt", "see-also", "ad",
                     "comment-form", "tags", "other"]
NoteKind = Literal["misspelling", "mistranslation", "factual-error", "garbled", "other"]


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
    reason: HideReason


@dataclass(frozen=True, slots=True)
class Unlink:
    """A wrong link switched off: no mention of ``entity`` inside the quote."""

    selector: Selector
    entity: str


@dataclass(frozen=True, slots=True)
class Note:
    selector: Selector
    kind: NoteKind
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
    stance: Stance
    note: str
    position: Location
    value_basis: str = ""  # why the value differs from the figure its quote gives (a conversion, a sum)
    #: "stated" when the article's sentence names the source, "inferred" when the editors found it elsewhere
    attribution: str = "stated"
    #: "" for a statement of fact; "hyperbole" etc. for rhetoric, never compared with other claims
    rhetorical: str = ""

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
    licence: str = ""  # terms the source text is published under
    published: PartialDate | None = None
    published_basis: str = ""
    hides: tuple[Hide, ...] = ()
    notes: tuple[Note, ...] = ()
    claims: tuple[Claim, ...] = ()
    unlinks: tuple[Unlink, ...] = ()


@dataclass(frozen=True, slots=True)
class Alias:
    form: str
    erroneous: bool = False
    note: str = ""
    #: a role description ("Südkoreas Präsident"): it names the person only
    #: while they hold the role, between ``valid_from`` and ``valid_to`` if given
    role: bool = False
    valid_from: PartialDate | None = None
    valid_to: PartialDate | None = None
    #: None: the default rule (mentions.py, CONTRIBUTING.md); True: letter for letter; False: any case
    case_sensitive: bool | None = None
    #: why a form no article uses yet is kept (a spelling of other outlets):
    #: ``dossier check`` does not warn that it matches nowhere
    kept: str = ""


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    type: EntityKindKey
    name: str
    description: str
    aliases: tuple[Alias, ...]
    related: tuple[str, ...]
    part_of: str
    wikidata: str
    position: Location
    #: a source the articles do not name: never counted as an independent origin (corroboration)
    unnamed: bool = False
    #: events: when it happened, as precisely as the sources say (a day, a month, a year or a span)
    date: DateSpan | None = None
    #: events: where it happened, the id of a places entity ("" when not given)
    place: str = ""


@dataclass(frozen=True, slots=True)
class Proposition:
    id: str
    question: str
    type: PropositionType
    unit: str
    tolerance: float
    scopes: dict[str, str]
    choices: tuple[str, ...]
    status: Resolution  # resolution status given by contributors, "" when none
    resolution: str
    position: Location
    holds: object = None  # for "resolved": the value shown to be right (raw YAML value)
    #: the claims the resolution note was written for (dossier/review.py); None when it records none
    assessed: tuple[str, ...] | None = None


@dataclass
class Corpus:
    """Everything the load stage read, validated."""

    articles: list[Article] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)
    propositions: dict[str, Proposition] = field(default_factory=dict)
