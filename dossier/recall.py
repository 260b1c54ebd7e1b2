"""Recall report: per entity, the forms linked and the candidates left unlinked.

Reading every article to find what the matcher missed does not scale, so
the report points an editor at the likely misses: capitalised words right
next to a linked mention ("Präsident" in "Präsident Putin", a longer name
the registry lacks) and words that contain a registered form but were not
linked (people named like a German word, short forms, "Youngster"). Both are
candidates, not findings: the editor decides and adds an alias.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import TypeVar

from .diagnostics import Diagnostics
from .fold import straighten
from .link import LinkedArticle
from .mentions import WORD, AliasMatcher, Mention
from .model import Alias, Article, Corpus, Entity
from .names import STOPWORDS, alias_position
from .spans import Overlaps
from .textindex import line_column

# Words joined to a mention by at most a space or hyphen count as its neighbours.
_NEIGHBOUR_GAP = re.compile(r"[ \-‐‑]")
# How many capitalised words before or after a mention the report extends it by.
_NEIGHBOURS = 2
# Registered forms shorter than this are not looked for inside other words.
_INSIDE_MIN = 4
_STOP = frozenset().union(*STOPWORDS.values())


@dataclass(slots=True)
class EntityRecall:
    """What one entity's report lists: surface -> how often, and where."""

    found: Counter[tuple[str, str]] = field(default_factory=Counter)  # (surface, Mention.via)
    candidates: Counter[str] = field(default_factory=Counter)
    where: dict[str, set[str]] = field(default_factory=dict)  # candidate -> article ids


def collect(corpus: Corpus, linked: list[LinkedArticle]) -> dict[str, EntityRecall]:
    """Every entity's linked forms and unlinked candidates, over all articles."""
    report = {eid: EntityRecall() for eid in sorted(corpus.entities)}
    inside = inside_forms(corpus)
    for item in linked:
        text = item.article.text
        covered = Overlaps(item.mentions)
        for m in item.mentions:
            entry = report[m.entity]
            entry.found[(m.surface, m.via)] += 1
            for candidate in _around(text, m, covered):
                _note(entry, candidate, item.article.id)
        for token in WORD.finditer(text):
            if covered.any(token.start(), token.end()):
                continue
            owner = contains_form(token.group(), inside)
            if owner is not None:
                _note(report[owner], token.group(), item.article.id)
    return report


def render(corpus: Corpus, report: dict[str, EntityRecall]) -> str:
    """The report as plain text, entities in id order, most frequent forms first."""
    lines: list[str] = []
    for eid, entry in report.items():
        if not entry.found and not entry.candidates:
            continue
        lines.append(f"{eid} ({corpus.entities[eid].name})")
        if entry.found:
            lines.append("  found: " + ", ".join(
                f"{_q(s)} ×{n}" + (f" [{via}]" if via else "") for (s, via), n in _ranked(entry.found)))
        if entry.candidates:
            lines.append("  not linked: " + ", ".join(
                f"{_q(s)} ×{n} ({', '.join(sorted(entry.where[s]))})" for s, n in _ranked(entry.candidates)))
    return "\n".join(lines) + ("\n" if lines else "")


def mention_report(corpus: Corpus, linked: list[LinkedArticle]) -> str:
    """``dossier check --report mentions``: collect, then render, then the
    aliases that match nowhere (kept ones with their reason)."""
    tail = ""
    for eid, i in unmatched_aliases(corpus):
        alias = corpus.entities[eid].aliases[i]
        tail += f"alias matches nowhere: {_q(alias.form)} of {eid}" + (f" (kept: {alias.kept})" if alias.kept else "") + "\n"
    return render(corpus, collect(corpus, linked)) + tail


