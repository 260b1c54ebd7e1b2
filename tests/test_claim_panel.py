"""A claim's panel on its article page, in real Chromium: keyboard, touch, no script, axe.

The claim looked at is taken from the analysed corpus (the first one, in
article and claim order, that other claims disagree with), and so are the
expectations: its value and note, the claims that disagree and where their
links lead.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page
from test_a11y import AXE, BLOCKING, WCAG, url
from test_browser import visit

from dossier import sitemap
from dossier.layout import Project
from dossier.pipeline import check

PANEL = ".dossier-panel"


@dataclass(frozen=True)
class Chosen:
    page: str  # URL path of the article page
    claim: str
    value: str
    note: str
    disputer_page: str  # URL path of the first disagreeing claim's article page
    disputer: str  # its claim id
    disputers: int


@pytest.fixture(scope="module")
def chosen(real_site: Path) -> Chosen:
    checked = check(Project(real_site))
    assert not checked.diagnostics.errors
    for item in sorted(checked.linked, key=lambda i: i.article.id):
        for claim in sorted(item.article.claims, key=lambda c: (not c.note, c.id)):
            status = checked.analysis.claims.get(claim.key)
            if status and len(status.disputed_by):
                other = status.disputed_by[0]
                return Chosen(url(sitemap.article_page(item.article.id)), claim.id, item.values[claim.id].text,
                              claim.note, url(sitemap.article_page(other.article.id)), other.claim.id,
                              len(status.disputed_by))
    raise AssertionError("no claim in the corpus is disputed")


def tag_of(page: Page, chosen: Chosen):
    return page.locator(f'sup.dossier-tag a[href="#k-{chosen.claim}"]')


def focused(page: Page, script: str) -> bool:
    return bool(page.evaluate(f"() => {{ const el = document.activeElement; return {script}; }}"))


def single_line(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def article(browser: Browser, server: str, chosen: Chosen) -> Iterator[Page]:
    page, errors, foreign = visit(browser, server + chosen.page)
    yield page
    page.close()
    assert errors == [] and foreign == []


def test_keyboard_only_opens_closes_and_follows_a_disagreeing_claim(article: Page, server: str, chosen: Chosen) -> None:
    page = article
    href = f"#k-{chosen.claim}"
    for _ in range(1000):  # Tab as a keyboard user does, until the claim's number
        page.keyboard.press("Tab")
        if focused(page, f"el.getAttribute('href') === '{href}'"):
            break
    else:
        raise AssertionError(f"Tab never reached {href}")
    tag = tag_of(page, chosen)
    assert tag.get_attribute("role") == "button" and tag.get_attribute("aria-expanded") == "false"
    page.keyboard.press("Enter")
    panel = page.locator(PANEL)
    panel.wait_for(state="visible", timeout=5_000)
    assert tag.get_attribute("aria-expanded") == "true"
    assert tag.get_attribute("aria-controls") == panel.get_attribute("id")
    assert focused(page, f"el.getAttribute('href') === '{href}'"), "opening keeps focus on the button"
    text = single_line(panel.inner_text())
    assert single_line(chosen.value) in text
    if chosen.note:
        assert single_line(chosen.note) in text
    assert panel.locator("ul.dossier-panel__disagree li").count() >= min(chosen.disputers, 1)
    page.keyboard.press("Escape")
    panel.wait_for(state="detached", timeout=5_000)
    assert tag.get_attribute("aria-expanded") == "false"
    assert focused(page, f"el.getAttribute('href') === '{href}'"), "Escape returns focus to the number"
    page.keyboard.press("Space")
    panel.wait_for(state="visible", timeout=5_000)
    for _ in range(50):  # into the panel, to its first disagreeing claim
        page.keyboard.press("Tab")
        if focused(page, "el.closest('ul.dossier-panel__disagree') !== null"):
            break
    else:
        raise AssertionError("Tab never reached a disagreeing claim in the panel")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/{chosen.disputer_page}#c-{chosen.disputer}", timeout=10_000)
    assert page.evaluate("() => document.querySelector(':target').matches('mark.dossier-claim')")


def test_tap_on_a_phone_opens_a_panel_that_fits_and_a_tap_outside_closes_it(browser: Browser, server: str,
                                                                            chosen: Chosen) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(server + chosen.page, wait_until="networkidle")
    tag_of(page, chosen).tap()
    panel = page.locator(PANEL)
    panel.wait_for(state="visible", timeout=5_000)
    shape = panel.bounding_box()
    assert shape and shape["x"] >= 0 and shape["x"] + shape["width"] <= 390, shape
    assert shape["height"] <= 844
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390, "the page scrolls sideways"
    page.locator("h1").first.tap()
    panel.wait_for(state="detached", timeout=5_000)
    assert focused(page, f"el.getAttribute('href') === '#k-{chosen.claim}'")
    context.close()


def test_a_click_on_the_marked_text_opens_and_a_click_outside_closes(article: Page, chosen: Chosen) -> None:
    page = article
    tag = tag_of(page, chosen)
    page.locator(f"mark#c-{chosen.claim}").scroll_into_view_if_needed()
    point = page.evaluate("""id => {  // a character of the claim's own text, outside any link in it
        const mark = document.getElementById(id);
        const walker = document.createTreeWalker(mark, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (node.parentElement.closest('a, sup') || !node.textContent.trim()) continue;
            const range = document.createRange();
            const at = node.textContent.search(/\\S/);
            range.setStart(node, at); range.setEnd(node, at + 1);
            const r = range.getBoundingClientRect();
            return [r.left + r.width / 2, r.top + r.height / 2];
        }
        return null;
    }""", f"c-{chosen.claim}")
    assert point, "the claim's marked text is all links"
    page.mouse.click(*point)
    panel = page.locator(PANEL)
    panel.wait_for(state="visible", timeout=5_000)
    assert "#k-" not in page.url, "with the script, the number opens the panel instead of jumping"
    panel.click(position={"x": 3, "y": 3})  # a click inside keeps it open
    assert panel.is_visible()
    page.locator("h1").first.click()
    panel.wait_for(state="detached", timeout=5_000)
    assert tag.get_attribute("aria-expanded") == "false"
    assert focused(page, f"el.getAttribute('href') === '#k-{chosen.claim}'")


def test_without_javascript_the_number_links_to_the_claims_row(browser: Browser, server: str, chosen: Chosen) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + chosen.page)
    assert page.locator(".dossier-panels").is_hidden()
    tag = tag_of(page, chosen)
    assert tag.get_attribute("role") is None
    tag.click()
    assert page.url.endswith(f"#k-{chosen.claim}")
    row = page.locator(f"tr:has(#k-{chosen.claim})")
    assert single_line(chosen.value) in single_line(row.inner_text())
    context.close()


def test_axe_finds_no_serious_violation_with_a_panel_open(article: Page, chosen: Chosen) -> None:
    page = article
    tag_of(page, chosen).click()
    page.locator(PANEL).wait_for(state="visible", timeout=5_000)
    assert AXE.is_file(), "run `make axe` (make test does)"
    page.add_script_tag(content=AXE.read_text("utf-8"))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})", WCAG)
    assert result["passes"]
    assert page.locator(PANEL).is_visible()
    blocking = [f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes'][:5]]}"
                for v in result["violations"] if v["impact"] in BLOCKING]
    assert blocking == [], "\n".join(blocking)
