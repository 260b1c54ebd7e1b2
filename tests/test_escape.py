"""Escaping: text from articles and YAML stays inert text in the Markdown."""

from __future__ import annotations

import pytest

from dossier.escape import md_text, safe_url


@pytest.mark.parametrize(
    "raw, forbidden",
    [
        ("<script>alert(1)</script>", ["<script", "</script"]),
        ("[klick](javascript:alert(1))", ["[", "](", "javascript:"]),
        ("**fett** _kursiv_ `code`", ["**", "_", "`"]),
        ('" onmouseover="alert(1)', ['"', "="]),
        ("# Überschrift", ["#"]),
        ("| a | b |", ["|"]),
        ("&lt;b&gt;", ["&lt;"]),
    ],
)
def test_markdown_and_html_become_character_references(raw, forbidden):
    escaped = str(md_text(raw))
    for token in forbidden:
        assert token not in escaped


def test_leading_ordinal_does_not_become_a_list():
    assert str(md_text("1. Januar")).startswith("1&#46;")


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
