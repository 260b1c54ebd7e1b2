"""The generated Markdown is link-checked with markdown-it-py before writing."""

from __future__ import annotations

from dossier.linkcheck import find_broken_links

PAGES = {
    "index.md": "[a](artikel/a.md#c-x) [b](artikel/b.md) [c](artikel/a.md#c-y) [d](ftp://example.org/x) [e](https://example.org)\n",
    "artikel/a.md": '<mark id="c-x">x</mark>\n\n## Frage {: #p-frage }\n\n[zurück](../index.md) [f](#p-frage) [g](#p-fehlt)\n',
}


def test_reports_missing_files_anchors_and_unsafe_schemes():
    problems = find_broken_links(PAGES, set(PAGES))
    assert problems == [
        "artikel/a.md: link to missing anchor '#p-fehlt'",
        "index.md: link to missing file 'artikel/b.md'",
        "index.md: link to missing anchor 'artikel/a.md#c-y'",
        "index.md: link to 'ftp://example.org/x' is not http(s)",
    ]


def test_only_parses_the_given_pages():
    assert find_broken_links(PAGES, set(PAGES), only={"artikel/a.md"}) == ["artikel/a.md: link to missing anchor '#p-fehlt'"]
