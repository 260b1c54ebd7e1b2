"""Check the links of the generated Markdown before anything is written.

MkDocs checks links too, but only when MkDocs builds; the generated tree
must be sound for any engine that reads it. markdown-it-py parses each page
the way a Markdown reader would, so this sees the links a reader gets:
every internal link must reach a generated file (and an anchor that page
defines), every external one must be http(s).
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Iterator
from functools import cache, partial
from urllib.parse import unquote, urlsplit

from markdown_it import MarkdownIt
from markdown_it.token import Token

from .parallel import fork_map

_ID = re.compile(r"""\bid="([^"]+)"|\{:\s*#([\w-]+)\s*\}""")


@cache
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table")


def _walk(tokens: list[Token]) -> Iterator[Token]:
    for token in tokens:
        yield token
        if token.children:
            yield from _walk(token.children)


def _ids(text: str) -> set[str]:
    return {html.unescape(a or b) for a, b in _ID.findall(text)}


def _anchors(cache: dict[str, set[str]], pages: dict[str, str], path: str) -> set[str]:
    if path not in cache:
        cache[path] = _ids(pages[path])
    return cache[path]


def find_broken_links(pages: dict[str, str], files: set[str], only: set[str] | None = None) -> list[str]:
    """Problems as 'page: message'; ``pages`` are the Markdown sources by path.

    ``only`` limits parsing to the pages that changed since the last build:
    parsing costs ~10 ms a page (markdown-it-py reads ~1.5 MB/s), so pages are
    spread over the cores; finding the anchors of all pages costs next to nothing.
    """
    paths = sorted(path for path in pages if only is None or path in only)
    anchors: dict[str, set[str]] = {}  # filled on demand: only linked pages are scanned
    check = partial(_page_problems, pages, files, anchors)
    return [problem for problems in fork_map(check, paths) for problem in problems]


def _page_problems(pages: dict[str, str], files: set[str], anchors: dict[str, set[str]], path: str) -> list[str]:
    """The broken links of one page (each worker fills its own copy of ``anchors``)."""
    problems: list[str] = []
    for token in _walk(_parser().parse(pages[path])):
        if token.type != "link_open":
            continue
        href = str(token.attrGet("href") or "")
        parts = urlsplit(href)
        if parts.scheme:
            if parts.scheme not in ("http", "https"):
                problems.append(f"{path}: link to '{href}' is not http(s)")
            continue
        target = posixpath.normpath(posixpath.join(posixpath.dirname(path), unquote(parts.path))) if parts.path else path
        if target not in files:
            problems.append(f"{path}: link to missing file '{href}'")
        elif parts.fragment and target in pages and parts.fragment not in _anchors(anchors, pages, target):
            problems.append(f"{path}: link to missing anchor '{href}'")
    return problems
