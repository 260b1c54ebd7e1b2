"""Figures cluster only with claims they all agree with: a middle value cannot hide a dispute."""

from __future__ import annotations

import itertools

from test_analyse import analysed, annotation

from dossier.diagnostics import Diagnostics
from dossier.load import load

# (claim id, figure as written, value); every pair but the outer one is within the 10% tolerance
CHAIN = [("low", "10.000", 10000), ("mid", "11.000", 11000), ("high", "12.000", 12000)]


def _write(dossier, figures):
    for cid, text, value in figures:
        dossier.article(cid, f"Es sind {text} Soldaten.", annotation(cid, [
            (cid, f"{text} Soldaten", "troops", "total", value),
        ]))


def test_a_middle_value_does_not_join_two_figures_that_disagree(dossier):
    _write(dossier, CHAIN)
    report = analysed(dossier).reports["troops"]
    (group,) = report.groups
    assert group.conflict, "10.000 and 12.000 differ by more than the tolerance"
    assert not any({"low", "high"} <= {r.claim.id for r in cluster} for cluster in group.clusters)


def test_every_cluster_agrees_pairwise(dossier):
    figures = [(f"c{i}", f"{v:,}".replace(",", "."), v) for i, v in enumerate((9000, 9800, 10500, 11400, 12300, 20000))]
    _write(dossier, figures)
    tolerance = load(dossier.project, Diagnostics()).propositions["troops"].tolerance
    report = analysed(dossier).reports["troops"]
    for cluster in report.groups[0].clusters:
        for a, b in itertools.combinations(cluster, 2):
            small, large = sorted((a.value.low, b.value.low))
            assert large <= small * (1 + tolerance), f"{small} and {large} share a cluster"
