"""MkDocs' page loop, over the cores, holding no page's HTML.

MkDocs converts every page first, keeps each one's HTML (about 120 KB a
page: 1.9 GB at 10,000 articles), and then puts them into the theme's
template one after another. When Dossier's plugin builds the site by
itself (no other plugin that might want to see each page), the generated
pages take another way: MkDocs reads their front matter (the navigation
needs every title), and then, once the navigation and the theme are ready
(``on_env``), ``write`` converts each page, renders it in the theme's
template and writes it, in forked workers (``parallel.fork_map``), and
forgets it. MkDocs' own loop then meets those pages again and is handed an
empty template for them (``WRITTEN``), so it writes nothing.

Each page goes through MkDocs' own ``_build_page`` (the same context, the
same plugin events), so the output is what MkDocs would write, byte for
byte (tests/test_pageloop.py). What a worker logs (a broken link, say) is
kept and logged again here, in page order, so ``--strict`` counts it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial

from jinja2 import ChoiceLoader, DictLoader, Environment
from mkdocs.commands.build import _build_page
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.utils.meta import YAML_RE

from .fastpath import FastPage
from .parallel import fork_map

#: the template MkDocs is given for a page written here: it renders nothing
WRITTEN = "dossier-written-already.html"
#: MkDocs' logger of its page loop, which says so of an empty page
_BUILD_LOG = logging.getLogger("mkdocs.commands.build")


@dataclass(slots=True)
class Written:
    """What MkDocs needs of a written page for its link checks, and what a worker logged."""

    anchors: set[str]
    links: dict[str, dict[str, str]]  # linked file's src_uri -> anchor -> the link as written
    records: list[tuple[str, int, str]]  # logger, level, message


def write(pages: list[FastPage], config: MkDocsConfig, files: Files, nav: Navigation, env: Environment,
          inclusion: Callable[[InclusionLevel], bool]) -> Iterator[FastPage]:
    """Render and write ``pages`` (in order, each as it is done); MkDocs' loop then skips them."""
    env.loader = ChoiceLoader([DictLoader({WRITTEN: ""}), *([env.loader] if env.loader else [])])
    shown = files.documentation_pages(inclusion=inclusion)
    job = partial(_write, config, files, nav, env, shown)
    for page, written in zip(pages, fork_map(job, pages, doing=lambda p: f"writing {p.file.src_uri}"), strict=True):
        for name, level, message in written.records:
            logging.getLogger(name).log(level, message)
        page.present_anchor_ids = written.anchors
        page.links_to_anchors = {file: written.links[uri] for uri in written.links
                                 if (file := files.get_file_from_path(uri)) is not None}
        page.meta["template"] = WRITTEN
        yield page


def _write(config: MkDocsConfig, files: Files, nav: Navigation, env: Environment, shown: Sequence[File],
           page: FastPage) -> Written:
    records: list[tuple[str, int, str]] = []
    with _kept(records):
        source = page.file.content_string
        # MkDocs has read the front matter (it named the title): not parsed again
        found = YAML_RE.match(source)
        if found is None:
            page.read_source(config)
        else:
            page.markdown = source[found.end() :].lstrip("\n")
        page.convert(config, files)
        _build_page(page, config, shown, nav, env, excluded=page.file.inclusion.is_excluded())  # type: ignore[no-untyped-call]  # MkDocs' InclusionLevel is untyped
    links = {file.src_uri: anchors for file, anchors in (page.links_to_anchors or {}).items()}
    written = Written(set(page.present_anchor_ids or ()), links, records)
    page.content, page.markdown = "", ""  # this process may be the main one
    return written


@contextmanager
def _kept(records: list[tuple[str, int, str]]) -> Iterator[None]:
    """What MkDocs logs meanwhile goes into ``records``, not out (a worker's handlers
    are copies: what it counted for ``--strict`` would be lost)."""
    logger = logging.getLogger("mkdocs")
    handlers, propagate = logger.handlers, logger.propagate
    logger.handlers, logger.propagate = [_Keep(records)], False
    try:
        yield
    finally:
        logger.handlers, logger.propagate = handlers, propagate


class _Keep(logging.Handler):
    def __init__(self, records: list[tuple[str, int, str]]) -> None:
        super().__init__()
        self.records = records

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))


class Quiet(logging.Filter):
    """MkDocs says "Page skipped … Generated empty output." of each page written here:
    not while this filter is on."""

    def __init__(self, uris: set[str]) -> None:
        super().__init__()
        self.uris = uris
        _BUILD_LOG.addFilter(self)

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        return not (message.startswith("Page skipped: '") and message.split("'")[1] in self.uris)

    def off(self) -> None:
        _BUILD_LOG.removeFilter(self)
