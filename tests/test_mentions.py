"""Alias matching with German inflection, acronyms and longest match."""

from __future__ import annotations

import pytest

from dossier.dates import PartialDate
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


# --- longest registered form -------------------------------------------------

def test_the_longest_registered_form_wins_across_periods():
    matcher = AliasMatcher([
        entity("young", "Benjamin R. Young", "Benjamin Young", "Young"),
        entity("br", "BR.de", "BR"),
    ])
    text = "Benjamin R. Young sagte laut «BR.de», der BR und Young"
    assert [(m.entity, m.surface) for m in matcher.find(text)] == [
        ("young", "Benjamin R. Young"), ("br", "BR.de"), ("br", "BR"), ("young", "Young")]


@pytest.mark.parametrize("text, surfaces", [
    ("Benjamin R Young", ["Young"]),          # the period is part of the form
    ("BR. De ist", ["BR"]),                    # "BR.de" has no space after the period
    ("Benjamin R.. Young", ["Young"]),
])
def test_a_period_in_a_form_must_be_in_the_text(text, surfaces):
    matcher = AliasMatcher([entity("young", "Benjamin R. Young", "Young"), entity("br", "BR.de", "BR")])
    assert [m.surface for m in matcher.find(text)] == surfaces


# --- German compounds --------------------------------------------------------

def typed(eid: str, kind: str, name: str, *aliases: str) -> Entity:
    return Entity(id=eid, type=kind, name=name, description="", aliases=tuple(Alias(a) for a in aliases),
                  related=(), part_of="", wikidata="", position=Position("x"))


COMPOUNDS = AliasMatcher([
    typed("drones", "equipment", "Drohnen", "Drohne"),
    typed("kursk", "places", "Kursk"),
    typed("ukraine", "places", "Ukraine"),
    typed("nis", "organisations", "NIS"),
    typed("putin", "people", "Wladimir Putin", "Putin"),
    typed("russia", "places", "Russland"),
])

# (text, [(entity, surface)]): a labelled set of compounds and near misses
LABELLED_COMPOUNDS = [
    ("während des Drohnenkampfes", [("drones", "Drohnen")]),
    ("neue Kampfdrohnen", [("drones", "drohnen")]),
    ("die Kursk-Offensive", [("kursk", "Kursk")]),
    ("das Putin-Regime", [("putin", "Putin")]),
    ("ein NIS-Bericht", [("nis", "NIS")]),
    ("in der Westukraine", [("ukraine", "ukraine")]),
    ("Russlandreise", [("russia", "Russland")]),
    ("die Drohnenabwehr", [("drones", "Drohnen")]),
    ("Putinregime", [("putin", "Putin")]),  # a name that is no German word (tests/test_compound_lexicon.py)
    # near misses: no registered form inside, too short a rest, lower case
    ("Drohnenx", []),
    ("drohnenkampf", []),
    ("Ukrainerin", []),
]


@pytest.mark.parametrize("text, expected", LABELLED_COMPOUNDS)
def test_compounds_link_their_registered_part(text, expected):
    found = COMPOUNDS.find(text)
    assert [(m.entity, m.surface) for m in found] == expected
    assert all(m.via == "compound" for m in found)


def test_the_word_list_tells_a_compound_from_a_word_that_begins_with_a_name():
    # "Kurskorrektur" is Kurs + Korrektur; "Russland|einsatz" looks the same to rules on letters
    assert COMPOUNDS.find("Kurskorrektur") == []
    assert [m.surface for m in COMPOUNDS.find("Russlandeinsatz")] == ["Russland"]


@pytest.mark.parametrize("word, surface", [
    ("Kursksoldaten", "Kursk"),        # a consonant after the name: a boundary
    ("Ukraineeinsatz", "Ukraine"),     # a name ending in a vowel: the boundary is clear
    ("Drohnenabwehr", "Drohnen"),      # a common noun (equipment) glues to anything
    ("Drohnesangriff", "Drohne"),      # the linking element is not part of the mention
])
def test_a_closed_compound_links_the_form_without_its_linking_element(word, surface):
    assert [m.surface for m in COMPOUNDS.find(word)] == [surface]


def test_a_person_named_like_a_german_word_never_links_inside_a_closed_compound():
    matcher = AliasMatcher([typed("drohne", "people", "Hans Drohne", "Drohne")])
    assert matcher.find("die Drohnenabwehr und Kampfdrohnen") == []
    assert [m.surface for m in matcher.find("Drohne-Fans")] == ["Drohne"]


