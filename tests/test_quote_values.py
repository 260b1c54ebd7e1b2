"""A count claim's value agrees with the figure its quote gives, in the article's language."""

from __future__ import annotations

import pytest
from annotations import article, claim, dump, value_at

from dossier.cli import main

ENGLISH = "Title\n\"10,000 troops have arrived,\" he said. Thousands more will follow; the 1.2 million shells came almost 1000 days ago.\n"
GERMAN = "Titel\nRund 12.000 Soldaten sind da, Tausende folgen.\n"


def annotation(stem: str, language: str, quote: str, value: object, **extra: str) -> str:
    claimed = claim("c", quote, value=value, attributed_to="kyrylo-budanov", **extra)
    return dump(article(f"{stem}.txt", claimed, title="Title", language=language))


def errors(dossier, capsys) -> tuple[int, list[str]]:
    code = main(["--root", str(dossier.root), "check"])
    err = capsys.readouterr().err.splitlines()
    found = []  # each error with the hint below it
    for i, line in enumerate(err):
        if ": error: " in line:
            found += [line, err[i + 1]] if i + 1 < len(err) and err[i + 1].startswith("    ") else [line]
    return code, found


@pytest.mark.parametrize(
    ("language", "text", "quote", "value", "shown", "figure"),
    [
        ("en", ENGLISH, "10,000 troops have arrived", 10, "10", '"10,000" (10000)'),
        ("en", ENGLISH, "10,000 troops have arrived", 600, "600", '"10,000" (10000)'),
        ("en", ENGLISH, "Thousands more", 500, "500", '"Thousands" (at least 2000)'),
        ("de", GERMAN, "Rund 12.000 Soldaten", 1200, "1200", '"Rund 12.000" (12000)'),
        ("de", GERMAN, "Tausende folgen", {"max": 1000}, "at most 1000", '"Tausende" (at least 2000)'),
    ],
)
def test_a_value_that_disagrees_with_its_quote_is_an_error(dossier, capsys, language, text, quote, value, shown, figure):
    yaml_text = annotation("a", language, quote, value)
    dossier.article("a", text, yaml_text)
    code, lines = errors(dossier, capsys)
    assert code == 1
    assert lines[0] == (
        f"content/articles/a.yml:{value_at(yaml_text, 'value')}: error: claim 'c': value {shown} does not match the figure {figure} in the quote"
    )
    assert lines[1].strip().startswith("write value: ") and "value_basis" in lines[1]


@pytest.mark.parametrize(
    ("language", "text", "quote", "value"),
    [
        ("en", ENGLISH, "10,000 troops have arrived", 10000),
        ("en", ENGLISH, "Thousands more", 5000),  # inside the interval "thousands" stands for
        ("en", ENGLISH, "Thousands more", {"min": 2000}),
        ("en", ENGLISH, "1.2 million shells came almost 1000 days ago", 1200000),  # the 1000 belongs to the date
        ("en", ENGLISH, "he said", 7),  # no figure in the quote: nothing to compare
        ("de", GERMAN, "Rund 12.000 Soldaten", 12000),
        ("de", GERMAN, "Rund 12.000 Soldaten", {"min": 10000, "max": 13000}),  # a range holding the figure
    ],
)
def test_a_value_that_agrees_with_its_quote_passes(dossier, capsys, language, text, quote, value):
    dossier.article("a", text, annotation("a", language, quote, value))
    code, lines = errors(dossier, capsys)
    assert (code, lines) == (0, [])


def test_value_basis_explains_a_difference(dossier, capsys):
    dossier.article("a", GERMAN, annotation("a", "de", "Rund 12.000 Soldaten", 4, value_basis="vier Brigaden zu je 3.000"))
    assert errors(dossier, capsys) == (0, [])


def test_digits_are_read_in_the_article_language(dossier, capsys):
    """The English figure "10,000" is ten thousand: 10 is wrong there, 10000 is right."""
    dossier.article("a", ENGLISH, annotation("a", "en", "10,000 troops have arrived", 10))
    dossier.article("b", ENGLISH, annotation("b", "en", "10,000 troops have arrived", 10000))
    code, lines = errors(dossier, capsys)
    assert code == 1
    assert [line.split(":")[0] for line in lines if ": error: " in line] == ["content/articles/a.yml"]
