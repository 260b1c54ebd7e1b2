"""The fast path: generated pages rendered without Python-Markdown.

Python-Markdown spends most of a large build walking the dense inline HTML
of our pages (claim tags, mentions). When Dossier's plugin runs the build,
each generated page is rendered here instead: markdown-it.rs (CommonMark,
raw HTML, tables; markdown-it compiled from Rust, through markdown-it-pyrs)
parses it, and ``_Writer`` writes the HTML from its syntax tree, byte for
byte as markdown-it-py's renderer would, plus what Python-Markdown's
``attr_list`` and ``toc`` extensions add for the Markdown subset Dossier
writes (``{: ...}`` after a paragraph or a heading, heading ids, permalinks,
the table of contents).

Links go through MkDocs' own link resolver, so links are rewritten and
broken links and anchors reported exactly as in a plain build, and
``--strict`` still fails on them. A page this renderer cannot vouch for
(an attribute list it does not place, Markdown that CommonMark and
Python-Markdown read differently, other Markdown extensions) is left to
Python-Markdown: ``convert`` returns None. ``tests/test_fastpath.py`` builds
whole sites both ways and compares every page's content and TOC.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from markdown.extensions.toc import nest_toc_tokens, slugify, strip_tags, unique  # type: ignore[import-untyped]
from markdown_it_pyrs import MarkdownIt, Node
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page, _RelativePathTreeprocessor
from mkdocs.structure.toc import get_toc

#: the Markdown extensions whose output this module reproduces (MkDocs adds the last three itself)
SUPPORTED = frozenset({"attr_list", "toc", "tables", "fenced_code"})

# Python-Markdown attr_list: a block's last line, a heading's end
_BLOCK_ATTRS = re.compile(r"\n[ ]*\{\:?[ ]*([^\}\n ][^\}\n]*)[ ]*\}[ ]*$")
_HEADER_ATTRS = re.compile(r"[ ]+\{\:?[ ]*([^\}\n ][^\}\n]*)[ ]*\}[ ]*$")
_ATTR = re.compile(r"""([\w:-]+)=(?:"([^"]*)"|'([^']*)'|(\S+))|\.([\w-]+)|\#([\w:.-]+)|\s+""")
#: an attribute list that may set an id
_EXPLICIT_ID = re.compile(r"\{:?[^}\n]*#")
_FIRST_TAG = re.compile(r"\s*<([a-zA-Z][\w-]*)")
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
#: the syntax tree's block nodes (the rest are inline)
_BLOCKS = frozenset({"paragraph", "heading", "html_block", "bullet_list", "ordered_list", "table", "hr",
                     "blockquote", "code_block", "fence"})
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
    return MarkdownIt("commonmark").enable("table")


@dataclass(slots=True)
class Rendered:
    html: str
    toc_tokens: list[dict[str, Any]]
    anchors: set[str]
    title: str | None


class _Declined(Exception):
    """The page holds Markdown this renderer does not place: Python-Markdown renders it."""


def convert(markdown: str, toc: Toc, url: Callable[[str], str]) -> Rendered | None:
    """The page's HTML as Python-Markdown would make it; ``url`` rewrites a link's target.
    None when the page holds Markdown this renderer does not place."""
    root = _parser().tree(markdown)
    writer = _Writer(markdown.encode(), toc, url)
    try:
        if _EXPLICIT_ID.search(markdown):  # toc makes no heading an id that one of them has
            for node in root.walk():
                if node.name in ("paragraph", "heading"):
                    writer._attributes(node, _HEADER_ATTRS if node.name == "heading" else _BLOCK_ATTRS)
        for node in root.children:
            writer.block(node)
    except _Declined:
        return None
    out = "".join(writer.out)
    if "{:" in out:  # an attribute list left where Python-Markdown would have placed it
        return None
    first = root.children[0] if root.children else None
    title = str(writer.headings[0]["name"]) if first is not None and first.name == "heading" \
        and first.meta.get("level") == 1 and writer.headings else None
    return Rendered(out, nest_toc_tokens(writer.headings), _anchors(out), title)


