"""Review when evidence changes: an assessment records its claims; later claims ask for a review."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml
from annotations import article, claim, dump
from conftest import PROPOSITIONS

from dossier.cli import main
from dossier.layout import Project
from dossier.pipeline import check, generate
from dossier.review import ASSESSED, pending
from dossier.sitemap import CONTRADICTIONS

TEXT = "Titel\nBudanow sagte, 12.000 Soldaten seien unterwegs. Der NIS nannte 10.000 Soldaten. Später hieß es 15.000 Soldaten, so Selenskyj.\n"
RESOLUTION = """\
  resolution:
    # why the two figures differ
    status: explained
    note: "Verschiedene Quellen und Zeitpunkte."
"""


def annotation(*claims: tuple[str, str, int, str]) -> str:
    """claims: (id, quote, value, attributed_to), each asserting a total of troops."""
    return dump(article("a.txt", *(claim(i, q, value=v, attributed_to=w, stance="asserts") for i, q, v, w in claims)))


TWO = (("budanov", "12.000 Soldaten", 12000, "kyrylo-budanov"), ("nis", "10.000 Soldaten", 10000, "nis"))


def explained(dossier, claims=TWO) -> Path:
    """A project whose troops contradiction is explained, with a comment and blank lines around."""
    # raw text: the comment and blank lines are what `dossier review` must keep
    text = PROPOSITIONS.replace("    first: Erstes Kontingent\n", "    first: Erstes Kontingent\n" + RESOLUTION + "\n")
    assert RESOLUTION in text
    path = dossier.write("content/propositions.yml", "# propositions\n" + text)
    dossier.article("a", TEXT, annotation(*claims))
    return path


def warnings(dossier) -> list[str]:
    return [str(d) for d in check(dossier.project).diagnostics.warnings if "contradiction" in d.message]


def test_an_assessment_without_a_record_asks_for_one(dossier):
    explained(dossier)
    (warning,) = warnings(dossier)
    assert "the explained contradiction 'troops' does not record which claims its note assessed (2 claims now)" in warning
    assert "dossier review troops" in warning


def test_review_writes_the_record_and_changes_no_other_byte(dossier, capsys):
    path = explained(dossier)
    before = path.read_text("utf-8")
    assert main(["--root", str(dossier.root), "review", "troops"]) == 0
    out = capsys.readouterr().out
    assert "now records 2 claims as assessed" in out
    after = path.read_text("utf-8")
    added = [line for line in after.splitlines(keepends=True) if line not in before.splitlines(keepends=True)]
    assert [line.split("@")[0].strip() for line in added[1:]] == ["- a/budanov", "- a/nis"]
    assert after.replace("".join(added), "") == before  # the record is one block; everything else as it was
    assert yaml.safe_load(after)[0]["resolution"]["assessed"] == [line.strip()[2:] for line in added[1:]]
    assert warnings(dossier) == []
    # a second review changes nothing
    assert main(["--root", str(dossier.root), "review", "troops"]) == 0
    assert path.read_text("utf-8") == after and "nothing had changed" in capsys.readouterr().out


def test_a_new_or_changed_claim_is_named_until_reviewed(dossier, capsys):
    path = explained(dossier)
    assert main(["--root", str(dossier.root), "review", "troops"]) == 0
    recorded = path.read_text("utf-8")
    third = ("selenskyj", "so Selenskyj", 11000, "kyrylo-budanov")
    changed = (("budanov", "15.000 Soldaten", 15000, "kyrylo-budanov"), TWO[1], third)
    dossier.write("content/articles/a.yml", annotation(*changed))
    (warning,) = warnings(dossier)
    assert warning.startswith(f"content/propositions.yml:{recorded.splitlines().index('  resolution:') + 1}:3: warning:")
    assert "claims of the explained contradiction 'troops' changed since its assessment; new: a/selenskyj; changed: a/budanov" in warning

    report = check(dossier.project).analysis.reports["troops"]
    assert pending(report).new == ("a/budanov", "a/selenskyj")
    generate(dossier.project, dossier.root / "docs", "Dossier")
    page = next((dossier.root / "docs").rglob("troops.md")).read_text("utf-8")
    assert "Status: erklärt · neue Aussagen seit der Bewertung" in page
    assert page.count("(neu seit der Bewertung)") == 2
    index = (dossier.root / "docs" / CONTRADICTIONS).read_text("utf-8")
    assert "erklärt · neue Aussagen seit der Bewertung" in index

    capsys.readouterr()
    assert main(["--root", str(dossier.root), "review", "troops"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"new a/selenskyj \(total\): 11\.000 Soldaten", out) and re.search(r"changed a/budanov \(total\): 15\.000", out)
    assert warnings(dossier) == []
    generate(dossier.project, dossier.root / "docs", "Dossier")
    assert "neue Aussagen" not in next((dossier.root / "docs").rglob("troops.md")).read_text("utf-8")


def test_a_removed_claim_is_named(dossier, capsys):
    explained(dossier)
    assert main(["--root", str(dossier.root), "review", "troops"]) == 0
    dossier.write("content/articles/a.yml", annotation(*TWO, ("third", "so Selenskyj", 12000, "nis")))
    assert main(["--root", str(dossier.root), "review", "troops"]) == 0
    dossier.write("content/articles/a.yml", annotation(*TWO))
    (warning,) = warnings(dossier)
    assert "gone: a/third" in warning


def test_print_writes_nothing_and_an_open_question_cannot_be_reviewed(dossier, capsys):
    path = explained(dossier)
    before = path.read_bytes()
    assert main(["--root", str(dossier.root), "review", "--print", "troops"]) == 0
    out = capsys.readouterr().out
    assert "    assessed:" in out and re.search(r"      - a/budanov@[0-9a-f]{8}\n", out)
    assert path.read_bytes() == before
    assert main(["--root", str(dossier.root), "review", "arms"]) == 1
    assert "'arms' has no explanation or resolution" in capsys.readouterr().err
    assert main(["--root", str(dossier.root), "review", "trops"]) == 1
    assert "did you mean 'troops'?" in capsys.readouterr().err


def test_a_broken_record_is_an_error_with_a_hint(dossier, capsys):
    path = explained(dossier)
    path.write_text(path.read_text("utf-8").replace("    status: explained", "    assessed: [budanov]\n    status: explained"), "utf-8")
    assert main(["--root", str(dossier.root), "check"]) == 1
    err = capsys.readouterr().err
    assert "'budanov' is not a claim record (article/claim@fingerprint)" in err and "dossier review" in err


def test_an_existing_record_in_compact_style_is_replaced(dossier):
    path = explained(dossier)
    main(["--root", str(dossier.root), "review", "troops"])
    compact = re.sub(r"\n      - ", "\n    - ", path.read_text("utf-8"))
    path.write_text(compact, "utf-8")
    dossier.write("content/articles/a.yml", annotation(TWO[0]))
    assert main(["--root", str(dossier.root), "review", "troops"]) == 0
    data = yaml.safe_load(path.read_text("utf-8"))
    assert [e.split("@")[0] for e in data[0]["resolution"]["assessed"]] == ["a/budanov"]
    assert data[0]["resolution"]["status"] == "explained"


def test_the_corpus_records_every_assessment(real_site):
    """content/ as committed: every explained or resolved contradiction has seen its claims."""
    analysis = check_root(real_site).analysis
    assert [r.proposition.id for r in analysis.reports.values() if pending(r)] == []


def test_growth_asks_for_review_of_exactly_the_claims_it_adds(grown_site, tmp_path, capsys):
    """The grown corpus adds claims to assessed contradictions: check names them, review clears them."""
    checked = check_root(grown_site)
    growth = {p.stem: yaml.safe_load(p.read_text("utf-8")) for p in (Path(__file__).parent / "growth/content/articles").glob("*.yml")}
    assessed = {pid for pid, r in checked.analysis.reports.items() if r.conflict and r.proposition.status in ASSESSED}
    expected = {
        pid: sorted(f"{stem}/{c['id']}" for stem, data in growth.items() for c in data.get("claims", []) if c["proposition"] == pid)
        for pid in assessed
    }
    expected = {pid: keys for pid, keys in expected.items() if keys}
    found = {pid: list(pending(r).added) for pid, r in checked.analysis.reports.items() if pending(r)}
    assert expected and found == expected
    page = (grown_site / "build/site").rglob(f"{next(iter(expected))}/index.html")
    assert "neue Aussagen seit der Bewertung" in next(page).read_text("utf-8")

    copy = tmp_path / "copy"
    for name in ("seeds", "content"):
        shutil.copytree(grown_site / name, copy / name)
    for pid in expected:
        assert main(["--root", str(copy), "review", pid]) == 0
    capsys.readouterr()
    assert main(["--root", str(copy), "check", "--strict"]) == 0, capsys.readouterr().err


def check_root(root: Path):
    return check(Project(root))
