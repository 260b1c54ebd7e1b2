"""The fast path (dossier/fastpath.py) renders pages as Python-Markdown would.

Sites are built both ways from the same generated tree, and every page's
main content and table of contents must be the same DOM; no page may have
fallen back to Python-Markdown, or the comparison would prove nothing.
Snippets of generic Markdown and inline HTML (markup other page kinds may
add) must render the same or be declined, never differently.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import markdown
import pytest
from helpers import ROOT, copy_corpus, grow_corpus
from mkdocs.config import load_config
from selectolax.lexbor import LexborHTMLParser
from sitedom import node_dom, site_dom

from dossier import fastpath
from dossier.cli import main
from dossier.model import ENTITY_KINDS
from dossier.publish import PublishError, publish

sys.path.insert(0, str(ROOT))
from benchmarks.synth import make_corpus  # noqa: E402


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Records, per page the fast path was asked to render, whether it did (in this process)."""
    monkeypatch.setenv("DOSSIER_JOBS", "1")
    done: list[bool] = []
    convert = fastpath.convert

    def counted(*args: Any) -> fastpath.Rendered | None:
        result = convert(*args)
        done.append(result is not None)
        return result

    monkeypatch.setattr(fastpath, "convert", counted)
    return done


def _both(root: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path, list[bool]]:
    assert main(["--root", str(root), "build"]) == 0
    plain = root / "build" / "plain"
    done = _counting(monkeypatch)
    publish(root / "mkdocs.yml", plain, fast_path=False)
    assert done == []  # the switch turns it off
    fast = root / "build" / "fast"
    publish(root / "mkdocs.yml", fast)
    return fast, plain, done


CORPORA: dict[str, Callable[[Path], object]] = {
    "grown": grow_corpus,  # the real corpus plus tests/growth
    "synthetic": lambda root: make_corpus(root, 60, seed=7),
}


