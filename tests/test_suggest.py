"""Suggestions, coverage and the annotation scaffold for articles not yet annotated."""

from __future__ import annotations

import re

import pytest
import yaml
from annotations import claim, dump, hide
from helpers import ROOT

from dossier.anchor import anchor_article, resolve
from dossier.cli import main
from dossier.dates import PartialDate
from dossier.diagnostics import Diagnostics
from dossier.layout import Project
from dossier.load import load
from dossier.model import Selector, Span
from dossier.pipeline import check
from dossier.suggest import (
    Coverage,
    Suggestion,
    coverage,
    detect_published,
    detect_title,
    format_suggestions,
    scaffold,
    suggestions,
)
from dossier.textindex import TextIndex

TITLE = "Nordkorea schickt weitere Soldaten nach Russland"
TEXT = f"""\
3. März 2025

Politik

{TITLE}

Nach Angaben von Kyrylo Budanow bereitet Nordkorea die Entsendung von rund sechs Tausend Soldaten vor.
Die Kosten schätzt Olena Kovalenko von der Rand Corporation auf 1,2 Millionen Dollar im Monat.
Tausende Familien seien betroffen, meldet das ISW. Der Vertrag war im Juni letzten Jahres
unterzeichnet worden; Russland liefert dafür 1,2 Millionen Granaten.
"""
PUBLISHED = PartialDate(2025, 3, 3)
EXPECTED = [
    ("date", "3. März 2025", "2025-03-03"),
    ("entity", "Russland", "russia"),
    ("entity", "Kyrylo Budanow", "kyrylo-budanov"),
    ("figure", "rund sechs Tausend", "6000"),
    ("candidate", "Olena Kovalenko", "not in content/entities/"),
    ("candidate", "Rand Corporation", "not in content/entities/"),
    ("figure", "1,2 Millionen", "1200000"),
    ("figure", "Tausende", "{min: 2000}"),
    ("candidate", "ISW", "not in content/entities/"),
    ("date", "im Juni letzten Jahres", "2024-06 (relative: im Juni letzten Jahres)"),
    ("entity", "Russland", "russia"),
    ("figure", "1,2 Millionen", "1200000"),
]


