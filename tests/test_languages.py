"""Figures and dates by language: the article's ``language`` picks the rules."""

from __future__ import annotations

import pytest
from annotations import Data, article, claim, dump

from dossier.cli import main
from dossier.dates import PartialDate, find_dates, resolve
from dossier.languages import DEFAULT, detect, rules, supported
from dossier.numbers import find_figures, parse_number_words
from dossier.pipeline import check

MONDAY = PartialDate(2024, 10, 28)


def figures(text: str, language: str = "en") -> list[tuple[str, int | None, int | None, bool]]:
    return [(f.surface, f.min, f.max, f.approx) for f in find_figures(text, language)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10,000 troops have arrived", [("10,000", 10000, 10000, False)]),
        ("up to 600,000 shells", [("up to 600,000", None, 600000, False)]),
        ("more than 1.2 million rounds", [("more than 1.2 million", 1_200_000, None, False)]),
        ("about 10,000 troops", [("about 10,000", 10000, 10000, True)]),
        ("an estimated 3,000", [("an estimated 3,000", 3000, 3000, True)]),
        ("50 000 people", [("50 000", 50000, 50000, False)]),
        ("between 50 and 100 tanks", [("between 50 and 100", 50, 100, False)]),
        ("from 50 to 100 tanks", [("from 50 to 100", 50, 100, False)]),
        ("two to three million", [("two to three million", 2_000_000, 3_000_000, False)]),
        ("ten thousand soldiers", [("ten thousand", 10000, 10000, False)]),
        ("two hundred and fifty thousand", [("two hundred and fifty thousand", 250_000, 250_000, False)]),
        ("twenty-five soldiers", [("twenty-five", 25, 25, False)]),
        ("a hundred men", [("a hundred", 100, 100, False)]),
        ("hundreds of officers", [("hundreds", 200, 999, False)]),
        ("thousands more", [("thousands", 2000, None, False)]),
        ("several thousand troops", [("several thousand", 2000, None, False)]),
        ("tens of thousands", [("tens of thousands", 20000, None, False)]),
        ("hundreds of thousands of shells", [("hundreds of thousands", 200_000, None, False)]),
        ("dozens of drones", [("dozens", 24, 99, False)]),
        ("10 per cent", [("10 per cent", 10, 10, False)]),
        ("50%", [("50%", 50, 50, False)]),
    ],
)
def test_english_figures(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "on 28 October", "October 28, 2024", "the 28th of October", "in 2024", "at 9 am", "a 20-year-old",
        "Su-27 jets", "one of them", "no one came", "1,2 troops", "2.5 troops", "the 1990s", "troops may march",
    ],
)
def test_english_non_figures(text):
    assert figures(text) == []


def test_separators_follow_the_language():
    """The same digits read as the language writes them."""
    assert figures("10.000 Soldaten", "de") == [("10.000", 10000, 10000, False)]
    assert figures("1,2 Millionen", "de") == [("1,2 Millionen", 1_200_000, 1_200_000, False)]
    assert figures("10,000 troops", "en") == [("10,000", 10000, 10000, False)]
    assert figures("1.2 million", "en") == [("1.2 million", 1_200_000, 1_200_000, False)]
    assert figures("10.000 troops", "en") == []  # a decimal with three places, no count
    assert figures("1,2 million", "en") == []


def test_number_words_by_language():
    assert parse_number_words("sechs Tausend", "de") == 6000
    assert parse_number_words("six thousand", "en") == 6000
    assert parse_number_words("six thousand", "de") is None
    assert parse_number_words("ninety-nine", "en") == 99
    assert parse_number_words("one billion two hundred million", "en") == 1_200_000_000


def test_a_language_without_rules_gets_no_figures_or_dates():
    assert rules("uk") is None and "uk" not in supported()
    assert find_figures("10 000 солдатів", "uk") == []
    assert find_dates("28 жовтня 2024", MONDAY, "uk") == []
    assert resolve("2024", MONDAY, "uk") is None


def test_a_regional_code_uses_its_language():
    assert rules("en-GB") is rules("en")
    assert figures("10,000 troops", "en-GB") == [("10,000", 10000, 10000, False)]


