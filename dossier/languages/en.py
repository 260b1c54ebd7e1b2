"""English: figures ("10,000", "1.2 million", "$5.5bn", "ten thousand", "thousands") and dates
("on 28 October", "October 28, 2024", "June 19 last year", "last autumn", "next year", "almost 1000 days ago")."""

from __future__ import annotations

import re

from ..fold import fold
from . import DateRules, Language, NumberRules, one_of

_UNIT = "(?:one|two|three|four|five|six|seven|eight|nine)"
_TEEN = "(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_TENS = "(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_BELOW_100 = rf"(?:{_TENS}(?:[-\s]{_UNIT})?|{_TEEN}|{_UNIT})(?!\w)"
_BELOW_1000 = rf"(?:(?:{_UNIT}|a)\s+hundred(?:\s+(?:and\s+)?{_BELOW_100})?|{_BELOW_100})"
_WITH_THOUSANDS = rf"(?:{_BELOW_1000}|a)\s+thousand(?:\s+(?:and\s+)?{_BELOW_1000})?"
_BELOW_MILLION = f"(?:{_WITH_THOUSANDS}|{_BELOW_1000})"
_MILLIONS = rf"(?:{_BELOW_MILLION}|a)\s+million"
_BILLIONS = rf"(?:{_BELOW_MILLION}|a)\s+billion"
# As in German, after "million" only a part with "thousand" continues the
# number: "two million three years later" is not 2000003.
_WORD_NUMBER = (
    rf"(?:{_BILLIONS}(?:\s+{_MILLIONS})?(?:\s+{_WITH_THOUSANDS})?"
    rf"|{_MILLIONS}(?:\s+{_WITH_THOUSANDS})?"
    rf"|{_BELOW_MILLION})"
)
_SCALE = r"(?:hundred|thousand|million|billion)(?!\w)"
# "a" and a bare "one" ("one of them", "no one") are no figures; "a hundred",
# "one million" are.
_WORD_NUMBER_START = rf"(?=(?:a|one)\s+{_SCALE}|(?!one(?!\w))(?:{_TENS}|{_TEEN}|{_UNIT})(?![^\W_]))"
_WORD_NUMBER_FULL = re.compile(_WORD_NUMBER, re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+")
_VALUES = {
    "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9,
}


def word_values(s: str) -> list[int] | None:
    """"two hundred and fifty thousand" -> [2, 100, 50, 1000]; None when not a number in words."""
    if not _WORD_NUMBER_FULL.fullmatch(" ".join(s.split())):
        return None
    return [_VALUES[word] for word in map(fold, _WORD.findall(s)) if word != "and"]


_MONTH = (
    r"(?:(?:january|february|march|april|may|june|july|august|september|october|november|december)(?!\w)"
    r"|(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.)"
)
_MONTH_AFTER = re.compile(rf"\s+(?:of\s+)?{_MONTH}", re.IGNORECASE)
_MONTH_BEFORE = re.compile(rf"(?<!\w)(?:{_MONTH}\s+(?:the\s+)?|(?-i:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\s+)\Z",
                           re.IGNORECASE)


def is_day(text: str, start: int, end: int) -> bool:
    """Whether the digits are the day of a date: "28 October", "October 28"."""
    return bool(_MONTH_AFTER.match(text, end) or _MONTH_BEFORE.search(text, max(0, start - 16), start))


# --- dates --------------------------------------------------------------------
# "May" and "March" are also a verb: as month names they must be capitalised.
# Wire datelines abbreviate without a period ("SEOUL, Jan 13"): then capitalised and before a number.
_BARE_ABBREVIATION = r"(?-i:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
_DATE_MONTH = (
    r"(?:(?:january|february|(?-i:March|MARCH)|april|(?-i:May|MAY)|june|july|august|september|october|november|december)(?!\w)"
    rf"|(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.|{_BARE_ABBREVIATION}(?=\s+\d))"
)
_YEAR = r"(?:19|20)\d\d(?!\d)"
_LONE_YEAR_START = r"(?<![\w-])(?<!\d[.,:])"
_LONE_YEAR_END = r"(?![\w-]|[.,:]\d)"
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?!\w)"
_DAY = r"(?<![\d.,])(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
_OF_MONTH = rf"\s+(?:of\s+)?{_DATE_MONTH}"
# "and" joins a range only after "between".
_TO = r"(?(between)\s+and\s+|\s*(?:to|until|till|through|[–—-])\s*)"
_NOT_AFTER_BETWEEN = r"(?(between)(?!))"
_REL = r"(?:last|next|this|previous|coming)"
_COUNT = rf"(?:\d{{1,5}}|an?|{_TENS}(?:[-\s]{_UNIT})?|{_TEEN}|{_UNIT})"

_MAIN_STEMS = [
    *"jan feb mar apr may jun jul aug sep oct nov dec".split(),
    *"monday tuesday wednesday thursday friday saturday sunday".split(),
    *"last next this previous coming following yesterday today tomorrow the".split(),
    *"spring summer autumn winter".split(),
    *"almost nearly about around some roughly more over a an".split(),
    *"one two three four five six seven eight nine ten eleven twelve thir four fif six seven eigh nine twen".split(),
]
_LEAD_WORDS = [rf"{word}\s" for word in "between on in since until till by from during early mid late the beginning start middle end".split()]
_DATE = (
    r"(?<!\w)"
    rf"(?=\d|{one_of(_LEAD_WORDS + _MAIN_STEMS + ['mid-'])})"
    r"(?:(?P<between>between)\s+(?:the\s+)?"
    r"|(?P<prep>on|in|since|until|till|by|from|during)(?:\s+the)?\s+)?"
    r"(?:(?P<part>early|mid|late|(?:the\s+)?(?:beginning|start|middle|end)\s+of)(?:\s+|-))?"
    r"(?:"
    # 2024-10-28
    rf"{_NOT_AFTER_BETWEEN}(?<![\d-])(?P<num_year>{_YEAR})-(?P<num_month>[01]\d)-(?P<num_day>[0-3]\d)(?![\d-])"
    # (from) 8 to 13 October (2024); 28 September to 3 October
    rf"|(?P<day1>{_DAY})(?:\s+(?:of\s+)?(?P<day1_month>{_DATE_MONTH}))?(?:,?\s+(?P<day1_year>{_YEAR}))?"
    rf"{_TO}(?P<day2>{_DAY})\s+(?:of\s+)?(?P<day2_month>{_DATE_MONTH})(?:,?\s+(?P<day2_year>{_YEAR}))?"
    # (Monday,) 28 October (2024); (Monday,) October 28(, 2024)
    rf"|{_NOT_AFTER_BETWEEN}(?:{_WEEKDAY},?\s+(?:the\s+)?)?"
    rf"(?:(?P<day>{_DAY})\s+(?:of\s+)?(?P<day_month>{_DATE_MONTH})(?:,?\s+(?P<day_year>{_YEAR}))?"
    rf"|(?P<us_month>{_DATE_MONTH})\s+(?P<us_day>{_DAY})(?:,?\s+(?P<us_year>{_YEAR}))?(?!,?\s*\d))"
    r"(?:\s+(?:of\s+)?(?P<day_of>last|this|next)\s+year(?!\w))?"
    # between June and August 2024
    rf"|(?P<month1>{_DATE_MONTH})(?:\s+(?P<month1_year>{_YEAR}))?{_TO}(?P<month2>{_DATE_MONTH})(?:,?\s+(?P<month2_year>{_YEAR}))?"
    # (in) (last) June (2024 | of last year)
    rf"|{_NOT_AFTER_BETWEEN}(?:(?P<month_rel>{_REL})\s+)?"
    rf"(?P<month>{_DATE_MONTH})(?:,?\s+(?P<month_year>{_YEAR})"
    r"|\s+(?:of\s+)?(?P<month_of>last|this|next)\s+year(?!\w))?"
    # 2022 to 2024
    rf"|{_LONE_YEAR_START}(?P<year1>{_YEAR}){_TO}(?P<year2>{_YEAR}){_LONE_YEAR_END}"
    # (in the year) 2024
    rf"|{_NOT_AFTER_BETWEEN}(?:the\s+year\s+)?{_LONE_YEAR_START}(?P<year>{_YEAR}){_LONE_YEAR_END}"
    # last year, next year, this year, the previous year
    rf"|{_NOT_AFTER_BETWEEN}(?:the\s+)?(?P<year_rel>{_REL}|following)\s+year(?!\w)"
    rf"|{_NOT_AFTER_BETWEEN}(?:the\s+)?(?P<month_shift>{_REL}|following)\s+month(?!\w)"
    rf"|{_NOT_AFTER_BETWEEN}(?:the\s+)?(?P<week_shift>{_REL}|following)\s+week(?!\w)"
    rf"|{_NOT_AFTER_BETWEEN}(?P<day_word>the\s+day\s+before\s+yesterday|yesterday|today|tomorrow)(?!\w)"
    # (almost) 1000 days ago, two years ago, a week ago
    rf"|{_NOT_AFTER_BETWEEN}(?:(?P<ago_approx>almost|nearly|about|around|some|roughly|more\s+than|over)\s+)?"
    rf"(?P<ago_count>{_COUNT})\s+(?P<ago_unit>days?|weeks?|months?|years?)\s+ago(?!\w)"
    # last autumn, this summer, since the summer ("fall" only after last/this/next: it is a verb too)
    rf"|{_NOT_AFTER_BETWEEN}(?:(?P<season_rel>{_REL})\s+(?P<season>spring|summer|autumn|fall|winter)"
    r"|(?<=\s)(?:the\s+)?(?P<season_bare>spring|summer|autumn|winter))(?!\w)"
    # (on) (last) Monday
    rf"|{_NOT_AFTER_BETWEEN}(?:(?P<weekday_rel>{_REL})\s+)?(?P<weekday>{_WEEKDAY})"
    r")"
)


LANGUAGE = Language(
    code="en",
    name="English",
    numbers=NumberRules(
        group=",",
        decimal=r"\.",
        approx=(
            r"(?:about|around|approximately|roughly|nearly|almost|some|an\s+estimated|estimated"
            r"|close\s+to|just\s+under|just\s+over|circa|ca\.|c\.)"
        ),
        at_least=r"(?:more\s+than|over|at\s+least|upwards\s+of|in\s+excess\s+of)",
        at_most=r"(?:up\s+to|as\s+many\s+as|as\s+much\s+as|at\s+most|fewer\s+than|less\s+than|no\s+more\s+than|under|below)",
        between="between",
        range_and="and",
        range_from="from",
        range_to="to",
        scale_after_digits=r"(?:thousand|million|billion|bn)(?!\w)",
        scales=(("billion", 10**9), ("million", 10**6), ("thousand", 1000), ("bn", 10**9)),
        word_number=_WORD_NUMBER,
        word_number_start=_WORD_NUMBER_START,
        word_values=word_values,
        range_low_extra="(?!)",
        vague=(
            r"(?:hundreds|tens)\s+of\s+(?:thousands|millions)"
            r"|(?:several|a\s+few|some)\s+(?:dozen|hundred|thousand|million|billion)(?!\w)"
            r"|(?:dozens|hundreds|thousands|millions|billions)"
        ),
        vague_ranges=(
            ("hundreds of millions", 200_000_000, None),
            ("tens of millions", 20_000_000, None),
            ("hundreds of thousands", 200_000, None),
            ("tens of thousands", 20_000, None),
            ("billion", 2_000_000_000, None),
            ("million", 2_000_000, None),
            ("thousand", 2000, None),
            ("hundred", 200, 999),
            ("dozen", 24, 99),
        ),
        percent=r"\s*per\s?cent(?!\w)|\s+percent(?!\w)",
        not_after=r"(?!\s*(?:[ap]\.m\.|[ap]m(?!\w)|gmt|utc))",
        starts=(
            r"between|from|several|a|some|dozens|hundreds|thousands|millions|billions|tens"
            r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
            r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty"
            r"|seventy|eighty|ninety"
        ),
        is_no_count=is_day,
        glued_scale="bn",
    ),
    byline=r"By\s+[^\W\d]",
    stopwords=frozenset(
        "the and of to is was were not with from that this for on at by are has have had which who as it be been their would".split()
    ),
    dates=DateRules(
        pattern=_DATE,
        months={
            "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
            "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
        },
        weekdays={
            "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3,
            "friday": 4, "saturday": 5, "sunday": 6,
        },
        prep_modes={"from": "future", "until": "future", "till": "future", "by": "future", "since": "past"},
        shifts={"last": -1, "previous": -1, "this": 0, "next": 1, "coming": 1, "following": 1},
        day_words={"today": 0, "yesterday": 1, "the day before yesterday": 2, "tomorrow": -1},
        units={"day": "day", "week": "week", "month": "month", "year": "year"},
        seasons={"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)},
    ),
)
