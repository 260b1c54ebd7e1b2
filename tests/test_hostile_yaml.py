"""Hostile or broken YAML: every problem a precise message, every file bounded.

Each test writes the bad input itself (the `dossier` fixture), runs
`dossier check` or reads the file directly, and expects path:line:column,
a hint, exit 1 and no traceback.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re

import pytest
import yaml
from annotations import at, claim, value_at
from conftest import PROPOSITIONS
from helpers import ROOT
from test_check import TEXT, find, good, run_check

from dossier import limits
from dossier.cli import main
from dossier.diagnostics import Diagnostics
from dossier.escape import safe_url
from dossier.names import STOPWORDS, form_problems
from dossier.schema import load_schema
from dossier.yamlfile import read_yaml

LAUGHS = """\
seed: a.txt
title: T
language: de
a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]
"""


def read(text: str) -> tuple[object, list[str]]:
    """read_yaml on ``text``: the data (None if refused) and the report lines."""
    diagnostics = Diagnostics()
    doc = read_yaml(text.encode("utf-8"), "f.yml", diagnostics)
    return (doc.data if doc else None), diagnostics.report().splitlines()


def hint(err: str, line: str) -> str:
    return err.split(line, 1)[1].splitlines()[1]


def test_billion_laughs_is_refused_at_the_first_anchor(dossier, capsys):
    dossier.article("a", TEXT, LAUGHS)
    dossier.write("content/entities/units.yml", "- &u {id: u, name: Einheit}\n- *u\n")
    code, lines, err = run_check(dossier, capsys)
    assert code == 1
    # 9 anchors (&a to &i) and 72 aliases
    first = find(lines, r"^content/articles/a\.yml:4:4: error: YAML anchors and aliases \(&name / \*name\) are not "
                        r"supported here \(80 more below\)$")
    assert "write the value out in full" in hint(err, first)
    assert find(lines, r"^content/entities/units\.yml:1:3: error: YAML anchors and aliases")
    assert "Traceback" not in err


def test_an_anchor_without_an_alias_is_refused_too():
    """'&Co' unquoted is an anchor to YAML, and the text would lose it without a word."""
    data, lines = read("outlet: &Co Verlag\n")
    assert data is None
    assert lines == ["f.yml:1:9: error: YAML anchors and aliases (&name / *name) are not supported here",
                     "    write the value out in full where it is needed; put a text that starts with & or * in quotes"]


@pytest.mark.parametrize(("text", "position"), [
    ("x: " + "[" * 10_000 + "]" * 10_000 + "\n", None),  # libyaml's own limit (1,000) meets it first
    ("x: " + "[" * 30 + "]" * 30 + "\n", "1:23"),
    ("".join("  " * i + f"k{i}:\n" for i in range(25)) + "  " * 25 + "v\n", "21:41"),
])
def test_nesting_deeper_than_the_limit_is_refused(text, position):
    data, lines = read(text)
    assert data is None
    [message] = [line for line in lines if "error:" in line]
    assert f"values are nested more than {limits.YAML_DEPTH} levels deep" in message
    if position:
        assert message.startswith(f"f.yml:{position}: ")


def test_nesting_up_to_the_limit_is_read():
    depth = limits.YAML_DEPTH - 1  # the mapping x: is the first level
    data, lines = read("x: " + "[" * depth + "1" + "]" * depth + "\n")
    assert lines == []
    value = data["x"]
    for _ in range(depth):
        [value] = value
    assert value == 1


def test_more_values_than_the_limit_stop_reading(monkeypatch):
    monkeypatch.setattr("dossier.yamlfile.YAML_NODES", 100)
    data, lines = read("[" + ", ".join(["1"] * 99) + "]\n")  # the list and 99 numbers: 100
    assert lines == [] and len(data) == 99
    data, lines = read("[" + ", ".join(["1"] * 100) + "]\n")
    assert data is None
    assert lines[0] == "f.yml:1:299: error: more than 100 values in one file"


def test_a_file_over_the_size_limit_is_not_parsed():
    diagnostics = Diagnostics()
    raw = b"- " + b"x" * limits.YAML_BYTES  # one byte too many: not valid annotations either way
    assert read_yaml(raw, "f.yml", diagnostics) is None
    assert diagnostics.report().splitlines()[0] == (
        f"f.yml:1:1: error: file is {limits.YAML_BYTES + 2:,} bytes, the limit is {limits.YAML_BYTES:,}")


def test_tags_and_unreadable_numbers_are_reported_each_where_written(dossier, capsys):
    digits = "1" * 5000
    dossier.article("a", TEXT, f"""\
