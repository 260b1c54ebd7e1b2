"""Read a YAML file into plain data; find the position of any value on demand.

PyYAML silently keeps the last of two duplicate keys; contributors would
lose an annotation without noticing, so duplicates are an error here.
Positions are only needed for messages, yet recording one for every value
cost a third of the load stage and most of its memory on a large dossier:
a ``Where`` names a value by its path, and the file's positions are worked
out (once, by parsing it again) when the first message asks for one.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import yaml

from .diagnostics import Diagnostics, Position

JsonPath = tuple[str | int, ...]
# libyaml parses ~20× faster than pure Python and gives the same marks.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STR = "tag:yaml.org,2002:str"


# Ids, stances, scopes and keys recur tens of thousands of times in a large
# dossier; one string object each instead of one per occurrence.
_SHARED_UP_TO = 64


def _shared(text: str) -> str:
    return sys.intern(text) if len(text) <= _SHARED_UP_TO else text


def _position(path: str, node: yaml.Node) -> Position:
    return Position(path, node.start_mark.line + 1, node.start_mark.column + 1)


@dataclass(eq=False)
class YamlSource:
    """One YAML file, which can say where each value was written.

    It keeps the file's bytes rather than its text: usually half the memory
    (one „ makes a whole Python string two bytes per character), and a large
    dossier holds thousands of these for the rare message that needs one.
    """

    path: str
    raw: bytes = field(repr=False)

    @cached_property
    def _positions(self) -> tuple[dict[JsonPath, Position], dict[JsonPath, Position]]:
        values: dict[JsonPath, Position] = {}
        keys: dict[JsonPath, Position] = {}

        def walk(node: yaml.Node, at: JsonPath) -> None:
            values[at] = _position(self.path, node)
            if isinstance(node, yaml.MappingNode):
                for key_node, value_node in node.value:
                    name = key_node.value if key_node.tag == _STR else str(_LOADER("").construct_object(key_node))
                    key = at + (name,)
                    if key not in keys:  # a duplicate key is reported, the first one kept
                        keys[key] = _position(self.path, key_node)
                        walk(value_node, key)
            elif isinstance(node, yaml.SequenceNode):
                for i, item in enumerate(node.value):
                    walk(item, at + (i,))

        root = yaml.compose(self.raw.decode("utf-8"), Loader=_LOADER)
        if root is not None:
            walk(root, ())
        return values, keys

    def at(self, path: JsonPath) -> Position:
        """Position of the value at ``path``, or of its nearest ancestor."""
        values = self._positions[0]
        while path not in values and path:
            path = path[:-1]
        return values.get(path, Position(self.path))

    def key_at(self, path: JsonPath) -> Position:
        return self._positions[1].get(path) or self.at(path)


@dataclass(frozen=True, slots=True)
class Where:
    """A value of a YAML file, by path; its line and column are found when asked."""

    source: YamlSource = field(compare=False)
    path: JsonPath
    key: bool = False

    def __truediv__(self, step: str | int) -> Where:
        return Where(self.source, self.path + (step,))

    def resolve(self) -> Position:
        return self.source.key_at(self.path) if self.key else self.source.at(self.path)

    def __str__(self) -> str:
        return str(self.resolve())


@dataclass
class YamlDocument:
    """Plain data (dicts, lists, str, int, float, bool, None) and where it came from."""

    source: YamlSource
    data: Any

    @property
    def path(self) -> str:
        return self.source.path

    def at(self, path: JsonPath) -> Where:
        return Where(self.source, path)

    def key_at(self, path: JsonPath) -> Where:
        return Where(self.source, path, key=True)


class _Builder:
    """Plain data from a composed node tree, refusing duplicate keys."""

    def __init__(self, source: YamlSource, diagnostics: Diagnostics) -> None:
        self.source = source
        self.diagnostics = diagnostics
        self.scalars = _LOADER("")

    def build(self, node: yaml.Node, at: JsonPath) -> Any:
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, at)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, at + (i,)) for i, item in enumerate(node.value)]
        if node.tag == _STR:  # the common case, without PyYAML's constructor machinery
            return _shared(node.value)
        value = self.scalars.construct_object(node)
        if isinstance(value, (dt.date, dt.datetime)):
            # An unquoted 2024-10-18 is a date to PyYAML; the model keeps ISO strings.
            return value.isoformat()
        return value

    def _mapping(self, node: yaml.MappingNode, at: JsonPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = key_node.value if key_node.tag == _STR else self.scalars.construct_object(key_node)
            key = _shared(key if isinstance(key, str) else str(key))
            if key in result:
                first = self.source.key_at(at + (key,))
                self.diagnostics.error(
                    _position(self.source.path, key_node),
                    f"duplicate key '{key}' (first defined at line {first.line})",
                    "YAML keeps only the last value; merge the two entries or rename one.",
                )
                continue
            result[key] = self.build(value_node, at + (key,))
        return result


def _indentation_hint(text: str, line: int, column: int) -> str:
    """Most syntax errors in a hand-edited file are a line indented unlike the
    one before it; say which two lines, counted in spaces, when that is so:
    the error is at the start of the line, and the line before does not open
    a deeper block."""
    lines = text.splitlines()
    if line >= len(lines) or not lines[line].strip():
        return ""
    current = lines[line]
    margin = current[: len(current) - len(current.lstrip())]
    if "\t" in margin:
        return f"line {line + 1} is indented with a tab; YAML needs spaces"
    if column != len(margin):  # e.g. at an unquoted ': ' inside the line
        return ""
    before = next((i for i in range(line - 1, -1, -1) if lines[i].strip() and not lines[i].lstrip().startswith("#")), None)
    if before is None or _OPENS_BLOCK.search(lines[before]):
        return ""
    fields = lines[before]
    indent = len(fields) - len(fields.lstrip())
    other = f"line {before + 1}"
    while fields[indent:].startswith("- "):  # "  - id: x": its fields start after the dash
        indent += 2 + len(fields[indent + 2:]) - len(fields[indent + 2:].lstrip())
        other = f"the fields of line {before + 1}"
    if len(margin) == indent:
        return ""
    return (f"line {line + 1} is indented by {len(margin)} spaces, {other} by {indent}: "
            "fields of one entry line up, and a new entry of a list starts with '- '")


# "key:", "key: |", "key: >-" (a block or block text follows) or an unclosed flow collection.
_OPENS_BLOCK = re.compile(r"(:|:\s+[|>][-+]?\d*|[\[{][^\]}]*)\s*(#.*)?$")


def read_yaml(raw: bytes, shown_path: str, diagnostics: Diagnostics) -> YamlDocument | None:
    """Parse one file's bytes; on a syntax or encoding error report it and return None."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        diagnostics.error(
            Position(shown_path, line),
            f"file is not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start})",
            "Save the file as UTF-8 in your editor.",
        )
        return None
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        position = Position(shown_path, mark.line + 1, mark.column + 1) if mark else Position(shown_path)
        problem = " ".join(str(p) for p in (exc.context, exc.problem) if p)
        if exc.context_mark and exc.problem_mark and exc.context_mark.line != exc.problem_mark.line:
            problem += f" (the unfinished part starts at line {exc.context_mark.line + 1}, column {exc.context_mark.column + 1})"
        diagnostics.error(
            position,
            f"YAML syntax error: {problem}",
            (mark and _indentation_hint(text, mark.line, mark.column))
            or "Check indentation and quoting; strings containing ': ' or '#' need quotes.",
        )
        return None
    except yaml.YAMLError as exc:
        diagnostics.error(Position(shown_path), f"YAML error: {exc}")
        return None
    source = YamlSource(shown_path, raw)
    data = _Builder(source, diagnostics).build(node, ()) if node is not None else None
    return YamlDocument(source, data)
