"""Validate YAML documents against the JSON Schemas that editors use too.

The same files in ``dossier/schemas/`` drive VS Code completion (through
``# yaml-language-server: $schema=...``) and this validator, so the two can
never disagree.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from functools import cache
from importlib import resources
from typing import Any
from urllib.parse import quote

import jsonschema
import jsonschema_rs

from .diagnostics import Diagnostics, did_you_mean
from .languages import tag_hint
from .limits import ID_CHARS, ITEMS_PER_ARTICLE, LINE_CHARS, REGISTRY_ITEMS, TEXT_CHARS
from .yamlfile import JsonPath, YamlDocument

SCHEMAS = ("article", "entities", "propositions")


@cache
def load_schema(name: str) -> dict[str, Any]:
    text = resources.files("dossier").joinpath(f"schemas/{name}.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


@cache
def _fast(name: str) -> jsonschema_rs.Validator:
    """A compiled validator for the common case, a valid file (~50× faster)."""
    return jsonschema_rs.validator_for(load_schema(name))


@cache
def _validator(name: str) -> jsonschema.protocols.Validator:
    schema = load_schema(name)
    return jsonschema.Draft202012Validator(schema)


def _leaf_errors(error: jsonschema.ValidationError) -> list[jsonschema.ValidationError]:
    """For oneOf/anyOf, report the branch closest to what was written."""
    if error.validator in ("oneOf", "anyOf") and error.context:
        deepest = max(len(e.absolute_path) for e in error.context)
        if deepest > len(error.absolute_path):
            return [e for e in error.context if len(e.absolute_path) == deepest]
    return [error]


def _shown(value: object, most: int = 60) -> str:
    """A value for a message: a megabyte of text must not end up in it."""
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= most else f"{text[:most]}… ({len(text):,} characters)"


def _describe(error: jsonschema.ValidationError, at: JsonPath) -> tuple[str, str]:
    """A message and a hint for one violation of a value."""
    path = _path_text(at)
    kind = error.validator
    # types-jsonschema marks these "maybe unset"; a reported violation has them all
    validator_value: Any = error.validator_value
    schema: Any = error.schema
    instance: Any = error.instance
    if kind == "required":
        return f"missing required field {error.message.split(' is a required')[0]} in {path}", ""
    if kind == "enum":
        options = [str(o) for o in validator_value]
        hint = (did_you_mean(str(error.instance), options) if len(str(error.instance)) < 100 else "") or "allowed: " + ", ".join(options)
        return f"{path}: '{_shown(error.instance)}' is not allowed here", hint
    if kind == "pattern" and str(validator_value).startswith("^https?"):
        return _bad_link(path, str(error.instance))
    if kind == "pattern" and at[-1:] == ("language",):
        return f"{path}: '{_shown(error.instance)}' is not a BCP 47 language tag", tag_hint(str(error.instance))
    if kind == "pattern" and at[-2:-1] == ("assessed",):
        return (f"{path}: '{_shown(error.instance)}' is not a claim record (article/claim@fingerprint)",
                "let the tool write the record: dossier review <proposition id>")
    if kind == "pattern" and "a-z0-9" in str(validator_value):
        slug = re.sub(r"[^a-z0-9]+", "-", str(error.instance)[:ID_CHARS].lower()).strip("-")
        return (
            f"{path}: '{_shown(error.instance)}' is not a valid id",
            (f"did you mean '{slug}'? " if slug else "")
            + "ids are lowercase letters and digits joined by single hyphens, e.g. 'kyrylo-budanov'",
        )
    if kind in ("maxLength", "maxItems", "maxProperties"):
        return _too_big(path, validator_value, len(instance), "characters" if kind == "maxLength" else "entries")
    if kind == "type":
        return _wrong_type(path, validator_value, error.instance)
    if kind == "oneOf":
        return f"{path}: {_shown(repr(error.instance))} is not a valid value here", schema.get("description", "")
    return f"{path}: {_shown(error.message, 200)}", ""


def _path_text(at: JsonPath) -> str:
    return "/".join(str(p) for p in at) or "(top level)"


#: how to stay under each limit of dossier/limits.py
_LIMIT_HINTS = {
    ID_CHARS: "an id is a short name (it becomes a file name and a web address): shorten it",
    LINE_CHARS: "this is a one-line text: shorten it",
    TEXT_CHARS: "shorten it: longer material belongs in an article in seeds/",
    ITEMS_PER_ARTICLE: "split the article: one article takes at most this many claims, hidden parts or notes",
    REGISTRY_ITEMS: "a registry or list takes at most this many entries: merge or drop some",
}


def _too_big(path: str, limit: int, size: int, unit: str) -> tuple[str, str]:
    return f"{path}: {size:,} {unit}, more than the limit of {limit:,}", _LIMIT_HINTS.get(limit, "")


# What a URL cannot hold unencoded: all but RFC 3986's characters, and "'"
# (safe_url drops a link with one; the schema's pattern refuses it).
_NOT_IN_URL = re.compile(r"[^A-Za-z0-9\-._~:/?#\[\]@!$&()*+,;=%]")
_HOST_HINT = ("write the host name (and a port in digits) after '//', e.g. https://example.org:8080/pfad; "
              "'[', ']' and a second '@' belong in the path only")
_CHARACTER_NAMES = {" ": "a space", "\n": "a line break", "\r": "a line break", "\t": "a tab"}


def _bad_link(path: str, url: str) -> tuple[str, str]:
    if not re.match(r"https?://", url):
        return f"{path}: only http(s) links are allowed, got '{_shown(url)}'", "Use a URL starting with https://"
    bad = _NOT_IN_URL.search(url)
    if bad is None:  # the characters are right, the host is not
        authority = re.split(r"[/?#]", url.split("//", 1)[1], maxsplit=1)[0]
        if not authority.rpartition("@")[2].partition(":")[0]:
            return (f"{path}: the link has no host name after '//'",
                    "write the whole address, as the browser shows it: https://example.org/pfad")
        return (f"{path}: '{_shown(authority)}' in the link is not a host name",
                _HOST_HINT)
    char = bad.group()
    if char in _CHARACTER_NAMES:
        name = _CHARACTER_NAMES[char]
    elif unicodedata.category(char) == "Cc":
        name = f"the control character U+{ord(char):04X}"
    elif char.isprintable() and not char.isspace():
        name = f"'{char}'"
    else:
        name = f"the invisible character U+{ord(char):04X}"
    host = re.match(r"https?://[^/?#]*", url)
    if char in "\r\n":
        hint = "write the link on one line"
    elif host and bad.start() < host.end() and not char.isascii():
        hint = f"write the host name in its ASCII form{_ascii_host(host.group())}, as the address bar gives it when copied"
    elif char == " ":
        hint = "percent-encode spaces as %20"
    else:
        hint = f"percent-encode it as {quote(char, safe='')}"
    return f"{path}: the link has {name} at character {bad.start() + 1}, which a URL cannot hold", hint


def _ascii_host(start: str) -> str:
    """': xn--bcher-kva.de' for 'https://bücher.de', or nothing when it has none."""
    name = start.split("//", 1)[1].rpartition("@")[2].partition(":")[0]
    try:
        return f": {name.encode('idna').decode('ascii')}"
    except UnicodeError:
        return ""


#: JSON Schema types in YAML words, with how to write one
_TYPES = {
    "object": ("fields (key: value lines)", "write one 'key: value' per line, indented under its parent"),
    "array": ("a list", "write each item on its own line starting with '- '"),
    "string": ("text", "put the text in double quotes"),
    "number": ("a number", "write digits only, e.g. 3000 or 2.5 (no words, no units)"),
    "integer": ("a whole number", "write digits only, e.g. 3000 (no dots, words or units)"),
    "boolean": ("true or false", "write true or false"),
}


def _written(value: object) -> str:
    """What the contributor wrote, in their terms rather than Python's."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"'{str(value).lower()}'"
    if isinstance(value, dict):
        return "fields (key: value lines)"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return f"the text '{value}'" if len(value) <= 60 else "a text"
    return f"'{value}'"


