"""Every caveat visible: notes, stated/inferred attributions, rhetoric, repeats, status meanings."""

from __future__ import annotations

import re
import shutil

import yaml
from annotations import Data, at, claim, dump, hide, proposition, value_at
from annotations import article as build_article
from helpers import ROOT
from test_analyse import analysed

from dossier.cli import main
from dossier.pages import labels

TEXT = "Titel\nDer NIS meldet 12.000 Soldaten. Später wieder 12.000 Mann. Millionen sind hier, ruft einer.\n"


def article(*claims: Data) -> str:
    return dump(build_article("a.txt", *claims, hide=[hide("Titel")]))


def other(value: int = 10000) -> str:
    figure = f"{value:,}".replace(",", ".")
    return dump(build_article("b.txt", claim("b-total", f"{figure} Soldaten", value=value), title="Anderer"))


def write(dossier, *claims: Data) -> None:
    dossier.article("a", TEXT, article(*claims))
    dossier.article("b", "Es sind 10.000 Soldaten.\n", other())


REPEATED = (claim("first", "12.000 Soldaten"), claim("again", "12.000 Mann"))
HYPERBOLE = claim("millions", "Millionen sind hier", value={"min": 2000000}, attributed_to="kyrylo-budanov",
                  rhetorical="hyperbole", note="Offensichtlich übertrieben.")


def test_a_rhetorical_claim_is_never_compared(dossier):
    write(dossier, HYPERBOLE)
    analysis = analysed(dossier)
    report = analysis.reports["troops"]
    # 2,000,000 against 10,000 would be a contradiction if it were compared
    assert not report.conflict and report.status == "consistent"
    assert report.claim_count == 1
    assert [ref.claim.id for g in report.groups for ref in g.aside] == ["millions"]
    assert analysis.claims["a/millions"].status == "rhetorical"
    assert list(analysis.claims["a/millions"].disputed_by) == []
    assert list(analysis.claims["b/b-total"].disputed_by) == []


def test_a_statement_repeated_in_one_article_counts_once(dossier):
    write(dossier, *REPEATED)
    analysis = analysed(dossier)
    report = analysis.reports["troops"]
    assert report.conflict
    assert report.claim_count == 2  # 12.000 once (article a), 10.000 once (article b)
    assert sum(len(c) for g in report.groups for c in g.clusters) == 3  # both occurrences still shown
    assert analysis.claims["a/again"].repeat_of == "first"
    assert analysis.claims["a/first"].repeat_of == ""


def test_the_same_value_from_another_source_is_no_repetition(dossier):
    write(dossier, REPEATED[0], claim("again", "12.000 Mann", attributed_to="kyrylo-budanov"))
    analysis = analysed(dossier)
    assert analysis.claims["a/again"].repeat_of == ""
    assert analysis.reports["troops"].claim_count == 3


def run_check(dossier, capsys) -> tuple[int, str]:
    code = main(["--root", str(dossier.root), "check"])
    return code, capsys.readouterr().err


def test_an_inferred_attribution_needs_its_reason(dossier, capsys):
    write(dossier, claim("first", "12.000 Soldaten", attribution="inferred"))
    code, err = run_check(dossier, capsys)
    assert code == 1
    position = value_at((dossier.root / "content/articles/a.yml").read_text("utf-8"), "attribution")
    assert f"content/articles/a.yml:{position}: error: claim 'first': an inferred attribution needs a note" in err
    assert "add note:" in err


def test_an_unknown_attribution_kind_is_reported_with_the_allowed_ones(dossier, capsys):
    write(dossier, claim("first", "12.000 Soldaten", attribution="guessed"))
    code, err = run_check(dossier, capsys)
    assert code == 1
    assert "'guessed' is not allowed here" in err and "stated, inferred" in err


def resolutions(troops: str = "explained", place_holds: str | None = None, arms_holds: object = "nowhere",
                date_holds: str | None = "2024-06") -> list[Data]:
    """Four propositions whose resolutions contradict their status, note or verdict (by default)."""
    def resolution(status: str, note: str, holds: object = None) -> Data:
        return {"status": status, "note": note, **({} if holds is None else {"holds": holds})}
    return [
        proposition("troops", question="Wie viele Soldaten?", tolerance=0.1, resolution=resolution(
            troops, "Welche Zahl stimmt, lässt sich aus den Artikeln nicht entscheiden.")),
        proposition("training-place", "place", question="Wo?", scopes={"training": "Ausbildung"},
                    resolution=resolution("resolved", "Ein Übersetzungsfehler.", place_holds)),
        proposition("arms", "boolean", question="Waffen?", scopes={"supplies": "Lieferungen"},
                    resolution=resolution("resolved", "Belegt.", arms_holds)),
        proposition("treaty-date", "date", question="Wann?", scopes={"signed": "Unterzeichnung"},
                    resolution=resolution("open", "Noch nicht geprüft.", date_holds)),
    ]


