"""`dossier check`: every problem at once, as path:line:column, with a fix."""

from __future__ import annotations

import re
import shutil
from typing import Any

import pytest
from annotations import Data, article, at, claim, dump, value_at
from helpers import ROOT

from dossier.cli import main

TEXT = "Titel\nDer NIS meldet 12.000 Soldaten. Später 12.000 Soldaten.\nBudanov sagt nichts.\n"


def good(seed: str, *claims: Data, **fields: Any) -> str:
    """A valid annotation of seeds/<seed> (tests/annotations.py) for a test to spoil."""
    return dump(article(seed, *claims, **fields))


def messages(capsys) -> list[str]:
    return [line for line in capsys.readouterr().err.splitlines() if re.match(r"^\S+:\d+:\d+: ", line)]


def run_check(dossier, capsys, *extra: str) -> tuple[int, list[str], str]:
    code = main(["--root", str(dossier.root), "check", *extra])
    captured = capsys.readouterr()
    lines = [line for line in captured.err.splitlines()]
    return code, lines, captured.err


def find(lines: list[str], pattern: str) -> str:
    hits = [line for line in lines if re.search(pattern, line)]
    assert len(hits) == 1, (pattern, lines)
    return hits[0]


def test_reports_every_problem_in_one_run(dossier, capsys):
    dossier.article("a", TEXT, "seed: a.txt\ntitle: [unclosed\n")                      # YAML syntax
    dossier.article("b", TEXT, "seed: b.txt\ntitle: T\ntitle: U\nlanguage: de\n")        # duplicate key
    c = dossier.annotate("c", TEXT, claim("x", "NIS meldet", value="zwölftausend"))
    d = dossier.annotate("d", TEXT, claim("x", "NIS meldet", stance=None))
    e = good("e.txt", claim("x", "NIS meldet")).replace("quote:", "qoute:")                # a typo in a field name
    dossier.article("e", TEXT, e)
    f = dossier.annotate("f", TEXT, claim("x", "NIS meldet", attributed_to="kyrylo-budanow"))
    g = dossier.annotate("g", TEXT, claim("x", "NIS meldet", proposition="trops"))
    h = dossier.annotate("h", TEXT, claim("x", "NIS meldet", scope="totl"))
    i = dossier.annotate("i", TEXT, claim("x", "Budanow sagt nichts"))
    j = dossier.annotate("j", TEXT, claim("x", "12.000 Soldaten"))
    k = dossier.annotate("k", TEXT, claim("x", "NIS meldet 12.000"), claim("y", "meldet 12.000 Soldaten. Später"))
    l_ = dossier.annotate("l", TEXT, source_url="javascript:alert(1)")
    (dossier.root / "seeds" / "m.txt").write_bytes("Gr\xfc\xdfe aus K\xf6ln\n".encode("latin-1"))
    dossier.write("content/articles/m.yml", good("m.txt"))
    dossier.write("seeds/n.txt", "  \n")
    dossier.write("content/articles/n.yml", good("n.txt"))
    dossier.write("seeds/o.txt", TEXT)                                                  # no annotation
    dossier.write("content/articles/p.yml", good("p.txt"))                              # no seed
    dossier.write("seeds/q.txt", TEXT)
    dossier.write("content/articles/q.yml", "# nothing yet\n")                          # empty
    r = good("r.txt").replace("title: Titel", "title: [Titel, Untertitel]")
    dossier.article("r", TEXT, r)

    code, lines, err = run_check(dossier, capsys)
    assert code == 1
    assert find(lines, r"^content/articles/a\.yml:3:1: error: YAML syntax error: .*starts at line 2, column 8")
    assert find(lines, r"^content/articles/b\.yml:3:1: error: duplicate key 'title' \(first defined at line 2\)")
    assert find(lines, rf"^content/articles/c\.yml:{value_at(c, 'value')}: error: claim 'x': expected a number or a range")
    assert find(lines, rf"^content/articles/d\.yml:{at(d, 'id: x')}: error: missing required field 'stance' in claims/0")
    unknown_field = find(lines, rf"^content/articles/e\.yml:{at(e, 'qoute')}: error: unknown field 'qoute' in claims/0")
    assert "did you mean 'quote'" in err.split(unknown_field, 1)[1].splitlines()[1]
    unknown_entity = find(lines, rf"^content/articles/f\.yml:{value_at(f, 'attributed_to')}: error: unknown entity 'kyrylo-budanow'")
    assert "did you mean 'kyrylo-budanov'" in err.split(unknown_entity, 1)[1].splitlines()[1]
    unknown_prop = find(lines, rf"^content/articles/g\.yml:{value_at(g, 'proposition')}: error: unknown proposition 'trops'")
    assert "did you mean 'troops'?" in err.split(unknown_prop, 1)[1].splitlines()[1]
    unknown_scope = find(lines, rf"^content/articles/h\.yml:{value_at(h, 'scope')}: error: unknown scope 'totl' of proposition 'troops'")
    assert "did you mean 'total'?" in err.split(unknown_scope, 1)[1].splitlines()[1]
    missing = find(lines, rf"^content/articles/i\.yml:{value_at(i, 'quote')}: error: quote not found in seeds/i\.txt")
    assert 'closest passage (line 3, column 1' in err.split(missing, 1)[1].splitlines()[1]
    ambiguous = find(lines, rf"^content/articles/j\.yml:{value_at(j, 'quote')}: error: quote found 2 times in seeds/j\.txt \(line 2, line 2\)")
    assert "prefix:" in err.split(ambiguous, 1)[1].splitlines()[1]
    assert find(lines, rf"^content/articles/k\.yml:{at(k, 'id: y')}: error: claim 'y' partly overlaps claim 'x'")
    assert find(lines, rf"^content/articles/l\.yml:{value_at(l_, 'source_url')}: error: source_url: only http\(s\) links are allowed")
    assert find(lines, r"^seeds/m\.txt:1:3: error: article is not UTF-8 \(byte 0xfc\)")
    assert find(lines, r"^seeds/n\.txt:1:1: error: article is empty")
    assert find(lines, r"^seeds/o\.txt:1:1: error: article has no annotation file")
    assert find(lines, r"^content/articles/p\.yml:1:7: error: seeds/p\.txt does not exist")
    empty = find(lines, r"^content/articles/q\.yml:1:1: error: the file is empty")
    assert "dossier new" in err.split(empty, 1)[1].splitlines()[1]
    listed = find(lines, rf"^content/articles/r\.yml:{value_at(r, 'title')}: error: title: expected text, got a list")
    assert "double quotes" in err.split(listed, 1)[1].splitlines()[1]
    assert re.search(r"^18 error\(s\)", err, re.M)


