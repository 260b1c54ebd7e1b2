"""A synthetic corpus of a few hundred articles (benchmarks/synth.py).

The generator plants contradictions (count claims in one scope that lie
outside the tolerance) next to groups that must not be reported (agreeing
values, or disagreeing values in different scopes), so the analysis can be
checked exactly at a size no hand-written corpus reaches. The whole pipeline
runs once per module: a full generate, a second one that must change
nothing, and one after editing a single claim value.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from helpers import tree

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.synth import Planted, make_corpus, set_claim_value  # noqa: E402
from dossier import parallel  # noqa: E402
from dossier import sitemap as site  # noqa: E402
from dossier.emit import WriteReport  # noqa: E402
from dossier.exports import FILES  # noqa: E402
from dossier.layout import Project  # noqa: E402
from dossier.model import ENTITY_KINDS, Corpus  # noqa: E402
from dossier.pipeline import Build, Checked, generate  # noqa: E402

N = 300
TITLE = "Synthetisches Dossier"


@dataclass
class Run:
    root: Path
    planted: Planted
    checked: Checked
    first: WriteReport
    before: dict[str, bytes]
    second: WriteReport
    after: dict[str, bytes]
    again: WriteReport
    again_checked: Checked
    edited: WriteReport
    edited_checked: Checked
    incremental: dict[str, bytes]  # the tree after the edit, built incrementally
    fresh: dict[str, bytes]  # the same, built from scratch
    serial: dict[str, bytes]  # the first tree, built in one process


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    root = tmp_path_factory.mktemp("synthetic")
    planted = make_corpus(root, N, seed=7)
    project, out = Project(root), root / "build" / "docs"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DOSSIER_JOBS", "1")
        generate(project, root / "serial", TITLE)
        serial = tree(root / "serial")
        # Forked workers, as a real build of this size uses (earlier tests may
        # have left server threads in this process, which would prevent it).
        patch.setenv("DOSSIER_JOBS", "2")
        patch.setattr(parallel.threading, "active_count", lambda: 1)
        checked, first = generate(project, out, TITLE)
    before = tree(out)
    _, second = generate(project, out, TITLE)
    after = tree(out)
    build = Build(project, out, TITLE)
    build.generate()
    again_checked, again = build.generate()
    edit = planted.edit
    assert edit is not None
    set_claim_value(root, edit.stem, edit.claim, edit.new)
    try:
        edited_checked, edited = build.generate()
        incremental = tree(out)
        generate(project, root / "fresh", TITLE)
        fresh = tree(root / "fresh")
    finally:
        set_claim_value(root, edit.stem, edit.claim, edit.old)
    return Run(root, planted, checked, first, before, second, after, again, again_checked,
               edited, edited_checked, incremental, fresh, serial)


def test_the_corpus_is_deterministic(tmp_path: Path, run: Run) -> None:
    make_corpus(tmp_path / "a", 20, seed=3)
    make_corpus(tmp_path / "b", 20, seed=3)
    assert tree(tmp_path / "a") == tree(tmp_path / "b")


def test_check_reports_no_errors(run: Run) -> None:
    errors = run.checked.diagnostics.errors
    assert not errors, "\n".join(str(e) for e in errors[:10])
    corpus = run.checked.corpus
    assert len(corpus.articles) == N
    assert len(corpus.entities) == run.planted.entities
    assert len(corpus.propositions) == run.planted.propositions


def test_every_claim_is_anchored(run: Run) -> None:
    linked = {item.article.id: item for item in run.checked.linked}
    assert set(linked) == set(run.planted.articles)
    for stem, info in run.planted.articles.items():
        assert 4 <= len(info.claims) <= 8
        assert set(linked[stem].anchored.claims) == set(info.claims), stem
        assert set(linked[stem].values) == set(info.claims), stem


def test_mentions_are_found_in_their_inflected_forms(run: Run) -> None:
    for item in run.checked.linked:
        info = run.planted.articles[item.article.id]
        sources = {name for claim in item.article.claims for name in (claim.attributed_to, *claim.via)}
        assert {m.entity for m in item.mentions} | sources == info.entities, item.article.id


def test_contradictions_are_exactly_the_planted_ones(run: Run) -> None:
    reports = run.checked.analysis.reports
    found = {(pid, group.scope) for pid, report in reports.items() for group in report.groups if group.conflict}
    compared = {(pid, group.scope) for pid, report in reports.items() for group in report.groups}
    planted = run.planted
    assert planted.conflicts and planted.consistent
    assert planted.conflicts - found == set(), "planted contradictions not reported"
    assert found - planted.conflicts == set(), "contradictions reported that were not planted"
    assert compared == planted.conflicts | planted.consistent


def test_generating_twice_is_byte_identical(run: Run) -> None:
    assert run.first.written and not run.first.removed
    assert run.second.written == [] and run.second.removed == []
    assert run.after == run.before


def test_forked_workers_build_what_one_process_builds(run: Run) -> None:
    assert run.before == run.serial


def _dependent(planted: Planted, corpus: Corpus, stem: str) -> set[str]:
    """Every page whose content can depend on one claim value of article ``stem``."""
    edit = planted.edit
    assert edit is not None
    pages = {site.article_page(stem), site.CONTRADICTIONS, site.HOME, site.TIMELINE, site.ARTICLES, site.DATA}
    pages |= {site.entity_index(kind) for kind in ENTITY_KINDS}
    pages |= {f"daten/{name}" for name in FILES}
    pages.add(site.proposition_page(edit.proposition))
    group = (edit.proposition, edit.scope)
    stems = {stem}
    if group in planted.conflicts:  # disagreeing claims name each other's values in their tooltips
        stems |= {other for other, info in planted.articles.items() if group in info.groups}
    for other in stems:
        pages.add(site.article_page(other))
        pages |= {site.entity_page(corpus.entities[e]) for e in planted.articles[other].entities}
    return pages


def test_an_edit_rewrites_only_dependent_pages(run: Run) -> None:
    edit = run.planted.edit
    written = set(run.edited.written)
    dependent = _dependent(run.planted, run.checked.corpus, edit.stem)
    assert site.article_page(edit.stem) in written
    assert written <= dependent, f"written but independent of the edit: {sorted(written - dependent)}"
    assert run.edited.removed == []
    total = len(run.before)
    assert len(written) <= 20 and len(written) * 20 < total, (len(written), total)


def test_a_rebuild_without_changes_redoes_nothing(run: Run) -> None:
    assert run.again_checked.processed == []
    assert run.again.rendered == [] and run.again.written == []


def test_an_edit_reprocesses_one_article_and_renders_only_dependent_pages(run: Run) -> None:
    edit = run.planted.edit
    assert run.edited_checked.processed == [edit.stem]
    rendered = set(run.edited.rendered)
    dependent = _dependent(run.planted, run.checked.corpus, edit.stem)
    assert site.article_page(edit.stem) in rendered and site.proposition_page(edit.proposition) in rendered
    assert rendered <= dependent, f"rendered but independent of the edit: {sorted(rendered - dependent)}"
    # Rendered pages whose bytes did not change are not written either.
    assert set(run.edited.written) <= rendered | {f"daten/{name}" for name in FILES}


def test_an_incremental_rebuild_equals_a_fresh_build(run: Run) -> None:
    assert run.incremental != run.before
    assert run.incremental == run.fresh
