"""The quick preview (dossier/serve.py, DossierPlugin.quick_rebuild): an edit
re-renders exactly the pages that depend on it, the search index follows, a
broken edit keeps the last good site, articles can come and go."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from helpers import SUB_PATH, copy_corpus


@dataclass
class Preview:
    root: Path
    url: str
    log: Path
    tmp: Path  # the server's TMPDIR: its site folder is the one dossier_* in it

    def text(self) -> str:
        return self.log.read_text("utf-8")

    def count(self, line: str) -> int:
        return self.text().count(line)

    def site(self) -> Path:
        (site,) = self.tmp.glob("dossier_*")
        return site

    def get(self, path: str) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(self.url + path, timeout=20) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as exc:
            return exc.code, ""


def _wait(predicate, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.1)
    raise AssertionError("timed out")


@pytest.fixture
def preview(tmp_path: Path) -> Iterator[Preview]:
    root = copy_corpus(tmp_path / "project")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    log = tmp_path / "serve.log"
    env = dict(os.environ, TMPDIR=str(tmp), SITE_URL=f"http://127.0.0.1:{port}{SUB_PATH}")
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "dossier.cli", "--root", str(root), "serve", "--dev-addr", f"127.0.0.1:{port}"],
            stdout=out, stderr=subprocess.STDOUT, env=env,
        )
    shown = Preview(root, f"http://127.0.0.1:{port}{SUB_PATH}", log, tmp)
    try:
        _wait(lambda: "Serving on" in shown.text() and shown.count("search index updated") == 1)
        yield shown
    finally:
        process.terminate()
        process.wait(timeout=20)


def _stamps(folder: Path) -> dict[str, int]:
    """Every file's modification time, the search bundle left out."""
    return {str(p.relative_to(folder)): p.stat().st_mtime_ns for p in folder.rglob("*")
            if p.is_file() and "pagefind" not in p.relative_to(folder).parts}


def _changed(before: dict[str, int], after: dict[str, int]) -> set[str]:
    return {path for path, stamp in after.items() if before.get(path) != stamp}


def _html(markdown: str) -> str:
    """The site file MkDocs writes for a generated Markdown file (directory URLs)."""
    if not markdown.endswith(".md"):
        return markdown
    stem = markdown[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")] + "index.html"
    return stem + "/index.html"


def _retitle(path: Path, title: str, text: str | None = None) -> None:
    text = path.read_text("utf-8") if text is None else text
    path.write_text(re.sub(r"^title: .*$", f'title: "{title}"', text, count=1, flags=re.M), "utf-8")


def test_an_edit_rerenders_exactly_the_pages_that_depend_on_it(preview: Preview, browser) -> None:
    article = sorted((preview.root / "content/articles").glob("*.yml"))[-1]
    docs, site = preview.root / "build/docs", preview.site()
    docs_before, site_before = _stamps(docs), _stamps(site)
    time.sleep(0.05)  # a rewritten file gets a later time stamp
    _retitle(article, "Zebrafinkenalarm im Testartikel")
    _wait(lambda: preview.count("Documentation built") == 2)
    rewritten = _changed(docs_before, _stamps(docs)) - {".dossier-manifest"}
    # The generation step decides what depends on the edit: the article's page and more.
    assert f"artikel/{article.stem}.md" in rewritten and len(rewritten) > 1
    assert _changed(site_before, _stamps(site)) == {_html(path) for path in rewritten}
    assert "Building documentation" not in preview.text().split("Detected file changes")[-1]  # the quick way
    for path in rewritten:
        if path.endswith(".md"):
            status, page = preview.get(_html(path).removesuffix("index.html"))
            assert status == 200 and "Zebrafinkenalarm" in page, path
    # The search index follows, for the whole site.
    _wait(lambda: preview.count("search index updated") == 2)
    tab = browser.new_page()
    tab.goto(preview.url)
    found = tab.evaluate("""async () => {
      const pagefind = await import(new URL('pagefind/pagefind.js', location.href).href);
      const results = (await pagefind.search('Zebrafinkenalarm')).results;
      return Promise.all(results.map(async r => (await r.data()).url));
    }""")
    tab.close()
    assert f"{SUB_PATH}artikel/{article.stem}/" in found


def test_the_exports_follow_the_page_they_are_served_after(preview: Preview) -> None:
    """A claim's edit changes the exports of every claim; they are written
    after the page is served, then copied into the site."""
    annotation = next(p for p in sorted((preview.root / "content/articles").glob("*.yml"))
                      if re.search(r"^\s+value: \d+$", p.read_text("utf-8"), re.M) and "value_basis" not in p.read_text("utf-8"))
    text = annotation.read_text("utf-8")
    docs, site = preview.root / "build/docs", preview.site()
    exports = ("daten/claims.json", "daten/claims.csv")
    before = {path: (site / path).read_bytes() for path in exports}
    annotation.write_text(re.sub(r"^(\s+)value: (\d+)$", lambda m: f'{m[1]}value: {int(m[2]) + 1}\n{m[1]}value_basis: "geschätzt"',
                                 text, count=1, flags=re.M), "utf-8")
    _wait(lambda: preview.count("Documentation built") == 2)
    _wait(lambda: preview.count("exports written after the page") == 1)
    for path in exports:
        served = preview.get(path)[1].encode("utf-8")
        assert served == (site / path).read_bytes() == (docs / path).read_bytes() != before[path], path
    assert "ERROR" not in preview.text()


def test_a_broken_edit_keeps_the_last_good_site(preview: Preview) -> None:
    article = sorted((preview.root / "content/articles").glob("*.yml"))[0]
    good = article.read_text("utf-8")
    _, page_before = preview.get(f"artikel/{article.stem}/")
    site_before = _stamps(preview.site())
    article.write_text(good + "claims: [\n", "utf-8")
    _wait(lambda: preview.count("Documentation built") == 2)
    assert f"content/articles/{article.name}:" in preview.text()
    assert "still showing the last good version" in preview.text()
    assert _changed(site_before, _stamps(preview.site())) == set()
    status, page = preview.get(f"artikel/{article.stem}/")
    assert status == 200 and page.count("dossier-claim") == page_before.count("dossier-claim") > 0
    _retitle(article, "Wieder heil: Zebrafinkenalarm", good)  # the file is good again, and changed
    _wait(lambda: "Zebrafinkenalarm" in preview.get(f"artikel/{article.stem}/")[1])


def test_an_article_can_be_added_and_removed(preview: Preview) -> None:
    seed = preview.root / "seeds/900_zebrafinken.txt"
    seed.write_text("Ein kurzer Testartikel über Zebrafinken in Berlin.\n", "utf-8")
    annotation = preview.root / "content/articles/900_zebrafinken.yml"
    annotation.write_text('seed: "900_zebrafinken.txt"\ntitle: "Zebrafinken in Berlin"\nlanguage: de\nclaims: []\n', "utf-8")
    _wait(lambda: preview.get("artikel/900_zebrafinken/")[0] == 200)
    _wait(lambda: "Zebrafinken in Berlin" in preview.get("artikel/")[1])
    assert "ERROR" not in preview.text()
    annotation.unlink()
    seed.unlink()
    _wait(lambda: "Zebrafinken in Berlin" not in preview.get("artikel/")[1])
    assert preview.get("artikel/900_zebrafinken/")[0] == 404
