"""Anchoring quotes to spans: exact, across line breaks, ambiguous, missing."""

from __future__ import annotations

from annotations import Data, article, claim, dump, hide, value_at

from dossier.anchor import anchor
from dossier.diagnostics import Diagnostics
from dossier.load import load

TEXT = "Titel\n\nNach Angaben des NIS sollen 12.000\nSoldaten entsandt werden. Die 12.000 Soldaten\nsind Elite.\n"


def annotation(quote: str, *more: Data, hidden: list[Data] | None = None, **extra: str) -> str:
    """Claim c1 quoting `quote` (extra: its prefix or suffix), the claims `more` and the spans `hidden`."""
    return dump(article("a.txt", claim("c1", quote, **extra), *more, **({"hide": hidden} if hidden else {})))


def run(dossier, annotation: str, text: str = TEXT):
    dossier.article("a", text, annotation)
    diagnostics = Diagnostics()
    corpus = load(dossier.project, diagnostics)
    assert not diagnostics.errors, diagnostics.report()
    anchored = anchor(corpus, diagnostics)
    return anchored[0], diagnostics


def test_exact_quote_gives_source_span(dossier):
    anchored, diagnostics = run(dossier, annotation("Angaben des NIS"))
    span = anchored.claims["c1"]
    assert TEXT[span.start:span.end] == "Angaben des NIS"
    assert not diagnostics.items


def test_quote_across_line_break_and_repeated_spaces(dossier):
    anchored, diagnostics = run(dossier, annotation("sollen   12.000 Soldaten entsandt"))
    span = anchored.claims["c1"]
    assert TEXT[span.start:span.end] == "sollen 12.000\nSoldaten entsandt"
    assert not diagnostics.errors


def test_unicode_normalisation_is_tolerated(dossier):
    decomposed = "Die Milita\u0308rtechnik kommt."
    anchored, diagnostics = run(dossier, annotation("Militärtechnik"), text=decomposed)
    span = anchored.claims["c1"]
    assert decomposed[span.start:span.end] == "Milita\u0308rtechnik"
    assert not diagnostics.errors


def test_ambiguous_quote_is_an_error_with_lines_and_hint(dossier):
    anchored, diagnostics = run(dossier, annotation("12.000 Soldaten"))
    assert "c1" not in anchored.claims
    [error] = diagnostics.errors
    assert "found 2 times" in error.message
    assert "line 3" in error.message and "line 4" in error.message
    assert "prefix:" in error.hint
    line, column = value_at((dossier.root / "content/articles/a.yml").read_text("utf-8"), "quote").split(":")
    assert (error.position.path, error.position.line, error.position.column) == ("content/articles/a.yml", int(line), int(column))


def test_prefix_disambiguates(dossier):
    anchored, diagnostics = run(dossier, annotation("12.000 Soldaten", prefix="Die"))
    span = anchored.claims["c1"]
    assert TEXT[span.start - 4:span.end] == "Die 12.000 Soldaten"
    assert not diagnostics.errors


def test_missing_quote_shows_closest_passage(dossier):
    anchored, diagnostics = run(dossier, annotation("Nach Angaben des NSI"))
    [error] = diagnostics.errors
    assert "quote not found" in error.message
    assert "closest passage (line 3, column 1" in error.hint
    assert "Nach Angaben des N" in error.hint


def test_crossing_claims_are_rejected(dossier):
    anchored, diagnostics = run(dossier, annotation("Angaben des NIS", claim("c2", "NIS sollen 12.000")))
    assert any("partly overlaps" in e.message for e in diagnostics.errors)


def test_claim_inside_hidden_span_is_rejected(dossier):
    anchored, diagnostics = run(dossier, annotation("Titel", hidden=[hide("Titel", "other")]))
    assert any("hidden span" in e.message for e in diagnostics.errors)


TITLED = "Weitere 12.000 Soldaten\nWeitere 12.000 Soldaten\n\nNach Angaben des NIS sollen 12.000\nSoldaten entsandt werden.\n"


def test_a_claim_in_the_title_line_is_visible_and_only_the_first_copy_is_shown(dossier):
    hidden = [hide("Weitere 12.000 Soldaten Weitere 12.000 Soldaten")]
    anchored, diagnostics = run(dossier, annotation("12.000", hidden=hidden, suffix="Soldaten Weitere"), TITLED)
    assert not diagnostics.errors, diagnostics.report()
    first = TITLED.index("\n")
    assert [(s.start, s.end) for s in anchored.shown] == [(0, first)]
    assert [TITLED[s.start:s.end].strip() for s in anchored.unseen] == ["Weitere 12.000 Soldaten"]
    assert anchored.claims["c1"].end <= first


def test_a_claim_across_the_edge_of_the_title_line_is_rejected(dossier):
    anchored, diagnostics = run(dossier, annotation("Titel Nach Angaben", hidden=[hide("Titel")]))
    assert any("edge of the title line" in e.message for e in diagnostics.errors)


def test_a_wrong_prefix_is_named_with_the_text_that_is_there(dossier):
    anchored, diagnostics = run(dossier, annotation("Angaben des NIS", prefix="Laut"))
    [error] = diagnostics.errors
    assert "c1" not in anchored.claims
    assert error.message.startswith('quote found in seeds/a.txt (line 3), but not after prefix "Laut"')
    assert 'the text before it reads "' in error.message and "Nach" in error.message
    assert "prefix:/suffix:" in error.hint


def test_a_wrong_suffix_is_named_with_the_text_that_is_there(dossier):
    anchored, diagnostics = run(dossier, annotation("Angaben des NIS", suffix="meldet"))
    [error] = diagnostics.errors
    assert error.message.startswith('quote found in seeds/a.txt (line 3), but not before suffix "meldet"')
    assert "sollen" in error.message.split("reads", 1)[1]
