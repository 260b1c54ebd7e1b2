"""Find entity mentions: aliases matched word by word with German endings.

German inflects names and the adjectives inside them ("der südkoreanische
Geheimdienst", "des südkoreanischen Geheimdienstes"), so each word of an
alias also matches the word plus a case ending. Acronyms (NIS, EU) match
case-sensitively and take only a genitive -s. The matcher indexes aliases
by their first word, so finding mentions costs one dictionary look-up per
word and ending, however large the registry is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from .model import Entity

WORD = re.compile(r"\w+", re.UNICODE)
# Between the words of a multi-word alias the text may have spaces or hyphens.
JOINER = re.compile(r"[\s\-‐‑–]+")

# Endings tried after a word; an alias word ending in -e (adjectives,
# "Ukraine") takes the adjective endings instead.
NOUN_ENDINGS = ("s", "es", "n", "en", "e", "ns")
E_ENDINGS = ("n", "r", "m", "s")
# Longest first, in a fixed order: the result must not depend on hashing.
ALL_ENDINGS = tuple(sorted(set(NOUN_ENDINGS) | set(E_ENDINGS), key=lambda e: (-len(e), e)))
MIN_STEM = 3


@dataclass(frozen=True)
class Mention:
    entity: str
    start: int
    end: int
    surface: str
    erroneous: bool


@dataclass(frozen=True)
class _Pattern:
    words: tuple[str, ...]  # folded alias words
    exact: tuple[bool, ...]  # acronym words compare case-sensitively
    entity: str
    erroneous: bool


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


def _stems(token: str) -> Iterable[str]:
    """Keys under which a text word may find an alias's first word."""
    folded = _fold(token)
    yield folded
    for ending in ALL_ENDINGS:
        if folded.endswith(ending) and len(folded) - len(ending) >= MIN_STEM:
            yield folded[: -len(ending)]
    if token.endswith("s") and _is_acronym(token[:-1]):
        yield _fold(token[:-1])


class AliasMatcher:
    """All aliases of a registry, ready to scan texts."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        self._by_first: dict[str, list[_Pattern]] = {}
        for entity in entities:
            forms = [(entity.name, False)] + [(a.form, a.erroneous) for a in entity.aliases]
            for form, erroneous in forms:
                words = WORD.findall(form)
                if not words:
                    continue
                exact = tuple(_is_acronym(w) for w in words)
                folded = tuple(w if e else _fold(w) for w, e in zip(words, exact))
                pattern = _Pattern(folded, exact, entity.id, erroneous)
                bucket = self._by_first.setdefault(_fold(words[0]), [])
                if pattern not in bucket:
                    bucket.append(pattern)
        for bucket in self._by_first.values():
            bucket.sort(key=lambda p: (-len(p.words), p.erroneous, p.entity))

    def find(self, text: str) -> list[Mention]:
        """Non-overlapping mentions, leftmost first, longest alias winning."""
        tokens = list(WORD.finditer(text))
        mentions: list[Mention] = []
        i = 0
        while i < len(tokens):
            found = self._match_at(text, tokens, i)
            if found is None:
                i += 1
                continue
            pattern, last = found
            start, end = tokens[i].start(), tokens[last].end()
            mentions.append(Mention(pattern.entity, start, end, text[start:end], pattern.erroneous))
            i = last + 1
        return mentions

    def _match_at(self, text: str, tokens: list[re.Match[str]], i: int) -> tuple[_Pattern, int] | None:
        token = tokens[i].group()
        best: tuple[_Pattern, int] | None = None
        for key in dict.fromkeys(_stems(token)):
            for pattern in self._by_first.get(key, ()):
                if best and len(pattern.words) <= best[1] - i + 1:
                    break
                last = self._match_words(text, tokens, i, pattern)
                if last is not None:
                    best = (pattern, last)
                    break
        return best

    @staticmethod
    def _match_words(text: str, tokens: list[re.Match[str]], i: int, pattern: _Pattern) -> int | None:
        if i + len(pattern.words) > len(tokens):
            return None
        for k, (word, exact) in enumerate(zip(pattern.words, pattern.exact)):
            token = tokens[i + k]
            if k and not JOINER.fullmatch(text, tokens[i + k - 1].end(), token.start()):
                return None
            if not _word_matches(token.group(), word, exact):
                return None
        return i + len(pattern.words) - 1
