"""A full build of the real corpus, checked as HTML and served under a sub-path."""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from dossier.cli import main
from helpers import SUB_PATH, copy_corpus


def html(site: Path, page: str) -> HTMLParser:
    return HTMLParser((site / "build" / "site" / page).read_text("utf-8"))


def annotations(site: Path) -> dict[str, dict]:
    return {
        p.stem: yaml.safe_load(p.read_text("utf-8"))
        for p in sorted((site / "content" / "articles").glob("*.yml"))
    }


def test_every_claim_is_tagged_exactly_once(site: Path) -> None:
    for stem, data in annotations(site).items():
        page = html(site, f"artikel/{stem}/index.html")
        marks = page.css("article mark.dossier-claim[id]")
        ids = [m.attributes["id"] for m in marks]
        expected = [f"c-{c['id']}" for c in data.get("claims", [])]
        assert sorted(ids) == sorted(expected), stem
        for node in page.css("article mark sup"):
            node.decompose()  # note tags nested in a claim
        for claim in data.get("claims", []):
            [mark] = [m for m in page.css("article mark.dossier-claim[id]") if m.attributes["id"] == f"c-{claim['id']}"]
            assert " ".join(mark.text().split()) == " ".join(claim["quote"].split())
            assert mark.attributes.get("title"), "a claim shows its value and source on hover"
        rows = page.css("article table tr span[id^=k-]")
        assert len(rows) == len(expected)


def test_every_anchor_link_on_an_article_page_has_its_target(site: Path) -> None:
    """Claim and note numbers are raw HTML links, which MkDocs does not check."""
    checked = 0
    for stem in annotations(site):
        page = html(site, f"artikel/{stem}/index.html")
        ids = {node.attributes["id"] for node in page.css("[id]")}
        for link in page.css("article a[href^='#']"):
            target = link.attributes["href"][1:]
            assert target in ids, (stem, target)
            checked += 1
        numbers = page.css("sup.dossier-tag a")
        assert numbers and all(a.attributes.get("title", "").count(" · ") >= 2 for a in numbers), stem
    assert checked > 50


def test_hidden_noise_is_not_in_the_article_text(site: Path) -> None:
    for stem, data in annotations(site).items():
        source = " ".join((site / "seeds" / data["seed"]).read_text("utf-8").split())
        text = " ".join(_visible_article_text(site, stem).split())
        for hide in data.get("hide", []):
            quote = " ".join(hide["quote"].split())
            # A quote with prefix/suffix may also occur elsewhere as content: one fewer then.
            assert text.count(quote) <= source.count(quote) - 1, (stem, quote)


def _visible_article_text(site: Path, stem: str) -> str:
    page = html(site, f"artikel/{stem}/index.html")
    paragraphs = page.css("article > p:not(.dossier-meta):not(.dossier-legend)")
    return " ".join(p.text() for p in paragraphs)


def test_entity_pages_list_mentions_from_every_article_naming_them(site: Path) -> None:
    registry: dict[str, tuple[str, list[str]]] = {}
    folders = {"people": "personen", "units": "einheiten", "equipment": "ausruestung",
               "organisations": "organisationen", "places": "orte"}
    for kind, folder in folders.items():
        for entry in yaml.safe_load((site / "content" / "entities" / f"{kind}.yml").read_text("utf-8")) or []:
            forms = [entry["name"]] + [a if isinstance(a, str) else a["form"] for a in entry.get("aliases", [])]
            registry[entry["id"]] = (folder, forms)
    texts = {stem: _visible_article_text(site, stem) for stem in annotations(site)}
    checked = 0
    for eid, (folder, forms) in registry.items():
        page = html(site, f"{folder}/{eid}/index.html")
        linked = {a.attributes["href"] for a in page.css("article a[href*='artikel/']")}
        for stem, text in texts.items():
            # An independent oracle: the literal form appears as a word start in the visible text.
            if any(re.search(rf"(?<!\w){re.escape(f)}(?!\w)", text, re.IGNORECASE) for f in forms):
                assert any(f"artikel/{stem}/" in href for href in linked), (eid, stem)
                checked += 1
    assert checked > 50


