"""Tests for dossier.dates: German date expressions, resolved against a reference."""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path

import pytest

from dossier.dates import DateMention, DateSpan, PartialDate, find_dates, resolve

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
FRI_18_OCT_2024 = PartialDate(2024, 10, 18)


def seed_text(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def iso(mention: DateMention) -> str | None:
    return mention.value.iso() if mention.value else None


@pytest.mark.parametrize(
    ("date", "text"),
    [
        (PartialDate(2024), "2024"),
        (PartialDate(2024, 6), "2024-06"),
        (PartialDate(2024, 6, 19), "2024-06-19"),
        (PartialDate(2024, 2, 29), "2024-02-29"),
        (PartialDate(987), "0987"),
    ],
)
def test_partial_date_iso_round_trip(date: PartialDate, text: str) -> None:
    assert date.iso() == text
    assert PartialDate.parse(text) == date


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got ''"),
        ("24", "expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got '24'"),
        ("2024-6", "expected a date as YYYY, YYYY-MM or YYYY-MM-DD"),
        ("2024-06-19T10:00", "expected a date as YYYY"),
        ("19.06.2024", "expected a date as YYYY"),
        (" 2024", "expected a date as YYYY"),
        ("2024-13", "'2024-13' is not a valid date: month 13 is out of range (1-12)"),
        ("2024-00", "month 0 is out of range"),
        ("2023-02-29", "'2023-02-29' is not a valid date: day 29 is out of range for 2023-02"),
        ("2024-04-31", "day 31 is out of range for 2024-04"),
        ("0000", "year 0 is out of range"),
    ],
)
def test_partial_date_parse_errors(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        PartialDate.parse(text)


def test_partial_date_parse_rejects_non_strings() -> None:
    with pytest.raises(ValueError, match="got 2024"):
        PartialDate.parse(2024)  # type: ignore[arg-type]


def test_partial_date_needs_a_month_for_a_day() -> None:
    with pytest.raises(ValueError, match="needs a month"):
        PartialDate(2024, None, 5)


@pytest.mark.parametrize(
    ("span", "text"),
    [
        (DateSpan(PartialDate(2024, 6), PartialDate(2024, 6)), "2024-06"),
        (DateSpan(PartialDate(2024, 10, 8), PartialDate(2024, 10, 13)), "2024-10-08/2024-10-13"),
        (DateSpan(PartialDate(2022), PartialDate(2024)), "2022/2024"),
    ],
)
def test_date_span_iso(span: DateSpan, text: str) -> None:
    assert span.iso() == text


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("18. Oktober 2024", "18. Oktober 2024", "2024-10-18"),
        ("18. Oktober, 2024\n\nPolitik", "18. Oktober, 2024", "2024-10-18"),
        ("am 18. Okt. 2024 kam", "am 18. Okt. 2024", "2024-10-18"),
        ("Freitag, 18. Oktober 2024", "Freitag, 18. Oktober 2024", "2024-10-18"),
        ("am Freitag, den 18. Oktober 2024", "am Freitag, den 18. Oktober 2024", "2024-10-18"),
        ("Stand: 18.10.2024", "18.10.2024", "2024-10-18"),
        ("am 1.2.2024", "am 1.2.2024", "2024-02-01"),
        ("im Oktober 2024", "im Oktober 2024", "2024-10"),
        ("Oktober 2024", "Oktober 2024", "2024-10"),
        ("Sept. 2023", "Sept. 2023", "2023-09"),
        ("im Jänner 2025", "im Jänner 2025", "2025-01"),
        ("im März 2022", "im März 2022", "2022-03"),
        ("im Jahr 2024 geschah", "im Jahr 2024", "2024"),
        ("im Jahre 2024", "im Jahre 2024", "2024"),
        ("seit 2022 liefert", "seit 2022", "2022"),
        ("seit dem Jahr 2022", "seit dem Jahr 2022", "2022"),
        ("Ende 2024 sollen", "Ende 2024", "2024"),
        ("Die Zahl 2024 steht allein", "2024", "2024"),
        ("vom 8. bis 13. Oktober 2024", "vom 8. bis 13. Oktober 2024", "2024-10-08/2024-10-13"),
        ("8.–13. Oktober 2024", "8.–13. Oktober 2024", "2024-10-08/2024-10-13"),
        ("vom 28. Dezember bis 3. Januar 2025", "vom 28. Dezember bis 3. Januar 2025", "2024-12-28/2025-01-03"),
        ("vom 28. Dezember 2024 bis 3. Januar", "vom 28. Dezember 2024 bis 3. Januar", "2024-12-28/2025-01-03"),
        ("zwischen dem 8. und 13. Oktober 2024", "zwischen dem 8. und 13. Oktober 2024", "2024-10-08/2024-10-13"),
        ("zwischen Juni und August 2024", "zwischen Juni und August 2024", "2024-06/2024-08"),
        ("von Juni 2023 bis August 2024", "von Juni 2023 bis August 2024", "2023-06/2024-08"),
        ("von November bis Februar 2025", "von November bis Februar 2025", "2024-11/2025-02"),
        ("zwischen 2022 und 2024", "zwischen 2022 und 2024", "2022/2024"),
        ("von 2022 bis 2024", "von 2022 bis 2024", "2022/2024"),
        ("2022–2024", "2022–2024", "2022/2024"),
    ],
)
def test_absolute_dates(text: str, surface: str, value: str) -> None:
    start = text.index(surface)
    for reference in (None, FRI_18_OCT_2024):
        (mention,) = find_dates(text, reference)
        assert (mention.start, mention.end, mention.surface) == (start, start + len(surface), surface)
        assert iso(mention) == value
        assert mention.relative is False


