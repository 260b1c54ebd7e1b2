"""What to tag in an article, and a first annotation file for a new one.

Finding the claims is the slow part of annotating: nearly every figure and
date in a news text is one, and every name either is in the registry or
probably should be. This module lists them (for ``dossier suggest``) and
writes a starting annotation file (for ``dossier new``) whose suggested
claims are commented out, so that the file loads cleanly until a person has
decided what each figure is a claim about.

Figures, dates and aliases come from ``numbers``, ``dates`` and ``mentions``;
this module only adds unknown names. German capitalises every noun, so a
single capitalised word is no evidence of a name: only runs of two or more
capitalised words ("Rand Corporation"), acronyms ("ISW") and words with an
inner capital ("US-Denkfabrik", "McDonald") are offered.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import islice
from typing import Any, NamedTuple

from . import locales
from .anchor import anchor_article
from .coverage import figures_and_dates, scan
from .dates import DateMention, PartialDate, find_dates
from .diagnostics import Diagnostics
from .languages import rules
from .link import link_article
from .mentions import WORD, AliasMatcher
from .model import Article, Corpus, Entity, Proposition, Span
from .recall import contains_form, inside_forms
from .spans import Overlaps, Ranged
from .textindex import TextIndex, line_column, normalise
from .values import count_yaml

# Title and dateline sit in the first few lines; later ones are body text.
HEAD_LINES = 5
# A dateline may carry a place, a weekday or a time beside the date.
DATELINE_EXTRA_WORDS = 3
HEADLINE_WORDS = (3, 25)
# A head line this short that is no headline is a label: rubric or byline.
LABEL_WORDS = 2
# A head line that opens like a byline ("By Staff Reporter") is one up to this many words.
BYLINE_WORDS = 6
# A wire dateline opening the first paragraph: "SEOUL, Jan 13, 2025 – North Korean ...".
_DATELINE_LEAD = re.compile(r"([^\n]{1,60}?)\s+[–—-](?=\s)")
# How far a quote grows, or how much context it takes, to become unique.
MAX_EXTRA_WORDS = 8
MAX_CONTEXT_WORDS = 12
# How far back the prefix words are looked for (a word is rarely longer than 80 characters).
_CONTEXT_CHARS = MAX_CONTEXT_WORDS * 80

# Edit links that wikis put beside every heading.
_EDIT_LINK = re.compile(r"\[(?:Bearbeiten(?: \| Quelltext bearbeiten)?|Quelltext bearbeiten|edit(?: \| edit source)?|edit source)\]")
_KIND_ORDER = {"figure": 0, "date": 1, "entity": 2, "candidate": 3}
_WORD = re.compile(r"[^\W\d_]+")
_RUN = re.compile(r"\S+")
# A capitalised word, or an initial ("R." in "Benjamin R. Young").
_TOKEN = re.compile(r"[A-ZÄÖÜ]\.(?=[ \u00a0]+[A-ZÄÖÜ])|[^\W\d_][\w'’-]*")
_NAME_GAP = re.compile(r"[ \u00a0]+")
_ACRONYM = re.compile(r"[A-ZÄÖÜ]{2,6}(?:-\d+)?")
_INNER_CAPITAL = re.compile(r"[a-zäöüß][A-ZÄÖÜ]|-[A-ZÄÖÜ]")
# A sentence ends after a word, not after an ordinal ("19. Juni") or an initial ("R. Young").
_SENTENCE_END = r"(?<=[^\W\d]{2})[.!?]"
_SENTENCE_BREAK = re.compile(_SENTENCE_END + r"\s+[A-ZÄÖÜ„\"]")
_FIRST_SENTENCE = re.compile(rf".+?(?:{_SENTENCE_END}(?=\s)|$)")
_EXTENSION_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
_OPENERS = " \t\u00a0„“\"»«‚‘'("
# Capitalised only because they open a sentence; never the start of a name.
_FUNCTION_WORDS = frozenset(
    "der die das dem den des ein eine einer eines einem einen diese dieser dieses diesem diesen "
    "auch aber und oder doch denn so da als wie wenn dass ob nach laut bei in im am an auf aus für "
    "mit von vom zum zur über unter seit gegen durch es er sie wir ihr ich man sein seine ihre "
    "zudem dabei damit jedoch außerdem deshalb daher hier dort bereits nun noch".split()
)
# Characters JSON leaves as they are but YAML does not: PyYAML rejects the
# controls and non-characters, and reads NEL and U+2028/9 as line breaks.
_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


@dataclass(frozen=True)
class Suggestion:
    """Something in the text that is probably worth a claim or a registry entry."""

    kind: str  # "figure" | "date" | "entity" | "candidate" (a name not in the registry)
    start: int
    end: int
    line: int  # 1-based, for messages
    column: int
    surface: str  # text[start:end]
    detail: str  # normalised value, entity id, or why a candidate is listed
    erroneous: bool = False  # an entity named by a spelling its registry entry marks as wrong


@dataclass(frozen=True)
class Coverage:
    """How many visible figures and dates some claim already covers."""

    figures: int
    figures_covered: int
    dates: int
    dates_covered: int


class _Line(NamedTuple):
    number: int
    start: int  # offsets of the line without surrounding white space
    end: int
    text: str


def suggestions(
    text: str, published: PartialDate | None, entities: Iterable[Entity], hidden: Iterable[Span] = (), language: str = "de"
) -> list[Suggestion]:
    """Figures, dates, known names and unknown names outside ``hidden``, in text order."""
    return [s for s, _ in _scan(TextIndex(text), published, entities, hidden, language)]


class LeftToDo(NamedTuple):
    """What ``dossier suggest`` prints for one annotated article."""

    items: list[Suggestion]
    coverage: Coverage
    linked: int  # mentions of registered entities the build links by itself


def left_to_do(corpus: Corpus, article: Article) -> LeftToDo:
    """Figures and dates no claim covers, names not in the registry, words
    that contain a registered name but are not linked (compounds), and
    registered names in a spelling marked wrong; the title line counts as
    text (it is the page heading). Correct registered names are only counted:
    the build links them."""
    anchored = anchor_article(article, Diagnostics())  # `dossier check` reports broken quotes
    linked = link_article(corpus, anchored, AliasMatcher(corpus.entities.values()), Diagnostics()).mentions
    claimed = Overlaps(anchored.claims.values())
    entities = corpus.entities.values()
    found = [
        s for s in suggestions(article.text, article.published, entities, anchored.unseen, article.language)
        if s.kind == "candidate" or (s.erroneous if s.kind == "entity" else not claimed.any(s.start, s.end))
    ]
    found += _unlinked_compounds(corpus, article.text, [*linked, *found], anchored.unseen)
    found.sort(key=lambda s: (s.start, _KIND_ORDER[s.kind]))
    cov = coverage(article.text, article.published, anchored.claims.values(), anchored.unseen, article.language)
    return LeftToDo(found, cov, len(linked))


def _unlinked_compounds(corpus: Corpus, text: str, taken: list[Ranged], hidden: tuple[Span, ...]) -> list[Suggestion]:
    """Visible words that begin or end with a registered name but link nothing
    ("Merkelraute", "Kurskorrektur"): an alias to add, or a near miss."""
    forms = inside_forms(corpus)
    busy = Overlaps([*taken, *hidden])
    out = []
    for token in WORD.finditer(text):
        if busy.any(token.start(), token.end()):
            continue
        owner = contains_form(token.group(), forms)
        if owner is not None:
            line, column = line_column(text, token.start())
            out.append(Suggestion("candidate", token.start(), token.end(), line, column, token.group(),
                                  f"contains a name of {owner}, not linked (compound?)"))
    return out


def coverage(
    text: str, published: PartialDate | None, claim_spans: Iterable[Span], hidden: Iterable[Span] = (), language: str = "de"
) -> Coverage:
    """Counts of visible figures and dates, and of those a claim span overlaps."""
    found = scan(text, published, claim_spans, hidden, language)
    figures = [f for f in found if f.kind == "figure"]
    dates = [f for f in found if f.kind == "date"]
    return Coverage(len(figures), sum(f.covered for f in figures), len(dates), sum(f.covered for f in dates))


def detect_title(text: str, language: str = "de") -> str:
    """The headline: the first head line that is neither dateline, rubric nor byline.

    Without one (some scraped texts start with the teaser), the first
    sentence of the text stands in, so that the annotation still has a title
    for a person to improve.
    """
    head = _head(text)
    headline = _headline(head, language)
    if headline:
        return headline.text
    body = next((line.text for line in head if not _dateline(line.text, language)), "")
    first = _FIRST_SENTENCE.match(body)
    return first.group().rstrip(".") if first else ""


def _words() -> dict[str, Any]:
    """The comments of a new annotation file, in the dossier's language (its
    contributors' language, like the site's; the article's own may differ)."""
    return dict(locales.active().SCAFFOLD)