seed: a.txt
title: !!binary aGk=
language: !!python/name:os.system de
outlet: !foo x
published_basis: !!python/object:os.system {{}}
claims:
  - id: !!int abc
    quote: !!bool vielleicht
    proposition: troops
    scope: total
    value: {digits}
    attributed_to: nis
    stance: reports
""")
    code, lines, err = run_check(dossier, capsys)
    assert code == 1
    unsupported = find(lines, r"^content/articles/a\.yml:2:8: error: YAML tag !!binary is not supported here$")
    assert "remove the tag" in hint(err, unsupported)
    assert find(lines, r"^content/articles/a\.yml:3:11: error: YAML tag !!python/name:os\.system is not supported here$")
    assert find(lines, r"^content/articles/a\.yml:4:9: error: YAML tag !foo is not supported here$")
    assert find(lines, r"^content/articles/a\.yml:5:18: error: YAML tag !!python/object:os\.system is not supported here$")
    wrong = find(lines, r"^content/articles/a\.yml:7:9: error: 'abc' is not a whole number, as its tag !!int says$")
    assert "remove the tag !!int" in hint(err, wrong)
    assert find(lines, r"^content/articles/a\.yml:8:12: error: 'vielleicht' is not true or false, as its tag !!bool says$")
    long = find(lines, r"^content/articles/a\.yml:11:12: error: a number of 5,000 digits is too long to read$")
    assert "put it in double quotes" in hint(err, long)
    assert digits[:100] not in err
    assert re.search(r"^7 error\(s\)", err, re.MULTILINE)


def test_a_tag_on_an_empty_value_is_reported():
    data, lines = read("seed: !!int\n")
    assert data is None and lines[0] == "f.yml:1:7: error: '' is not a whole number, as its tag !!int says"


def test_an_impossible_unquoted_date_is_a_date_error_not_a_crash(dossier, capsys):
    # raw text: the date must be unquoted, which the builder would not write
    text = good("a.txt").replace("claims:", "published: 2025-02-30\npublished_basis: Datumszeile\nclaims:")
    dossier.article("a", TEXT, text)
    code, lines, err = run_check(dossier, capsys)
    assert code == 1
    assert find(lines, rf"^content/articles/a\.yml:{value_at(text, 'published')}: error: published: '2025-02-30' is not a valid date: day 30 is out of range")
    assert "Traceback" not in err


def test_a_second_document_and_a_complex_key_are_refused():
    data, lines = read("a: 1\n---\nb: 2\n")
    assert data is None and lines[0] == "f.yml:2:1: error: a second YAML document ('---') in one file"
    data, lines = read("? [a, b]\n: c\n")
    assert data is None and lines[0] == "f.yml:1:3: error: a key must be a name, not a list or fields"


def test_an_invisible_control_character_is_named_where_it_is():
    data, lines = read("ä: 1\nb: x\x07\n")
    assert data is None
    assert lines[0] == "f.yml:2:5: error: character U+0007 is not allowed in YAML (control characters are not allowed)"
    assert "most editors do not show it" in lines[1]


@pytest.mark.parametrize(("text", "position"), [
    ("[", "1:2"),
    ("seed: a.txt\ntitle: [T", "2:10"),
    ("seed: a.txt\r\n[", "2:2"),
])
def test_an_error_at_the_end_of_a_file_is_on_its_last_line(text, position):
    """Without a final line break, libyaml puts the end of the file on the line
    after the last: the message names the end of the last line instead."""
    data, lines = read(text)
    assert data is None and lines[0].startswith(f"f.yml:{position}: error: YAML syntax error: "), lines


def test_a_forbidden_character_after_other_line_breaks_is_on_its_line():
    """libyaml counts CR, CR LF, NEL, U+2028 and U+2029 as line breaks; so do the messages."""
    for text, position in [("a: 1\rb: x\x00", "2:5"), ("a: 1\r\nb: x\x00", "2:5"), ("a: 1\u2028b: \x00", "2:4")]:
        data, lines = read(text)
        assert data is None and lines[0].startswith(f"f.yml:{position}: error: character U+0000 is not allowed"), (text, lines)


def test_plain_data_is_what_pyyaml_reads(tmp_path):
    """The event reader gives what PyYAML's own loader gives, for every real content file."""
    files = sorted((ROOT / "content").rglob("*.yml"))
    assert files
    for path in files:
        expected = json.loads(json.dumps(yaml.safe_load(path.read_text("utf-8")),
                                         default=lambda v: v.isoformat() if isinstance(v, dt.date) else v))
        data, lines = read(path.read_text("utf-8"))
        assert lines == [], path
        assert data == expected, path
    data, _ = read("a: 2024-10-18\nb: 1_000\nc: 0x10\nd: ~\ne: yes\nf: '12'\ng: 1.5e+3\nh: 1.5e3\n")
    assert data == {"a": "2024-10-18", "b": 1000, "c": 16, "d": None, "e": True, "f": "12", "g": 1500.0, "h": "1.5e3"}