@pytest.mark.parametrize(
    ("text", "reference", "surface", "value"),
    [
        # a bare month: the occurrence nearest to the reference month
        ("ein im Juni unterzeichnetes Abkommen", "2024-10-18", "im Juni", "2024-06"),
        ("im November", "2024-10-18", "im November", "2024-11"),
        ("im Dezember", "2025-02", "im Dezember", "2024-12"),
        ("im April", "2024-10", "im April", "2024-04"),  # six months either way: the past
        ("im Juni", "2025", "im Juni", "2025-06"),
        ("Ende Dezember", "2025-01", "Ende Dezember", "2024-12"),
        ("Mitte Juni", "2024-10", "Mitte Juni", "2024-06"),
        # ab/bis look ahead, seit looks back
        ("ab November gegen die Ukraine", "2024-10-18", "ab November", "2024-11"),
        ("ab Oktober", "2024-10", "ab Oktober", "2024-10"),
        ("ab Juni", "2024-10", "ab Juni", "2025-06"),
        ("Bis Ende Dezember sollen", "2024-10", "Bis Ende Dezember", "2024-12"),
        ("bis Ende Dezember", "2025-01", "bis Ende Dezember", "2025-12"),
        ("seit November", "2024-10", "seit November", "2023-11"),
        ("seit Oktober", "2024-10", "seit Oktober", "2024-10"),
        # explicit year words
        ("im Juni letzten Jahres", "2025", "im Juni letzten Jahres", "2024-06"),
        ("im Juni vergangenen Jahres", "2025-03", "im Juni vergangenen Jahres", "2024-06"),
        ("im Juni des vergangenen Jahres", "2025", "im Juni des vergangenen Jahres", "2024-06"),
        ("im April dieses Jahres", "2025", "im April dieses Jahres", "2025-04"),
        ("im April diesen Jahres", "2025-10", "im April diesen Jahres", "2025-04"),
        ("im März nächsten Jahres", "2024-10", "im März nächsten Jahres", "2025-03"),
        ("im vergangenen Juni", "2024-10", "im vergangenen Juni", "2024-06"),
        ("im vergangenen Juni", "2025-03", "im vergangenen Juni", "2024-06"),
        ("im vergangenen Oktober", "2024-10", "im vergangenen Oktober", "2023-10"),
        ("im kommenden Juni", "2024-10", "im kommenden Juni", "2025-06"),
        ("letztes Jahr", "2024-10-18", "letztes Jahr", "2023"),
        ("vergangenes Jahr", "2024", "vergangenes Jahr", "2023"),
        ("im letzten Jahr", "2024", "im letzten Jahr", "2023"),
        ("im vergangenen Jahr", "2024", "im vergangenen Jahr", "2023"),
        ("im Vorjahr", "2024", "im Vorjahr", "2023"),
        ("Ende des vergangenen Jahres", "2024", "Ende des vergangenen Jahres", "2023"),
        ("dieses Jahr", "2024", "dieses Jahr", "2024"),
        ("in diesem Jahr", "2024-10", "in diesem Jahr", "2024"),
        ("im nächsten Jahr", "2024", "im nächsten Jahr", "2025"),
        # days
        ("vom 8. bis 13. Oktober nach Wladiwostok", "2024-10", "vom 8. bis 13. Oktober", "2024-10-08/2024-10-13"),
        ("8.-13. Okt.", "2024-10", "8.-13. Okt.", "2024-10-08/2024-10-13"),
        ("vom 28. Dezember bis 3. Januar", "2025-01", "vom 28. Dezember bis 3. Januar", "2024-12-28/2025-01-03"),
        ("zwischen Juni und August", "2024-10", "zwischen Juni und August", "2024-06/2024-08"),
        ("am 8. Oktober", "2024-10-18", "am 8. Oktober", "2024-10-08"),
        ("am 29. Februar", "2024-04", "am 29. Februar", "2024-02-29"),
        ("bis zum 3. November", "2024-10-18", "bis zum 3. November", "2024-11-03"),
        ("diese Woche auf einem NATO-Gipfel", "2024-10-18", "diese Woche", "2024-10-18"),
        ("in dieser Woche", "2024-10-18", "in dieser Woche", "2024-10-18"),
        ("heute", "2024-10-18", "heute", "2024-10-18"),
        ("Gestern", "2024-10-18", "Gestern", "2024-10-17"),
        ("vorgestern", "2024-03-01", "vorgestern", "2024-02-28"),
        # weekdays: the latest one on or before the reference day (a Friday)
        ("am Montag", "2024-10-18", "am Montag", "2024-10-14"),
        ("am Freitag", "2024-10-18", "am Freitag", "2024-10-18"),
        ("am Samstag", "2024-10-18", "am Samstag", "2024-10-12"),
        ("am vergangenen Freitag", "2024-10-18", "am vergangenen Freitag", "2024-10-11"),
        ("am kommenden Montag", "2024-10-18", "am kommenden Montag", "2024-10-21"),
        ("ab Montag", "2024-10-18", "ab Montag", "2024-10-21"),
        ("seit Sonnabend", "2024-10-18", "seit Sonnabend", "2024-10-12"),
    ],
)
def test_relative_dates(text: str, reference: str, surface: str, value: str) -> None:
    start = text.index(surface)
    (mention,) = find_dates(text, PartialDate.parse(reference))
    assert (mention.start, mention.end, mention.surface) == (start, start + len(surface), surface)
    assert iso(mention) == value
    assert mention.relative is True