def detect_published(text: str, language: str = "de") -> tuple[str, str] | None:
    """(ISO date, basis) from a dateline near the top, e.g. "18. Oktober, 2024".

    Only datelines count: a date inside a headline ("Vertrag vom 19. Juni
    2024") is what the article is about, not when it appeared.
    """
    for line in _head(text):
        shown = line.text if _dateline(line.text, language) else _lead(line.text, language)[0]
        mention = _dateline(shown, language) if shown else None
        if mention and mention.value:
            return mention.value.start.iso(), _words()["dateline_basis"].format(line=line.number, text=shown)
    return None


def _lead(line: str, language: str) -> tuple[str, int]:
    """A dateline that opens the line before a dash ("SEOUL, Jan 13, 2025 –"), and
    where its dash ends (the span to hide); ("", 0) without one."""
    lead = _DATELINE_LEAD.match(line)
    return (lead.group(1), lead.end()) if lead and _dateline(lead.group(1), language) else ("", 0)


def _byline(line: str, language: str) -> bool:
    """"By Staff Reporter", "Von Anna Muster": a short head line that opens like a byline."""
    language_rules = rules(language)
    return bool(language_rules and re.match(language_rules.byline, line) and len(line.split()) <= BYLINE_WORDS
                and line[-1] not in ".!?:")


