"""Read a YAML file into plain data; find the position of any value on demand.

PyYAML silently keeps the last of two duplicate keys; contributors would
lose an annotation without noticing, so duplicates are an error here.
Positions are only needed for messages, yet recording one for every value
cost a third of the load stage and most of its memory on a large dossier:
a ``Where`` names a value by its path, and the file's positions are worked
out (once, by parsing it again) when the first message asks for one.

Both passes read libyaml's event stream in one flat loop, never a node tree
and never recursively, so that a hostile file stays bounded in time and
memory: aliases (ten lines of "billion laughs" expand to billions of
values), tags other than YAML's plain values (``!!binary``,
``!!python/name:...``), nesting deeper than ``YAML_DEPTH`` and more than
``YAML_NODES`` values are refused where they are written.
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
from .limits import YAML_BYTES, YAML_DEPTH, YAML_NODES

JsonPath = tuple[str | int, ...]
# libyaml parses ~20× faster than pure Python and gives the same marks.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_YAML = "tag:yaml.org,2002:"
_STR = _YAML + "str"
_INT = _YAML + "int"
_TIMESTAMP = _YAML + "timestamp"
#: the tags a plain value may have, written or implied: how PyYAML reads it, and what it is
_SCALARS = {
    _INT: ("construct_yaml_int", "a whole number"),
    _YAML + "float": ("construct_yaml_float", "a number"),
    _YAML + "bool": ("construct_yaml_bool", "true or false"),
    _YAML + "null": ("construct_yaml_null", "nothing"),
    _TIMESTAMP: ("construct_yaml_timestamp", "a date"),
}
_COLLECTION_TAGS = (None, "!", _YAML + "map", _YAML + "seq")
_NO_TAGS = "remove the tag: these files hold plain text, numbers, true or false, lists and fields"
# The first characters of plain values that may be something else than text
# (true, null, 12, 2024-10-18); the others are text without asking the
# resolver. SafeLoader has no resolver for any first character (key None).
_PLAIN_FIRST = frozenset(_LOADER.yaml_implicit_resolvers)
_DEEP = "annotation files nest a few levels (claims, a claim, its value): check the indentation and that every [ and { is closed"
_START = (yaml.MappingStartEvent, yaml.SequenceStartEvent)

Problem = tuple[str, str]  # a message and a hint


# Ids, stances, scopes and keys recur tens of thousands of times in a large
# dossier; one string object each instead of one per occurrence.
_SHARED_UP_TO = 64


def _shared(text: str) -> str:
    return sys.intern(text) if len(text) <= _SHARED_UP_TO else text


def _position(path: str, mark: Any) -> Position:
    return Position(path, mark.line + 1, mark.column + 1)


def _tag(tag: str) -> str:
    """A tag as it was written: !!binary rather than tag:yaml.org,2002:binary."""
    return "!!" + tag[len(_YAML):] if tag.startswith(_YAML) else tag


def _cut(text: str, most: int = 40) -> str:
    return text if len(text) <= most else text[:most] + f"… ({len(text):,} characters)"


def _scalar(loader: Any, event: yaml.ScalarEvent) -> tuple[Any, Problem | None]:
    """The value of a scalar, or None and why it cannot be read.

    An unquoted 2024-10-18 is a date to PyYAML; the model keeps ISO strings,
    and keeps 2025-02-30 as written, for the date checks to explain.
    """
    tag, text = event.tag, event.value
    explicit = tag is not None and tag != "!"
    if not explicit:
        if not event.implicit[0]:  # quoted or block text: the common case, without PyYAML's machinery
            return _shared(text), None
        tag = loader.resolve(yaml.ScalarNode, text, event.implicit)
    if tag == _STR:
        return _shared(text), None
    if tag not in _SCALARS:
        return None, (f"YAML tag {_tag(tag or '')} is not supported here", _NO_TAGS)
    method, what = _SCALARS[tag]
    try:
        value = getattr(loader, method)(yaml.ScalarNode(tag, text, event.start_mark, event.end_mark, event.style))  # type: ignore[arg-type]  # libyaml's Mark
    except (ValueError, KeyError, AttributeError, TypeError, IndexError, OverflowError):
        digits = sum(c.isdigit() for c in text)
        if tag == _INT and digits > sys.get_int_max_str_digits() > 0:
            return None, (f"a number of {digits:,} digits is too long to read",
                          "write a count with its real digits; if it is text, put it in double quotes")
        if tag == _TIMESTAMP and not explicit:
            return _shared(text), None
        return None, (f"'{_cut(text)}' is not {what}, as its tag {_tag(tag)} says",
                      f"write {what} there, or remove the tag {_tag(tag)}")
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat(), None
    return value, None


def _key_name(value: Any) -> str:
    return _shared(value if isinstance(value, str) else str(value))


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
    def _positions(self) -> tuple[dict[JsonPath, Any], dict[JsonPath, Any]]:
        """Where each value and key starts (libyaml's marks), by path; a
        duplicate key's value is not walked.

        Called for messages only, also on a file being refused, so it stops
        quietly at the limits and at a syntax error.
        """
        values: dict[JsonPath, Any] = {}
        keys: dict[JsonPath, Any] = {}
        # One entry per open collection: its path (None: not recorded) and,
        # for a list, the next index; for a mapping, _KEY when a key comes
        # next, else the path of the value to come (None: not recorded).
        stack: list[list[Any]] = []
        loader = _LOADER(self.raw.decode("utf-8"))
        get_event = loader.get_event
        count = 0
        try:
            while True:
                event = get_event()
                kind = type(event)
                if kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                    stack.pop()
                    continue
                if kind is yaml.StreamEndEvent:
                    break
                if kind is not yaml.ScalarEvent and kind is not yaml.AliasEvent and kind not in _START:
                    continue
                count += 1
                if count > YAML_NODES or len(stack) > YAML_DEPTH:
                    break
                at: JsonPath | None = ()
                if stack:
                    frame = stack[-1]
                    path, mapping, state = frame
                    if not mapping:
                        at = None if path is None else (*path, state)
                        frame[2] = state + 1
                    elif state is _KEY:
                        key = None
                        if path is not None and kind is yaml.ScalarEvent:
                            text = event.value
                            name = text if event.tag is None and not event.implicit[0] else _key_name(_scalar(loader, event)[0])
                            key = (*path, name)
                            if key in keys:
                                key = None
                            else:
                                keys[key] = event.start_mark
                        frame[2] = key
                        at = None  # keys are in `keys`; a key that is a list or fields is not walked
                    else:
                        at = state
                        frame[2] = _KEY
                if at is not None:
                    values[at] = event.start_mark
                if kind is yaml.MappingStartEvent:
                    stack.append([at, True, _KEY])
                elif kind is yaml.SequenceStartEvent:
                    stack.append([at, False, 0])
        except yaml.YAMLError:
            pass
        finally:
            loader.dispose()
        return values, keys

    def at(self, path: JsonPath) -> Position:
        """Position of the value at ``path``, or of its nearest ancestor."""
        values = self._positions[0]
        while path not in values and path:
            path = path[:-1]
        mark = values.get(path)
        return _position(self.path, mark) if mark else Position(self.path)

    def key_at(self, path: JsonPath) -> Position:
        mark = self._positions[1].get(path)
        return _position(self.path, mark) if mark else self.at(path)


_KEY = object()  # a mapping expects a key next
_DROP = object()  # the value that follows a refused key is read but not kept


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
    """Plain data (dicts, lists, str, int, float, bool, None) and where it came from.

    ``prune`` may drop entries of a list after reading (an invalid claim, so
    that the others are still checked); ``at`` then still names the
    positions of the file as it was written.
    """

    source: YamlSource
    data: Any
    #: lists with entries dropped: the original index of each kept entry
    renumbered: dict[JsonPath, list[int]] = field(default_factory=dict)
    #: something invalid was dropped: what refers to it cannot be judged
    pruned: bool = False

    @property
    def path(self) -> str:
        return self.source.path

    def at(self, path: JsonPath) -> Where:
        return Where(self.source, self._written(path))

    def key_at(self, path: JsonPath) -> Where:
        return Where(self.source, self._written(path), key=True)

    def _written(self, path: JsonPath) -> JsonPath:
        if not self.renumbered:
            return path
        steps = list(path)
        for i, step in enumerate(path):
            kept = self.renumbered.get(path[:i])
            if kept is not None and isinstance(step, int) and 0 <= step < len(kept):
                steps[i] = kept[step]
        return tuple(steps)

    def prune(self, doomed: set[JsonPath]) -> None:
        """Drop the fields and list entries at these paths (as written; none inside another)."""
        lists: dict[JsonPath, set[int]] = {}
        self.pruned = self.pruned or bool(doomed)
        for path in doomed:
            *parent_path, last = path
            parent = self._value(tuple(parent_path))
            if isinstance(parent, dict):
                parent.pop(last, None)
            elif isinstance(parent, list) and isinstance(last, int):
                lists.setdefault(tuple(parent_path), set()).add(last)
        for list_path, gone in lists.items():
            entries = self._value(list_path)
            kept = [i for i in range(len(entries)) if i not in gone]
            entries[:] = [entries[i] for i in kept]
            self.renumbered[list_path] = kept

    def _value(self, path: JsonPath) -> Any:
        value = self.data
        for step in path:
            value = value[step]
        return value


class _Map:
    """A mapping being read: its fields, and the key whose value comes next."""

    __slots__ = ("data", "key", "last")

    def __init__(self) -> None:
        self.data: dict[str, Any] = {}
        self.key: Any = _KEY
        self.last: str = ""  # the key of the latest value, for paths


class _Builder:
    """Plain data from the event stream, refusing what a hostile file could abuse.

    A duplicate key is reported and the file still used (its first value
    kept); any other problem is reported where it was written, reading goes
    on to find the others, and ``refused`` tells that the data is not to be
    used. Past the depth or size limit, reading stops.
    """

    def __init__(self, source: YamlSource, diagnostics: Diagnostics) -> None:
        self.source = source
        self.diagnostics = diagnostics
        self.refused = False
        #: where each anchor and alias is: an anchor without an alias is refused
        #: too, as it is mostly a text that starts with '&' and loses its first word
        self.references: list[Any] = []

    def _error(self, mark: Any, message: str, hint: str) -> None:
        self.diagnostics.error(_position(self.source.path, mark), message, hint)
        self.refused = True

    def build(self, text: str) -> Any:
        loader = _LOADER(text)
        try:
            return self._read(loader)
        finally:
            loader.dispose()
            if self.references:  # the same mistake throughout a file: once, with a count
                more = len(self.references) - 1
                self._error(self.references[0], "YAML anchors and aliases (&name / *name) are not supported here"
                            + (f" ({more:,} more below)" if more else ""),
                            "write the value out in full where it is needed; put a text that starts with & or * in quotes")

    def _read(self, loader: Any) -> Any:
        """One loop over the events; the common cases first and inline (a large dossier has millions)."""
        stack: list[Any] = []  # the open collections: a list, or a _Map
        top: Any = None  # stack[-1]
        root: Any = None
        count = 0
        documents = 0
        get_event = loader.get_event
        while True:
            event = get_event()
            kind = type(event)
            if kind is yaml.ScalarEvent:
                text = event.value
                if event.anchor is not None:
                    self.references.append(event.start_mark)
                if event.tag is None and (not event.implicit[0] or text[:1] not in _PLAIN_FIRST):
                    value = text if len(text) > _SHARED_UP_TO else sys.intern(text)
                else:
                    value, problem = _scalar(loader, event)
                    if problem:
                        self._error(event.start_mark, *problem)
                data = value
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                if event.anchor is not None:
                    self.references.append(event.start_mark)
                if len(stack) == YAML_DEPTH:
                    self._error(event.start_mark, f"values are nested more than {YAML_DEPTH} levels deep", _DEEP)
                    return None
                if event.tag not in _COLLECTION_TAGS:
                    self._error(event.start_mark, f"YAML tag {_tag(event.tag)} is not supported here", _NO_TAGS)
                if kind is yaml.MappingStartEvent:
                    value = _Map()
                    data = value.data
                else:
                    value = data = []
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                stack.pop()
                top = stack[-1] if stack else None
                continue
            elif kind is yaml.AliasEvent:
                self.references.append(event.start_mark)
                value = data = None
            elif kind is yaml.StreamEndEvent:
                return root
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    self._error(event.start_mark, "a second YAML document ('---') in one file",
                                "one file holds one document: remove the '---' line")
                    return None
                continue
            else:
                continue
            count += 1
            if count > YAML_NODES:
                self._error(event.start_mark, f"more than {YAML_NODES:,} values in one file",
                            "split the file: even the largest annotation file holds a few thousand")
                return None
            if top is None:
                root = data
            elif type(top) is list:
                top.append(data)
            elif top.key is _KEY:
                top.key = self._key(stack, data, event)
            else:
                if top.key is not _DROP:
                    top.data[top.key] = data
                top.key = _KEY
            if kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                stack.append(value)
                top = value

    def _key(self, stack: list[Any], data: Any, event: Any) -> Any:
        top = stack[-1]
        if isinstance(data, (dict, list)):
            top.last = "?"
            self._error(event.start_mark, "a key must be a name, not a list or fields",
                        "write 'name: value'; a '?' at the start of a line makes a complex key")
            return _DROP
        key = top.last = data if type(data) is str else _key_name(data)
        if key in top.data:
            first = self.source.key_at(_path(stack) + (key,))
            self.diagnostics.error(
                _position(self.source.path, event.start_mark),
                f"duplicate key '{_cut(key)}' (first defined at line {first.line})",
                "YAML keeps only the last value; merge the two entries or rename one.",
            )
            return _DROP
        return key


def _path(stack: list[Any]) -> JsonPath:
    """The path of the innermost open collection."""
    return tuple(len(parent) - 1 if type(parent) is list else parent.last for parent in stack[:-1])


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


def _quote_problem(text: str, exc: yaml.MarkedYAMLError) -> tuple[Any, str] | None:
    """An unclosed or unescaped quote, which YAML reports where it gives up
    (often lines later): the position and message to report instead."""
    gave_up = exc.problem_mark
    if gave_up is None:
        return None
    where = f"line {gave_up.line + 1}, column {gave_up.column + 1}"
    if exc.context == "while scanning a quoted scalar" and exc.context_mark:
        message = f"the quoted text that starts here is never closed (YAML gives up at {where}: {exc.problem})"
        return exc.context_mark, message
    last = None
    try:
        for token in yaml.scan(text, Loader=_LOADER):
            if token.start_mark.index >= gave_up.index:
                break
            if isinstance(token, yaml.ScalarToken) and token.style in ("'", '"'):
                last = token
    except yaml.YAMLError:
        pass
    if last is None or last.end_mark.line != gave_up.line:
        return None
    problem = " ".join(str(p) for p in (exc.context, exc.problem) if p)
    if last.start_mark.line != last.end_mark.line:
        message = f"the quoted text that starts here runs on to {where}, where YAML gives up ({problem}): is its closing quote missing?"
        return last.start_mark, message
    if gave_up.column - last.end_mark.column <= 2:  # "NIS "meldet" 12": the second quote ends the text
        message = (f"the quoted text that starts at column {last.start_mark.column + 1} ends at column "
                   f"{last.end_mark.column}, and what follows it is not YAML ({problem})")
        return gave_up, message
    return None


_QUOTES = ('end a quoted text with the quote it starts with; a " inside "..." is written \\" '
           "(or put the text in single quotes, where a ' is written '')")


def syntax_error(text: str, path: str, exc: yaml.MarkedYAMLError, diagnostics: Diagnostics) -> None:
    """Report a YAML syntax error where the mistake most likely is, with a hint how to fix it."""
    _clamp(text, exc)
    quote = _quote_problem(text, exc)
    if quote:
        diagnostics.error(_position(path, quote[0]), f"YAML syntax error: {quote[1]}", _QUOTES)
        return
    mark = exc.problem_mark or exc.context_mark
    position = _position(path, mark) if mark else Position(path)
    if "maximum nesting depth" in str(exc.problem):  # libyaml's own limit (1,000), met by [[[[… before ours
        diagnostics.error(position, f"values are nested more than {YAML_DEPTH} levels deep", _DEEP)
        return
    problem = " ".join(str(p) for p in (exc.context, exc.problem) if p)
    if exc.context_mark and exc.problem_mark and exc.context_mark.line != exc.problem_mark.line:
        problem += f" (the unfinished part starts at line {exc.context_mark.line + 1}, column {exc.context_mark.column + 1})"
    diagnostics.error(
        position,
        f"YAML syntax error: {problem}",
        (mark and _indentation_hint(text, mark.line, mark.column))
        or "Check indentation and quoting; strings containing ': ' or '#' need quotes.",
    )


#: the line breaks libyaml counts lines by
_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def _clamp(text: str, exc: yaml.MarkedYAMLError) -> None:
    """Move the error's marks into the file: at the end of a file without a
    final line break, libyaml reports the line after the last."""
    lines = _BREAK.split(text)
    for name in ("problem_mark", "context_mark"):
        mark = getattr(exc, name)
        if mark is None:
            continue
        line = min(mark.line, len(lines) - 1)
        column = min(mark.column, len(lines[line])) if line == mark.line else len(lines[line])
        if (line, column) != (mark.line, mark.column):
            setattr(exc, name, yaml.Mark(mark.name, mark.index, line, column, None, None))  # type: ignore[arg-type]  # no buffer: no snippet


def read_yaml(raw: bytes, shown_path: str, diagnostics: Diagnostics) -> YamlDocument | None:
    """Parse one file's bytes; on any error report it (all of them) and return None."""
    if len(raw) > YAML_BYTES:
        diagnostics.error(Position(shown_path), f"file is {len(raw):,} bytes, the limit is {YAML_BYTES:,}",
                          "split it: even the annotations of a long article take about 50 KB")
        return None
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
    source = YamlSource(shown_path, raw)
    builder = _Builder(source, diagnostics)
    try:
        data = builder.build(text)
    except yaml.MarkedYAMLError as exc:
        syntax_error(text, shown_path, exc, diagnostics)
        return None
    except yaml.reader.ReaderError as exc:  # libyaml counts in bytes of UTF-8
        lines = _BREAK.split(raw[: exc.position].decode("utf-8", "replace"))
        position = Position(shown_path, len(lines), len(lines[-1]) + 1)
        diagnostics.error(position, f"character U+{exc.character:04X} is not allowed in YAML ({exc.reason})",
                          "delete it: most editors do not show it (write a line break or tab inside double quotes as \\n or \\t)")
        return None
    except yaml.YAMLError as exc:
        diagnostics.error(Position(shown_path), f"YAML error: {exc}")
        return None
    return None if builder.refused else YamlDocument(source, data)
