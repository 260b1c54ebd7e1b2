"""MkDocs plugin: a convenience so that ``mkdocs build``/``serve`` just work.

The generation step does not depend on this plugin (``dossier build``
writes plain Markdown that any MkDocs-compatible engine can build). The
plugin runs that same step before MkDocs cleans the site directory, so a
broken annotation leaves the last good site in place, and then hands MkDocs
the generated files (those alone, not whatever else lies in their folder)
instead of the files of ``docs_dir``. It holds the build lock from the
generation to the end of MkDocs' build (``workspace.BuildLock``).

In ``serve``, a broken file, a disk error, even a bug is reported and the
preview keeps showing the last good version (MkDocs would otherwise stall
every request until the error is fixed).

``docs_dir`` in mkdocs.yml is ``content/``: it must exist before any plugin
runs (a fresh clone has no build/), and MkDocs watches it in ``serve``, so
an edit triggers exactly one rebuild; the generated tree lies outside every
watched folder.
"""

from __future__ import annotations

import logging
from pathlib import Path

from jinja2 import Environment
from markupsafe import escape
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, file_sort_key, set_exclusions
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from pathspec.gitignore import GitIgnoreSpec

from . import fastpath, locales, manifest, search, site_words, sitemap
from .diagnostics import DossierError
from .files import FileError, describe
from .layout import Project
from .pipeline import Build
from .preview import CompiledTemplates
from .progress import Progress
from .workspace import DEFAULT_OUTPUT, BuildLock, output_folder

log = logging.getLogger("mkdocs.plugins.dossier")
OVERRIDES = Path(__file__).resolve().parent / "overrides"


class DossierConfig(Config):  # type: ignore[no-untyped-call]  # MkDocs' Config is untyped
    #: checked by ``workspace.output_folder``: a folder inside build/, never a source folder
    output = c.Type(str, default=DEFAULT_OUTPUT)
    #: generated pages skip Python-Markdown (``fastpath.py``); off: every page goes through it
    fast_path = c.Type(bool, default=True)


def _add_missing_sections(config: MkDocsConfig) -> None:
    """An explicit nav of a dossier started before an entity kind existed lacks
    its section: add it (its label in the site's language), and leave its
    pages out of the navigation like the other sections', so ``--strict`` holds."""
    if not isinstance(config.nav, list):
        return  # no nav: MkDocs lists every page
    for at, label, page in reversed(sitemap.missing_sections(config.nav)):
        config.nav.insert(at, {label: page})
        folder = page.rpartition("/")[0]
        if config.not_in_nav is not None and not config.not_in_nav.match_file(f"{folder}/x.md"):
            config.not_in_nav += GitIgnoreSpec.from_lines([f"/{folder}/*.md"])


