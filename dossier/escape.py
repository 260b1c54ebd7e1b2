"""Escaping for generated Markdown that Python-Markdown will render.

Text from articles and YAML must stay inert text: no HTML, no script, no
Markdown syntax. HTML-special characters become entities, and every ASCII
character that Markdown (or Python-Markdown's processing of raw HTML
attribute values, mkdocs issue 2847) could read as syntax becomes a numeric
character reference, which is inert both in text and in attributes. So do
line breaks (LF, and CR, which Python-Markdown reads as one): escaped text
stays on its line, where no blank line, list or code block can start. The
other separators Python's ``splitlines`` knows (VT, FF, NEL, U+2028,
U+2029) mean nothing to Markdown and stay as they are.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

from markupsafe import Markup

_REFERENCES = {ch: f"&#{ord(ch)};" for ch in "&<>\"'\\`*_{}[]()#+-!|~^=:$\n\r"}
_TABLE = str.maketrans(_REFERENCES)
_SPECIAL = re.compile("[" + re.escape("".join(_REFERENCES)) + "]")
#: "1." after white space that the caller may strip (markup does): a list item at a line's start
_LEADING_ORDINAL = re.compile(r"^(\s*\d+)\.")
#: RFC 3986's characters (unreserved, reserved, '%') but "'", which would end an HTML attribute
_URL_CHARS = re.compile(r"[A-Za-z0-9\-._~:/?#\[\]@!$&()*+,;=%]+")


def md_text(text: object) -> Markup:
    """Escape plain text for a Markdown paragraph, table cell or attribute.

    Inside a line, or at its start once leading white space is stripped (four
    spaces would make a code block; markup strips them), it starts nothing.
    """
    text = str(text)
    return _escaped_short(text) if len(text) <= _SHORT else _escaped(text)


def _escaped(escaped: str) -> Markup:
    if _SPECIAL.search(escaped):  # most names and words need no escaping
        escaped = escaped.translate(_TABLE)
    if escaped.lstrip()[:1].isdigit():  # "1. Januar", also "  1. Januar", would become a list item
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
    """Only absolute http(s) links with a host leave the site; anything else is dropped.

    Only RFC 3986's characters pass: a space, quote, '<', '>' or backslash
    (which escapes the '>' of Markdown's <...> link), a control character
    or a letter that needs percent-encoding would break or bend the link.
    The schema's source_url pattern accepts no URL that this refuses.
    """
    if not _URL_CHARS.fullmatch(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:  # brackets that hold no IPv6 address
        return None
    return url if parts.scheme in ("http", "https") and parts.hostname else None
