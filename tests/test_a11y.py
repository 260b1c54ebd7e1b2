"""Accessibility of the built site, theme included, in real Chromium.

axe-core (installed by ``make axe`` into .cache/axe/, as ``make test``
does) is injected into one page of each kind and runs its WCAG 2.x A/AA
rules: no serious or critical violation may remain. A phone of 360 px
must not scroll any of these pages sideways.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from helpers import ROOT
from playwright.sync_api import Browser
from test_browser import visit

from dossier import sitemap
from dossier.model import ENTITY_KINDS

AXE = ROOT / ".cache/axe/node_modules/axe-core/axe.min.js"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
BLOCKING = {"serious", "critical"}
PHONE = {"width": 360, "height": 740}



@pytest.fixture(scope="module")
def axe_source() -> str:
    assert AXE.is_file(), f"{AXE.relative_to(ROOT)} is missing: run `make axe` (make test does)"
    return AXE.read_text("utf-8")


def url(page: str) -> str:
    """The URL path of a generated Markdown page (directory URLs)."""
    stem = page.removesuffix(".md")
    return "" if stem == "index" else stem.removesuffix("index") if stem.endswith("/index") else stem + "/"


def _first(path: Path, keep=lambda entry: True) -> dict:
    entries = yaml.safe_load(path.read_text("utf-8")) or []
    return next(entry for entry in entries if keep(entry))


@pytest.fixture(scope="module")
def pages(real_site: Path) -> dict[str, str]:
    """One page of each kind, taken from the corpus as it is (not today's ids)."""
    content = real_site / "content"
    article = next(path.stem for path in sorted((content / "articles").glob("*.yml"))
                   if (yaml.safe_load(path.read_text("utf-8")) or {}).get("claims"))
    proposition = _first(content / "propositions.yml")["id"]
    kind = next(key for key in ENTITY_KINDS if _entries(content, key))
    entity = _first(content / f"entities/{kind}.yml")["id"]
    chosen = {
        **{f"index:{key}": url(sitemap.entity_index(key)) for key in ENTITY_KINDS},
        **{f"entity:{key}": url(f"{ENTITY_KINDS[key].folder}/{entries[0]['id']}.md")
           for key in ENTITY_KINDS if (entries := _entries(content, key))},
        "articles": url(sitemap.ARTICLES),
        "data": url(sitemap.DATA),
        "home": url(sitemap.HOME),
        "article": url(sitemap.article_page(article)),
        "question": url(sitemap.proposition_page(proposition)),
        "entity": url(f"{ENTITY_KINDS[kind].folder}/{entity}.md"),
        "contradictions": url(sitemap.CONTRADICTIONS),
        "timeline": url(sitemap.TIMELINE),
    }
    for name, path in chosen.items():
        assert (real_site / "build/site" / path / "index.html").is_file(), f"{name}: no page {path}"
    chosen["404"] = "404.html"  # what GitHub Pages shows for any unknown address
    return chosen


def _entries(content: Path, kind: str) -> list[dict]:
    """The registry of one kind (none when its file is missing)."""
    path = content / f"entities/{kind}.yml"
    return (yaml.safe_load(path.read_text("utf-8")) or []) if path.is_file() else []


KINDS = ["home", "article", "question", "entity", "contradictions", "timeline", "articles", "data", "404",
         *(f"index:{key}" for key in ENTITY_KINDS), *(f"entity:{key}" for key in ENTITY_KINDS)]


@pytest.mark.parametrize("kind", KINDS)
def test_axe_finds_no_serious_violation(browser: Browser, server: str, pages: dict[str, str],
                                        axe_source: str, kind: str) -> None:
    if kind not in pages:
        pytest.skip(f"the corpus registers no {kind.partition(':')[2]}")
    page, errors, _ = visit(browser, server + pages[kind])
    page.add_script_tag(content=axe_source)
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})", WCAG)
    page.close()
    assert result["passes"], "axe ran no rule that passed: it did not look at the page"
    blocking = [f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes'][:5]]}"
                for v in result["violations"] if v["impact"] in BLOCKING]
    assert blocking == [], "\n".join(blocking)
    assert errors == []


def test_axe_sees_a_link_told_apart_by_colour_only(browser: Browser, server: str, pages: dict[str, str],
                                                   axe_source: str) -> None:
    """The check above can fail: a link without underline in a paragraph is reported."""
    page, _, _ = visit(browser, server + pages["home"])
    page.evaluate("""() => {
        const p = document.createElement('p');
        p.innerHTML = 'Text vor <a href="#" style="text-decoration:none;color:#333">einem Link</a> und danach.';
        p.style.color = '#222';
        document.querySelector('.md-content__inner').append(p);
    }""")
    page.add_script_tag(content=axe_source)
    result = page.evaluate("() => axe.run(document, {runOnly: ['link-in-text-block']})")
    page.close()
    assert [v["id"] for v in result["violations"]] == ["link-in-text-block"]


def test_search_dialog_has_a_german_name(browser: Browser, server: str, pages: dict[str, str]) -> None:
    page, _, _ = visit(browser, server + pages["home"])
    assert page.locator(".md-search[role=dialog]").get_attribute("aria-label") == "Suche"
    page.close()


@pytest.mark.parametrize("kind", KINDS)
def test_no_page_scrolls_sideways_on_a_phone(browser: Browser, server: str, pages: dict[str, str],
                                             kind: str) -> None:
    page = browser.new_page(viewport=PHONE)
    response = page.goto(server + pages[kind], wait_until="networkidle")
    assert response is not None and response.status == 200
    width = page.evaluate("() => document.scrollingElement.scrollWidth")
    wide = page.evaluate("""w => [...document.querySelectorAll('.md-content *')]
        .filter(e => e.getBoundingClientRect().right > w + 1).slice(0, 5)
        .map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''))""", PHONE["width"])
    page.close()
    assert width <= PHONE["width"], f"{pages[kind]} is {width} px wide: {wide}"


def test_a_wide_table_scrolls_inside_its_box(browser: Browser, server: str, pages: dict[str, str]) -> None:
    """The check above can fail, and a table far wider than the phone does not widen the page."""
    page = browser.new_page(viewport=PHONE)
    page.goto(server + pages["article"], wait_until="networkidle")
    page.evaluate("""() => {
        const cells = Array.from({length: 12}, (_, i) => `<td>Spalte&nbsp;${i}&nbsp;mit&nbsp;langem&nbsp;Inhalt</td>`);
        for (const cls of ['', 'dossier-wide']) {
            const table = document.createElement('table');
            if (cls) table.className = cls;
            table.innerHTML = `<tbody><tr>${cells.join('')}</tr></tbody>`;
            document.querySelector('.md-content__inner').append(table);
        }
    }""")
    widths = page.evaluate("""() => [...document.querySelectorAll('.md-content__inner > table')]
        .map(t => [t.scrollWidth, t.getBoundingClientRect().right])""")
    width = page.evaluate("() => document.scrollingElement.scrollWidth")
    page.close()
    assert all(scroll > PHONE["width"] for scroll, _ in widths), widths  # the tables are wider than the phone
    assert all(right <= PHONE["width"] for _, right in widths), widths  # but their boxes are not
    assert width <= PHONE["width"]
