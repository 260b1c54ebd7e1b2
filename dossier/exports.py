"""Machine-readable exports beside the pages: JSON, CSV and W3C Web Annotation.

Other tools can use the dossier without scraping it. Keys are sorted and
floats avoided where possible so the bytes are stable from run to run.
A claim's value is data (``min``, ``max``, ``key``); its ``text`` (and the
describing body of an annotation) is the value as the site shows it, in the
site's language (theme.language), made when the export is written.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import orjson

from . import sitemap as site
from .analyse import Analysis
from .dates import DateSpan
from .indexes import ClaimAt, Indexes, MentionRef
from .link import LinkedArticle
from .locales import format_date_span
from .model import Claim, Corpus, Span
from .values import Value

#: the exports; the data page describes each in the site's language (``EXPORTS`` in dossier/locales/)
FILES = ("claims.json", "entities.json", "propositions.json", "claims.csv", "annotations.jsonld")


def _json(data: object) -> bytes:
    """Compact JSON with sorted keys; orjson is ~10× faster than the json module
    and writes the same bytes; json takes over for what orjson refuses (integers
    beyond 64 bits)."""
    try:
        return orjson.dumps(data, option=orjson.OPT_SORT_KEYS)
    except orjson.JSONEncodeError:
        return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def _dump(data: object) -> bytes:
    return _json(data) + b"\n"


def _array(items: Iterable[object]) -> tuple[bytearray, int]:
    """The JSON array of the items (the bytes of dumping the whole list) and
    their number. Each item is encoded and appended on its own, so only one
    item's dicts are alive at once, and its bytes are dropped at once:
    orjson gives every result a 4 KiB buffer, and a list of 30,000 of them
    (the claims at 5,000 articles) held 120 MB."""
    out = bytearray(b"[")
    count = 0
    for item in items:
        if count:
            out += b","
        out += _json(item)
        count += 1
    out += b"]"
    return out, count


def _dump_array(items: Iterable[object]) -> bytes:
    out, _ = _array(items)
    out += b"\n"
    return bytes(out)


# Stands for an array inside a frame object of our own making.
_HOLE = "\x00array\x00"


def _dump_with_array(frame: dict[str, Any], array: bytearray) -> bytes:
    """``frame`` with its one ``_HOLE`` value replaced by ``array`` (``_array``)."""
    parts = _dump(frame).split(_json(_HOLE))
    if len(parts) != 2:
        raise ValueError("the frame of an array must hold _HOLE exactly once")
    return b"".join([parts[0], array, parts[1]])


def _value(value: Value) -> dict[str, Any]:
    return {"text": value.text, "min": value.low, "max": value.high, "key": value.key or None}


def export(name: str, corpus: Corpus, analysis: Analysis, indexes: Indexes) -> bytes:
    """One export (``name`` one of FILES) as JSON bytes; each is made on its
    own, so that only one file's data is in memory at a time."""
    return _MAKERS[name](corpus, analysis, indexes)


def _claims_file(corpus: Corpus, analysis: Analysis, indexes: Indexes) -> bytes:
    return _dump_array(_claims(indexes.claims, analysis))


#: the columns of claims.csv; the data page describes each (``CSV_COLUMNS`` in dossier/locales/)
CSV_COLUMNS = ("id", "article", "quote", "start", "end", "proposition", "scope", "value_text", "value_min", "value_max",
               "value_key", "attributed_to", "via", "stance", "attribution", "rhetorical", "repeat_of", "note", "status")

#: a spreadsheet reads a cell starting with one of these as a formula (and tab/CR as a hidden one)
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> str:
    """One CSV cell: text that a spreadsheet would run as a formula gets a leading
    apostrophe (OWASP's advice), so "=HYPERLINK(...)" from an article stays text;
    numbers are written as digits and never prefixed (a negative is a number)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(int(value)) if float(value).is_integer() else repr(value)
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def _claims_csv(corpus: Corpus, analysis: Analysis, indexes: Indexes) -> bytes:
    """claims.json as a table (RFC 4180: CRLF, fields quoted where needed); via
    is joined with " > " in the order of the chain."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(list(CSV_COLUMNS))
    for claim in _claims(indexes.claims, analysis):
        value = claim["value"]
        row = {**claim, "value_text": value["text"], "value_min": value["min"], "value_max": value["max"],
               "value_key": value["key"], "via": " > ".join(claim["via"])}
        writer.writerow([_cell(row[column]) for column in CSV_COLUMNS])
    return out.getvalue().encode("utf-8")


def _entities_file(corpus: Corpus, analysis: Analysis, indexes: Indexes) -> bytes:
    return _dump_array(_entities(corpus, indexes.mentions_by_entity))


