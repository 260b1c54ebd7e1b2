"""Rendering Markdown: the Jinja environment, escaping, and what several kinds print alike.

Every value a template prints is escaped unless the code marked it as
trusted Markup (links it built, tags it assembled), so text from articles
and YAML cannot inject HTML or Markdown.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from functools import cache, partial
from html import escape as html_escape
from typing import Any, TypeVar

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from .. import locales
from ..analyse import PropositionReport
from ..dates import PartialDate
from ..escape import md_line, md_text
from ..locales import format_date
from ..output import Output
from . import labels

In = TypeVar("In")


def page(path: str, inputs: Callable[[], In], render: Callable[[In], str]) -> Output[In]:
    """A Markdown page: ``render`` makes its text from its inputs alone."""
    return Output(path, inputs, partial(_utf8, render), page=True)


def _utf8(render: Callable[[In], str], inputs: In) -> bytes:
    return render(inputs).encode("utf-8")


def _finalize(value: object) -> object:
    """Escape everything a template prints unless code marked it as Markup."""
    if isinstance(value, Markup) or value is None:
        return value if value is not None else ""
    return md_text(value)


class _Environment(Environment):
    """Templates read rows as ``row.field``; for a dict, Jinja first tries the
    attribute and catches the AttributeError, a million times per large build."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute in obj:
            return obj[attribute]
        return super().getattr(obj, attribute)


@cache
def environment() -> Environment:
    env = _Environment(
        loader=PackageLoader("dossier", "templates"),
        autoescape=False,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=StrictUndefined,
    )
    env.filters["line"] = md_line
    env.filters["yaml_string"] = _yaml_string
    env.globals["T"] = _TemplateWords()
    env.globals["L"] = labels
    return env


class _TemplateWords:
    """``T.<name>`` in a template: the active language's ``T[name]``
    (dossier/locales/*.py), trusted Markdown, as the templates are."""

    def __getattr__(self, name: str) -> Markup:
        return Markup(locales.active().T[name])


def _yaml_string(text: str) -> Markup:
    """A page title for the front matter, HTML-escaped: MkDocs treats a page
    title as HTML (as it does one taken from a heading), and the theme prints
    it unescaped into <title> and the header. A JSON string is valid YAML."""
    return Markup(json.dumps(html_escape(" ".join(text.split())), ensure_ascii=False))


def render(template: str, **context: object) -> str:
    return environment().get_template(template).render(**context)


def attr(text: str) -> Markup:
    """Text for an HTML attribute value: escaped like text, on one line."""
    return md_line(text)


def link_target(url: str) -> str:
    """An http(s) URL made safe inside Markdown's <...> autolink."""
    return url.replace("(", "%28").replace(")", "%29").replace(" ", "%20")


def short_title(title: str, outlet: str, words: int = 6) -> str:
    """A table-sized name for an article: its outlet and the head of its title."""
    head = title.split()
    shown = " ".join(head[:words]) + ("…" if len(head) > words else "")
    return f"{outlet}: {shown}" if outlet else shown


def article_date(published: PartialDate | None) -> str:
    return format_date(published) if published else labels.NO_DATE


def ordered_reports(reports: Iterable[PropositionReport]) -> list[PropositionReport]:
    """Open contradictions first, then undecidable, explained, resolved, consistent questions."""
    rank = {"open": 0, "undecidable": 1, "explained": 2, "resolved": 3, "consistent": 4}
    return sorted(reports, key=lambda r: (rank[r.status], r.proposition.id))


def conflict_summary(report: PropositionReport) -> str:
    """'Gesamt: 12.000 gegen 10.000' for each scope that disagrees."""
    return "; ".join(
        f"{g.label}: " + f" {labels.AGAINST} ".join(" / ".join(sorted({ref.value.text for ref in c})) for c in g.clusters)
        for g in report.groups if g.conflict
    )
