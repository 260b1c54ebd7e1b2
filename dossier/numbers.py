"""Find figures (counts) in German text and normalise them to integer ranges.

Claims about figures ("rund 11.000 Soldaten", "zwischen 50 und 100 Einheiten")
are compared as ranges, so every figure becomes a ``min``/``max`` pair:

* an exact figure has ``min == max``; "rund", "etwa", "ca.", "circa", "knapp",
  "fast" ... keep the value and set ``approx``;
* "mehr als"/"über"/"mindestens" N give ``min=N, max=None`` and "bis zu"/
  "höchstens"/"weniger als"/"unter" N give ``min=None, max=N``. The bound is
  taken as inclusive (``mehr als 10.000`` -> min 10000, not 10001): the
  writer's round number is the claim, and a bound is not an estimate, so
  ``approx`` stays False;
* vague plurals are fixed ranges: Dutzende 24..99, Hunderte 200..999,
  Tausende 2000.., Zehntausende 20000.., Hunderttausende 200000..,
  Millionen 2000000.., Milliarden 2000000000.. (``max=None`` is open);
  "mehrere/einige/ein paar Tausend" mean the same as "Tausende";
* compounds such as "Milliardensummen" or "Tausendstel" are not figures.

Numbers that are not counts are skipped: dates and ordinals ("8. Oktober",
"der 3."), four-digit numbers from 1900 to 2099 written without a thousands
dot (years; "2.000 Soldaten" still counts), clock times, identifiers
("BTR-80", "Su-27"), "12-jährige", and decimals that are not whole numbers
("2,5"; "1,2 Millionen" is fine). A percent sign or "Prozent" is kept in the
surface; the value is the bare number.

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

from .fold import fold

_UNIT = "(?:sieben|sechs|fünf|zwei|drei|vier|acht|neun)"
_UNIT_OR_EIN = f"(?:{_UNIT}|ein)"
_TEEN = "(?:dreizehn|vierzehn|fünfzehn|sechzehn|siebzehn|achtzehn|neunzehn|zwölf|zehn|elf)"
_TENS = "(?:zwanzig|dreißig|dreissig|vierzig|fünfzig|sechzig|siebzig|achtzig|neunzig)"
_BELOW_100 = f"(?:(?:{_UNIT_OR_EIN}und)?{_TENS}|{_TEEN}|eins|{_UNIT})"
_BELOW_1000 = rf"(?:(?:{_UNIT_OR_EIN}\s?)?hundert(?:(?:und)?{_BELOW_100})?|{_BELOW_100})"
# Thousands are written glued or with one space ("sechs Tausend").
_WITH_THOUSANDS = rf"(?:(?:{_BELOW_1000}|ein)\s?)?tausend(?:(?:und)?{_BELOW_1000})?"
_BELOW_MILLION = f"(?:{_WITH_THOUSANDS}|{_BELOW_1000})"
_MILLIONS = rf"(?:{_BELOW_MILLION}|einer?)\s+million(?:en)?"
_BILLIONS = rf"(?:{_BELOW_MILLION}|einer?)\s+milliarden?"
# After "Millionen" only a part with "tausend" continues the number, so that
# "zwei Millionen drei Jahre später" does not become 2000003.
_WORD_NUMBER = (
    rf"(?:{_BILLIONS}(?:\s+{_MILLIONS})?(?:\s+{_WITH_THOUSANDS})?"
    rf"|{_MILLIONS}(?:\s+{_WITH_THOUSANDS})?"
    rf"|{_BELOW_MILLION})"
)
_SCALE_WORD = r"(?:(?:tausend|million(?:en)?|milliarden?)(?!\w)|(?:tsd|mio|mrd)\.)"
# Digits not glued to a word or identifier ("BTR-80"), not a piece of
# "18.10.2024", "2,5" or "13:30", not a bare year and not a clock time.
# Thousands are grouped by dots or (typographic) spaces: "12.000", "50 000".
# Longer digit strings are codes, not counts.
_DIGITS = (
    r"(?<!\w)(?<!\d[.,:])"
    r"(?!(?:19|20)\d\d(?!\d|[.,:]\d))(?!0\d)"
    r"(?:\d{1,3}(?:\.\d{3}){1,5}|\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3}){1,5}|\d{1,15})(?:,\d{1,6})?"
    r"(?![.,:]\d|\w)(?!\s*uhr\b)"
)
_NUMBER_END = r"(?!-[^\W\d])"  # "12-jährige", "Zwei-Staaten-Lösung"
# A necessary condition for _WORD_NUMBER, tried first because failing its
# nested alternatives is slow and "ein", "eine", "einen" are frequent: the
# first word consists of number parts ("dreihundert"), a bare "ein" is
# followed by hundert/tausend and "eine(r)" by Million/Milliarde.
_WORD_NUMBER_START = (
    r"(?=einer?\s+milli|ein\s(?:hundert|tausend)"
    rf"|(?!ein(?!\w))(?:{_UNIT}|{_TEEN}|{_TENS}|eins|ein|hundert|tausend)"
    rf"(?:{_UNIT}|{_TEEN}|{_TENS}|eins|ein|und|hundert|tausend)*(?!\w))"
)
# After a range dash ("50-100") the second number may follow a hyphen.
_NUMBER_AFTER_DASH = (
    rf"(?:{_DIGITS}(?:\s+{_SCALE_WORD})?|(?<!\w){_WORD_NUMBER_START}{_WORD_NUMBER}(?!\w)){_NUMBER_END}"
)
_NUMBER = rf"(?<!-){_NUMBER_AFTER_DASH}"
_APPROX = r"(?:rund|etwa|ca\.|circa|zirka|ungefähr|annähernd|knapp|fast|nahezu|beinahe|schätzungsweise)"
_AT_LEAST = r"(?:mehr\s+als|über|mindestens|wenigstens)"
_AT_MOST = r"(?:bis\s+zu|höchstens|maximal|weniger\s+als|unter)"
_RANGE = (
    r"(?:(?P<between>zwischen)\s+|von\s+)?"
    rf"(?P<low>{_NUMBER}|(?<![\w-])ein(?!\w))"
    r"(?(between)\s+und\s+|(?:\s+bis\s+(?!zu\b)|\s*[–—]\s*|(?<=\d)-(?=\d)))"
    rf"(?P<high>{_NUMBER_AFTER_DASH})"
)
_VAGUE_WORD = "(?:hunderttausend|zehntausend|hundert|tausend|dutzend)"
_VAGUE = (
    rf"(?:(?:mehrere|einige|etliche|ein\s+paar)\s+(?P<some>{_VAGUE_WORD})(?:en?)?"
    rf"|(?P<plural>{_VAGUE_WORD})en?"
    r"|(?:(?:mehrere|einige|etliche)\s+)?(?P<big>million|milliard)en"
    r")(?!\w)"
)
# A necessary condition for _FIGURE: a figure starts with a digit, a qualifier
# or a stem of a number word. Most words fail it at once, so the full pattern
# is tried at few positions.
_FIGURE_START = (
    rf"(?=\d|{_APPROX}|{_AT_LEAST}|{_AT_MOST}|zwischen|von|mehrere|einige|etliche"
    r"|ein|zw|drei|vier|fünf|sech|sieb|acht|neun|zehn|elf|hundert|tausend|mill|dutzend)"
)
_FIGURE = re.compile(
    r"(?<![\w-])"
    rf"{_FIGURE_START}"
    rf"(?:(?P<approx>{_APPROX})\s+)?"
    rf"(?:{_RANGE}"
    rf"|(?:(?P<at_least>{_AT_LEAST})\s+|(?P<at_most>{_AT_MOST})\s+)?(?P<single>{_NUMBER})"
    rf"|{_VAGUE})"
    r"(?:\s?%|\s+prozent(?!\w))?",
    re.IGNORECASE,
)
_WORD_NUMBER_FULL = re.compile(rf"{_WORD_NUMBER}|eine?", re.IGNORECASE)
_WORD_TOKEN = re.compile(
    f"milliarden?|million(?:en)?|tausend|hundert|und|{_TEEN}|{_TENS}|ein(?:er|e|s)?|{_UNIT}",
    re.IGNORECASE,
)
_MANTISSA = re.compile(r"\d(?:[\d.,\u00a0\u202f\u2009 ]*\d)?")
_GROUPING = re.compile(r"[.\u00a0\u202f\u2009 ]")
_SCALE_AT_END = re.compile(r"(tausend|tsd\.|million(?:en)?|mio\.|milliarden?|mrd\.)\Z", re.IGNORECASE)
_ANY_SCALE = re.compile(r"tausend|tsd\.|million|mio\.|milliard|mrd\.", re.IGNORECASE)
# After "N." a new sentence (capital letter that is no month, a line break,
# a closing quote, or the end) means N was a plain number, not an ordinal.
_SENTENCE_END = re.compile(
    r"\.(?:\s*\Z|[^\S\n]*\n|\s*[“”\"»«)\]]"
    r"|\s+(?!(?:Jan|Jän|Feb|Mär|Apr|Mai|Jun|Jul|Aug|Sep|Okt|Nov|Dez)[a-zä]*\b)[A-ZÄÖÜ])"
)
_ORDINAL_CUE = re.compile(r"(?<!\w)(?:der|die|das|dem|den|des|am|vom|zum|im|beim|ab|bis|seit)\s+\Z", re.IGNORECASE)

_SMALL_WORDS = {
    "ein": 1, "eine": 1, "einer": 1, "eins": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5,
    "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12,
    "dreizehn": 13, "vierzehn": 14, "fünfzehn": 15, "sechzehn": 16, "siebzehn": 17,
    "achtzehn": 18, "neunzehn": 19, "zwanzig": 20, "dreißig": 30, "dreissig": 30,
    "vierzig": 40, "fünfzig": 50, "sechzig": 60, "siebzig": 70, "achtzig": 80, "neunzig": 90,
}
_VAGUE_RANGES: dict[str, tuple[int, int | None]] = {
    "dutzend": (24, 99),
    "hundert": (200, 999),
    "tausend": (2000, None),
    "zehntausend": (20_000, None),
    "hunderttausend": (200_000, None),
    "million": (2_000_000, None),
    "milliard": (2_000_000_000, None),
}


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure found in a text, with its value as an integer range."""

    start: int
    end: int
    surface: str
    min: int | None
    max: int | None
    approx: bool


