"""The index pages (articles, entities, timeline) are keyed by what they show.

An edit they do not show (a count claim's value) does not render them; one
they show (an article's title) rewrites them; either way the kept build
gives the bytes of a fresh one (checked on a synthetic corpus,
benchmarks/synth.py).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import pytest
from helpers import assert_same_tree

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.synth import make_corpus, set_claim_value  # noqa: E402
from dossier import sitemap as site  # noqa: E402
from dossier.layout import Project  # noqa: E402
from dossier.model import ENTITY_KINDS  # noqa: E402
from dossier.pipeline import Build, generate  # noqa: E402

TITLE = "Dossier"
INDEXES = {site.ARTICLES, site.TIMELINE, *(site.entity_index(kind) for kind in ENTITY_KINDS)}


@pytest.fixture
def kept(tmp_path: Path) -> tuple[Path, Build, Any]:
    root = tmp_path / "corpus"
    planted = make_corpus(root, 40, seed=11)
    build = Build(Project(root), root / "build" / "docs", TITLE)
    build.generate()
    return root, build, planted.edit  # a count claim's value to change


def _as_fresh(root: Path, tmp_path: Path) -> None:
    generate(Project(root), tmp_path / "fresh", TITLE)
    assert_same_tree(root / "build/docs", tmp_path / "fresh")


def test_a_count_claims_value_renders_no_index_page(kept, tmp_path: Path) -> None:
    root, build, planted = kept
    set_claim_value(root, planted.stem, planted.claim, planted.new)
    _, report = build.generate()
    assert site.article_page(planted.stem) in report.written
    assert INDEXES.isdisjoint(report.rendered)
    _as_fresh(root, tmp_path)


def test_an_articles_title_rewrites_the_index_pages_that_show_it(kept, tmp_path: Path) -> None:
    root, build, _ = kept
    path = sorted((root / "content/articles").glob("*.yml"))[0]
    text = path.read_text("utf-8")
    new, count = re.subn(r'^title: "', 'title: "Neu: ', text, count=1, flags=re.MULTILINE)
    assert count == 1
    path.write_text(new, "utf-8")
    _, report = build.generate()
    assert site.ARTICLES in report.written and site.TIMELINE in report.written
    _as_fresh(root, tmp_path)
