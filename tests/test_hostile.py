"""Hostile text in an article and in YAML renders as inert text in the site."""

from __future__ import annotations

import shutil

from selectolax.lexbor import LexborHTMLParser

from dossier.cli import main
from helpers import ROOT

SEED = """<script>alert('seed')</script> Überschrift
**Nordkorea** schickt [12.000](javascript:alert(1)) Soldaten <img src=x onerror=alert(2)> nach Russland.
# keine Überschrift
| keine | Tabelle |
"""

ANNOTATION = """\
seed: evil.txt
title: "<script>alert('title')</script> *Titel*"
outlet: "<b>Medium</b>"
source_url: "https://example.org/a?b=(c)&d=*e*_f_[g]~!$,;=%3Cc%3E"
published: "2024-10-18"
published_basis: "\\" onmouseover=\\"alert(3)"
language: de
hide:
  - quote: "<script>alert('seed')</script> Überschrift"
    reason: title
notes:
  - quote: "# keine Überschrift"
    kind: garbled
    note: "<script>alert('note')</script> [x](javascript:alert(4))"
claims:
  - id: troops
    quote: "[12.000](javascript:alert(1)) Soldaten"
    proposition: troops
    scope: total
    value: 12000
    attributed_to: nis
    stance: reports
    note: "`code` <i>kursiv</i>"
"""


def test_hostile_input_stays_text(dossier):
    dossier.article("evil", SEED, ANNOTATION)
    dossier.write("content/entities/organisations.yml", """\
- id: nis
  name: "NIS <script>alert('entity')</script>"
  description: "<iframe src=x></iframe> **fett**"
  aliases: [Nordkorea]
""")
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
    assert "alert('seed')" not in text.split("Ausgeblendete")[0]  # hidden, listed only in the hidden-parts box
    [mark] = article.css("mark.dossier-claim[id]")
    assert mark.text() == "[12.000](javascript:alert(1)) Soldaten"
    assert [h.text().strip("¶ ") for h in article.css("h1")] == ["<script>alert('title')</script> *Titel*"]
