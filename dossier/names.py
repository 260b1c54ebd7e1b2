"""Entity names and aliases that would link the wrong words.

Every form of an entity is linked wherever it occurs in any article, so a
form that is a common word ("der", "the"), a single character or no word at
all would link text that has nothing to do with the entity; and a form that
mixes Latin with look-alike Cyrillic or Greek letters ("Kursk" with a
Cyrillic "а") looks right but matches nothing.
"""

from __future__ import annotations

import unicodedata
from collections import Counter

from .diagnostics import Diagnostics
from .limits import ALIAS_WORDS
from .mentions import WORD
from .model import Entity, Location
from .yamlfile import Where

#: words that are never a name on their own, by language (forms are matched case-insensitively)
STOPWORDS = {
    "de": frozenset({
        "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines",
        "und", "oder", "aber", "auch", "als", "am", "an", "auf", "aus", "bei", "bis", "da", "dass", "durch",
        "er", "es", "für", "gegen", "hat", "im", "in", "ist", "mit", "nach", "nicht", "noch", "nur", "ob",
        "seit", "sich", "sie", "so", "um", "unter", "über", "vom", "von", "vor", "war", "was", "wie", "wir",
        "zu", "zum", "zur",
    }),
    "en": frozenset({
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "had", "has", "he", "her",
        "his", "in", "is", "it", "its", "not", "of", "on", "or", "she", "that", "the", "their", "they",
        "this", "to", "was", "we", "were", "with", "you",
    }),
}
_LANGUAGES = {"de": "German", "en": "English"}
#: scripts whose letters look alike; other scripts (Hangul, Arabic) are never confused with them
_ALIKE = ("LATIN", "CYRILLIC", "GREEK")


def check_forms(entity: Entity, diagnostics: Diagnostics) -> None:
    """Report every form of ``entity`` that would link the wrong words, where it is written."""
    forms: list[tuple[str, str, Location]] = [("name", entity.name, _at(entity.position, "name"))]
    forms += [("alias", alias.form, alias_position(entity, i)) for i, alias in enumerate(entity.aliases)]
    for what, form, where in forms:
        for severity, message, hint in form_problems(form, entity.id):
            report = diagnostics.error if severity == "error" else diagnostics.warning
            report(where, f"the {what} '{form}' of '{entity.id}' {message}", hint)


def form_problems(form: str, entity: str) -> list[tuple[str, str, str]]:
    """(severity, message, hint) for each way ``form`` would link the wrong words."""
    words = WORD.findall(form)
    letters = [c for c in form if c.isalpha()]
    everywhere = f"every '{form}' in every article would link to '{entity}'"
    if not letters:
        return [("error", "has no letter", f"{everywhere}: a name or alias needs letters")]
    problems = []
    if len(words) > ALIAS_WORDS:
        problems.append(("error", f"has {len(words)} words, more than the limit of {ALIAS_WORDS}",
                         "a name or alias is what an article calls the entity: shorten it (dossier/limits.py)"))
    if len("".join(words)) == 1:
        problems.append(("error", "is a single character", f"{everywhere}: write the full name"))
    elif not any(_in_capitals(w) for w in words) and all(w.casefold() in _ALL_STOPWORDS for w in words):
        languages = " or ".join(_LANGUAGES[lang] for lang, stop in STOPWORDS.items() if all(w.casefold() in stop for w in words))
        problems.append(("error", f"is a common {languages} word", f"{everywhere}: use the full name or a longer form"))
    elif len(letters) == 2 and len(words) == 1 and form.strip().islower():
        problems.append(("warning", "is two lowercase letters",
                         f"it links '{form}' in any case in every article; an acronym in capitals ('UN') matches only itself"))
    mixed = _mixed_script(letters)
    if mixed:
        problems.append(("error", *mixed))
    return problems


_ALL_STOPWORDS = frozenset().union(*STOPWORDS.values())


def _in_capitals(word: str) -> bool:
    """An acronym ("US", "DIE"): matched exactly as written (mentions.py), so never a common word."""
    return len(word) >= 2 and word.isupper()


def _mixed_script(letters: list[str]) -> tuple[str, str] | None:
    """A letter of a look-alike script among letters of another, named exactly."""
    scripts = [unicodedata.name(c, "").split(" ")[0] for c in letters]
    counts = Counter(s for s in scripts if s in _ALIKE)
    if len(counts) < 2:
        return None
    main = counts.most_common(1)[0][0]
    odd = next(c for c, s in zip(letters, scripts, strict=True) if s in _ALIKE and s != main)
    other = unicodedata.name(odd).split(" ")[0]
    return (
        f"mixes {main.title()} and {other.title()} letters: '{odd}' is U+{ord(odd):04X} {unicodedata.name(odd)}",
        f"retype '{odd}' as a {main.title()} letter: it looks the same, but text in {main.title()} letters never matches it",
    )


def alias_position(entity: Entity, i: int) -> Location:
    """Where the form of an entity's ``i``-th alias was written."""
    return _at(entity.position, "aliases", i, "form")


def _at(position: Location, *steps: str | int) -> Location:
    """Where a field of an entity was written (or the entity, without a YAML path)."""
    if not isinstance(position, Where):
        return position
    for step in steps:
        position = position / step
    return position
