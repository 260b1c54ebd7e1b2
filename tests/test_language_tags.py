"""Article languages are BCP 47 tags: validated, looked up by their language, written in full on the page."""

from __future__ import annotations

import pytest
from annotations import article, dump, value_at

from dossier.cli import main
from dossier.languages import canonical_tag, rules
from dossier.pipeline import check, generate

TEXT = "Title\nOn 28 October 2024 Budanov said 10,000 troops had arrived.\n"


def annotation(language: str) -> str:
    return dump(article("a.txt", title="Title", language=language, published="2024-10-28", published_basis="dateline"))


@pytest.mark.parametrize("tag", ["en", "en-GB", "de-CH", "pt-BR", "zh-Hant", "zh-Hant-TW", "es-419", "de-DE-1996"])
def test_a_bcp47_tag_is_accepted(dossier, tag):
    dossier.article("a", TEXT, annotation(tag))
    checked = check(dossier.project)
    assert not checked.diagnostics.errors, checked.diagnostics.report()
    assert checked.corpus.articles[0].language == tag


@pytest.mark.parametrize(("tag", "meant"), [("EN-gb", "en-GB"), ("pt_br", "pt-BR"), ("english", ""), ("e", ""), ("de-", "")])
def test_junk_is_an_error_with_a_hint(dossier, capsys, tag, meant):
    dossier.article("a", TEXT, annotation(tag))
    assert main(["--root", str(dossier.root), "check"]) == 1
    err = capsys.readouterr().err
    assert f"content/articles/a.yml:{value_at(annotation(tag), 'language')}: error: language: '{tag}' is not a BCP 47 language tag" in err
    assert "e.g. de, en, en-GB" in err
    assert (f"did you mean '{meant}'?" in err) == bool(meant)


def test_rules_by_primary_subtag():
    assert rules("en-GB") is rules("en") is rules("en-Latn-US")
    assert rules("de-CH") is rules("de")
    assert rules("pt-BR") is None
    assert canonical_tag("ZH-hant-tw") == "zh-Hant-TW"


def test_a_regional_english_article_gets_english_figures_and_the_full_tag_on_its_page(dossier, capsys):
    dossier.article("a", TEXT, annotation("en-GB"))
    assert main(["--root", str(dossier.root), "check"]) == 0
    warnings = capsys.readouterr().err
    assert 'figure "10,000" is not covered' in warnings
    generate(dossier.project, dossier.root / "docs", "Dossier")
    page = next((dossier.root / "docs").rglob("a.md")).read_text("utf-8")
    assert '{: lang="en-GB" }' in page
    assert 'lang="en"' not in page
