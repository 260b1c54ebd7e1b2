"""The language rules of figures and dates: one module per language.

An article's ``language`` ("de", "en"; a regional tag such as "en-GB" takes
its language's rules) picks the rules
the figure and date scanners use: digit grouping and decimal separator,
number words, qualifiers ("rund", "about"), vague quantities ("Tausende",
"thousands"), month and weekday names and relative phrases ("im Juni
letzten Jahres", "next year"). The scanners in ``numbers`` and ``dates`` are
shared; a language only fills in the tables below.

Adding a language: copy ``en.py`` to ``<code>.py``, translate its tables
and stopwords, add the module to ``_all`` and a row to ``SAMPLES`` in
tests/test_languages.py (which fails until every supported language has
one). A language without a module gets no figures and no dates, so nothing
is misread; ``supported()`` lists the codes with rules.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache


@dataclass(frozen=True)
class NumberRules:
    """How figures are written in one language; regex fragments are matched ignoring case.

    Each alternation lists longer forms first where one is a prefix of another.
    """

    group: str  # thousands separator between digit groups, besides spaces: r"\." or ","
    decimal: str  # decimal separator: "," or r"\."
    approx: str  # words that make a figure approximate: "rund", "about"
    at_least: str  # "mehr als", "more than"
    at_most: str  # "bis zu", "up to"
    between: str  # "zwischen" ... and ... ; ``range_and`` joins the two numbers
    range_and: str
    range_from: str  # "von" / "from" ... ``range_to`` ...
    range_to: str
    scale_after_digits: str  # a scale word after digits: "Millionen", "Mio.", "million"
    scales: tuple[tuple[str, int], ...]  # folded stem of a scale word -> factor, longest first
    word_number: str  # a whole number in words ("sechs Tausend", "ten thousand")
    word_number_start: str  # lookahead, a necessary condition of ``word_number`` (speed)
    word_values: Callable[[str], list[int] | None]  # number words as values in order (see numbers.combine)
    range_low_extra: str  # what may open a range besides a number ("ein" bis zwei)
    vague: str  # vague quantities ("Tausende", "hundreds of thousands")
    vague_ranges: tuple[tuple[str, int, int | None], ...]  # folded key in the match -> (min, max), longest first
    percent: str  # after a figure: r"\s+prozent(?!\w)"
    not_after: str  # negative lookahead after digits: clock times ("13 Uhr", "9 am")
    starts: str  # what else a figure may start with, besides a digit and the qualifiers (speed)
    is_no_count: Callable[[str, int, int], bool]  # the digits at text[start:end] are a day or an ordinal
    glued_scale: str = "(?!)"  # a scale written onto the digits: "5.5bn" (also in ``scale_after_digits``)


@dataclass(frozen=True)
class DateRules:
    """How dates are written in one language.

    ``pattern`` is one regex (matched ignoring case) whose named groups the
    shared interpreter in ``dates`` reads; a language uses the groups it
    needs (see de.py and en.py for every group and what it means).
    """

    pattern: str
    months: dict[str, int]  # first three folded letters of a month name -> 1..12
    weekdays: dict[str, int]  # folded weekday -> 0 (Monday) .. 6
    prep_modes: dict[str, str]  # folded preposition -> how a bare month is placed: "future" (ab, until), "past" (seit, since)
    shifts: dict[str, int]  # folded stem of a relative word -> -1 (letzten, last), 0 (dieses, this), +1 (nächsten, next)
    day_words: dict[str, int]  # folded "gestern"/"yesterday" (spaces single) -> days before the reference
    units: dict[str, str]  # folded stem of a unit in "N days ago" -> "day", "week", "month" or "year"
    #: folded season word -> its first and last month ("autumn": (9, 11); winter runs into the next year: (12, 2))
    seasons: dict[str, tuple[int, int]] = field(default_factory=dict)


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    numbers: NumberRules
    dates: DateRules
    stopwords: frozenset[str]  # the commonest short words, for ``detect``
    byline: str = "(?!)"  # how a byline opens ("By ", "Von "): such a head line is offered as noise


def one_of(words: list[str]) -> str:
    """An alternation of ``words`` grouped by their (lower-case) first letter.

    re tries alternatives one by one; here a word starting with none of the
    letters fails at one character class, and any other after one test per
    first letter instead of one per word. Only for lookaheads, where any match
    will do: the grouping changes which alternative is tried first.
    """
    by_first: dict[str, list[str]] = {}
    for word in words:
        by_first.setdefault(word[0], []).append(word[1:])
    groups = "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in by_first.items())
    return f"(?=[{''.join(by_first)}])(?:{groups})"


@cache
def _all() -> dict[str, Language]:
    """Every language with rules, by code (imported on first use: the modules import this one)."""
    from . import de, en

    return {module.LANGUAGE.code: module.LANGUAGE for module in (de, en)}


def supported() -> list[str]:
    """Codes of the languages with full rules."""
    return sorted(_all())


# Assumed for a new article whose language ``detect`` cannot tell (the site's language).
DEFAULT = "de"

# A text is taken to be in a language when its stopwords are at least this
# many and this share of all stopwords found: "Speech" or a list of names
# says nothing, and a text where two languages come close is left to a person.
MIN_STOPWORDS = 3
MIN_SHARE = 0.75
_WORD = re.compile(r"[^\W\d_]+")


def detect(text: str) -> tuple[str | None, dict[str, int]]:
    """The supported language a text is written in, and the stopword count per language.

    None when no supported language is clear. Counting each language's
    commonest words tells the supported languages apart without a model: on
    the seeds and two English texts it is as right as py3langid and lingua
    (8 of 8), takes about a millisecond per article and no memory to speak
    of (py3langid: 130 MB, lingua: 900 MB and 14 s); on a headline alone it
    abstains where they sometimes guess wrong.
    """
    counts = dict.fromkeys(_all(), 0)
    languages_of = _stopwords()
    for word in _WORD.findall(text.lower()):
        for code in languages_of.get(word, ()):
            counts[code] += 1
    best = max(counts, key=lambda code: counts[code]) if counts else None
    total = sum(counts.values())
    if best is None or counts[best] < MIN_STOPWORDS or counts[best] < MIN_SHARE * total:
        return None, counts
    return best, counts


@cache
def _stopwords() -> dict[str, tuple[str, ...]]:
    """Stopword -> the languages it is one of."""
    found: dict[str, tuple[str, ...]] = {}
    for code, language in _all().items():
        for word in language.stopwords:
            found[word] = (*found.get(word, ()), code)
    return found


def rules(code: str) -> Language | None:
    """The rules for a BCP 47 code ("en-GB" -> en); None when the language has none."""
    return _all().get(code.split("-")[0].lower())


# A BCP 47 tag as the article schema accepts it (language, script, region, up to two variants).
TAG = re.compile(r"[a-z]{2,3}(-[A-Z][a-z]{3})?(-(?:[A-Z]{2}|[0-9]{3}))?(-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3})){0,2}")


def is_tag(text: str) -> bool:
    """Whether ``text`` is a tag the schema accepts: such a tag is safe in an HTML attribute as it is."""
    return TAG.fullmatch(text) is not None


def canonical_tag(text: str) -> str:
    """``text`` in the case BCP 47 recommends ("EN-gb" -> "en-GB"), or "" when it is no tag at all."""
    parts = text.strip().replace("_", "-").split("-")
    if not re.fullmatch(r"[A-Za-z]{2,3}", parts[0]):
        return ""
    out = [parts[0].lower()]
    for part in parts[1:]:
        if re.fullmatch(r"[A-Za-z]{4}", part) and len(out) == 1:
            out.append(part.title())
        elif re.fullmatch(r"[A-Za-z]{2}|[0-9]{3}", part):
            out.append(part.upper())
        elif re.fullmatch(r"[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}", part):
            out.append(part.lower())
        else:
            return ""
    return "-".join(out)


def tag_hint(text: str) -> str:
    """How to write a language tag, with the likely intended one when ``text`` is a miswritten tag."""
    tag = canonical_tag(text[:40])
    known = ", ".join(supported())
    return (f"did you mean '{tag}'? " if tag and tag != text else "") + (
        "write a BCP 47 tag: the language code, optionally a script and a region, "
        f"e.g. de, en, en-GB, de-CH, pt-BR, zh-Hant (languages with rules for figures and dates: {known})")
