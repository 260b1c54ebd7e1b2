"""Every error of an annotation file at once: a broken field does not hide the file's other problems."""

from __future__ import annotations

import pytest

from dossier.cli import main

TEXT = "Titel\nBudanow sagte, 12.000 Soldaten seien unterwegs. Der NIS nannte 10.000 Soldaten.\n"
CLAIMS = """\
claims:
  - id: bad-stance
    quote: "12.000 Soldaten"
    proposition: troops
    scope: total
    value: 12000
    attributed_to: kyrylo-budanov
    stance: claims
  - id: broken-quote
    quote: "11.000 Soldaten"
    proposition: troops
    scope: total
    value: 11000
    attributed_to: nis
    stance: asserts
  - id: unknown-who
    quote: "10.000 Soldaten"
    proposition: troops
    scope: total
    value: 10000
    attributed_to: budanow-k
    stance: asserts
"""
# Each head breaks the file's top-level fields in one way; the claims' three problems must show too.
HEADS = {
    "fine": ("seed: a.txt\ntitle: Titel\nlanguage: de\n", None),
    "bad language": ("seed: a.txt\ntitle: Titel\nlanguage: deutsch\n", "is not a BCP 47 language tag"),
    "missing language": ("seed: a.txt\ntitle: Titel\n", "missing required field 'language'"),
    "title a list": ("seed: a.txt\ntitle: [a, b]\nlanguage: de\n", "title"),
    "missing title": ("seed: a.txt\nlanguage: de\n", "missing required field 'title'"),
    "bad date": ("seed: a.txt\ntitle: Titel\nlanguage: de\npublished: gestern\npublished_basis: x\n", "published"),
    "bad hide reason": ("seed: a.txt\ntitle: Titel\nlanguage: de\nhide:\n  - quote: Titel\n    reason: headline\n", "'headline' is not allowed"),
    "unknown field": ("seed: a.txt\ntitle: Titel\nlanguage: de\nautor: x\n", "autor"),
}


@pytest.mark.parametrize("case", sorted(HEADS))
def test_a_broken_field_hides_nothing_else(dossier, capsys, case):
    head, expected = HEADS[case]
    annotation = head + CLAIMS
    dossier.article("a", TEXT, annotation)
    assert main(["--root", str(dossier.root), "check"]) == 1
    errors = [line for line in capsys.readouterr().err.splitlines() if ": error: " in line]
    lines = annotation.splitlines()

    def at(fragment: str) -> str:
        return f"content/articles/a.yml:{next(i for i, line in enumerate(lines, 1) if fragment in line)}:"

    assert any(e.startswith(at("stance: claims")) and "'claims' is not allowed here" in e for e in errors), errors
    assert any(e.startswith(at('"11.000 Soldaten"')) and "quote not found" in e for e in errors), errors
    assert any(e.startswith(at("budanow-k")) and "unknown entity 'budanow-k'" in e for e in errors), errors
    assert len(errors) == 3 + (expected is not None), errors
    if expected:
        assert any(expected in e for e in errors), errors