# ---------------------------------------------------------------- quotes


def test_an_unclosed_quote_is_reported_where_it_opens(dossier, capsys):
    dossier.article("a", TEXT, 'seed: a.txt\ntitle: "Titel\nlanguage: de\nclaims: []\n')
    dossier.article("b", TEXT, 'seed: b.txt\ntitle: T\nlanguage: de\nclaims:\n  - id: x\n    quote: "NIS meldet\n'
                               '    proposition: troops\n    scope: total\n    note: "ein Satz"\n')
    code, lines, err = run_check(dossier, capsys)
    assert code == 1
    at_end = find(lines, r"^content/articles/a\.yml:2:8: error: YAML syntax error: the quoted text that starts here is "
                         r"never closed \(YAML gives up at line 5, column 1")
    assert 'a " inside "..." is written \\"' in hint(err, at_end)
    runs_on = find(lines, r"^content/articles/b\.yml:6:12: error: YAML syntax error: the quoted text that starts here "
                          r"runs on to line 9, column \d+, where YAML gives up .*closing quote missing\?")
    assert "end a quoted text with the quote it starts with" in hint(err, runs_on)


def test_a_quote_inside_a_quoted_text_is_named():
    data, lines = read('claims:\n  - id: x\n    quote: "NIS "meldet" 12"\n')
    assert data is None
    assert lines[0] == ("f.yml:3:18: error: YAML syntax error: the quoted text that starts at column 12 ends at column 17, "
                        "and what follows it is not YAML (while parsing a block mapping did not find expected key)")


# ---------------------------------------------------------------- schema: all errors, limits


