"""Find entity mentions: aliases matched word by word with German endings.

German inflects names and the adjectives inside them ("der südkoreanische
Geheimdienst", "des südkoreanischen Geheimdienstes"), so each word of an
alias also matches the word plus a case ending. Acronyms (NIS, EU) match
case-sensitively and take only a genitive -s. Quotation marks and
apostrophes are compared straightened (fold.straighten), as quotes are, so
"People’s" in a text matches the alias "People's". The matcher keeps aliases in
a trie of words, so finding mentions costs a few dictionary look-ups per
word and ending, however large the registry is.

German also glues names into compounds. A hyphenated compound
("Kursk-Offensive", "NIS-Bericht") splits into words by itself; a closed
one ("Drohnenkampfes", "Kampfdrohnen") is searched for a registered
single-word form of at least COMPOUND_FORM letters as its first part (plus
a linking -s-/-es-/-n-) or its last part (plus a case ending). Letters
alone cannot tell "Russland|einsatz" from "Kursk|orrektur" (Kurs +
Korrektur), so the rest of the word must be German by the word list of
``lexicon``: a word or two ("Russland|kampfeinsatz") after a first part, a
word or a word's stem ("Grenz|", "Kriegs|") before a last part; and no
cut a letter or two away may read as German too ("Ehren|orden" is no
"Ehre" + "Norden"). A person's name takes part only if neither the name
nor the whole word is German: "Drohnenabwehr" never links a Mr Drohne,
"Youngster" no Mr Young, "Nordschilalow" links Ms Schilalow.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from . import lexicon
from .dates import PartialDate
from .fold import straighten
from .model import Entity

WORD = re.compile(r"\w+", re.UNICODE)
# Between the words of a multi-word alias the text may have spaces or hyphens.
JOINER = re.compile(r"[\s\-‐‑–]+")
# A period after a word ("Benjamin R. Young", "BR.de") must be in the text too.
DOTTED = re.compile(r"\.[\s\-‐‑–]*")
# Longer gaps between words never join them (bounds the work per gap).
MAX_GAP = 20

# Endings tried after a word; an alias word ending in -e (adjectives,
# "Ukraine") takes the adjective endings instead.
NOUN_ENDINGS = ("s", "es", "n", "en", "e", "ns")
E_ENDINGS = ("n", "r", "m", "s")
MAX_ENDING = max(len(e) for e in NOUN_ENDINGS + E_ENDINGS)
MIN_STEM = 3

# Closed compounds: the shortest form that may be part of one, the shortest
# rest of the compound around it, and the linking elements after a first
# part (longest first).
COMPOUND_FORM = 5
COMPOUND_REST = 4
COMPOUND_PREFIX = 3
COMPOUND_MEMO = 100_000
LINKS = ("en", "es", "n", "s", "")
Via = Literal["", "compound", "role"]
#: how a word of a form compares with the text: acronyms exactly (plus a
#: genitive -s), a one-word name by its initial capital ("Young" is not
#: "young men"), a form marked ``case_sensitive`` letter for letter (endings
#: aside), anything else in any case
Case = Literal["acronym", "initial", "written", "folded"]


@dataclass(frozen=True, slots=True)
class Mention:
    entity: str
    start: int
    end: int
    surface: str
    erroneous: bool
    #: how the mention was found beyond a plain form: inside a compound
    #: ("Kursk" in "Kursk-Offensive") or through a role description
    via: Via = ""


@dataclass(frozen=True, slots=True)
class _Pattern:
    entity: str
    erroneous: bool
    role: bool = False
    valid_from: PartialDate | None = None
    valid_to: PartialDate | None = None

    def holds(self, on: PartialDate | None) -> bool:
        """A plain form always names its entity; a role only on dates it covers
        (an undated article cannot tell who held a dated role)."""
        if not self.role or (self.valid_from is None and self.valid_to is None):
            return True
        if on is None:
            return False
        return (self.valid_from is None or _latest(on) >= _earliest(self.valid_from)) and (
            self.valid_to is None or _earliest(on) <= _latest(self.valid_to))


def _earliest(d: PartialDate) -> tuple[int, int, int]:
    return (d.year, d.month or 1, d.day or 1)


def _latest(d: PartialDate) -> tuple[int, int, int]:
    return (d.year, d.month or 12, d.day or 31)


@dataclass(slots=True)
class _Node:
    """One word of the alias trie; ``patterns`` end here, best first."""

    # folded word -> (word as compared, how its case is compared, gap before it, next node)
    children: dict[str, list[tuple[str, Case, str, _Node]]] = field(default_factory=dict)
    patterns: list[_Pattern] = field(default_factory=list)


def _is_acronym(word: str) -> bool:
    return len(word) >= 2 and word.isupper()


def _case(word: str, words: int, sensitive: bool | None) -> Case:
    """The rule documented in CONTRIBUTING.md (Aliases: upper and lower case)."""
    if sensitive is False:
        return "folded"
    if sensitive:
        return "written"
    if _is_acronym(word):
        return "acronym"
    return "initial" if words == 1 and word[:1].isupper() else "folded"


def _fold(word: str) -> str:
    return word.casefold()


def _gap(between: str) -> str | None:
    """The gap between two words as compared: spaces and hyphens are one
    joiner (" "), a period stays (".", ". "), anything else is literal."""
    if len(between) > MAX_GAP:
        return None  # (forms and texts come straightened: marks are ' and ")
    if JOINER.fullmatch(between):
        return " "
    if DOTTED.fullmatch(between):
        return "." if len(between) == 1 else ". "
    return between


def _word_matches(token: str, word: str, case: Case) -> bool:
    if case == "acronym":
        return token == word or token == word + "s"
    if case == "written":
        return token.startswith(word) and (token == word or _is_ending(_fold(token[len(word):]), _fold(word)))
    if case == "initial":
        if token[:1] != word[:1]:
            return False
        word = _fold(word)
    folded = _fold(token)
    if folded == word:
        return True
    if not folded.startswith(word):
        return False
    return _is_ending(folded[len(word):], word)


def _is_ending(ending: str, word: str) -> bool:
    return ending in (E_ENDINGS if word.endswith("e") else NOUN_ENDINGS)


def _stems(token: str) -> tuple[str, ...]:
    """Keys under which a text word may find an alias word: itself, and
    itself without a one- or two-letter ending (checked by _word_matches)."""
    folded = _fold(token)
    keys = [folded]
    for cut in range(MAX_ENDING, 0, -1):  # longest ending first
        if len(folded) - cut >= MIN_STEM:
            keys.append(folded[:-cut])
    if token.endswith("s") and _is_acronym(token[:-1]) and len(folded) - 1 < MIN_STEM:
        keys.append(folded[:-1])  # "EUs": short acronyms take a genitive -s too
    return tuple(keys)


#: one word of a form as the trie holds it: (folded word, word as compared, case rule, gap before it)
Step = tuple[str, str, Case, str]


def form_path(form: str, sensitive: bool | None = None) -> tuple[Step, ...]:
    """A form as the matcher compares it, word by word: two forms with the
    same path match exactly the same words (and only one of them links)."""
    form = straighten(form)
    words = [(m.group(), form[previous.end():m.start()] if previous else "") for previous, m in _pairs(WORD.finditer(form))]
    path = []
    for word, before in words:
        case = _case(word, len(words), sensitive)
        path.append((_fold(word), _fold(word) if case == "folded" else word, case, (_gap(before) or "") if before else ""))
    return tuple(path)


class AliasMatcher:
    """All aliases of a registry in a word trie, ready to scan texts.

    Each text word looks up only the alias words it can be an inflection
    of, so a scan costs the same however many entities share a first word
    ("Brigade", "Oblast", a common first name).
    """

    def __init__(self, entities: Iterable[Entity]) -> None:
        self._root = _Node()
        self._people: set[str] = set()  # ids of people, whose forms must be no German words
        self._memo: dict[str, tuple[_Pattern, int, int] | None] = {}  # word -> its closed-compound answer
        self._tail_forms: dict[str, str] = {}  # tail key -> its form (the key less its case ending)
        self._head_forms: dict[str, int] = {}  # head key -> length of its form (the key less its linking element)
        # closed compounds: folded form + linking element -> its pattern, as a
        # first part; folded form + case ending -> its pattern, as a last part
        heads: dict[str, list[_Pattern]] = {}
        tails: dict[str, list[_Pattern]] = {}
        for entity in entities:
            forms = [(entity.name, _Pattern(entity.id, False), None)] + [
                (a.form, _Pattern(entity.id, a.erroneous, a.role, a.valid_from, a.valid_to), a.case_sensitive) for a in entity.aliases]
            for form, pattern, sensitive in forms:
                path = form_path(form, sensitive)
                if not path:
                    continue
                node = self._root
                for key, compared, case, gap in path:
                    edges = node.children.setdefault(key, [])
                    node = next((n for w, e, g, n in edges if (w, e, g) == (compared, case, gap)), None) or _append(
                        edges, compared, case, gap)
                _add(node.patterns, pattern)
                words = WORD.findall(straighten(form))
                word = words[0]
                if len(words) == 1 and not pattern.role and not _is_acronym(word) and len(word) >= COMPOUND_FORM:
                    folded = _fold(word)
                    if entity.type == "people":
                        self._people.add(entity.id)
                    for link in LINKS:
                        _add(heads.setdefault(folded + link, []), pattern)
                        self._head_forms[folded + link] = max(len(folded), self._head_forms.get(folded + link, 0))
                    for ending in ("", *(E_ENDINGS if folded.endswith("e") else NOUN_ENDINGS)):
                        _add(tails.setdefault(folded + ending, []), pattern)
                        self._tail_forms.setdefault(folded + ending, folded)
        self._heads = {key: patterns[0] for key, patterns in heads.items()}
        self._tails = {key: patterns[0] for key, patterns in tails.items()}
        self._head_lengths = sorted({len(k) for k in heads}, reverse=True)
        self._tail_lengths = sorted({len(k) for k in tails}, reverse=True)
        # the first and last three letters of every key: most words have neither
        self._head_starts = {k[:3] for k in heads}
        self._tail_ends = {k[-3:] for k in tails}

    def find(self, text: str, on: PartialDate | None = None) -> list[Mention]:
        """Non-overlapping mentions, leftmost first, longest alias winning;
        role descriptions only if they hold ``on`` (the article's date)."""
        shown, text = text, straighten(text)  # one character for one: offsets hold ("Peopleʼs" is two words)
        tokens = list(WORD.finditer(text))
        stems: list[tuple[str, ...] | None] = [None] * len(tokens)
        gaps: list[str | None] = [None] * len(tokens)
        mentions: list[Mention] = []
        i = 0
        while i < len(tokens):
            found = self._longest(text, tokens, stems, gaps, self._root, i, i, on)
            if found is None:
                long = tokens[i].end() - tokens[i].start() >= COMPOUND_FORM + COMPOUND_PREFIX
                mention = self._compound(tokens[i]) if long and self._heads else None
                if mention is not None:
                    mentions.append(mention)
                i += 1
                continue
            pattern, last = found
            start, end = tokens[i].start(), tokens[last].end()
            via: Via = "role" if pattern.role else "compound" if _hyphenated(text, start, end) else ""
            mentions.append(Mention(pattern.entity, start, end, shown[start:end], pattern.erroneous, via))
            i = last + 1
        return mentions

    def _longest(
        self, text: str, tokens: list[re.Match[str]], stems: list[tuple[str, ...] | None], gaps: list[str | None],
        node: _Node, first: int, i: int, on: PartialDate | None,
    ) -> tuple[_Pattern, int] | None:
        """The longest alias continuing from ``node`` with token ``i``, and its last token."""
        if i >= len(tokens):
            return None
        gap = ""
        if i > first:
            gap = gaps[i] or ""
            if gaps[i] is None:
                gap = gaps[i] = _gap(text[tokens[i - 1].end():tokens[i].start()]) or "\0"
        keys = stems[i]
        if keys is None:
            keys = stems[i] = _stems(tokens[i].group())
        best: tuple[_Pattern, int] | None = None
        for key in keys:
            for word, case, before, child in node.children.get(key, ()):
                if before != gap or not _word_matches(tokens[i].group(), word, case):
                    continue
                found = self._longest(text, tokens, stems, gaps, child, first, i + 1, on) if child.children else None
                if found is None:
                    pattern = next((p for p in child.patterns if p.holds(on)), None)
                    found = (pattern, i) if pattern else None
                if found and (best is None or found[1] > best[1]):
                    best = found
        return best

    def _compound(self, token: re.Match[str]) -> Mention | None:
        """A registered form as the first or last part of a closed compound
        (role descriptions never are: they are phrases). Texts repeat their
        words, so each word's answer is kept (up to COMPOUND_MEMO words)."""
        surface = token.group()
        if surface not in self._memo:
            if len(self._memo) >= COMPOUND_MEMO:
                self._memo.clear()
            self._memo[surface] = self._split(surface)
        found = self._memo[surface]
        return None if found is None else _at(token, *found)

    def _split(self, surface: str) -> tuple[_Pattern, int, int] | None:
        """(pattern, start, end) of the registered form inside a closed compound."""
        size = len(surface)
        if not surface[0].isupper() or not surface[1:].islower():
            return None
        folded = _fold(surface)
        if len(folded) != size:
            return None  # folding changed the length ("ß" is fine, ligatures are not): offsets would drift
        if folded[:3] in self._head_starts:
            for length in self._head_lengths:
                key = folded[:length]
                if size - length >= COMPOUND_REST and (pattern := self._heads.get(key)) is not None:
                    form = self._head_forms[key]  # the form, without its linking element
                    if self._plausible(pattern, folded, folded[:form]) and lexicon.splits(folded, form, length, tail=False):
                        return pattern, 0, form
        if folded[-3:] in self._tail_ends:
            for length in self._tail_lengths:
                if size - length >= COMPOUND_PREFIX and (pattern := self._tails.get(folded[-length:])) is not None:
                    if self._plausible(pattern, folded, self._tail_forms[folded[-length:]]) and lexicon.splits(folded, size - length, size - length, tail=True):
                        return pattern, size - length, size
        return None

    def _plausible(self, pattern: _Pattern, word: str, form: str) -> bool:
        """Whether a form may name its entity inside a closed compound: a
        person's name only if it is no German word ("Drohne", "Koch") and
        the compound is no word of its own ("Youngster")."""
        return pattern.entity not in self._people or not (lexicon.is_word(form) or lexicon.is_word(word))


def _at(token: re.Match[str], pattern: _Pattern, begin: int, end: int) -> Mention:
    start = token.start() + begin
    return Mention(pattern.entity, start, token.start() + end, token.group()[begin:end], pattern.erroneous, "compound")


def _hyphenated(text: str, start: int, end: int) -> bool:
    """Whether a mention is glued to another word by a hyphen ("NIS-Bericht")."""
    after = end + 1 < len(text) and text[end] in "-‐‑" and text[end + 1].isalnum()
    before = start >= 2 and text[start - 1] in "-‐‑" and text[start - 2].isalnum()
    return after or before


def _pairs(matches: Iterable[re.Match[str]]) -> Iterable[tuple[re.Match[str] | None, re.Match[str]]]:
    previous = None
    for m in matches:
        yield previous, m
        previous = m


def _add(patterns: list[_Pattern], pattern: _Pattern) -> None:
    if pattern not in patterns:
        patterns.append(pattern)
        patterns.sort(key=lambda p: (p.role, p.erroneous, p.entity))


def _append(edges: list[tuple[str, Case, str, _Node]], word: str, case: Case, gap: str) -> _Node:
    node = _Node()
    edges.append((word, case, gap, node))
    return node
