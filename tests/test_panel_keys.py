"""An article page's key covers its claim panels without making them.

``claim_panel.PanelKeys`` digests, once per cluster, the head of the
cluster and of the other clusters: all a panel shows of other articles'
claims. An edit that changes what another article's panel shows must
rewrite that page; an edit elsewhere in the corpus must not render it.
Checked on a synthetic corpus (benchmarks/synth.py), whose clusters are
larger than a panel shows, against a build from scratch.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from helpers import assert_same_tree

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.synth import make_corpus, set_claim_value  # noqa: E402
from dossier import sitemap as site  # noqa: E402
from dossier.layout import Project  # noqa: E402
from dossier.pages import claim_panel  # noqa: E402
from dossier.pipeline import Build, Checked, generate  # noqa: E402

TITLE = "Dossier"


@pytest.fixture
def kept(tmp_path: Path) -> tuple[Path, Build, Checked]:
    root = tmp_path / "corpus"
    make_corpus(root, 60, seed=5)
    build = Build(Project(root), root / "build" / "docs", TITLE)
    checked, _ = build.generate()
    return root, build, checked


def _shown_elsewhere(checked: Checked) -> tuple[str, str, int, str]:
    """A claim with a single count as its value (``set_claim_value`` edits
    those) that another article's panel lists: (its article, its id, its
    value, the other article)."""
    single = {}
    for item in checked.linked:
        for claim in item.article.claims:
            value = item.values.get(claim.id)
            if value is not None and value.type == "count" and value.low == value.high and value.low is not None:
                single[claim.key] = (item.article.id, claim.id, int(value.low))
    for item in checked.linked:
        for near in claim_panel.neighbours(checked.analysis, item):
            for related in (*near.agree, *near.disagree):
                key = f"{related.article}/{related.claim}"
                if related.article != item.article.id and key in single:
                    return (*single[key], item.article.id)
    raise AssertionError("no panel lists a claim of another article with a single count: nothing to test")


def _as_fresh(root: Path, tmp_path: Path) -> None:
    generate(Project(root), tmp_path / "fresh", TITLE)
    assert_same_tree(root / "build/docs", tmp_path / "fresh")


def test_a_value_shown_in_another_articles_panel_rewrites_that_page(kept, tmp_path: Path) -> None:
    root, build, checked = kept
    article, claim, value, other = _shown_elsewhere(checked)
    set_claim_value(root, article, claim, value + 1)  # an article's id is its files' stem
    _, report = build.generate()
    assert site.article_page(other) in report.written
    _as_fresh(root, tmp_path)


def test_a_title_shown_in_another_articles_panel_rewrites_that_page(kept, tmp_path: Path) -> None:
    root, build, checked = kept
    article, _, _, other = _shown_elsewhere(checked)
    path = root / "content/articles" / f"{article}.yml"
    text = path.read_text("utf-8")
    new, count = re.subn(r'^title: "', 'title: "Neu: ', text, count=1, flags=re.MULTILINE)
    assert count == 1, f"no title line in {path}"
    path.write_text(new, "utf-8")
    _, report = build.generate()
    assert site.article_page(other) in report.written  # the panel shows the article's short title
    _as_fresh(root, tmp_path)


def test_an_edit_renders_only_the_articles_that_share_its_question_and_scope(kept, tmp_path: Path) -> None:
    root, build, checked = kept
    article, claim, value, _ = _shown_elsewhere(checked)
    edited = next(c for item in checked.linked if item.article.id == article for c in item.article.claims if c.id == claim)
    sharing = {item.article.id for item in checked.linked
               for c in item.article.claims if (c.proposition, c.scope) == (edited.proposition, edited.scope)}
    set_claim_value(root, article, claim, value + 1)  # an article's id is its files' stem
    _, report = build.generate()
    rendered = set(report.rendered) & {site.article_page(item.article.id) for item in checked.linked}
    assert rendered and rendered <= {site.article_page(a) for a in sharing}
    assert len(rendered) < len(checked.linked)
    _as_fresh(root, tmp_path)
