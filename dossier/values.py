"""Claim values: check them against their proposition, normalise, display.

A normalised value is an interval (counts; dates as day numbers) or a key
(places, labels, yes/no), which is all the analyse stage needs to compare.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Literal

from . import locales
from .coverage import figures_and_dates
from .dates import DateSpan, PartialDate
from .diagnostics import did_you_mean
from .idhints import entity_hint
from .model import Entity, Proposition, PropositionType, Span
from .numbers import Figure


@dataclass(frozen=True, slots=True)
class Value:
    """A comparable claim value: data only. Its display text is made when a
    page or export is written, in the site's language (``text``)."""

    type: PropositionType
    low: float | None = None
    high: float | None = None
    key: str = ""
    #: a place's name or a label as written (data, not UI words)
    name: str = ""
    unit: str = ""
    span: DateSpan | None = None

    @property
    def text(self) -> str:
        """The value in the active language (``locales.use``)."""
        return TYPES[self.type].display(self)


def check_value(proposition: Proposition, raw: object, entities: dict[str, Entity]) -> tuple[str, str] | None:
    """A (message, hint) pair when ``raw`` does not fit the proposition."""
    kind = proposition.type
    if raw is None:
        if kind == "date":
            return None  # read from the quote by the link stage
        return f"a value is required for a {kind} proposition", _expected(proposition)
    try:
        return TYPES[kind].check(proposition, raw, entities)
    except ValueError as exc:
        return str(exc), _expected(proposition)


def _check_count(proposition: Proposition, raw: object, entities: dict[str, Entity]) -> tuple[str, str] | None:
    _count_bounds(raw)
    return None


def _check_date(proposition: Proposition, raw: object, entities: dict[str, Entity]) -> tuple[str, str] | None:
    date_span(raw)
    return None


def _check_boolean(proposition: Proposition, raw: object, entities: dict[str, Entity]) -> tuple[str, str] | None:
    if not isinstance(raw, bool):
        raise ValueError(f"expected true or false, got {_shown(raw)}")
    return None


def _check_place(proposition: Proposition, raw: object, entities: dict[str, Entity]) -> tuple[str, str] | None:
    if not isinstance(raw, str) or raw not in entities:
        return f"unknown place '{raw}'", entity_hint(str(raw), entities.values(), "places") or "add it to content/entities/places.yml"
    if entities[raw].type != "places":
        return f"'{raw}' is not a place (it is in {entities[raw].type}.yml)", ""
    return None


def _check_label(proposition: Proposition, raw: object, entities: dict[str, Entity]) -> tuple[str, str] | None:
    if not isinstance(raw, str):
        raise ValueError(f"expected a label, got {_shown(raw)}")
    if proposition.choices and raw not in proposition.choices:
        return f"'{raw}' is not one of the choices of '{proposition.id}'", did_you_mean(raw, proposition.choices) or "choices: " + ", ".join(proposition.choices)
    return None


# Characters of context around a quote when its figures are read: enough to
# tell "8." before a month or "28" before "October" from a count.
QUOTE_CONTEXT = 40


def check_against_quote(
    proposition: Proposition, raw: object, text: str, span: Span, language: str
) -> tuple[str, str] | None:
    """A (message, hint) pair when a count's value agrees with no figure of its quote.

    The value agrees with a figure when one lies within the other: the same
    number, a number inside the figure's interval ("Tausende", "mehr als
    10.000"), or a range that contains the figure. A quote without a figure
    says nothing about the value. ``raw`` must have passed ``check_value``.
    """
    if proposition.type != "count":
        return None
    start = max(0, span.start - QUOTE_CONTEXT)
    figures, _ = figures_and_dates(text[start:span.end + QUOTE_CONTEXT], None, language)
    quoted = [f for f in figures if start + f.start < span.end and span.start < start + f.end]
    if not quoted:
        return None
    low, high = _count_bounds(raw)
    if any(_within(low, high, f.min, f.max) or _within(f.min, f.max, low, high) for f in quoted):
        return None
    named = " or ".join(f"\"{' '.join(f.surface.split())}\" ({_plain(f.min, f.max)})" for f in quoted)
    return (
        f"value {_plain(low, high)} does not match the figure {named} in the quote",
        f"write value: {count_yaml(quoted[0])}, or say in value_basis why the value differs (e.g. a conversion)",
    )


def _within(low: float | None, high: float | None, outer_low: float | None, outer_high: float | None) -> bool:
    """Whether [low, high] lies inside [outer_low, outer_high]; None is open."""
    above = outer_low is None or (low is not None and low >= outer_low)
    below = outer_high is None or (high is not None and high <= outer_high)
    return above and below


def count_yaml(figure: Figure) -> str:
    """The value of a count claim for a figure, in YAML flow style: 12000, {min: 50, max: 100}, {min: 2000}."""
    if figure.min is not None and figure.min == figure.max:
        return str(figure.min)
    return "{" + ", ".join(f"{k}: {v}" for k, v in (("min", figure.min), ("max", figure.max)) if v is not None) + "}"


def _plain(low: float | None, high: float | None) -> str:
    """A count for a message, in digits any reader parses: 10000, 200-999, at least 2000."""
    def digits(n: float) -> str:
        return str(int(n)) if float(n).is_integer() else str(n)

    if low is not None and high is not None:
        return digits(low) if low == high else f"{digits(low)}-{digits(high)}"
    return f"at least {digits(low)}" if low is not None else f"at most {digits(high or 0)}"


