"""The live preview: one rebuild per change, and a broken file keeps it up."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
import yaml
from helpers import ROOT, SUB_PATH, copy_corpus

# Any article and any person of the corpus will do.
STEM = sorted((ROOT / "content/articles").glob("*.yml"))[0].stem
ARTICLE = f"content/articles/{STEM}.yml"
FIRST_PERSON = yaml.safe_load((ROOT / "content/entities/people.yml").read_text("utf-8"))[0]
PERSON, PERSON_NAME = FIRST_PERSON["id"], FIRST_PERSON["name"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(predicate, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.2)
    raise AssertionError("timed out")


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


@pytest.fixture
def preview(tmp_path: Path):
    root = copy_corpus(tmp_path)
    port = _free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "dossier.cli", "--root", str(root), "serve", "--dev-addr", f"127.0.0.1:{port}"],
            stdout=out, stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}{SUB_PATH}"
    try:
        _wait(lambda: "Serving on" in log.read_text())
        yield root, url, log
    finally:
        process.terminate()
        process.wait(timeout=10)


def _builds(log: Path) -> int:
    return log.read_text().count("Documentation built")


def test_a_change_triggers_exactly_one_rebuild(preview, browser) -> None:
    root, url, log = preview
    assert _builds(log) == 1
    path = root / ARTICLE
    path.write_text(re.sub(r"^title: .*$", 'title: "Neu: Testtitel"', path.read_text("utf-8"), count=1, flags=re.M), "utf-8")
    _wait(lambda: _builds(log) == 2)
    time.sleep(3)  # a rebuild loop would show up as further builds
    assert _builds(log) == 2
    assert "<title>Neu: Testtitel" in _get(url + f"artikel/{STEM}/")
    assert "WARNING" not in log.read_text()  # not even MkDocs' note on each dirty rebuild
    # The search index was built anew for the whole site: the edit is findable, the pages
    # the dirty rebuild did not render are still there.
    page = browser.new_page()
    page.goto(url)
    found = page.evaluate("""async queries => {
      const pagefind = await import(new URL('pagefind/pagefind.js', location.href).href);
      const urls = [];
      for (const q of queries) for (const r of (await pagefind.search(q)).results) urls.push((await r.data()).url);
      return urls;
    }""", ["Testtitel", PERSON_NAME])
    page.close()
    assert {f"{SUB_PATH}artikel/{STEM}/", f"{SUB_PATH}personen/{PERSON}/"} <= set(found), found


def test_a_broken_file_keeps_the_last_good_site(preview) -> None:
    root, url, log = preview
    before = _get(url + f"artikel/{STEM}/")
    propositions = root / "content" / "propositions.yml"
    good = propositions.read_text("utf-8")
    propositions.write_text(good + "broken: [\n", "utf-8")
    _wait(lambda: "still showing the last good version" in log.read_text())
    _wait(lambda: _builds(log) == 2)
    text = log.read_text()
    assert "content/propositions.yml:" in text and "YAML syntax error" in text
    assert _get(url + f"artikel/{STEM}/").count("dossier-claim") == before.count("dossier-claim")
    propositions.write_text(good, "utf-8")
    _wait(lambda: _builds(log) == 3)
