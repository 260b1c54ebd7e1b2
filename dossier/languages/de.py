"""German: figures ("12.000", "1,2 Millionen", "sechs Tausend", "Tausende") and dates
("am 8. Oktober", "im Juni letzten Jahres", "vorgestern")."""

from __future__ import annotations

import re

from ..fold import fold
from . import DateRules, Language, NumberRules, one_of

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
# The first word consists of number parts ("dreihundert"), a bare "ein" is
# followed by hundert/tausend and "eine(r)" by Million/Milliarde: the
# article "ein" alone is no figure.
_WORD_NUMBER_START = (
    r"(?=einer?\s+milli|ein\s(?:hundert|tausend)"
    rf"|(?!ein(?!\w))(?:{_UNIT}|{_TEEN}|{_TENS}|eins|ein|hundert|tausend)"
    rf"(?:{_UNIT}|{_TEEN}|{_TENS}|eins|ein|und|hundert|tausend)*(?!\w))"
)
_WORD_NUMBER_FULL = re.compile(rf"{_WORD_NUMBER}|eine?", re.IGNORECASE)
_WORD_TOKEN = re.compile(
    f"milliarden?|million(?:en)?|tausend|hundert|und|{_TEEN}|{_TENS}|ein(?:er|e|s)?|{_UNIT}",
    re.IGNORECASE,
)
_SMALL_WORDS = {
    "ein": 1, "eine": 1, "einer": 1, "eins": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5,
    "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12,
    "dreizehn": 13, "vierzehn": 14, "fünfzehn": 15, "sechzehn": 16, "siebzehn": 17,
    "achtzehn": 18, "neunzehn": 19, "zwanzig": 20, "dreißig": 30, "dreissig": 30,
    "vierzig": 40, "fünfzig": 50, "sechzig": 60, "siebzig": 70, "achtzig": 80, "neunzig": 90,
}
_SCALES = (("milliard", 10**9), ("million", 10**6), ("tausend", 1000), ("hundert", 100))


def word_values(s: str) -> list[int] | None:
    """"dreihundertfünfzig Tausend" -> [3, 100, 50, 1000]; None when not a number in words."""
    words = " ".join(s.split())
    if not _WORD_NUMBER_FULL.fullmatch(words):
        return None
    values = []
    for token in _WORD_TOKEN.finditer(words):
        word = fold(token.group())
        if word == "und":
            continue
        values.append(next((f for stem, f in _SCALES if word.startswith(stem)), None) or _SMALL_WORDS[word])
    return values


# After "N." a new sentence (capital letter that is no month, a line break,
# a closing quote, or the end) means N was a plain number, not an ordinal.
_SENTENCE_END = re.compile(
    r"\.(?:\s*\Z|[^\S\n]*\n|\s*[“”\"»«)\]]"
    r"|\s+(?!(?:Jan|Jän|Feb|Mär|Apr|Mai|Jun|Jul|Aug|Sep|Okt|Nov|Dez)[a-zä]*\b)[A-ZÄÖÜ])"
)
_ORDINAL_CUE = re.compile(r"(?<!\w)(?:der|die|das|dem|den|des|am|vom|zum|im|beim|ab|bis|seit)\s+\Z", re.IGNORECASE)


def is_ordinal(text: str, start: int, end: int) -> bool:
    """Whether a number ending at ``end`` is "N." as in "8. Oktober" or "der 3."."""
    if text[end:end + 1] != ".":
        return False
    if _SENTENCE_END.match(text, end) is None:
        return True
    return _ORDINAL_CUE.search(text, max(0, start - 12), start) is not None


