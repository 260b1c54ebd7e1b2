"""The fast path: generated pages rendered by markdown-it-py instead of Python-Markdown.

Python-Markdown spends most of a large build walking the dense inline HTML
of our pages (claim tags, mentions). When Dossier's plugin runs the build,
each generated page is rendered here instead: markdown-it-py (CommonMark,
raw HTML, tables) plus what Python-Markdown's ``attr_list`` and ``toc``
extensions add for the Markdown subset Dossier writes (``{: ...}`` after a
paragraph or a heading, heading ids, permalinks, the table of contents).

Links go through MkDocs' own link resolver, so links are rewritten and
broken links and anchors reported exactly as in a plain build, and
``--strict`` still fails on them. A page this renderer cannot vouch for
(an attribute list it does not place, other Markdown extensions) is left
to Python-Markdown: ``convert`` returns None. ``tests/test_fastpath.py``
builds whole sites both ways and compares every page's content and TOC.
"""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, partial
from typing import Any, cast

from markdown.extensions.toc import nest_toc_tokens, slugify, strip_tags, unique  # type: ignore[import-untyped]
from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page, _RelativePathTreeprocessor
from mkdocs.structure.toc import get_toc
from mkdocs.utils import meta

from .parallel import fork_map

#: where MkDocs' link resolver reports broken links
_LINKS_LOG = logging.getLogger("mkdocs.structure.pages")
#: the Markdown extensions whose output this module reproduces (MkDocs adds the last three itself)
SUPPORTED = frozenset({"attr_list", "toc", "tables", "fenced_code"})

# Python-Markdown attr_list: a block's last line, a heading's end
_BLOCK_ATTRS = re.compile(r"\n[ ]*\{\:?[ ]*([^\}\n ][^\}\n]*)[ ]*\}[ ]*$")
_HEADER_ATTRS = re.compile(r"[ ]+\{\:?[ ]*([^\}\n ][^\}\n]*)[ ]*\}[ ]*$")
_ATTR = re.compile(r"""([\w:-]+)=(?:"([^"]*)"|'([^']*)'|(\S+))|\.([\w-]+)|\#([\w:.-]+)|\s+""")
_FIRST_TAG = re.compile(r"\s*<([a-zA-Z][\w-]*)")
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
_ID = re.compile(r"""<[a-zA-Z][^>]*?\s(?:id|name)=(?:"([^"]*)"|'([^']*)')""")


@dataclass(frozen=True, slots=True)
class Toc:
    """What the ``toc`` extension is configured to do (mkdocs.yml's ``toc`` options)."""

    permalink: str | None
    permalink_title: str
    permalink_class: str
    separator: str
    slugify: Callable[[str, str], str]


def settings(config: MkDocsConfig) -> Toc | None:
    """The fast path's settings, or None when mkdocs.yml asks for Markdown it does not reproduce."""
    names = {ext if isinstance(ext, str) else "" for ext in config.markdown_extensions}
    if not names <= SUPPORTED or "attr_list" not in names:
        return None
    toc: dict[str, Any] = dict((config.mdx_configs or {}).get("toc", {}))
    permalink = toc.get("permalink", False)
    return Toc(
        permalink="&para;" if permalink is True else (str(permalink) if permalink else None),
        permalink_title=str(toc.get("permalink_title", "Permanent link")),
        permalink_class=str(toc.get("permalink_class", "headerlink")),
        separator=str(toc.get("separator", "-")),
        slugify=toc.get("slugify", slugify),
    )


@cache
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": True}).enable("table")


@dataclass(slots=True)
class Rendered:
    html: str
    toc_tokens: list[dict[str, Any]]
    anchors: set[str]
    title: str | None