class Scaffold(NamedTuple):
    text: str  # the YAML of the new annotation file
    suggestions: list[Suggestion]  # what it suggests, in text order


def scaffold(
    seed_name: str, text: str, entities: Iterable[Entity], propositions: Iterable[Proposition], language: str = "de"
) -> Scaffold:
    """The YAML of a new annotation file for ``seeds/<seed_name>``, and what it suggests.

    Everything that needs a person's judgement (which proposition a figure
    answers, in which scope, said by whom) is left in comments, so the file
    passes ``dossier check`` as written.
    """
    index = TextIndex(text)
    detected = detect_published(text, language)
    hides = _hides(text, _head(text), language)
    published = PartialDate.parse(detected[0]) if detected else None
    found = _scan(index, published, entities, [Span(start, end) for start, end, _ in hides], language)

    out = [
        "# yaml-language-server: $schema=../../dossier/schemas/article.schema.json",
        f"seed: {_q(seed_name)}",
        f"title: {_q(detect_title(text, language) or seed_name.rsplit('.', 1)[0])}",
    ]
    if detected:
        out += [f"published: {_q(detected[0])}", f"published_basis: {_q(detected[1])}"]
    else:
        out += [f"# {line}" for line in _words()["no_dateline"]]
    out += [f"language: {language}", ""]
    if hides:
        out.append("hide:")
        for start, end, reason in hides:
            out += _selector_lines(index, start, end, extend=False, indent="  - ")
            out.append(f"    reason: {reason}")
        out.append("")
    out.append("claims: []")
    out += _claim_suggestions(index, found, propositions)
    suggested = [s for s, _ in found]
    out += _name_lists(suggested)
    return Scaffold("\n".join(out) + "\n", suggested)