_DATE_MONTH = (
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


# Necessary conditions for _DATE, tested first because most words fail them at
# once instead of in each of its many alternatives. An expression starts with
# a lead word and a space or with its main part, and the main part starts with
# a digit, "des "/"dem " or a stem of a month, weekday or relative word.
_MAIN_STEMS = [
    *"jan jän feb mär mae apr mai jun jul aug sep okt nov dez".split(),
    *"montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag".split(),
    *"vergangen letzt vorig kommend nächst dies jahr vorjahr vorgestern gestern heute".split(),
    r"des\s", r"dem\s", r"der\s",
]
_LEAD_WORDS = [rf"{word}\s" for word in "zwischen am im in ab seit bis vom von anfang mitte ende".split()]
_DATE = (
    r"(?<!\w)"
    rf"(?=\d|{one_of(_LEAD_WORDS + _MAIN_STEMS)})"
    r"(?:(?P<between>zwischen)\s+(?:dem\s+)?"
    r"|(?P<prep>am|im|in|ab|seit|bis|vom|von)(?:\s+(?:dem|zum|spätestens))?\s+)?"
    r"(?:(?P<part>anfang|mitte|ende)\s+)?"
    rf"(?=\d|{one_of(_MAIN_STEMS)})"
    r"(?:"
    # 18.10.2024
    rf"{_NOT_AFTER_BETWEEN}(?<![\d.])(?P<num_day>\d{{1,2}})\.(?P<num_month>\d{{1,2}})\.(?P<num_year>{_YEAR})"
    # vom 8. bis 13. Oktober (2024); 28. September bis 3. Oktober
    rf"|(?P<day1>{_DAY})(?:\s*(?P<day1_month>{_DATE_MONTH}))?(?:,?\s+(?P<day1_year>{_YEAR}))?"
    rf"{_TO}(?P<day2>{_DAY})\s*(?P<day2_month>{_DATE_MONTH})(?:,?\s+(?P<day2_year>{_YEAR}))?"
    # (Freitag,) 18. Oktober(, 2024)
    rf"|{_NOT_AFTER_BETWEEN}(?:{_WEEKDAY},?\s+(?:(?:den|dem)\s+)?)?"
    rf"(?P<day>{_DAY})\s*(?P<day_month>{_DATE_MONTH})(?:,?\s+(?P<day_year>{_YEAR}))?"
    # zwischen Juni und August 2024
    rf"|(?P<month1>{_DATE_MONTH})(?:\s+(?P<month1_year>{_YEAR}))?{_TO}(?P<month2>{_DATE_MONTH})(?:,?\s+(?P<month2_year>{_YEAR}))?"
    # (im) (vergangenen) Juni (2024 | letzten Jahres)
    rf"|{_NOT_AFTER_BETWEEN}(?:(?P<month_rel>vergangenen|letzten|vorigen|kommenden|nächsten)\s+)?"
    rf"(?P<month>{_DATE_MONTH})(?:,?\s+(?P<month_year>{_YEAR})"
    r"|\s+(?:des\s+)?(?P<month_of>letzten|vergangenen|vorigen|dieses|diesen|laufenden|nächsten|kommenden)\s+jahres(?!\w))?"
    # 2022 bis 2024
    rf"|{_LONE_YEAR_START}(?P<year1>{_YEAR}){_TO}(?P<year2>{_YEAR}){_LONE_YEAR_END}"
    # (im Jahr) 2024
    rf"|{_NOT_AFTER_BETWEEN}(?:(?:dem\s+)?jahre?\s+)?{_LONE_YEAR_START}(?P<year>{_YEAR}){_LONE_YEAR_END}"
    # letztes Jahr, im vergangenen Jahr, dieses Jahr, im Vorjahr
    rf"|{_NOT_AFTER_BETWEEN}(?:des\s+)?(?:(?P<year_rel>(?:letzte|vergangene|vorige|diese|nächste|kommende)[nsm]?)"
    r"\s+jahr(?:es)?|(?P<last_year>vorjahr)(?:es)?)(?!\w)"
    rf"|{_NOT_AFTER_BETWEEN}(?P<week>diese[r]?\s+woche)(?!\w)"
    # (in der) vergangenen Woche, nächste Woche
    rf"|{_NOT_AFTER_BETWEEN}(?:der\s+)?(?P<week_shift>(?:letzte|vergangene|vorige|nächste|kommende)[nr]?)\s+woche(?!\w)"
    rf"|{_NOT_AFTER_BETWEEN}(?P<day_word>vorgestern|gestern|heute)(?!\w)"
    # am (vergangenen) Montag
    rf"|{_NOT_AFTER_BETWEEN}(?:(?P<weekday_rel>vergangenen|letzten|vorigen|kommenden|nächsten)\s+)?(?P<weekday>{_WEEKDAY})"
    r")"
)

_VAGUE_WORD = "(?:hunderttausend|zehntausend|hundert|tausend|dutzend)"

LANGUAGE = Language(
    code="de",
    name="German",
    numbers=NumberRules(
        group=r"\.",
        decimal=",",
        approx=r"(?:rund|etwa|ca\.|circa|zirka|ungefähr|annähernd|knapp|fast|nahezu|beinahe|schätzungsweise)",
        at_least=r"(?:mehr\s+als|über|mindestens|wenigstens)",
        at_most=r"(?:bis\s+zu|höchstens|maximal|weniger\s+als|unter)",
        between="zwischen",
        range_and="und",
        range_from="von",
        range_to=r"bis(?!\s+zu\b)",
        scale_after_digits=r"(?:(?:tausend|million(?:en)?|milliarden?)(?!\w)|(?:tsd|mio|mrd)\.)",
        scales=(("milliard", 10**9), ("mrd", 10**9), ("million", 10**6), ("mio", 10**6), ("tausend", 1000), ("tsd", 1000)),
        word_number=_WORD_NUMBER,
        word_number_start=_WORD_NUMBER_START,
        word_values=word_values,
        range_low_extra=r"(?<![\w-])ein(?!\w)",
        # "mehrere/einige/ein paar Tausend" mean the same as "Tausende"; "Tausend" alone is 1000.
        vague=(
            rf"(?:mehrere|einige|etliche|ein\s+paar)\s+{_VAGUE_WORD}(?:en?)?"
            rf"|{_VAGUE_WORD}en?"
            r"|(?:(?:mehrere|einige|etliche)\s+)?(?:million|milliard)en"
        ),
        vague_ranges=(
            ("hunderttausend", 200_000, None),
            ("zehntausend", 20_000, None),
            ("milliard", 2_000_000_000, None),
            ("million", 2_000_000, None),
            ("dutzend", 24, 99),
            ("hundert", 200, 999),
            ("tausend", 2000, None),
        ),
        percent=r"\s+prozent(?!\w)",
        not_after=r"(?!\s*uhr\b)",
        starts=(
            r"zwischen|von|mehrere|einige|etliche"
            r"|ein|zw|drei|vier|fünf|sech|sieb|acht|neun|zehn|elf|hundert|tausend|mill|dutzend"
        ),
        is_no_count=is_ordinal,
    ),
    byline=r"Von\s+[^\W\d]",
    stopwords=frozenset(
        "der die das und ist nicht mit von zu den ein eine einen dem des sich auf für im auch als wird wurde sind hat haben nach bei aus wie über".split()
    ),
    dates=DateRules(
        pattern=_DATE,
        months={
            "jan": 1, "jän": 1, "feb": 2, "mär": 3, "mae": 3, "apr": 4, "mai": 5, "jun": 6,
            "jul": 7, "aug": 8, "sep": 9, "okt": 10, "nov": 11, "dez": 12,
        },
        weekdays={
            "montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3,
            "freitag": 4, "samstag": 5, "sonnabend": 5, "sonntag": 6,
        },
        prep_modes={"ab": "future", "bis": "future", "seit": "past"},
        shifts={
            "letzt": -1, "vergangen": -1, "vorig": -1,
            "dies": 0, "laufend": 0,
            "nächst": 1, "kommend": 1,
        },
        day_words={"heute": 0, "gestern": 1, "vorgestern": 2},
        units={},
    ),
)