def _propositions_file(corpus: Corpus, analysis: Analysis, indexes: Indexes) -> bytes:
    return _dump_array(_propositions(analysis))


def _annotations_file(corpus: Corpus, analysis: Analysis, indexes: Indexes) -> bytes:
    annotations, total = _array(_annotations(indexes.claims))
    return _dump_with_array({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "AnnotationCollection",
        "total": total,
        "first": {"type": "AnnotationPage", "items": _HOLE},
    }, annotations)


#: what makes each export (the keys of FILES)
_MAKERS: dict[str, Callable[[Corpus, Analysis, Indexes], bytes]] = {
    "claims.json": _claims_file,
    "entities.json": _entities_file,
    "propositions.json": _propositions_file,
    "claims.csv": _claims_csv,
    "annotations.jsonld": _annotations_file,
}


def _shown(claims: Iterable[ClaimAt]) -> Iterator[tuple[LinkedArticle, Claim, Span, Value]]:
    for at in claims:
        item, claim = at.item.value, at.claim
        yield item, claim, item.anchored.claims[claim.id], item.values[claim.id]


def _claims(claims: Iterable[ClaimAt], analysis: Analysis) -> Iterator[dict[str, Any]]:
    for item, claim, span, value in _shown(claims):
        status = analysis.claims.get(claim.key)
        yield {
            "id": claim.key,
            "article": item.article.id,
            "quote": item.article.text[span.start:span.end],
            "start": span.start,
            "end": span.end,
            "proposition": claim.proposition,
            "scope": claim.scope,
            "value": _value(value),
            "attributed_to": claim.attributed_to,
            "via": list(claim.via),
            "stance": claim.stance,
            "attribution": claim.attribution,
            "rhetorical": claim.rhetorical or None,
            "repeat_of": f"{item.article.id}/{status.repeat_of}" if status and status.repeat_of else None,
            "note": claim.note or None,
            "status": status.status if status else None,
        }


def _annotations(claims: Iterable[ClaimAt]) -> Iterator[dict[str, Any]]:
    for item, claim, span, value in _shown(claims):
        article = item.article
        yield {
            "id": f"urn:dossier:claim:{claim.key}",
            "type": "Annotation",
            "motivation": "tagging",
            "body": [
                {"type": "TextualBody", "purpose": "tagging", "value": claim.proposition},
                {"type": "TextualBody", "purpose": "describing", "value": f"{claim.scope}: {value.text}"},
                {"type": "SpecificResource", "purpose": "identifying", "source": f"urn:dossier:entity:{claim.attributed_to}"},
            ],
            "target": {
                "source": site.seed_file(article.seed),
                "selector": [
                    {"type": "TextQuoteSelector", "exact": article.text[span.start:span.end],
                     "prefix": article.text[max(0, span.start - 32):span.start],
                     "suffix": article.text[span.end:span.end + 32]},
                    {"type": "TextPositionSelector", "start": span.start, "end": span.end},
                ],
            },
        }


def _entities(corpus: Corpus, mentions: dict[str, list[MentionRef]]) -> Iterator[dict[str, Any]]:
    return (
        {
            "id": e.id, "type": e.type, "name": e.name, "description": e.description or None,
            "wikidata": e.wikidata or None, "part_of": e.part_of or None, "related": list(e.related),
            "date": _date(e.date), "place": e.place or None,
            "aliases": [{"form": a.form, "erroneous": a.erroneous} for a in e.aliases],
            "mentions": [_mention(ref) for ref in mentions.get(e.id, [])],
        }
        for e in sorted(corpus.entities.values(), key=lambda e: e.id)
    )


def _date(span: DateSpan | None) -> dict[str, str] | None:
    """An event's date as data (ISO, as precise as written) and as the site shows it."""
    if span is None:
        return None
    return {"from": span.start.iso(), "to": span.end.iso(), "text": format_date_span(span)}


def _mention(ref: MentionRef) -> dict[str, Any]:
    m = ref.mention
    return {"article": ref.item.value.article.id, "start": m.start, "end": m.end, "surface": m.surface,
            "erroneous": m.erroneous}


def _propositions(analysis: Analysis) -> Iterator[dict[str, Any]]:
    return (
        {
            "id": r.proposition.id,
            "question": r.proposition.question,
            "type": r.proposition.type,
            "status": r.status,
            "resolution": r.proposition.resolution or None,
            "scopes": [
                {"scope": g.scope, "conflict": g.conflict,
                 "clusters": [[ref.claim.key for ref in cluster] for cluster in g.clusters]}
                for g in r.groups
            ],
        }
        for r in analysis.reports.values()
    )