def unmatched_aliases(corpus: Corpus) -> list[tuple[str, int]]:
    """(entity id, alias index) of every alias that matches no article on its
    own: a typo, a form no text uses (yet), or one its case rule keeps from matching.

    Aliases are matched without the entity's name, and those not found once
    more without the aliases found, so a longer form that wins the same
    words ("Kyrylo Budanow" over "Budanow") does not hide a shorter one.
    """
    alone = _alone(corpus, [(eid, i) for eid in sorted(corpus.entities) for i in range(len(corpus.entities[eid].aliases))])
    for _ in range(2):  # again without the forms found: a longer one may have hidden a shorter one
        found = {m.entity for _, m in _mentions(corpus, alone)}
        alone = [e for e in alone if e.id not in found]
    return [_key(e.id) for e in alone]


def warn_unmatched(corpus: Corpus, diagnostics: Diagnostics) -> None:
    """``dossier check``: an alias that matches no article is a warning where it is written.

    Most are typos, or forms a case rule keeps from what the articles have
    (named as such, with the place). A spelling kept on purpose for articles
    to come says so with ``kept: <why>`` and is not warned about.
    """
    todo = [(eid, i) for eid, i in unmatched_aliases(corpus) if not corpus.entities[eid].aliases[i].kept]
    if not todo:
        return
    covered = {(eid, i): by for eid in sorted({eid for eid, _ in todo}) for i, by in redundant_aliases(corpus.entities[eid])}
    any_case: dict[tuple[str, int], tuple[Article, Mention]] = {}
    for article, mention in _mentions(corpus, _alone(corpus, todo, any_case=True)):
        any_case.setdefault(_key(mention.entity), (article, mention))
    for eid, i in todo:
        entity = corpus.entities[eid]
        alias = entity.aliases[i]
        where = alias_position(entity, i)
        message = f"the alias '{alias.form}' of '{eid}' matches no article"
        keep = "a spelling kept for articles to come gets 'kept: <why>' (CONTRIBUTING.md, Aliases)"
        if (eid, i) in covered:
            diagnostics.warning(where, f"{message}, and could link only what '{covered[(eid, i)]}' links already",
                                "remove it: endings are found by themselves (an adjective in -e also takes -n, -r, -m, -s)")
        elif (eid, i) in any_case:
            article, mention = any_case[(eid, i)]
            line, _ = line_column(article.text, mention.start)
            diagnostics.warning(
                where, f"{message}: its case rule keeps it from \"{mention.surface}\" in seeds/{article.seed} (line {line})",
                f"{_CASE_RULES[_rule(alias)]}; write it as the articles do, or set case_sensitive: false if any case names '{eid}'")
        else:
            diagnostics.warning(where, message, f"check its spelling against the articles; {keep}")


def redundant_aliases(entity: Entity) -> list[tuple[int, str]]:
    """(alias index, the other form) of each alias that another form of the
    entity matches whole ("südkoreanischer Geheimdienst" is "südkoreanische
    Geheimdienst" plus an ending): it can never be the form that links.

    Roles, erroneous and case-marked aliases differ in more than their
    words and are left alone; of two equal forms the later is named.
    """
    plain = [(j, a.form) for j, a in enumerate(entity.aliases) if not (a.role or a.erroneous or a.case_sensitive is not None)]
    if not plain:
        return []
    forms = [(-1, entity.name), *plain]
    matchers = {j: AliasMatcher([replace(entity, name="", aliases=(Alias(form),))]) for j, form in forms}

    def covers(j: int, form: str) -> bool:
        text = straighten(form).strip()
        return [(m.start, m.end) for m in matchers[j].find(text)] == [(0, len(text))]

    out = []
    for i, form in plain:
        for j, other in forms:
            if j != i and covers(j, form) and (j < i or not covers(i, other)):
                out.append((i, other))
                break
    return out


_CASE_RULES = {
    "acronym": "a form in capitals matches only in capitals (plus a genitive -s)",
    "initial": "a one-word form matches only with its initial capital",
    "written": "case_sensitive: true compares the form letter for letter",
}


def _rule(alias: Alias) -> str:
    """Which case rule (mentions._case) kept an alias from text it matches in any case."""
    if alias.case_sensitive:
        return "written"
    words = WORD.findall(straighten(alias.form))
    return "acronym" if any(len(w) >= 2 and w.isupper() for w in words) else "initial"


