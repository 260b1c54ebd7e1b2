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
from functools import cache
from typing import Literal

from .fold import fold
from .languages import DateRules, rules

Mode = Literal["nearest", "past", "future", "before", "after"]

_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", re.ASCII)
_LEAP_YEAR = 2000
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


@cache
def _pattern(code: str) -> tuple[re.Pattern[str], DateRules] | None:
    language = rules(code)
    if language is None:
        return None
    return re.compile(language.dates.pattern, re.IGNORECASE), language.dates


def find_dates(text: str, reference: PartialDate | None, language: str = "de") -> list[DateMention]:
    """All date expressions in ``text``, sorted and non-overlapping.

    Relative expressions are resolved against ``reference`` (the publication
    date); their value is None when it is missing or not precise enough. A
    language without rules in ``dossier.languages`` has no dates.
    """
    compiled = _pattern(language)
    if compiled is None:
        return []
    pattern, date_rules = compiled
    mentions = []
    for match in pattern.finditer(text):
        found = _interpret(_Found(match.groupdict(), date_rules, language), reference, standalone=False)
        if found is not None:
            mentions.append(DateMention(match.start(), match.end(), match.group(), *found))
    return mentions


def resolve(expression: str, reference: PartialDate | None, language: str = "de") -> DateSpan | None:
    """The value of one whole date expression (e.g. a claim's quote).

    Surrounding quotes, spaces and punctuation are ignored; a bare month
    ("Juni") counts here. None when it is not a date expression or cannot be
    resolved against ``reference``.
    """
    compiled = _pattern(language)
    if compiled is None:
        return None
    pattern, date_rules = compiled
    text = expression.strip(_QUOTES)
    match = pattern.fullmatch(text)
    if match is None and text.endswith("."):
        match = pattern.fullmatch(text[:-1])
    found = _interpret(_Found(match.groupdict(), date_rules, language), reference, standalone=True) if match else None
    return found[0] if found else None


class _Found:
    """The groups of one match and the word tables of its language.

    A language's pattern has only the groups it needs; a missing one reads
    as not matched.
    """

    def __init__(self, groups: dict[str, str | None], date_rules: DateRules, language: str) -> None:
        self.groups = groups
        self.rules = date_rules
        self.language = language

    def __getitem__(self, name: str) -> str | None:
        return self.groups.get(name)

    def month(self, name: str | None) -> int:
        return self.rules.months[fold(name or "")[:3]]

    def shift(self, word: str | None) -> int:
        """-1, 0 or +1 for "letzten", "dieses", "next" (any ending)."""
        folded = fold(word or "")
        return next(shift for stem, shift in self.rules.shifts.items() if folded.startswith(stem))


def _day(text: str | None) -> int:
    """The day of "8.", "28" or "28th"."""
    return int(re.sub(r"\D", "", text or ""))


