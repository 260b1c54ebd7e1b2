"""Read a YAML file into plain data plus the position of every value.

PyYAML silently keeps the last of two duplicate keys; contributors would
lose an annotation without noticing, so duplicates are an error here.
Positions let every later stage point at file:line:column.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .diagnostics import Diagnostics, Position

JsonPath = tuple[str | int, ...]
# libyaml parses ~20× faster than pure Python and gives the same marks.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STR = "tag:yaml.org,2002:str"


@dataclass
class YamlDocument:
    """Plain data (dicts, lists, str, int, float, bool, None) with positions."""

    path: str
    data: Any
    value_positions: dict[JsonPath, Position] = field(default_factory=dict)
    key_positions: dict[JsonPath, Position] = field(default_factory=dict)

    def at(self, path: JsonPath) -> Position:
        """Position of the value at ``path``, or of its nearest ancestor."""
        while path not in self.value_positions and path:
            path = path[:-1]
        return self.value_positions.get(path, Position(self.path))

    def key_at(self, path: JsonPath) -> Position:
        return self.key_positions.get(path) or self.at(path)


def _position(path: str, node: yaml.Node) -> Position:
    return Position(path, node.start_mark.line + 1, node.start_mark.column + 1)


class _Builder:
    def __init__(self, path: str, diagnostics: Diagnostics) -> None:
        self.path = path
        self.diagnostics = diagnostics
        self.doc = YamlDocument(path, None)
        self.scalars = _LOADER("")

    def build(self, node: yaml.Node, at: JsonPath) -> Any:
        self.doc.value_positions[at] = _position(self.path, node)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, at)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, at + (i,)) for i, item in enumerate(node.value)]
        if node.tag == _STR:
            return node.value  # the common case, without PyYAML's constructor machinery
        value = self.scalars.construct_object(node)
        if isinstance(value, (dt.date, dt.datetime)):
            # An unquoted 2024-10-18 is a date to PyYAML; the model keeps ISO strings.
            return value.isoformat()
        return value

    def _mapping(self, node: yaml.MappingNode, at: JsonPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = self.scalars.construct_object(key_node)
            if not isinstance(key, str):
                key = str(key)
            if key in result:
                first = self.doc.key_positions[at + (key,)]
                self.diagnostics.error(
                    _position(self.path, key_node),
                    f"duplicate key '{key}' (first defined at line {first.line})",
                    "YAML keeps only the last value; merge the two entries or rename one.",
                )
                continue
            self.doc.key_positions[at + (key,)] = _position(self.path, key_node)
            result[key] = self.build(value_node, at + (key,))
        return result


def read_yaml(file: Path, shown_path: str, diagnostics: Diagnostics) -> YamlDocument | None:
    """Parse one file; on a syntax or encoding error report it and return None."""
    try:
        text = file.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        line = file.read_bytes()[: exc.start].count(b"\n") + 1
        diagnostics.error(
            Position(shown_path, line),
            f"file is not valid UTF-8 (byte 0x{file.read_bytes()[exc.start]:02x} at offset {exc.start})",
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
            "Check indentation and quoting; strings containing ': ' or '#' need quotes.",
        )
        return None
    except yaml.YAMLError as exc:
        diagnostics.error(Position(shown_path), f"YAML error: {exc}")
        return None
    builder = _Builder(shown_path, diagnostics)
    builder.doc.data = builder.build(node, ()) if node is not None else None
    return builder.doc
