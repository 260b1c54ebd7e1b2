"""The site's language in the parts of mkdocs.yml that print words.

mkdocs.yml lists the navigation, the permalink title and the search
language; a dossier whose theme.language changes would keep the old ones.
The plugin replaces the labels of the dossier's own sections
(``sitemap.navigation``), a permalink title and a search language that one
of the site languages wrote; what an editor chose otherwise stays.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from . import locales, sitemap


def localise(config: MkDocsConfig, language: str | None) -> None:
    with locales.using(language) as words:
        labels = {page: label for label, page in sitemap.navigation()}
    ours = _known_labels()
    if isinstance(config.nav, list):
        config.nav = [_entry(entry, labels, ours) for entry in config.nav]
    search = config.plugins.get("material/search") or config.plugins.get("search")
    if search is not None and search.config.get("lang") in ([str(m.SEARCH)] for m in locales.LANGUAGES.values()):
        search.config["lang"] = [words.SEARCH]
    toc = config.mdx_configs.get("toc")
    known = {str(m.THEME["permalink"]) for m in locales.LANGUAGES.values()}
    if isinstance(toc, dict) and toc.get("permalink_title") in known:
        toc["permalink_title"] = words.THEME["permalink"]


def _known_labels() -> set[str]:
    """Every label a site language gives a section of the navigation."""
    found: set[str] = set()
    for code in locales.LANGUAGES:
        with locales.using(code):
            found.update(label for label, _ in sitemap.navigation())
    return found


def _entry(entry: Any, labels: dict[str, str], ours: set[str]) -> Any:
    """A nav entry ``{label: page}`` with the site language's label if it is one of ours."""
    if isinstance(entry, dict) and len(entry) == 1:
        (label, page), = entry.items()
        if isinstance(page, str) and page in labels and label in ours:
            return {labels[page]: page}
    return entry