def test_every_error_of_a_file_in_one_run_and_the_rest_still_checked(dossier, capsys):
    text = dossier.annotate("a", TEXT, claim("x", "NIS meldet", stance="meldet"),
                            claim("y", "Budanov sagt", proposition="trops"), claim("z", "gibt es nicht"), outlet="")
    dossier.write("content/entities/units.yml", "- id: Bad_Id\n  name: X\n- id: nis\n  name: Doppelt\n")
    code, lines, err = run_check(dossier, capsys)
    assert code == 1
    assert find(lines, rf"^content/articles/a\.yml:{value_at(text, 'outlet')}: error: outlet: '' should be non-empty")
    assert find(lines, rf"^content/articles/a\.yml:{value_at(text, 'stance')}: error: claims/0/stance: 'meldet' is not allowed here")
    # The claims after the invalid one are checked in the same run, at their own lines.
    assert find(lines, rf"^content/articles/a\.yml:{value_at(text, 'proposition', 2)}: error: unknown proposition 'trops'")
    assert find(lines, rf"^content/articles/a\.yml:{value_at(text, 'quote', 3)}: error: quote not found in seeds/a\.txt")
    # A registry that lost an entry still checks the others, but judges no references to it.
    assert find(lines, r"^content/entities/units\.yml:1:7: error: 0/id: 'Bad_Id' is not a valid id")
    assert find(lines, r"^content/entities/organisations\.yml:1:7: error: entity id 'nis' is defined twice")
    assert re.search(r"^6 error\(s\)", err, re.MULTILINE)


def test_a_too_long_text_says_its_size_and_the_limit_not_the_text(dossier, capsys):
    title = "Überschrift " * 90_000  # ~1 MB
    dossier.article("a", TEXT, good("a.txt").replace("title: Titel", f"title: {title}"))
    note = "x" * (limits.TEXT_CHARS + 1)
    dossier.write("content/entities/people.yml", f"- id: {'a' * (limits.ID_CHARS + 1)}\n  name: A\n  description: {note}\n")
    code, lines, err = run_check(dossier, capsys)
    assert code == 1
    too_long = find(lines, rf"^content/articles/a\.yml:2:8: error: title: {len(title.strip()):,} characters, "
                           rf"more than the limit of {limits.LINE_CHARS:,}$")
    assert "one-line text" in hint(err, too_long)
    assert find(lines, rf"^content/entities/people\.yml:1:7: error: 0/id: {limits.ID_CHARS + 1} characters, "
                       rf"more than the limit of {limits.ID_CHARS}$")
    assert find(lines, rf"^content/entities/people\.yml:3:16: error: 0/description: {limits.TEXT_CHARS + 1:,} characters, "
                       rf"more than the limit of {limits.TEXT_CHARS:,}$")
    assert len(err) < 3000


def test_too_many_claims_are_one_error_with_the_count(dossier, capsys):
    count = limits.ITEMS_PER_ARTICLE + 1
    # raw text: one line per claim keeps thousands of claims small and quick to write
    entry = "  - {{id: c{}, quote: NIS meldet, proposition: troops, scope: total, value: 1, attributed_to: nis, stance: reports}}\n"
    text = good("a.txt", outlet="").replace("claims: []\n", "claims:\n" + "".join(entry.format(i) for i in range(count)))
    dossier.article("a", TEXT, text)
    code, lines, err = run_check(dossier, capsys)
    assert code == 1
    too_many = find(lines, rf"^content/articles/a\.yml:{at(text, '- {id: c0,')}: error: claims: {count:,} entries, "
                           rf"more than the limit of {limits.ITEMS_PER_ARTICLE:,}$")
    assert "split the article" in hint(err, too_many)
    assert find(lines, rf"^content/articles/a\.yml:{value_at(text, 'outlet')}: error: outlet: '' should be non-empty")
    assert re.search(r"^2 error\(s\)", err, re.MULTILINE)


def test_errors_beyond_the_first_thousand_entries_are_counted_not_listed(dossier, capsys, monkeypatch):
    monkeypatch.setattr("dossier.schema._EXPLAINED", 2)
    text = dossier.annotate("a", TEXT, *(claim(f"c{i}", "NIS meldet", stance="x") for i in range(4)))
    code, lines, err = run_check(dossier, capsys)
    assert code == 1
    assert find(lines, rf"^content/articles/a\.yml:{value_at(text, 'stance', 1)}: error: claims/0/stance: 'x' is not allowed here$")
    assert find(lines, rf"^content/articles/a\.yml:{value_at(text, 'stance', 2)}: error: claims/1/stance: 'x' is not allowed here$")
    more = find(lines, rf"^content/articles/a\.yml:{at(text, 'id: c2')}: error: claims: 2 more entries have errors$")
    assert "the first 2 are reported" in hint(err, more)
    assert re.search(r"^3 error\(s\)", err, re.MULTILINE)  # the four claims are dropped, not anchored


