"""Find entity mentions: aliases matched word by word with German endings.

German inflects names and the adjectives inside them ("der südkoreanische
Geheimdienst", "des südkoreanischen Geheimdienstes"), so each word of an
alias also matches the word plus a case ending. Acronyms (NIS, EU) match
case-sensitively and take only a genitive -s. The matcher keeps aliases in
a trie of words, so finding mentions costs a few dictionary look-ups per
word and ending, however large the registry is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from .model import Entity

WORD = re.compile(r"\w+", re.UNICODE)
# Between the words of a multi-word alias the text may have spaces or hyphens.
JOINER = re.compile(r"[\s\-‐‑–]+")

# Endings tried after a word; an alias word ending in -e (adjectives,
# "Ukraine") takes the adjective endings instead.
NOUN_ENDINGS = ("s", "es", "n", "en", "e", "ns")
E_ENDINGS = ("n", "r", "m", "s")
MAX_ENDING = max(len(e) for e in NOUN_ENDINGS + E_ENDINGS)
MIN_STEM = 3


@dataclass(frozen=True, slots=True)
class Mention:
    entity: str
    start: int
    end: int
    surface: str
    erroneous: bool


@dataclass(frozen=True, slots=True)
class _Pattern:
    entity: str
    erroneous: bool


@dataclass(slots=True)
class _Node:
    """One word of the alias trie; ``patterns`` end here, best first."""

    # folded word -> (word as compared, compare case-sensitively, next node)
    children: dict[str, list[tuple[str, bool, _Node]]] = field(default_factory=dict)
    patterns: list[_Pattern] = field(default_factory=list)


def _is_acronym(word: str) -> bool:
    return len(word) >= 2 and word.isupper()


def _fold(word: str) -> str:
    return word.casefold()


def _word_matches(token: str, word: str, exact: bool) -> bool:
    if exact:
        return token == word or token == word + "s"
    folded = _fold(token)
    if folded == word:
        return True
    if not folded.startswith(word):
        return False
    ending = folded[len(word):]
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


class AliasMatcher:
    """All aliases of a registry in a word trie, ready to scan texts.

    Each text word looks up only the alias words it can be an inflection
    of, so a scan costs the same however many entities share a first word
    ("Brigade", "Oblast", a common first name).
    """

    def __init__(self, entities: Iterable[Entity]) -> None:
        self._root = _Node()
        for entity in entities:
            forms = [(entity.name, False)] + [(a.form, a.erroneous) for a in entity.aliases]
            for form, erroneous in forms:
                words = WORD.findall(form)
                if not words:
                    continue
                node = self._root
                for word in words:
                    exact = _is_acronym(word)
                    compared = word if exact else _fold(word)
                    edges = node.children.setdefault(_fold(word), [])
                    node = next((n for w, e, n in edges if (w, e) == (compared, exact)), None) or _append(edges, compared, exact)
                pattern = _Pattern(entity.id, erroneous)
                if pattern not in node.patterns:
                    node.patterns.append(pattern)
                    node.patterns.sort(key=lambda p: (p.erroneous, p.entity))

    def find(self, text: str) -> list[Mention]:
        """Non-overlapping mentions, leftmost first, longest alias winning."""
        tokens = list(WORD.finditer(text))
        stems: list[tuple[str, ...] | None] = [None] * len(tokens)
        mentions: list[Mention] = []
        i = 0
        while i < len(tokens):
            found = self._longest(text, tokens, stems, self._root, i, i)
            if found is None:
                i += 1
                continue
            pattern, last = found
            start, end = tokens[i].start(), tokens[last].end()
            mentions.append(Mention(pattern.entity, start, end, text[start:end], pattern.erroneous))
            i = last + 1
        return mentions

    def _longest(
        self, text: str, tokens: list[re.Match[str]], stems: list[tuple[str, ...] | None], node: _Node, first: int, i: int
    ) -> tuple[_Pattern, int] | None:
        """The longest alias continuing from ``node`` with token ``i``, and its last token."""
        if i >= len(tokens) or (i > first and not JOINER.fullmatch(text, tokens[i - 1].end(), tokens[i].start())):
            return None
        keys = stems[i]
        if keys is None:
            keys = stems[i] = _stems(tokens[i].group())
        best: tuple[_Pattern, int] | None = None
        for key in keys:
            for word, exact, child in node.children.get(key, ()):
                if not _word_matches(tokens[i].group(), word, exact):
                    continue
                found = self._longest(text, tokens, stems, child, first, i + 1) if child.children else None
                if found is None and child.patterns:
                    found = (child.patterns[0], i)
                if found and (best is None or found[1] > best[1]):
                    best = found
        return best


def _append(edges: list[tuple[str, bool, _Node]], word: str, exact: bool) -> _Node:
    node = _Node()
    edges.append((word, exact, node))
    return node