def _wrong_type(path: str, expected: str | list[str], value: object) -> tuple[str, str]:
    kinds = [expected] if isinstance(expected, str) else list(expected)
    wanted = " or ".join(_TYPES.get(k, (k, ""))[0] for k in kinds)
    if path == "(top level)" and value is None:
        return "the file is empty", "start from a file of the same kind (dossier new seeds/<file> writes one)"
    return f"{path}: expected {wanted}, got {_written(value)}", _TYPES.get(kinds[0], ("", ""))[1]


def _unknown_fields(doc: YamlDocument, error: jsonschema.ValidationError, at: JsonPath, diagnostics: Diagnostics) -> None:
    """A typo in a field name must not pass silently: one error per unknown key."""
    schema: Any = error.schema
    instance: Any = error.instance
    allowed = list(schema.get("properties", {}))
    for extra in sorted(set(instance) - set(allowed)):
        # An exact field of a list entry says more than a similar name here ('quote' is not 'notes').
        hint = _misplaced(extra, schema) or did_you_mean(extra, allowed) or "allowed fields: " + ", ".join(allowed)
        where = "/".join(str(p) for p in at) or "the top level"
        diagnostics.error(doc.key_at(at + (extra,)), f"unknown field '{_shown(extra)}' in {where}", hint)