def format_suggestions(items: list[Suggestion], cov: Coverage, linked_names: int | None = None) -> str:
    """One line per suggestion ("line:col  kind  surface  → detail"), then the
    coverage and, when given, how many registered names the text links by itself."""
    width = max((len(f"{s.line}:{s.column}") for s in items), default=0)
    lines = [
        f"{f'{s.line}:{s.column}':<{width}}  {s.kind:<9}  {normalise(s.surface)}  → {s.detail}"
        + (" (erroneous spelling)" if s.erroneous else "")
        for s in items
    ]
    summary = f"coverage: {cov.figures_covered}/{cov.figures} figures, {cov.dates_covered}/{cov.dates} dates covered by claims"
    if linked_names is not None:
        summary += f"; {linked_names} mentions of entities in content/entities/ are linked by the build"
    lines.append(summary)
    return "\n".join(lines)


def _scan(
    index: TextIndex, published: PartialDate | None, entities: Iterable[Entity], hidden: Iterable[Span], language: str
) -> list[tuple[Suggestion, str]]:
    """Suggestions, each with its claim value in YAML flow style ("" for names)."""
    text = index.source
    taken = bytearray(len(text))  # 1 under hidden text and, later, under every suggestion
    for span in hidden:
        taken[span.start:span.end] = b"\1" * (span.end - span.start)

    found: list[tuple[str, int, int, str, bool, str]] = []  # kind, start, end, detail, erroneous, value
    figures, dates = figures_and_dates(text, published, language)
    for figure in figures:
        value = count_yaml(figure)
        found.append(("figure", figure.start, figure.end, value, False, value))
    for date in dates:
        found.append(("date", date.start, date.end, _date_detail(date), False, _date_value(date)))
    for mention in AliasMatcher(entities).find(text):
        found.append(("entity", mention.start, mention.end, mention.entity, mention.erroneous, ""))
    found = [f for f in found if not any(taken[f[1]:f[2]])]
    for _, start, end, *_ in found:
        taken[start:end] = b"\1" * (end - start)
    found += [("candidate", start, end, "not in content/entities/", False, "") for start, end in _candidates(text, taken)]

    found.sort(key=lambda f: (f[1], _KIND_ORDER[f[0]]))
    return [
        (Suggestion(kind, start, end, *index.line_column(start), text[start:end], detail, erroneous), value)
        for kind, start, end, detail, erroneous, value in found
    ]


def _candidates(text: str, taken: bytearray) -> list[tuple[int, int]]:
    """Spans of likely names that no other suggestion or hidden span touches."""
    runs: list[list[re.Match[str]]] = []
    for token in _TOKEN.finditer(text):
        if not token.group()[0].isupper() or any(taken[token.start():token.end()]):
            runs.append([])
            continue
        if runs and runs[-1] and _NAME_GAP.fullmatch(text, runs[-1][-1].end(), token.start()):
            runs[-1].append(token)
        else:
            runs.append([token])
    spans = []
    for run in runs:
        if run and _sentence_initial(text, run[0].start()) and not _distinctive(run[0].group()):
            if len(run) == 2 or run[0].group().lower() in _FUNCTION_WORDS:
                run = run[1:]  # "Der Truppeneinsatz", "Russische Ausbilder"
        if len(run) >= 2 or (run and _distinctive(run[0].group())):
            spans.append((run[0].start(), run[-1].end()))
    return spans


def _distinctive(word: str) -> bool:
    """An acronym or a word with an inner capital: a name even on its own."""
    return bool(_ACRONYM.fullmatch(word) or _INNER_CAPITAL.search(word))


def _sentence_initial(text: str, start: int) -> bool:
    """Whether ``start`` opens a sentence or a line, where German capitalises any word."""
    i = start - 1
    while i >= 0 and text[i] in _OPENERS:
        i -= 1
    return i < 0 or text[i] in "\r\n.!?:"


def _date_value(date: DateMention) -> str:
    """The value of a date claim: "2024-06" or {from: ..., to: ...}; "?" when unresolved."""
    if date.value is None:
        return "?"
    if date.value.start == date.value.end:
        return _q(date.value.start.iso())
    return f"{{from: {_q(date.value.start.iso())}, to: {_q(date.value.end.iso())}}}"


