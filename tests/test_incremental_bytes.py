"""Every kind of edit, rebuilt by a kept ``Build`` (as ``dossier serve`` does),
gives the very bytes and diagnostics of a build from scratch: what the kept
build reuses (parsed registry and seed files, the claim panels' entries,
page keys) never hides a change."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import assert_same_tree, tree

from dossier.diagnostics import DossierError
from dossier.layout import Project
from dossier.pipeline import Build, generate

TITLE = "Dossier"


def _diagnostics(items: list) -> list[tuple[str, str, str]]:
    return sorted((str(d.position), d.message, d.severity) for d in items)


def _sub(path: Path, pattern: str, replace: Callable[[re.Match[str]], str]) -> None:
    """Replace the first match of ``pattern`` in ``path``; the test fails when there is none."""
    text = path.read_text("utf-8")
    new, count = re.subn(pattern, replace, text, count=1, flags=re.MULTILINE)
    assert count == 1, f"{pattern} not in {path}"
    path.write_text(new, "utf-8")


def _claim_value(root: Path) -> None:
    """A count one higher than its quote says, with the reason (else it is an error)."""
    annotation = next(p for p in sorted((root / "content/articles").glob("*.yml"))
                      if re.search(r"^\s+value: \d+$", text := p.read_text("utf-8"), re.MULTILINE) and "value_basis" not in text)
    _sub(annotation, r"^(\s+)value: (\d+)$", lambda m: f'{m[1]}value: {int(m[2]) + 1}\n{m[1]}value_basis: "geschätzt"')


def _article_text(root: Path) -> None:
    seed = sorted((root / "seeds").glob("*.txt"))[0]
    seed.write_text(seed.read_text("utf-8").rstrip("\n") + "\n\nEin neuer Absatz am Ende.\n", "utf-8")


def _registry_entry(root: Path) -> None:
    _sub(root / "content/entities/organisations.yml", r'^(\s+name: )"?([^"\n]+)"?$', lambda m: f'{m[1]}"{m[2]} (neu)"')


def _proposition(root: Path) -> None:
    _sub(root / "content/propositions.yml", r'^(\s+question: )"([^"\n]+)\?"$', lambda m: f'{m[1]}"{m[2]}, geändert?"')


def _same_bytes_again(root: Path) -> None:
    """Files rewritten with their own bytes (an editor's save without a change)."""
    for path in [root / "content/propositions.yml", *sorted((root / "seeds").glob("*.txt"))[:2]]:
        path.write_bytes(path.read_bytes())


EDITS = {
    "claim value": _claim_value,
    "article text": _article_text,
    "registry entry": _registry_entry,
    "propositions": _proposition,
    "same bytes": _same_bytes_again,
}



def _assert_as_fresh(root: Path, build: Build, tmp_path: Path, name: str) -> None:
    checked, _ = build.generate()
    fresh_checked, _ = generate(Project(root), tmp_path / name, TITLE)
    assert_same_tree(root / "build/docs", tmp_path / name)
    assert _diagnostics(checked.diagnostics.items) == _diagnostics(fresh_checked.diagnostics.items)


@pytest.mark.parametrize("edit", list(EDITS))
def test_an_edit_rebuilt_gives_the_bytes_of_a_fresh_build(built, tmp_path: Path, edit: str) -> None:
    root, build = built
    before = tree(root / "build/docs")
    EDITS[edit](root)
    _assert_as_fresh(root, build, tmp_path, "fresh")
    if edit != "same bytes":
        assert tree(root / "build/docs") != before, "the edit changed no output: the test edits nothing"


def test_edits_one_after_another_and_undone(built, tmp_path: Path) -> None:
    """What one build kept is never taken for the next edit's files."""
    root, build = built
    originals = {p: p.read_bytes() for p in [*(root / "content").rglob("*.yml"), *(root / "seeds").glob("*.txt")]}
    for number, edit in enumerate(EDITS.values()):
        edit(root)
        _assert_as_fresh(root, build, tmp_path, f"fresh-{number}")
    for path, data in originals.items():
        path.write_bytes(data)
    _assert_as_fresh(root, build, tmp_path, "fresh-undone")


def test_a_broken_seed_is_reported_by_every_kept_build_until_fixed(built, tmp_path: Path) -> None:
    root, build = built
    seed = sorted((root / "seeds").glob("*.txt"))[0]
    text = seed.read_bytes()
    seed.write_bytes(text + b"\n\xff\n")
    for _ in range(2):  # the second time its bytes are those the last build read
        with pytest.raises(DossierError) as raised:
            build.generate()
        assert any(seed.name in str(d.position) and "not UTF-8" in d.message for d in raised.value.diagnostics.errors)
    seed.write_bytes(text)
    _assert_as_fresh(root, build, tmp_path, "fresh")


def test_a_registry_warning_is_repeated_while_its_file_is_unchanged(built, tmp_path: Path) -> None:
    root, build = built
    first, _ = build.generate()
    again, _ = build.generate()
    assert _diagnostics(again.diagnostics.items) == _diagnostics(first.diagnostics.items)
    fresh, _ = generate(Project(root), tmp_path / "fresh", TITLE)
    assert _diagnostics(again.diagnostics.items) == _diagnostics(fresh.diagnostics.items)
