"""Wire copy as a newcomer pastes it: an inline dateline, a byline, "Jan 13", "in der vergangenen Woche"."""

from __future__ import annotations

import yaml

from dossier.dates import PartialDate, find_dates
from dossier.numbers import find_figures
from dossier.suggest import detect_published, detect_title, scaffold

WIRE = (
    "North Korean troops suffer heavy losses in Kursk, Seoul says\n"
    "By Staff Reporter\n"
    "SEOUL, Jan 13, 2025 – North Korean soldiers have suffered about 3,000 casualties, the NIS said.\n"
)


def hides(text: str, language: str) -> list[tuple[str, str]]:
    made = scaffold("a.txt", text, [], [], language)
    return [(h["quote"], h["reason"]) for h in yaml.safe_load(made.text).get("hide", [])]


def test_a_dateline_that_opens_the_first_paragraph_dates_the_article_and_is_offered_as_noise():
    iso, basis = detect_published(WIRE, "en")
    assert iso == "2025-01-13" and "SEOUL, Jan 13, 2025" in basis
    assert ("SEOUL, Jan 13, 2025 –", "dateline") in hides(WIRE, "en")  # with its dash: the paragraph starts after it


def test_a_byline_is_offered_as_noise_and_never_taken_for_the_headline():
    assert ("By Staff Reporter", "byline") in hides(WIRE, "en")
    flipped = "By Staff Reporter\n" + WIRE.replace("By Staff Reporter\n", "")
    assert detect_title(flipped, "en") == WIRE.splitlines()[0]
    german = "Von Anna Beispiel\nNordkorea schickt weitere Soldaten nach Russland\nText.\n"
    assert ("Von Anna Beispiel", "byline") in hides(german, "de")


def test_a_sentence_starting_like_a_byline_is_no_byline():
    text = "Headline of the wire report here\nBy the end of the week, troops had left the area entirely and more.\n"
    assert all(reason != "byline" for _, reason in hides(text, "en"))


def test_an_abbreviated_month_without_a_period_before_a_day():
    found = [(d.surface, d.value.iso()) for d in find_dates("SEOUL, Jan 13, 2025 – troops", None, "en")]
    assert found == [("Jan 13, 2025", "2025-01-13")]
    assert find_figures("SEOUL, Jan 13 – troops", "en") == []  # the day, not a figure
    assert find_dates("Jan said 13 men came, as did Jan's brother", PartialDate(2025, 3, 1), "en") == []


def test_last_and_next_week_in_german():
    friday = PartialDate(2025, 2, 7)
    found = [(d.surface, d.value.iso()) for d in find_dates(
        "Sie kamen in der vergangenen Woche; nächste Woche folgen mehr.", friday, "de")]
    assert found == [("in der vergangenen Woche", "2025-01-27/2025-02-02"), ("nächste Woche", "2025-02-10/2025-02-16")]
