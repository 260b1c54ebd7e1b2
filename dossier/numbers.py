"""Find figures (counts) in text and normalise them to integer ranges.

The rules of each language (digit grouping, number words, qualifiers, vague
quantities) are tables in ``dossier.languages``; this module is the scanner
they share. Claims about figures ("rund 11.000 Soldaten", "between 50 and
100 units") are compared as ranges, so every figure becomes a
``min``/``max`` pair:

* an exact figure has ``min == max``; "rund", "etwa", "about", "nearly" ...
  keep the value and set ``approx``;
* "mehr als"/"über"/"more than" N give ``min=N, max=None`` and "bis zu"/
  "weniger als"/"up to" N give ``min=None, max=N``. The bound is taken as
  inclusive (``mehr als 10.000`` -> min 10000, not 10001): the writer's
  round number is the claim, and a bound is not an estimate, so ``approx``
  stays False;
* vague plurals are fixed ranges: Dutzende/dozens 24..99, Hunderte/hundreds
  200..999, Tausende/thousands 2000.., Zehntausende 20000..,
  Hunderttausende 200000.., Millionen 2000000.., Milliarden 2000000000..
  (``max=None`` is open); "mehrere/einige Tausend", "several thousand" mean
  the same as "Tausende";
* compounds such as "Milliardensummen" or "Tausendstel" are not figures.

Digits are grouped as the language groups them: "10.000" and "1,2
Millionen" in German, "10,000" and "1.2 million" in English (so "10,000" is
ten thousand in an English text and not a figure at all in a German one:
a decimal with exactly three places is taken for digits grouped the other
way, which is no count in either reading). Groups of three separated by spaces ("50 000")
count in every language.

Numbers that are not counts are skipped: dates and ordinals ("8. Oktober",
"28 October"), four-digit numbers from 1900 to 2099 written without a
separator (years; "2.000 Soldaten" still counts), clock times, identifiers
("BTR-80", "Su-27"), "12-jährige", and decimals that are not whole numbers
("2,5"; "1,2 Millionen" is fine), and footnote markers ("[1]"). A percent sign or word is kept in the
surface; the value is the bare number. A language without rules in
``dossier.languages`` gets no figures.

Scanning is one pass of a compiled regex (leftmost match, longer forms tried
first), so the cost is linear in the text length. Lookaheads in front of the
expensive parts are necessary conditions only, so they never change a match;
they let most positions fail at once, which makes the scan an order of
magnitude faster.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from .fold import fold
from .languages import NumberRules, rules

_SPACES = "[ \u00a0\u202f\u2009]"
_FOOTNOTE = re.compile(r"\[\d{1,3}\]")


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure found in a text, with its value as an integer range."""

    start: int
    end: int
    surface: str
    min: int | None
    max: int | None
    approx: bool


@dataclass(frozen=True)
class _Scanner:
    rules: NumberRules
    figure: re.Pattern[str]
    mantissa: re.Pattern[str]
    scale_at_end: re.Pattern[str]
    any_scale: re.Pattern[str]
    grouping: re.Pattern[str]
    ambiguous: re.Pattern[str]


@cache
def _scanner(code: str) -> _Scanner | None:
    """The compiled patterns of a language; None when it has no rules."""
    language = rules(code)
    if language is None:
        return None
    r = language.numbers
    # Digits not glued to a word or identifier ("BTR-80"), not a piece of
    # "18.10.2024", "2,5" or "13:30", not a bare year and not a clock time.
    # Longer digit strings are codes, not counts.
    digits = (
        r"(?<!\w)(?<!\d[.,:])"
        r"(?!(?:19|20)\d\d(?!\d|[.,:]\d))(?!0\d)"
        rf"(?:\d{{1,3}}(?:{r.group}\d{{3}}){{1,5}}|\d{{1,3}}(?:{_SPACES}\d{{3}}){{1,5}}|\d{{1,15}})(?:{r.decimal}\d{{1,6}})?"
        rf"(?![.,:]\d|(?!(?:{r.glued_scale})(?!\w))\w){r.not_after}"
    )
    end = r"(?!-[^\W\d])"  # "12-jährige", "20-year-old", "Zwei-Staaten-Lösung"
    words = rf"(?<!\w){r.word_number_start}(?:{r.word_number})(?!\w)"
    # After a range dash ("50-100") the second number may follow a hyphen.
    after_dash = rf"(?:{digits}(?:\s+{r.scale_after_digits}|(?:{r.glued_scale})(?!\w))?|{words}){end}"
    number = rf"(?<!-){after_dash}"
    range_ = (
        rf"(?:(?P<between>{r.between})\s+|{r.range_from}\s+)?"
        rf"(?P<low>{number}|{r.range_low_extra})"
        rf"(?(between)\s+{r.range_and}\s+|(?:\s+{r.range_to}\s+|\s*[–—]\s*|(?<=\d)-(?=\d)))"
        rf"(?P<high>{after_dash})"
    )
    figure = re.compile(
        r"(?<![\w-])"
        # A figure starts with a digit, a qualifier or a stem of a number word:
        # most words fail this at once, so the full pattern is tried at few positions.
        rf"(?=\d|{r.approx}|{r.at_least}|{r.at_most}|{r.starts})"
        rf"(?:(?P<approx>{r.approx})\s+)?"
        rf"(?:{range_}"
        rf"|(?:(?P<at_least>{r.at_least})\s+|(?P<at_most>{r.at_most})\s+)?(?P<single>{number})"
        rf"|(?P<vague>{r.vague})(?!\w))"
        rf"(?:\s?%|{r.percent})?",
        re.IGNORECASE,
    )
    stems = "|".join(re.escape(stem) for stem, _ in r.scales)
    return _Scanner(
        r,
        figure,
        mantissa=re.compile(r"\d(?:[\d.,\u00a0\u202f\u2009 ]*\d)?"),
        scale_at_end=re.compile(rf"(?:{r.scale_after_digits})\Z", re.IGNORECASE),
        any_scale=re.compile(stems, re.IGNORECASE),
        grouping=re.compile(rf"{r.group}|{_SPACES}"),
        # Exactly three decimals: digits grouped the other language's way.
        ambiguous=re.compile(rf"{r.decimal}\d{{3}}\Z"),
    )


