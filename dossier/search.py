"""Full-text search of the built site: a Pagefind index in ``<site>/pagefind/``.

Pagefind splits its index into small chunks, so a reader downloads only what
a query needs (the theme's lunr index is one file every reader loads whole:
9.6 MB at 1,000 articles). Its binary ships inside the ``pagefind_bin``
wheel: it installs from the package index and runs offline. It stems words
of one language: the site's (mkdocs.yml ``theme.language``, German by
default). It indexes each page's main content (``ROOT``), less ``NOISE`` and
what a page marks ``data-pagefind-ignore`` (an article's hidden spans), and
the filters a page names in its front matter (``filters`` makes them; the
theme's overrides/main.html writes them into the page). Pagefind writes its
filters in a random order; ``search_stable`` puts them in a fixed one, so the
same site gives the same bundle.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from markupsafe import Markup

from . import search_stable

BUNDLE = "pagefind"
#: what is indexed of a page: its main content, not the navigation and the header
ROOT = "article.md-content__inner"
#: on every page or every article, and about none of them: heading permalinks, the claim legend;
#: and copies (``.dossier-copy``): an entity page quotes each of its mentions and lists the claims
#: of its source, text the articles hold and are found by (hundreds of entries on a large dossier:
#: indexed, they doubled the index chunk of a common name and made the excerpt a reader loads for
#: an entity page 50 KB); the claims tables of articles and questions quote the article text (7%
#: of Pagefind's memory and a fifth of its time at 1,000 articles); a claim's number tag (``.dossier-tag``), which
#: Pagefind would join to the claim's last word ("Fluss1")
NOISE = ".headerlink, .dossier-legend, .dossier-copy, .dossier-tag"
#: the pages (directory URLs): not 404.html, which says nothing about the dossier
PAGES = "**/index.html"
#: a site of 10,000 articles indexes in about a minute; a hung binary must not hang the build
TIMEOUT = 900


class SearchError(Exception):
    """The index could not be built; the message says why and what to do."""


def filters(kind: str, outlet: str = "", year: int | None = None) -> Markup:
    """A page's search filters for its front matter, as JSON (YAML reads it;
    ``<``, ``>`` and ``&`` are escaped, so it cannot end the front matter)."""
    values = {"kind": kind, "outlet": outlet, "year": str(year) if year else ""}
    text = json.dumps({k: v for k, v in values.items() if v}, ensure_ascii=False, sort_keys=True)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def language(theme_language: str | None) -> str:
    """Pagefind wants an ISO 639-1 code: "de" of "de", "pt" of "pt-BR"."""
    return (theme_language or "de").split("-")[0].split("_")[0].lower() or "de"


def index(site: Path, lang: str, *, swap: bool = False) -> None:
    """Index the site in ``site`` anew (the bundle of an earlier build goes first:
    its chunks have names of their own and would pile up). ``swap``: the new
    bundle is made beside the site and replaces the old one when complete, so
    a site being served never lacks one for long."""
    try:
        from pagefind_bin import get_executable  # type: ignore[import-untyped]  # no stubs

        binary = get_executable()
    except (ImportError, FileNotFoundError):
        raise SearchError("the search indexer Pagefind is not installed; "
                          "install it with: pip install 'pagefind[bin]' (or: make install)") from None
    if swap:
        with tempfile.TemporaryDirectory(prefix=f".{site.name}.", dir=site.parent) as scratch:
            _run(binary, site, lang, Path(scratch) / BUNDLE, background=True)
            old = Path(scratch) / "old"
            if (site / BUNDLE).exists():
                (site / BUNDLE).rename(old)
            (Path(scratch) / BUNDLE).rename(site / BUNDLE)
        return
    shutil.rmtree(site / BUNDLE, ignore_errors=True)
    _run(binary, site, lang, site / BUNDLE)


def _run(binary: Path, site: Path, lang: str, bundle: Path, *, background: bool = False) -> None:
    """Index ``site`` into ``bundle`` and make the bundle's bytes stable.
    ``background``: at a lower priority, so that the next rebuild is not slowed down."""
    output = ["--output-subdir", BUNDLE] if bundle == site / BUNDLE else ["--output-path", str(bundle)]
    command = [str(binary), "--site", str(site), *output, "--force-language", lang,
               "--root-selector", ROOT, "--exclude-selectors", NOISE, "--glob", PAGES, "--silent"]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, check=False,
                              preexec_fn=_lower_priority if background and hasattr(os, "nice") else None)
    except subprocess.TimeoutExpired:
        raise SearchError(f"the search index took longer than {TIMEOUT} s; {bundle} is incomplete") from None
    except OSError as exc:
        raise SearchError(f"the search indexer could not run: {exc.strerror}") from None
    if done.returncode != 0:
        said = (done.stderr or done.stdout).strip().splitlines()[-5:]
        raise SearchError("the search index was not built: " + " / ".join(said or [f"exit status {done.returncode}"]))
    try:
        search_stable.settle(bundle)
    except (search_stable.BundleError, OSError, ValueError, KeyError) as exc:
        raise SearchError(f"the search index in {bundle} is not in the form Pagefind 1.5 writes ({exc}); "
                          "install the Pagefind version pyproject.toml names") from None


def _lower_priority() -> None:
    os.nice(10)


class Indexer:
    """Indexes a served site in a thread of its own, so that the preview
    serves an edited page without waiting for the index of every page.
    A request made while it runs makes it run once more afterwards: the last
    index is always of the last build."""

    def __init__(self, report: Callable[[str], None], done: Callable[[float], None]) -> None:
        self._report = report
        self._done = done
        self._lock = threading.Lock()
        self._wanted: tuple[Path, str] | None = None
        self._thread: threading.Thread | None = None

    def request(self, site: Path, lang: str) -> None:
        with self._lock:
            self._wanted = (site, lang)
            if self._thread is None:
                self._thread = threading.Thread(target=self._work, name="search index", daemon=True)
                self._thread.start()

    def _work(self) -> None:
        while True:
            with self._lock:
                job, self._wanted = self._wanted, None
                if job is None:
                    self._thread = None
                    return
            started = time.monotonic()
            try:
                index(*job, swap=True)
            except (SearchError, OSError) as exc:
                self._report(str(exc))
            else:
                self._done(time.monotonic() - started)
