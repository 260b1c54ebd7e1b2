"""Property-based fuzzing of the hostile-input surface (issue 15).

Four properties, each over inputs Hypothesis generates: the YAML loader
never raises and places every message inside the file; a quote cut from
an article resolves to exactly the span it came from; escaped text renders
as the same inert text; and ``dossier check`` and ``dossier build --no-site``
on a project full of hostile strings end with exit code 0 or 1 and pages
without active content.

The runs are derandomized (the same examples every time, so CI is
deterministic) and small: the whole file takes about ten seconds. To fuzz for
longer, with fresh random examples each run, set DOSSIER_FUZZ_SCALE, e.g.
``DOSSIER_FUZZ_SCALE=50 .venv/bin/python -m pytest tests/test_fuzz.py``.

Bugs the fuzzer found that are not fixed yet are listed in KNOWN_BUGS, each
with its minimal input. The property tests step over exactly those failures
(matched by where they are raised or which assertion fails), so that the
suite passes while the fix is under way; ``test_known_bug`` runs each
minimal input as a strict xfail, which turns into a failure the moment the
fix lands: then move the entry to FIXED, and the property covers it again,
its minimal input kept as an explicit example.
"""

from __future__ import annotations

import contextlib
import io
import math
import os
import re
import signal
import tempfile
import time
import traceback
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

import markdown
import pytest
import yaml
from conftest import REGISTRIES
from helpers import ROOT
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser, LexborNode

import dossier
from dossier.anchor import anchor_article, resolve
from dossier.cli import main
from dossier.diagnostics import Diagnostics, Position
from dossier.escape import md_line, md_text, safe_url
from dossier.load import Project, Registry, load_article, load_registry
from dossier.markup import paragraphs
from dossier.model import Article, Selector
from dossier.pages.markdown import link_target
from dossier.schema import validate
from dossier.textindex import TextIndex, comparable
from dossier.yamlfile import read_yaml

# ---------------------------------------------------------------- budget

SCALE = int(os.environ.get("DOSSIER_FUZZ_SCALE", "1") or 1)


