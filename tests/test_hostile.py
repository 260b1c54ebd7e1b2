"""Hostile text in an article and in YAML renders as inert text in the site."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from annotations import article, claim, dump, entity, hide, note
from helpers import ROOT
from hostile_corpus import EVIL_HOST, FIELDS, literal, payload, written
from selectolax.lexbor import LexborHTMLParser, LexborNode

from dossier.cli import main

SEED = """<script>alert('seed')</script> Überschrift
**Nordkorea** schickt [12.000](javascript:alert(1)) Soldaten <img src=x onerror=alert(2)> nach Russland.
# keine Überschrift
| keine | Tabelle |
"""

ANNOTATION = dump(article(
    "evil.txt",
    claim("troops", "[12.000](javascript:alert(1)) Soldaten", note="`code` <i>kursiv</i>"),
    title="<script>alert('title')</script> *Titel*",
    outlet="<b>Medium</b>",
    source_url="https://example.org/a?b=(c)&d=*e*_f_[g]~!$,;=%3Cc%3E",
    published="2024-10-18",
    published_basis='" onmouseover="alert(3)',
    hide=[hide("<script>alert('seed')</script> Überschrift")],
    notes=[note("# keine Überschrift", "<script>alert('note')</script> [x](javascript:alert(4))", kind="garbled")],
))


def test_hostile_input_stays_text(dossier):
    dossier.article("evil", SEED, ANNOTATION)
    nis = entity("nis", "NIS <script>alert('entity')</script>", "Nordkorea", description="<iframe src=x></iframe> **fett**")
    dossier.write("content/entities/organisations.yml", dump([nis]))
    shutil.copy(ROOT / "mkdocs.yml", dossier.root / "mkdocs.yml")
    assert main(["--root", str(dossier.root), "build"]) == 0
    site = dossier.root / "build" / "site"
    for page in ["artikel/evil/index.html", "organisationen/nis/index.html", "widersprueche/index.html", "index.html"]:
        tree = LexborHTMLParser((site / page).read_text("utf-8"))
        article = tree.css_first("article")
        assert not article.css("script, img, iframe, b, i, code, h1 ~ h1"), page
        for node in article.css("a[href]"):
            assert not node.attributes["href"].lower().startswith("javascript"), page
        for node in article.traverse():
            assert not any(name.startswith("on") for name in (node.attributes or {})), page
    article = LexborHTMLParser((site / "artikel/evil/index.html").read_text("utf-8")).css_first("article")
    text = article.text()
    assert "[12.000](javascript:alert(1)) Soldaten" in text
    assert "<img src=x onerror=alert(2)>" in text
    assert "# keine Überschrift" in text
    # the title line, reworded by title:, opens the text (escaped: no script element, checked above)
    assert text.split("Ausgeblendete")[0].count("alert('seed')") == 1
    [mark] = article.css("mark.dossier-claim[id]")
    assert mark.text() == "[12.000](javascript:alert(1)) Soldaten"
    assert [h.text().strip("¶ ") for h in article.css("h1")] == ["<script>alert('title')</script> *Titel*"]


# --- every field hostile (tests/hostile_corpus.py), every built file checked ---

THEME_SCRIPTS = re.compile(r"^((\.\./)*|/dossier/)assets/(javascripts/bundle\.[0-9a-f]+\.min\.js|dossier\.js|search\.js)$")
#: Elements that hostile input could use to run script or load from elsewhere; the theme uses none.
FOREIGN_ELEMENTS = "img, iframe, object, embed, base, frame, video, audio, source, meta[http-equiv]"
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset")


def _first(tree: LexborHTMLParser, selector: str) -> LexborNode:
    node = tree.css_first(selector)
    assert node is not None, selector
    return node


def _problems(page: str, tree: LexborHTMLParser) -> list[str]:
    """Every element or attribute in a built page that hostile input could have made."""
    found = [f"{page}: <{node.tag}>" for node in tree.css(FOREIGN_ELEMENTS)]
    for node in tree.css("script"):
        src = node.attributes.get("src")
        if src is not None and not THEME_SCRIPTS.match(src):
            found.append(f"{page}: script {src}")
        if src is None and "alert(" in node.text():
            found.append(f"{page}: inline script {node.text()[:80]}")
    for node in _first(tree, "html").traverse():
        for name, value in (node.attributes or {}).items():
            if name.lower().startswith("on"):
                found.append(f"{page}: <{node.tag} {name}>")
            if name.lower() in URL_ATTRIBUTES and value is not None:
                url = "".join(value.split()).lower()
                if url.startswith(("javascript:", "vbscript:", "data:")) or EVIL_HOST in url:
                    found.append(f"{page}: <{node.tag} {name}={value!r}>")
    # Markdown from a payload (**field**, `field`, [field](...)) would make these:
    for node in tree.css("strong, em, code, a, svg"):
        if node.text(strip=True) in FIELDS:
            found.append(f"{page}: <{node.tag}>{node.text()}</{node.tag}>")
    return found


def test_no_element_or_attribute_from_hostile_input_anywhere(hostile_site: Path) -> None:
    problems: list[str] = []
    texts: list[str] = []
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) >= 20
    for path in pages:
        page = str(path.relative_to(hostile_site))
        tree = LexborHTMLParser(path.read_text("utf-8"))
        problems += _problems(page, tree)
        texts.append(_first(tree, "html").text(separator=" "))
        texts += [v for node in tree.css("[title], meta[content]") for v in node.attributes.values() if v]
    assert problems == []
    config = json.loads(_first(LexborHTMLParser(pages[0].read_text("utf-8")), "script#__config").text())
    assert "content.tooltips" not in config["features"]  # the theme would render title attributes as HTML
    everything = " ".join(" ".join(texts).split())
    shown = [field for field in FIELDS if literal(field) in everything]
    assert set(FIELDS) - set(shown) == set()  # a claim's note too: shown with the claim, as text, and in the exports
    claims = json.loads((hostile_site / "daten" / "claims.json").read_text("utf-8"))
    assert [c["note"] for c in claims if c["note"]] == [payload("claim-note")]
    assert '&lt;img src=x onerror=alert("article-title")&gt;' in everything  # decoded once, not twice
    assert "{{ article-title }} {% raw %}" in everything


def test_titles_are_text_in_the_head_and_header(hostile_site: Path) -> None:
    for page, field in [("artikel/evil/index.html", "article-title"), ("personen/kim-jong-un/index.html", "entity-name"),
                        ("widersprueche/troops/index.html", "question"), ("404.html", None)]:
        tree = LexborHTMLParser((hostile_site / page).read_text("utf-8"))
        title = " ".join(written(field).split()) + " - " if field else ""
        assert _first(tree, "title").text() == title + payload("site-name"), page
        topics = [" ".join(n.text().split()) for n in tree.css(".md-header__topic .md-ellipsis") if n.text().strip()]
        assert topics == [payload("site-name")] + ([" ".join(written(field).split())] if field else []), page
        logo = _first(tree, "a.md-logo")
        assert logo.attributes["title"] == logo.attributes["aria-label"] == payload("site-name"), page
        assert _first(tree, "meta[name=description]").attributes["content"] == payload("site-description")


def test_search_filters_are_text(hostile_site: Path) -> None:
    """Pagefind reads a page's filters from its markup (overrides/main.html); the
    outlet is the article's text, as text, and nothing of it becomes markup."""
    tree = LexborHTMLParser((hostile_site / "artikel/evil/index.html").read_text("utf-8"))
    body = _first(tree, "article.md-content__inner")
    filters = {node.attributes["data-pagefind-filter"]: node.text() for node in body.css("[data-pagefind-filter]")}
    assert filters["outlet"] == payload("article-outlet")
    assert filters["kind"] == "Artikel"
    holder = _first(body, "[data-pagefind-ignore]")
    assert {node.tag for node in holder.traverse()} == {"div", "span"}
