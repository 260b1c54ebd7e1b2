"""The shortcuts that keep emit fast give what the plain definitions give.

A claim panel's neighbours are taken from its cluster without copying it,
its links are made without ``posixpath.relpath``, and babel's figures and
dates are cached per language: each is checked here against the
straightforward computation, on a synthetic corpus (benchmarks/synth.py)
whose clusters are larger than a panel shows.
"""

from __future__ import annotations

import posixpath
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.synth import make_corpus  # noqa: E402
from dossier import locales  # noqa: E402
from dossier import sitemap as site  # noqa: E402
from dossier.dates import PartialDate  # noqa: E402
from dossier.layout import Project  # noqa: E402
from dossier.pages import claim_panel  # noqa: E402
from dossier.pipeline import Checked, check  # noqa: E402


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> Checked:
    root = tmp_path_factory.mktemp("synthetic")
    make_corpus(root, 120, seed=3)
    result = check(Project(root))
    assert not result.diagnostics.errors
    return result


def test_neighbours_are_the_first_others_of_the_cluster_and_count_them_all(checked: Checked) -> None:
    cut = 0
    for item in checked.linked:
        found = {n.claim: n for n in claim_panel.neighbours(checked.analysis, item)}
        for claim in item.article.claims:
            status = checked.analysis.claims.get(claim.key)
            if status is None:
                assert claim.id not in found
                continue
            others = [ref for ref in status.disputed_by.agreeing if ref.claim.key != claim.key]
            near = found[claim.id]
            assert near.agree_total == len(others)
            assert [(r.article, r.claim) for r in near.agree] == [(o.article.id, o.claim.id) for o in others[:claim_panel.SHOWN]]
            assert [r.value for r in near.agree] == [o.value.text for o in others[:claim_panel.SHOWN]]
            disputing = list(status.disputed_by)
            assert near.disagree_total == len(disputing)
            assert [(r.article, r.claim) for r in near.disagree] == [(o.article.id, o.claim.id) for o in disputing[:claim_panel.SHOWN]]
            cut += len(others) > claim_panel.SHOWN
    assert cut, "no cluster is larger than a panel shows: the test would not test the cut"


def _reference_url(source: str, target: str, anchor: str = "") -> str:
    """claim_panel.url as it was written first, with posixpath.relpath."""
    fragment = f"#{anchor}" if anchor else ""
    if source == target and fragment:
        return fragment

    def folder(page: str) -> str:
        stem = page.removesuffix(".md")
        return (stem.removesuffix("index") if stem == "index" or stem.endswith("/index") else stem + "/").rstrip("/") or "."

    relative = posixpath.relpath(folder(target), folder(source))
    return ("./" if relative == "." else relative + "/") + fragment


def test_panel_links_are_what_relpath_gives(checked: Checked) -> None:
    corpus = checked.corpus
    pages = [site.article_page(item.article.id) for item in checked.linked[:5]]
    pages += [site.proposition_page(pid) for pid in sorted(corpus.propositions)[:3]]
    pages += [site.entity_page(entity) for entity in sorted(corpus.entities.values(), key=lambda e: e.id)[:5]]
    pages += ["index.md", "a/index.md", "a/b/index.md", "a/b.md", "ab/c.md", "a/bc.md"]
    for source in pages:
        for target in pages:
            for anchor in ("", "c-x"):
                assert claim_panel.url(source, target, anchor) == _reference_url(source, target, anchor)


def test_cached_figures_and_dates_follow_the_language() -> None:
    day, month = PartialDate(2024, 10, 18), PartialDate(2024, 10)
    shown = {}
    for code in ("de", "en", "de", "en"):
        with locales.using(code):
            now = (locales.format_number(12000), locales.format_number(0.5), locales.format_date(day), locales.format_date(month))
        assert shown.setdefault(code, now) == now
    assert shown["de"] != shown["en"]
    assert shown["de"][0] != shown["en"][0] and shown["de"][1] != shown["en"][1]
    assert shown["de"][2] != shown["en"][2] and shown["de"][3] != shown["en"][3]
    with locales.using("de"):
        assert locales.format_number(1500.0) == locales.format_number(1500)  # a whole float reads as the integer