def find_figures(text: str, language: str = "de") -> list[Figure]:
    """All figures in ``text``, sorted and non-overlapping (longest form wins)."""
    scanner = _scanner(language)
    if scanner is None:
        return []
    figures = []
    for match in scanner.figure.finditer(text):
        if _FOOTNOTE.fullmatch(text, max(0, match.start() - 1), match.end() + 1):
            continue  # "verlegt.[1]": a footnote marker, no count
        value = _value_of(scanner, match, text)
        if value is not None:
            low, high = value
            figures.append(Figure(match.start(), match.end(), match.group(), low, high, match["approx"] is not None))
    return figures


def parse_number_words(s: str, language: str = "de") -> int | None:
    """The value of a number written in words ("sechs Tausend" -> 6000, "ten thousand" -> 10000).

    None when ``s`` is not a number in words. Accepts any capitalisation and
    single spaces where the language puts them.
    """
    language_rules = rules(language)
    values = language_rules.numbers.word_values(s) if language_rules else None
    return None if values is None else combine(values)


def combine(values: list[int]) -> int:
    """The number that number words stand for, given their values in order.

    Values of 100 and more are scale words: [3, 100, 50, 1000] is
    "dreihundertfünfzig Tausend" or "three hundred and fifty thousand".
    """
    total = group = small = 0  # done millions+, done thousands, below 1000
    for value in values:
        if value == 100:
            small = (small or 1) * 100
        elif value == 1000:
            group += (small or 1) * 1000
            small = 0
        elif value > 1000:
            total += (group + small or 1) * value
            group = small = 0
        else:
            small += value
    return total + group + small


def _value_of(scanner: _Scanner, match: re.Match[str], text: str) -> tuple[int | None, int | None] | None:
    """The (min, max) of a match, or None when it is no count after all."""
    r = scanner.rules
    if match.group()[-1].isdigit() and r.is_no_count(text, match.start(), match.end()):
        return None
    if match["vague"]:
        key = " ".join(fold(match["vague"]).split())
        return next((low, high) for stem, low, high in r.vague_ranges if stem in key)
    if match["high"] is not None:
        high = _number(scanner, match["high"])
        low = _number(scanner, match["low"])
        if low is None or high is None:
            return None
        scale = scanner.scale_at_end.search(match["high"])
        if scale and not scanner.any_scale.search(match["low"]) and low * _scale(r, scale.group()) <= high:
            low *= _scale(r, scale.group())  # "zwei bis drei Millionen"
        if _whole(low) is None or _whole(high) is None or low > high:
            return None
        return _whole(low), _whole(high)
    number = _whole(_number(scanner, match["single"]))
    if number is None:
        return None
    if match["at_least"]:
        return number, None
    if match["at_most"]:
        return None, number
    return number, number


def _number(scanner: _Scanner, surface: str) -> Decimal | None:
    """The value of one number as written: digits (with a scale word) or words; None if ambiguous."""
    mantissa = scanner.mantissa.match(surface)
    if mantissa is None:  # the regex matched words
        values = scanner.rules.word_values(surface)
        return Decimal(combine(values) if values else 0)
    digits = scanner.grouping.sub("", mantissa.group())
    value = Decimal(digits.replace(",", ".") if scanner.rules.decimal == "," else digits)
    scale = scanner.scale_at_end.search(surface)
    if scale:
        return value * _scale(scanner.rules, scale.group())
    if scanner.ambiguous.search(mantissa.group()):
        return None  # "10,000" in German, "10.000" in English: grouped the other way
    return value


def _whole(value: Decimal | None) -> int | None:
    """The value as an int; None for "2,5", which is no count."""
    return int(value) if value is not None and value == value.to_integral_value() else None


def _scale(r: NumberRules, word: str) -> int:
    """The factor of a scale word ("Millionen", "Mio.", "thousand")."""
    word = fold(word)
    return next(factor for stem, factor in r.scales if word.startswith(stem))
