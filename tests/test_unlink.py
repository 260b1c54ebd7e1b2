"""Control over links: unlink entries, case-sensitive aliases, apostrophes, possessives."""

from __future__ import annotations

from annotations import Data, unlink, value_at

from dossier.anchor import anchor
from dossier.diagnostics import Diagnostics
from dossier.link import link
from dossier.load import load

TEXT = "Titel\n\nRussland und die Ukraine: beiden Ländern droht Russland.\n"


def linked(dossier, *unlinks: Data, text: str = TEXT):
    dossier.annotate("a", text, unlink=list(unlinks))
    diagnostics = Diagnostics()
    corpus = load(dossier.project, diagnostics)
    assert not diagnostics.errors, diagnostics.report()
    [item] = link(corpus, anchor(corpus, diagnostics), diagnostics)
    return item, diagnostics


def test_an_unlink_switches_off_the_link_in_its_quote_only(dossier):
    item, diagnostics = linked(dossier, unlink("droht Russland", "russia"))
    assert not diagnostics.errors, diagnostics.report()
    russia = [m.start for m in item.mentions if m.entity == "russia"]
    assert russia == [TEXT.index("Russland")]  # the first one stays linked


def test_an_unlink_that_matches_no_link_is_an_error_where_it_is_written(dossier):
    item, diagnostics = linked(dossier, unlink("beiden Ländern", "russia"))
    [error] = diagnostics.errors
    line, column = value_at((dossier.root / "content/articles/a.yml").read_text("utf-8"), "quote").split(":")
    assert (error.position.path, error.position.line, error.position.column) == ("content/articles/a.yml", int(line), int(column))
    assert "no link to 'russia'" in error.message and "nothing is linked there" in error.message


def test_an_unlink_of_an_unknown_entity_is_an_error(dossier):
    _, diagnostics = linked(dossier, unlink("droht Russland", "russland"))
    assert ["unknown entity 'russland'" in e.message for e in diagnostics.errors] == [True]
