"""How text is compared: one rule for aliases, quotes and suggestions.

Two foldings live here, so that every part of Dossier that compares what a
contributor typed with what an article says does it the same way.

``fold`` lower-cases a word the way the case-insensitive patterns matched
it. Python's ``re.IGNORECASE`` matches four non-ASCII letters to ASCII ones:
long s (ſ) to s, the Kelvin sign (K) to k, dotless ı and dotted İ to i. A
word found that way must be looked up the same way, or "ſechs" in an
old-orthography or OCR'd text is found as a number and then missing from
the table of numbers.

``straighten`` turns typographic quotation marks and apostrophes into the
two a keyboard has, character for character (so offsets do not move): a
quote or alias typed with ' or " matches the ’ ‘ ‚ „ “ ” « » ‹ › of a
typeset text, and the other way round.
"""

from __future__ import annotations

_TO_ASCII = str.maketrans({"ſ": "s", "\u212a": "k", "ı": "i", "İ": "i"})

#: typeset single marks and apostrophes, as the keyboard's '
SINGLE_MARKS = "’‘‚‛ʼ‹›´`"
#: typeset double marks, as the keyboard's "
DOUBLE_MARKS = "“”„‟«»"
# Replaced mark by mark, not by str.translate or a regex: on a 5 MB text
# translate takes seconds, a regex 0.2 s, and a text without a mark costs
# fifteen "in" scans (milliseconds).
_MARKS = [(mark, "'") for mark in SINGLE_MARKS] + [(mark, '"') for mark in DOUBLE_MARKS]


def fold(word: str) -> str:
    """``word`` in lower case, with the four letters above as their ASCII twins."""
    return word.translate(_TO_ASCII).lower()


def straighten(text: str) -> str:
    """``text`` with every typeset quotation mark or apostrophe as ' or " (same length)."""
    for mark, straight in _MARKS:
        if mark in text:
            text = text.replace(mark, straight)
    return text
