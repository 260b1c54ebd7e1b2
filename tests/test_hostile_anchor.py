"""Hostile input to the anchor stage and what follows it: bounded time, messages that show the difference.

Each test runs well under two seconds; the numbers for the largest inputs
(5 MB seeds, 20,000-character quotes, 5,000 claims and notes) are measured
outside the suite.
"""

from __future__ import annotations

import random
import re
import time
from types import SimpleNamespace

import pytest

from dossier.analyse import Others, _Clusters, _place_clusters
from dossier.anchor import anchor, anchor_article
from dossier.cli import main
from dossier.diagnostics import Diagnostic, Diagnostics, Position, printable
from dossier.limits import ITEMS_PER_ARTICLE, TEXT_CHARS
from dossier.load import load
from dossier.markup import Tag, paragraphs
from dossier.model import Article, Claim, Entity, Hide, Note, Selector, Span
from dossier.spans import Frames, Overlaps
from dossier.textindex import TextIndex, normalise

WORDS = ("Nordkorea", "Russland", "Soldaten", "entsandt", "Geheimdienst", "meldet", "die", "der", "und", "in",
         "Kursk", "Ausbildung", "Truppen", "Pjöngjang", "Moskau", "Vertrag", "unterzeichnet", "Front", "Berichten",
         "zufolge", "sollen", "weitere", "Einheiten", "Raketen", "Munition", "geliefert", "haben", "wurde", "nach",
         "Angaben", "des", "südkoreanischen", "ukrainischen", "Militärs", "rund", "mehr", "als", "bereits", "im", "Juni")


def words(count: int, seed: int) -> str:
    """German-like running text, ten words a line; the same seed gives the same text."""
    rng = random.Random(seed)
    tokens = [rng.choice(WORDS) for _ in range(count)]
    return "\n".join(" ".join(tokens[i:i + 10]) for i in range(0, count, 10)) + "\n"


def annotation(*quotes: str) -> str:
    """Raw YAML, not tests/annotations.py: each quote is written as a contributor types it in
    double quotes, escapes such as \\u200b and \\x1b included, and must reach the loader so."""
    claims = "".join(
        f'  - id: c{i}\n    quote: "{q}"\n    proposition: troops\n    scope: total\n    value: 12000\n'
        "    attributed_to: nis\n    stance: reports\n"
        for i, q in enumerate(quotes)
    )
    return f"seed: a.txt\ntitle: Titel\nlanguage: de\nclaims:\n{claims}"


def anchored(dossier, text: str, yaml: str):
    dossier.article("a", text, yaml)
    diagnostics = Diagnostics()
    corpus = load(dossier.project, diagnostics)
    assert not diagnostics.errors, diagnostics.report()
    return anchor(corpus, diagnostics)[0], diagnostics


def missing(dossier, text: str, quote: str) -> Diagnostic:
    """The one error for a quote that is not in the text."""
    _, diagnostics = anchored(dossier, text, annotation(quote))
    [error] = diagnostics.errors
    assert error.message.startswith("quote not found"), error
    return error


def with_typo(quote: str, at: int) -> str:
    """Two letters swapped at ``at``."""
    return quote[:at] + quote[at + 1] + quote[at] + quote[at + 2:]


def passage_of(hint: str) -> tuple[int, int, int, str]:
    """Line, column, per cent alike and passage of a "closest passage" hint."""
    line, column, alike, passage = re.match(r'closest passage \(line (\d+), column (\d+), (\d+)% alike\): "(.*)"', hint).groups()
    return int(line), int(column), int(alike), passage


# --- the closest passage, in bounded time --------------------------------------


