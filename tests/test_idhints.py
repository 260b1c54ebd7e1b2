""""Did you mean" for unknown ids draws on names and aliases, not only on ids."""

from __future__ import annotations

import pytest
from annotations import article, claim, dump, entity
from conftest import ENTITIES

from dossier.pipeline import check

PLACES = ENTITIES["places"] + dump([entity("kursk-oblast", "Oblast Kursk", "Kursk", "Region Kursk", part_of="russia")])
TEXT = "Titel\nDie Soldaten trainieren in Kursk.\n"


def annotation(value: str, who: str = "kyrylo-budanov") -> str:
    """Someone asserts that the soldiers train at the place `value`, quoting "Kursk"."""
    trained = claim("c", "Kursk", proposition="training-place", scope="training", value=value, attributed_to=who,
                    stance="asserts")
    return dump(article("a.txt", trained))


def errors(dossier) -> list[str]:
    return [f"{d.message} | {d.hint}" for d in check(dossier.project).diagnostics.errors]


@pytest.mark.parametrize("typed", ["kursk", "region-kursk", "kursk-region", "oblast-kursk", "kurks"])
def test_a_place_value_is_found_by_its_aliases(dossier, typed):
    dossier.write("content/entities/places.yml", PLACES)
    dossier.article("a", TEXT, annotation(typed))
    (error,) = errors(dossier)
    assert error == f"claim 'c': unknown place '{typed}' | did you mean 'kursk-oblast' (Oblast Kursk)?"


def test_a_person_is_found_by_an_alias(dossier):
    dossier.article("a", TEXT, annotation("russia", who="budanow"))
    (error,) = errors(dossier)
    assert error.startswith("unknown entity 'budanow' | did you mean 'kyrylo-budanov'"), error


def test_part_of_is_found_by_an_alias(dossier):
    dossier.write("content/entities/places.yml", PLACES + dump([entity("sudzha", "Sudscha", part_of="kursk")]))
    dossier.article("a", TEXT, annotation("russia"))
    (error,) = errors(dossier)
    assert error == "unknown part_of place 'kursk' | did you mean 'kursk-oblast' (Oblast Kursk)?"


def test_nothing_close_says_how_to_add_it(dossier):
    dossier.write("content/entities/places.yml", PLACES)
    dossier.article("a", TEXT, annotation("pjoengjang"))
    (error,) = errors(dossier)
    assert error == "claim 'c': unknown place 'pjoengjang' | add it to content/entities/places.yml"