def parse_number_words(s: str) -> int | None:
    """The value of a German number written in words ("sechs Tausend" -> 6000).

    None when ``s`` is not a number in words. Accepts any capitalisation and
    single spaces before "tausend" and around "Million(en)"/"Milliarde(n)".
    """
    words = " ".join(s.split())
    if not _WORD_NUMBER_FULL.fullmatch(words):
        return None
    total = group = small = 0  # done millions+, done thousands, below 1000
    for token in _WORD_TOKEN.finditer(words):
        word = fold(token.group())
        if word == "hundert":
            small = (small or 1) * 100
        elif word == "tausend":
            group += (small or 1) * 1000
            small = 0
        elif word.startswith("milliard"):
            total += (group + small or 1) * 10**9
            group = small = 0
        elif word.startswith("million"):
            total += (group + small or 1) * 10**6
            group = small = 0
        elif word != "und":
            small += _SMALL_WORDS[word]
    return total + group + small


def find_figures(text: str) -> list[Figure]:
    """All figures in ``text``, sorted and non-overlapping (longest form wins)."""
    figures = []
    for match in _FIGURE.finditer(text):
        value = _value_of(match, text)
        if value is not None:
            low, high = value
            figures.append(Figure(match.start(), match.end(), match.group(), low, high, match["approx"] is not None))
    return figures


