"""Hostile text in every field, in real Chromium: nothing runs, nothing leaves.

The dossier of tests/hostile_corpus.py puts script tags, event handlers,
attribute break-outs, images from another host, javascript: links,
Markdown, Jinja and entity-encoded tags into every text field. Each page is
opened, every element a pointer or the keyboard can reach is hovered and
focused (the theme renders some tooltips and truncated labels itself), and
the site search and its highlighting are used: no dialog may open, no
request may leave 127.0.0.1, and the hostile text must show as text.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import serving
from hostile_corpus import literal, payload, written
from playwright.sync_api import (
    Browser,
    Page,
    Request,
    Route,
    ViewportSize,
)

VIEWPORT: ViewportSize = {"width": 1400, "height": 900}
#: What a pointer can rest on: tooltip hosts, truncated navigation labels, links, tags.
HOVERED = "[title], .md-ellipsis, mark, sup a, a, time, abbr"
PAGES = [
    "",  # home
    "artikel/",
    "artikel/evil/",
    "artikel/evil2/",
    "personen/",
    "personen/kim-jong-un/",
    "organisationen/nis/",
    "orte/vladivostok/",
    "widersprueche/",
    "widersprueche/troops/",
    "widersprueche/treaty-date/",
    "widersprueche/situation/",
    "zeitleiste/",
    "daten/",
]



@pytest.fixture(scope="module")
def hostile_server(hostile_site: Path) -> Iterator[str]:
    with serving(hostile_site) as url:
        yield url


class Watched:
    """A page that records every dialog and every request to another host (and blocks it)."""

    def __init__(self, browser: Browser) -> None:
        self.page: Page = browser.new_page(viewport=VIEWPORT)
        self.dialogs: list[str] = []
        self.foreign: list[str] = []
        self.page.on("dialog", self._dialog)
        self.page.route("**/*", self._route)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def _route(self, route: Route, request: Request) -> None:
        if urlsplit(request.url).hostname != "127.0.0.1":
            self.foreign.append(request.url)
            route.abort()
        else:
            route.continue_()

    def open(self, url: str, status: int = 200) -> None:
        """Load a page afresh, forgetting what earlier pages did."""
        self.dialogs.clear()
        self.foreign.clear()
        self.page.set_viewport_size(VIEWPORT)
        response = self.page.goto(url, wait_until="load")
        assert response is not None and response.status == status, url
        self.settle()

    def hover_everything(self) -> int:
        """Rest the pointer on every visible element that could show something
        (in a viewport as tall as the page, so that all of it is in view)."""
        height = self.page.evaluate("document.documentElement.scrollHeight")
        self.page.set_viewport_size({"width": VIEWPORT["width"], "height": height})
        points = self.page.evaluate("""selector => [...document.querySelectorAll(selector)]
            .map(el => el.getBoundingClientRect())
            .filter(r => r.width > 0 && r.height > 0)
            .map(r => [r.left + r.width / 2, r.top + r.height / 2])""", HOVERED)
        for x, y in points:
            self.page.mouse.move(x, y)
        return len(points)

    def tab_through(self) -> int:
        """Move keyboard focus through every focusable element, as a keyboard user does."""
        count = self.page.evaluate("""() => document.querySelectorAll(
            'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])').length""")
        for _ in range(count + 1):
            self.page.keyboard.press("Tab")
        return count

    def settle(self) -> None:
        """Images that failed to load fire their error handlers asynchronously."""
        self.page.wait_for_timeout(300)

    def close(self) -> None:
        self.page.close()


@pytest.fixture(scope="module")
def watched(browser: Browser) -> Iterator[Watched]:
    watched = Watched(browser)
    yield watched
    watched.close()


@pytest.mark.parametrize("path", PAGES)
def test_nothing_runs_or_leaves_on_hover_and_focus(watched: Watched, hostile_server: str, path: str) -> None:
    watched.open(hostile_server + path)
    hovered = watched.hover_everything()
    tabbed = watched.tab_through()
    watched.settle()
    assert (watched.dialogs, watched.foreign) == ([], [])
    assert hovered > 10 and tabbed > 10


def test_the_404_page_runs_nothing(watched: Watched, hostile_server: str) -> None:
    watched.open(hostile_server + "gibt-es-nicht/", status=404)
    watched.hover_everything()
    watched.tab_through()
    watched.settle()
    assert (watched.dialogs, watched.foreign) == ([], [])
    assert literal("site-name") in watched.page.title()


@pytest.mark.parametrize(("path", "field"), [
    ("artikel/evil/", "article-title"),
    ("personen/kim-jong-un/", "entity-name"),
    ("widersprueche/troops/", "question"),
])
def test_titles_show_as_text_in_the_header_and_the_tab(watched: Watched, hostile_server: str, path: str, field: str) -> None:
    watched.open(hostile_server + path)
    page = watched.page
    assert page.title() == f"{' '.join(written(field).split())} - {payload('site-name')}"
    assert literal(field) in page.locator("h1").first.inner_text()
    assert literal(field) in (page.locator(".md-header__topic[data-md-component=header-topic]").text_content() or "")
    assert literal("site-name") in (page.locator(".md-header__topic").first.text_content() or "")
    assert page.locator("meta[name=description]").get_attribute("content") == payload("site-description")
    assert (watched.dialogs, watched.foreign) == ([], [])


def test_claim_details_show_as_text_on_focus_and_hover(watched: Watched, hostile_server: str) -> None:
    watched.open(hostile_server + "artikel/evil/")
    page = watched.page
    page.locator("sup.dossier-tag a").first.focus()
    page.keyboard.press("Enter")  # the claim's panel, cloned from its build-time template
    panel = page.locator(".dossier-panel")
    panel.wait_for(state="visible", timeout=5_000)
    text = panel.inner_text()
    for field in ("question", "scope-label", "unit", "source-name", "via-name", "claim-note"):
        assert literal(field) in text, field
    assert panel.locator("script, img, iframe, object, [onerror], [onclick], [style]").count() == 0
    page.keyboard.press("Escape")
    panel.wait_for(state="detached", timeout=5_000)
    tooltip = page.get_by_role("tooltip")
    page.locator("sup.dossier-note-tag a").first.focus()
    assert "Richtig:" in tooltip.inner_text()
    assert literal("note-note") in tooltip.inner_text() and literal("note-correction") in tooltip.inner_text()
    page.locator("body").click(position={"x": 5, "y": 300})  # focus leaves: the tooltip goes
    tooltip.wait_for(state="hidden", timeout=5_000)
    page.locator("mark.dossier-claim[id]").first.hover()
    tooltip.wait_for(state="visible", timeout=5_000)
    assert literal("question") in tooltip.inner_text()
    watched.settle()
    assert (watched.dialogs, watched.foreign) == ([], [])


def test_search_and_its_highlighting_run_nothing(watched: Watched, hostile_server: str) -> None:
    watched.open(hostile_server)
    page = watched.page
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator("input.md-search__input").press_sequentially("onerror", delay=30)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=10_000)
    assert results.count() >= 3
    assert 'onerror=alert("' in page.locator(".md-search-result").inner_text()
    for i in range(min(results.count(), 10)):
        results.nth(i).hover()
    href = page.locator(".md-search-result__link").first.get_attribute("href")
    assert href and "h=" in href
    watched.settle()
    assert (watched.dialogs, watched.foreign) == ([], [])
    watched.open(href)  # the search marks the terms on the page it opens
    page.locator("mark.pagefind-highlight").first.wait_for(timeout=10_000)
    watched.hover_everything()
    watched.settle()
    assert (watched.dialogs, watched.foreign) == ([], [])
