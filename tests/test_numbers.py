"""Tests for dossier.numbers: figures in German text and number words."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest

from dossier.numbers import Figure, find_figures, parse_number_words

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def seed_text(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def as_tuples(figures: list[Figure]) -> list[tuple[str, int | None, int | None, bool]]:
    return [(f.surface, f.min, f.max, f.approx) for f in figures]


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("eins", 1),
        ("ein", 1),
        ("eine", 1),
        ("zwei", 2),
        ("elf", 11),
        ("zwölf", 12),
        ("dreizehn", 13),
        ("sechzehn", 16),
        ("siebzehn", 17),
        ("zwanzig", 20),
        ("dreißig", 30),
        ("dreissig", 30),
        ("einundzwanzig", 21),
        ("neunundneunzig", 99),
        ("hundert", 100),
        ("einhundert", 100),
        ("hundertundeins", 101),
        ("hunderteins", 101),
        ("dreihundertfünfzig", 350),
        ("tausend", 1000),
        ("eintausend", 1000),
        ("tausendeinhundert", 1100),
        ("sechstausend", 6000),
        ("sechs Tausend", 6000),
        ("sechs  tausend", 6000),
        ("zwölftausend", 12000),
        ("zweitausendvierundzwanzig", 2024),
        ("hunderttausend", 100_000),
        ("dreihundertfünfzigtausend", 350_000),
        ("neunhundertneunundneunzigtausendneunhundertneunundneunzig", 999_999),
        ("eine Million", 1_000_000),
        ("einer Million", 1_000_000),
        ("zwei Millionen", 2_000_000),
        ("zwei Millionen dreihunderttausend", 2_300_000),
        ("eine Milliarde", 1_000_000_000),
        ("drei Milliarden", 3_000_000_000),
        ("eine Milliarde zwei Millionen", 1_002_000_000),
        ("SECHS TAUSEND", 6000),
        ("Einundzwanzig", 21),
    ],
)
def test_parse_number_words(words: str, value: int) -> None:
    assert parse_number_words(words) == value


@pytest.mark.parametrize(
    "words",
    ["", "null", "foo", "6.000", "Tausende", "hunderte", "Milliardensummen", "zwei und", "undzwanzig",
     "zwanzighundert", "Million", "eines", "sechs Tausend Soldaten", "zwei drei"],
)
def test_parse_number_words_rejects(words: str) -> None:
    assert parse_number_words(words) is None


@pytest.mark.parametrize(
    ("text", "surface", "low", "high", "approx"),
    [
        # digits with German thousands dots, decimals with a scale word
        ("weitere 6.000 Soldaten", "6.000", 6000, 6000, False),
        ("insgesamt 12.000 Soldaten", "12.000", 12000, 12000, False),
        ("wonach 1.500 Soldaten", "1.500", 1500, 1500, False),
        ("dass rund 11.000 Infanteristen", "rund 11.000", 11000, 11000, True),
        ("mit 1,2 Millionen Soldaten", "1,2 Millionen", 1_200_000, 1_200_000, False),
        ("1.000.000 Menschen", "1.000.000", 1_000_000, 1_000_000, False),
        ("rund 50 000 Menschen", "rund 50 000", 50_000, 50_000, True),
        ("3 Mio. Euro", "3 Mio.", 3_000_000, 3_000_000, False),
        ("2 Mrd. Dollar", "2 Mrd.", 2_000_000_000, 2_000_000_000, False),
        ("6 Tausend Mann", "6 Tausend", 6000, 6000, False),
        ("genau 50 Panzer", "50", 50, 50, False),
        ("100 Einheiten", "100", 100, 100, False),
        ("0 Verluste", "0", 0, 0, False),
        # number words
        ("von rund sechs Tausend seiner", "rund sechs Tausend", 6000, 6000, True),
        ("sechstausend Soldaten", "sechstausend", 6000, 6000, False),
        ("zwölftausend Soldaten", "zwölftausend", 12000, 12000, False),
        ("zwei Millionen Menschen", "zwei Millionen", 2_000_000, 2_000_000, False),
        ("eine Milliarde Euro", "eine Milliarde", 1_000_000_000, 1_000_000_000, False),
        ("mit einer Million Dollar", "einer Million", 1_000_000, 1_000_000, False),
        ("Tausend Soldaten", "Tausend", 1000, 1000, False),
        ("ZWEI Länder", "ZWEI", 2, 2, False),
        ("einundzwanzig Tage", "einundzwanzig", 21, 21, False),
        # qualifiers
        ("etwa 300 Mann", "etwa 300", 300, 300, True),
        ("ca. 300 Mann", "ca. 300", 300, 300, True),
        ("circa 300 Mann", "circa 300", 300, 300, True),
        ("knapp 5.000 Mann", "knapp 5.000", 5000, 5000, True),
        ("fast 1.000 Mann", "fast 1.000", 1000, 1000, True),
        ("Rund 40 Panzer", "Rund 40", 40, 40, True),
        ("sollen mehr als 10.000 Soldaten", "mehr als 10.000", 10000, None, False),
        ("über 10.000 Soldaten", "über 10.000", 10000, None, False),
        ("mindestens 20 Tote", "mindestens 20", 20, None, False),
        ("bis zu 12.000 Soldaten", "bis zu 12.000", None, 12000, False),
        ("höchstens 20 Tote", "höchstens 20", None, 20, False),
        ("weniger als 100 Tote", "weniger als 100", None, 100, False),
        # ranges
        ("sollen zwischen 50 und 100 Einheiten", "zwischen 50 und 100", 50, 100, False),
        ("50 bis 100 Einheiten", "50 bis 100", 50, 100, False),
        ("von 50 bis 100 Einheiten", "von 50 bis 100", 50, 100, False),
        ("50–100 Einheiten", "50–100", 50, 100, False),
        ("50 – 100 Einheiten", "50 – 100", 50, 100, False),
        ("50-100 Einheiten", "50-100", 50, 100, False),
        ("etwa 50 bis 100 Einheiten", "etwa 50 bis 100", 50, 100, True),
        ("ein bis zwei Tage", "ein bis zwei", 1, 2, False),
        ("fünf bis sechs Tage", "fünf bis sechs", 5, 6, False),
        ("zwei bis drei Millionen Menschen", "zwei bis drei Millionen", 2_000_000, 3_000_000, False),
        ("1,2 bis 1,5 Millionen Menschen", "1,2 bis 1,5 Millionen", 1_200_000, 1_500_000, False),
        ("zwischen 50 und 100 Tausend", "zwischen 50 und 100 Tausend", 50_000, 100_000, False),
        ("500 bis 2 Millionen", "500 bis 2 Millionen", 500, 2_000_000, False),
        # vague words
        ("dass „Tausende“ nordkoreanische", "Tausende", 2000, None, False),
        ("tausende Soldaten", "tausende", 2000, None, False),
        ("von Tausenden Soldaten", "Tausenden", 2000, None, False),
        ("Hunderte Soldaten", "Hunderte", 200, 999, False),
        ("hunderte Soldaten", "hunderte", 200, 999, False),
        ("von hunderten nordkoreanischen", "hunderten", 200, 999, False),
        ("Dutzende Drohnen", "Dutzende", 24, 99, False),
        ("Zehntausende Menschen", "Zehntausende", 20_000, None, False),
        ("Hunderttausende Menschen", "Hunderttausende", 200_000, None, False),
        ("mehrere Tausend Soldaten", "mehrere Tausend", 2000, None, False),
        ("ein paar Hundert Soldaten", "ein paar Hundert", 200, 999, False),
        ("Millionen sind hier", "Millionen", 2_000_000, None, False),
        # percentages keep their sign in the surface
        ("12 % der Truppen", "12 %", 12, 12, False),
        ("12% der Truppen", "12%", 12, 12, False),
        ("rund 40 Prozent der Truppen", "rund 40 Prozent", 40, 40, True),
        # a number ending a sentence is no ordinal
        ("Es waren 50. Dann kamen", "50", 50, 50, False),
        ("Es waren 50.", "50", 50, 50, False),
        ("Es waren 50.\nNeu", "50", 50, 50, False),
    ],
)
def test_find_single_figure(text: str, surface: str, low: int | None, high: int | None, approx: bool) -> None:
    start = text.index(surface)
    assert find_figures(text) == [Figure(start, start + len(surface), surface, low, high, approx)]


@pytest.mark.parametrize(
    "text",
    [
        "Die Technik umfasst Cheonma-D-Panzer und BTR-80-Schützenpanzer.",
        "Su-27 und F-16",
        "U-Boot-Raketensysteme",
        "18. Oktober, 2024",
        "im Jahr 2024",
        "seit 2022 und bis 2030",
        "von 2022 bis 2024",
        "vom 8. bis 13. Oktober",
        "am 8. Oktober",
        "zum 3. Mal",
        "der 3.",
        "Der 3. Platz",
        "die 100. Ausgabe",
        "am 18.10.2024",
        "2024-10-18",
        "um 13:30 Uhr",
        "um 18 Uhr",
        "2,5 Prozent",
        "Dabei fließen Milliardensummen.",
        "eine Hundertschaft",
        "Tausendstel",
        "ein Haus und eine Frage, eines der Länder",
        "12-jährige Soldaten",
        "die Zwei-Staaten-Lösung",
        "Einheiten, Achtung, Elfmeter, Einsatz",
        "100 bis 50",
        "Kennung 12345678901234567",
        "007",
    ],
)
def test_no_figures(text: str) -> None:
    assert find_figures(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("100 und 200", [("100", 100, 100, False), ("200", 200, 200, False)]),
        ("am 8. Oktober 150 Soldaten", [("150", 150, 150, False)]),
        ("im Jahr 2024 100 Soldaten", [("100", 100, 100, False)]),
        ("zwei Tausende", [("zwei", 2, 2, False), ("Tausende", 2000, None, False)]),
        ("BTR-80 und 80 Panzer", [("80", 80, 80, False)]),
    ],
)
def test_find_several_figures(text: str, expected: list[tuple[str, int | None, int | None, bool]]) -> None:
    assert as_tuples(find_figures(text)) == expected


@pytest.mark.parametrize(
    ("qualifier", "low", "high", "approx"),
    [(word, 300, 300, True) for word in ("rund", "etwa", "ca.", "circa", "zirka", "ungefähr", "annähernd",
                                          "knapp", "fast", "nahezu", "beinahe", "schätzungsweise")]
    + [(word, 300, None, False) for word in ("mehr als", "über", "mindestens", "wenigstens")]
    + [(word, None, 300, False) for word in ("bis zu", "höchstens", "maximal", "weniger als", "unter")],
)
def test_every_qualifier(qualifier: str, low: int | None, high: int | None, approx: bool) -> None:
    """Each qualifier starts a figure (the quick start check lists them too)."""
    assert as_tuples(find_figures(f"genau {qualifier} 300 Mann")) == [(f"{qualifier} 300", low, high, approx)]


@pytest.mark.parametrize(
    ("words", "value"),
    [("sieben", 7), ("siebzehn", 17), ("siebzig", 70), ("sechs", 6), ("sechzehn", 16), ("sechzig", 60),
     ("fünf", 5), ("zwei", 2), ("zwölf", 12), ("zwanzig", 20), ("drei", 3), ("dreißig", 30), ("vier", 4),
     ("acht", 8), ("achtzig", 80), ("neun", 9), ("zehn", 10), ("elf", 11), ("eins", 1), ("hundert", 100),
     ("tausend", 1000), ("ein hundert", 100), ("ein Tausend", 1000), ("eine Million", 1_000_000),
     ("einer Milliarde", 1_000_000_000)],
)
def test_every_number_word_start(words: str, value: int) -> None:
    """Number words with each possible first part (the quick start checks list their stems)."""
    assert as_tuples(find_figures(f"genau {words} Soldaten")) == [(words, value, value, False)]


def test_words_like_number_words_are_no_figures() -> None:
    text = "einen, einem, eines, einer, eine, einige, einmal, Einsatz, zwischen, zwar, Achtung"
    assert find_figures(text) == []


SEED_FIGURES = {
    "000": [
        ("6.000", 6000, 6000, False),
        ("rund sechs Tausend", 6000, 6000, True),
        ("zwischen 50 und 100", 50, 100, False),
    ],
    "001": [
        ("12.000", 12000, 12000, False),
        ("rund 11.000", 11000, 11000, True),
        ("hunderten", 200, 999, False),
    ],
    "002": [
        ("1.500", 1500, 1500, False),
        ("Millionen", 2_000_000, None, False),
        ("Tausende", 2000, None, False),
        ("10.000", 10000, 10000, False),
        ("12.000", 12000, 12000, False),
        ("1,2 Millionen", 1_200_000, 1_200_000, False),
    ],
    "003": [
        ("rund 10.000", 10000, 10000, True),
        ("mehr als 10.000", 10000, None, False),
    ],
    "004": [
        ("12.000", 12000, 12000, False),
        ("12.000", 12000, 12000, False),
    ],
}


@pytest.mark.parametrize("prefix", sorted(SEED_FIGURES))
def test_seed_corpus(prefix: str) -> None:
    """Exactly the expected figures: no dates, years, ordinals or identifiers."""
    text = seed_text(prefix)
    figures = find_figures(text)
    assert as_tuples(figures) == SEED_FIGURES[prefix]
    for figure in figures:
        assert text[figure.start:figure.end] == figure.surface
    assert all(a.end <= b.start for a, b in pairwise(figures))


def test_seed_spans() -> None:
    text = seed_text("000")
    assert text.startswith("Nordkorea könnte weitere 6.000 Soldaten")
    first = find_figures(text)[0]
    assert (first.start, first.end) == (25, 30)
    approx = find_figures(seed_text("002"))[2]
    assert seed_text("002")[approx.start - 1:approx.end + 1] == "„Tausende“"


def test_long_digit_runs_stay_bounded() -> None:
    """Grouped digits are capped, so a pathological run is still cut into figures."""
    figures = find_figures("123 " * 2000)
    assert figures[0].surface == "123 123 123 123 123 123"
    assert all(a.end <= b.start for a, b in pairwise(figures))


# re.IGNORECASE matches these non-ASCII letters to ASCII ones; text from old
# orthography or OCR has them, and a figure found that way must get its value.
LOOKALIKES = str.maketrans({"s": "ſ", "i": "ı", "k": "\u212a"})


@pytest.mark.parametrize(
    "text",
    ["sechs Soldaten", "sieben Panzer", "einige tausend Mann", "zwei Millionen", "mindestens elf Verletzte",
     "zwischen zehn und zwölf Tausend", "Tausende Soldaten"],
)
def test_lookalike_letters_give_the_same_figures(text: str) -> None:
    odd = text.translate(LOOKALIKES)
    assert odd != text
    expected = [(f.start, f.end, f.min, f.max, f.approx) for f in find_figures(text)]
    assert expected, text
    assert [(f.start, f.end, f.min, f.max, f.approx) for f in find_figures(odd)] == expected