def _interpret(match: _Found, ref: PartialDate | None, standalone: bool) -> tuple[DateSpan | None, bool] | None:
    """(value, relative) for a match, or None when it is not a date after all."""
    mode: Mode = match.rules.prep_modes.get(fold(match["prep"] or ""), "nearest")  # type: ignore[assignment]
    try:
        if match["num_day"]:
            return _single(PartialDate(int(match["num_year"] or 0), int(match["num_month"] or 0), int(match["num_day"]))), False
        if match["day1"]:
            return _range(match, ref, mode, days=True)
        if match["day"] or match["us_day"]:
            return _on_day(match, ref, mode)
        if match["month1"]:
            return _range(match, ref, mode, days=False)
    except ValueError:
        return None  # no such day: "31. Juni", "18.13.2024"
    if match["month"]:
        return _month(match, ref, mode, standalone)
    if match["year1"]:
        first, last = int(match["year1"]), int(match["year2"] or 0)
        return (DateSpan(PartialDate(first), PartialDate(last)), False) if first <= last else None
    if match["year"]:
        return _single(PartialDate(int(match["year"]))), False
    if match["year_rel"] or match["last_year"]:
        shift = match.shift(match["year_rel"]) if match["year_rel"] else -1
        return (_single(PartialDate(ref.year + shift)) if ref else None), True
    if match["month_shift"]:
        return _month_shifted(ref, match.shift(match["month_shift"])), True
    if match["ago_unit"]:
        return _ago(match, ref), True
    if match["season"] or match["season_bare"]:
        if not (match["prep"] or match["season_rel"]):
            return None  # "summer" alone is a season in general
        return _season(match, ref), True
    if match["weekday"]:
        if not (match["prep"] or match["weekday_rel"]):
            return None  # a bare "Montag" names a day of the week, not a date
        return _weekday(match, ref, mode), True
    reference_day = _as_date(ref)
    if reference_day is None:
        return None, True
    if match["week"]:
        return _from_date(reference_day), True
    if match["week_shift"]:
        shift = match.shift(match["week_shift"])
        if shift == 0:
            return _from_date(reference_day), True  # as "diese Woche": the reference day
        monday = reference_day - dt.timedelta(days=reference_day.weekday()) + dt.timedelta(weeks=shift)
        return DateSpan(_from_date(monday).start, _from_date(monday + dt.timedelta(days=6)).start), True
    back = match.rules.day_words[" ".join(fold(match["day_word"] or "").split())]
    return _from_date(reference_day - dt.timedelta(days=back)), True


def _on_day(match: _Found, ref: PartialDate | None, mode: Mode) -> tuple[DateSpan | None, bool]:
    """"18. Oktober 2024", "October 28, 2024", or "am 8. Oktober" placed by the reference."""
    if match["us_day"]:
        month, day, year = match.month(match["us_month"]), _day(match["us_day"]), match["us_year"]
    else:
        month, day, year = match.month(match["day_month"]), _day(match["day"]), match["day_year"]
    if year:
        return _single(PartialDate(int(year), month, day)), False
    PartialDate(_LEAP_YEAR, month, day)  # reject days that no year has
    if match["day_of"]:  # "June 19 last year"
        return (_single(PartialDate(ref.year + match.shift(match["day_of"]), month, day)) if ref else None), True
    date = _valid_date(_year_for(month, ref, mode), month, day)
    return (_single(date) if date else None), True


def _month(match: _Found, ref: PartialDate | None, mode: Mode, standalone: bool) -> tuple[DateSpan | None, bool] | None:
    """"Juni 2024", "im Juni", "im vergangenen Juni", "im Juni letzten Jahres", "last June"."""
    month = match.month(match["month"])
    if match["month_year"]:
        return _single(PartialDate(int(match["month_year"]), month)), False
    if not (standalone or match["prep"] or match["part"] or match["month_rel"] or match["month_of"]):
        return None  # "August" alone may be a name
    if ref is None:
        return None, True
    if match["month_of"]:
        return _single(PartialDate(ref.year + match.shift(match["month_of"]), month)), True
    if match["month_rel"]:
        mode = "before" if match.shift(match["month_rel"]) < 0 else "after"
    year = _year_for(month, ref, mode)
    return (_single(PartialDate(year, month)) if year else None), True


