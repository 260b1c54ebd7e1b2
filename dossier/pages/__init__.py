"""The pages of the site: one module per kind of page, one template each.

Each kind's module has ``pages(ctx)``, which yields its pages as
``Output``s: the path, a function that gathers the page's inputs from the
context (an ``Inputs`` record of that module), and ``render``, which makes
the page from those inputs alone. The page's key is a digest of the same
record, so nothing a page shows can change without its key changing.

A new kind of page is a module like these, its template in
``dossier/templates/``, and one line in ``KINDS``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Protocol

from ..output import Output
from . import (
    article,
    articles_index,
    contradictions,
    data,
    entity,
    entity_index,
    home,
    proposition,
    timeline,
)
from .context import Context


class PageKind(Protocol):
    def pages(self, ctx: Context) -> Iterator[Output[Any]]: ...


#: every kind of page, in the order their pages are made
KINDS: tuple[PageKind, ...] = (
    article, entity, proposition, entity_index, contradictions, articles_index, timeline, home, data,
)


def outputs(ctx: Context) -> Iterator[Output[Any]]:
    for kind in KINDS:
        yield from kind.pages(ctx)