def span_of(text: str, surface: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return Span(start, start + len(surface))


@pytest.fixture
def registry(dossier):
    return list(load(dossier.project, Diagnostics()).entities.values())


def test_suggestions_on_a_new_article(registry):
    found = suggestions(TEXT, PUBLISHED, registry)
    assert [(s.kind, s.surface, s.detail) for s in found] == EXPECTED
    for s in found:
        assert TEXT[s.start:s.end] == s.surface
        assert TEXT.splitlines()[s.line - 1][s.column - 1:].startswith(s.surface)


def test_hidden_spans_are_skipped(registry):
    dateline = span_of(TEXT, "3. März 2025")
    found = suggestions(TEXT, PUBLISHED, registry, hidden=[dateline])
    assert [(s.kind, s.surface, s.detail) for s in found] == EXPECTED[1:]


def test_relative_date_without_publication_date_is_unresolved(registry):
    found = {s.surface: s.detail for s in suggestions(TEXT, None, registry)}
    assert found["im Juni letzten Jahres"] == "? (relative: im Juni letzten Jahres)"
    assert found["3. März 2025"] == "2025-03-03"


@pytest.mark.parametrize(
    "text, names",
    [
        ("Der Truppeneinsatz hat begonnen.", []),                            # sentence-initial article + noun
        ("Russische Ausbilder loben die Truppe.", []),                       # two words opening a sentence
        ("Benjamin R. Young, Experte bei der Rand Corporation, erklärt", ["Benjamin R. Young", "Rand Corporation"]),
        ("NATO warnt vor der US-Denkfabrik und McKinsey.", ["NATO", "US-Denkfabrik", "McKinsey"]),
        ("Es kamen Truppen aus dem Osten.", []),                             # single capitalised nouns
        ("Sie trafen Wladimir\nPutin.", []),                                 # no name across a line break
    ],
)
def test_candidate_names(text, names):
    assert [s.surface for s in suggestions(text, None, []) if s.kind == "candidate"] == names


def test_coverage_counts_overlapping_claims_and_ignores_hidden():
    claims = [span_of(TEXT, "rund sechs Tausend Soldaten"), span_of(TEXT, "Juni letzten")]
    assert coverage(TEXT, PUBLISHED, claims) == Coverage(figures=4, figures_covered=1, dates=2, dates_covered=1)
    hidden = [span_of(TEXT, "3. März 2025"), span_of(TEXT, "1,2 Millionen Granaten")]
    assert coverage(TEXT, PUBLISHED, claims, hidden) == Coverage(figures=3, figures_covered=1, dates=1, dates_covered=1)


def test_format_suggestions():
    items = [
        Suggestion("figure", 10, 21, 3, 7, "rund\n11.000", "11000"),
        Suggestion("date", 30, 41, 12, 1, "im Juni", "2024-06 (relative: im Juni)"),
        Suggestion("entity", 50, 61, 13, 5, "Kim Jong In", "kim-jong-un", erroneous=True),
    ]
    assert format_suggestions(items, Coverage(9, 7, 4, 3), linked_names=2) == (
        "3:7   figure     rund 11.000  → 11000\n"
        "12:1  date       im Juni  → 2024-06 (relative: im Juni)\n"
        "13:5  entity     Kim Jong In  → kim-jong-un (erroneous spelling)\n"
        "coverage: 7/9 figures, 3/4 dates covered by claims; 2 mentions of entities in content/entities/ are linked by the build"
    )
    assert format_suggestions([], Coverage(0, 0, 0, 0)) == "coverage: 0/0 figures, 0/0 dates covered by claims"


@pytest.mark.parametrize(
    "text, title, published",
    [
        (TEXT, TITLE, ("2025-03-03", "Datumszeile im Text (Zeile 1: „3. März 2025“)")),
        (f"{TITLE}\n\n\n\nCNN\n\nBerlin, 18.10.2024, 14:35 Uhr\n\nText.", TITLE,
         ("2024-10-18", "Datumszeile im Text (Zeile 7: „Berlin, 18.10.2024, 14:35 Uhr“)")),
        # a date in the headline is what the article is about, not its date
        ("Der Vertrag vom 19. Juni 2024 und seine Folgen\n\nText.", "Der Vertrag vom 19. Juni 2024 und seine Folgen", None),
        # no headline line: the first sentence stands in
        ("Russland und Nordkorea arbeiten zusammen. Die Lage ist kritisch.\nkim jong un\n", "Russland und Nordkorea arbeiten zusammen", None),
    ],
)
def test_detect_title_and_published(text, title, published):
    assert detect_title(text) == title
    assert detect_published(text) == published


def test_detection_agrees_with_a_hand_made_annotation():
    annotation = yaml.safe_load((ROOT / "content/articles/001_e681e366ec677afe.yml").read_text(encoding="utf-8"))
    text = (ROOT / "seeds/001_e681e366ec677afe.txt").read_text(encoding="utf-8")
    assert detect_title(text) == annotation["title"]
    assert detect_published(text)[0] == annotation["published"]
    made = yaml.safe_load(scaffold("001_e681e366ec677afe.txt", text, [], []).text)
    by_reason = {h["reason"]: h["quote"] for h in made["hide"]}
    expected = {h["reason"]: h["quote"] for h in annotation["hide"] if h["reason"] in by_reason}
    assert by_reason == expected  # the duplicated headline is hidden as one span, as by hand


def _uncomment(annotation: str) -> str:
    """The scaffold with every suggested claim filled in as a contributor would."""
    out = []
    for line in annotation.replace("claims: []", "claims:").splitlines():
        if m := re.fullmatch(r"#(  - id: (figure|date)\S*).*", line):
            proposition = "troops\n    scope: total" if m[2] == "figure" else "treaty-date\n    scope: signed"
            out += [m[1], f"    proposition: {proposition}\n    attributed_to: kyrylo-budanov\n    stance: reports"]
        elif m := re.fullmatch(r"#(    (?:quote|prefix|suffix): .*)", line):
            out.append(m[1])
        elif m := re.fullmatch(r"#    # value: (.*)", line):
            out.append(f"    value: {m[1]}")
        else:
            out.append(line)
    return "\n".join(out) + "\n"


def test_scaffold_loads_and_its_suggestions_anchor(dossier, registry):
    corpus = load(dossier.project, Diagnostics())
    text = scaffold("new.txt", TEXT, registry, corpus.propositions.values()).text
    assert text.startswith("# yaml-language-server: $schema=../../dossier/schemas/article.schema.json\n")
    dossier.article("new", TEXT, text)
    checked = check(dossier.project)
    assert not checked.diagnostics.errors, checked.diagnostics.report()
    assert main(["--root", str(dossier.root), "check"]) == 0

    data = yaml.safe_load(text)
    assert data == {
        "seed": "new.txt",
        "title": TITLE,
        "published": "2025-03-03",
        "published_basis": "Datumszeile im Text (Zeile 1: „3. März 2025“)",
        "language": "de",
        "hide": [
            {"quote": "3. März 2025", "reason": "dateline"},
            {"quote": "Politik", "reason": "rubric"},  # a one-word line above the headline
            {"quote": TITLE, "reason": "title"},
        ],
        "claims": [],
    }
    assert "# Unbekannte Namen (ggf. in content/entities/ eintragen): Olena Kovalenko, Rand Corporation, ISW\n" in text
    assert "#   kyrylo-budanov: Kyrylo Budanow\n" in text
    assert "#    # proposition: ?  scope: ?  attributed_to: ?\n" in text
    assert "#   troops (count; scope: total, first): Wie viele Soldaten?\n" in text

    # Filled in, every suggested claim anchors once, to the figure or date it was made for.
    dossier.write("content/articles/new.yml", _uncomment(text))
    checked = check(dossier.project)
    assert not checked.diagnostics.errors, checked.diagnostics.report()
    (article,) = checked.corpus.articles
    anchored = anchor_article(article, Diagnostics())
    quotes = [(c.selector.quote, c.value) for c in article.claims]
    assert quotes == [
        ("rund sechs Tausend", 6000),
        ("1,2 Millionen Dollar", 1200000),
        ("Tausende", {"min": 2000}),
        ("im Juni letzten Jahres", "2024-06"),
        ("1,2 Millionen Granaten", 1200000),
    ]
    covered = coverage(TEXT, PUBLISHED, anchored.claims.values(), anchored.hides)
    assert covered == Coverage(figures=4, figures_covered=4, dates=1, dates_covered=1)


def test_scaffold_without_dateline_and_with_hostile_title(dossier):
    title = 'Er sagte: "Nein" # C:\\pfad\x01\x9f\u2028 — ok'
    body = f"{title}\n\nIm Juni kamen 500 Soldaten. Im Juni kamen 500 Soldaten.\n"
    assert yaml.safe_load(scaffold("odd.txt", body, [], []).text)["title"] == title
    # A C0 control character is an error in a seed (tests/test_hostile_files.py): the rest is checked without it.
    title, body = title.replace("\x01", ""), body.replace("\x01", "")
    text = scaffold("odd.txt", body, [], []).text
    assert "published:" not in yaml.safe_load(text)
    assert '# published: "JJJJ-MM-TT"' in text
    dossier.article("odd", body, text)
    checked = check(dossier.project)
    assert not checked.diagnostics.errors, checked.diagnostics.report()
    assert checked.corpus.articles[0].title == title
    # Repeated figures and dates get quotes with context that the anchor stage finds once.
    index = TextIndex(body)
    selectors = re.findall(r'^#    quote: (".*")\n(?:#    (prefix|suffix): (".*")\n)?', text, re.M)
    assert len(selectors) == 4
    for quote, key, context in selectors:
        selector = Selector(yaml.safe_load(quote), **({key: yaml.safe_load(context)} if key else {}))
        diagnostics = Diagnostics()
        assert resolve(selector, index, checked.corpus.articles[0], diagnostics), diagnostics.report()


@pytest.mark.parametrize("stem", sorted(p.stem for p in (ROOT / "content/articles").glob("*.yml")))
def test_coverage_of_an_annotated_article(stem):
    corpus = load(Project(ROOT), Diagnostics())
    article = next(a for a in corpus.articles if a.id == stem)
    anchored = anchor_article(article, Diagnostics())
    figures = [s for s in suggestions(article.text, article.published, corpus.entities.values(), anchored.hides) if s.kind == "figure"]
    dates = [s for s in suggestions(article.text, article.published, [], anchored.hides) if s.kind == "date"]

    def covered(found: list[Suggestion], spans: list[Span]) -> int:
        """How many of ``found`` a span overlaps (the documented meaning of covered)."""
        return sum(any(span.start < s.end and s.start < span.end for span in spans) for s in found)

    claimed = list(anchored.claims.values())
    full = coverage(article.text, article.published, claimed, anchored.hides)
    assert full == Coverage(len(figures), covered(figures, claimed), len(dates), covered(dates, claimed))

    # Each claim alone covers the figures and dates its quote touches, and no others.
    for span in claimed:
        alone = coverage(article.text, article.published, [span], anchored.hides)
        assert alone == Coverage(len(figures), covered(figures, [span]), len(dates), covered(dates, [span]))
    none = coverage(article.text, article.published, [], anchored.hides)
    assert (none.figures_covered, none.dates_covered) == (0, 0)
    # Hidden text is neither suggested nor counted.
    visible = [s for s in suggestions(article.text, article.published, [], []) if s.kind in ("figure", "date")]
    hidden = [s for s in visible if any(h.start < s.end and s.start < h.end for h in anchored.hides)]
    assert not {(s.start, s.kind) for s in hidden} & {(s.start, s.kind) for s in figures + dates}
    everything = coverage(article.text, article.published, [], [])
    assert everything.figures + everything.dates == full.figures + full.dates + len(hidden)


def test_new_summarises_and_suggest_lists_only_what_is_left_to_do(dossier, capsys):
    dossier.write("seeds/new.txt", TEXT + "Kim Jong In schweigt.\n")
    assert main(["--root", str(dossier.root), "new", "seeds/new.txt"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == (
        "created content/articles/new.yml: 4 figures and 1 date suggested as claims (commented out); "
        "names listed: 3 from content/entities/, 3 not in it"
    )
    assert "→" not in out  # the listing is in the file, not repeated on the terminal

    # spliced into the written file as a contributor would, so the scaffold's comments stay
    claims = dump({"claims": [claim("c", "rund sechs Tausend", value=6000, attributed_to="kyrylo-budanov")]})
    annotation = (dossier.root / "content/articles/new.yml").read_text("utf-8").replace("claims: []\n", claims, 1)
    dossier.write("content/articles/new.yml", annotation)
    assert main(["--root", str(dossier.root), "suggest", "new"]) == 0
    listed = capsys.readouterr().out.splitlines()
    kinds = [line.split()[1] for line in listed[:-1]]
    assert kinds == ["candidate", "candidate", "figure", "figure", "candidate", "date", "figure", "entity"]
    assert listed[-2].endswith("Kim Jong In  → kim-jong-un (erroneous spelling)")  # worth a note; correct names are not listed
    assert not any("rund sechs Tausend" in line for line in listed), "covered by claim c"
    assert listed[-1] == ("coverage: 1/4 figures, 0/1 dates covered by claims; "  # Russland in the title line counts too
                          "4 mentions of entities in content/entities/ are linked by the build")


WIKI = """Nordkoreanische Truppen in Russland
[Bearbeiten | Quelltext bearbeiten]
Im Oktober 2024 wurden rund 12.000 Soldaten verlegt.[1] Mit der Verlegung begann ein neuer Abschnitt.[2][3]
Reaktionen
[Bearbeiten | Quelltext bearbeiten]
Die Ukraine meldete 1.100 Verwundete.[4]
"""


def test_wiki_noise_is_offered_as_hidden_and_footnotes_are_no_figures(dossier):
    made = scaffold("wiki.txt", WIKI, [], [])
    data = yaml.safe_load(made.text)
    edit_links = [h for h in data["hide"] if h["quote"] == "[Bearbeiten | Quelltext bearbeiten]"]
    assert len(edit_links) == WIKI.count("[Bearbeiten | Quelltext bearbeiten]") and {h["reason"] for h in edit_links} == {"other"}
    figures = [s.surface for s in made.suggestions if s.kind == "figure"]
    assert figures == ["rund 12.000", "1.100"]  # not the footnote markers [1] to [4]
    dossier.article("wiki", WIKI, made.text)
    checked = check(dossier.project)
    assert not checked.diagnostics.errors, checked.diagnostics.report()  # each edit link hidden once, by its context
    hidden = "".join(WIKI[h.start:h.end] for a in checked.linked for h in a.anchored.hides)
    assert hidden.count("Bearbeiten") == WIKI.count("Bearbeiten")


def test_label_lines_above_the_headline_are_rubrics_and_below_it_bylines():
    text = "Speech\nNorth Korean troops reach the Kursk front\nReuters\nKYIV – About 10,000 troops have arrived, Kyiv says.\n"
    hides = {h["quote"]: h["reason"] for h in yaml.safe_load(scaffold("s.txt", text, [], [], "en").text)["hide"]}
    assert hides == {"Speech": "rubric", "North Korean troops reach the Kursk front": "title", "Reuters": "byline"}


def test_suggest_lists_the_title_line_and_unlinked_compounds(dossier, capsys):
    text = "Weitere 6.000 Soldaten nach Russland\n\nDer Russlandtag begann mit 300 Soldaten.\n"
    title = "Weitere 6.000 Soldaten nach Russland"
    dossier.annotate("t", text, title=title, hide=[hide(title)])
    assert main(["--root", str(dossier.root), "suggest", "t"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert listed[0].startswith("1:9 ") and "figure" in listed[0] and "6.000" in listed[0]  # in the title line
    [compound] = [line for line in listed if "Russlandtag" in line]  # a rest of 3 letters: too short to link
    assert "candidate" in compound and "russia" in compound
    assert listed[-1].endswith("1 mentions of entities in content/entities/ are linked by the build")  # the title's Russland
