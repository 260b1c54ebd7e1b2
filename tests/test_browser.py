"""The built site in real Chromium: no console errors, no request elsewhere.

Debian's chromium is driven through Playwright (which cannot download a
browser here). The site is served under the project sub-path on loopback.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from playwright.sync_api import Browser, Page


def visit(browser: Browser, url: str) -> tuple[Page, list[str], list[str]]:
    """Open a page; return it with its console errors and off-site requests."""
    page = browser.new_page()
    errors: list[str] = []
    foreign: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    origin = urlsplit(url).netloc

    def check(request) -> None:
        if urlsplit(request.url).scheme in ("http", "https") and urlsplit(request.url).netloc != origin:
            foreign.append(request.url)

    page.on("request", check)
    response = page.goto(url, wait_until="networkidle")
    assert response is not None and response.status == 200, url
    return page, errors, foreign


@pytest.fixture(scope="module")
def article(real_site: Path) -> str:
    """The page of the first article with claims (the browser tests look at claims)."""
    for annotation in sorted((real_site / "content/articles").glob("*.yml")):
        if (yaml.safe_load(annotation.read_text("utf-8")) or {}).get("claims"):
            return f"artikel/{annotation.stem}/"
    raise AssertionError("no article has claims")


@pytest.mark.parametrize("kind", ["home", "article", "contradictions"])
def test_pages_load_cleanly(browser: Browser, server: str, article: str, kind: str) -> None:
    path = {"home": "", "article": article, "contradictions": "widersprueche/"}[kind]
    page, errors, foreign = visit(browser, server + path)
    assert errors == []
    assert foreign == []
    assert page.locator("html").get_attribute("lang") == "de"
    page.close()


def test_claim_shows_details_on_hover(browser: Browser, server: str, article: str, tmp_path: Path) -> None:
    page, errors, _ = visit(browser, server + article)
    claim = page.locator("mark.dossier-claim[id]").first
    claim.hover()
    tooltip = page.get_by_role("tooltip")
    tooltip.wait_for(state="visible", timeout=5_000)
    assert "Quelle:" in tooltip.inner_text()
    assert claim.get_attribute("aria-describedby") == tooltip.get_attribute("id")
    page.screenshot(path=str(tmp_path / "article.png"), full_page=True)
    assert errors == []
    page.close()


# Keyboard, touch and no-script use of a claim's number: tests/test_claim_panel.py.


def test_claim_statuses_differ_by_line_style_not_only_colour(browser: Browser, server: str, article: str) -> None:
    """The legend of an article page shows each status as readers see it."""
    page, _, _ = visit(browser, server + article)
    styles = page.evaluate("""() => [...document.querySelectorAll('p mark.dossier-claim:not([id])')]
        .map(m => getComputedStyle(m).borderBottomStyle)""")
    assert len(styles) >= 4 and len(set(styles)) == len(styles), styles  # one line style per status
    page.close()


def test_german_search_finds_a_person(browser: Browser, server: str) -> None:
    page, errors, foreign = visit(browser, server)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator("input.md-search__input").press_sequentially("Budanow", delay=30)  # real key events
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=10_000)
    assert results.count() >= 1
    assert "Budanow" in page.locator(".md-search-result").inner_text()
    assert errors == [] and foreign == []
    page.close()