@pytest.mark.parametrize(
    ("text", "reference"),
    [
        ("im Juni", None),
        ("ab November", None),
        ("im Juni letzten Jahres", None),
        ("letztes Jahr", None),
        ("vom 8. bis 13. Oktober", None),
        ("am 8. Oktober", None),
        ("diese Woche", None),
        ("diese Woche", "2024-10"),  # needs a reference day
        ("gestern", "2024"),
        ("am Montag", "2024-10"),
        ("im vergangenen Juni", "2025"),  # June 2024 or June 2025?
        ("am 29. Februar", "2024-10"),  # the nearest February, 2025, has no 29th
    ],
)
def test_unresolvable_relative_dates(text: str, reference: str | None) -> None:
    (mention,) = find_dates(text, PartialDate.parse(reference) if reference else None)
    assert (mention.surface, mention.value, mention.relative) == (text, None, True)


@pytest.mark.parametrize(
    "text",
    [
        "in den letzten Monaten",
        "seit langem",
        "zuletzt",
        "in den letzten Jahren",
        "August Bebel sagte",
        "Am Montagabend",
        "Der Montag ist ein Wochentag",
        "BTR-80 und Su-27",
        "12.000 Soldaten",
        "rund 10.000",
        "1,2 Millionen",
        "am 31. Juni",
        "am 30. Februar",
        "18.13.2024",
        "zwischen Moskau und Pjöngjang",
        "im Jahrzehnt",
        "Kennung A-2024",
        "Jan Müller",
    ],
)
def test_no_dates(text: str) -> None:
    assert find_dates(text, FRI_18_OCT_2024) == []


