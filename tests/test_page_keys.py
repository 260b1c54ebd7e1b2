"""An output's key covers everything it is made from, so no page can go stale.

An incremental build skips a page whose key did not change. That is safe
only if every input the page renders is in its key: here each leaf of each
page kind's inputs is changed in turn (the key must change), and a dossier
is edited in many ways (wherever a key stayed the same, the bytes did too).
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest
from annotations import article, claim, dump, hide

from dossier import pages
from dossier.emit import outputs
from dossier.layout import Project
from dossier.output import Sourced, given, input_key
from dossier.pages import KINDS, markdown
from dossier.pages.context import Context, build_context
from dossier.pipeline import Build, check

TITLE = "Testdossier"

A_TEXT = """\
Kiew meldet Soldaten
18. Oktober 2024
Nach Angaben von Budanov sind 12.000 Soldaten in Russland. Kim Jong In schickte zuerst 1.500 Mann in den Fernen Osten.
Der Vertrag wurde im Juni letzten Jahres unterzeichnet.
Anzeige: Jetzt abonnieren
"""

A_ANNOTATION = dump(article(
    "a.txt",
    claim("total", "12.000 Soldaten", attributed_to="kyrylo-budanov", via=["nis"]),
    claim("first", "1.500 Mann", scope="first", value=1500, attributed_to="kim-jong-un", stance="asserts"),
    claim("treaty", "im Juni letzten Jahres", proposition="treaty-date", scope="signed", value=None,
          attributed_to="kyrylo-budanov"),
    title="Kiew meldet Soldaten", outlet="Kyiv Independent", source_url="https://example.org/a",
    published="2024-10-18", published_basis="Datumszeile",
    hide=[hide("Kiew meldet Soldaten"), hide("18. Oktober 2024", "dateline"), hide("Anzeige: Jetzt abonnieren", "ad")],
    notes=[{"quote": "Kim Jong In", "kind": "misspelling", "note": "Gemeint ist Kim Jong Un.", "correction": "Kim Jong Un"}],
))

B_TEXT = "Der südkoreanische Geheimdienst meldet 10.000 Soldaten in Russland.\n"

B_ANNOTATION = dump(article("b.txt", claim("total", "10.000 Soldaten", value=10000), title="NIS meldet Soldaten",
                            published="2024-11-02", published_basis="Datumszeile"))

#: (file, text, replacement): edits of every kind of input a page shows
EDITS = [
    ("content/entities/people.yml", "name: Kyrylo Budanow", "name: Kyrylo Budanov"),
    ("content/entities/people.yml", "    - Kyrylo Budanov\n", "    - Kyrylo Budanov\n    - Budanow\n"),
    ("content/entities/organisations.yml", "name: NIS", "name: NIS Südkorea"),
    ("content/entities/places.yml", "  part_of: russia\n", ""),
    ("content/propositions.yml", "Wie viele Soldaten?", "Wie viele Soldaten genau?"),
    ("content/propositions.yml", "Insgesamt", "Gesamtzahl"),
    ("content/propositions.yml", "  tolerance: 0.1\n", "  tolerance: 0.25\n"),
    ("content/propositions.yml", "    first: Erstes Kontingent\n",
     "    first: Erstes Kontingent\n  resolution:\n    status: explained\n    note: \"Verschiedene Zeitpunkte.\"\n"),
    ("content/articles/b.yml", "value: 10000", "value: 11500\n    value_basis: umgerechnet"),
    ("content/articles/b.yml", "stance: reports", "stance: denies"),
    ("content/articles/b.yml", "attributed_to: nis", "attributed_to: kim-jong-un"),
    ("content/articles/b.yml", "title: NIS meldet Soldaten", "title: Der NIS meldet Soldaten"),
    ("content/articles/b.yml", "'2024-11-02'", "'2024-11-03'"),
    ("seeds/b.txt", "in Russland.\n", "in Russland. Budanov widerspricht.\n"),
    ("content/articles/a.yml", "    via:\n      - nis\n", "    via: []\n"),
    ("content/articles/a.yml", "outlet: Kyiv Independent", "outlet: Kyiv Post"),
    ("content/articles/a.yml", "https://example.org/a\n", "https://example.org/a2\n"),
    ("content/articles/a.yml", "note: Gemeint ist Kim Jong Un.", "note: Gemeint ist der Staatschef."),
    ("content/articles/a.yml", "  - quote: 'Anzeige: Jetzt abonnieren'\n    reason: ad\n", ""),
]


def _write(dossier) -> None:
    dossier.article("a", A_TEXT, A_ANNOTATION)
    dossier.article("b", B_TEXT, B_ANNOTATION)


def _context(root: Path, title: str = TITLE) -> Context:
    project = Project(root)
    checked = check(project)
    assert not checked.diagnostics.errors, [str(e) for e in checked.diagnostics.errors]
    return build_context(checked.corpus, checked.linked, checked.analysis, checked.fingerprints,
                         checked.registry_key, title, project.seeds)


def _variants(value: object) -> Iterator[tuple[str, object]]:
    """Copies of ``value`` with one leaf changed each, with the path of that leaf.

    A ``Sourced`` value is its fingerprint; anything but plain data (a dict,
    a record that holds one) is refused: a key could not be trusted to cover it.
    """
    if isinstance(value, Sourced):
        yield ".fingerprint", Sourced(value.fingerprint + "x", value.value)
    elif isinstance(value, bool):
        yield "", not value
    elif isinstance(value, int | float):
        yield "", value + 1
    elif isinstance(value, str):
        yield "", value + "x"
    elif value is None:
        yield "", "x"
    elif isinstance(value, tuple):
        for i, element in enumerate(value):
            for path, changed in _variants(element):
                yield f"[{i}]{path}", (*value[:i], changed, *value[i + 1:])
        if value:
            yield "[-1] dropped", value[:-1]
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            for path, changed in _variants(getattr(value, f.name)):
                twin = copy.copy(value)  # no __init__: a changed date need not be a valid date
                object.__setattr__(twin, f.name, changed)
                yield f".{f.name}{path}", twin
    else:
        raise TypeError(f"an input holds {type(value).__name__}, not plain data: its key may not cover it")


def test_every_input_of_every_page_kind_is_in_its_key(dossier) -> None:
    _write(dossier)
    ctx = _context(dossier.root)
    for kind in KINDS:
        changed_fields: set[str] = set()
        made = list(kind.pages(ctx))
        assert made, f"{kind.__name__} made no page of the test dossier"
        for page in made:
            inputs = page.inputs()
            key = input_key(inputs)
            for path, changed in _variants(inputs):
                assert input_key(changed) != key, f"{page.path}: changing inputs{path} leaves the key as it was"
                changed_fields.add(path[1:].split(".")[0].split("[")[0])
        fields = {f.name for f in dataclasses.fields(made[0].inputs())}
        assert changed_fields == fields, f"{kind.__name__}: the test dossier leaves {fields - changed_fields} empty"


def test_the_variants_change_each_leaf() -> None:
    @dataclasses.dataclass(frozen=True, slots=True)
    class Leaf:
        name: str
        count: int
        date: None

    inputs = (Sourced("f", object()), Leaf("a", 1, None), (True, 2.5))
    assert [path for path, _ in _variants(inputs)] == [
        "[0].fingerprint", "[1].name", "[1].count", "[1].date", "[2][0]", "[2][1]", "[2][-1] dropped", "[-1] dropped",
    ]
    assert len({input_key(changed) for _, changed in _variants(inputs)} | {input_key(inputs)}) == 9
    with pytest.raises(TypeError, match="dict"):
        list(_variants(({"a": 1},)))


def _made(ctx: Context) -> dict[str, tuple[str, bytes]]:
    """Every output of the context (pages, exports, copies, assets): its key and its bytes."""
    result = {}
    for output in outputs(ctx):
        inputs = output.inputs()
        result[output.path] = (input_key(inputs), output.make(inputs))
    return result


@pytest.mark.parametrize("edit", EDITS, ids=[f"{file}:{old.strip()[:30]}" for file, old, _ in EDITS])
def test_an_output_whose_key_stays_the_same_stays_the_same(dossier, edit) -> None:
    _write(dossier)
    before = _made(_context(dossier.root))
    file, old, new = edit
    path = dossier.root / file
    text = path.read_text("utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), "utf-8")
    after = _made(_context(dossier.root))
    assert before.keys() == after.keys()
    assert any(before[p][0] != after[p][0] for p in before), "the edit changed no key"
    stale = [p for p in before if before[p][0] == after[p][0] and before[p][1] != after[p][1]]
    assert stale == [], "same key, other bytes"


def test_the_title_is_in_the_key_of_the_pages_that_show_it(dossier) -> None:
    _write(dossier)
    before, after = _made(_context(dossier.root)), _made(_context(dossier.root, "Anderes Dossier"))
    assert before["index.md"][0] != after["index.md"][0] and b"Anderes Dossier" in after["index.md"][1]
    assert [p for p in before if before[p][0] == after[p][0] and before[p][1] != after[p][1]] == []


def test_a_new_page_kind_is_one_entry_in_the_table(dossier, monkeypatch) -> None:
    """A kind of page needs nothing but its module (here a stand-in) and its line in KINDS."""
    @dataclasses.dataclass(frozen=True, slots=True)
    class Inputs:
        count: int

    def render(inputs: Inputs) -> str:
        return f"# {inputs.count} Artikel\n"

    def new_pages(ctx: Context):
        yield markdown.page("neu.md", given(Inputs(len(ctx.linked))), render)

    _write(dossier)
    monkeypatch.setattr(pages, "KINDS", (*pages.KINDS, SimpleNamespace(pages=new_pages)))
    out = dossier.root / "build" / "docs"
    build = Build(dossier.project, out, TITLE)
    _, first = build.generate()
    assert (out / "neu.md").read_text("utf-8") == "# 2 Artikel\n"
    assert "neu.md" in first.rendered and "neu.md" in first.files
    _, second = build.generate()
    assert second.rendered == [] and (out / "neu.md").is_file()
