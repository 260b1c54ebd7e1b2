"""The data page: the machine-readable exports and what each holds."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .. import sitemap as site
from ..exports import CSV_COLUMNS, FILES
from ..output import Output, given
from . import labels, markdown
from .context import Context


@dataclass(frozen=True, slots=True)
class Inputs:
    files: tuple[tuple[str, str], ...]  # name and description of each export
    columns: tuple[tuple[str, str], ...]  # name and description of each column of claims.csv


def pages(ctx: Context) -> Iterator[Output[Inputs]]:
    yield markdown.page(site.DATA, given(Inputs(tuple((name, labels.EXPORTS[name]) for name in FILES),
                                                tuple((name, labels.CSV_COLUMNS[name]) for name in CSV_COLUMNS))), render)


def render(inputs: Inputs) -> str:
    return markdown.render("data.md.j2", files=[{"name": name, "description": text} for name, text in inputs.files],
                           columns=[{"name": name, "description": text} for name, text in inputs.columns])