def _value_of(match: re.Match[str], text: str) -> tuple[int | None, int | None] | None:
    """The (min, max) of a match, or None when it is no count after all."""
    if match.group()[-1].isdigit() and _is_ordinal(text, match.start(), match.end()):
        return None
    vague = match["some"] or match["plural"] or match["big"]
    if vague:
        return _VAGUE_RANGES[fold(vague)]
    if match["high"] is not None:
        high = _number(match["high"])
        low = _number(match["low"])
        scale = _SCALE_AT_END.search(match["high"])
        if scale and not _ANY_SCALE.search(match["low"]) and low * _scale(scale.group()) <= high:
            low *= _scale(scale.group())  # "zwei bis drei Millionen"
        if _whole(low) is None or _whole(high) is None or low > high:
            return None
        return _whole(low), _whole(high)
    number = _whole(_number(match["single"]))
    if number is None:
        return None
    if match["at_least"]:
        return number, None
    if match["at_most"]:
        return None, number
    return number, number


def _is_ordinal(text: str, start: int, end: int) -> bool:
    """Whether a number ending at ``end`` is "N." as in "8. Oktober" or "der 3."."""
    if text[end:end + 1] != ".":
        return False
    if _SENTENCE_END.match(text, end) is None:
        return True
    return _ORDINAL_CUE.search(text, max(0, start - 12), start) is not None


def _number(surface: str) -> Decimal:
    """The value of one number as written: digits (with a scale word) or words."""
    mantissa = _MANTISSA.match(surface)
    if mantissa is None:
        return Decimal(parse_number_words(surface) or 0)  # the regex matched words
    value = Decimal(_GROUPING.sub("", mantissa.group()).replace(",", "."))
    scale = _SCALE_AT_END.search(surface)
    return value * _scale(scale.group()) if scale else value


def _whole(value: Decimal) -> int | None:
    """The value as an int; None for "2,5", which is no count."""
    return int(value) if value == value.to_integral_value() else None


def _scale(word: str) -> int:
    """The factor of a scale word ("Millionen", "Mio.", "Tausend")."""
    word = fold(word)
    if word.startswith(("milliard", "mrd")):
        return 10**9
    if word.startswith(("million", "mio")):
        return 10**6
    return 1000