def _escape(text: str) -> str:
    """markdown-it's escapeHtml."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def _attrs(attrs: list[tuple[str, str]]) -> str:
    return "".join(f' {key}="{_escape(value)}"' for key, value in attrs)


#: inline nodes and the tag each renders as, when it is a plain element
_INLINE_TAGS = {"strong": "strong", "em": "em"}


class _Writer:
    """HTML from markdown-it.rs's syntax tree, byte for byte as markdown-it-py's
    renderer writes it for the same Markdown (CommonMark with raw HTML and tables)."""

    def __init__(self, source: bytes, toc: Toc, url: Callable[[str], str]) -> None:
        self.source, self.toc, self.url = source, toc, url
        self.out: list[str] = []
        self.headings: list[dict[str, Any]] = []
        self.used: set[str] = set()
        self.counters: dict[str, int] = {}

    def block(self, node: Node) -> None:
        name, write = node.name, self.out.append
        if name == "paragraph":
            attrs, children = self._attributes(node, _BLOCK_ATTRS)
            write(f"<p{_attrs(attrs)}>")
            self.inline(children)
            write("</p>\n")
        elif name == "heading":
            self._heading(node)
        elif name == "html_block":
            content = str(node.meta["content"])
            if not _closed(content):
                raise _Declined
            write(content)
        elif name in ("bullet_list", "ordered_list"):
            self._list(node)
        elif name == "table":
            self._table(node)
        elif name == "hr":
            write("<hr />\n")
        elif name == "blockquote":
            write("<blockquote>\n")
            for child in node.children:
                self.block(child)
            write("</blockquote>\n")
        else:  # code, images, anything not written by Dossier's pages
            raise _Declined

    def inline(self, nodes: Sequence[Node]) -> None:
        write = self.out.append
        for node in nodes:
            name = node.name
            if name in ("text", "text_special"):
                write(_escape(str(node.meta["content"])))
            elif name == "html_inline":
                write(str(node.meta["content"]))
            elif name == "softbreak":
                write("\n")
            elif name == "hardbreak":
                write("<br />\n")
            elif name in _INLINE_TAGS:
                if any(child.name in _INLINE_TAGS for child in node.children):
                    raise _Declined  # ***a***: CommonMark nests em in strong, Python-Markdown the other way
                tag = _INLINE_TAGS[name]
                write(f"<{tag}>")
                self.inline(node.children)
                write(f"</{tag}>")
            elif name in ("link", "autolink"):
                target = str(node.meta["url"])
                if "%" in target or target.startswith("mailto:"):
                    raise _Declined  # CommonMark percent-encodes a link, Python-Markdown writes it as it is
                attrs = [("href", self.url(target))]
                if "title" in node.meta:
                    attrs.append(("title", str(node.meta["title"])))
                write(f"<a{_attrs(attrs)}>")
                self.inline(node.children)
                write("</a>")
            elif name == "code_inline":
                write(f"<code>{_escape(''.join(str(c.meta['content']) for c in node.children))}</code>")
            else:  # images, and what Dossier's pages do not write
                raise _Declined

    def _heading(self, node: Node) -> None:
        attrs, children = self._attributes(node, _HEADER_ATTRS)
        level = int(node.meta["level"])
        inner, url = self._render(children), self.url
        self.url = str  # toc reads a heading before MkDocs rewrites its links
        name, source = strip_tags(inner), self._render(children)
        self.url = url
        anchor = next((value for key, value in attrs if key == "id"), None)
        if anchor is None:
            anchor = unique(self.toc.slugify(html.unescape(name), self.toc.separator), self.used, self.counters)
            attrs.append(("id", anchor))
        self.headings.append({"level": level, "id": html.unescape(anchor), "name": name, "html": source})
        if self.toc.permalink is not None:
            hint = f' title="{html.escape(self.toc.permalink_title)}"' if self.toc.permalink_title else ""
            inner += f'<a class="{self.toc.permalink_class}" href="#{html.escape(anchor)}"{hint}>{self.toc.permalink}</a>'
        self.out.append(f"<h{level}{_attrs(attrs)}>{inner}</h{level}>\n")

    def _render(self, nodes: Sequence[Node]) -> str:
        mark = len(self.out)
        self.inline(nodes)
        text = "".join(self.out[mark:])
        del self.out[mark:]
        return text

    def _attributes(self, node: Node, pattern: re.Pattern[str]) -> tuple[list[tuple[str, str]], Sequence[Node]]:
        """A trailing ``{: ...}`` of a paragraph or heading, as attr_list reads it, and
        the node's children without it."""
        children = node.children
        if not children or node.srcmap is None:
            return [], children
        start, end = node.srcmap
        text = self.source[start:end].decode()
        match = pattern.search(text)
        if match is None:
            return [], children
        parsed = _parse(match.group(1))
        if parsed is None:
            raise _Declined
        cut = start + len(text[: match.start()].encode())
        kept: list[Node] = []
        for child in children:
            if child.srcmap is None:
                raise _Declined
            begin, stop = child.srcmap
            if stop <= cut:
                kept.append(child)
            elif begin < cut:  # the text the list follows on the same line
                if child.name != "text" or self.source[begin:stop].decode() != child.meta["content"]:
                    raise _Declined
                trimmed = Node("text")
                trimmed.meta = {"content": self.source[begin:cut].decode()}
                kept.append(trimmed)
        attrs: list[tuple[str, str]] = []
        for key, value in parsed:
            if key == "class" and (old := next((i for i, (k, _) in enumerate(attrs) if k == "class"), None)) is not None:
                attrs[old] = ("class", f"{attrs[old][1]} {value}")
            elif (same := next((i for i, (k, _) in enumerate(attrs) if k == key), None)) is not None:
                attrs[same] = (key, value)
            else:
                attrs.append((key, value))
            if key == "id":
                self.used.add(value)
        return attrs, kept

    def _list(self, node: Node) -> None:
        """Python-Markdown makes a list item loose (its text a paragraph) only when a
        blank line precedes or follows it; CommonMark makes the whole list loose.
        They agree unless a loose list has items not set apart by blank lines. Nested
        lists are indented by four spaces for one and by the item's text for the other."""
        items = node.children
        loose = False
        for item in items:
            for child in item.children:
                if child.name in ("bullet_list", "ordered_list"):
                    raise _Declined
                loose = loose or child.name == "paragraph"
        if loose and any(item.srcmap is None or not self._after_blank(item.srcmap[0]) for item in items[1:]):
            raise _Declined
        if int(node.meta.get("start", 1)) != 1:
            raise _Declined  # Python-Markdown starts every list at 1
        tag = "ul" if node.name == "bullet_list" else "ol"
        write = self.out.append
        write(f"<{tag}>\n")
        for item in items:
            children = item.children
            blocks = [child.name in _BLOCKS for child in children]
            if not children:
                write("<li></li>\n")
            elif not any(blocks):
                write("<li>")
                self.inline(children)
                write("</li>\n")
            elif all(blocks):
                write("<li>\n")
                for child in children:
                    self.block(child)
                write("</li>\n")
            else:
                raise _Declined
        write(f"</{tag}>\n")

    def _after_blank(self, at: int) -> bool:
        """Whether the line before the one at byte ``at`` is blank."""
        line = self.source.rfind(b"\n", 0, at) + 1
        if line == 0:
            return False
        return not self.source[self.source.rfind(b"\n", 0, line - 1) + 1 : line - 1].strip()

    def _table(self, node: Node) -> None:
        align = [f' style="text-align: {a};"' if a in ("left", "right", "center") else ""  # as Python-Markdown has it
                 for a in node.meta.get("alignments", [])]
        if len(node.children) < 2:
            raise _Declined  # Python-Markdown gives a table without rows an empty one
        write = self.out.append
        write("<table>\n")
        for part in node.children:
            tag, cell = ("thead", "th") if part.name == "thead" else ("tbody", "td")
            write(f"<{tag}>\n")
            for row in part.children:
                write("<tr>\n")
                for i, cells in enumerate(row.children):
                    write(f"<{cell}{align[i] if i < len(align) else ''}>")
                    self.inline(cells.children)
                    write(f"</{cell}>\n")
                write("</tr>\n")
            write(f"</{tag}>\n")
        write("</table>\n")