def test_warnings_fail_only_with_strict(dossier, capsys):
    dossier.annotate("a", TEXT, claim("x", "NIS meldet 12.000 Soldaten"))
    code, lines, err = run_check(dossier, capsys)
    assert code == 0
    warning = find(lines, r"^seeds/a\.txt:2:40: warning: figure \"12\.000\" is not covered by any claim")
    assert "dossier suggest seeds/a.txt" in err.split(warning, 1)[1].splitlines()[1]
    assert "check failed" not in err
    code, _, err = run_check(dossier, capsys, "--strict")
    assert code == 1
    warnings = len(re.findall(r"^\S+:\d+:\d+: warning: ", err, re.M))  # the figure, and the fixture's unused aliases
    assert f"{warnings} warning(s) — check failed (--strict counts warnings as errors)" in err


def test_build_refuses_to_touch_the_site_on_errors(dossier, capsys):
    shutil.copy(ROOT / "mkdocs.yml", dossier.root / "mkdocs.yml")
    site = dossier.root / "build" / "site"
    site.mkdir(parents=True)
    (site / "index.html").write_text("last good site")
    dossier.annotate("a", TEXT, claim("x", "gibt es nicht"))
    before = {p: p.read_bytes() for p in dossier.root.rglob("*") if p.is_file()}
    assert main(["--root", str(dossier.root), "build"]) == 1
    after = {p: p.read_bytes() for p in dossier.root.rglob("*") if p.is_file()}
    assert after == before
    assert "left as it was" in capsys.readouterr().err


def test_a_duplicated_entity_and_a_malformed_id_say_how_to_fix_them(dossier, capsys):
    dossier.write("content/entities/units.yml", "- id: nis\n  name: Noch ein NIS\n")
    dossier.write("content/entities/equipment.yml", "- id: Pak_Chol\n  name: Pak Chol\n")
    dossier.annotate("a", TEXT, claim("x", "NIS meldet 12.000 Soldaten"))
    code, lines, err = run_check(dossier, capsys)
    assert code == 1
    twice = find(lines, r"^content/entities/organisations\.yml:1:7: error: entity id 'nis' is defined twice "
                        r"\(first at content/entities/units\.yml:1:3\)")
    assert "merge the two entries" in err.split(twice, 1)[1].splitlines()[1]
    malformed = find(lines, r"^content/entities/equipment\.yml:1:7: error: 0/id: 'Pak_Chol' is not a valid id")
    assert "did you mean 'pak-chol'?" in err.split(malformed, 1)[1].splitlines()[1]
    assert not [line for line in lines if "unknown entity" in line]  # claims still find the first 'nis'


def test_a_claim_id_used_twice_points_at_the_first_one(dossier, capsys):
    text = dossier.annotate("a", TEXT, claim("x", "NIS meldet"), claim("x", "Budanov sagt"))
    code, lines, err = run_check(dossier, capsys)
    assert code == 1
    first = at(text, "id: x").split(":")[0]
    twice = find(lines, rf"^content/articles/a\.yml:{value_at(text, 'id', 2)}: error: claim id 'x' is used twice \(first at line {first}\)")
    assert "its own id" in err.split(twice, 1)[1].splitlines()[1]