def test_short_forms_and_acronyms_stay_out_of_closed_compounds():
    matcher = AliasMatcher([typed("rand", "organisations", "Rand"), typed("eu", "organisations", "EU")])
    assert matcher.find("am Waldrand und Randnotiz, EUkommission") == []


def test_compound_offsets_point_into_the_text():
    text = "Die Kampfdrohnen und Drohnenangriffe."
    for m in COMPOUNDS.find(text):
        assert text[m.start:m.end] == m.surface


def test_plain_mentions_are_not_marked_as_compounds():
    assert [m.via for m in COMPOUNDS.find("Drohnen über Kursk")] == ["", ""]


# --- role descriptions -------------------------------------------------------

def role(form: str, start: str | None = None, end: str | None = None) -> Alias:
    return Alias(form, role=True, valid_from=PartialDate.parse(start) if start else None,
                 valid_to=PartialDate.parse(end) if end else None)


ROLES = AliasMatcher([
    typed("nis", "organisations", "NIS"),
    Entity(id="yoon", type="people", name="Yoon Suk Yeol", description="", related=(), part_of="", wikidata="",
           aliases=(role("Südkoreas Präsident", "2022-05-10", "2025-04-04"),), position=Position("x")),
    Entity(id="lee", type="people", name="Lee Jae-myung", description="", related=(), part_of="", wikidata="",
           aliases=(role("Südkoreas Präsident", "2025-06-04"),), position=Position("x")),
    Entity(id="budanov", type="people", name="Kyrylo Budanow", description="", related=(), part_of="", wikidata="",
           aliases=(role("ukrainische Militärgeheimdienstchef"),), position=Position("x")),
])


@pytest.mark.parametrize("on, expected", [
    ("2024-10-18", ["yoon"]),
    ("2024", ["yoon"]),           # a year overlapping the role is enough
    ("2025-07", ["lee"]),
    ("2025-05", []),              # between the two: nobody
    (None, []),                   # an undated article cannot tell
])
def test_a_role_links_whoever_held_it_on_the_article_date(on, expected):
    found = ROLES.find("Südkoreas Präsident sagte", PartialDate.parse(on) if on else None)
    assert [m.entity for m in found] == expected
    assert all(m.via == "role" for m in found)


def test_an_undated_role_links_always_and_is_marked():
    [m] = ROLES.find("der ukrainische Militärgeheimdienstchef", None)
    assert (m.entity, m.surface, m.via) == ("budanov", "ukrainische Militärgeheimdienstchef", "role")


# --- upper and lower case, apostrophes, English endings -----------------------

def cased(eid: str, name: str, *aliases: Alias) -> Entity:
    return Entity(id=eid, type="people", name=name, description="", aliases=aliases,
                  related=(), part_of="", wikidata="", position=Position("x"))


def test_a_one_word_form_needs_its_initial_capital():
    matcher = AliasMatcher([cased("young", "Benjamin R. Young", Alias("Young"))])
    text = "the lives of young men, said Young"
    assert [(m.surface, m.start) for m in matcher.find(text)] == [("Young", text.rindex("Young"))]


def test_case_sensitive_can_be_switched_on_and_off():
    matcher = AliasMatcher([
        cased("un", "Vereinte Nationen", Alias("Un", case_sensitive=False)),
        cased("ko", "Korea Institute", Alias("KoREA Inst", case_sensitive=True)),
    ])
    assert [m.entity for m in matcher.find("un und UN")] == ["un", "un"]
    assert [m.surface for m in matcher.find("KoREA Inst, Korea Inst")] == ["KoREA Inst"]


@pytest.mark.parametrize("form, text", [
    ("Democratic People’s Republic of Korea", "the Democratic People's Republic of Korea"),
    ("Democratic People's Republic of Korea", "the Democratic People’s Republic of Korea"),
])
def test_typographic_and_straight_apostrophes_match_each_other(form, text):
    matcher = AliasMatcher([cased("dprk", "DPRK", Alias(form))])
    assert [m.entity for m in matcher.find(text)] == ["dprk"]


@pytest.mark.parametrize("text, surface", [
    ("Kim Jong Un's troops", "Kim Jong Un"),
    ("Kim Jong Un’s troops", "Kim Jong Un"),
    ("many Russians", "Russians"),
])
def test_english_possessives_and_plurals(text, surface):
    matcher = AliasMatcher([cased("kim", "Kim Jong Un"), cased("russians", "Russian")])
    assert [m.surface for m in matcher.find(text)] == [surface]
