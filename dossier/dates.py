"""Find date expressions in German text; resolve relative ones.

News text dates things relative to the day it was written ("im Juni",
"ab November", "im April dieses Jahres"), so relative expressions are
resolved against the article's publication date (the *reference*), which may
itself be known only to the year or month. Values keep the precision of the
expression: "im Juni" is a month, "2024" a year, "8. Oktober" a day.

How a month without a year is placed in time:

* "im Juni", "Ende Dezember", "am 8. Oktober": the occurrence nearest to the
  reference month (ties go to the past), so in October 2024 "im Juni" is
  2024-06 and "im November" 2024-11, and in February 2025 "im Dezember" is
  2024-12;
* "ab November", "bis (Ende) Dezember": the next occurrence on or after the
  reference month; "seit Juni": the latest one on or before it;
* "im vergangenen Juni": the latest June strictly before the reference month
  (in October 2024 that is 2024-06); "im kommenden Juni": the next one after;
* "im Juni letzten/vergangenen/vorigen Jahres": June of the reference year
  minus one; "dieses/diesen/laufenden Jahres": of the reference year.

With a reference of year precision only, a bare month falls in the reference
year, and "vergangenen/kommenden Juni" cannot be resolved (value None).
"am Montag" is the latest Monday on or before the reference day ("am
vergangenen Montag": strictly before); "heute", "gestern", "vorgestern" and
"diese Woche" (taken as the reference day) need a reference day. Vague
phrases ("in den letzten Monaten", "seit langem", "zuletzt") are not dates.
A four-digit number from 1900 to 2099 standing alone is a year.

The value is the date named; "seit 2022" and "ab November" give 2022 and
the November, not an open interval. Scanning is one pass of a compiled regex
(leftmost match, longer forms tried first), so it is linear in the text.
Lookaheads in front of it are necessary conditions only, so they never change
a match; they let most positions fail at once, which makes the scan several
times faster.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from .fold import fold

Mode = Literal["nearest", "past", "future", "before", "after"]

_MONTH = (
    r"(?:(?:januar|jänner|februar|feber|märz|maerz|april|mai|juni|juli|august"
    r"|september|oktober|november|dezember)(?!\w)"
    r"|(?:jan|jän|feb|mär|apr|jun|jul|aug|sept|sep|okt|nov|dez)\.)"
)
_YEAR = r"(?:19|20)\d\d(?!\d)"
_LONE_YEAR_START = r"(?<![\w-])(?<!\d[.,:])"
_LONE_YEAR_END = r"(?![\w-]|[.,:]\d)"
_WEEKDAY = r"(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag)(?!\w)"
_DAY = r"(?<![\d.])\d{1,2}\."
# "und" joins a range only after "zwischen"; without it "8. und 13." are two days.
_TO = r"(?(between)\s+und\s+|\s*(?:bis(?:\s+zum)?|[–—-])\s*)"
_NOT_AFTER_BETWEEN = r"(?(between)(?!))"


def _one_of(words: list[str]) -> str:
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


# Necessary conditions for _DATE, tested first because most words fail them at
# once instead of in each of its many alternatives. An expression starts with
# a lead word and a space or with its main part, and the main part starts with
# a digit, "des "/"dem " or a stem of a month, weekday or relative word.
_MAIN_STEMS = [
    *"jan jän feb mär mae apr mai jun jul aug sep okt nov dez".split(),
    *"montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag".split(),
    *"vergangen letzt vorig kommend nächst dies jahr vorjahr vorgestern gestern heute".split(),
    r"des\s", r"dem\s",
]
_LEAD_WORDS = [rf"{word}\s" for word in "zwischen am im in ab seit bis vom von anfang mitte ende".split()]
_DATE = re.compile(
    r"(?<!\w)"
    rf"(?=\d|{_one_of(_LEAD_WORDS + _MAIN_STEMS)})"
    r"(?:(?P<between>zwischen)\s+(?:dem\s+)?"
    r"|(?P<prep>am|im|in|ab|seit|bis|vom|von)(?:\s+(?:dem|zum|spätestens))?\s+)?"
    r"(?:(?P<part>anfang|mitte|ende)\s+)?"
    rf"(?=\d|{_one_of(_MAIN_STEMS)})"
    r"(?:"
    # 18.10.2024
    rf"{_NOT_AFTER_BETWEEN}(?<![\d.])(?P<num_day>\d{{1,2}})\.(?P<num_month>\d{{1,2}})\.(?P<num_year>{_YEAR})"
    # vom 8. bis 13. Oktober (2024); 28. September bis 3. Oktober
    rf"|(?P<day1>{_DAY})(?:\s*(?P<day1_month>{_MONTH}))?(?:,?\s+(?P<day1_year>{_YEAR}))?"
    rf"{_TO}(?P<day2>{_DAY})\s*(?P<day2_month>{_MONTH})(?:,?\s+(?P<day2_year>{_YEAR}))?"
    # (Freitag,) 18. Oktober(, 2024)
    rf"|{_NOT_AFTER_BETWEEN}(?:{_WEEKDAY},?\s+(?:(?:den|dem)\s+)?)?"
    rf"(?P<day>{_DAY})\s*(?P<day_month>{_MONTH})(?:,?\s+(?P<day_year>{_YEAR}))?"
    # zwischen Juni und August 2024
    rf"|(?P<month1>{_MONTH})(?:\s+(?P<month1_year>{_YEAR}))?{_TO}(?P<month2>{_MONTH})(?:,?\s+(?P<month2_year>{_YEAR}))?"
    # (im) (vergangenen) Juni (2024 | letzten Jahres)
    rf"|{_NOT_AFTER_BETWEEN}(?:(?P<month_rel>vergangenen|letzten|vorigen|kommenden|nächsten)\s+)?"
    rf"(?P<month>{_MONTH})(?:,?\s+(?P<month_year>{_YEAR})"
    r"|\s+(?:des\s+)?(?P<month_of>letzten|vergangenen|vorigen|dieses|diesen|laufenden|nächsten|kommenden)\s+jahres(?!\w))?"
    # 2022 bis 2024
    rf"|{_LONE_YEAR_START}(?P<year1>{_YEAR}){_TO}(?P<year2>{_YEAR}){_LONE_YEAR_END}"
    # (im Jahr) 2024
    rf"|{_NOT_AFTER_BETWEEN}(?:(?:dem\s+)?jahre?\s+)?{_LONE_YEAR_START}(?P<year>{_YEAR}){_LONE_YEAR_END}"
    # letztes Jahr, im vergangenen Jahr, dieses Jahr, im Vorjahr
    rf"|{_NOT_AFTER_BETWEEN}(?:des\s+)?(?:(?P<year_rel>(?:letzte|vergangene|vorige|diese|nächste|kommende)[nsm]?)"
    r"\s+jahr(?:es)?|(?P<last_year>vorjahr)(?:es)?)(?!\w)"
    rf"|{_NOT_AFTER_BETWEEN}(?P<week>diese[r]?\s+woche)(?!\w)"
    rf"|{_NOT_AFTER_BETWEEN}(?P<day_word>vorgestern|gestern|heute)(?!\w)"
    # am (vergangenen) Montag
    rf"|{_NOT_AFTER_BETWEEN}(?:(?P<weekday_rel>vergangenen|letzten|vorigen|kommenden|nächsten)\s+)?(?P<weekday>{_WEEKDAY})"
    r")",
    re.IGNORECASE,
)
_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", re.ASCII)
_MONTH_NUMBERS = {
    "jan": 1, "jän": 1, "feb": 2, "mär": 3, "mae": 3, "apr": 4, "mai": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "okt": 10, "nov": 11, "dez": 12,
}
_WEEKDAY_NUMBERS = {
    "montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3,
    "freitag": 4, "samstag": 5, "sonnabend": 5, "sonntag": 6,
}
_LEAP_YEAR = 2000
_YEAR_SHIFT = {
    "letzt": -1, "vergangen": -1, "vorig": -1,
    "dies": 0, "laufend": 0,
    "nächst": 1, "kommend": 1,
}
_QUOTES = " \t\r\n„“”\"'‚‘’«»,;:!?"


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if not 1 <= self.year <= 9999:
            raise ValueError(f"year {self.year} is out of range")
        if self.month is None:
            if self.day is not None:
                raise ValueError("a date with a day needs a month")
            return
        if not 1 <= self.month <= 12:
            raise ValueError(f"month {self.month} is out of range (1-12)")
        if self.day is not None and not 1 <= self.day <= calendar.monthrange(self.year, self.month)[1]:
            raise ValueError(f"day {self.day} is out of range for {self.year}-{self.month:02d}")

    def iso(self) -> str:
        """"2024", "2024-06" or "2024-06-19"."""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    @classmethod
    def parse(cls, s: str) -> PartialDate:
        """The inverse of ``iso()``; ValueError says what is wrong with ``s``."""
        match = _ISO.fullmatch(s) if isinstance(s, str) else None
        if match is None:
            raise ValueError(f"expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got {s!r}")
        year, month, day = match.groups()
        try:
            return cls(int(year), int(month) if month else None, int(day) if day else None)
        except ValueError as exc:
            raise ValueError(f"{s!r} is not a valid date: {exc}") from None


@dataclass(frozen=True, slots=True)
class DateSpan:
    """A resolved date value: one partial date, or an interval of two."""

    start: PartialDate
    end: PartialDate

    def iso(self) -> str:
        """"2024-06", or an ISO 8601 interval "2024-10-08/2024-10-13"."""
        if self.start == self.end:
            return self.start.iso()
        return f"{self.start.iso()}/{self.end.iso()}"


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression found in a text."""

    start: int
    end: int
    surface: str
    value: DateSpan | None
    relative: bool


