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


def tags_and_text(source: str) -> tuple[list[str], str]:
    tree = LexborHTMLParser(markdown.markdown(source, extensions=EXTENSIONS))
    return [n.tag for n in tree.body.traverse() if n.tag not in ("-text", "body")], " ".join(tree.body.text().split())


@pytest.mark.parametrize("raw", [
    "a\r\r1. b", "a\r\r    x", "a  \rb", "a\r\n\r\n> b",
    "a\n\n1. b", "a\n\n    x", "a  \nb",
    "a\x0b\x0b1. b", "a\x0c\x0c1. b", "a\x85\x851. b", "a\u2028\u20281. b", "a\u2029\u2029    b",
])
def test_a_line_break_in_the_text_starts_nothing(raw):
    """LF and CR (a line break to Python-Markdown) become character references:
    no blank line, so no list, code block, quote or <br>. The other separators
    Python knows mean nothing to Markdown and stay inert as they are."""
    assert "\n" not in md_text(raw) and "\r" not in md_text(raw)
    assert tags_and_text(f"Vor {md_text(raw)} nach") == (["p"], " ".join(f"Vor {raw} nach".split()))
    tags, _ = tags_and_text(f"| A |\n| --- |\n| {md_text(raw)} |")
    assert tags == ["table", "thead", "tr", "th", "tbody", "tr", "td"]


@pytest.mark.parametrize("raw", [
    "  1. Punkt", "\t2. Punkt", "\u00a03. Punkt", "   10. Punkt", "  1) Punkt",
    "  - Punkt", "  + Punkt", "  * Punkt", "  > Zitat", "  # Titel", "  ===", "  ---", "      Code",
])
def test_line_start_syntax_after_white_space_stays_text(raw):
    """markup.paragraphs strips a line's leading white space after escaping it:
    what then starts the line ("1.", "-", "#", ...) must still be text."""
    assert tags_and_text(str(md_text(raw)).strip()) == (["p"], raw.strip())


@pytest.mark.parametrize(
    "url, ok",
    [
        ("https://example.org/a?b=1", True),
        ("http://example.org", True),
        ("HTTPS://Example.org:8080/a_b~c?d=(1)&e=[2];f=g+h,i*j!k$l#m@n", True),
        ("https://example.org/%C3%A4", True),
        ("http://user@example.org/", True),
        ("http://[::1]/", True),
        ("javascript:alert(1)", False),
        ("data:text/html,<script>", False),
        ("ftp://example.org", False),
        ('https://example.org/"onclick', False),
        ("https://example.org/'onclick", False),
        ("http://x\\", False),  # the backslash would escape the '>' of the <...> link
        ("http://x\x1b", False),
        ("http://x/\x85", False),
        ("https://example.org/\n", False),
        ("https://example.org/a b", False),
        ("https://example.org/ä", False),
        ("http:///", False),
        ("http://:80/", False),
        ("http://user@/", False),
        ("http:example.org", False),
        ("http://[x/", False),
    ],
)
def test_only_http_links_with_a_host_and_the_characters_of_a_url(url, ok):
    assert safe_url(url) == (url if ok else None)