def budget(examples: int) -> settings:
    """Derandomized unless DOSSIER_FUZZ_SCALE asks for a longer, random run."""
    return settings(
        max_examples=examples * SCALE,
        derandomize=SCALE == 1,
        database=None,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


# ---------------------------------------------------------------- known bugs

PACKAGE = Path(dossier.__file__).parent


@dataclass(frozen=True)
class KnownBug:
    """A failure the fuzzer found that is not fixed yet (issue 15).

    ``where`` names the deepest dossier function of a crash
    ("yamlfile.py:build", with the exception types in ``errors``), or the
    tag that starts the message of a failed assertion ("[position]").
    """

    name: str
    prop: str  # the property: a key of CHECKS
    where: str
    reason: str
    example: Any
    errors: tuple[type[BaseException], ...] = ()
    #: what an input has that sets the bug off; a failure on any other input is new
    trigger: Callable[[Any], bool] = lambda case: True

    def matches(self, exc: BaseException, case: Any) -> bool:
        if self.where.startswith("["):
            found = isinstance(exc, AssertionError) and str(exc).startswith(self.where)
        else:
            found = _crash_site(exc) == self.where and isinstance(exc, self.errors)
        return found and self.trigger(case)


def _crash_site(exc: BaseException) -> str:
    """file:function of the deepest dossier function in the traceback (comprehensions
    are frames of their own before Python 3.12 and are skipped)."""
    frames = [
        f for f in traceback.extract_tb(exc.__traceback__)
        if Path(f.filename).parent == PACKAGE and not f.name.startswith("<")
    ]
    return f"{Path(frames[-1].filename).name}:{frames[-1].name}" if frames else ""


KNOWN_BUGS: list[KnownBug] = []


@dataclass(frozen=True)
class Fixed:
    """A bug the fuzzer found and that is fixed: its minimal input stays an example of its property."""

    name: str
    prop: str  # the property: a key of CHECKS
    reason: str  # what went wrong
    example: Any


FIXED: list[Fixed] = [
    # The YAML loader (yamlfile.py, schema.py)
    Fixed("unknown-tag", "yaml", "an unknown tag (!foo, !!python/name:x) crashed read_yaml", b"seed: !foo a.txt\n"),
    Fixed("merge-key", "yaml", "a merge key '<<' crashed read_yaml", b"<<: {a: 1}\n"),
    Fixed("impossible-date", "yaml", "an impossible date (2025-02-30) crashed read_yaml",
          b"seed: a.txt\ntitle: T\nlanguage: de\npublished: 2025-02-30\npublished_basis: Datumszeile\n"),
    Fixed("tagged-value", "yaml", "a standard tag on a value it cannot convert (!!int a) crashed read_yaml",
          b"seed: !!int a.txt\n"),
    Fixed("empty-tagged-value", "yaml", "a standard tag on an empty value (!!int) crashed read_yaml with IndexError",
          b"seed: !!int\n"),
    Fixed("unused-anchor", "yaml", "an anchor without an alias was accepted ('&Co Verlag' read as 'Verlag'), "
          "a repeated one too, which safe_load refuses", b"seed: &a a.txt\ntitle: &a x\n"),
    Fixed("tagged-key", "yaml", "a standard tag on a key it cannot convert (!!int a: 1) crashed read_yaml", b"!!int a: 1\n"),
    Fixed("binary", "yaml", "!!binary made bytes, which crashed the schema validation", b"seed: !!binary aGVsbG8=\n"),
    Fixed("alias-cycle", "yaml", "an alias inside its own anchor recursed until RecursionError", b"- &a [*a]\n"),
    Fixed("deep-nesting", "yaml", "999 nested lists exceeded Python's recursion limit instead of limits.YAML_DEPTH",
          b"a: " + b"[" * 999 + b"]" * 999 + b"\n"),
    Fixed("set-tag", "yaml", "!!set on a text loaded silently as an empty Python set", b"title: !!set x\n"),
    Fixed("complex-key", "yaml", "a list or mapping as a key was silently renamed '[]' or '{}'", b"? [a]\n: 1\n"),
    Fixed("collection-tag", "yaml", "a tag on a list or mapping (!!python/name:x {...}) was silently ignored",
          b"--- !foo {}\n"),
    Fixed("end-of-file-line", "yaml",
          "an error at the end of a file without a final line break was reported on the line after the last", b"["),
    Fixed("reader-error", "yaml", "a character YAML forbids was reported as PyYAML's 'in \"<unicode string>\", position N'",
          b"title: a\x00b\n"),
    Fixed("reader-error-after-cr", "yaml", "a character YAML forbids after a lone CR was placed on the line before, "
          "where libyaml and editors see a line break", b"\r\x00"),
    Fixed("reader-error-position", "control", "a character YAML forbids was reported at line 1, column 1, not where it is",
          (b"seed: a.txt\ntitle: a\x00b\n", 2, 9)),
    # Escaping (escape.py, load.py)
    Fixed("carriage-return", "escape", "md_text kept CR, a line break to Markdown: 'a\\r\\r1. b' rendered a list, "
          "'a\\r\\r    x' a code block, 'a  \\rb' a <br>", "a\r\r1. b"),
    Fixed("line-feed", "escape", "md_text kept LF: 'a\\n\\n1. b' rendered a list", "a\n\n1. b"),
    Fixed("carriage-return-in-seed", "paragraphs",
          "a seed line with CR became Markdown structure ('a\\r\\r1. b' a list) on the article page", "a\r\r1. b"),
    Fixed("indented-ordinal", "paragraphs", "a seed line '  1. Punkt' became a list: the ordinal was escaped only "
          "at the very start, and markup strips the spaces after escaping", "  1. Punkt"),
    # Anchoring (anchor.py)
    Fixed("blank-quote", "anchor",
          "a quote of only white space (the schema allows ' ') with a suffix resolved to an empty span",
          ("a", 0, 0, " ", "", "a")),
    Fixed("slow-closest-passage", "missing",
          "the closest passage to a missing quote was searched in quadratic time: a 230-character quote "
          "(words of the article in another order) took 6 s in a 1,400-character article",
          (" ".join(f"w{i}" for i in range(300)), " ".join(f"w{i}" for i in range(60, 0, -1)))),
    # Values (values.py)
    Fixed("huge-count", "project", "a count above 1.8e308 (an int float() cannot hold) crashed dossier check",
          {"seeds/a.txt": "12.000 Soldaten\n",
           "content/articles/a.yml": "seed: a.txt\ntitle: T\nlanguage: de\nclaims:\n  - id: c\n    quote: Soldaten\n"
           "    proposition: troops\n    scope: total\n    value: 1" + "0" * 309 + "\n    attributed_to: nis\n"
           "    stance: reports\n"}),
    # Links (escape.py)
    Fixed("url-backslash", "url", "safe_url accepted a URL ending in a backslash, which escapes the '>' of the autolink",
          "http://x\\"),
    Fixed("url-no-host", "url", "safe_url accepted a URL without a host ('http:///')", "http:///"),
    Fixed("url-control-character", "url", "safe_url accepted control characters ('http://x\\x1b')", "http://x\x1b"),
]


def known(prop: str) -> list[KnownBug]:
    return [bug for bug in KNOWN_BUGS if bug.prop == prop]


def tolerating(prop: str, case: Any) -> None:
    """Check one input; a failure that is a known bug is counted, not raised."""
    try:
        CHECKS[prop](case)
    except Exception as exc:  # any crash is a finding
        bug = next((b for b in known(prop) if b.matches(exc, case)), None)
        if bug is None:
            raise
        event(f"known bug: {bug.name}")


def with_known_examples(prop: str, wrap: Callable[[Any], dict[str, Any]]) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Every known and every fixed bug of a property is also an explicit @example of it."""

    def decorate(test: Callable[..., None]) -> Callable[..., None]:
        for case in [bug.example for bug in known(prop)] + [bug.example for bug in FIXED if bug.prop == prop]:
            test = example(**wrap(case))(test)
        return test

    return decorate


# ---------------------------------------------------------------- shared strategies

#: fragments that mean something to YAML, Markdown, HTML, Jinja or a terminal
HOSTILE = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[x](javascript:alert(1))",
    "{: onclick=alert(1) }", "&amp;", "&#60;", "\\", "`", "**", "_", "# ", "1. ", "- ", "> ", "|", "---",
    "    ", "\t", "\r", "\r\n", "\u2028", "\u0085", "\u00a0", "\u200b", "\u202e", "\ufeff", "a\u0308",
    "{{ x }}", "{% raw %}", "${x}", "%s", ": ", " #", "'", '"', "\x02wzxhzdk:0\x03", "\x1b[31m", "\x00",
    "Ω", "ß", "İ", "👍🏽", "\U0010ffff",
]
chars = st.characters(codec="utf-8")  # every code point but surrogates
hostile_text = st.lists(st.one_of(st.sampled_from(HOSTILE), st.text(chars, max_size=6)), max_size=6).map("".join)
slug = st.from_regex(r"\A[a-z0-9]{1,6}(-[a-z0-9]{1,6}){0,2}\Z")


def collapse(text: str) -> str:
    return " ".join(text.split())


# ================================================================ 1. YAML loader

SHOWN = "content/articles/a.yml"
SEED = ("Titel <b>fett</b>\n\nNach Angaben des NIS sollen 12.000\nSoldaten entsandt werden. "
        "Die 12.000 Soldaten\nsind Elite. [x](javascript:alert(1)) \u2028 Milita\u0308r\n")
SEED_WORDS = SEED.split()
#: libyaml's line breaks; its marks count lines by these
_YAML_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
#: what a contributor should never read in a message
JARGON = ("<unicode string>", "tag:yaml.org,2002", "Traceback", "object at 0x", "<class ")


@cache
def registry() -> tuple[Project, Registry]:
    """The fixture registry of tests/conftest.py, loaded once (it keeps no file open)."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "content" / "entities").mkdir(parents=True)
        for rel, text in REGISTRIES.items():
            (root / rel).write_text(text, "utf-8")
        diagnostics = Diagnostics()
        loaded = load_registry(Project(root), diagnostics)
        assert not diagnostics.items, diagnostics.report()
    return Project(Path("/nonexistent-fuzz-root")), loaded


def assert_inside(position: Position, raw: bytes, shown: str) -> None:
    """A message names the file and a line and column that exist in it."""
    assert position.path == shown, f"[path] {position} is not {shown}"
    try:
        lines = _YAML_BREAK.split(raw.decode("utf-8"))
    except UnicodeDecodeError:
        lines = [line.decode("utf-8", "replace") for line in raw.split(b"\n")]
    assert position.line != len(lines) + 1, f"[past-end] {position} is after the last line, {len(lines)}"
    assert 1 <= position.line <= len(lines), f"[position] line of {position} outside 1..{len(lines)}"
    assert 1 <= position.column <= len(lines[position.line - 1]) + 1, (
        f"[position] column of {position} outside 1..{len(lines[position.line - 1]) + 1}"
    )


def _plain(value: Any) -> Any:
    """What read_yaml promises to make of what PyYAML builds: JSON-like data."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, float) and math.isnan(value):
        return "NaN"
    return value


class _KeepingImpossibleDates(yaml.CSafeLoader):
    """yaml.safe_load, but an unquoted date that does not exist (2025-02-30) stays
    the text as written, where safe_load raises: read_yaml keeps it so, for the
    schema and the date checks to report it with its position."""

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> Any:
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            return node.value


_KeepingImpossibleDates.add_constructor(_TIMESTAMP, _KeepingImpossibleDates.construct_yaml_timestamp)


def _impossible_published(raw: bytes) -> Position | None:
    """Where an unquoted ``published:`` date that does not exist is written, if one is."""
    try:
        root = yaml.compose(raw, Loader=yaml.CSafeLoader)
    except Exception:  # noqa: BLE001 - not YAML: read_yaml reports that instead
        return None
    if not isinstance(root, yaml.MappingNode):
        return None
    for key, node in root.value:
        if isinstance(key, yaml.ScalarNode) and key.value == "published" and node.tag == _TIMESTAMP:
            try:
                yaml.CSafeLoader("").construct_yaml_timestamp(node)
            except ValueError:
                return Position(SHOWN, node.start_mark.line + 1, node.start_mark.column + 1)
    return None


def check_loader(raw: bytes) -> None:
    """Load one annotation file as `dossier check` does, then anchor it."""
    project, loaded = registry()
    read = Diagnostics()
    doc = read_yaml(raw, SHOWN, read)
    if doc is not None and not read.items:
        try:
            expected = _plain(yaml.load(raw.decode("utf-8"), Loader=_KeepingImpossibleDates))
        except Exception:  # noqa: BLE001 - PyYAML could not build it: read_yaml should have said so
            expected = None
        assert _plain(doc.data) == expected, "[round-trip] read_yaml and yaml.safe_load disagree"
    diagnostics = Diagnostics()
    seeds: dict[str, tuple[Path, str | None]] = {"a": (project.seeds / "a.txt", SEED)}
    article = load_article(project, project.articles / "a.yml", raw, seeds, loaded, diagnostics)  # reads and validates
    if article is not None:
        anchor_article(article, diagnostics)
    impossible = _impossible_published(raw) if article is not None else None
    if impossible is not None:
        assert any(d.position == impossible and d.severity == "error" for d in diagnostics.items), (
            f"[date] the impossible date at {impossible} was not reported there"
        )
    for d in read.items + diagnostics.items:
        assert_inside(d.position, raw, SHOWN)
        text = f"{d.message} {d.hint}"
        assert not any(word in text for word in JARGON), f"[jargon] {d.message!r}"


# A valid annotation file, as plain data.

value = st.one_of(
    st.integers(-10**9, 10**9),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    hostile_text.filter(bool),
    st.fixed_dictionaries({}, optional={"min": st.integers(0, 10**6), "max": st.integers(0, 10**6)}).filter(bool),
    st.fixed_dictionaries({"from": st.just("2024-10-01"), "to": st.just("2024-10-31")}),
)
quote = st.one_of(st.sampled_from(SEED_WORDS), hostile_text.filter(bool))
claim = st.fixed_dictionaries(
    {"id": slug, "quote": quote, "proposition": st.sampled_from(["troops", "arms", "nope"]),
     "scope": st.sampled_from(["total", "supplies"]), "attributed_to": st.sampled_from(["nis", "kim-jong-un"]),
     "stance": st.sampled_from(["asserts", "reports", "denies"])},
    optional={"value": value, "prefix": hostile_text, "suffix": hostile_text, "via": st.lists(slug, max_size=2),
              "note": hostile_text.filter(bool)},
)
note = st.fixed_dictionaries(
    {"quote": quote, "kind": st.sampled_from(["misspelling", "garbled", "other"]), "note": hostile_text.filter(bool)},
    optional={"correction": hostile_text.filter(bool)},
)
hide = st.fixed_dictionaries({"quote": quote, "reason": st.sampled_from(["title", "ad", "other"])})
annotation = st.fixed_dictionaries(
    {"seed": st.just("a.txt"), "title": hostile_text.filter(bool), "language": st.just("de")},
    optional={
        "outlet": hostile_text.filter(bool),
        "source_url": st.sampled_from(["https://example.org/a?b=<c>", "http://x.invalid/(1)"]),
        "published": st.sampled_from(["2024", "2024-10", "2024-10-18"]),
        "published_basis": hostile_text.filter(bool),
        "hide": st.lists(hide, max_size=2),
        "notes": st.lists(note, max_size=2),
        "claims": st.lists(claim, max_size=3),
    },
)


@st.composite
def yaml_text(draw: st.DrawFn) -> str:
    """A valid annotation file as a person or a tool might write it."""
    data = draw(annotation)
    return yaml.safe_dump(
        data,
        allow_unicode=draw(st.booleans()),
        default_flow_style=draw(st.sampled_from([False, None, True])),
        width=draw(st.sampled_from([20, 80, 1000])),
        indent=draw(st.sampled_from([2, 4])),
        sort_keys=False,
        explicit_start=draw(st.booleans()),
    )


# Mutations: each takes the text and a place in it (a fraction of its length).

TAGS = ["!!binary aGVsbG8= ", "!!python/name:os.system ", "!!python/object/apply:os.system ['id'] ",
        "!foo ", "!!str ", "!!int ", "!!float ", "!!bool ", "!!timestamp ", "!!set ", "!!omap ", "!<tag:x> ", "!!null "]
SCALARS = ["99999999999999999999999999999999999999999", "1e999", "-.inf", ".nan", "0x_ff", "0o777", "1_000",
           "2025-02-30", "2024-13-01", "2025-02-29T25:61:00", "1:30:00", "~", "null", "yes", "NO", "=", "<<",
           "*a", "&a x", "[*a, *a]", "? x", "|-", ">+2", '"\\x00"', '"\\ud800"', "'", '"', "{", "[", "%TAG ! x"]


def _insert(text: str, at: float, piece: str) -> str:
    i = int(at * len(text))
    return text[:i] + piece + text[i:]


def _after_colon(text: str, at: float, piece: str) -> str:
    """``piece`` where a value starts, so that it is read as (part of) that value."""
    places = [m.end() for m in re.finditer(r": |- ", text)] or [0]
    i = places[int(at * len(places)) % len(places)]
    return text[:i] + piece + text[i:]


def _nest(text: str, at: float, depth: int) -> str:
    style = int(at * 3)
    deep = ["[" * depth + "]" * depth, "{a: " * depth + "1" + "}" * depth, "\n" + "".join(f"{'  ' * k}- \n" for k in range(depth))]
    return _after_colon(text, at, deep[style % 3])


mutation = st.one_of(
    st.tuples(st.just("insert"), st.sampled_from(["\t", "'", '"', "\x00", "\x07", "\x7f", "\ufffe", "\r", "\ufeff", ":", "#", "&", "*", "!", "%", "@", "`"])),
    st.tuples(st.just("tag"), st.sampled_from(TAGS)),
    st.tuples(st.just("scalar"), st.sampled_from(SCALARS)),
    st.tuples(st.just("alias"), st.sampled_from(["&a ", "*a", "<<: *a\n", "&a [*a]", "!!merge "])),
    st.tuples(st.just("nest"), st.integers(1, 1500)),
    st.tuples(st.just("duplicate-line"), st.none()),
    st.tuples(st.just("delete"), st.integers(1, 5)),
    st.tuples(st.just("crlf"), st.none()),
)
byte_mutation = st.sampled_from([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xef\xbb\xbf", b"\xc0\xaf", b"\x00"])


def mutate(text: str, steps: list[tuple[tuple[str, Any], float]]) -> str:
    for (kind, arg), at in steps:
        if kind == "insert":
            text = _insert(text, at, arg)
        elif kind in ("tag", "scalar", "alias"):
            text = _after_colon(text, at, arg)
        elif kind == "nest":
            text = _nest(text, at, arg)
        elif kind == "duplicate-line":
            lines = text.split("\n")
            i = int(at * len(lines))
            text = "\n".join(lines[: i + 1] + lines[i:])
        elif kind == "delete":
            i = int(at * len(text))
            text = text[:i] + text[i + arg:]
        elif kind == "crlf":
            text = text.replace("\n", "\r\n")
    return text


@st.composite
def mutated_yaml(draw: st.DrawFn) -> bytes:
    text = mutate(draw(yaml_text()), draw(st.lists(st.tuples(mutation, st.floats(0, 0.999)), min_size=1, max_size=3)))
    raw = text.encode("utf-8")
    for piece, at in draw(st.lists(st.tuples(byte_mutation, st.floats(0, 0.999)), max_size=1)):
        i = int(at * len(raw))
        raw = raw[:i] + piece + raw[i:]
    return raw


def _raw(raw: bytes) -> dict[str, Any]:
    return {"raw": raw}


@settings(budget(150))
@given(raw=st.one_of(st.binary(max_size=200), st.text(chars, max_size=200).map(lambda t: t.encode("utf-8"))))
@with_known_examples("yaml", _raw)
def test_loader_survives_any_bytes(raw: bytes) -> None:
    tolerating("yaml", raw)


@settings(budget(200))
@given(raw=mutated_yaml())
def test_loader_survives_mutated_annotations(raw: bytes) -> None:
    tolerating("yaml", raw)


@settings(budget(100))
@given(text=yaml_text())
def test_valid_annotation_round_trips(text: str) -> None:
    """A file that follows the schema loads as PyYAML reads it, without a message,
    and each of its keys is found where it is written."""
    diagnostics = Diagnostics()
    doc = read_yaml(text.encode("utf-8"), SHOWN, diagnostics)
    assert doc is not None and not diagnostics.items, diagnostics.report()
    assert doc.data == _plain(yaml.load(text, Loader=yaml.CSafeLoader))
    assert validate(doc, "article", diagnostics), diagnostics.report()
    lines = _YAML_BREAK.split(text)
    for key in doc.data:
        position = doc.key_at((key,)).resolve()
        assert lines[position.line - 1][position.column - 1:].startswith(key), (key, position)


@st.composite
def control_character_in_value(draw: st.DrawFn) -> tuple[bytes, int, int]:
    """A valid file with one character YAML forbids inside a value, and where it is
    (lines counted as libyaml counts them for every other message: a quoted
    U+2028 or NEL in a value before it starts a line too)."""
    text = yaml.safe_dump(draw(annotation), allow_unicode=True, default_flow_style=False, sort_keys=False, width=1000)
    lines = text.split("\n")
    places = [(n, m.start() + 1) for n, line in enumerate(lines) for m in re.finditer(r": .", line)]
    n, column = draw(st.sampled_from(places))
    column += draw(st.integers(0, len(lines[n]) - column))
    bad = draw(st.sampled_from(["\x00", "\x01", "\x08", "\x0e", "\x1b", "\x7f", "\x9f", "\ufffe"]))
    before = _YAML_BREAK.split("\n".join(lines[:n] + [lines[n][:column]]))
    lines[n] = lines[n][:column] + bad + lines[n][column:]
    return "\n".join(lines).encode("utf-8"), len(before), len(before[-1]) + 1


@settings(budget(30))
@given(case=control_character_in_value())
@with_known_examples("control", lambda case: {"case": case})
def test_forbidden_character_is_reported_where_it_is(case: tuple[bytes, int, int]) -> None:
    tolerating("control", case)


def check_control_character(raw: bytes, line: int, column: int) -> None:
    diagnostics = Diagnostics()
    assert read_yaml(raw, SHOWN, diagnostics) is None
    [error] = diagnostics.items
    assert (error.position.line, error.position.column) == (line, column), (
        f"[control] reported at {error.position}, the character is at {line}:{column}"
    )


# ================================================================ 2. anchoring

#: words: ASCII, precomposed and decomposed letters, and runs that NFC changes
#: (U+212B ANGSTROM SIGN becomes U+00C5; U+0344 becomes two code points)
WORD_CHARS = st.sampled_from(list("abcXYZ019.,;:!?\"'()<>&*_#[]-–„“ßäöüé€") + ["a\u0308", "e\u0301", "\u212b", "\u0344", "q\u0308", "ﬁ", "한", "\u1100\u1161"])
word = st.lists(WORD_CHARS, min_size=1, max_size=6).map("".join)
#: white space that a quote may have instead of the article's (all of it is \s)
SPACE = st.sampled_from([" ", "  ", "\n", " \n", "\n\n", "\t", "\u00a0", "\u2028", "\r\n"])


@st.composite
def article_text(draw: st.DrawFn) -> str:
    words = draw(st.lists(word, min_size=1, max_size=40))
    text = words[0]
    for w in words[1:]:
        text += draw(SPACE) + w
    return draw(st.sampled_from(["", "\n", "  "])) + text + draw(st.sampled_from(["", "\n"]))


def cut_points(text: str) -> list[int]:
    """Offsets where a cut does not split a run that NFC changes (the index maps those whole)."""
    points = set(range(len(text) + 1))
    for m in re.finditer(r"\S+", text):
        if unicodedata.normalize("NFC", m.group()) != m.group():
            points -= set(range(m.start() + 1, m.end()))
    return sorted(points)


Form = Literal["NFC", "NFD", ""]  # "" keeps the text as it is
FORMS: tuple[Form, ...] = ("", "NFC", "NFD")


def respell(piece: str, spaces: list[str], form: Form) -> str:
    """The same text with other white space and another Unicode normal form."""
    parts = re.split(r"\s+", piece)
    out = parts[0]
    for k, part in enumerate(parts[1:]):
        out += spaces[k % len(spaces)] + part
    return unicodedata.normalize(form, out) if form else out


def brute_force_hits(normal: str, q: str, prefix: str, suffix: str) -> list[int]:
    """Every place the normalised quote stands with its context, tried one by one."""
    return [
        p for p in range(len(normal) - len(q) + 1)
        if normal[p:p + len(q)] == q and normal[:p].rstrip().endswith(prefix) and normal[p + len(q):].lstrip().startswith(suffix)
    ]


QUOTE_AT = Position("content/articles/a.yml", 7, 12)
#: for an article and a quote of a few hundred characters (a real one takes milliseconds)
SECONDS = 1.0


class _Expired(Exception):
    """Raised by the timer; turned into an assertion where line numbers are sure
    (a traceback from a signal handler can lack one, which pytest cannot show)."""


@contextlib.contextmanager
def within(seconds: float, doing: str) -> Iterator[None]:
    """Fail with "[slow]" once ``seconds`` have passed, instead of waiting for a
    quadratic search to end (without SIGALRM, only after it ends)."""
    message = f"[slow] {doing} took over {seconds} s"
    if not hasattr(signal, "setitimer"):
        started = time.perf_counter()
        yield
        assert time.perf_counter() - started < seconds, message
        return

    def expire(signum: int, frame: object) -> None:
        raise _Expired

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _Expired:
        raise AssertionError(message) from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def article_of(text: str) -> Article:
    return Article(id="a", seed="a.txt", text=text, annotation_path=QUOTE_AT.path, title="t", language="de")


@st.composite
def cut_quote(draw: st.DrawFn) -> tuple[str, int, int, str, str, str]:
    text = draw(article_text())
    points = cut_points(text)
    i, j = sorted(draw(st.lists(st.sampled_from(points), min_size=2, max_size=2)))
    before = draw(st.sampled_from([p for p in points if p <= i]))
    after = draw(st.sampled_from([p for p in points if p >= j]))
    form = draw(st.sampled_from(FORMS))
    spaces = draw(st.lists(SPACE, min_size=1, max_size=3))
    use = draw(st.sampled_from(["none", "prefix", "suffix", "both"]))
    prefix = respell(text[before:i], spaces, form) if use in ("prefix", "both") else ""
    suffix = respell(text[j:after], spaces, form) if use in ("suffix", "both") else ""
    return text, i, j, respell(text[i:j], spaces, form), prefix, suffix


def check_cut_quote(text: str, i: int, j: int, quote_text: str, prefix: str, suffix: str) -> None:
    index = TextIndex(text)
    assert index.normal == comparable(text), "[normal] the index and comparable() disagree"
    q = comparable(quote_text)
    diagnostics = Diagnostics()
    with within(SECONDS, "resolving a quote"):
        span = resolve(Selector(quote_text, prefix, suffix, QUOTE_AT), index, article_of(text), diagnostics)
    hits = brute_force_hits(index.normal, q, comparable(prefix), comparable(suffix)) if q else []
    assert hits or not q, "[oracle] the place the quote was cut from does not match (a bug of this test)"
    if len(hits) == 1:
        start = i + len(text[i:j]) - len(text[i:j].lstrip())
        end = j - (len(text[i:j]) - len(text[i:j].rstrip()))
        assert span is not None, f"[unique] unique quote not resolved: {diagnostics.report()}"
        assert (span.start, span.end) == (start, end), f"[span] resolved to {span}, cut from {start}..{end}"
        assert not diagnostics.items
    else:
        assert span is None, f"[ambiguous] {'an empty' if not q else 'an ambiguous'} quote resolved to {span}"
        [error] = diagnostics.items
        assert error.position == QUOTE_AT and error.severity == "error"
        check_places(error.message + " " + error.hint, text)


def check_places(message: str, text: str) -> None:
    """Every line and column a message names exists in the article."""
    lines = text.split("\n")
    for m in re.finditer(r"line (\d+)(?:, column (\d+))?", message):
        line = int(m.group(1))
        assert 1 <= line <= len(lines), f"[places] {m.group()} of a {len(lines)}-line article"
        if m.group(2):
            assert 1 <= int(m.group(2)) <= len(lines[line - 1]) + 1, f"[places] {m.group()}: {lines[line - 1]!r}"


def _cut(case: tuple[str, int, int, str, str, str]) -> dict[str, Any]:
    return {"case": case}


@settings(budget(250))
@given(case=cut_quote())
@with_known_examples("anchor", _cut)
def test_quote_resolves_to_the_span_it_was_cut_from(case: tuple[str, int, int, str, str, str]) -> None:
    tolerating("anchor", case)


def check_missing_quote(text: str, quote_text: str) -> None:
    diagnostics = Diagnostics()
    with within(SECONDS, "reporting a missing quote"):
        span = resolve(Selector(quote_text, "", "", QUOTE_AT), TextIndex(text), article_of(text), diagnostics)
    assert span is None
    [error] = diagnostics.items
    assert error.position == QUOTE_AT and error.severity == "error"
    check_places(error.hint, text)


@settings(budget(80))
@given(text=article_text(), quote_text=st.one_of(hostile_text, st.lists(word, min_size=1, max_size=30).map(" ".join)))
@with_known_examples("missing", lambda case: {"text": case[0], "quote_text": case[1]})
def test_quote_not_in_the_article_is_an_error(text: str, quote_text: str) -> None:
    q = comparable(quote_text)
    if not q or q in comparable(text):
        return
    tolerating("missing", (text, quote_text))


# ================================================================ 3. escaping

EXTENSIONS = ["attr_list", "tables", "toc"]
EXTENSION_CONFIGS = {"toc": {"permalink": True}}  # as mkdocs.yml


def render(source: str) -> LexborHTMLParser:
    return LexborHTMLParser(markdown.markdown(source, extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS))


def tags(tree: LexborHTMLParser) -> list[str]:
    assert tree.body is not None
    return [str(n.tag) for n in tree.body.traverse() if n.tag not in ("-text", "body")]


def text_of(node: LexborNode | None) -> str:
    assert node is not None
    return visible(node.text(deep=True))


def visible(text: str) -> str:
    """The text a reader sees: Markdown drops STX and ETX (its placeholders), the
    HTML parser drops NUL or makes it U+FFFD; no escaping could keep them."""
    return collapse(re.sub("[\x00\x02\x03\ufffd]", "", text))


def check_escaping(raw: str) -> None:
    line = md_line(raw)
    assert "\n" not in line and "\r" not in line, "[newline] md_line kept a line break"
    expected = visible(raw)
    # A paragraph, with an inline element whose attribute carries the text too.
    tree = render(f'Vor <mark title="{md_line(raw)}">{md_text(raw)}</mark> nach')
    assert tags(tree) == ["p", "mark"], f"[elements] paragraph: {tags(tree)}"
    mark = tree.css_first("mark")
    assert mark is not None and list(mark.attributes) == ["title"], f"[attribute] {mark and mark.attributes}"
    assert visible(mark.attributes["title"] or "") == expected, "[attribute] title"
    assert text_of(mark) == expected, "[text] paragraph"
    # A heading (with toc's permalink), a table cell, a list item and a link text.
    tree = render(f"# {line}")
    assert tags(tree) == ["h1", "a"], f"[elements] heading: {tags(tree)}"
    assert text_of(tree.css_first("h1")).removesuffix("¶").rstrip() == expected, "[text] heading"
    tree = render(f"| A | B |\n| --- | --- |\n| {line} | x |")
    assert tags(tree) == ["table", "thead", "tr", "th", "th", "tbody", "tr", "td", "td"], f"[elements] table: {tags(tree)}"
    assert text_of(tree.css_first("td")) == expected, "[text] table cell"
    tree = render(f"- [{line}](https://example.org/)")
    assert tags(tree) == ["ul", "li", "a"], f"[elements] list item: {tags(tree)}"
    link = tree.css_first("a")
    assert link is not None and link.attributes == {"href": "https://example.org/"}, "[attribute] link"
    assert text_of(link) == expected, "[text] link"


def check_paragraphs(text: str) -> None:
    """An article's text as markup.paragraphs makes it: one inert <p> per line
    (that Markdown does not see as blank)."""
    lines = [line for line in text.split("\n") if line.strip() and re.sub("[\x02\x03]", "", line).strip(" \t\r")]
    tree = render("\n\n".join(paragraphs(text, (), [])))
    assert tags(tree) == ["p"] * len(lines), f"[elements] article paragraphs: {tags(tree)}"
    assert [text_of(p) for p in tree.css("p")] == [visible(line) for line in lines], "[text] article paragraphs"


def check_safe_url(url: str) -> None:
    result = safe_url(url)
    if result is None:
        return
    assert result == url, "[url] safe_url changed the URL"
    assert re.match(r"https?://[^/\s]", url, re.IGNORECASE), f"[url] accepted {url!r}"
    assert not re.search(r"[\x00-\x20\x7f-\x9f<>\"'`]", url), f"[url] accepted a character that needs escaping: {url!r}"
    tree = render(f"<{link_target(url)}>")  # as the article page links its source
    assert tags(tree) == ["p", "a"], f"[elements] autolink: {tags(tree)}"
    link = tree.css_first("a")
    assert link is not None and re.match(r"https?://", link.attributes["href"] or "", re.IGNORECASE), f"[url] {link and link.attributes}"


markdown_text = st.one_of(hostile_text, st.text(chars, max_size=60))


@settings(budget(150))
@given(raw=markdown_text)
@with_known_examples("escape", lambda raw: {"raw": raw})
def test_escaped_text_renders_as_the_same_inert_text(raw: str) -> None:
    tolerating("escape", raw)


@settings(budget(100))
@given(text=st.lists(markdown_text, min_size=1, max_size=4).map("\n".join))
@with_known_examples("paragraphs", lambda text: {"text": text})
def test_article_paragraphs_render_as_the_same_inert_text(text: str) -> None:
    tolerating("paragraphs", text)


url_text = st.one_of(
    st.tuples(st.sampled_from(["http://", "https://", "HTTPS://", "javascript:", "data:", "//", "", " https://", "https:/"]),
              hostile_text).map("".join),
    st.text(chars, max_size=30),
)


@settings(budget(150))
@given(url=url_text)
@with_known_examples("url", lambda url: {"url": url})
def test_safe_url_passes_only_plain_http_links(url: str) -> None:
    tolerating("url", url)


# ================================================================ 4. end to end

DIAGNOSTIC_LINE = re.compile(r"^[^\s:][^:]*:\d+:\d+: (error|warning): ")


#: values of a count, as written in YAML
COUNTS = st.sampled_from(["12000", "0.5", "-5", "1e999", "-.inf", ".nan", "{min: 1, max: 2}", "{min: 2, max: 1}", "'viele'", "1" + "0" * 400])


@st.composite
def hostile_project(draw: st.DrawFn) -> dict[str, str]:
    """A small project with hostile strings wherever a contributor can type."""
    def q(text: str) -> str:
        return yaml.safe_dump(text, allow_unicode=True, width=10**6).removesuffix("\n...\n").removesuffix("\n")

    text = draw(hostile_text.filter(str.strip))
    seed = f"Titel\nDer NIS meldet 12.000 Soldaten.\n{text}\n"
    claims = draw(st.lists(st.sampled_from(["Der NIS", "12.000 Soldaten", text.strip() or "Titel"]), max_size=2, unique=True))
    # raw YAML, not tests/annotations.py: each count is a YAML spelling (COUNTS) that data would not keep
    annotation = (
        f"seed: a.txt\ntitle: {q(draw(hostile_text.filter(str.strip)))}\nlanguage: de\n"
        f"outlet: {q(draw(hostile_text.filter(str.strip)))}\n"
        f"notes:\n  - quote: {q(draw(st.sampled_from(['Titel', text.strip() or 'Titel'])))}\n"
        f"    kind: garbled\n    note: {q(draw(hostile_text.filter(str.strip)))}\n"
        "claims:\n" + "".join(
            f"  - id: c{k}\n    quote: {q(c)}\n    proposition: troops\n    scope: total\n    value: {draw(COUNTS)}\n"
            f"    attributed_to: nis\n    stance: reports\n    note: {q(draw(hostile_text.filter(str.strip)))}\n"
            for k, c in enumerate(claims)
        ) + ("  []\n" if not claims else "")
    )
    organisations = (
        f"- id: nis\n  name: {q(draw(hostile_text.filter(str.strip)))}\n"
        f"  description: {q(draw(hostile_text.filter(str.strip)))}\n  aliases: [{q(draw(hostile_text.filter(str.strip)))}]\n"
    )
    return {"seeds/a.txt": seed, "content/articles/a.yml": annotation, "content/entities/organisations.yml": organisations}


def check_project(files: dict[str, str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "mkdocs.yml").write_bytes((ROOT / "mkdocs.yml").read_bytes())
        for rel, text in {**REGISTRIES, **files}.items():
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            (root / rel).write_text(text, "utf-8")
        for command in (["check"], ["build", "--no-site"]):
            err = io.StringIO()
            with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
                code = main(["--root", str(root), *command])
            assert code in (0, 1), f"[exit] {command}: {code}"
            lines = err.getvalue().splitlines()
            assert "Traceback" not in err.getvalue()
            errors = [line for line in lines if DIAGNOSTIC_LINE.match(line) and ": error: " in line]
            assert bool(errors) == (code == 1), f"[exit] {command} exited {code} with {len(errors)} error lines"
        if code == 0:
            page = (root / "build" / "docs" / "artikel" / "a.md").read_text("utf-8")
            body = page.split("\n---\n", 1)[1] if page.startswith("---\n") else page
            tree = render(body)
            assert tree.body is not None
            assert not tree.css("script, img, iframe, object, embed, style, form, input"), "[inert] element from input"
            for node in tree.body.traverse():
                attributes = node.attributes or {}
                assert not any(name.startswith("on") for name in attributes), f"[inert] {node.tag} {attributes}"
                href = (attributes.get("href") or "").strip().lower()
                assert not href.startswith(("javascript:", "data:", "vbscript:")), f"[inert] href {href}"


@settings(budget(10))
@given(files=hostile_project())
@with_known_examples("project", lambda files: {"files": files})
def test_hostile_project_checks_and_builds(files: dict[str, str]) -> None:
    tolerating("project", files)


# ================================================================ found bugs


CHECKS: dict[str, Callable[[Any], None]] = {
    "yaml": check_loader,
    "control": lambda case: check_control_character(*case),
    "anchor": lambda case: check_cut_quote(*case),
    "missing": lambda case: check_missing_quote(*case),
    "escape": check_escaping,
    "paragraphs": check_paragraphs,
    "url": check_safe_url,
    "project": check_project,
}


@pytest.mark.parametrize(
    "bug",
    [pytest.param(bug, id=bug.name, marks=pytest.mark.xfail(strict=True, reason=f"issue 15: {bug.reason}"))
     for bug in KNOWN_BUGS],
)
def test_known_bug(bug: KnownBug) -> None:
    """The minimal input of each open bug; passing means fixed: move its entry to FIXED."""
    CHECKS[bug.prop](bug.example)
