"""One rule for quotation marks: quotes, aliases and suggestions compare ’ as ' and „ “ « » as ".

A contributor types ' and " on a keyboard; articles are typeset with ’ ‘ ‚ „
“ ” « » ‹ ›. Quotes and aliases both go through fold.straighten, and the
tagged span is always the article's own characters.
"""

from __future__ import annotations

import pytest

from dossier.anchor import anchor
from dossier.diagnostics import Diagnostics, Position
from dossier.fold import DOUBLE_MARKS, SINGLE_MARKS, straighten
from dossier.load import load
from dossier.mentions import AliasMatcher
from dossier.model import Alias, Entity
from dossier.suggest import _selector
from dossier.textindex import TextIndex, comparable, normalise


def claim(quote: str, prefix: str = "") -> str:
    context = f'    prefix: "{prefix}"\n' if prefix else ""
    return (f"seed: a.txt\ntitle: Titel\nlanguage: de\nclaims:\n  - id: c\n    quote: {quote}\n{context}"
            "    proposition: troops\n    scope: total\n    value: 12000\n    attributed_to: nis\n    stance: reports\n")


def anchored(dossier, text: str, yaml: str):
    dossier.article("a", text, yaml)
    diagnostics = Diagnostics()
    corpus = load(dossier.project, diagnostics)
    assert not diagnostics.errors, diagnostics.report()
    [article] = anchor(corpus, diagnostics)
    return article, diagnostics


def tagged(dossier, text: str, yaml: str) -> str:
    """The article's characters under the one claim, which must anchor cleanly."""
    article, diagnostics = anchored(dossier, text, yaml)
    assert not diagnostics.items, diagnostics.report()
    span = article.claims["c"]
    return text[span.start:span.end]


# every typeset mark, in the text, against the straight one in the quote
@pytest.mark.parametrize("mark", list(SINGLE_MARKS + DOUBLE_MARKS))
def test_a_straight_quote_matches_every_typeset_mark_and_tags_the_text_as_it_is(dossier, mark):
    straight = straighten(mark)
    source = f"Seoul{mark}s Geheimdienst meldet 12.000 Soldaten."
    text = f"Titel\n\nLaut {source}\n"
    typed = f"Seoul{straight}s Geheimdienst meldet 12.000 Soldaten."
    yaml_quote = "'" + typed.replace("'", "''") + "'"  # YAML single-quoted: ' doubled, " as is
    assert tagged(dossier, text, claim(yaml_quote)) == source


@pytest.mark.parametrize("text_quote, typed", [
    ("„12.000 Soldaten“", '"12.000 Soldaten"'),
    ("“12,000 soldiers”", '"12,000 soldiers"'),
    ("«12.000 Soldaten»", '"12.000 Soldaten"'),
    ("‚12.000 Soldaten‘", "'12.000 Soldaten'"),
    ("‹12.000 Soldaten›", "'12.000 Soldaten'"),
])
def test_quotation_marks_around_a_quote_match_straight_ones(dossier, text_quote, typed):
    text = f"Titel\n\nDer NIS sprach von {text_quote} in Kursk.\n"
    yaml_quote = "'" + typed.replace("'", "''") + "'"
    assert tagged(dossier, text, claim(yaml_quote)) == text_quote


def test_a_curly_quote_matches_straight_marks_in_the_text(dossier):
    text = "Titel\n\nSeoul's spy agency said \"12,000 soldiers\" had arrived.\n"
    got = tagged(dossier, text, claim("'Seoul’s spy agency said “12,000 soldiers”'"))
    assert got == "Seoul's spy agency said \"12,000 soldiers\""


def test_prefix_is_compared_by_the_same_rule(dossier):
    text = "Titel\n\nim „Bericht“ 12.000 Soldaten; im Plan 12.000 Soldaten.\n"
    got_from = text.index("12.000")
    article, diagnostics = anchored(dossier, text, claim("12.000 Soldaten", prefix='im \\"Bericht\\"'))
    assert not diagnostics.items, diagnostics.report()
    assert (article.claims["c"].start, article.claims["c"].end) == (got_from, got_from + len("12.000 Soldaten"))


def test_a_real_difference_is_still_named_with_the_texts_own_character(dossier):
    text = "Titel\n\nPutin’s Plan laut „Wall Street Journal“ – so der Bericht.\n"
    _, diagnostics = anchored(dossier, text, claim("'Putin\"s Plan laut'"))
    [error] = diagnostics.errors
    assert error.message == 'quote not found in seeds/a.txt: "Putin"s Plan laut"'
    assert error.hint.splitlines()[0].endswith('"Putin’s Plan laut"')  # the passage as the text has it
    assert "the quote has \" (U+0022 QUOTATION MARK) where the text has ’ (U+2019 RIGHT SINGLE QUOTATION MARK)" in error.hint


def test_an_ambiguous_quote_counts_both_spellings(dossier):
    text = "Titel\n\nPutin's Plan.\nPutin’s Plan.\n"
    _, diagnostics = anchored(dossier, text, claim("'Putin''s Plan'"))
    [error] = diagnostics.errors
    assert error.message.startswith("quote found 2 times in seeds/a.txt (line 3, line 4)")


def test_a_wrong_prefix_is_shown_with_the_texts_own_marks(dossier):
    text = "Titel\n\nim „Bericht“ 12.000 Soldaten.\n"
    _, diagnostics = anchored(dossier, text, claim("12.000 Soldaten", prefix="im Plan"))
    [error] = diagnostics.errors
    assert error.message.endswith(' im „Bericht“"')  # the text's marks, not straightened ones


def test_the_index_keeps_offsets_and_shows_the_text_as_typeset():
    source = "Er   sagte:\n„Wir   kommen“ – ‚bald‘.\n"
    index = TextIndex(source)
    assert index.normal == comparable(source)
    assert len(index.normal) == len(normalise(source))
    [hit] = index.find_all(comparable('"Wir kommen"'))
    start, end = index.to_source(hit, hit + len('"Wir kommen"'))
    assert source[start:end] == "„Wir   kommen“"
    assert index.shown(hit, hit + len('"Wir kommen"')) == "„Wir kommen“"


def entity(form: str) -> Entity:
    return Entity(id="dprk", type="organisations", name="DPRK", description="", aliases=(Alias(form),),
                  related=(), part_of="", wikidata="", position=Position("x"))


@pytest.mark.parametrize("mark", list(SINGLE_MARKS))
def test_aliases_follow_the_same_rule_as_quotes(mark):
    """An alias and a quote typed alike match the same text."""
    text = f"the Democratic People{mark}s Republic of Korea"
    matcher = AliasMatcher([entity("Democratic People's Republic of Korea")])
    assert [m.surface for m in matcher.find(text)] == [text.removeprefix("the ")]
    assert TextIndex(text).find_all(comparable("Democratic People's Republic")) == [4]


def test_suggest_copies_the_texts_own_marks_and_the_anchor_finds_it_once(dossier):
    text = "Titel\n\nLaut „Yonhap“ sind 12.000 Soldaten dort. Laut \"Yonhap\" sind es weniger.\n"
    index = TextIndex(text)
    start = text.index("„Yonhap“")
    selector = _selector(index, start, start + len("„Yonhap“"), extend=True)
    assert "„Yonhap“" in selector["quote"]  # the article's characters, not straightened ones
    found = index.find(comparable(selector["quote"]), comparable(selector.get("prefix", "")),
                       comparable(selector.get("suffix", "")), limit=2)
    assert found == [index.normal.index('"Yonhap" sind 12')]