@pytest.mark.parametrize("corpus", sorted(CORPORA))
def test_every_page_renders_the_same_both_ways(corpus: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    CORPORA[corpus](tmp_path)
    if corpus == "grown":
        assert (tmp_path / "seeds").is_dir()
    fast, plain, done = _both(tmp_path, monkeypatch)
    pages = sorted(p.relative_to(tmp_path / "build" / "docs").as_posix()
                   for p in (tmp_path / "build" / "docs").rglob("*.md"))
    assert len(done) == len(pages) and all(done), f"{done.count(False)} pages fell back to Python-Markdown"
    # every page kind is among them: each section's index and at least one page beside it
    folders = ["artikel", "widersprueche"] + [kind.folder for kind in ENTITY_KINDS.values()]
    for folder in folders:
        assert f"{folder}/index.md" in pages
        assert any(p.startswith(f"{folder}/") and p != f"{folder}/index.md" for p in pages), folder
    assert {"index.md", "zeitleiste.md", "daten/index.md"} <= set(pages)
    a, b = site_dom(plain), site_dom(fast)
    assert a.keys() == b.keys()
    assert len(a) > len(pages)  # the 404 page too
    different = [page for page in a if a[page] != b[page]]
    assert different == []
    toc = [page for page in a if a[page]["nav.md-nav--secondary"]]
    assert len(toc) >= len(folders)  # pages with headings have a TOC, and it was compared


@pytest.fixture(scope="module")
def mkdocs_markdown() -> tuple[fastpath.Toc, Callable[[str], str]]:
    """The fast path's settings and Python-Markdown, both as this repository's mkdocs.yml configures them."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    toc = fastpath.settings(config)
    assert toc is not None

    def python_markdown(text: str) -> str:
        md = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
        return md.convert(text)

    return toc, python_markdown


SNIPPETS = {
    "paragraph attributes": 'Text mit <mark class="c" title="a &#40;b&#41;">Marke</mark>\n{: .dossier-meta lang="de" }\n',
    "heading attributes": '# Titel&#58; Teil {: lang="en" }\n\n## Abschnitt\n\n## Abschnitt\n\n### [Link](x.md) (1)\n',
    "heading id": "## Eigener {: #eigen }\n\n## Eigen\n",
    "inline svg": 'Vorher\n\n<svg viewBox="0 0 10 10" role="img"><title>T</title><rect width="1" height="2"/></svg>\n\nNachher\n',
    "figure": '<figure class="c">\n<svg viewBox="0 0 10 10"><rect width="1"/></svg>\n<figcaption>Cap</figcaption>\n</figure>\n',
    "popover": 'Wort <button type="button" popovertarget="p1">1</button><span id="p1" popover>**x** [y](y.md)</span>\n{: lang="de" }\n',
    "search attributes": '<div data-pagefind-body>\n\nText <span data-pagefind-filter="kind:Artikel">x</span>\n\n</div>\n',
    "details": '<details class="d">\n<summary>S</summary>\n<ul>\n<li><em>x</em> y</li>\n</ul>\n</details>\n',
    "table": "| a | b |\n| --- | --- |\n| <span id=\"k\"></span>[1](#c) | „z“<br><small>[q](q.md) · s</small> |\n",
    "loose list": "- [a](a.md) — x\n\n- b\n",
    "tight list": "- <span id=\"n\"></span>**a** zu „b“: c\n- d\n",
    "mixed list": "- a\n- b\n\n- c\n",
    "nested list": "1. a\n2. b\n   - c\n",
    "list item attributes": "- a {: .x }\n",
    "entities and escapes": "a &#42;b&#42; \\*c\\* &amp; &lt;d&gt; &#91;e&#93;(f)\n",
    "hard break": "a  \nb\n",
    "rule and quote": "a\n\n---\n\n> b\n",
    "ordered list from 3": "3. a\n4. b\n",
    "emphasis and code": "*a* __b__ ***c*** `<d> & e`\n",
    "ascii autolink and link title": '<https://example.org/a?x=1&y=2> [t](t.md "Ti &amp; tel")\n',
    "autolink and link title": '<https://example.org/ä?x=1&y=2> [t](t.md "Ti &amp; tel")\n',
    "aligned table with a missing cell": "| a | b | c |\n|:--|:-:|--:|\n| 1 |\n| 2 | 3 | 4 |\n",
    "header-only table": "| a | b |\n| --- | --- |\n",
    "id set further down": "## Eigen\n\nText\n{: #eigen }\n",
    "attributes after a link": "# [Titel](t.md) {: .c }\n\nText [l](l.md)\n{: .d #e }\n",
    "attributes with an entity": 'Text\n{: title="a &amp; b" .x .y }\n',
    "html block in a list": "- <div>a</div>\n- b\n",
}


@pytest.mark.parametrize("name", sorted(SNIPPETS))
def test_markup_renders_the_same_or_is_declined(name: str, mkdocs_markdown: tuple[fastpath.Toc, Callable[[str], str]]) -> None:
    toc, python_markdown = mkdocs_markdown
    text = SNIPPETS[name]
    rendered = fastpath.convert(text, toc, lambda url: url)

    def dom(html: str) -> object:
        return node_dom(LexborHTMLParser(f"<body>{html}</body>").body)

    if rendered is not None:
        assert dom(rendered.html) == dom(python_markdown(text))
    else:
        assert name in ("mixed list", "nested list", "list item attributes", "search attributes", "ordered list from 3",
                        "emphasis and code", "autolink and link title", "header-only table")


def test_what_the_fast_path_does_not_reproduce_goes_through_python_markdown(tmp_path: Path) -> None:
    config = load_config(str(ROOT / "mkdocs.yml"))
    assert fastpath.settings(config) is not None
    config.markdown_extensions.append("footnotes")
    assert fastpath.settings(config) is None


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_corpus(tmp_path_factory.mktemp("links"))
    assert main(["--root", str(root), "build", "--no-site"]) == 0
    return root


@pytest.mark.parametrize("link, message", [
    ("[x](../personen/niemand.md)", "is not found among documentation files"),
    ("[x](../zeitleiste.md#keine-solche-stelle)", "does not contain an anchor '#keine-solche-stelle'"),
    ("[x](#auch-keine)", "there is no such anchor on this page"),
])
def test_broken_links_in_generated_pages_still_fail_the_strict_build(
        generated: Path, link: str, message: str, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    page = sorted((generated / "build" / "docs" / "artikel").glob("0*.md"))[0]
    text = page.read_text("utf-8")
    done = _counting(monkeypatch)
    try:
        page.write_text(text + f"\nSiehe {link}.\n", "utf-8")
        with pytest.raises(PublishError):
            publish(generated / "mkdocs.yml", generated / "build" / "site")
    finally:
        page.write_text(text, "utf-8")
    assert done and all(done)  # the fast path rendered the pages, and the link was caught
    assert any(message in record.getMessage() and page.name in record.getMessage() for record in caplog.records)