def find_dates(text: str, reference: PartialDate | None) -> list[DateMention]:
    """All date expressions in ``text``, sorted and non-overlapping.

    Relative expressions are resolved against ``reference`` (the publication
    date); their value is None when it is missing or not precise enough.
    """
    mentions = []
    for match in _DATE.finditer(text):
        found = _interpret(match, reference, standalone=False)
        if found is not None:
            mentions.append(DateMention(match.start(), match.end(), match.group(), *found))
    return mentions


def resolve(expression: str, reference: PartialDate | None) -> DateSpan | None:
    """The value of one whole date expression (e.g. a claim's quote).

    Surrounding quotes, spaces and punctuation are ignored; a bare month
    ("Juni") counts here. None when it is not a date expression or cannot be
    resolved against ``reference``.
    """
    text = expression.strip(_QUOTES)
    match = _DATE.fullmatch(text)
    if match is None and text.endswith("."):
        match = _DATE.fullmatch(text[:-1])
    found = _interpret(match, reference, standalone=True) if match else None
    return found[0] if found else None


def _interpret(match: re.Match[str], ref: PartialDate | None, standalone: bool) -> tuple[DateSpan | None, bool] | None:
    """(value, relative) for a match, or None when it is not a date after all."""
    prep = fold(match["prep"] or "")
    mode: Mode = "future" if prep in ("ab", "bis") else "past" if prep == "seit" else "nearest"
    try:
        if match["num_day"]:
            return _single(PartialDate(int(match["num_year"]), int(match["num_month"]), int(match["num_day"]))), False
        if match["day1"]:
            return _range(match, ref, mode, days=True)
        if match["day"]:
            return _day(match, ref, mode)
        if match["month1"]:
            return _range(match, ref, mode, days=False)
    except ValueError:
        return None  # no such day: "31. Juni", "18.13.2024"
    if match["month"]:
        return _month(match, ref, mode, standalone)
    if match["year1"]:
        first, last = int(match["year1"]), int(match["year2"])
        return (DateSpan(PartialDate(first), PartialDate(last)), False) if first <= last else None
    if match["year"]:
        return _single(PartialDate(int(match["year"]))), False
    if match["year_rel"] or match["last_year"]:
        shift = _year_shift(match["year_rel"]) if match["year_rel"] else -1
        return (_single(PartialDate(ref.year + shift)) if ref else None), True
    if match["weekday"]:
        if not (prep or match["weekday_rel"]):
            return None  # a bare "Montag" names a day of the week, not a date
        return _weekday(match, ref, mode), True
    reference_day = _as_date(ref)
    if reference_day is None:
        return None, True
    if match["week"]:
        return _from_date(reference_day), True
    back = {"heute": 0, "gestern": 1, "vorgestern": 2}[fold(match["day_word"])]
    return _from_date(reference_day - dt.timedelta(days=back)), True


