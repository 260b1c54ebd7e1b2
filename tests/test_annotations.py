"""The test builder (tests/annotations.py): valid by default, laid out as content/, positions as diagnostics print them."""

from __future__ import annotations

import yaml
from annotations import article, at, claim, dump, entity, hide, proposition, value_at

from dossier.cli import main
from dossier.pipeline import check

TEXT = "Titel\nDer NIS meldet 12.000 Soldaten.\n"


def test_the_defaults_make_an_annotation_that_passes_the_check(dossier):
    dossier.annotate("a", TEXT, claim(), hide=[hide("Titel")])
    dossier.write("content/entities/units.yml", dump([entity("brigade-11", "11. Brigade", "Elfte Brigade")]))
    dossier.write("content/propositions.yml", dump([proposition("troops")]))
    checked = check(dossier.project)
    assert not checked.diagnostics.errors, checked.diagnostics.report()
    assert not checked.diagnostics.warnings, checked.diagnostics.report()
    [item] = checked.linked
    span = item.anchored.claims["c"]
    assert TEXT[span.start:span.end] == "12.000 Soldaten"


def test_dump_keeps_order_text_and_layout_and_reads_back_as_built():
    data = article("a.txt", claim("x", "Ärger: „zitiert“ " + "lang " * 40, value={"min": 1}, stance=None),
                   title="Grüße", outlet="")
    text = dump(data)
    assert yaml.safe_load(text) == data
    assert [line.split(":")[0] for line in text.splitlines() if not line.startswith(" ")] == \
        ["seed", "title", "language", "outlet", "claims"]
    assert "\n  - id: x\n    quote: " in text        # list entries indented under their key, as in content/
    assert "Grüße" in text and "„zitiert“" in text   # Unicode as written, not escaped
    assert any(len(line) > 200 for line in text.splitlines())  # a long text is not folded
    assert "stance" not in text                       # None leaves a field out


def test_positions_are_one_based_line_and_column():
    text = dump(article("a.txt", claim("x", "eins"), claim("y", "zwei")))
    lines = text.splitlines()
    line, column = (int(n) for n in value_at(text, "quote", 2).split(":"))
    assert lines[line - 1][column - 1:] == "zwei"
    line, column = (int(n) for n in at(text, "id: y").split(":"))
    assert lines[line - 1][column - 1:] == "id: y"
    assert value_at(text, "seed") == "1:7"


def test_the_example_of_contributing_md(dossier, capsys):
    text = dossier.annotate("a", "Titel\nDer NIS meldet 12.000 Soldaten.\n",
                            claim("x", "12.000 Soldaten", scope="totl"))
    assert main(["--root", str(dossier.root), "check"]) == 1
    error = f"content/articles/a.yml:{value_at(text, 'scope')}: error: unknown scope 'totl'"
    assert error in capsys.readouterr().err
