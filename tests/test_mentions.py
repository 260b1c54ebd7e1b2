"""Alias matching with German inflection, acronyms and longest match."""

from __future__ import annotations

import pytest

from dossier.diagnostics import Position
from dossier.mentions import AliasMatcher
from dossier.model import Alias, Entity


def entity(eid: str, name: str, *aliases: str | Alias) -> Entity:
    return Entity(
        id=eid, type="organisations", name=name, description="",
        aliases=tuple(a if isinstance(a, Alias) else Alias(a) for a in aliases),
        related=(), part_of="", wikidata="", position=Position("x"),
    )


MATCHER = AliasMatcher([
    entity("nis", "NIS", "südkoreanische Geheimdienst", "National Intelligence Service"),
    entity("russia", "Russland"),
    entity("ukraine", "Ukraine"),
    entity("moscow", "Moskau"),
    entity("kim", "Kim Jong Un", Alias("Kim Jong In", erroneous=True)),
    entity("budanov", "Kyrylo Budanow", "Budanow", "Budanov"),
    entity("eu", "EU", "EU-Staaten"),
])


@pytest.mark.parametrize(
    "text, expected",
    [
        ("wie der südkoreanische Geheimdienst entdeckte", [("nis", "südkoreanische Geheimdienst")]),
        ("Berichte des südkoreanischen Geheimdienstes (NIS)", [("nis", "südkoreanischen Geheimdienstes"), ("nis", "NIS")]),
        ("die Lage Russlands und der Ukraine", [("russia", "Russlands"), ("ukraine", "Ukraine")]),
        ("den Krieg Moskaus", [("moscow", "Moskaus")]),
        ("mit Kim Jong-un und Kim Jong In", [("kim", "Kim Jong-un"), ("kim", "Kim Jong In")]),
        ("Kyrylo Budanow sagte, Budanov meinte", [("budanov", "Kyrylo Budanow"), ("budanov", "Budanov")]),
        ("Die EU-Staaten warnen", [("eu", "EU-Staaten")]),
    ],
)
def test_finds_inflected_and_variant_forms(text, expected):
    assert [(m.entity, m.surface) for m in MATCHER.find(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "die Russen kamen",           # not an ending of Russland
        "eine nis-artige Sache",      # acronyms are case-sensitive
        "Moskauer Zeit",              # -er is no case ending of a noun
        "Geheimdienst allein",        # only the whole alias matches
    ],
)
def test_does_not_match_other_words(text):
    assert MATCHER.find(text) == []


def test_erroneous_alias_is_flagged():
    [mention] = MATCHER.find("Kim Jong In")
    assert mention.erroneous and mention.entity == "kim"


def test_offsets_point_into_the_text():
    text = "Am Montag: Russlands Truppen."
    [mention] = MATCHER.find(text)
    assert text[mention.start:mention.end] == "Russlands"