def _day(match: re.Match[str], ref: PartialDate | None, mode: Mode) -> tuple[DateSpan | None, bool]:
    """"18. Oktober 2024", or "am 8. Oktober" placed by the reference."""
    month, day = _month_number(match["day_month"]), int(match["day"][:-1])
    if match["day_year"]:
        return _single(PartialDate(int(match["day_year"]), month, day)), False
    PartialDate(_LEAP_YEAR, month, day)  # reject days that no year has
    date = _valid_date(_year_for(month, ref, mode), month, day)
    return (_single(date) if date else None), True


def _month(match: re.Match[str], ref: PartialDate | None, mode: Mode, standalone: bool) -> tuple[DateSpan | None, bool] | None:
    """"Juni 2024", "im Juni", "im vergangenen Juni", "im Juni letzten Jahres"."""
    month = _month_number(match["month"])
    if match["month_year"]:
        return _single(PartialDate(int(match["month_year"]), month)), False
    if not (standalone or match["prep"] or match["part"] or match["month_rel"] or match["month_of"]):
        return None  # "August" alone may be a name
    if ref is None:
        return None, True
    if match["month_of"]:
        return _single(PartialDate(ref.year + _year_shift(match["month_of"]), month)), True
    if match["month_rel"]:
        mode = "before" if _year_shift(match["month_rel"]) < 0 else "after"
    year = _year_for(month, ref, mode)
    return (_single(PartialDate(year, month)) if year else None), True


