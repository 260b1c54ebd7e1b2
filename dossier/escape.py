"""Escaping for generated Markdown that Python-Markdown will render.

Text from articles and YAML must stay inert text: no HTML, no script, no
Markdown syntax. HTML-special characters become entities, and every ASCII
character that Markdown (or Python-Markdown's processing of raw HTML
attribute values, mkdocs issue 2847) could read as syntax becomes a numeric
character reference, which is inert both in text and in attributes.
"""

from __future__ import annotations

import re
from functools import lru_cache

from markupsafe import Markup

_REFERENCES = {ch: f"&#{ord(ch)};" for ch in "&<>\"'\\`*_{}[]()#+-!|~^=:$"}
_TABLE = str.maketrans(_REFERENCES)
_SPECIAL = re.compile("[" + re.escape("".join(_REFERENCES)) + "]")
_LEADING_ORDINAL = re.compile(r"^(\d+)\.")
_SAFE_URL = re.compile(r"^https?://[^\s<>\"'`]+$", re.IGNORECASE)


def md_text(text: object) -> Markup:
    """Escape plain text for a Markdown paragraph, table cell or attribute."""
    text = str(text)
    return _escaped_short(text) if len(text) <= _SHORT else _escaped(text)


def _escaped(escaped: str) -> Markup:
    if _SPECIAL.search(escaped):  # most names and words need no escaping
        escaped = escaped.translate(_TABLE)
    if escaped[:1].isdigit():  # "1. Januar" at the start of a line would become a list item
        escaped = _LEADING_ORDINAL.sub(r"\1&#46;", escaped)
    return Markup(escaped)


def md_line(text: object) -> Markup:
    """Text that ends up on one line: newlines would end a table row or heading."""
    text = str(text)
    return _one_line_short(text) if len(text) <= _SHORT else _one_line(text)


def _one_line(text: str) -> Markup:
    return md_text(" ".join(text.split()))


# Names, titles, questions and labels recur on thousands of pages; running
# text does not, and is left out so that the caches stay small.
_SHORT = 120
_escaped_short = lru_cache(maxsize=1 << 14)(_escaped)
_one_line_short = lru_cache(maxsize=1 << 14)(_one_line)


def safe_url(url: str) -> str | None:
    """Only absolute http(s) links leave the site; anything else is dropped."""
    return url if _SAFE_URL.match(url) else None
