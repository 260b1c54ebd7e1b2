"""``dossier serve`` makes the exports after the edited page is served:
a kept ``Build`` with ``later`` set leaves them as they were, and
``finish`` brings the tree to the bytes of a fresh build, whatever edits
came in between (checked on a synthetic corpus, benchmarks/synth.py)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from helpers import assert_same_tree

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.synth import make_corpus, set_claim_value  # noqa: E402
from dossier.emit import EXPORTS  # noqa: E402
from dossier.layout import Project  # noqa: E402
from dossier.pipeline import Build, generate  # noqa: E402

TITLE = "Dossier"


@pytest.fixture
def kept(tmp_path: Path) -> tuple[Path, Build, dict]:
    root = tmp_path / "corpus"
    planted = make_corpus(root, 30, seed=7)
    build = Build(Project(root), root / "build" / "docs", TITLE)
    build.generate()
    build.later = frozenset(EXPORTS)
    return root, build, planted.edit.__dict__


def _edit(root: Path, edit: dict, value: int) -> None:
    set_claim_value(root, edit["stem"], edit["claim"], value)


def _assert_as_fresh(root: Path, tmp_path: Path, name: str) -> None:
    generate(Project(root), tmp_path / name, TITLE)
    assert_same_tree(root / "build/docs", tmp_path / name)


def test_the_exports_are_written_by_finish_not_generate(kept, tmp_path: Path) -> None:
    root, build, edit = kept
    docs = root / "build/docs"
    old = {path: (docs / path).read_bytes() for path in EXPORTS}
    _edit(root, edit, edit["new"])
    _, report = build.generate()
    assert report.written and not set(report.written) & set(EXPORTS)
    assert {path: (docs / path).read_bytes() for path in EXPORTS} == old
    written = build.finish()
    claims = json.loads((docs / "daten/claims.json").read_text("utf-8"))
    assert "daten/claims.json" in written and str(edit["new"]) in json.dumps(claims)
    assert build.finish() == []  # nothing left to make
    _assert_as_fresh(root, tmp_path, "fresh")
    build.later = frozenset()
    _, report = build.generate()  # the keys finish recorded are those of the files
    assert report.written == []


def test_edits_before_finish_are_all_in_the_exports(kept, tmp_path: Path) -> None:
    root, build, edit = kept
    _edit(root, edit, edit["new"])
    build.generate()
    _edit(root, edit, edit["new"] + 7)
    build.generate()  # what the first put off is made by this one, also put off
    build.finish()
    _assert_as_fresh(root, tmp_path, "fresh")


def test_an_edit_undone_before_finish_leaves_the_exports_as_they_are(kept, tmp_path: Path) -> None:
    root, build, edit = kept
    _edit(root, edit, edit["new"])
    build.generate()
    _edit(root, edit, edit["old"])
    build.generate()
    assert build.finish() == []
    _assert_as_fresh(root, tmp_path, "fresh")


def test_a_build_without_later_makes_what_was_put_off(kept, tmp_path: Path) -> None:
    root, build, edit = kept
    _edit(root, edit, edit["new"])
    build.generate()
    build.later = frozenset()
    _, report = build.generate()  # as a full MkDocs build in serve does
    assert set(EXPORTS) & set(report.written)
    assert build.finish() == []
    _assert_as_fresh(root, tmp_path, "fresh")