def dates(text: str, reference: PartialDate | None = MONDAY) -> list[tuple[str, str | None, bool]]:
    return [(d.surface, d.value.iso() if d.value else None, d.relative) for d in find_dates(text, reference, "en")]


@pytest.mark.parametrize(
    ("text", "surface", "value", "relative"),
    [
        ("reached the front on 28 October", "on 28 October", "2024-10-28", True),
        ("on October 28, 2024", "on October 28, 2024", "2024-10-28", False),
        ("Monday, 28 October 2024", "Monday, 28 October 2024", "2024-10-28", False),
        ("the 28th of October 2024", "28th of October 2024", "2024-10-28", False),
        ("Oct. 28", "Oct. 28", "2024-10-28", True),
        ("2024-10-28", "2024-10-28", "2024-10-28", False),
        ("signed in June", "in June", "2024-06", True),
        ("since June", "since June", "2024-06", True),
        ("until November", "until November", "2024-11", True),
        ("in March last year", "in March last year", "2023-03", True),
        ("last June", "last June", "2024-06", True),
        ("next June", "next June", "2025-06", True),
        ("in early November", "in early November", "2024-11", True),
        ("by the end of December", "by the end of December", "2024-12", True),
        ("mid-October", "mid-October", "2024-10", True),
        ("from 8 to 13 October", "from 8 to 13 October", "2024-10-08/2024-10-13", True),
        ("between June and August 2024", "between June and August 2024", "2024-06/2024-08", False),
        ("from 2022 to 2024", "from 2022 to 2024", "2022/2024", False),
        ("in 2022", "in 2022", "2022", False),
        ("next year", "next year", "2025", True),
        ("last year", "last year", "2023", True),
        ("the previous year", "the previous year", "2023", True),
        ("last month", "last month", "2024-09", True),
        ("next month", "next month", "2024-11", True),
        ("last week", "last week", "2024-10-21/2024-10-27", True),
        ("yesterday", "yesterday", "2024-10-27", True),
        ("the day before yesterday", "the day before yesterday", "2024-10-26", True),
        ("today", "today", "2024-10-28", True),
        ("on Monday", "on Monday", "2024-10-28", True),
        ("last Friday", "last Friday", "2024-10-25", True),
        ("10 days ago", "10 days ago", "2024-10-18", True),
        ("two years ago", "two years ago", "2022", True),
        ("three months ago", "three months ago", "2024-07", True),
        ("a week ago", "a week ago", "2024-10-21", True),
        # a rough count back names the month, not a day
        ("almost 1000 days ago", "almost 1000 days ago", "2022-02", True),
    ],
)
def test_english_dates(text, surface, value, relative):
    assert dates(text) == [(surface, value, relative)]


@pytest.mark.parametrize("text", ["troops may arrive", "they march on", "Monday", "August said", "in the past months"])
def test_english_non_dates(text):
    assert dates(text) == []


def test_english_relative_dates_need_a_reference():
    assert dates("next year", None) == [("next year", None, True)]
    assert dates("yesterday", PartialDate(2024, 10)) == [("yesterday", None, True)]
    assert dates("October 28, 2024", None) == [("October 28, 2024", "2024-10-28", False)]


def test_resolve_reads_a_whole_english_quote():
    assert resolve("“next year”", MONDAY, "en").iso() == "2025"
    assert resolve("June", MONDAY, "en").iso() == "2024-06"
    assert resolve("next year", MONDAY, "de") is None  # German rules do not read English


# What every language module must get right; a new language adds its row.
SAMPLES = {
    "de": ("Rund 10.000 Soldaten kamen im Juni letzten Jahres, gestern weitere 1,2 Millionen Granaten.",
           [("Rund 10.000", 10000, 10000, True), ("1,2 Millionen", 1_200_000, 1_200_000, False)],
           [("im Juni letzten Jahres", "2023-06"), ("gestern", "2024-10-27")]),
    "en": ("About 10,000 troops came in June last year, and yesterday 1.2 million more shells.",
           [("About 10,000", 10000, 10000, True), ("1.2 million", 1_200_000, 1_200_000, False)],
           [("in June last year", "2023-06"), ("yesterday", "2024-10-27")]),
}


def test_every_supported_language_has_a_sample():
    assert sorted(SAMPLES) == supported()


