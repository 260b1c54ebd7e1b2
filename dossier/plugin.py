"""MkDocs plugin: a convenience so that ``mkdocs build``/``serve`` just work.

The generation step does not depend on this plugin (``dossier build``
writes plain Markdown that any MkDocs-compatible engine can build). The
plugin runs that same step before MkDocs cleans the site directory, so a
broken annotation leaves the last good site in place, and then hands MkDocs
the generated tree instead of the files of ``docs_dir``.

In ``serve``, a broken file is reported and the preview keeps showing the
last good version (MkDocs would otherwise stall every request until the
error is fixed).

``docs_dir`` in mkdocs.yml is ``content/``: it must exist before any plugin
runs (a fresh clone has no build/), and MkDocs watches it in ``serve``, so
an edit triggers exactly one rebuild; the generated tree lies outside every
watched folder.
"""

from __future__ import annotations

import logging
from pathlib import Path

import orjson
from jinja2 import Environment
from markupsafe import escape

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files, get_files

from .diagnostics import DossierError
from .load import Project
from .pipeline import Build
from .progress import Progress

log = logging.getLogger("mkdocs.plugins.dossier")
OVERRIDES = Path(__file__).resolve().parent / "overrides"


class DossierConfig(Config):
    output = c.Type(str, default="build/docs")


class DossierPlugin(BasePlugin[DossierConfig]):
    def __init__(self) -> None:
        #: Set by ``dossier build``, which has generated the tree already.
        self.pregenerated = False
        self.serving = False
        self.progress = Progress("MkDocs", 0)
        #: kept across the rebuilds of ``serve``: only what an edit touched is redone
        self.build: Build | None = None
        self.dirty = False
        #: of a dirty rebuild: the search index before it, the pages there are and those rebuilt
        self.index_before: dict | None = None
        self.pages: set[str] = set()
        self.rebuilt: set[str] = set()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Theme pages that mkdocs-material has only in English (the 404 page)."""
        config.theme.dirs.insert(0, str(OVERRIDES))
        return config

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup also makes MkDocs keep this instance across rebuilds.
        self.serving = command == "serve"
        self.dirty = dirty

    def _root(self, config: MkDocsConfig) -> Path:
        return Path(config.config_file_path or "mkdocs.yml").resolve().parent

    def output_dir(self, config: MkDocsConfig) -> Path:
        return self._root(config) / self.config.output

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self.rebuilt = set()
        self.index_before = _read_json(_search_index(config)) if self.dirty else None
        if self.pregenerated:
            return
        out = self.output_dir(config)
        if self.build is None or (self.build.out, self.build.title) != (out, config.site_name):
            self.build = Build(Project(self._root(config)), out, config.site_name)
        try:
            _, report = self.build.generate()
        except DossierError as exc:
            if self.serving and self.output_dir(config).is_dir():
                # Keep the preview alive: rebuild from the last good tree, say why.
                log.error(f"dossier: the annotations have errors; still showing the last good version.\n{exc}")
                return
            raise PluginError(f"dossier: the annotations have errors; the site was not rebuilt.\n{exc}") from None
        log.info(f"dossier: {report.summary()}")

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """The generated tree replaces docs_dir; theme files stay."""
        docs_dir = config.docs_dir
        config.docs_dir = str(self.output_dir(config))
        try:
            generated = get_files(config)
        finally:
            config.docs_dir = docs_dir
        for file in files:
            if Path(file.src_dir or "") != Path(docs_dir) and generated.get_file_from_path(file.src_uri) is None:
                generated.append(file)
        self.progress = Progress("MkDocs", len(generated.documentation_pages()))
        self.pages = {file.url for file in generated.documentation_pages()}
        return generated

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        """The theme prints the site name and description into the HTML of
        every page unescaped (as text and in attributes): escape them, after
        the generation step has taken the name for the home page. Escaped
        text is Markup, which Jinja does not escape twice where the theme
        does escape (the logo's title), and ``escape`` leaves it as it is."""
        config.site_name = escape(config.site_name)
        if config.site_description:
            config.site_description = escape(config.site_description)
        return env

    def on_post_page(self, output: str, *, page, config: MkDocsConfig) -> str:
        self.progress.advance()
        self.rebuilt.add(page.url)
        return output

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self.progress.close()
        if self.index_before is not None:
            self._keep_unchanged_pages_searchable(_search_index(config))

    def _keep_unchanged_pages_searchable(self, path: Path) -> None:
        """A dirty rebuild renders only the pages that changed, and the search
        plugin indexes only what it rendered: without this, search in the
        preview would find nothing but the last edit."""
        after = _read_json(path)
        if after is None or self.index_before is None:
            return
        kept = [doc for doc in self.index_before.get("docs", [])
                if (page := doc.get("location", "").split("#", 1)[0]) in self.pages and page not in self.rebuilt]
        after["docs"] = kept + after.get("docs", [])
        path.write_bytes(orjson.dumps(after, option=orjson.OPT_SORT_KEYS))


def _search_index(config: MkDocsConfig) -> Path:
    return Path(config.site_dir) / "search" / "search_index.json"


def _read_json(path: Path) -> dict | None:
    """The search index, or None; orjson: it is ~50 MB at 5,000 articles."""
    try:
        return orjson.loads(path.read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return None