def _expected(proposition: Proposition) -> str:
    if proposition.type == "label" and proposition.choices:
        return "write one of: " + ", ".join(proposition.choices)
    return TYPES[proposition.type].expected


#: counts beyond this lose digits as floats (and a count of 10**400 has none)
_LARGEST_COUNT = 10**15


def _shown(value: object) -> str:
    """What was written, cut short: a message must not quote a megabyte."""
    text = repr(value)
    return text if len(text) <= 60 else f"{text[:60]}… ({len(text):,} characters)"


def _count_bounds(raw: object) -> tuple[float | None, float | None]:
    if isinstance(raw, bool) or not isinstance(raw, (int, float, dict)):
        raise ValueError(f"expected a number or a range, got {_shown(raw)}")
    low, high = (raw.get("min"), raw.get("max")) if isinstance(raw, dict) else (raw, raw)
    for bound in (low, high):
        if isinstance(bound, float) and not math.isfinite(bound):  # YAML's .nan and .inf
            raise ValueError(f"expected a number or a range, got {bound!r}, which is not a count")
        if bound is not None and abs(bound) >= _LARGEST_COUNT:
            raise ValueError(f"expected a count, got a number of {len(str(int(abs(bound)))):,} digits")
    if low is not None and high is not None and low > high:
        raise ValueError(f"range min {low} is above max {high}")
    return low, high


def date_span(raw: object) -> DateSpan:
    """A date value as written in YAML: "2024-06" or {from: ..., to: ...}."""
    if isinstance(raw, str):
        date = PartialDate.parse(raw)
        return DateSpan(date, date)
    if isinstance(raw, dict) and "from" in raw and "to" in raw:
        span = DateSpan(PartialDate.parse(str(raw["from"])), PartialDate.parse(str(raw["to"])))
        if _first_day(span.start) > _last_day(span.end):
            raise ValueError(f"date range starts after it ends: {span.iso()}")
        return span
    raise ValueError(f"expected a date, got {_shown(raw)}")


def _first_day(date: PartialDate) -> dt.date:
    return dt.date(date.year, date.month or 1, date.day or 1)


def _last_day(date: PartialDate) -> dt.date:
    month = date.month or 12
    return dt.date(date.year, month, date.day or calendar.monthrange(date.year, month)[1])


def normalise_value(proposition: Proposition, raw: object, entities: dict[str, Entity]) -> Value:
    """The comparable form of a value that ``check_value`` accepted."""
    value = TYPES[proposition.type].normalise(raw, entities)
    return replace(value, unit=proposition.unit) if proposition.unit else value


def _normalise_count(raw: object, entities: dict[str, Entity]) -> Value:
    low, high = _count_bounds(raw)
    return Value("count", low, high)


def _normalise_date(raw: object, entities: dict[str, Entity]) -> Value:
    span = raw if isinstance(raw, DateSpan) else date_span(raw)
    return Value("date", _first_day(span.start).toordinal(), _last_day(span.end).toordinal(), span.iso(), span=span)


def _normalise_boolean(raw: object, entities: dict[str, Entity]) -> Value:
    return Value("boolean", key="true" if raw else "false")


def _normalise_place(raw: object, entities: dict[str, Entity]) -> Value:
    return Value("place", key=str(raw), name=entities[str(raw)].name)


def _normalise_label(raw: object, entities: dict[str, Entity]) -> Value:
    return Value("label", key=str(raw), name=str(raw))


def _display_count(value: Value) -> str:
    return locales.format_count(value.low, value.high, value.unit)


def _display_date(value: Value) -> str:
    return locales.format_date_span(value.span) if value.span else ""


def _display_boolean(value: Value) -> str:
    return locales.yes_no(value.key == "true")


def _display_name(value: Value) -> str:
    return value.name


@dataclass(frozen=True, slots=True)
class ValueType:
    """What one proposition type does with a claim's value: check what was
    written, normalise it to an interval or a key, say what to write, show it.
    (``analyse`` compares intervals or keys, as ``compare`` says.)"""

    check: Callable[[Proposition, object, dict[str, Entity]], tuple[str, str] | None]
    normalise: Callable[[object, dict[str, Entity]], Value]
    display: Callable[[Value], str]
    expected: str  # the hint after a wrong value
    compare: Literal["interval", "place", "key"]


#: one row per proposition type (model.PropositionType); a new type is one row here
TYPES: dict[PropositionType, ValueType] = {
    "count": ValueType(_check_count, _normalise_count, _display_count,
                       "write a number (12000) or a range ({min: 50, max: 100})", "interval"),
    "date": ValueType(_check_date, _normalise_date, _display_date,
                      "write an ISO date in quotes (\"2024-10\") or a range ({from: \"2024-10-08\", to: \"2024-10-13\"})", "interval"),
    "boolean": ValueType(_check_boolean, _normalise_boolean, _display_boolean, "write true or false", "key"),
    "place": ValueType(_check_place, _normalise_place, _display_name, "write the id of a place from content/entities/places.yml", "place"),
    "label": ValueType(_check_label, _normalise_label, _display_name, "write a short label", "key"),
}