# Which limit of dossier/limits.py bounds each text and list of the schemas, by field name.
LIMIT_OF = {
    "maxLength": {
        "ID_CHARS": {"id", "proposition", "scope", "attributed_to", "via", "related", "part_of", "wikidata", "scopes (names)", "entity"},
        "LINE_CHARS": {"title", "outlet", "source_url", "published_basis", "name", "question", "unit", "scopes",
                       "choices", "aliases", "form", "kept", "value", "holds", "from", "to", "assessed", "licence"},
        "TEXT_CHARS": {"note", "description", "correction", "quote", "prefix", "suffix", "value_basis"},
    },
    "maxItems": {
        "ITEMS_PER_ARTICLE": {"hide", "unlink", "notes", "claims", "via"},
        "REGISTRY_ITEMS": {"(entities)", "(propositions)", "aliases", "related", "choices", "assessed"},
    },
    "maxProperties": {"REGISTRY_ITEMS": {"scopes"}},
}
# Bounded otherwise: a fixed-length pattern, or (seed) by the seed checks of load.py.
BOUNDED_BY_PATTERN = {"published", "language", "seed"}


def _bounds(schema: dict, name: str, found: list[tuple[str, str, int]]) -> None:
    """Every (keyword, field, value) of a size bound; fails on an unbounded text or list."""
    if "$ref" in schema:
        return  # checked where it is defined
    for keyword in ("maxLength", "maxItems", "maxProperties"):
        if keyword in schema:
            found.append((keyword, name, schema[keyword]))
    kind = schema.get("type")
    if kind == "string" and "maxLength" not in schema:
        assert name in BOUNDED_BY_PATTERN, f"text '{name}' has no maxLength"
    if kind == "array":
        assert "maxItems" in schema, f"list '{name}' has no maxItems"
        _bounds(schema["items"], name, found)
    if kind == "object" and "additionalProperties" in schema and isinstance(schema["additionalProperties"], dict):
        assert "maxProperties" in schema, f"'{name}' has no maxProperties"
        _bounds(schema["additionalProperties"], name, found)
        _bounds(schema["propertyNames"], name + " (names)", found)
    for field, sub in schema.get("properties", {}).items():
        _bounds(sub, field, found)
    for sub in schema.get("oneOf", []):
        _bounds(sub, name, found)
    for field, sub in schema.get("$defs", {}).items():
        _bounds(sub, field, found)


@pytest.mark.parametrize("name", ["article", "entities", "propositions"])
def test_every_text_and_list_of_the_schemas_is_bounded_by_limits_py(name):
    found: list[tuple[str, str, int]] = []
    _bounds(load_schema(name), f"({name})", found)
    assert found
    for keyword, field, value in found:
        [limit] = [limit for limit, fields in LIMIT_OF[keyword].items() if field in fields] or [None]
        assert limit is not None, (keyword, field)
        assert value == getattr(limits, limit), (name, keyword, field, value, limit)


# ---------------------------------------------------------------- links


