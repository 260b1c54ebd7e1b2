"""Entity pages quote each mention with its context: hidden noise never shows there."""

from __future__ import annotations

from pathlib import Path

from annotations import article, dump, hide

from dossier.load import Project
from dossier.pipeline import generate

TEXT = "Budanov sagte, ein Einsatz sei nicht möglich.[3] Weitere Angaben machte er nicht.\n"
ANNOTATION = dump(article("a.txt", title="Ein Titel", hide=[hide("[3]", "other")]))


def snippet(dossier, tmp_path: Path, annotation: str) -> str:
    dossier.article("a", TEXT, annotation)
    out = tmp_path / "docs"
    generate(Project(dossier.root), out, "Test")
    page = (out / "personen" / "kyrylo-budanov.md").read_text("utf-8")
    return next(line for line in page.splitlines() if "**Budanov**" in line)


def test_hidden_text_is_left_out_of_a_mention_snippet(dossier, tmp_path):
    line = snippet(dossier, tmp_path, ANNOTATION)
    assert "3" not in line  # neither "[3]" nor its escaped form
    assert "möglich." in line and "Weitere" in line  # the text around it stays


def test_without_a_hide_the_same_text_shows(dossier, tmp_path):
    line = snippet(dossier, tmp_path, dump(article("a.txt", title="Ein Titel")))
    assert "3" in line  # so the test above can fail
