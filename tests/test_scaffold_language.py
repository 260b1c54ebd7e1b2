"""`dossier new` writes its comments in the dossier's language (theme.language), whatever the article's."""

from __future__ import annotations

import pytest
from helpers import ROOT

from dossier import locales
from dossier.cli import main

# an English article without a dateline, with a figure: every kind of comment is written
TEXT = ("Troops arrive\n\nThe officials said that about 10,000 soldiers were in the region and that they "
        "had been there for a week. Kim Jong Un spoke to them.\n")


@pytest.mark.parametrize("code", sorted(locales.LANGUAGES))
def test_the_comments_of_a_new_file_are_in_the_dossiers_language(dossier, capsys, code: str) -> None:
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    assert "\n  language: de\n" in config
    dossier.write("mkdocs.yml", config.replace("\n  language: de\n", f"\n  language: {code}\n"))
    dossier.write("seeds/a.txt", TEXT)
    assert main(["--root", str(dossier.root), "new", "a"]) == 0, capsys.readouterr().err
    written = (dossier.root / "content/articles/a.yml").read_text("utf-8")
    words = locales.module(code).SCAFFOLD
    for line in (*words["no_dateline"], *words["suggestions"], words["questions"]):
        assert f"# {line}\n" in written
    for other in (c for c in locales.LANGUAGES if c != code):
        assert locales.module(other).SCAFFOLD["suggestions"][0] not in written


def test_a_broken_mkdocs_yml_does_not_stop_a_new_article(dossier, capsys) -> None:
    dossier.write("mkdocs.yml", "site_name: [\n")
    dossier.write("seeds/a.txt", TEXT)
    assert main(["--root", str(dossier.root), "new", "a"]) == 0, capsys.readouterr().err
    written = (dossier.root / "content/articles/a.yml").read_text("utf-8")
    assert f"# {locales.module(locales.DEFAULT).SCAFFOLD['suggestions'][0]}\n" in written
