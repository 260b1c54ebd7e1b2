"""`dossier check` warns about an alias that matches no article, where it is written, unless it is kept on purpose."""

from __future__ import annotations

import re

from dossier.cli import main

TEXT = "Titel\n\nDer NIS meldet, der südkoreanische Geheimdienst bestätigt. Die young men kamen.\n"
ARTICLE = "seed: a.txt\ntitle: Titel\nlanguage: de\nclaims: []\n"


def registry(dossier, organisations: str, people: str = "[]\n") -> None:
    for kind in ("units", "equipment", "places"):
        dossier.write(f"content/entities/{kind}.yml", "[]\n")
    dossier.write("content/entities/organisations.yml", organisations)
    dossier.write("content/entities/people.yml", people)
    dossier.article("a", TEXT, ARTICLE)


def check(dossier, capsys, *extra: str) -> tuple[int, list[str], str]:
    code = main(["--root", str(dossier.root), "check", *extra])
    captured = capsys.readouterr()
    return code, [line for line in captured.err.splitlines() if ": warning: " in line], captured.err


def line_of(dossier, rel: str, needle: str) -> tuple[int, int]:
    """1-based line and column of a text in a written file."""
    lines = (dossier.root / rel).read_text("utf-8").splitlines()
    row = next(i for i, line in enumerate(lines) if needle in line)
    return row + 1, lines[row].index(needle) + 1


def test_an_alias_no_article_has_is_a_warning_where_it_is_written(dossier, capsys):
    registry(dossier, "- id: nis\n  name: NIS\n  aliases:\n    - südkoreanische Geheimdienst\n    - Nationaler Nachrichtendienst\n")
    code, warnings, err = check(dossier, capsys)
    assert code == 0
    line, column = line_of(dossier, "content/entities/organisations.yml", "Nationaler Nachrichtendienst")
    assert warnings == [f"content/entities/organisations.yml:{line}:{column}: warning: "
                        "the alias 'Nationaler Nachrichtendienst' of 'nis' matches no article"]
    assert "kept: <why>" in err.split(warnings[0], 1)[1].splitlines()[1]
    assert check(dossier, capsys, "--strict")[0] == 1


def test_a_kept_spelling_is_not_warned_about_and_the_report_gives_its_reason(dossier, capsys):
    registry(dossier, "- id: nis\n  name: NIS\n  aliases:\n    - südkoreanische Geheimdienst\n"
                      "    - form: Nationaler Nachrichtendienst\n      kept: deutsche Übersetzung\n")
    code, warnings, err = check(dossier, capsys, "--strict")
    assert (code, warnings) == (0, []), err
    assert main(["--root", str(dossier.root), "check", "--report", "mentions"]) == 0
    out = capsys.readouterr().out
    assert "alias matches nowhere: «Nationaler Nachrichtendienst» of nis (kept: deutsche Übersetzung)" in out.splitlines()


def test_a_kept_reason_may_not_be_empty(dossier, capsys):
    registry(dossier, "- id: nis\n  name: NIS\n  aliases:\n    - form: Nationaler Nachrichtendienst\n      kept: \"\"\n")
    code, _, err = check(dossier, capsys)
    assert code == 1 and "kept" in err


def test_an_alias_its_case_rule_keeps_from_the_text_names_the_text(dossier, capsys):
    registry(dossier, "- id: nis\n  name: NIS\n  aliases: [südkoreanische Geheimdienst]\n",
             "- id: young\n  name: Benjamin R. Young\n  aliases: [Young]\n")
    _, warnings, err = check(dossier, capsys)
    line, column = line_of(dossier, "content/entities/people.yml", "Young]")
    text_line = TEXT.splitlines().index(next(x for x in TEXT.splitlines() if "young" in x)) + 1
    assert warnings == [f"content/entities/people.yml:{line}:{column}: warning: the alias 'Young' of 'young' matches no article: "
                        f"its case rule keeps it from \"young\" in seeds/a.txt (line {text_line})"]
    hint = err.split(warnings[0], 1)[1].splitlines()[1]
    assert "initial capital" in hint and "case_sensitive: false" in hint


def test_an_inflected_copy_of_another_form_is_named_as_such(dossier, capsys):
    registry(dossier, "- id: nis\n  name: NIS\n  aliases:\n    - südkoreanische Geheimdienst\n    - südkoreanischer Geheimdienst\n")
    _, warnings, err = check(dossier, capsys)
    [warning] = warnings
    assert warning.endswith("the alias 'südkoreanischer Geheimdienst' of 'nis' matches no article, "
                            "and could link only what 'südkoreanische Geheimdienst' links already")
    assert err.split(warning, 1)[1].splitlines()[1].strip().startswith("remove it")


def test_no_alias_warning_while_an_article_has_errors(dossier, capsys):
    """With an article missing, an alias only it uses would seem unused."""
    registry(dossier, "- id: nis\n  name: NIS\n  aliases:\n    - Nationaler Nachrichtendienst\n")
    dossier.article("b", "Titel\n\nText.\n", "seed: b.txt\ntitle: Titel\nlanguage: de\nclaims: [\n")
    code, warnings, _ = check(dossier, capsys)
    assert code == 1 and warnings == []


def test_every_alias_of_the_corpus_matches_or_is_kept(capsys):
    """content/ passes: the spellings kept for articles to come say why, and none is an inflected copy."""
    from helpers import ROOT

    assert main(["--root", str(ROOT), "check"]) == 0
    err = capsys.readouterr().err
    assert not re.search(r"alias .* matches no article", err), err
