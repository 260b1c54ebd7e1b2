"""The site's language: every word it prints, and how it writes numbers and dates.

One module per UI language (``de.py``, the reference, and ``en.py``), each
defining the same names; ``theme.language`` in mkdocs.yml picks one for the
whole build (``use``), and the page code reads the words through
``pages.labels`` and the templates through ``T``. Numbers and dates are
formatted by babel with the language's ``BABEL`` locale.

Adding a string: one name (or dict key) in every language module.
Adding a language: copy ``en.py`` to ``<code>.py`` and translate it (every
module here is a language); tests/test_locales.py checks that it has every name.
This is independent of ``dossier.languages``, the rules that read figures
and dates in an article's text: an English article may sit in a German site.
"""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from types import ModuleType

from babel.dates import format_date as _babel_date
from babel.dates import format_skeleton
from babel.numbers import format_decimal

from ..dates import DateSpan, PartialDate

#: theme.language -> its module: every module of this package is a language
LANGUAGES: dict[str, ModuleType] = {
    found.name: importlib.import_module(f"{__name__}.{found.name}") for found in sorted(pkgutil.iter_modules(__path__))
}
DEFAULT = "de"

_active: ModuleType = LANGUAGES[DEFAULT]


class LocaleError(ValueError):
    """theme.language names a language the site has no words for."""


def use(code: str | None) -> ModuleType:
    """Make ``code`` (theme.language; "en-GB" takes "en") the language of what is written next.

    A module-wide setting, as the build writes one site in one language;
    forked worker processes inherit it.
    """
    global _active
    _active = module(code)
    return _active


@contextmanager
def using(code: str | None) -> Iterator[ModuleType]:
    """``use(code)`` for the block, then the language before it again."""
    global _active
    before = _active
    try:
        yield use(code)
    finally:
        _active = before


def module(code: str | None) -> ModuleType:
    base = (code or DEFAULT).replace("_", "-").split("-")[0].lower()
    if base not in LANGUAGES:
        raise LocaleError(f"theme.language: '{code}' is not one of {', '.join(LANGUAGES)}")
    return LANGUAGES[base]


def active() -> ModuleType:
    return _active


def code() -> str:
    """The active language's code ("de"): part of every page's key."""
    return next(c for c, m in LANGUAGES.items() if m is _active)


def format_number(number: float) -> str:
    """12.000 / 12,000; at most two decimals: 0,5 / 0.5."""
    if float(number).is_integer():
        number = int(number)
    return _decimal(number, _active.BABEL)


# Babel parses its locale and pattern on every call: a large build formats the
# same few thousand figures and dates hundreds of thousands of times, so each
# is formatted once per process (bounded, so that no input grows it forever).
@lru_cache(maxsize=1 << 16, typed=True)
def _decimal(number: float, babel: str) -> str:
    return str(format_decimal(number, format="#,##0.##", locale=babel))


def format_count(low: float | None, high: float | None, unit: str = "") -> str:
    if low is not None and low == high:
        text = format_number(low)
    elif low is not None and high is not None:
        text = f"{format_number(low)}–{format_number(high)}"
    elif low is not None:
        text = _active.AT_LEAST.format(number=format_number(low))
    else:
        text = _active.AT_MOST.format(number=format_number(high or 0))
    return f"{text} {unit}".strip()


def format_date(date: PartialDate) -> str:
    """18. Oktober 2024 / 18 October 2024; Oktober 2024; 2024."""
    if date.month is None:
        return str(date.year)
    return _date(date.year, date.month, date.day, _active.BABEL)


@lru_cache(maxsize=1 << 16)
def _date(year: int, month: int, day: int | None, babel: str) -> str:
    """A month or a day, formatted once per process (as ``_decimal``)."""
    if day is None:
        return str(format_skeleton("yMMMM", dt.date(year, month, 1), locale=babel))
    return str(_babel_date(dt.date(year, month, day), "long", locale=babel))


def format_date_span(span: DateSpan) -> str:
    if span.start == span.end:
        return format_date(span.start)
    return f"{format_date(span.start)} – {format_date(span.end)}"


def yes_no(value: bool) -> str:
    return str(_active.YES if value else _active.NO)