def _alone(corpus: Corpus, keys: list[tuple[str, int]], any_case: bool = False) -> list[Entity]:
    """One stand-in entity per alias, without the name, so each is matched on its own."""
    out = []
    for eid, i in keys:
        alias = corpus.entities[eid].aliases[i]
        out.append(replace(corpus.entities[eid], id=f"{eid}\0{i}", name="",
                           aliases=(replace(alias, case_sensitive=False) if any_case else alias,)))
    return out


def _mentions(corpus: Corpus, entities: list[Entity]) -> Iterator[tuple[Article, Mention]]:
    matcher = AliasMatcher(entities)
    for article in corpus.articles:
        for mention in matcher.find(article.text, article.published):
            yield article, mention


def _key(stand_in: str) -> tuple[str, int]:
    eid, i = stand_in.split("\0")
    return eid, int(i)


def _note(entry: EntityRecall, candidate: str, article: str) -> None:
    entry.candidates[candidate] += 1
    entry.where.setdefault(candidate, set()).add(article)


def _around(text: str, mention: Mention, covered: Overlaps) -> list[str]:
    """The mention extended by the capitalised words right before and after it,
    when there are any ("Südkoreas Präsident Yoon" for a mention "Yoon")."""
    start, end = mention.start, mention.end
    before = _capitalised_run(text, start, covered, backwards=True)
    after = _capitalised_run(text, end, covered, backwards=False)
    if before == start and after == end:
        return []
    return [" ".join(text[before:after].split())]


def _capitalised_run(text: str, at: int, covered: Overlaps, backwards: bool) -> int:
    """Where a run of up to _NEIGHBOURS capitalised, unlinked words next to ``at`` ends."""
    edge = at
    for _ in range(_NEIGHBOURS):
        if backwards:
            if edge < 2 or not _NEIGHBOUR_GAP.fullmatch(text[edge - 1]):
                break
            word = re.search(r"\w+$", text[max(0, edge - 1 - 60):edge - 1])
        else:
            if edge + 1 >= len(text) or not _NEIGHBOUR_GAP.fullmatch(text[edge]):
                break
            word = re.match(r"\w+", text[edge + 1:edge + 1 + 60])
        if word is None or not word.group()[0].isupper() or word.group().casefold() in _STOP:
            break
        new = edge - 1 - len(word.group()) if backwards else edge + 1 + len(word.group())
        if covered.any(min(edge, new), max(edge, new)):
            break
        edge = new
    return edge


def inside_forms(corpus: Corpus) -> dict[str, str]:
    """Folded one-word names and aliases, and the surnames of people ("Putin"
    of "Wladimir Putin") -> their entity."""
    forms: dict[str, str] = {}
    for eid in sorted(corpus.entities):
        entity = corpus.entities[eid]
        for form in (entity.name, *(a.form for a in entity.aliases if not a.role)):
            words = WORD.findall(form)
            if len(words) == 1 or (words and entity.type == "people"):
                word = words[-1]
                if len(word) >= _INSIDE_MIN and word.casefold() not in _STOP:
                    forms.setdefault(word.casefold(), eid)
    return forms


def contains_form(token: str, forms: dict[str, str]) -> str | None:
    """The entity whose form begins or ends ``token`` (a longer noun), if any."""
    folded = token.casefold()
    if len(folded) != len(token) or not token[0].isupper() or not token[1:].islower():
        return None
    for size in range(len(folded) - 3, _INSIDE_MIN - 1, -1):  # the rest has 3+ letters
        owner = forms.get(folded[:size]) or forms.get(folded[-size:])
        if owner is not None:
            return owner
    return None


K = TypeVar("K", str, tuple[str, str])


def _ranked(counts: Counter[K]) -> list[tuple[K, int]]:
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def _q(text: str) -> str:
    return "«" + text + "»"