@pytest.mark.parametrize(("url", "message", "fix"), [
    ("https://example.org/a b", "a space at character 22", "percent-encode spaces as %20"),
    ("https://example.org/a\"b", "'\"' at character 22", "percent-encode it as %22"),
    ("https://example.org/<script>", "'<' at character 21", "percent-encode it as %3C"),
    ("https://example.org/a\nb", "a line break at character 22", "write the link on one line"),
    ("https://example.org/`x`", "'`' at character 21", "percent-encode it as %60"),
    ("https://example.org/a\\", "'\\' at character 22", "percent-encode it as %5C"),
    ("https://example.org/'x'", "''' at character 21", "percent-encode it as %27"),
    ("https://example.org/\x1b", "the control character U+001B at character 21", "percent-encode it as %1B"),
    ("https://example.org/\x85", "the control character U+0085 at character 21", "percent-encode it as %C2%85"),
    ("https://example.org/a\u00a0b", "the invisible character U+00A0 at character 22", "percent-encode it as %C2%A0"),
    ("https://example.org/grüße", "'ü' at character 23", "percent-encode it as %C3%BC"),
    ("https://bücher.de/", "'ü' at character 10",
     "write the host name in its ASCII form: xn--bcher-kva.de, as the address bar gives it when copied"),
])
def test_a_link_with_a_character_no_url_holds_is_an_error(dossier, capsys, url, message, fix):
    text = dossier.annotate("a", TEXT, source_url=url)
    code, lines, err = run_check(dossier, capsys)
    assert code == 1
    bad = find(lines, rf"^content/articles/a\.yml:{value_at(text, 'source_url')}: error: source_url: the link has {re.escape(message)}, "
                      r"which a URL cannot hold$")
    assert hint(err, bad) == f"    {fix}"


@pytest.mark.parametrize(("url", "message"), [
    ("https:///artikel", "the link has no host name after '//'"),
    ("https://:8080/artikel", "the link has no host name after '//'"),
    ("https://ich@/artikel", "the link has no host name after '//'"),
    ("https://example.org:port/", "'example.org:port' in the link is not a host name"),
    ("https://[example.org]/", "'[example.org]' in the link is not a host name"),
])
def test_a_link_without_a_host_name_is_an_error(dossier, capsys, url, message):
    text = dossier.annotate("a", TEXT, source_url=url)
    code, lines, err = run_check(dossier, capsys)
    assert code == 1
    bad = find(lines, rf"^content/articles/a\.yml:{value_at(text, 'source_url')}: error: source_url: {re.escape(message)}$")
    assert "https://example.org" in hint(err, bad)


def test_every_link_the_schema_accepts_stays_on_the_site():
    """safe_url drops a link silently; the schema must refuse each one it would drop."""
    pattern = re.compile(load_schema("article")["properties"]["source_url"]["pattern"])
    rng = random.Random(0)
    alphabet = "aZ09-._~:/?#[]@!$&()*+,;=% \"'<>`\\{}|^\t\n\x00\x1b\x7f\x85\x9bäЖ\u00a0\u200b\u2028"
    accepted = 0
    for _ in range(5000):
        url = rng.choice(["https://", "http://", "HTTPS://", "javascript:"]) + "".join(rng.choices(alphabet, k=rng.randint(0, 8)))
        if pattern.search(url):
            accepted += 1
            assert safe_url(url) == url, url
    assert accepted > 100


# ---------------------------------------------------------------- names and aliases


def test_aliases_that_would_link_everything_are_errors_at_their_position(dossier, capsys):
    dossier.write("content/entities/people.yml", """\
- id: kyrylo-budanov
  name: Kyrylo Budanow
  aliases:
    - der
    - form: The
      erroneous: true
    - "!!!"
    - X
    - in der
    - UN
    - US
    - un
- id: kursk
  name: Kursk
  aliases: [Kurskа]
""")
    code, lines, err = run_check(dossier, capsys)
    assert code == 1
    common = find(lines, r"^content/entities/people\.yml:4:7: error: the alias 'der' of 'kyrylo-budanov' is a common German word$")
    assert "every 'der' in every article would link to 'kyrylo-budanov'" in hint(err, common)
    assert find(lines, r"^content/entities/people\.yml:5:13: error: the alias 'The' of 'kyrylo-budanov' is a common English word$")
    assert find(lines, r"^content/entities/people\.yml:7:7: error: the alias '!!!' of 'kyrylo-budanov' has no letter$")
    assert find(lines, r"^content/entities/people\.yml:8:7: error: the alias 'X' of 'kyrylo-budanov' is a single character$")
    assert find(lines, r"^content/entities/people\.yml:9:7: error: the alias 'in der' of 'kyrylo-budanov' is a common German word$")
    short = find(lines, r"^content/entities/people\.yml:12:7: warning: the alias 'un' of 'kyrylo-budanov' is two lowercase letters$")
    assert "in capitals ('UN')" in hint(err, short)
    mixed = find(lines, r"^content/entities/people\.yml:15:13: error: the alias 'Kurskа' of 'kursk' mixes Latin and Cyrillic "
                        r"letters: 'а' is U\+0430 CYRILLIC SMALL LETTER A$")
    assert "retype 'а' as a Latin letter" in hint(err, mixed)
    assert not [line for line in lines if "alias 'UN'" in line or "alias 'US'" in line]
    assert re.search(r"^6 error\(s\), 1 warning\(s\)", err, re.MULTILINE)


