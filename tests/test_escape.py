"""Escaping: text from articles and YAML stays inert text in the Markdown."""

from __future__ import annotations

import markdown
import pytest
from selectolax.lexbor import LexborHTMLParser

from dossier.escape import md_text, safe_url

EXTENSIONS = ["attr_list", "tables", "toc"]  # as in mkdocs.yml


HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[klick](javascript:alert(1))",
    "**fett** _kursiv_ `code`",
    "# Überschrift",
    "- Liste",
    "1. Januar",
    "> Zitat",
    "| a | b |",
    "&lt;b&gt; &amp;",
    "<https://example.org>",
    "Text {: #id onclick=alert(1) }",
    "===",
]


@pytest.mark.parametrize("raw", HOSTILE)
def test_text_renders_as_the_same_inert_text(raw):
    html = markdown.markdown(str(md_text(raw)), extensions=EXTENSIONS)
    tree = LexborHTMLParser(html)
    assert [n.tag for n in tree.body.traverse() if n.tag not in ("-text", "body")] == ["p"]
    assert tree.body.text() == raw


@pytest.mark.parametrize("raw", HOSTILE)
def test_attribute_values_stay_inside_the_attribute(raw):
    """Python-Markdown processes Markdown inside raw HTML attributes (mkdocs #2847)."""
    html = markdown.markdown(f'Vor <mark title="{md_text(raw)}">x</mark> nach', extensions=EXTENSIONS)
    tree = LexborHTMLParser(html)
    [mark] = tree.css("mark")
    assert mark.attributes == {"title": raw}
    assert [n.tag for n in tree.body.traverse() if n.tag not in ("-text", "body")] == ["p", "mark"]


@pytest.mark.parametrize(
    "url, ok",
    [
        ("https://example.org/a?b=1", True),
        ("http://example.org", True),
        ("javascript:alert(1)", False),
        ("data:text/html,<script>", False),
        ("ftp://example.org", False),
        ('https://example.org/"onclick', False),
    ],
)
def test_only_http_links(url, ok):
    assert (safe_url(url) is not None) == ok
