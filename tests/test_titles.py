"""The title line: cut from the body, shown as the heading, annotated like body text."""

from __future__ import annotations

from pathlib import Path

from annotations import article, claim, dump, hide

from dossier.diagnostics import Diagnostics
from dossier.load import Project
from dossier.pipeline import generate

TEXT = "Budanov: <b>weitere</b> 6.000 Soldaten nach Russland\n\nBudanov sagte, 12.000 Soldaten seien in Russland.\n"


def annotation(title: str, claim_quote: str = "6.000") -> str:
    title_line = TEXT.splitlines()[0]
    return dump(article("a.txt", claim("c1", claim_quote, value=6000, attributed_to="kyrylo-budanov"),
                        title=title, hide=[hide(title_line)]))


def page(dossier, tmp_path: Path, title: str) -> tuple[str, str]:
    dossier.article("a", TEXT, annotation(title))
    out = tmp_path / "docs"
    generate(Project(dossier.root), out, "Test")
    markdown = (out / "artikel" / "a.md").read_text("utf-8")
    heading = next(line for line in markdown.splitlines() if line.startswith("# "))
    return heading, markdown


def test_the_heading_links_names_and_tags_claims_escaped(dossier, tmp_path):
    heading, markdown = page(dossier, tmp_path, "Budanov: <b>weitere</b> 6.000 Soldaten nach Russland")
    assert heading.count('class="dossier-mention"') == 2  # Budanov, Russland
    assert 'id="c-c1"' in heading and 'href="#k-c1"' in heading
    assert "<b>" not in heading and "&#60;b&#62;" in heading
    body = markdown.split(heading, 1)[1]
    assert 'id="c-c1"' not in body  # each id once: in the heading only
    assert body.count('class="dossier-mention"') == 2  # Budanov and Russland in the body


def test_a_reworded_title_is_the_heading_and_the_tagged_title_line_opens_the_text(dossier, tmp_path):
    heading, markdown = page(dossier, tmp_path, "Ein anderer Titel")
    assert heading.startswith("# Ein anderer Titel")
    assert "dossier-mention" not in heading
    body = markdown.split(heading, 1)[1]
    assert body.count('id="c-c1"') == 1 and 'id="m1"' in body  # every anchor the page links to exists


def test_title_mentions_count_like_body_mentions(dossier):
    from dossier.anchor import anchor
    from dossier.link import link
    from dossier.load import load

    dossier.article("a", TEXT, annotation("x"))
    diagnostics = Diagnostics()
    corpus = load(dossier.project, diagnostics)
    [item] = link(corpus, anchor(corpus, diagnostics), diagnostics)
    assert not diagnostics.errors, diagnostics.report()
    title_end = TEXT.index("\n")
    assert [m.surface for m in item.mentions if m.end <= title_end] == ["Budanov", "Russland"]
