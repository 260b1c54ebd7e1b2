"""Closed German compounds checked against the word list (dossier/lexicon.py).

Every case is made from the registry below: each name glued to German
words must link, the same name glued to a non-word or with a letter
changed must not, and names that are German words themselves (a person
called Drohne) or that begin an ordinary word ("Kurs|korrektur") must not.
"""

from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

import pytest

from dossier import lexicon
from dossier.diagnostics import Position
from dossier.mentions import AliasMatcher
from dossier.model import Alias, Entity


def typed(eid: str, kind: str, name: str, *aliases: str) -> Entity:
    return Entity(id=eid, type=kind, name=name, description="", aliases=tuple(Alias(a) for a in aliases),
                  related=(), part_of="", wikidata="", position=Position("x"))


# names that are no German words: they link inside closed compounds, people too
NAMES = [
    typed("kursk", "places", "Kursk"),
    typed("russia", "places", "Russland"),
    typed("charkiw", "places", "Charkiw"),
    typed("hamas", "organisations", "Hamas"),
    typed("selenskyj", "people", "Wolodymyr Selenskyj", "Selenskyj"),
    typed("schilalow", "people", "Dmitri Schilalow", "Schilalow"),
]
# people whose name is a German word ("Drohne", "Fischer"): never inside a closed compound
WORDLIKE = [typed("drohne", "people", "Hans Drohne", "Drohne"), typed("fischer", "people", "Joschka Fischer", "Fischer")]
MATCHER = AliasMatcher([*NAMES, *WORDLIKE])

HEADS = ["einsatz", "offensive", "korrektur", "angriffs"]  # German words after a first part
MODIFIERS = ["Nord", "Grenz", "Kampf"]  # and before a last part ("Grenz" of "Grenze")


def single_forms(entity: Entity) -> list[str]:
    return [f for f in (entity.name, *(a.form for a in entity.aliases)) if " " not in f]


def linked(word: str) -> list[tuple[str, str]]:
    text = f"Die {word} begann."
    return [(m.entity, m.surface) for m in MATCHER.find(text) if m.start < 4 + len(word) and m.end > 4]


COMPOUNDS = [(f"{form}{head}", e.id, form) for e in NAMES for form in single_forms(e) for head in HEADS] + [
    (f"{mod}{form.lower()}", e.id, form.lower()) for e in NAMES for form in single_forms(e) for mod in MODIFIERS]


@pytest.mark.parametrize("word, eid, surface", COMPOUNDS)
def test_a_name_glued_to_a_german_word_links(word, eid, surface):
    assert linked(word) == [(eid, surface)]
    assert all(m.via == "compound" for m in MATCHER.find(word))


NOT_GERMAN = ["orrektur", "xqvtrum", "ffensive"]  # a German word less its first letter, or none


@pytest.mark.parametrize("word", [f"{form}{rest}" for e in NAMES for form in single_forms(e) for rest in NOT_GERMAN])
def test_a_name_glued_to_something_that_is_no_german_word_does_not_link(word):
    assert linked(word) == []


@pytest.mark.parametrize("word", [f"{form[:-1]}{'q' if form[-1] != 'q' else 'x'}{head}"
                                  for e in NAMES for form in single_forms(e) for head in HEADS])
def test_a_name_with_a_changed_letter_does_not_link(word):
    assert linked(word) == []


@pytest.mark.parametrize("word", [w for e in WORDLIKE for form in single_forms(e)
                                  for w in (f"{form}nabwehr", f"{form}sangriff", f"Kampf{form.lower()}n", f"{form}einsatz")])
def test_a_person_named_like_a_german_word_is_not_linked_inside_a_compound(word):
    assert lexicon.is_word(word[:5].lower() + "e") or lexicon.is_word(word[:7].lower())  # the premise: the name is German
    assert linked(word) == []


@pytest.mark.parametrize("entity", WORDLIKE)
def test_a_person_named_like_a_german_word_still_links_as_a_word_and_hyphenated(entity):
    form = single_forms(entity)[0]
    assert linked(form) == [(entity.id, form)]
    assert linked(f"{form}-Fans") == [(entity.id, form)]


@pytest.mark.parametrize("word, name, split", [
    ("Kurskorrektur", "Kursk", ("kurs", "korrektur")),   # Kurs + Korrektur, not Kursk + orrektur
    ("Kursksieg", "Kursk", None),                        # a real compound with the name
])
def test_a_word_that_begins_with_a_name_links_only_if_the_name_is_a_part(word, name, split):
    if split:
        assert all(lexicon.is_word(part) for part in split)
        assert linked(word) == []
    else:
        assert linked(word) == [("kursk", name)]


def test_a_name_is_not_cut_out_of_another_split_of_the_word():
    # "Ehren|orden": ends with a registered "Norden", but Ehre + n + Orden is the German reading
    # (the price: a name that begins with a linking letter is rarely found as a last part)
    matcher = AliasMatcher([typed("north-korea", "places", "Nordkorea", "Norden", "Korea")])
    assert lexicon.is_word("ehren") and lexicon.is_word("orden")
    assert matcher.find("der Ehrenorden") == []
    assert [m.surface for m in matcher.find("im Norden, in der Korea-Frage und in Westkorea")] == ["Norden", "Korea", "korea"]


def test_a_person_inside_a_word_of_its_own_does_not_link():
    # "Youngster" is a German word by itself: it names no Mr Young
    matcher = AliasMatcher([typed("young", "people", "Benjamin R. Young", "Young")])
    assert lexicon.is_word("youngster")
    assert matcher.find("ein Youngster") == []
    assert [m.surface for m in matcher.find("die Young-Studie")] == ["Young"]


def test_the_word_list_is_read_only_when_a_compound_needs_it():
    lexicon._words.cache_clear()
    matcher = AliasMatcher(NAMES)
    assert matcher.find("Selenskyj sprach in Charkiw über Russland.")
    assert lexicon._words.cache_info().currsize == 0
    assert matcher.find("Der Russlandeinsatz")
    assert lexicon._words.cache_info().currsize == 1


def test_the_word_list_ships_with_the_package():
    package = Path(lexicon.__file__).parent
    globs = tomllib.loads((package.parent / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]["dossier"]
    relative = lexicon.PATH.relative_to(package).as_posix()
    assert any(fnmatch.fnmatch(relative, g) for g in globs)
    assert lexicon.PATH.stat().st_size < 2_000_000


def test_the_word_list_is_casefolded_and_sorted():
    words = sorted(lexicon._words())
    assert len(words) > 100_000
    assert all(w == w.casefold() and w.isalpha() for w in words[::97])
