"""Diagnostics: every problem the pipeline finds, with file:line:column.

Stages never raise on bad input; they append to a ``Diagnostics`` list so
that a contributor sees every error of a run at once.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Protocol

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True, order=True)
class Position:
    """A place in a source file; line and column are 1-based."""

    path: str
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


class Located(Protocol):
    """Something that can say where it was written, when a message needs it."""

    def resolve(self) -> Position: ...


@dataclass(frozen=True, slots=True)
class Diagnostic:
    position: Position
    message: str
    hint: str = ""
    severity: Severity = "error"

    def __str__(self) -> str:
        """One line per line of message and hint, every control character escaped.

        Quotes and file names come from contributors: an escape sequence or a
        bidi control in them must not rewrite the terminal or hide text, and
        a line break must not start what looks like another diagnostic.
        """
        text = f"{self.position}: {self.severity}: {self.message}"
        if self.hint:
            text += "\n" + self.hint
        return "\n    ".join(printable(line) for line in text.split("\n"))


@dataclass
class Diagnostics:
    """Collects problems from all stages; sorted output keeps runs reproducible."""

    items: list[Diagnostic] = field(default_factory=list)

    def error(self, where: Position | Located, message: str, hint: str = "") -> None:
        self.items.append(Diagnostic(_resolve(where), message, hint, "error"))

    def warning(self, where: Position | Located, message: str, hint: str = "") -> None:
        self.items.append(Diagnostic(_resolve(where), message, hint, "warning"))

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity == "error"]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity == "warning"]

    def sorted(self) -> list[Diagnostic]:
        return sorted(self.items, key=lambda d: (d.position, d.message))

    def report(self) -> str:
        return "\n".join(str(d) for d in self.sorted())


def printable(text: str) -> str:
    """Text with every control and invisible format character written as an escape.

    C0 and C1 controls (ESC starts terminal escape sequences), bidi controls
    (U+202E reverses what follows), zero-width characters, the soft hyphen,
    the BOM and line separators become \\x1b, \\u202e, ...; everything else
    is kept, so German text and typographic quotes print as they are.
    """
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() or unicodedata.category(c) in _HARMLESS else _escape(c) for c in text)


# Not printable by str.isprintable, but neither acting on a terminal nor invisible.
_HARMLESS = ("Zs", "Co")


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def _resolve(where: Position | Located) -> Position:
    return where if isinstance(where, Position) else where.resolve()


class DossierError(Exception):
    """Raised by the pipeline driver when a stage left errors behind."""

    def __init__(self, diagnostics: Diagnostics) -> None:
        self.diagnostics = diagnostics
        count = len(diagnostics.errors)
        super().__init__(f"{count} error{'s' if count != 1 else ''}\n{diagnostics.report()}")


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """A "did you mean" hint, or an empty string when nothing is close."""
    matches = difflib.get_close_matches(word, list(candidates), n=3, cutoff=0.6)
    if not matches:
        return ""
    return "did you mean " + " or ".join(f"'{m}'" for m in matches) + "?"


def relative(path: Path, root: Path) -> str:
    """Paths in messages are relative to the project root, as editors expect."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