def _misplaced(field: str, schema: dict[str, Any]) -> str:
    """A field of a list entry found one level up was almost always indented too little."""
    lists = [
        name for name, value in schema.get("properties", {}).items()
        if field in value.get("items", {}).get("properties", {})
    ]
    if not lists:
        return ""
    where = " or ".join(filter(None, [", ".join(lists[:-1]), lists[-1]]))
    return f"'{field}' is a field of an entry of {where}: indent it like the other fields of that entry (they line up after the '- ')"


def validate(doc: YamlDocument, schema: str, diagnostics: Diagnostics, stand_ins: dict[str, Any] | None = None) -> bool:
    """Report every schema violation in ``doc``; True when the rest can still be checked.

    A value that breaks the schema is dropped with its list entry (a claim,
    an entity) or, an optional field outside lists, alone, so that one run
    checks everything else in the file too; a broken or missing required
    field takes its value from ``stand_ins`` (reported all the same), and
    a file with any other broken required field is not used (False).

    jsonschema explains every violation, but slowly (12 s for 30,000
    claims): a list over its size limit is reported by its size, not entry
    by entry; the compiled validator finds where the other violations are,
    and jsonschema sees only the entries that have them (the first
    _EXPLAINED of a list; the others are counted).
    """
    fast = _fast(schema)
    if fast.is_valid(doc.data):
        return True
    too_long = {at: size for at, size in _oversized(load_schema(schema), doc.data, ())}
    data = _emptied(doc.data, set(too_long), ())
    located = [tuple(e.instance_path) for e in fast.iter_errors(data)]
    kept: dict[JsonPath, list[int]] = {}
    untold: dict[JsonPath, list[int]] = {}
    reduced = _reduce(data, located, (), kept, untold)
    leaves = sorted(
        ((_restore(tuple(leaf.absolute_path), kept), leaf)
         for error in _validator(schema).iter_errors(reduced) for leaf in _leaf_errors(error)),
        key=lambda item: list(map(str, item[0])),
    )
    for at, (limit, size) in sorted(too_long.items()):
        diagnostics.error(doc.at(at), *_too_big(_path_text(at), limit, size, "entries"))
    for at, indices in sorted(untold.items()):
        diagnostics.error(doc.at((*at, indices[0])), f"{_path_text(at)}: {len(indices):,} more entries have errors",
                          f"the first {_EXPLAINED:,} are reported; fix them and check again")
    typos = _typos(leaves)
    for at, leaf in leaves:
        if leaf.validator == "additionalProperties":
            _unknown_fields(doc, leaf, at, diagnostics)
        elif not (leaf.validator == "required" and (at, _missing_field(leaf)) in typos):
            message, hint = _describe(leaf, at)
            diagnostics.error(doc.at(at), message, hint)
    required = set(load_schema(schema).get("required", ()))
    doomed = {_entry(at, required) for at, leaf in leaves if leaf.validator != "additionalProperties"}
    doomed |= {_entry(at, required) for at in too_long}
    doomed |= {_entry((*at, i), required) for at, indices in untold.items() for i in indices}
    if None in doomed:
        fields = {(str(at[0]) if at else _missing_field(leaf)) if at or leaf.validator == "required" else None
                  for at, leaf in leaves if _entry(at, required) is None}
        if stand_ins is None or not isinstance(doc.data, dict) or not fields <= set(stand_ins):
            return False
        for name in sorted(f for f in fields if f is not None):
            doc.data[name] = stand_ins[name]
        doomed.discard(None)
    doc.prune({at for at in doomed if at is not None})
    return True


