""""Did you mean" for unknown ids draws on names and aliases, not only on ids."""

from __future__ import annotations

import pytest
from conftest import ENTITIES

from dossier.pipeline import check

PLACES = ENTITIES["places"] + """\
- id: kursk-oblast
  name: Oblast Kursk
  aliases: [Kursk, Region Kursk]
  part_of: russia
"""
TEXT = "Titel\nDie Soldaten trainieren in Kursk.\n"


def claim(value: str, who: str = "kyrylo-budanov") -> str:
    return (
        "seed: a.txt\ntitle: Titel\nlanguage: de\nclaims:\n"
        f"  - id: c\n    quote: Kursk\n    proposition: training-place\n    scope: training\n"
        f"    value: {value}\n    attributed_to: {who}\n    stance: asserts\n"
    )


def errors(dossier) -> list[str]:
    return [f"{d.message} | {d.hint}" for d in check(dossier.project).diagnostics.errors]


@pytest.mark.parametrize("typed", ["kursk", "region-kursk", "kursk-region", "oblast-kursk", "kurks"])
def test_a_place_value_is_found_by_its_aliases(dossier, typed):
    dossier.write("content/entities/places.yml", PLACES)
    dossier.article("a", TEXT, claim(typed))
    (error,) = errors(dossier)
    assert error == f"claim 'c': unknown place '{typed}' | did you mean 'kursk-oblast' (Oblast Kursk)?"


def test_a_person_is_found_by_an_alias(dossier):
    dossier.article("a", TEXT, claim("russia", who="budanow"))
    (error,) = errors(dossier)
    assert error.startswith("unknown entity 'budanow' | did you mean 'kyrylo-budanov'"), error


def test_part_of_is_found_by_an_alias(dossier):
    dossier.write("content/entities/places.yml", PLACES + "- id: sudzha\n  name: Sudscha\n  part_of: kursk\n")
    dossier.article("a", TEXT, claim("russia"))
    (error,) = errors(dossier)
    assert error == "unknown part_of place 'kursk' | did you mean 'kursk-oblast' (Oblast Kursk)?"


def test_nothing_close_says_how_to_add_it(dossier):
    dossier.write("content/entities/places.yml", PLACES)
    dossier.article("a", TEXT, claim("pjoengjang"))
    (error,) = errors(dossier)
    assert error == "claim 'c': unknown place 'pjoengjang' | add it to content/entities/places.yml"
