"""Lower-case a word the way the case-insensitive patterns matched it.

Python's ``re.IGNORECASE`` matches four non-ASCII letters to ASCII ones:
long s (ſ) to s, the Kelvin sign (K) to k, dotless ı and dotted İ to i. A
word found that way must be looked up the same way, or "ſechs" in an
old-orthography or OCR'd text is found as a number and then missing from
the table of numbers.
"""

from __future__ import annotations

_TO_ASCII = str.maketrans({"ſ": "s", "\u212a": "k", "ı": "i", "İ": "i"})


def fold(word: str) -> str:
    """``word`` in lower case, with the four letters above as their ASCII twins."""
    return word.translate(_TO_ASCII).lower()
