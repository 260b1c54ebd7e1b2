"""Normalised DOM of a built site's pages, for comparing two builds of the same tree."""

from __future__ import annotations

import re
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser as HTMLParser
from selectolax.lexbor import LexborNode as Node

#: what a page's Markdown decides: the main content and the table of contents beside it
PARTS = ("article.md-content__inner", "nav.md-nav--secondary")
_SPACE = re.compile(r"\s+")


def node_dom(node: Node) -> object:
    if node.tag == "-text":
        text = _SPACE.sub(" ", node.text(deep=False))
        return text if text.strip() else None
    children = [c for c in (node_dom(child) for child in node.iter(include_text=True)) if c is not None]
    merged: list[object] = []
    for child in children:  # adjacent text (split by entities or stashing) as one string
        if isinstance(child, str) and merged and isinstance(merged[-1], str):
            merged[-1] = merged[-1] + child
        else:
            merged.append(child)
    merged = [c.strip() if isinstance(c, str) else c for c in merged]
    return (node.tag, tuple(sorted((k, v or "") for k, v in node.attributes.items())), tuple(c for c in merged if c != ""))


def page_dom(html: str) -> dict[str, object]:
    tree = HTMLParser(html)
    return {part: [node_dom(n) for n in tree.css(part)] for part in PARTS}


def site_dom(site: Path) -> dict[str, dict[str, object]]:
    return {p.relative_to(site).as_posix(): page_dom(p.read_text("utf-8")) for p in sorted(site.rglob("*.html"))}