@pytest.mark.parametrize(
    ("name", "month"),
    [("Januar", 1), ("Jänner", 1), ("Februar", 2), ("Feber", 2), ("März", 3), ("Maerz", 3), ("April", 4),
     ("Mai", 5), ("Juni", 6), ("Juli", 7), ("August", 8), ("September", 9), ("Oktober", 10),
     ("November", 11), ("Dezember", 12), ("Jan.", 1), ("Jän.", 1), ("Feb.", 2), ("Mär.", 3), ("Apr.", 4),
     ("Jun.", 6), ("Jul.", 7), ("Aug.", 8), ("Sept.", 9), ("Sep.", 9), ("Okt.", 10), ("Nov.", 11), ("Dez.", 12)],
)
def test_every_month_name(name: str, month: int) -> None:
    """Each spelling is found (the quick start check lists their stems)."""
    (mention,) = find_dates(f"Stand {name} 2024", None)
    assert (mention.surface, iso(mention)) == (f"{name} 2024", f"2024-{month:02d}")


@pytest.mark.parametrize(
    ("weekday", "value"),
    [("Montag", "2024-10-14"), ("Dienstag", "2024-10-15"), ("Mittwoch", "2024-10-16"),
     ("Donnerstag", "2024-10-17"), ("Freitag", "2024-10-18"), ("Samstag", "2024-10-12"),
     ("Sonnabend", "2024-10-12"), ("Sonntag", "2024-10-13")],
)
def test_every_weekday(weekday: str, value: str) -> None:
    (mention,) = find_dates(f"Er kam am {weekday}", FRI_18_OCT_2024)
    assert (mention.surface, iso(mention)) == (f"am {weekday}", value)


@pytest.mark.parametrize(
    ("text", "value"),
    [("am 8. Oktober", "2024-10-08"), ("im Oktober", "2024-10"), ("in diesem Jahr", "2024"),
     ("ab Juni", "2025-06"), ("seit Juni", "2024-06"), ("bis Juni", "2025-06"), ("vom 8. Oktober", "2024-10-08"),
     ("von Juni bis Juli", "2024-06/2024-07"), ("zwischen Juni und Juli", "2024-06/2024-07"),
     ("Anfang Juni", "2024-06"), ("Mitte Juni", "2024-06"), ("Ende Juni", "2024-06"),
     ("seit dem 3. Oktober", "2024-10-03"), ("bis zum 3. November", "2024-11-03"),
     ("bis spätestens Juni", "2025-06"), ("des Vorjahres", "2023"), ("im Jahr 2024", "2024")],
)
def test_every_lead_word(text: str, value: str) -> None:
    """Each word an expression may start with (the quick start check lists them)."""
    (mention,) = find_dates(f"Er sagte {text} nichts", FRI_18_OCT_2024)
    assert (mention.surface, iso(mention)) == (text, value)


def test_several_dates_in_order() -> None:
    text = "Am 8. Oktober 2024 und im Juni letzten Jahres, seit 2022, gestern."
    mentions = find_dates(text, FRI_18_OCT_2024)
    assert [(m.surface, iso(m), m.relative) for m in mentions] == [
        ("Am 8. Oktober 2024", "2024-10-08", False),
        ("im Juni letzten Jahres", "2023-06", True),
        ("seit 2022", "2022", False),
        ("gestern", "2024-10-17", True),
    ]