def test_troop_count_disagreement_shows_all_sources(site: Path) -> None:
    claims = [(stem, c) for stem, d in annotations(site).items() for c in d.get("claims", [])]
    troop = next(c["proposition"] for _, c in claims if c.get("value") == 12000)
    index = html(site, "widersprueche/index.html")
    # The index lists the question among the contradictions, linking to its own page.
    first_table = index.css_first("article table")
    assert any(a.attributes["href"].rstrip("/").endswith(f"widersprueche/{troop}") or a.attributes["href"] == f"{troop}/"
               for a in first_table.css("a")), "troop question missing from the contradictions table"
    section = html(site, f"widersprueche/{troop}/index.html").css_first("article")
    text = section.text()
    for figure in ("12.000", "10.000", "1.500", "6.000"):
        assert figure in text
    linked_articles = {re.search(r"artikel/([^/]+)/", a.attributes["href"]).group(1)
                       for a in section.css("a[href*='artikel/']")}
    troop_articles = {stem for stem, c in claims if c["proposition"] == troop}
    assert troop_articles == linked_articles
    assert "widersprüchlich" in text


def test_home_page_says_what_the_dossier_holds(site: Path) -> None:
    text = html(site, "index.html").css_first("article").text()
    assert "5 Artikel" in text
    assert re.search(r"\d+ markierten Aussagen", text)
    assert "Widersprüche" in text and "Status: " in text


def test_output_is_deterministic(site: Path, tmp_path: Path) -> None:
    copy = copy_corpus(tmp_path)
    assert main(["--root", str(copy), "build", "--no-site"]) == 0
    first = {p.relative_to(site / "build/docs"): p.read_bytes() for p in (site / "build/docs").rglob("*") if p.is_file()}
    second = {p.relative_to(copy / "build/docs"): p.read_bytes() for p in (copy / "build/docs").rglob("*") if p.is_file()}
    assert first == second


def test_no_reference_to_other_hosts(site: Path) -> None:
    for page in (site / "build" / "site").rglob("*.html"):
        tree = HTMLParser(page.read_text("utf-8"))
        for node in tree.css("script[src], link[href], img[src], iframe[src]"):
            ref = node.attributes.get("src") or node.attributes.get("href") or ""
            if node.tag == "link" and node.attributes.get("rel") in ("canonical", "alternate"):
                continue
            assert not urlsplit(ref).netloc, f"{page}: {ref}"


# --- served under a project sub-path -------------------------------------------


def _links(base: str, body: str) -> set[str]:
    tree = HTMLParser(body)
    refs = [n.attributes.get("href") for n in tree.css("a[href], link[href]")]
    refs += [n.attributes.get("src") for n in tree.css("script[src], img[src]")]
    return {urljoin(base, r).split("#")[0] for r in refs if r and not r.startswith(("mailto:", "#"))}


def test_every_internal_link_resolves_under_the_sub_path(server: str) -> None:
    origin = urlsplit(server).netloc
    seen: set[str] = set()
    queue = [server]
    broken = []
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        try:
            with urllib.request.urlopen(url) as response:
                body = response.read()
                kind = response.headers.get("Content-Type", "")
        except urllib.error.HTTPError as exc:
            broken.append((url, exc.code))
            continue
        if "html" in kind:
            for link in _links(url, body.decode("utf-8")):
                if urlsplit(link).netloc == origin and link not in seen:
                    queue.append(link)
    assert not broken, broken
    assert len(seen) > 60


def test_404_page_works_under_the_sub_path(server: str) -> None:
    with pytest.raises(urllib.error.HTTPError) as info:
        urllib.request.urlopen(server + "gibt-es-nicht/")
    assert info.value.code == 404
    body = info.value.read().decode("utf-8")
    assert "Seite nicht gefunden" in body and "Not found" not in body
    for link in _links(server + "gibt-es-nicht/", body):
        if urlsplit(link).netloc == urlsplit(server).netloc and link.endswith((".css", ".js")):
            assert urlsplit(link).path.startswith(SUB_PATH), link
            with urllib.request.urlopen(link) as response:
                assert response.status == 200
