"""A ``Build`` kept between runs (as ``dossier serve`` keeps one) redoes only
what an edit touched, and its result always equals a build from scratch."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import tree

from dossier import emit as emit_module
from dossier import sitemap as site
from dossier.diagnostics import DossierError
from dossier.layout import Project
from dossier.pages import markdown
from dossier.pipeline import Build, generate

TITLE = "Dossier"


def _fresh(root: Path, tmp_path: Path) -> dict[str, bytes]:
    out = tmp_path / "fresh"
    generate(Project(root), out, TITLE)
    return tree(out)



def _reporting(root: Path) -> Path:
    """The first annotation with a claim of stance "reports", which the tests edit."""
    return next(p for p in sorted((root / "content/articles").glob("*.yml")) if "stance: reports" in p.read_text("utf-8"))


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert text.count(old) >= 1, old
    path.write_text(text.replace(old, new, 1), "utf-8")


def test_a_registry_edit_reprocesses_every_article(built, tmp_path: Path) -> None:
    root, build = built
    with (root / "content/entities/organisations.yml").open("a", encoding="utf-8") as registry:
        registry.write("\n- id: geheimdienst-des-suedens\n  name: Geheimdienst des Südens\n")
    checked, _ = build.generate()
    assert sorted(checked.processed) == sorted(a.id for a in checked.corpus.articles)
    assert tree(root / "build/docs") == _fresh(root, tmp_path)


def test_a_broken_edit_keeps_the_last_tree_and_the_fix_redoes_one_article(built, tmp_path: Path) -> None:
    root, build = built
    before = tree(root / "build/docs")
    annotation = _reporting(root)
    good = annotation.read_text("utf-8")
    _edit(annotation, "stance: reports", "stance: reportz")
    with pytest.raises(DossierError) as error:
        build.generate()
    assert "reportz" in str(error.value)
    assert tree(root / "build/docs") == before
    annotation.write_text(good.replace("stance: reports", "stance: asserts", 1), "utf-8")
    checked, report = build.generate()
    assert checked.processed == [annotation.stem]
    assert site.article_page(annotation.stem) in report.written
    assert tree(root / "build/docs") == _fresh(root, tmp_path)


def test_a_page_deleted_from_the_output_is_rendered_again(built) -> None:
    root, build = built
    page = root / "build/docs" / site.CONTRADICTIONS
    text = page.read_bytes()
    page.unlink()
    _, report = build.generate()
    assert report.rendered == [site.CONTRADICTIONS] and report.written == [site.CONTRADICTIONS]
    assert page.read_bytes() == text


def test_a_build_that_fails_while_writing_forgets_what_it_knew(built, tmp_path: Path, monkeypatch) -> None:
    """A failure after some pages were rewritten must not let the next build
    trust its page keys: it renders every page again."""
    root, build = built
    annotation = _reporting(root)
    good = annotation.read_text("utf-8")
    _edit(annotation, "stance: reports", "stance: asserts")

    make = emit_module._make

    def broken(job):
        if job.output.page:  # the exports, made first, are written
            raise RuntimeError("renderer crashed")
        return make(job)

    monkeypatch.setattr(emit_module, "_make", broken)
    with pytest.raises(RuntimeError, match="renderer crashed"):
        build.generate()
    monkeypatch.undo()
    annotation.write_text(good, "utf-8")
    _, report = build.generate()
    _, everything = Build(Project(root), tmp_path / "all", TITLE).generate()
    assert report.rendered == everything.rendered
    assert tree(root / "build/docs") == _fresh(root, tmp_path)


def test_an_error_while_rendering_names_the_page(built, monkeypatch) -> None:
    root, build = built
    _edit(_reporting(root), "stance: reports", "stance: asserts")
    monkeypatch.setattr(markdown, "render", lambda template, **context: 1 / 0)
    with pytest.raises(ZeroDivisionError) as error:
        build.generate()
    assert any(note.startswith("while rendering ") and note.endswith(".md") for note in error.value.__notes__)