def _date_detail(date: DateMention) -> str:
    """The resolved date, and for a relative one the words it was resolved from."""
    value = date.value.iso() if date.value else "?"
    return f"{value} (relative: {normalise(date.surface)})" if date.relative else value


def _head(text: str) -> list[_Line]:
    """The first non-empty lines, where datelines, rubrics and headlines are."""
    lines: list[_Line] = []
    offset = 0
    for number, raw in enumerate(text.split("\n"), 1):
        stripped = raw.strip()
        if stripped:
            start = offset + len(raw) - len(raw.lstrip())
            lines.append(_Line(number, start, start + len(stripped), stripped))
            if len(lines) == HEAD_LINES:
                break
        offset += len(raw) + 1
    return lines


def _dateline(line: str, language: str) -> DateMention | None:
    """The absolute date a line consists of ("18. Oktober, 2024", "Berlin, 3.3.2025, 14:35 Uhr")."""
    for mention in find_dates(line, None, language):
        if mention.relative or mention.value is None or mention.value.start != mention.value.end:
            continue
        if len(_WORD.findall(line[: mention.start] + line[mention.end:])) <= DATELINE_EXTRA_WORDS:
            return mention
    return None


def _headline(head: list[_Line], language: str) -> _Line | None:
    """The first line that reads like a headline: a few words, one sentence, no final period.

    Rubrics ("Politik") and bylines ("CNN") are too short, teasers and
    captions end in a period or hold several sentences.
    """
    low, high = HEADLINE_WORDS
    for line in head:
        words = line.text.split()
        if (
            low <= len(words) <= high
            and (line.text[0].isupper() or line.text[0].isdigit())
            and line.text[-1] not in ".:"
            and not _SENTENCE_BREAK.search(line.text)
            and not _dateline(line.text, language)
            and not _byline(line.text, language)
        ):
            return line
    return None


def _hides(text: str, head: list[_Line], language: str) -> list[tuple[int, int, str]]:
    """Noise to hide, as (start, end, reason) in text order.

    Datelines and the headline; short label lines in the head ("Politik",
    "Speech" above the headline are rubrics, "CNN" below it a byline); and
    anywhere, wiki edit links ("[Bearbeiten | Quelltext bearbeiten]"). A
    headline repeated on the next lines (scrapers often duplicate it) is
    hidden as one span together with its copies.
    """
    hides = [(line.start, line.end, "dateline") for line in head if _dateline(line.text, language)]
    hides += [(line.start, line.start + lead[1], "dateline") for line in head
              if not _dateline(line.text, language) and (lead := _lead(line.text, language))[0]]
    headline = _headline(head, language)
    copies: list[_Line] = []
    if headline:
        end = headline.end
        for line in head[head.index(headline) + 1:]:
            if line.text != headline.text:
                break
            end = line.end
            copies.append(line)
        hides.append((headline.start, end, "title"))
    taken = {start for start, _, _ in hides} | {line.start for line in copies}
    for line in head:
        if line.start in taken:
            continue
        if _byline(line.text, language):
            hides.append((line.start, line.end, "byline"))
        elif len(line.text.split()) <= LABEL_WORDS and line.text[-1] not in ".!?:":
            below = headline is not None and line.start > headline.start
            hides.append((line.start, line.end, "byline" if below else "rubric"))
    hides += [(m.start(), m.end(), "other") for m in _EDIT_LINK.finditer(text)]
    return sorted(hides)