@pytest.mark.parametrize(
    ("expression", "reference", "value"),
    [
        ("im Juni letzten Jahres", "2025", "2024-06"),
        ("„im Juni letzten Jahres“", "2025", "2024-06"),
        ("  im April dieses Jahres. ", "2025", "2025-04"),
        ("Juni", "2024-10-18", "2024-06"),
        ("im Okt.", "2024-10-18", "2024-10"),
        ("18. Oktober, 2024", None, "2024-10-18"),
        ("vom 8. bis 13. Oktober", "2024-10", "2024-10-08/2024-10-13"),
        ("2024", None, "2024"),
        ("seit 2022", None, "2022"),
        ("Bis Ende Dezember", "2024-10", "2024-12"),
        ("diese Woche", "2024-10-18", "2024-10-18"),
    ],
)
def test_resolve(expression: str, reference: str | None, value: str) -> None:
    span = resolve(expression, PartialDate.parse(reference) if reference else None)
    assert span is not None and span.iso() == value


@pytest.mark.parametrize(
    ("expression", "reference"),
    [
        ("im Juni", None),
        ("diese Woche", "2024-10"),
        ("Nordkorea", "2024-10-18"),
        ("in den letzten Monaten", "2024-10-18"),
        ("im Juni unterzeichnet", "2024-10-18"),  # not one whole expression
        ("12.000", "2024-10-18"),
        ("am 31. Juni", "2024-10-18"),
        ("", "2024-10-18"),
    ],
)
def test_resolve_gives_none(expression: str, reference: str | None) -> None:
    assert resolve(expression, PartialDate.parse(reference) if reference else None) is None


SEED_DATES = {
    "000": ("2025", [
        ("im April dieses Jahres", "2025-04", True),
        ("im Juni letzten Jahres", "2024-06", True),
    ]),
    "001": ("2024-10-18", [
        ("18. Oktober, 2024", "2024-10-18", False),
        ("ab November", "2024-11", True),
        ("im Juni", "2024-06", True),
    ]),
    "002": ("2024-10-18", [
        ("diese Woche", "2024-10-18", True),
        ("im Juni", "2024-06", True),
    ]),
    "003": ("2024-10", [
        ("vom 8. bis 13. Oktober", "2024-10-08/2024-10-13", True),
        ("Bis Ende Dezember", "2024-12", True),
    ]),
    "004": ("2024-10", [
        ("im Juni", "2024-06", True),
    ]),
}


@pytest.mark.parametrize("prefix", sorted(SEED_DATES))
def test_seed_corpus(prefix: str) -> None:
    """Exactly the expected dates; vague phrases ("in den letzten Monaten") are not reported."""
    reference, expected = SEED_DATES[prefix]
    text = seed_text(prefix)
    mentions = find_dates(text, PartialDate.parse(reference))
    assert [(m.surface, iso(m), m.relative) for m in mentions] == expected
    for mention in mentions:
        assert text[mention.start:mention.end] == mention.surface
    assert all(a.end <= b.start for a, b in pairwise(mentions))


def test_seed_publication_line_span() -> None:
    (first, *_) = find_dates(seed_text("001"), None)
    assert (first.start, first.end, iso(first), first.relative) == (0, 17, "2024-10-18", False)


@pytest.mark.parametrize("text", ["gestern", "am Samstag", "im September", "im August 2024", "vorgestern", "Mitte September"])
def test_lookalike_letters_give_the_same_dates(text: str) -> None:
    """re.IGNORECASE matches ſ to s, ı to i and the Kelvin sign to k; old
    orthography and OCR output have them, and must not crash the build."""
    odd = text.translate(str.maketrans({"s": "ſ", "i": "ı", "k": "\u212a"}))
    assert odd != text
    expected = [(m.start, m.end, m.value) for m in find_dates(text, FRI_18_OCT_2024)]
    assert expected, text
    assert [(m.start, m.end, m.value) for m in find_dates(odd, FRI_18_OCT_2024)] == expected
