"""Every error of an annotation file at once: a broken field does not hide the file's other problems."""

from __future__ import annotations

from typing import Any

import pytest
from annotations import at, claim, hide

from dossier.cli import main

TEXT = "Titel\nBudanow sagte, 12.000 Soldaten seien unterwegs. Der NIS nannte 10.000 Soldaten.\n"
CLAIMS = (
    claim("bad-stance", "12.000 Soldaten", attributed_to="kyrylo-budanov", stance="claims"),
    claim("broken-quote", "11.000 Soldaten", value=11000, stance="asserts"),
    claim("unknown-who", "10.000 Soldaten", value=10000, attributed_to="budanow-k", stance="asserts"),
)
# Each head breaks the file's top-level fields in one way (None leaves a field out); the claims' three problems must show too.
HEADS: dict[str, tuple[dict[str, Any], str | None]] = {
    "fine": ({}, None),
    "bad language": ({"language": "deutsch"}, "is not a BCP 47 language tag"),
    "missing language": ({"language": None}, "missing required field 'language'"),
    "title a list": ({"title": ["a", "b"]}, "title"),
    "missing title": ({"title": None}, "missing required field 'title'"),
    "bad date": ({"published": "gestern", "published_basis": "x"}, "published"),
    "bad hide reason": ({"hide": [hide("Titel", "headline")]}, "'headline' is not allowed"),
    "unknown field": ({"autor": "x"}, "autor"),
}


@pytest.mark.parametrize("case", sorted(HEADS))
def test_a_broken_field_hides_nothing_else(dossier, capsys, case):
    head, expected = HEADS[case]
    annotation = dossier.annotate("a", TEXT, *CLAIMS, **head)
    assert main(["--root", str(dossier.root), "check"]) == 1
    errors = [line for line in capsys.readouterr().err.splitlines() if ": error: " in line]

    def on_line_of(fragment: str) -> str:
        return f"content/articles/a.yml:{at(annotation, fragment).split(':')[0]}:"

    assert any(e.startswith(on_line_of("stance: claims")) and "'claims' is not allowed here" in e for e in errors), errors
    assert any(e.startswith(on_line_of("11.000 Soldaten")) and "quote not found" in e for e in errors), errors
    assert any(e.startswith(on_line_of("budanow-k")) and "unknown entity 'budanow-k'" in e for e in errors), errors
    assert len(errors) == 3 + (expected is not None), errors
    if expected:
        assert any(expected in e for e in errors), errors
