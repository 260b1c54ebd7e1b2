"""Shared fixtures: small dossiers written into a temporary folder."""

from __future__ import annotations

import http.server
import sys
import textwrap
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from annotations import Data, article, dump, entity, person, proposition
from helpers import SUB_PATH, copy_corpus, grow_corpus
from hostile_corpus import write_hostile_project
from playwright.sync_api import Browser, sync_playwright

from dossier.cli import main
from dossier.layout import Project
from dossier.pipeline import Build

PROPOSITIONS = dump([
    proposition("troops", question="Wie viele Soldaten?", unit="Soldaten", tolerance=0.1,
                scopes={"total": "Insgesamt", "first": "Erstes Kontingent"}),
    proposition("treaty-date", "date", question="Wann wurde der Vertrag unterzeichnet?", scopes={"signed": "Unterzeichnung"}),
    proposition("training-place", "place", question="Wo trainieren die Soldaten?", scopes={"training": "Ausbildung"}),
    proposition("arms", "boolean", question="Liefert Nordkorea Waffen?", scopes={"supplies": "Lieferungen"}),
])

ENTITIES = {
    "people": dump([
        person("kyrylo-budanov", "Kyrylo Budanow", "Budanov", "Kyrylo Budanov"),
        person("kim-jong-un", "Kim Jong Un", {"form": "Kim Jong In", "erroneous": True}),
    ]),
    "units": "[]\n",
    "equipment": "[]\n",
    "organisations": dump([entity("nis", "NIS", "südkoreanische Geheimdienst")]),
    "places": dump([entity("russia", "Russland"), entity("far-east", "Ferner Osten", part_of="russia"),
                    entity("ukraine", "Ukraine")]),
}

#: Every file of a minimal dossier but its articles, by path: what `Dossier` starts from.
REGISTRIES = {"content/propositions.yml": PROPOSITIONS,
              **{f"content/entities/{kind}.yml": text for kind, text in ENTITIES.items()}}


class Dossier:
    """A throwaway project folder with helpers to write its files."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.project = Project(root)
        (root / "seeds").mkdir()
        (root / "content" / "articles").mkdir(parents=True)
        (root / "content" / "entities").mkdir()
        for rel, text in REGISTRIES.items():
            self.write(rel, text)

    def write(self, rel: str, text: str) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    def article(self, stem: str, text: str, annotation: str) -> None:
        self.write(f"seeds/{stem}.txt", text)
        self.write(f"content/articles/{stem}.yml", annotation)

    def annotate(self, stem: str, text: str, *claims: Data, **fields: Any) -> str:
        """Write seeds/<stem>.txt and a valid annotation of it (tests/annotations.py); return its YAML."""
        annotation = dump(article(f"{stem}.txt", *claims, **fields))
        self.article(stem, text, annotation)
        return annotation


CHROMIUM = Path("/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium through Playwright (which cannot download a browser here), one for the run."""
    assert CHROMIUM.exists(), "install Debian's chromium (make test does: apt-get install chromium)"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def built(tmp_path: Path) -> tuple[Path, Build]:
    """A copy of the corpus and the ``Build`` that generated it, kept for the
    next edit as ``dossier serve`` keeps one."""
    root = copy_corpus(tmp_path / "corpus")
    build = Build(Project(root), root / "build" / "docs", "Dossier")
    build.generate()
    return root, build


@pytest.fixture
def dossier(tmp_path: Path) -> Dossier:
    return Dossier(tmp_path)


def _build_site(root: Path) -> Path:
    """Build a corpus as the README does, under the project sub-path."""
    monkey = pytest.MonkeyPatch()
    monkey.setenv("SITE_URL", f"http://127.0.0.1:8000{SUB_PATH}")
    try:
        assert main(["--root", str(root), "build"]) == 0
    finally:
        monkey.undo()
    return root


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """This repository's corpus, built once in a copy."""
    return _build_site(copy_corpus(tmp_path_factory.mktemp("real")))


@pytest.fixture(scope="session")
def grown_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The corpus plus the German and English articles of tests/growth, built once."""
    return _build_site(grow_corpus(tmp_path_factory.mktemp("grown")))


@pytest.fixture(scope="session", params=["real", "grown"])
def site(request: pytest.FixtureRequest) -> Path:
    """Each site-level test runs on the corpus as it is and as it grows."""
    return request.getfixturevalue(f"{request.param}_site")


@pytest.fixture(scope="session")
def server(real_site: Path) -> Iterator[str]:
    with serving(real_site / "build" / "site") as url:
        yield url


@contextmanager
def serving(root: Path) -> Iterator[str]:
    """Serve a built site on loopback under the project sub-path, 404.html for a miss."""

    class Handler(http.server.SimpleHTTPRequestHandler):
        def translate_path(self, path: str) -> str:
            path = urlsplit(path).path
            if not path.startswith(SUB_PATH):
                return str(root / "__outside_sub_path__")
            return super().translate_path("/" + path[len(SUB_PATH):])

        def send_error(self, code, message=None, explain=None):  # GitHub Pages serves 404.html
            if code == 404:
                body = (root / "404.html").read_bytes()
                self.send_response(404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
            super().send_error(code, message, explain)

        def log_message(self, *args) -> None:
            pass

    class Server(http.server.ThreadingHTTPServer):
        def handle_error(self, request, client_address) -> None:  # the browser hung up: not a failure
            if not isinstance(sys.exc_info()[1], ConnectionError):
                super().handle_error(request, client_address)

    httpd = Server(("127.0.0.1", 0), lambda *a: Handler(*a, directory=str(root)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}{SUB_PATH}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The dossier of tests/hostile_corpus.py, built as the README does; its site folder."""
    root = write_hostile_project(tmp_path_factory.mktemp("hostile"))
    return _build_site(root) / "build" / "site"
