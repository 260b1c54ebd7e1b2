"""What an entity page gives the search index: its head, not copies of the articles.

An entity page quotes every mention and lists every claim of its source;
on a large dossier that is hundreds of entries, all text the articles hold.
Indexed, it made the index chunk of a common name twice as large and the
excerpt a reader loads for the entity page 50 KB. The copies carry
``dossier-copy`` and are left out (dossier/search.py NOISE); the entity is
still found by its name and its spellings, the article by the mention and
the claim.
"""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

from helpers import ROOT
from selectolax.lexbor import LexborHTMLParser

from dossier.cli import main
from dossier.search import BUNDLE

#: words that occur only in the article's sentences: in the snippets and the claim the entity page copies
TEXT = "Titel\nKyrylo Budanov sagte, Wolkenkratzerbaustellen lägen still. Budanov meldete 12.000 Soldaten am Fluss.\n"
ANNOTATION = """\
seed: a.txt
title: Ein Bericht
language: de
claims:
  - id: k1
    quote: "Budanov meldete 12.000 Soldaten am Fluss"
    proposition: troops
    scope: total
    value: 12000
    attributed_to: kyrylo-budanov
    stance: reports
"""


def _fragments(site: Path) -> dict[str, dict]:
    """Pagefind's record of each page: URL -> what it indexed."""
    records = {}
    for file in (site / BUNDLE / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(file.read_bytes())
        record = json.loads(data[data.index(b"{"):])
        records[record["url"]] = record
    return records


def _words(text: str) -> set[str]:
    return {word.lower() for word in re.findall(r"\w+", text)}


def test_an_entity_page_indexes_its_head_not_the_copies(dossier):
    dossier.article("a", TEXT, ANNOTATION)
    (dossier.root / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text("utf-8"), "utf-8")
    assert main(["--root", str(dossier.root), "build"]) == 0
    site = dossier.root / "build" / "site"
    html = (site / "personen/kyrylo-budanov/index.html").read_text("utf-8")
    body = LexborHTMLParser(html).css_first("article.md-content__inner")
    assert body is not None
    copies = body.css(".dossier-copy")
    copied = _words(" ".join(node.text() for node in copies))
    # the page shows the copies: the mention snippet, the article title, the claim
    assert {"wolkenkratzerbaustellen", "fluss", "bericht"} <= copied
    records = _fragments(site)
    entity = records["/personen/kyrylo-budanov/"]
    indexed = _words(entity["content"])
    assert {"kyrylo", "budanow", "budanov"} <= indexed  # name and spellings
    assert "wolkenkratzerbaustellen" not in indexed and "fluss" not in indexed and "bericht" not in indexed
    article = records["/artikel/a/"]
    assert {"wolkenkratzerbaustellen", "fluss", "budanov"} <= _words(article["content"])
    assert any(anchor["id"] == "c-k1" for anchor in article["anchors"])  # the claim keeps its spot