#: entries of one list whose errors are explained; more would only bury them
_EXPLAINED = 1_000


def _oversized(schema: dict[str, Any], value: Any, at: JsonPath, root: dict[str, Any] | None = None) -> Iterator[tuple[JsonPath, tuple[int, int]]]:
    """Each list longer than its maxItems, with (limit, size); not looked into."""
    root = root or schema
    if "$ref" in schema:
        schema = root["$defs"][schema["$ref"].rsplit("/", 1)[1]]
    if isinstance(value, list):
        limit = schema.get("maxItems")
        if limit is not None and len(value) > limit:
            yield at, (limit, len(value))
        elif isinstance(schema.get("items"), dict):
            for i, item in enumerate(value):
                yield from _oversized(schema["items"], item, (*at, i), root)
    elif isinstance(value, dict):
        fields = schema.get("properties", {})
        others = schema.get("additionalProperties")
        for key, item in value.items():
            sub = fields.get(key, others)
            if isinstance(sub, dict):
                yield from _oversized(sub, item, (*at, key), root)


def _emptied(value: Any, paths: set[JsonPath], at: JsonPath) -> Any:
    """``value`` with the lists at ``paths`` empty (copied along the way, not changed)."""
    if at in paths:
        return []
    if not any(p[: len(at)] == at for p in paths):
        return value
    if isinstance(value, list):
        return [_emptied(item, paths, (*at, i)) for i, item in enumerate(value)]
    return {key: _emptied(item, paths, (*at, key)) for key, item in value.items()}


def _reduce(value: Any, paths: list[JsonPath], at: JsonPath, kept: dict[JsonPath, list[int]], untold: dict[JsonPath, list[int]]) -> Any:
    """``value`` with every list cut to the entries on ``paths``, at most
    _EXPLAINED of them; ``kept`` records which entries each list kept,
    ``untold`` those left out beyond that."""
    depth = len(at)
    below: dict[str | int, list[JsonPath]] = {}  # by the next step
    for path in paths:
        if len(path) > depth:
            below.setdefault(path[depth], []).append(path)
    if isinstance(value, list):
        wanted = sorted(i for i in below if isinstance(i, int) and i < len(value))
        if len(wanted) > _EXPLAINED:
            wanted, untold[at] = wanted[:_EXPLAINED], wanted[_EXPLAINED:]
        kept[at] = wanted
        return [_reduce(value[i], below[i], (*at, i), kept, untold) for i in wanted]
    if isinstance(value, dict) and below:
        return {k: _reduce(v, below[k], (*at, k), kept, untold) if k in below else v for k, v in value.items()}
    return value


def _restore(path: JsonPath, kept: dict[JsonPath, list[int]]) -> JsonPath:
    """A path into the reduced data as a path into the file's data."""
    restored: list[str | int] = []
    for step in path:
        entries = kept.get(tuple(restored))
        restored.append(entries[step] if entries is not None and isinstance(step, int) else step)
    return tuple(restored)


def _entry(at: JsonPath, required: set[str]) -> JsonPath | None:
    """What goes with an invalid value: the list entry it is in, else the
    optional top-level field; None when it is a required field."""
    for i, step in enumerate(at):
        if isinstance(step, int):
            return at[: i + 1]
    if at and at[0] not in required:
        return at[:1]
    return None


def _missing_field(error: jsonschema.ValidationError) -> str:
    return error.message.split("'")[1]


def _typos(leaves: list[tuple[JsonPath, jsonschema.ValidationError]]) -> set[tuple[JsonPath, str]]:
    """(object path, required field) pairs that an unknown field misspells.

    A misspelt required field ('stanse') is one mistake, not two: only the
    unknown field is reported, with its "did you mean 'stance'?".
    """
    missing = {(at, _missing_field(e)) for at, e in leaves if e.validator == "required"}
    found = set()
    for at, error in leaves:
        if error.validator == "additionalProperties" and isinstance(error.instance, dict):
            wanted = [field for path, field in missing if path == at]
            properties: Any = error.schema
            for extra in set(error.instance) - set(properties.get("properties", {})):
                if did_you_mean(extra, wanted):
                    found |= {(at, field) for field in wanted if did_you_mean(extra, [field])}
    return found
