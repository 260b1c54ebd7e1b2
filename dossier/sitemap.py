"""Where each generated page lives, and relative links between pages.

Links are written as relative links to the .md sources, so MkDocs checks
every one of them under --strict and turns them into the right URLs for
any site sub-path.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from functools import cache
from typing import Any

from markupsafe import Markup

from . import locales
from .limits import ID_CHARS
from .model import ENTITY_KINDS, Entity, EntityKindKey

# The folders and file names are the same in every site language (theme.language):
# they are the URLs, and a link into a dossier must survive a change of language.
HOME = "index.md"
ARTICLES = "artikel/index.md"
CONTRADICTIONS = "widersprueche/index.md"
TIMELINE = "zeitleiste.md"
DATA = "daten/index.md"



def navigation() -> list[tuple[str, str]]:
    """The site's navigation (label, page), as mkdocs.yml lists it: the
    section index pages only, so that the theme does not write every page
    into every page (see templates/project/mkdocs.yml.j2)."""
    nav = locales.active().NAV
    return [
        (nav["home"], HOME),
        (nav["articles"], ARTICLES),
        *((kind.nav, entity_index(kind.key)) for kind in ENTITY_KINDS.values()),
        (nav["contradictions"], CONTRADICTIONS),
        (nav["timeline"], TIMELINE),
        (nav["data"], DATA),
    ]


def unlisted_folders() -> list[str]:
    """The folders whose pages the navigation leaves out (all but their index)."""
    return [posixpath.dirname(page) for page in (article_page("x"), *(entity_index(k) for k in ENTITY_KINDS),
                                                  proposition_page("x"))]


def missing_sections(nav: list[Any]) -> list[tuple[int, str, str]]:
    """The entity kinds whose index page an explicit nav of mkdocs.yml does not
    list (a dossier started before the kind existed), as (top-level position
    to insert at, label, page): each goes after the kind before it, or last."""
    listed = set(_pages(nav))
    missing = []
    at = len(nav)
    for label, page in navigation():
        if page in listed:
            at = next((i + 1 for i, entry in enumerate(nav) if page in _pages([entry])), at)
        elif page in {entity_index(key) for key in ENTITY_KINDS}:
            missing.append((at, label, page))
    return missing


def _pages(nav: list[Any]) -> Iterator[str]:
    """Every page a nav lists, in sections too (``- Label: page`` or ``- page``)."""
    for entry in nav:
        values = entry.values() if isinstance(entry, dict) else [entry]
        for value in values:
            if isinstance(value, list):
                yield from _pages(value)
            elif isinstance(value, str):
                yield value


#: ids that cannot name a page: "index" is each section's own page (an article,
#: entity or question of that id would replace it), and Windows refuses these
#: file names, with any extension, in a checkout of the dossier or its site
RESERVED_IDS = frozenset(
    {"index", "con", "prn", "aux", "nul"} | {f"{port}{n}" for port in ("com", "lpt") for n in range(1, 10)}
)


def id_problem(page_id: str) -> tuple[str, str] | None:
    """Why an id of the id pattern cannot name a page and a URL, with the fix; None if it can."""
    if len(page_id) > ID_CHARS:
        return (f"id '{page_id[:20]}…' is {len(page_id)} characters long, more than the limit of {ID_CHARS}",
                "it becomes a file name and a URL: shorten it")
    if page_id == "index":
        return "id 'index' is reserved: it names the index page of each section", "choose another id"
    if page_id in RESERVED_IDS:
        return f"id '{page_id}' is reserved: Windows refuses it as a file name", "choose another id"
    return None


def article_page(article_id: str) -> str:
    return f"artikel/{article_id}.md"


def entity_index(kind: EntityKindKey) -> str:
    return f"{ENTITY_KINDS[kind].folder}/index.md"


def entity_page(entity: Entity) -> str:
    return f"{ENTITY_KINDS[entity.type].folder}/{entity.id}.md"


def proposition_page(proposition_id: str) -> str:
    """One page per question: its claims side by side, grouped by scope."""
    return f"widersprueche/{proposition_id}.md"


def seed_file(seed: str) -> str:
    """The article's source text as received, published beside the pages."""
    return f"daten/quellen/{seed}"


def relative_link(source: str, target: str, anchor: str = "") -> Markup:
    """A link from page ``source`` to page ``target`` (both docs-relative)."""
    folder, _, _ = source.rpartition("/")
    target_folder, _, name = target.rpartition("/")
    return Markup(_folder_prefix(folder, target_folder) + name + (f"#{anchor}" if anchor else ""))


@cache
def _folder_prefix(folder: str, target_folder: str) -> str:
    # Pages live in a handful of folders: a few pairs serve every link.
    path = posixpath.relpath(target_folder or ".", folder or ".")
    return "" if path == "." else path + "/"