def _season(match: _Found, ref: PartialDate | None) -> DateSpan | None:
    """"last autumn", "this summer", "since the summer": the months of the season
    that is over (last), to come (next), under way or of this year (this), or
    under way or most recent (after a preposition alone)."""
    if ref is None or ref.month is None:
        return None
    first, last = match.rules.seasons[fold(match["season"] or match["season_bare"] or "")]
    now = ref.year * 12 + ref.month - 1
    spans = []
    for year in (ref.year - 2, ref.year - 1, ref.year, ref.year + 1):
        start = year * 12 + first - 1
        spans.append((start, start + (last - first) % 12))
    shift = match.shift(match["season_rel"]) if match["season_rel"] else None
    if shift is not None and shift < 0:
        start, end = max(s for s in spans if s[1] < now)
    elif shift is not None and shift > 0:
        start, end = min(s for s in spans if s[0] > now)
    elif shift == 0:  # this summer: the one under way, else the one of this year
        start, end = next((s for s in spans if s[0] <= now <= s[1]), None) or next(s for s in spans if s[0] // 12 == ref.year)
    else:
        start, end = max(s for s in spans if s[0] <= now)
    return DateSpan(PartialDate(start // 12, start % 12 + 1), PartialDate(end // 12, end % 12 + 1))


def _month_shifted(ref: PartialDate | None, shift: int) -> DateSpan | None:
    """"last month", "this month", "next month": the month before, of or after the reference."""
    if ref is None or ref.month is None:
        return None
    index = ref.year * 12 + ref.month - 1 + shift
    return _single(PartialDate(index // 12, index % 12 + 1))


# Counting back this far is a rough figure: the value names the month, not a day.
ROUGH_AGO = ("almost", "nearly", "about", "around", "some", "roughly", "more", "over", "fast", "rund", "etwa", "mehr", "über")


def _ago(match: _Found, ref: PartialDate | None) -> DateSpan | None:
    """"3 days ago" is a day, "two months ago" a month, "a year ago" a year; "almost 1000 days ago" the month."""
    unit = next(u for stem, u in match.rules.units.items() if fold(match["ago_unit"] or "").startswith(stem))
    count_text = match["ago_count"] or ""
    count = int(count_text) if count_text.isdigit() else _word_count(count_text, match.language)
    if count is None or ref is None:
        return None
    rough = fold(match["ago_approx"] or " ").split()[0] in ROUGH_AGO if match["ago_approx"] else False
    if unit == "year":
        return _single(PartialDate(ref.year - count)) if ref.year - count >= 1 else None
    if unit == "month":
        return _month_shifted(ref, -count)
    reference_day = _as_date(ref)
    if reference_day is None:
        return None
    try:
        day = reference_day - dt.timedelta(days=count * (7 if unit == "week" else 1))
    except OverflowError:
        return None
    if rough:
        return _single(PartialDate(day.year, day.month))
    return _from_date(day)


def _word_count(text: str, language: str) -> int | None:
    """"a", "an", "two", "twelve" as a count."""
    from .numbers import parse_number_words

    if fold(text) in ("a", "an", "ein", "einem", "einer"):
        return 1
    return parse_number_words(text, language)


def _range(match: _Found, ref: PartialDate | None, mode: Mode, days: bool) -> tuple[DateSpan | None, bool] | None:
    """Day ranges ("vom 8. bis 13. Oktober") and month ranges ("Juni bis August").

    A missing year is shared: "vom 28. Dezember bis 3. Januar 2025" starts in
    2024. Without any year the end is placed by the reference.
    """
    first_day: int | None
    last_day: int | None
    if days:
        last_month = match.month(match["day2_month"])
        first_month = match.month(match["day1_month"]) if match["day1_month"] else last_month
        first_day, last_day = _day(match["day1"]), _day(match["day2"])
        first_year, last_year = match["day1_year"], match["day2_year"]
    else:
        first_month, last_month = match.month(match["month1"]), match.month(match["month2"])
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
        end_year = int(last_year or 0)
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


def _weekday(match: _Found, ref: PartialDate | None, mode: Mode) -> DateSpan | None:
    """"am Montag" is the latest Monday on or before the reference day."""
    reference_day = _as_date(ref)
    if reference_day is None:
        return None
    if match["weekday_rel"]:
        mode = "before" if match.shift(match["weekday_rel"]) < 0 else "after"
    elif mode == "nearest":
        mode = "past"
    ahead = (match.rules.weekdays[fold(match["weekday"] or "")] - reference_day.weekday()) % 7
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
