"""Validate YAML documents against the JSON Schemas that editors use too.

The same files in ``dossier/schemas/`` drive VS Code completion (through
``# yaml-language-server: $schema=...``) and this validator, so the two can
never disagree.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from typing import Any

import jsonschema
import jsonschema_rs

from .diagnostics import Diagnostics, did_you_mean
from .yamlfile import YamlDocument

SCHEMAS = ("article", "entities", "propositions")


@cache
def load_schema(name: str) -> dict[str, Any]:
    text = resources.files("dossier").joinpath(f"schemas/{name}.schema.json").read_text("utf-8")
    return json.loads(text)


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


def _describe(error: jsonschema.ValidationError) -> tuple[str, str]:
    """A message and a hint for one violation of a value."""
    path = "/".join(str(p) for p in error.absolute_path) or "(top level)"
    kind = error.validator
    if kind == "required":
        return f"missing required field {error.message.split(' is a required')[0]} in {path}", ""
    if kind == "enum":
        options = [str(o) for o in error.validator_value]
        hint = did_you_mean(str(error.instance), options) or "allowed: " + ", ".join(options)
        return f"{path}: '{error.instance}' is not allowed here", hint
    if kind == "pattern" and str(error.validator_value).startswith("^https?"):
        return f"{path}: only http(s) links are allowed, got '{error.instance}'", "Use a URL starting with https://"
    if kind == "pattern" and "a-z0-9" in str(error.validator_value):
        slug = re.sub(r"[^a-z0-9]+", "-", str(error.instance).lower()).strip("-")
        return (
            f"{path}: '{error.instance}' is not a valid id",
            (f"did you mean '{slug}'? " if slug else "")
            + "ids are lowercase letters and digits joined by single hyphens, e.g. 'kyrylo-budanov'",
        )
    if kind == "type":
        return _wrong_type(path, error.validator_value, error.instance)
    if kind == "oneOf":
        return f"{path}: {error.instance!r} is not a valid value here", error.schema.get("description", "")
    return f"{path}: {error.message}", ""


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


def _unknown_fields(doc: YamlDocument, error: jsonschema.ValidationError, diagnostics: Diagnostics) -> None:
    """A typo in a field name must not pass silently: one error per unknown key."""
    at = tuple(error.absolute_path)
    allowed = list(error.schema.get("properties", {}))
    for extra in sorted(set(error.instance) - set(allowed)):
        # An exact field of a list entry says more than a similar name here ('quote' is not 'notes').
        hint = _misplaced(extra, error.schema) or did_you_mean(extra, allowed) or "allowed fields: " + ", ".join(allowed)
        where = "/".join(str(p) for p in at) or "the top level"
        diagnostics.error(doc.key_at(at + (extra,)), f"unknown field '{extra}' in {where}", hint)


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


def validate(doc: YamlDocument, schema: str, diagnostics: Diagnostics) -> bool:
    """Report every schema violation in ``doc``; True when there was none.

    jsonschema explains every violation, but slowly; it only runs once the
    compiled validator has found that there is something to explain.
    """
    if _fast(schema).is_valid(doc.data):
        return True
    leaves = [
        leaf
        for error in sorted(_validator(schema).iter_errors(doc.data), key=lambda e: list(map(str, e.absolute_path)))
        for leaf in _leaf_errors(error)
    ]
    typos = _typos(leaves)
    for leaf in leaves:
        at = tuple(leaf.absolute_path)
        if leaf.validator == "additionalProperties":
            _unknown_fields(doc, leaf, diagnostics)
        elif not (leaf.validator == "required" and (at, _missing_field(leaf)) in typos):
            message, hint = _describe(leaf)
            diagnostics.error(doc.at(at), message, hint)
    return not leaves


def _missing_field(error: jsonschema.ValidationError) -> str:
    return error.message.split("'")[1]


def _typos(leaves: list[jsonschema.ValidationError]) -> set[tuple[tuple, str]]:
    """(object path, required field) pairs that an unknown field misspells.

    A misspelt required field ('stanse') is one mistake, not two: only the
    unknown field is reported, with its "did you mean 'stance'?".
    """
    missing = {(tuple(e.absolute_path), _missing_field(e)) for e in leaves if e.validator == "required"}
    found = set()
    for error in leaves:
        if error.validator == "additionalProperties" and isinstance(error.instance, dict):
            at = tuple(error.absolute_path)
            wanted = [field for path, field in missing if path == at]
            for extra in set(error.instance) - set(error.schema.get("properties", {})):
                if did_you_mean(extra, wanted):
                    found |= {(at, field) for field in wanted if did_you_mean(extra, [field])}
    return found