@pytest.mark.parametrize("form", ["Kyrylo Budanow", "NIS", "Ким Чен Ын", "Xi-Gruppe", "T-90", "Xi", "김정은",
                                  "Der Spiegel", "ЕС"])
def test_real_names_pass(form):
    assert form_problems(form, "x") == []


def test_an_alias_of_more_words_than_the_limit_is_an_error():
    """Matching costs text words × alias words: a 333-word alias took minutes on a large seed."""
    longest = " ".join(["Institut"] * limits.ALIAS_WORDS)
    assert form_problems(longest, "x") == []
    [(severity, message, hint_text)] = form_problems(longest + " Berlin", "x")
    assert (severity, message) == ("error", f"has {limits.ALIAS_WORDS + 1} words, more than the limit of {limits.ALIAS_WORDS}")
    assert "shorten it" in hint_text


def test_stopwords_are_lowercase_and_per_language():
    assert set(STOPWORDS) == {"de", "en"}
    for words in STOPWORDS.values():
        assert all(w == w.casefold() for w in words)


# ---------------------------------------------------------------- numbers


def test_a_tolerance_that_is_not_a_number_and_a_count_too_large_are_errors(dossier, capsys):
    propositions = PROPOSITIONS.replace("tolerance: 0.1", "tolerance: .nan")  # the YAML spelling is the point
    dossier.write("content/propositions.yml", propositions)
    text = dossier.annotate("a", TEXT, claim("x", "NIS meldet 12.000 Soldaten", value=123456789012345678901))
    code, lines, err = run_check(dossier, capsys)
    assert code == 1
    nan = find(lines, rf"^content/propositions\.yml:{value_at(propositions, 'tolerance')}: error: tolerance: \.nan is not a number$")
    assert "0.1 for 10 %" in hint(err, nan)
    assert find(lines, rf"^content/articles/a\.yml:{value_at(text, 'value')}: error: claim 'x': expected a count, got a number of 21 digits$")


# ---------------------------------------------------------------- mkdocs.yml


@pytest.mark.parametrize(("config", "expected", "fix"), [
    ("site_name: x\n\tnav: []\n", r"^mkdocs\.yml:2:1: error: YAML syntax error", "indented with a tab"),
    ('site_name: "x\n', r"^mkdocs\.yml:1:12: error: YAML syntax error: the quoted text that starts here is never closed",
     "end a quoted text"),
    ("- site_name\n", r"^mkdocs\.yml:1:1: error: the site configuration must be settings", "mkdocs.yml of the Dossier"),
])
def test_a_broken_site_configuration_is_a_message(dossier, capsys, config, expected, fix):
    dossier.article("a", TEXT, good("a.txt"))
    dossier.write("mkdocs.yml", config)
    before = {p: p.read_bytes() for p in dossier.root.rglob("*") if p.is_file()}
    assert main(["--root", str(dossier.root), "build"]) == 1
    err = capsys.readouterr().err
    [line] = [line for line in err.splitlines() if re.search(expected, line)]
    assert fix in hint(err, line)
    assert "build failed: mkdocs.yml has errors" in err
    assert "Traceback" not in err
    assert {p: p.read_bytes() for p in dossier.root.rglob("*") if p.is_file()} == before
