"""Builders for the YAML files a test writes: article annotations, claims, entities, propositions.

Every builder returns plain data with defaults that make a valid minimal entry, so a test
states only what it is about; `dump` turns that data into YAML text laid out as the corpus is
(block style, list entries indented under their key, keys in the order built). A test that
asserts `path:line:column` takes the position from the text it wrote with `at`, never from a
count of lines by hand. Tests whose point is the raw text (malformed YAML, hostile bytes, a
comment or layout the loader must keep) write that text themselves.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any

import yaml

Data = dict[str, Any]


def claim(id: str = "c", quote: str = "12.000 Soldaten", *, proposition: str = "troops", scope: str = "total",
          value: Any = 12000, attributed_to: str = "nis", stance: str = "reports", **extra: Any) -> Data:
    """A claim: by default NIS reports 12,000 soldiers in total; a field given as None is left out."""
    fields = {"id": id, "quote": quote, "proposition": proposition, "scope": scope, "value": value,
              "attributed_to": attributed_to, "stance": stance, **extra}
    return _present(fields)


def article(seed: str = "a.txt", *claims: Data, title: str = "Titel", language: str = "de", **fields: Any) -> Data:
    """An annotation of seeds/<seed>: seed, title, language, the other fields in the order given, claims last."""
    return _present({"seed": seed, "title": title, "language": language, **fields, "claims": list(claims)})


def hide(quote: str, reason: str = "title", **extra: Any) -> Data:
    """One entry of an article's `hide` list: noise the page leaves out."""
    return {"quote": quote, "reason": reason, **extra}


def unlink(quote: str, entity: str) -> Data:
    """One entry of an article's `unlink` list: no link to `entity` inside `quote`."""
    return {"quote": quote, "entity": entity}


def note(quote: str, note: str, **extra: Any) -> Data:
    """One entry of an article's `notes` list: an editor's note on a passage."""
    return {"quote": quote, "note": note, **extra}


def entity(id: str, name: str, *aliases: str | Data, **extra: Any) -> Data:
    """An entry of content/entities/<kind>.yml; aliases are plain spellings or {form:, erroneous:} maps."""
    return _present({"id": id, "name": name, "aliases": list(aliases) or None, **extra})


person = entity  # people, units, equipment, organisations and places share one shape


def proposition(id: str, type: str = "count", *, question: str | None = None, scopes: Mapping[str, str] | None = None,
                **extra: Any) -> Data:
    """An entry of content/propositions.yml; by default a count with one scope `total`."""
    return _present({"id": id, "question": question or f"Frage {id}?", "type": type, **extra,
                     "scopes": dict(scopes or {"total": "Insgesamt"})})


class _Dumper(yaml.SafeDumper):
    """Indents a list under its key (`claims:\\n  - id: x`) as the corpus and the guide do."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    """Text with a control, format or line-separator character in double quotes, where YAML escapes it."""
    special = any(unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp") and char != "\n" for char in text)
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style='"' if special else None)


_Dumper.add_representer(str, _text)


def dump(data: Mapping[str, Any] | Iterable[Mapping[str, Any]]) -> str:
    """YAML text of `data`: keys in the order built, Unicode kept, no line folded."""
    if not isinstance(data, Mapping):
        data = list(data)
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=1 << 20,
                     default_flow_style=False)


def at(text: str, needle: str, occurrence: int = 1) -> str:
    """`line:column` (1-based) where the n-th `needle` starts in `text`, as diagnostics print it."""
    start = -1
    for _ in range(occurrence):
        start = text.index(needle, start + 1)
    return _position(text, start)


def value_at(text: str, key: str, occurrence: int = 1) -> str:
    """`line:column` of the value of the n-th field `key` in `text`, where most diagnostics point:
    the first character after `key:` that is not blank (a nested map or list starts on the next line)."""
    fields = list(re.finditer(rf"^[ -]*{re.escape(key)}:\s*", text, re.MULTILINE))
    return _position(text, fields[occurrence - 1].end())


def _position(text: str, offset: int) -> str:
    line, column = text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset)
    return f"{line}:{column}"


def _present(fields: Mapping[str, Any]) -> Data:
    return {key: value for key, value in fields.items() if value is not None}