@pytest.mark.parametrize("language", sorted(SAMPLES))
def test_each_language_reads_its_sample(language):
    text, expected_figures, expected_dates = SAMPLES[language]
    assert figures(text, language) == expected_figures
    found = [(d.surface, d.value.iso() if d.value else None) for d in find_dates(text, MONDAY, language)]
    assert found == expected_dates


ENGLISH = "Title\nOn 28 October 2024 Budanov said 10,000 troops had arrived.\nThe treaty was signed last year.\n"


def english_article(*claims: Data) -> str:
    return dump(article("a.txt", *claims, title="Title", language="en", published="2024-10-28", published_basis="dateline"))


def test_check_reads_an_english_article_with_english_rules(dossier, capsys):
    dossier.article("a", ENGLISH, english_article())
    assert main(["--root", str(dossier.root), "check"]) == 0
    # (the fixture's registry has aliases no article uses: warned about in content/entities/)
    warnings = [line for line in capsys.readouterr().err.splitlines() if ": warning: " in line and line.startswith("seeds/")]
    # Line and column of each uncovered figure and date, computed from the text above.
    expected = []
    for kind, surface in (("date", "On 28 October 2024"), ("figure", "10,000"), ("date", "last year")):
        offset = ENGLISH.index(surface)
        line = ENGLISH.count("\n", 0, offset) + 1
        column = offset - ENGLISH.rfind("\n", 0, offset)
        expected.append(f'seeds/a.txt:{line}:{column}: warning: {kind} "{surface}" is not covered by any claim')
    assert warnings == expected


def test_an_english_date_claim_takes_its_value_from_the_quote(dossier):
    signed = claim("signed", "last year", proposition="treaty-date", scope="signed", value=None,
                   attributed_to="kyrylo-budanov")
    dossier.article("a", ENGLISH, english_article(signed))
    checked = check(dossier.project)
    assert not checked.diagnostics.errors, checked.diagnostics.report()
    (linked,) = checked.linked
    assert linked.values["signed"].key == "2023"


GERMAN_TEXT = "Nach Angaben des Geheimdienstes sind rund 3.000 Soldaten in Russland eingetroffen, die auch ausgebildet werden."
ENGLISH_TEXT = "According to the intelligence service, about 3,000 soldiers have arrived in Russia, where they are trained."


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (GERMAN_TEXT, "de"),
        (ENGLISH_TEXT, "en"),
        ("Kim Jong Un\nPutin\n", None),  # names only: no evidence either way
        ("Україна заявила, що 10 000 солдатів КНДР прибули до Курської області.", None),  # no rules for Ukrainian
        (f"{GERMAN_TEXT} {ENGLISH_TEXT}", None),  # half and half: a person decides
    ],
)
def test_detect(text, language):
    assert detect(text)[0] == language


def test_new_detects_an_english_article_and_says_so(dossier, capsys):
    text = f"Troops arrive in Russia\n28 October 2024\n{ENGLISH_TEXT}\n"
    dossier.write("seeds/en.txt", text)
    assert main(["--root", str(dossier.root), "new", "seeds/en.txt"]) == 0
    out = capsys.readouterr().out.splitlines()
    counts = detect(text)[1]
    assert out[1] == (f"    language: en (detected from {counts['de']} common German words, "
                      f"{counts['en']} common English words)")
    made = (dossier.root / "content/articles/en.yml").read_text("utf-8")
    assert "\nlanguage: en\n" in made and '\npublished: "2024-10-28"\n' in made
    assert '#    # value: 3000\n' in made  # "about 3,000" read with English digit grouping
    assert main(["--root", str(dossier.root), "check"]) == 0


def test_new_says_when_it_cannot_tell_the_language(dossier, capsys):
    dossier.write("seeds/names.txt", "Kim Jong Un\nPutin\n")
    assert main(["--root", str(dossier.root), "new", "seeds/names.txt"]) == 0
    line = capsys.readouterr().out.splitlines()[1]
    assert line.startswith(f"    language: not detected (0 common German words, 0 common English words); wrote {DEFAULT}:")
    assert f"\nlanguage: {DEFAULT}\n" in (dossier.root / "content/articles/names.yml").read_text("utf-8")