def test_a_seed_name_that_is_wrong_says_which_one_is_right(dossier, capsys):
    dossier.article("a", TEXT, good("b.txt"))                      # a typo: seeds/b.txt does not exist
    dossier.article("c", TEXT, good("c.txt"))
    dossier.write("content/articles/d.yml", good("c.txt"))          # another article's seed, no seed of its own
    code, lines, err = run_check(dossier, capsys)
    assert code == 1
    typo = find(lines, r"^content/articles/a\.yml:1:7: error: annotation file a\.yml names seed 'b\.txt', which does not exist")
    assert "write 'seed: a.txt'" in err.split(typo, 1)[1].splitlines()[1]
    other = find(lines, r"^content/articles/d\.yml:1:7: error: annotation file d\.yml names seed 'c\.txt'$")
    assert "seeds/c.txt is annotated in c.yml; d.yml has no seed seeds/d.txt" in err.split(other, 1)[1].splitlines()[1]
    dossier.write("seeds/e.txt", TEXT)
    dossier.write("content/articles/f.yml", good("e.txt"))          # e.txt has no annotation yet: rename f.yml
    dossier.write("content/articles/g.yml", good("h.txt"))          # neither seed exists
    code, lines, err = run_check(dossier, capsys)
    renamed = find(lines, r"^content/articles/f\.yml:1:7: error: annotation file f\.yml names seed 'e\.txt'$")
    assert "the annotation file of seeds/e.txt must be called e.yml" in err.split(renamed, 1)[1].splitlines()[1]
    neither = find(lines, r"^content/articles/g\.yml:1:7: error: annotation file g\.yml names seed 'h\.txt', which does not exist")
    assert "seeds/X.txt is annotated in content/articles/X.yml" in err.split(neither, 1)[1].splitlines()[1]


@pytest.mark.parametrize(("lines", "position", "hint"), [
    (["  - id: x", '    quote: "NIS meldet"', "   scope: total"], "7:4",
     "line 7 is indented by 3 spaces, line 6 by 4: fields of one entry line up"),
    (["  - id: x", '  quote: "NIS meldet"'], "6:3",
     "line 6 is indented by 2 spaces, the fields of line 5 by 4: fields of one entry line up"),
    (["  - id: x", '    quote: "NIS meldet"', "  id: y"], "7:3", "a new entry of a list starts with '- '"),
    (["  - id: x", '\tquote: "NIS meldet"'], "6:1", "line 6 is indented with a tab; YAML needs spaces"),
    (["  - id: x", "    quote: NIS: meldet"], "6:15", "strings containing ': ' or '#' need quotes"),
    # The indentation changes here as it should: the unquoted ': ' is the mistake.
    (["  - quote: Budanow sagt: 6000"], "5:24", "strings containing ': ' or '#' need quotes"),
    (["  - id: x", "    value:", "      min: 1: 2"], "7:13", "strings containing ': ' or '#' need quotes"),
    (["  - id: x", "    note: >", "      Budanow", "y: a: b"], "8:5", "strings containing ': ' or '#' need quotes"),
])
def test_a_syntax_error_from_indentation_names_the_lines_that_differ(dossier, capsys, lines, position, hint):
    # raw text: the broken layout is the point, and the positions are of these very lines
    dossier.article("a", TEXT, "seed: a.txt\ntitle: T\nlanguage: de\nclaims:\n" + "\n".join(lines) + "\n")
    code, found, err = run_check(dossier, capsys)
    assert code == 1
    error = find(found, rf"^content/articles/a\.yml:{position}: error: YAML syntax error")
    assert hint in err.split(error, 1)[1].splitlines()[1]


def test_a_field_that_slipped_out_of_its_entry_says_where_it_belongs(dossier, capsys):
    # the layout is the point: `stance` slips out to the top level, the entry's other fields stay in it
    text = good("a.txt", claim("x", "NIS meldet 12.000 Soldaten")).replace("    stance", "stance")
    dossier.article("a", TEXT, text.replace("  - id", "- id").replace("\n    ", "\n  "))
    code, lines, err = run_check(dossier, capsys)
    assert code == 1
    unknown = find(lines, r"^content/articles/a\.yml:\d+:1: error: unknown field 'stance' in the top level")
    assert "'stance' is a field of an entry of claims: indent it" in err.split(unknown, 1)[1].splitlines()[1]
    dossier.article("b", TEXT, good("b.txt").replace("claims:", "hide:\n  - reason: title\nquote: Titel\nclaims:"))
    code, lines, err = run_check(dossier, capsys)
    unknown = find(lines, r"^content/articles/b\.yml:6:1: error: unknown field 'quote' in the top level")
    assert "a field of an entry of hide, unlink, notes or claims: indent" in err.split(unknown, 1)[1].splitlines()[1]


@pytest.mark.parametrize("value", [".nan", ".inf", "{min: 5, max: .inf}"])
def test_a_count_that_is_not_finite_is_refused(dossier, capsys, value):
    # the YAML spellings of non-finite numbers are the point, so the value is written as text
    text = good("a.txt", claim("x", "NIS meldet 12.000 Soldaten")).replace("value: 12000", f"value: {value}")
    dossier.article("a", TEXT, text)
    code, lines, _ = run_check(dossier, capsys)
    assert code == 1
    assert find(lines, rf"^content/articles/a\.yml:{value_at(text, 'value')}: error: claim 'x': expected a number or a range, got (nan|inf), which is not a count")