def convert(markdown: str, toc: Toc, url: Callable[[str], str]) -> Rendered | None:
    """The page's HTML as Python-Markdown would make it; ``url`` rewrites a link's target.
    None when the page holds Markdown this renderer does not place."""
    tokens = _parser().parse(markdown)
    if not _lists_agree(tokens, markdown.split("\n")) or not all(map(_closed, tokens)):
        return None
    used: set[str] = set()
    for i, token in enumerate(tokens):
        if token.type == "inline" and not _attributes(tokens, i, used):
            return None
    headings: list[dict[str, Any]] = []
    counters: dict[str, int] = {}
    renderer = cast(RendererHTML, _parser().renderer)
    options = _parser().options
    for i, token in enumerate(tokens):
        if token.type == "inline":
            for child in _walk(token.children or []):
                if child.type == "link_open":
                    child.attrSet("href", url(str(child.attrGet("href") or "")))
                elif child.type == "image":
                    child.attrSet("src", url(str(child.attrGet("src") or "")))
        if token.type != "heading_open":
            continue
        inner = renderer.renderInline(tokens[i + 1].children or [], options, {})
        name = strip_tags(inner)
        anchor = token.attrGet("id")
        if anchor is None:
            anchor = unique(toc.slugify(html.unescape(name), toc.separator), used, counters)
            token.attrSet("id", anchor)
        headings.append({"level": int(token.tag[1]), "id": html.unescape(str(anchor)), "name": name, "html": inner})
        if toc.permalink is not None:
            hint = f' title="{html.escape(toc.permalink_title)}"' if toc.permalink_title else ""
            link = Token("html_inline", "", 0, content=f'<a class="{toc.permalink_class}" href="#{html.escape(str(anchor))}"{hint}>'
                                                     f"{toc.permalink}</a>")
            (tokens[i + 1].children or []).append(link)
    out = renderer.render(tokens, options, {})
    if "{:" in out:  # an attribute list left where Python-Markdown would have placed it
        return None
    first = next((t for t in tokens if t.nesting == 1 or t.type in ("html_block", "hr")), None)
    title = str(headings[0]["name"]) if first is not None and first.tag == "h1" and headings else None
    return Rendered(out, nest_toc_tokens(headings), _anchors(out), title)


def _attributes(tokens: list[Token], i: int, used: set[str]) -> bool:
    """Move a trailing ``{: ...}`` of a paragraph or heading onto its element, as
    attr_list does; False when the list cannot be read."""
    inline, opener = tokens[i], tokens[i - 1]
    if opener.type not in ("paragraph_open", "heading_open"):
        return True
    pattern = _HEADER_ATTRS if opener.type == "heading_open" else _BLOCK_ATTRS
    match = pattern.search(inline.content)
    if match is None:
        return True
    attrs = _parse(match.group(1))
    if attrs is None:
        return False
    content = inline.content[: match.start()]
    inline.content = content
    inline.children = []
    _parser().inline.parse(content, _parser(), {}, inline.children)
    for child in inline.children:  # what the core rule text_join does after a full parse
        if child.type == "text_special":
            child.type = "text"
    for key, value in attrs:
        if key == "class":
            old = opener.attrGet("class")
            opener.attrSet("class", f"{old} {value}" if old else value)
        else:
            opener.attrSet(key, value)
        if key == "id":
            used.add(value)
    return True


def _closed(token: Token) -> bool:
    """Python-Markdown keeps a raw HTML block up to its closing tag, blank lines
    and all; CommonMark ends it at a blank line and reads the rest as Markdown."""
    if token.type != "html_block" or (tag := _FIRST_TAG.match(token.content)) is None:
        return True
    name = re.escape(tag.group(1))
    opened = len(re.findall(rf"<{name}[\s/>]", token.content, re.IGNORECASE))
    return opened <= len(re.findall(rf"</{name}\s*>", token.content, re.IGNORECASE)) or tag.group(1).lower() in _VOID


def _lists_agree(tokens: list[Token], lines: list[str]) -> bool:
    """Python-Markdown makes a list item loose (its text a paragraph) only when a
    blank line precedes or follows it; CommonMark makes the whole list loose.
    They agree unless a loose list has items not set apart by blank lines. Nested
    lists are indented by four spaces for one and by the item's text for the other."""
    stack: list[list[Token]] = []
    for token in tokens:
        if token.type in ("bullet_list_open", "ordered_list_open"):
            if stack:
                return False
            stack.append([])
        elif token.type == "list_item_open" and stack:
            stack[-1].append(token)
        elif token.type == "paragraph_open" and stack and not token.hidden:
            stack[-1].append(token)  # a shown paragraph: the list is loose
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            found = stack.pop()
            items = [t for t in found if t.type == "list_item_open"]
            if len(items) < len(found) and any(
                    item.map is None or lines[item.map[0] - 1].strip() for item in items[1:]):
                return False
    return True


