"""The site search (Pagefind, dossier/search.py and assets/search.js) in real Chromium.

Queries come from the corpus (content/ and seeds/ as built), never from
today's articles: a person's name, an inflected form of a word of an
article, a figure of a claim. The site is served under the project
sub-path, and no request may leave 127.0.0.1.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from helpers import SUB_PATH
from playwright.sync_api import Browser, Page
from selectolax.lexbor import LexborHTMLParser
from test_a11y import BLOCKING, WCAG, axe_source  # noqa: F401  (a fixture)
from test_browser import visit

from dossier import sitemap
from dossier.model import ENTITY_KINDS
from dossier.pages import labels

SEARCH = """async ([query, filters]) => {
  const pagefind = await import(new URL('pagefind/pagefind.js', document.baseURI.replace(/[^/]*$/, '')).href);
  const search = await pagefind.search(query, {filters});
  return Promise.all(search.results.map(async r => { const d = await r.data(); return [d.url, d.excerpt]; }));
}"""


def pagefind_results(page: Page, query: str | None, filters: dict[str, str] | None = None) -> dict[str, str]:
    """Every page Pagefind finds (the search box shows ten): URL path -> excerpt."""
    return dict(page.evaluate(SEARCH, [query, filters or {}]))


def pagefind_urls(page: Page, query: str | None, filters: dict[str, str] | None = None) -> list[str]:
    return list(pagefind_results(page, query, filters))


def open_search(page: Page, query: str) -> None:
    page.keyboard.press("/")  # the theme's shortcut (also f and s)
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    page.keyboard.type(query, delay=20)
    page.locator(".md-search-result__item").first.wait_for(timeout=15_000)
    results_shown(page)


def results_shown(page: Page) -> None:
    """Wait until no query is pending (the results list sets aria-busy meanwhile)."""
    page.locator(".md-search-result:not([aria-busy])").wait_for(state="attached", timeout=15_000)


def result_links(page: Page) -> list[str]:
    return [link.get_attribute("href") or "" for link in page.locator(".md-search-result__link").all()]


def article_url(stem: str) -> str:
    return SUB_PATH + sitemap.article_page(stem).removesuffix(".md") + "/"


def _annotations(site: Path) -> list[tuple[str, dict]]:
    return [(path.stem, yaml.safe_load(path.read_text("utf-8")) or {})
            for path in sorted((site / "content/articles").glob("*.yml"))]


def test_a_person_is_found_opened_and_marked(browser: Browser, server: str, real_site: Path) -> None:
    person = yaml.safe_load((real_site / "content/entities/people.yml").read_text("utf-8"))[0]
    page, errors, foreign = visit(browser, server)
    open_search(page, person["name"])
    expected = f"{SUB_PATH}{ENTITY_KINDS['people'].folder}/{person['id']}/"
    links = result_links(page)
    assert any(urlsplit(link).path == expected for link in links), links
    assert all(urlsplit(link).netloc == urlsplit(server).netloc and urlsplit(link).path.startswith(SUB_PATH)
               for link in links)
    page.keyboard.press("ArrowDown")  # into the results, as in the theme
    assert page.evaluate("document.activeElement.classList.contains('md-search-result__link')")
    target = page.evaluate("document.activeElement.href")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == target and "h=" in page.url
    page.locator(".md-content mark.pagefind-highlight").first.wait_for(timeout=10_000)
    page.wait_for_load_state("networkidle")
    assert errors == [] and foreign == []
    page.close()


def test_escape_closes_and_filters_narrow(browser: Browser, server: str, real_site: Path) -> None:
    person = yaml.safe_load((real_site / "content/entities/people.yml").read_text("utf-8"))[0]
    page, errors, foreign = visit(browser, server)
    open_search(page, person["name"])
    page.focus("select[data-filter=kind]")  # its values load when a filter is first used
    page.select_option("select[data-filter=kind]", ENTITY_KINDS["people"].singular)
    folder = f"{SUB_PATH}{ENTITY_KINDS['people'].folder}/"
    page.wait_for_function("f => [...document.querySelectorAll('.md-search-result__link')].every("
                           "a => new URL(a.href).pathname.startsWith(f))", arg=folder, timeout=10_000)
    assert result_links(page)
    page.keyboard.press("Escape")
    assert page.evaluate("!document.getElementById('__search').checked")
    assert errors == [] and foreign == []
    page.close()


def _inflected(html: str) -> tuple[str, str] | None:
    """A word of the article's visible text and another form of it that the text
    does not have: found only by stemming."""
    tree = LexborHTMLParser(html)
    text = " ".join(node.text() for node in tree.css(".md-content p[lang]"))
    words = set(re.findall(r"\w+", text))
    for word in sorted(words):
        for ending, other in (("ungen", "ung"), ("ten", "t")):
            if len(word) >= 8 and word.endswith(ending) and word[:-len(ending)] + other not in words:
                return word, word[:-len(ending)] + other
    return None


def test_an_inflected_form_finds_the_article(browser: Browser, server: str, real_site: Path) -> None:
    for stem, _ in _annotations(real_site):
        html = (real_site / "build/site" / article_url(stem).removeprefix(SUB_PATH) / "index.html").read_text("utf-8")
        found = _inflected(html)
        if found:
            break
    else:
        pytest.skip("no article has a word with a plural ending")
    written, query = found
    page, errors, _ = visit(browser, server)
    assert article_url(stem) in pagefind_urls(page, query), (written, query)
    assert errors == []
    page.close()


def test_a_figure_finds_its_claim(browser: Browser, server: str, real_site: Path) -> None:
    """A number in a claim finds the article, and the result goes to the claim."""
    claims = [(stem, claim, max(re.findall(r"\d+(?:[.,]\d+)*", claim["quote"]), key=len))
              for stem, annotation in _annotations(real_site) for claim in annotation.get("claims") or []
              if re.search(r"\d", claim["quote"])]
    assert claims, "no claim quotes a figure"
    stem, claim, figure = claims[0]
    page, errors, foreign = visit(browser, server)
    open_search(page, figure)
    page.focus("select[data-filter=kind]")
    page.select_option("select[data-filter=kind]", labels.SEARCH_KIND["article"])
    results_shown(page)
    wanted = article_url(stem)
    # the filtered list: only articles, the wanted one among them (the unfiltered one may hold it too)
    folder = wanted[:-len(stem) - 1]
    page.wait_for_function("([p, f]) => { const a = [...document.querySelectorAll('.md-search-result__item > a')];"
                           " return a.some(x => new URL(x.href).pathname === p)"
                           " && a.every(x => new URL(x.href).pathname.startsWith(f)); }", arg=[wanted, folder], timeout=10_000)
    links = [link for link in result_links(page) if urlsplit(link).path == wanted]
    anchors = {urlsplit(link).fragment for link in links}
    assert any(anchor.startswith("c-") for anchor in anchors), (figure, links)
    page.goto(next(link for link in links if urlsplit(link).fragment.startswith("c-")))
    claim_text = page.locator(f"mark#{next(a for a in anchors if a.startswith('c-'))}").inner_text()
    assert figure in claim_text or figure in claim["quote"]
    assert errors == [] and foreign == []
    page.close()


def test_the_open_search_passes_axe(browser: Browser, server: str, real_site: Path, axe_source: str) -> None:  # noqa: F811
    person = yaml.safe_load((real_site / "content/entities/people.yml").read_text("utf-8"))[0]
    page, errors, _ = visit(browser, server)
    open_search(page, person["name"])
    page.add_script_tag(content=axe_source)
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})", WCAG)
    blocking = [f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes'][:5]]}"
                for v in result["violations"] if v["impact"] in BLOCKING]
    assert blocking == [], "\n".join(blocking)
    assert errors == []
    page.close()


def test_hidden_parts_are_not_indexed(browser: Browser, server: str, real_site: Path) -> None:
    """A hidden span (byline, rubric, ...) is noise: a word only there is not
    found on the article (Pagefind may still match a part of it elsewhere)."""
    page, _, _ = visit(browser, server)
    checked = 0
    for stem, _annotation in _annotations(real_site):
        html = (real_site / "build/site" / article_url(stem).removeprefix(SUB_PATH) / "index.html").read_text("utf-8")
        tree = LexborHTMLParser(html)
        body = tree.css_first("article.md-content__inner")
        hidden = body.css_first("details.dossier-hidden") if body else None
        if hidden is None:
            continue
        assert "data-pagefind-ignore" in hidden.attributes
        elsewhere = " ".join(node.text() for node in body.css("p, li, h1, h2, h3, td") if not _inside(node, hidden))
        seen = {word.lower()[:5] for word in re.findall(r"\w+", elsewhere)}  # any form of a word seen
        spans = " ".join(node.text() for node in hidden.css("li"))
        only_hidden = sorted({word for word in re.findall(r"[^\W\d_]{6,}", spans) if word.lower()[:5] not in seen})
        for word in only_hidden[:2]:
            excerpt = pagefind_results(page, word).get(article_url(stem), "")
            assert word.lower() not in excerpt.lower(), (stem, word, excerpt)
            checked += 1
    if not checked:
        pytest.skip("no hidden span has a word of its own")
    page.close()


def _inside(node, ancestor) -> bool:
    while node is not None:
        if node.mem_id == ancestor.mem_id:
            return True
        node = node.parent
    return False