def test_a_status_its_note_or_its_verdict_contradicts_is_an_error_each(dossier, capsys):
    text = dossier.write("content/propositions.yml", dump(resolutions())).read_text("utf-8")
    write(dossier)
    code, err = run_check(dossier, capsys)
    assert code == 1
    found = [line for line in err.splitlines() if line.startswith("content/propositions.yml:")]
    assert len(found) == 4, err
    assert found[0].startswith(f"content/propositions.yml:{value_at(text, 'status', 1)}: error: resolution status "
                               "'explained', but its note says the question cannot be decided")
    assert "write status: undecidable" in err
    assert found[1].startswith(f"content/propositions.yml:{value_at(text, 'status', 2)}: error: resolution status "
                               "'resolved' needs the value that holds")
    holds_lines = [at(text, "holds:", n).split(":")[0] for n in (1, 2)]
    assert found[2].startswith(f"content/propositions.yml:{holds_lines[0]}:") and "holds:" in found[2]
    assert found[3].startswith(f"content/propositions.yml:{holds_lines[1]}:") and "only for status 'resolved'" in found[3]


def test_undecidable_is_a_status_and_passes(dossier, capsys):
    fixed = resolutions(troops="undecidable", place_holds="russia", arms_holds=True, date_holds=None)
    dossier.write("content/propositions.yml", dump(fixed))
    write(dossier)
    code, err = run_check(dossier, capsys)
    assert code == 0, err


def build(dossier) -> dict[str, str]:
    shutil.copy(ROOT / "mkdocs.yml", dossier.root / "mkdocs.yml")
    assert main(["--root", str(dossier.root), "build", "--no-site"]) == 0
    docs = dossier.root / "build" / "docs"
    return {str(p.relative_to(docs)): p.read_text("utf-8") for p in docs.rglob("*.md")}


def test_every_listing_shows_note_attribution_rhetoric_and_repeats(dossier):
    note = "Quelle aus dem Folgesatz erschlossen."
    write(dossier, claim("first", "12.000 Soldaten", attribution="inferred", note=note),
          claim("again", "12.000 Mann", attribution="inferred", note=note), HYPERBOLE)
    pages = build(dossier)
    inferred, stated = labels.ATTRIBUTION["inferred"], labels.ATTRIBUTION["stated"]
    article_page = pages["artikel/a.md"]
    rows = [line for line in article_page.splitlines() if line.startswith("| <span id=\"k-")]
    assert len(rows) == 3
    by_id = {re.search(r'id="k-([a-z0-9-]+)"', row).group(1): row for row in rows}  # type: ignore[union-attr]
    assert note in by_id["first"] and inferred in by_id["first"]
    assert "Offensichtlich übertrieben." in by_id["millions"] and stated in by_id["millions"]
    assert labels.RHETORICAL["hyperbole"] in by_id["millions"]
    assert "rhetorisch" in by_id["millions"] and labels.STATUS["consistent"] not in by_id["millions"]
    assert "wiederholt" in by_id["again"] and "(#k-first)" in by_id["again"] and "wiederholt" not in by_id["first"]
    tooltip = re.search(r'id="c-millions" title="([^"]*)"', article_page).group(1)  # type: ignore[union-attr]
    assert labels.STATUS["consistent"] not in tooltip and labels.RHETORICAL["hyperbole"] in tooltip
    assert re.search(r'id="c-first" title="[^"]*' + re.escape(inferred), article_page)

    question = pages["widersprueche/troops.md"]
    assert question.count(note) == 2 and question.count(inferred) == 2
    assert "wiederholt im selben Artikel" in question and labels.RHETORICAL["hyperbole"] in question
    assert "2 Aussagen" in question  # 12.000 (twice in a) and 10.000 (b): two statements compared

    source_page = pages["organisationen/nis.md"]
    assert source_page.count(note) == 2 and source_page.count(inferred) == 2

    index = pages["widersprueche/index.md"]
    for key, meaning in labels.STATUS_MEANING.items():
        assert f"**{labels.STATUS[key]}**" in index
        assert meaning.split(" ", 3)[-1][:30].replace("(", "&#40;").replace(")", "&#41;") in index


def corpus_claims() -> list[dict[str, object]]:
    found = []
    for path in sorted((ROOT / "content" / "articles").glob("*.yml")):
        found += yaml.safe_load(path.read_text("utf-8")).get("claims", [])
    return found


def test_the_corpus_says_where_each_inferred_source_comes_from():
    claims = corpus_claims()
    inferred = [c for c in claims if c.get("attribution") == "inferred"]
    assert inferred, "the corpus marks inferred attributions"
    assert all(c.get("note") for c in inferred)
    assert any(c.get("rhetorical") for c in claims)