def _claim_suggestions(index: TextIndex, found: list[tuple[Suggestion, str]], propositions: Iterable[Proposition]) -> list[str]:
    """Commented-out claim blocks for every figure and date, with the propositions to choose from."""
    blocks = [(s, value) for s, value in found if s.kind in ("figure", "date")]
    if not blocks:
        return []
    words = _words()
    out = [f"# {line}" for line in words["suggestions"]]
    choices = [p for p in propositions if p.type in ("count", "date")]
    if choices:
        out.append(f"# {words['questions']}")
        out += [
            f"#   {p.id} ({p.type}; scope: {', '.join(p.scopes)}): {normalise(p.question)}"
            for p in sorted(choices, key=lambda p: (p.type, p.id))
        ]
    # index the words every selector tried may hold, as the anchor stage does for its quotes
    index.expect(normalise(index.source[max(0, s.start - _CONTEXT_CHARS): s.end + _CONTEXT_CHARS]) for s, _ in blocks)
    used: set[str] = set()
    for suggestion, value in blocks:
        slug = re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")
        claim_id = f"{suggestion.kind}-{slug}" if slug else suggestion.kind
        n = 1
        while claim_id in used:
            n += 1
            claim_id = f"{suggestion.kind}-{slug}-{n}" if slug else f"{suggestion.kind}-{n}"
        used.add(claim_id)
        out += [
            "#",
            f"#  - id: {claim_id}  # {words['line'].format(line=suggestion.line)}",
            *(f"#{line}" for line in _selector_lines(index, suggestion.start, suggestion.end, extend=True, indent="    ")),
            "#    # proposition: ?  scope: ?  attributed_to: ?",
            f"#    # value: {value}",
        ]
    return out


def _name_lists(found: list[Suggestion]) -> list[str]:
    """Comment lines naming the registry entries found and the unknown names."""
    words = _words()
    out: list[str] = []
    surfaces: dict[str, dict[str, None]] = {}
    for s in found:
        if s.kind == "entity":
            form = normalise(s.surface) + (f" ({words['misspelling']})" if s.erroneous else "")
            surfaces.setdefault(s.detail, {})[form] = None
    if surfaces:
        out += ["", f"# {words['known']}"]
        out += [f"#   {entity}: {', '.join(forms)}" for entity, forms in surfaces.items()]
    unknown = dict.fromkeys(normalise(s.surface) for s in found if s.kind == "candidate")
    if unknown:
        out += ["", f"# {words['unknown']} {', '.join(unknown)}"]
    return out


def _selector_lines(index: TextIndex, start: int, end: int, extend: bool, indent: str) -> list[str]:
    """YAML lines of a selector naming exactly this span (see ``_selector``)."""
    selector = _selector(index, start, end, extend)
    pad = " " * len(indent)
    return [f"{indent if i == 0 else pad}{key}: {_q(value)}" for i, (key, value) in enumerate(selector.items())]


def _selector(index: TextIndex, start: int, end: int, extend: bool) -> dict[str, str]:
    """A quote, with a prefix or suffix if needed, that the anchor stage finds once.

    A claim's quote may grow by the following words; a hidden span must not
    grow (it would hide more), so it only takes context. When nothing makes
    it unique the bare quote is returned, and ``dossier check`` explains.
    """
    text = index.source
    quote = normalise(text[start:end])
    if _hits(index, quote) == 1:
        return {"quote": quote}
    if extend:
        for word in islice(_EXTENSION_WORD.finditer(text, end), MAX_EXTRA_WORDS):
            longer = normalise(text[start:word.end()])
            if _hits(index, longer) == 1:
                return {"quote": longer}
    # only the words near the span: listing all of them would make a long seed quadratic
    before = list(_RUN.finditer(text, max(0, start - _CONTEXT_CHARS), start))[::-1]
    after = list(islice(_RUN.finditer(text, end), MAX_CONTEXT_WORDS))
    for key, runs in (("prefix", before), ("suffix", after)):
        for run in runs[:MAX_CONTEXT_WORDS]:
            context = normalise(text[run.start():start] if key == "prefix" else text[end:run.end()])
            if _hits(index, quote, **{key: context}) == 1:
                return {"quote": quote, key: context}
    return {"quote": quote}


def _hits(index: TextIndex, quote: str, prefix: str = "", suffix: str = "") -> int:
    """How often the anchor stage would find this selector, up to 2: the anchor
    stage's own search (``TextIndex.find``), so the two never disagree."""
    return len(index.find(quote, prefix, suffix, limit=2))


def _q(value: str) -> str:
    """A YAML double-quoted scalar: JSON's quoting, plus escapes for what PyYAML rejects."""
    return _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(value, ensure_ascii=False))