@pytest.mark.parametrize("length", [800, TEXT_CHARS])
def test_a_long_quote_with_one_typo_is_found_quickly_and_the_difference_shown(dossier, length):
    text = words(40_000, seed=1)  # about 250 KB
    flat = normalise(text)
    start = flat.index(" ", len(flat) // 2) + 1
    quote = flat[start: start + length].strip()
    middle = quote.index("e", len(quote) // 2)
    typo = with_typo(quote, middle)
    assert typo != quote and typo not in flat
    began = time.perf_counter()
    error = missing(dossier, text, typo)
    assert time.perf_counter() - began < 10  # was about six minutes for 800 characters
    line, column, alike, passage = passage_of(error.hint.splitlines()[0])
    before = flat[:start].split(" ")[:-1]  # the words before the quote, ten a line
    assert (line, column) == (len(before) // 10 + 1, len(" ".join(before[len(before) // 10 * 10:] + [""])) + 1)
    assert 90 <= alike <= 99  # differs, so never shown as 100%
    assert quote.startswith(passage.rstrip("…"))
    difference = error.hint.splitlines()[1]
    assert difference.startswith(f"first difference at column {middle + 1} of the quote:")
    shown_quote, shown_text = re.findall(r'"…?(.*?)…?"', difference)
    assert typo[middle - 5: middle + 5] in shown_quote and quote[middle - 5: middle + 5] in shown_text


def test_a_typo_in_a_short_quote_shows_the_whole_words_meant(dossier):
    text = "Titel\n\nNach Angaben des NIS sollen 12.000\nSoldaten entsandt werden.\n"
    error = missing(dossier, text, "Nach Angaben des NSI")
    assert error.hint == 'closest passage (line 3, column 1, 95% alike): "Nach Angaben des NIS"'


def test_the_same_passage_is_found_in_a_seed_made_of_one_paragraph_repeated(dossier):
    paragraph = "Die Soldaten wurden nach Kursk verlegt, berichtet der Geheimdienst."
    text = "Titel\n" + "\n".join(f"{paragraph} Absatz {i}." for i in range(3_000)) + "\n"
    error = missing(dossier, text, "Die Soldaten wurden nach Kursk verlegt, berichtet der Geheimdienst. Absatz 1234x.")
    line, column, alike, passage = passage_of(error.hint.splitlines()[0])
    assert (line, column, passage) == (1236, 1, f"{paragraph} Absatz 1234.")
    assert alike == 99  # 2 × 80 matched / (80 + 81)


def test_a_quote_from_another_article_gets_no_passage(dossier):
    error = missing(dossier, words(2_000, seed=2), "Völlig andere Worte aus einem ganz anderen Bericht")
    assert error.hint == "no similar passage; check that the quote comes from this article"


# --- messages that name the difference -------------------------------------------

TEXT = ("Titel\n\nNach Angaben des NIS sollen 12.000 Soldaten kommen.\n"
        "Putin’s Plan laut „Wall Street Journal“ – so der\u00a0Bericht. Mili\u00adtärtechnik kommt.\n")


@pytest.mark.parametrize("quote, expected", [
    ("Angaben des NI\\u200bS sollen",
     "the quote has U+200B ZERO WIDTH SPACE (invisible) at column 15, which the text does not have: remove it"),
    ("Angaben des NI\\u200dS sollen",
     "the quote has U+200D ZERO WIDTH JOINER (invisible) at column 15, which the text does not have: remove it"),
    ("\\ufeffNach Angaben des NIS",
     "the quote has U+FEFF ZERO WIDTH NO-BREAK SPACE (invisible) at column 1, which the text does not have: remove it"),
    ("Nach Angaben \\u202edes NIS",
     "the quote has U+202E RIGHT-TO-LEFT OVERRIDE (invisible) at column 14, which the text does not have: remove it"),
    ("Militärtechnik kommt",
     ("the text has U+00AD SOFT HYPHEN (invisible) at column 5 of the quote, which the quote lacks: "
      "copy the passage from the text, or write it as \\u00ad in a double-quoted YAML string")),
    ("so derBericht",
     "the text has a space (U+00A0 NO-BREAK SPACE) at column 7 of the quote, which the quote lacks: add a space there"),
    # a straight ' or " matches a typeset one (test_typographic_quotes.py); an apostrophe for a double mark does not
    ('Putin\\"s Plan',
     ("at column 6 of the quote, the quote has \" (U+0022 QUOTATION MARK) where the text has ’ (U+2019 RIGHT SINGLE QUOTATION MARK): "
      "copy the character from the text, or write it as \\u2019 in a double-quoted YAML string")),
    ("laut 'Wall Street Journal",
     ("at column 6 of the quote, the quote has ' (U+0027 APOSTROPHE) where the text has „ (U+201E DOUBLE LOW-9 QUOTATION MARK): "
      "copy the character from the text, or write it as \\u201e in a double-quoted YAML string")),
    ("Journal“ - so der",
     ("at column 10 of the quote, the quote has - (U+002D HYPHEN-MINUS) where the text has – (U+2013 EN DASH): "
      "copy the character from the text, or write it as \\u2013 in a double-quoted YAML string")),
])
def test_an_invisible_or_look_alike_character_is_named(dossier, quote, expected):
    error = missing(dossier, TEXT, quote)
    assert error.hint.splitlines()[1:] == [expected]


def test_an_ordinary_typo_in_a_short_quote_gets_no_second_line(dossier):
    error = missing(dossier, TEXT, "Nach Angaben des NIS sollen 12000 Soldaten")
    assert error.hint == 'closest passage (line 3, column 1, 98% alike): "Nach Angaben des NIS sollen 12.000 Soldaten"'


def test_a_quote_found_very_often_is_counted_up_to_a_limit(dossier):
    text = "Titel\n" + "die Soldaten und\n" * 1_500
    _, diagnostics = anchored(dossier, text, annotation("die Soldaten"))
    [error] = diagnostics.errors
    lines = ", ".join(f"line {n}" for n in range(2, 12))
    assert error.message == f'quote found more than 1,000 times in seeds/a.txt ({lines}, …): "die Soldaten"'


def test_a_quote_of_white_space_is_an_error(dossier):
    _, diagnostics = anchored(dossier, TEXT, annotation("   "))
    [error] = diagnostics.errors
    assert error.message == "quote is empty (only white space)"


# --- nothing raw to the terminal ----------------------------------------------------


def test_control_and_bidi_characters_are_escaped_in_every_diagnostic():
    diagnostic = Diagnostic(Position("content/a\x1b[2J.yml", 3, 4), 'quote "\x1b[31mrot\u202eeid" not found\nfake:1:1: error: x',
                            "the text has \u200b here\r\nsecond \x9b line")
    shown = str(diagnostic)
    assert shown.splitlines() == [
        'content/a\\x1b[2J.yml:3:4: error: quote "\\x1b[31mrot\\u202eeid" not found',
        "    fake:1:1: error: x",  # a line break cannot start a line that looks like another diagnostic
        "    the text has \\u200b here\\x0d",
        "    second \\x9b line",
    ]
    assert printable("„Zitat“ – Grüße\u00a0aus Köln") == "„Zitat“ – Grüße\u00a0aus Köln"


def test_dossier_check_prints_no_escape_sequence(dossier, capsys):
    dossier.article("a", TEXT, annotation("Angaben des NIS \\x1b[2J\\x1b]0;pwned\\x07 sollen"))
    assert main(["--root", str(dossier.root), "check"]) == 1
    err = capsys.readouterr().err
    assert not any(c in err for c in "\x1b\x07\u202e")
    assert 'quote not found in seeds/a.txt: "Angaben des NIS \\x1b[2J\\x1b]0;pwned\\x07 sollen"' in err
    assert "the quote has U+001B ESCAPE (invisible) at column 17, which the text does not have there: remove it" in err


# --- many claims, deep nesting --------------------------------------------------------


def test_claims_nested_thousands_deep_render_without_recursion():
    depth = ITEMS_PER_ARTICLE * 2  # every claim and every note on one passage
    text = "Vorher die Passage nachher"
    tags = [Tag(7, 18, i, f"<m{i}>", f"</m{i}>", f"<m{i}+>", f"</m{i}+>") for i in range(depth)]
    [html] = paragraphs(text, (), tags)
    opening = "".join(f"<m{i}>" for i in range(depth))
    closing = "".join(f"</m{i}>" for i in reversed(range(depth)))
    assert str(html) == f"Vorher {opening}die Passage{closing} nachher"


def test_tags_across_lines_and_hidden_spans_render_in_one_sweep():
    text = "Titel\nerste Zeile mit Claim\nzweite Zeile\n\ndritte"
    tags = [Tag(12, 30, 0, "<c>", "</c>", "<c+>", "</c+>"), Tag(18, 21, 1, "<n>", "</n>", "<n+>", "</n+>")]
    html = [str(p) for p in paragraphs(text, (Span(0, 6), Span(40, 43)), tags)]
    assert html == ["erste <c>Zeile <n>mit</n> Claim</c+>", "<c+>zw</c>eite Zeile", "ritte"]


def test_overlap_indexes_agree_with_checking_every_span():
    rng = random.Random(3)
    for _ in range(300):
        spans = [Span(a, a + rng.randint(0, 6)) for a in (rng.randint(0, 40) for _ in range(rng.randint(0, 8)))]
        overlaps, frames = Overlaps(spans), Frames(spans)
        for _ in range(20):
            start = rng.randint(0, 45)
            end = start + rng.randint(1, 8)
            assert overlaps.any(start, end) == any(s.start < end and start < s.end for s in spans)
            crossing = any(s.start < end and start < s.end and not (s.start <= start and end <= s.end) for s in spans)
            assert frames.crossed_by(start, end) == crossing


def test_five_thousand_claims_notes_and_hides_on_one_article_anchor_quickly():
    markers = [f"Kennung Q{i:05d}x meldet" for i in range(ITEMS_PER_ARTICLE)]
    text = "Titel\n" + "".join(f"{m} {words(30, seed=i).strip()}\n" for i, m in enumerate(markers))
    at = Position("content/articles/a.yml")
    claims = tuple(Claim(f"c{i}", "a", Selector(m, position=at), "troops", "total", 1, "nis", (), "reports", "", at)
                   for i, m in enumerate(markers))
    notes = tuple(Note(Selector(f"Q{i:05d}x meldet", position=at), "other", "n") for i in range(ITEMS_PER_ARTICLE))
    hides = tuple(Hide(Selector(f"Kennung Q{i:05d}x", position=at), "other") for i in range(0, ITEMS_PER_ARTICLE, 2))
    article = Article("a", "a.txt", text, "content/articles/a.yml", "Titel", "de", hides=hides, notes=notes, claims=claims)
    diagnostics = Diagnostics()
    began = time.perf_counter()
    result = anchor_article(article, diagnostics)
    assert time.perf_counter() - began < 5  # every quote scanned the text, and every claim was compared with every hide
    assert len(result.claims) == len(result.notes) == ITEMS_PER_ARTICLE
    assert len(diagnostics.errors) == ITEMS_PER_ARTICLE // 2
    assert all("lies in a hidden span" in e.message for e in diagnostics.errors)


# --- the text index -----------------------------------------------------------------


def test_indexed_search_finds_what_a_plain_search_finds():
    rng = random.Random(4)
    pieces = ["aaaa", "ab", "abab", "b", "aab", "Soldaten", "die", "ba", "a", "Mili\u0308tär"]
    for _ in range(400):
        text = "".join(rng.choice(pieces) + rng.choice([" ", "  ", "\n", "", "\u00a0"]) for _ in range(rng.randint(0, 30)))
        index = TextIndex(text)
        normal = index.normal
        selectors = []
        for _ in range(4):
            a = rng.randrange(len(normal) + 1)
            quote = normalise(normal[a: a + rng.randint(1, 25)]) or "ab"
            selectors.append((quote, normalise(rng.choice(["", "", "ab", "a ab"])), normalise(rng.choice(["", "", "b", "b a"]))))
        index.expect(t for s in selectors for t in s)
        for quote, prefix, suffix in selectors:
            expected = []
            at = normal.find(quote)
            while at != -1:
                if normal[:at].rstrip().endswith(prefix) and normal[at + len(quote):].lstrip().startswith(suffix):
                    expected.append(at)
                at = normal.find(quote, at + 1)
            assert index.find(quote, prefix, suffix) == expected, (text, quote, prefix, suffix)
            assert index.find(quote, prefix, suffix, limit=2) == expected[:2]
            assert TextIndex(text).find(quote, prefix, suffix) == expected  # without expect(): scans


# --- the analysis ---------------------------------------------------------------------


def test_the_claims_disputing_one_cluster_are_a_view_of_the_others():
    clusters = tuple(tuple(f"{c}{i}" for i in range(c + 1)) for c in range(4))  # sizes 1, 2, 3, 4
    others = Others(_Clusters(clusters), 1)  # type: ignore[arg-type]
    flat = ("00", "20", "21", "22", "30", "31", "32", "33")
    assert len(others) == 8 and tuple(others) == flat and others[:4] == flat[:4] and others[-1] == "33"
    assert others[2:7:2] == flat[2:7:2] and bool(Others(_Clusters(clusters[:1]), 0)) is False  # type: ignore[arg-type]


def test_the_fingerprint_of_the_disputing_claims_follows_what_a_page_shows_of_them():
    def ref(key: str, text: str) -> SimpleNamespace:
        return SimpleNamespace(claim=SimpleNamespace(key=key, attributed_to="nis", via=()), value=SimpleNamespace(text=text))

    def fingerprints(*clusters: tuple) -> list:
        group = _Clusters(clusters)  # type: ignore[arg-type]
        return [Others(group, own).fingerprint for own in range(len(clusters))]

    a, b, c = (ref("x/a", "100"),), (ref("x/b", "200"), ref("y/b", "210")), (ref("x/c", "900"),)
    before = fingerprints(a, b, c)
    assert len(set(before)) == 3
    changed = fingerprints(a, (ref("x/b", "200"), ref("y/b", "211")), c)  # a value in cluster b changes
    assert changed[1] == before[1] and changed[0] != before[0] and changed[2] != before[2]
    assert fingerprints(a) == fingerprints((ref("z/a", "5"),))  # one cluster: nothing disputes it


def test_places_within_places_cluster_through_a_deep_registry_quickly():
    depth = 20_000
    entities = {f"p{i}": Entity(f"p{i}", "places", f"P{i}", "", (), (), f"p{i - 1}" if i else "", "", Position("x"))
                for i in range(depth)}
    entities["other"] = Entity("other", "places", "Other", "", (), (), "", "", Position("x"))

    class Ref:  # the fields of ClaimRef that clustering reads
        def __init__(self, key: str) -> None:
            self.value = type("V", (), {"key": key})()

    refs = [Ref(f"p{i}") for i in range(0, depth, 7)] + [Ref("other")]
    began = time.perf_counter()
    clusters = _place_clusters(refs, entities)  # type: ignore[arg-type]
    assert time.perf_counter() - began < 2
    assert sorted(len(c) for c in clusters) == [1, len(refs) - 1]