class DossierPlugin(BasePlugin[DossierConfig]):  # type: ignore[no-untyped-call]
    def __init__(self) -> None:
        #: Set by ``dossier build``, which has generated the tree already.
        self.pregenerated = False
        self.serving = False
        #: ``serve --dirty``: MkDocs renders only the pages that changed
        self.dirty = False
        self.progress = Progress("MkDocs", 0)
        #: kept across the rebuilds of ``serve``: only what an edit touched is redone
        self.build: Build | None = None
        #: the files of the last generated tree (set by ``publish`` when pregenerated):
        #: MkDocs gets these and nothing else that lies in the output folder
        self.generated: list[str] | None = None
        self.lock: BuildLock | None = None
        #: pages the fast path converted ahead of MkDocs' render loop, by source path
        self.prepared: dict[str, fastpath.Prepared] = {}
        self.templates = CompiledTemplates()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Theme pages that mkdocs-material has only in English (the 404 page),
        in the site's language (theme.language), as the labels of the
        dossier's own sections in the navigation and the permalink title."""
        config.theme.dirs.insert(0, str(OVERRIDES))
        language = config.theme.get("language")
        try:
            words = locales.module(language)
        except locales.LocaleError as exc:
            raise PluginError(f"dossier: {exc}") from None
        config.extra["dossier_ui"] = dict(words.THEME)
        site_words.localise(config, language)
        with locales.using(language):
            _add_missing_sections(config)
        return config

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup also makes MkDocs keep this instance across rebuilds,
        # and across builds in one process: each starts here, with nothing of the last.
        self.serving = command == "serve"
        self.dirty = dirty
        self.pregenerated = False
        self.generated = None
        self.build = None
        self._unlock()
        self.lock = None

    def _root(self, config: MkDocsConfig) -> Path:
        return Path(config.config_file_path or "mkdocs.yml").resolve().parent

    def output_dir(self, config: MkDocsConfig) -> Path:
        """The generated tree's folder; FileError when mkdocs.yml puts it where it may not be."""
        root = self._root(config)
        setting = Path(config.config_file_path or "mkdocs.yml").name
        return output_folder(root, self.config.output, setting, Path(config.site_dir))

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if self.pregenerated:
            return
        try:
            out = self.output_dir(config)
        except FileError as exc:
            raise PluginError(f"dossier: {describe(exc, self._root(config))}") from None
        language = str(config.theme.get("language") or locales.DEFAULT)
        if self.lock is None:
            self.lock = BuildLock(self._root(config), log.info)
        try:
            self.lock.acquire()
            if self.build is None or (self.build.out, self.build.title, self.build.language) != (out, config.site_name, language):
                self.build = Build(Project(self._root(config)), out, config.site_name, language=language)
            _, report = self.build.generate()
        except DossierError as exc:
            self._failed(out, "dossier: the annotations have errors; ", f".\n{exc}")
            return
        except (FileError, OSError) as exc:
            self._failed(out, f"dossier: {describe(exc, self._root(config))}\nthe build failed; ", ".")
            return
        except Exception:
            if not self.serving:
                raise
            # A bug, not the contributor's doing: say so, and keep the preview answering.
            log.exception("dossier: internal error (please report it); still showing the last good version")
            return
        self.generated = report.files
        log.info(f"dossier: {report.summary()}")

    def _failed(self, out: Path, before: str, after: str) -> None:
        """In ``serve``, keep showing the last good tree; else stop the build."""
        if self.serving and self._last_good(out) is not None:
            log.error(before + "still showing the last good version" + after)
            return
        raise PluginError(before + "the site was not rebuilt" + after)

    def _last_good(self, out: Path) -> list[str] | None:
        if self.generated is None:
            try:
                tree = manifest.read(out)
            except FileError:
                return None
            if tree is not None and tree.complete:
                self.generated = sorted(tree.files)
        return self.generated

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """The generated tree replaces docs_dir; theme files stay. MkDocs is given
        the files Dossier generated, not whatever else lies in that folder."""
        out = self.output_dir(config)
        paths = self._last_good(out)
        if paths is None:
            raise PluginError(f"dossier: {out} holds no complete generated tree; build again")
        made = [File(path, str(out), config.site_dir, config.use_directory_urls) for path in paths]
        made.sort(key=file_sort_key)
        set_exclusions(made, config)
        generated = Files(made)
        for file in files:
            if Path(file.src_dir or "") != Path(config.docs_dir) and generated.get_file_from_path(file.src_uri) is None:
                generated.append(file)
        self.progress = Progress("MkDocs", len(generated.documentation_pages()))
        return generated

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        """The theme prints the site name and description into the HTML of
        every page unescaped (as text and in attributes): escape them, after
        the generation step has taken the name for the home page. Escaped
        text is Markup, which Jinja does not escape twice where the theme
        does escape (the logo's title), and ``escape`` leaves it as it is."""
        config.site_name = escape(config.site_name)
        env.bytecode_cache = self.templates  # not compiled again on each rebuild of serve
        if config.site_description:
            config.site_description = escape(config.site_description)
        return env

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        """The fast path converts the pages MkDocs will render, over the cores."""
        self.prepared = {}
        if self.config.fast_path:
            pages = [file.page for file in files.documentation_pages()
                     if file.page is not None and (not self.dirty or file.is_modified())]
            self.prepared = fastpath.prepare(pages, config, files)
        return nav

    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Files) -> Page:
        """Generated pages are rendered by the fast path unless it is switched off."""
        if self.config.fast_path and type(page) is Page:
            page.__class__ = fastpath.FastPage
            page.fast_settings = fastpath.settings(config)  # type: ignore[attr-defined]
            page.prepared = self.prepared.pop(page.file.src_uri, None)  # type: ignore[attr-defined]
        return page

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        self.progress.advance()
        return output

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self.progress.close()
        try:  # the whole site, also in a dirty rebuild of ``serve``: the pages it kept stay findable
            search.index(Path(config.site_dir), search.language(config.theme["language"]))
        except search.SearchError as exc:
            if not self.serving:
                raise PluginError(f"dossier: {exc}") from None
            log.error(f"dossier: {exc}")
        finally:
            self._unlock()

    def on_build_error(self, *, error: Exception) -> None:
        self._unlock()

    def on_shutdown(self) -> None:
        self._unlock()

    def _unlock(self) -> None:
        if self.lock is not None:
            self.lock.release()