def _closed(content: str) -> bool:
    """Python-Markdown keeps a raw HTML block up to its closing tag, blank lines
    and all; CommonMark ends it at a blank line and reads the rest as Markdown."""
    if (tag := _FIRST_TAG.match(content)) is None:
        return True
    name = re.escape(tag.group(1))
    opened = len(re.findall(rf"<{name}[\s/>]", content, re.IGNORECASE))
    return opened <= len(re.findall(rf"</{name}\s*>", content, re.IGNORECASE)) or tag.group(1).lower() in _VOID


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


def _anchors(out: str) -> set[str]:
    """Every id (and ``<a name>``) on the page, as MkDocs collects them for anchor checks."""
    return {html.unescape(a if a is not None else b) for a, b in _ID.findall(out)}


class FastPage(Page):
    """A generated page rendered by ``convert``; Python-Markdown when it declines."""

    fast_settings: Toc | None = None
    #: set by the plugin: ``pageloop`` converts the page later, in a worker, if its
    #: front matter names its title (the navigation of every page needs it before)
    later: bool = False

    def render(self, config: MkDocsConfig, files: Files) -> None:
        self.later = self.later and bool(self.meta.get("title"))
        if self.later:
            self.content, self.markdown = "", ""  # not held until the build ends
            return
        self.convert(config, files)

    def convert(self, config: MkDocsConfig, files: Files) -> None:
        """Render the page now."""
        if self.markdown is None or self.fast_settings is None:
            return super().render(config, files)
        links = _RelativePathTreeprocessor(self.file, files, config)
        rendered = convert(self.markdown, self.fast_settings, links.path_to_url)
        if rendered is None:
            return super().render(config, files)  # its link warnings are Python-Markdown's own
        self.content = rendered.html
        # The source is not read again (the title is the front matter's), and held
        # for every page until MkDocs' build ends it would double the memory.
        self.markdown = ""
        self.toc = get_toc(rendered.toc_tokens)  # type: ignore[arg-type]  # the dicts Python-Markdown's toc makes
        self._title_from_render = rendered.title
        self.present_anchor_ids = rendered.anchors
        self.links_to_anchors = links.links_to_anchors