def _range(match: re.Match[str], ref: PartialDate | None, mode: Mode, days: bool) -> tuple[DateSpan | None, bool] | None:
    """Day ranges ("vom 8. bis 13. Oktober") and month ranges ("Juni bis August").

    A missing year is shared: "vom 28. Dezember bis 3. Januar 2025" starts in
    2024. Without any year the end is placed by the reference.
    """
    if days:
        last_month = _month_number(match["day2_month"])
        first_month = _month_number(match["day1_month"]) if match["day1_month"] else last_month
        first_day, last_day = int(match["day1"][:-1]), int(match["day2"][:-1])
        first_year, last_year = match["day1_year"], match["day2_year"]
    else:
        first_month, last_month = _month_number(match["month1"]), _month_number(match["month2"])
        first_day = last_day = None
        first_year, last_year = match["month1_year"], match["month2_year"]
    wraps = int((first_month, first_day or 0) > (last_month, last_day or 0))
    relative = first_year is None and last_year is None
    if relative:
        PartialDate(_LEAP_YEAR, first_month, first_day)  # reject days that no year has
        PartialDate(_LEAP_YEAR, last_month, last_day)
        end_year = _year_for(last_month, ref, mode)
        if end_year is None:
            return None, True
        start_year = end_year - wraps
    elif first_year is None:
        end_year = int(last_year)
        start_year = end_year - wraps
    else:
        start_year = int(first_year)
        end_year = int(last_year) if last_year else start_year + wraps
    start = _valid_date(start_year, first_month, first_day)
    end = _valid_date(end_year, last_month, last_day)
    if start is None or end is None:
        if relative:
            return None, True  # "29. Februar" placed in a year without one
        raise ValueError("no such day")
    if (start_year, first_month, first_day or 0) > (end_year, last_month, last_day or 0):
        return None
    return DateSpan(start, end), relative


def _weekday(match: re.Match[str], ref: PartialDate | None, mode: Mode) -> DateSpan | None:
    """"am Montag" is the latest Monday on or before the reference day."""
    reference_day = _as_date(ref)
    if reference_day is None:
        return None
    if match["weekday_rel"]:
        mode = "before" if _year_shift(match["weekday_rel"]) < 0 else "after"
    elif mode == "nearest":
        mode = "past"
    ahead = (_WEEKDAY_NUMBERS[fold(match["weekday"])] - reference_day.weekday()) % 7
    offset = {
        "past": -((7 - ahead) % 7),
        "before": -(7 - ahead) if ahead else -7,
        "future": ahead,
        "after": ahead or 7,
    }[mode]
    return _from_date(reference_day + dt.timedelta(days=offset))


def _year_for(month: int, ref: PartialDate | None, mode: Mode) -> int | None:
    """The year of a month named without one, placed relative to ``ref``."""
    if ref is None:
        return None
    if ref.month is None:
        return ref.year if mode in ("nearest", "past", "future") else None
    diff = month - ref.month
    if mode == "nearest":
        mode = "future" if diff % 12 < -diff % 12 else "past"  # ties go to the past
    if mode == "past":
        return ref.year if diff <= 0 else ref.year - 1
    if mode == "before":
        return ref.year if diff < 0 else ref.year - 1
    if mode == "future":
        return ref.year if diff >= 0 else ref.year + 1
    return ref.year if diff > 0 else ref.year + 1


def _year_shift(word: str) -> int:
    """-1, 0 or +1 for "letzten", "dieses", "kommenden" (any ending)."""
    word = fold(word)
    return next(shift for stem, shift in _YEAR_SHIFT.items() if word.startswith(stem))


def _month_number(name: str) -> int:
    return _MONTH_NUMBERS[fold(name)[:3]]


def _valid_date(year: int | None, month: int, day: int | None) -> PartialDate | None:
    """The date, or None when the year is unknown or lacks the day (29 February)."""
    if year is None or (day is not None and day > calendar.monthrange(year, month)[1]):
        return None
    return PartialDate(year, month, day)


def _single(date: PartialDate) -> DateSpan:
    return DateSpan(date, date)


def _as_date(ref: PartialDate | None) -> dt.date | None:
    """The reference as a day, when it is known to the day."""
    if ref is None or ref.month is None or ref.day is None:
        return None
    return dt.date(ref.year, ref.month, ref.day)


def _from_date(date: dt.date) -> DateSpan:
    return _single(PartialDate(date.year, date.month, date.day))
