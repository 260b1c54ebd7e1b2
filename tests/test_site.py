"""A full build of the real corpus, checked as HTML and served under a sub-path."""

from __future__ import annotations

import itertools
import re
import shutil
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from helpers import SUB_PATH
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from dossier.cli import main


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


def test_the_article_text_is_marked_with_its_own_language(site: Path) -> None:
    """A screen reader reads an English article in English inside the German site:
    the headline and every paragraph of the text carry the article's language."""
    for stem, data in annotations(site).items():
        article = html(site, f"artikel/{stem}/index.html").css_first("article")
        assert article.css_first("h1").attributes.get("lang") == data["language"], stem
        text = []
        for node in article.iter():
            if node.tag == "h2":
                break  # the editors' notes and the table of claims are the site's language
            if node.tag == "p" and not {"dossier-meta", "dossier-legend"} & set((node.attributes.get("class") or "").split()):
                text.append(node)
        assert text, stem
        assert [p.attributes.get("lang") for p in text] == [data["language"]] * len(text), stem


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
        assert numbers and all(a.attributes.get("data-dossier-panel") in ids for a in numbers), stem
    assert checked > 50


def test_every_link_in_a_claim_panel_reaches_its_page_and_spot(site: Path) -> None:
    """The panels' templates are raw HTML with directory URLs, which neither MkDocs nor linkcheck sees."""
    root, checked = site / "build/site", 0
    for stem in annotations(site):
        source = root / "artikel" / stem / "index.html"
        panels = re.findall(r"<template id=\"dossier-p-[^\"]+\">(.*?)</template>", source.read_text("utf-8"))
        for href in re.findall(r'href="([^"]+)"', "".join(panels)):
            path, _, anchor = href.partition("#")
            target = (source.parent / path / "index.html").resolve() if path else source
            assert target.is_file(), (stem, href)
            assert not anchor or f'id="{anchor}"' in target.read_text("utf-8"), (stem, href)
            checked += 1
    assert checked > 20


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


def _acronym(form: str) -> bool:
    return len(form) >= 2 and form.isupper()


def _named(registry: dict[str, tuple[str, list[str]]], text: str) -> set[str]:
    """An independent oracle for the entities a text names.

    A form names its entity where it appears as a whole word, in any case
    except for acronyms, whose case matters ("UN" is not "Kim Jong Un"), and
    not inside a longer form of another entity ("US" in "US diplomat").
    """
    found = [
        (eid, m.start(), m.end())
        for eid, (_, forms) in registry.items()
        for form in forms
        for m in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", text, 0 if _acronym(form) else re.IGNORECASE)
    ]
    return {
        eid for eid, start, end in found
        if not any(other != eid and s <= start and end <= e and e - s > end - start for other, s, e in found)
    }


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
    for stem, text in texts.items():
        for eid in _named(registry, text):
            folder = registry[eid][0]
            page = html(site, f"{folder}/{eid}/index.html")
            linked = {a.attributes["href"] for a in page.css("article a[href*='artikel/']")}
            assert any(f"artikel/{stem}/" in href for href in linked), (eid, stem)
            checked += 1
    assert checked > 50


def _scalar_conflicts(site: Path) -> tuple[set[str], set[str]]:
    """(conflicting, consistent) count propositions, decided from the YAML alone.

    Only scopes whose claims all give a plain number are decided: two numbers
    conflict when the larger exceeds the smaller by more than the tolerance.
    A proposition is consistent when every scope with claims is decided and
    none conflicts.
    """
    propositions = {p["id"]: p for p in yaml.safe_load((site / "content/propositions.yml").read_text("utf-8"))}
    values: dict[tuple[str, str], list] = {}
    for data in annotations(site).values():
        for claim in data.get("claims", []):
            values.setdefault((claim["proposition"], claim["scope"]), []).append(claim.get("value"))
    conflicting: set[str] = set()
    undecided: set[str] = set()
    for (pid, _), found in values.items():
        proposition = propositions[pid]
        if proposition["type"] != "count" or not all(isinstance(v, (int, float)) for v in found):
            undecided.add(pid)
            continue
        ordered = sorted(found)
        if any(b > a * (1 + proposition.get("tolerance", 0)) for a, b in itertools.pairwise(ordered)):
            conflicting.add(pid)
    counted = {pid for pid, _ in values if propositions[pid]["type"] == "count"}
    return conflicting, counted - conflicting - undecided


def _german(number: float) -> str:
    return f"{int(number):,}".replace(",", ".")


def test_contradictions_index_lists_what_the_annotations_contradict(site: Path) -> None:
    conflicting, consistent = _scalar_conflicts(site)
    # A grown corpus may have none: a value between two others joins them in one cluster.
    assert conflicting | consistent, "the corpus has no count question decidable from plain numbers"
    index = html(site, "widersprueche/index.html")
    conflict_table, calm_table = index.css("article table")[:2]

    def listed(table) -> set[str]:
        return {a.attributes["href"].rstrip("/").split("/")[-1] for a in table.css("a")}

    assert conflicting <= listed(conflict_table)
    assert not consistent & listed(conflict_table)
    assert consistent <= listed(calm_table)
    claims = [(stem, c) for stem, d in annotations(site).items() for c in d.get("claims", [])]
    for pid in conflicting:
        section = html(site, f"widersprueche/{pid}/index.html").css_first("article")
        text = section.text()
        assert "widersprüchlich" in text
        for _, claim in claims:
            if claim["proposition"] == pid and isinstance(claim.get("value"), (int, float)):
                assert _german(claim["value"]) in text, (pid, claim["id"])
        linked = {re.search(r"artikel/([^/]+)/", a.attributes["href"]).group(1)
                  for a in section.css("a[href*='artikel/']")}
        assert linked == {stem for stem, c in claims if c["proposition"] == pid}, pid


def test_home_page_says_what_the_dossier_holds(site: Path) -> None:
    text = html(site, "index.html").css_first("article").text()
    assert f"{len(annotations(site))} Artikel" in text
    claims = sum(len(d.get("claims", [])) for d in annotations(site).values())
    assert f"{claims} markierten Aussagen" in text
    assert "Widersprüche" in text and "Status: " in text


def test_strict_check_passes(site: Path, capsys, tmp_path: Path) -> None:
    """Every figure and date of every article is tagged or hidden: what CI demands of content.

    New articles that join an explained contradiction ask for a review
    first (tests/test_review.py checks which); once reviewed, the check passes.
    """
    code = main(["--root", str(site), "check", "--strict"])
    printed = capsys.readouterr()
    reviews = re.findall(r"then run: dossier review (\S+)", printed.err)
    if reviews:
        reviewed = tmp_path / "reviewed"
        for name in ("seeds", "content"):
            shutil.copytree(site / name, reviewed / name)
        for proposition in reviews:
            assert main(["--root", str(reviewed), "review", proposition]) == 0
        capsys.readouterr()
        code = main(["--root", str(reviewed), "check", "--strict"])
        printed = capsys.readouterr()
    assert code == 0, printed.err
    summary = printed.out
    assert f"ok: {len(annotations(site))} articles" in summary


def test_output_is_deterministic(site: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    for name in ("seeds", "content"):
        shutil.copytree(site / name, copy / name)
    shutil.copy(site / "mkdocs.yml", copy / "mkdocs.yml")
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
