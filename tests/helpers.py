"""Helpers shared by test modules."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
# Articles a newcomer might add (see tests/growth/README.md).
GROWTH = Path(__file__).resolve().parent / "growth"
# The site is tested where GitHub Pages puts a project site: under /<repo>/.
SUB_PATH = "/dossier/"


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder``, by its relative path: two builds compared byte for byte."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def assert_same_tree(kept: Path, fresh: Path) -> None:
    """The same files with the same bytes (the differing paths are named on failure)."""
    kept_tree, fresh_tree = tree(kept), tree(fresh)
    assert sorted(kept_tree) == sorted(fresh_tree)
    assert [path for path in fresh_tree if kept_tree[path] != fresh_tree[path]] == []


def copy_corpus(dest: Path) -> Path:
    """A copy of this repository's corpus and site config, safe to build into."""
    for name in ("seeds", "content"):
        shutil.copytree(ROOT / name, dest / name)
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    return dest


def grow_corpus(dest: Path) -> Path:
    """A copy of the corpus with the articles of tests/growth added.

    Seeds and article annotations are copied; entity files and
    propositions.yml are appended to the corpus files of the same name
    (merged where the corpus has grown an entry of the same id).
    """
    copy_corpus(dest)
    for source in sorted(GROWTH.rglob("*")):
        rel = source.relative_to(GROWTH)
        if not source.is_file() or rel.parts[0] not in ("seeds", "content"):
            continue
        target = dest / rel
        if rel.parts[:2] == ("content", "articles") or rel.parts[0] == "seeds":
            assert not target.exists(), f"{rel} would replace a corpus file"
            shutil.copy(source, target)
        else:
            target.write_text(_merged(target.read_text("utf-8"), source.read_text("utf-8"), rel), "utf-8")
    return dest


def _merged(corpus: str, added: str, rel: Path) -> str:
    """The corpus file with the fixture's entries appended; an entry whose id the
    corpus already has (the corpus grew the same question) gives only the
    scopes the corpus lacks, so the fixture keeps working as the corpus grows."""
    have = {item["id"]: item for item in yaml.safe_load(corpus) or []}
    chunks = re.split(r"\n(?=- id: )", added.strip("\n"))
    kept = [] if chunks[0].startswith("- id: ") else [chunks.pop(0)]  # a comment above the entries
    for item, text in zip(yaml.safe_load(added) or [], chunks, strict=True):
        if item["id"] not in have:
            kept.append(text)
            continue
        mine = have[item["id"]]
        assert "scopes" in item and item.get("type") == mine.get("type"), (
            f"tests/growth/{rel}: '{item['id']}' clashes with the corpus's entry of that id: rename it there")
        new = {k: v for k, v in item["scopes"].items() if k not in mine["scopes"]}
        at = corpus.index(f"- id: {item['id']}\n")
        at = corpus.index("\n  scopes:\n", at) + len("\n  scopes:\n")
        corpus = corpus[:at] + "".join(f"    {k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in new.items()) + corpus[at:]
    return corpus + ("\n" + "\n".join(kept) + "\n" if kept else "")