def _parse(text: str) -> list[tuple[str, str]] | None:
    """attr_list's ``key="value"``, ``.class``, ``#id``; None for anything else."""
    attrs: list[tuple[str, str]] = []
    pos = 0
    for match in _ATTR.finditer(text):
        if match.start() != pos:
            return None
        pos = match.end()
        key, double, single, bare, cls, ident = match.groups()
        if key:
            attrs.append((key, html.unescape(next(v for v in (double, single, bare) if v is not None))))
        elif cls:
            attrs.append(("class", cls))
        elif ident:
            attrs.append(("id", ident))
    return attrs if pos == len(text.rstrip()) or pos == len(text) else None


def _walk(tokens: Sequence[Token]) -> list[Token]:
    found: list[Token] = []
    for token in tokens:
        found.append(token)
        if token.children:
            found.extend(_walk(token.children))
    return found


def _anchors(out: str) -> set[str]:
    """Every id (and ``<a name>``) on the page, as MkDocs collects them for anchor checks."""
    return {html.unescape(a if a is not None else b) for a, b in _ID.findall(out)}


@dataclass(slots=True)
class Prepared:
    """A page converted ahead of MkDocs' render loop (in a worker process): what
    ``render`` needs, the link warnings MkDocs' resolver gave, to be logged then."""

    markdown: str
    rendered: Rendered | None
    links: dict[str, dict[str, str]]  # linked file's src_uri -> anchor -> the link as written
    warnings: list[tuple[int, str]]


def prepare(pages: list[Page], config: MkDocsConfig, files: Files) -> dict[str, Prepared]:
    """Convert pages over the cores: MkDocs renders one page after another."""
    toc = settings(config)
    if toc is None:
        return {}
    return {page.file.src_uri: prepared for page, prepared in
            zip(pages, fork_map(partial(_prepare, toc, config, files), pages), strict=True)}


def _prepare(toc: Toc, config: MkDocsConfig, files: Files, page: Page) -> Prepared:
    text, _ = meta.get_data(page.file.content_string)
    links = _RelativePathTreeprocessor(page.file, files, config)
    warnings: list[tuple[int, str]] = []

    def held(record: logging.LogRecord) -> bool:
        warnings.append((record.levelno, record.getMessage()))
        return False

    _LINKS_LOG.addFilter(held)
    try:
        rendered = convert(text, toc, links.path_to_url)
    finally:
        _LINKS_LOG.removeFilter(held)
    linked = {file.src_uri: anchors for file, anchors in links.links_to_anchors.items()}
    return Prepared(text, rendered, linked, warnings)


class FastPage(Page):
    """A generated page rendered by ``convert``; Python-Markdown when it declines."""

    fast_settings: Toc | None = None
    prepared: Prepared | None = None

    def render(self, config: MkDocsConfig, files: Files) -> None:
        if self.markdown is None or self.fast_settings is None:
            return super().render(config, files)
        if self.prepared is not None and self.prepared.markdown == self.markdown:
            rendered, prepared = self.prepared.rendered, self.prepared
            self.prepared = None
            if rendered is None:
                return super().render(config, files)
            for level, message in prepared.warnings:
                _LINKS_LOG.log(level, message)
            found = {uri: files.get_file_from_path(uri) for uri in prepared.links}
            links_to_anchors = {file: prepared.links[uri] for uri, file in found.items() if file is not None}
        else:
            links = _RelativePathTreeprocessor(self.file, files, config)
            rendered = convert(self.markdown, self.fast_settings, links.path_to_url)
            if rendered is None:
                return super().render(config, files)  # its link warnings are Python-Markdown's own
            links_to_anchors = links.links_to_anchors
        self.content = rendered.html
        # The source is not read again (the title is the front matter's), and held
        # for every page until MkDocs' build ends it would double the memory.
        self.markdown = ""
        self.toc = get_toc(rendered.toc_tokens)  # type: ignore[arg-type]  # the dicts Python-Markdown's toc makes
        self._title_from_render = rendered.title
        self.present_anchor_ids = rendered.anchors
        self.links_to_anchors = links_to_anchors
