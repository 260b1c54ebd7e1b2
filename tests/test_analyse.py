"""Contradiction classification: conflict vs. agreement vs. different scope."""

from __future__ import annotations

from annotations import article, claim, dump

from dossier.analyse import analyse
from dossier.anchor import anchor
from dossier.diagnostics import Diagnostics
from dossier.link import link
from dossier.load import load


def annotation(stem: str, claims: list[tuple[str, str, str, str, object]]) -> str:
    """claims: (id, quote, proposition, scope, value); a value of None is read from the quote."""
    built = (claim(cid, quote, proposition=prop, scope=scope, value=value) for cid, quote, prop, scope, value in claims)
    return dump(article(f"{stem}.txt", *built, title="T", published="2024-10-18", published_basis="Datumszeile"))


def analysed(dossier):
    diagnostics = Diagnostics()
    corpus = load(dossier.project, diagnostics)
    linked = link(corpus, anchor(corpus, diagnostics), diagnostics)
    assert not diagnostics.errors, diagnostics.report()
    return analyse(corpus, linked)


def test_figures_outside_tolerance_conflict_within_scope_only(dossier):
    dossier.article("a", "Es sind 12.000 Soldaten. Zuerst 1.500 Mann.", annotation("a", [
        ("total", "12.000 Soldaten", "troops", "total", 12000),
        ("first", "1.500 Mann", "troops", "first", 1500),
    ]))
    dossier.article("b", "Es sind 10.000 Soldaten.", annotation("b", [
        ("total", "10.000 Soldaten", "troops", "total", 10000),
    ]))
    report = analysed(dossier).reports["troops"]
    groups = {g.scope: g for g in report.groups}
    assert groups["total"].conflict
    assert sorted([r.value.text for r in c] for c in groups["total"].clusters) == [["10.000 Soldaten"], ["12.000 Soldaten"]]
    assert not groups["first"].conflict          # different scope: shown, not counted
    assert report.status == "open"


def test_figures_within_tolerance_and_ranges_agree(dossier):
    dossier.article("a", "rund 11.000 Soldaten und mehr als 10.000 Mann", annotation("a", [
        ("x", "rund 11.000 Soldaten", "troops", "total", 11000),
        ("y", "mehr als 10.000 Mann", "troops", "total", {"min": 10000}),
    ]))
    dossier.article("b", "Es sind 12.000 Soldaten.", annotation("b", [
        ("total", "12.000 Soldaten", "troops", "total", 12000),
    ]))
    analysis = analysed(dossier)
    assert not analysis.reports["troops"].conflict
    assert analysis.reports["troops"].status == "consistent"
    assert analysis.contradictions == []


def test_contained_places_agree_other_places_conflict(dossier):
    dossier.article("a", "Training im Fernen Osten. Training in Russland. Training in der Ukraine.", annotation("a", [
        ("fe", "im Fernen Osten", "training-place", "training", "far-east"),
        ("ru", "in Russland", "training-place", "training", "russia"),
        ("ua", "in der Ukraine", "training-place", "training", "ukraine"),
    ]))
    group = analysed(dossier).reports["training-place"].groups[0]
    keys = sorted(sorted(r.value.key for r in c) for c in group.clusters)
    assert keys == [["far-east", "russia"], ["ukraine"]]


def test_assert_against_deny_is_a_conflict_and_dates_resolve(dossier):
    dossier.article("a", "Nordkorea liefert Waffen. Beide bestreiten Lieferungen. Vertrag im Juni.", annotation("a", [
        ("supply", "liefert Waffen", "arms", "supplies", True),
        ("deny", "bestreiten Lieferungen", "arms", "supplies", False),
        ("d1", "im Juni", "treaty-date", "signed", "2024-06-19"),
    ]))
    dossier.article("b", "Der Vertrag wurde im Juni unterzeichnet.", annotation("b", [
        ("d2", "im Juni", "treaty-date", "signed", None),  # read from the quote
    ]))
    analysis = analysed(dossier)
    assert analysis.reports["arms"].conflict
    claims = analysis.reports["treaty-date"].groups[0].claims
    assert {r.value.key for r in claims} == {"2024-06-19", "2024-06"}
    assert not analysis.reports["treaty-date"].conflict   # June 19 lies within June
