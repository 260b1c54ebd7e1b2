"""The page loop (dossier/pageloop.py) writes the pages MkDocs' own loop would write.

Forked workers convert each generated page, render it in the theme's
template and write it; MkDocs only reads the front matter. The site must be
the same, byte for byte, as when MkDocs renders every page itself, and
what a worker logs must reach the build (``--strict`` counts it).
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest
from helpers import ROOT, tree
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation

from dossier.cli import main
from dossier.plugin import DossierPlugin
from dossier.publish import PublishError, publish

sys.path.insert(0, str(ROOT))
from benchmarks.synth import make_corpus  # noqa: E402


def _without_loop(monkeypatch: pytest.MonkeyPatch) -> None:
    """MkDocs renders every page itself (the fast path stays on)."""
    on_nav = DossierPlugin.on_nav

    def serial(self: DossierPlugin, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        nav = on_nav(self, nav, config=config, files=files)
        self.looping = False
        return nav

    monkeypatch.setattr(DossierPlugin, "on_nav", serial)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("loop")
    make_corpus(root, 40, seed=3)
    assert main(["--root", str(root), "build", "--no-site"]) == 0
    return root


def test_the_loop_writes_the_site_mkdocs_would_write(generated: Path, monkeypatch: pytest.MonkeyPatch,
                                                       caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setenv("DOSSIER_JOBS", "2")  # forked workers, even for a small site
    caplog.set_level(logging.INFO)
    # a page the fast path declines (a nested list): Python-Markdown renders it, in the worker too
    declined = sorted((generated / "build" / "docs" / "artikel").glob("0*.md"))[-1]
    declined.write_text(declined.read_text("utf-8") + "\n1. eins\n2. zwei\n    - drei\n", "utf-8")
    publish(generated / "mkdocs.yml", generated / "build" / "looped")
    assert not [r for r in caplog.records if "Page skipped" in r.getMessage()]
    _without_loop(monkeypatch)
    publish(generated / "mkdocs.yml", generated / "build" / "serial")
    looped, serial = tree(generated / "build" / "looped"), tree(generated / "build" / "serial")
    pages = sorted((generated / "build" / "docs").rglob("*.md"))
    assert len([name for name in looped if name.endswith(".html")]) > len(pages)  # every page, and 404.html
    assert looped.keys() == serial.keys()
    assert [name for name in looped if looped[name] != serial[name]] == []
    assert b"<li>drei</li>" in looped[f"artikel/{declined.stem}/index.html"]


def test_a_broken_link_found_in_a_worker_fails_the_strict_build(generated: Path, monkeypatch: pytest.MonkeyPatch,
                                                                 caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setenv("DOSSIER_JOBS", "2")
    pages = sorted((generated / "build" / "docs" / "artikel").glob("0*.md"))
    page = pages[len(pages) // 2]  # not the first chunk, which this process may take
    text = page.read_text("utf-8")
    try:
        page.write_text(text + "\nSiehe [x](../personen/niemand.md).\n", "utf-8")
        with pytest.raises(PublishError, match="strict mode"):
            publish(generated / "mkdocs.yml", generated / "build" / "broken")
    finally:
        page.write_text(text, "utf-8")
    found = [r for r in caplog.records if "niemand.md" in r.getMessage()]
    assert len(found) == 1 and found[0].levelno == logging.WARNING and page.name in found[0].getMessage()
