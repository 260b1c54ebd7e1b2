"""Review when evidence changes: an assessment remembers the claims it was written for.

An explained or resolved contradiction records, under ``resolution:
assessed:``, each claim of its question as ``article/claim@fingerprint``
(the fingerprint digests the claim's scope and value). A claim that joins
the question later, changes its value or scope, or goes away makes the
assessment *pending*: ``dossier check`` warns, naming the question and
those claims, and the site marks the contradiction "neue Aussagen seit der
Bewertung" until someone re-reads the note and runs ``dossier review ID``,
which writes the new record into propositions.yml, changing no other byte.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from .analyse import Analysis, ClaimRef, PropositionReport
from .diagnostics import Diagnostics
from .model import Location, Proposition
from .yamlfile import Where

#: statuses that are an assessment of the claims (an open contradiction assesses nothing)
ASSESSED = ("explained", "undecidable", "resolved")


@dataclass(frozen=True, slots=True)
class Pending:
    """What changed since the assessment, as claim keys (``article/claim``)."""

    added: tuple[str, ...]
    changed: tuple[str, ...]
    removed: tuple[str, ...]
    unrecorded: bool  # the assessment records no claims at all

    @property
    def new(self) -> tuple[str, ...]:
        """The claims the assessment has not seen as they are now."""
        return tuple(sorted(self.added + self.changed))


def entry(ref: ClaimRef, scope: str) -> str:
    """One claim as an assessment records it: its key and a digest of its scope and value."""
    value = ref.value
    digest = hashlib.sha256(f"{scope}\0{value.low!r}\0{value.high!r}\0{value.key}\0{value.text}".encode()).hexdigest()
    return f"{ref.article.id}/{ref.claim.id}@{digest[:8]}"


def record(report: PropositionReport) -> list[str]:
    """The record of every claim of the question now, sorted."""
    return sorted(entry(ref, group.scope) for group in report.groups for ref in group.claims)


def pending(report: PropositionReport) -> Pending | None:
    """What the assessment of a contradiction has not seen; None when it saw everything or assesses nothing."""
    proposition = report.proposition
    if not report.conflict or proposition.status not in ASSESSED:
        return None
    now = dict(_split(item) for item in record(report))
    if proposition.assessed is None:
        return Pending(tuple(sorted(now)), (), (), True)
    then = dict(_split(item) for item in proposition.assessed)
    added = tuple(sorted(key for key in now if key not in then))
    changed = tuple(sorted(key for key in now if key in then and then[key] != now[key]))
    removed = tuple(sorted(key for key in then if key not in now))
    if not (added or changed or removed):
        return None
    return Pending(added, changed, removed, False)


def _split(item: str) -> tuple[str, str]:
    key, _, digest = item.rpartition("@")
    return key, digest


def warn(analysis: Analysis, diagnostics: Diagnostics) -> None:
    """A warning for every assessment that has not seen the claims of its question as they are."""
    for report in analysis.reports.values():
        found = pending(report)
        if found is None:
            continue
        proposition = report.proposition
        if found.unrecorded:
            message = (f"the {proposition.status} contradiction '{proposition.id}' does not record which claims "
                       f"its note assessed ({len(found.added)} claims now)")
        else:
            parts = [f"{label}: {', '.join(keys)}" for label, keys in
                     (("new", found.added), ("changed", found.changed), ("gone", found.removed)) if keys]
            message = f"claims of the {proposition.status} contradiction '{proposition.id}' changed since its assessment; " + "; ".join(parts)
        diagnostics.warning(_resolution(proposition), message,
                            f"re-read its note against these claims, correct it if needed, then run: dossier review {proposition.id}")


def _resolution(proposition: Proposition) -> Location:
    where = proposition.position
    return Where(where.source, (*where.path, "resolution"), key=True) if isinstance(where, Where) else where


class ReviewError(Exception):
    """The record cannot be written into the file; ``lines`` is what to paste instead."""

    def __init__(self, message: str, lines: list[str]) -> None:
        super().__init__(message)
        self.lines = lines


def block(entries: list[str], indent: int) -> list[str]:
    """The ``assessed:`` lines at ``indent`` spaces (its items two deeper)."""
    pad = " " * indent
    return [f"{pad}assessed:  # claims the note was written for; update with: dossier review"] + [
        f"{pad}  - {item}" for item in entries
    ]


def rewrite(text: str, proposition: Proposition, entries: list[str]) -> str:
    """``text`` (propositions.yml) with the proposition's ``assessed`` record replaced by ``entries``.

    Only the lines of the old record change (or new ones are inserted after
    ``resolution:``); every other byte, comments included, stays as it was.
    """
    where = proposition.position
    if not isinstance(where, Where):
        raise ReviewError("the proposition's place in its file is unknown", block(entries, 4))
    source, index = where.source, where.path
    lines = text.splitlines(keepends=True)
    resolution = source.key_at((*index, "resolution"))
    status = source.key_at((*index, "resolution", "status"))
    if status.line <= resolution.line:  # flow style, e.g. resolution: {status: explained, note: ...}
        raise ReviewError(f"{resolution}: resolution is written on one line", block(entries, resolution.column + 1))
    indent = status.column - 1
    new = [line + _newline(lines) for line in block(entries, indent)]
    if proposition.assessed is not None:
        start = source.key_at((*index, "resolution", "assessed")).line - 1
        end = start + 1
        while end < len(lines) and _inside(lines[end], indent):
            end += 1
        while end - 1 > start and not lines[end - 1].strip():  # blank lines after the record are not part of it
            end -= 1
        return "".join(lines[:start] + new + lines[end:])
    return "".join(lines[: resolution.line] + new + lines[resolution.line:])


def _inside(line: str, indent: int) -> bool:
    """Whether ``line`` still belongs to a value whose key is indented ``indent`` spaces."""
    stripped = line.lstrip(" ")
    depth = len(line) - len(stripped)
    return not stripped.strip() or depth > indent or (depth == indent and stripped.startswith("- "))


def _newline(lines: list[str]) -> str:
    return "\r\n" if lines and lines[0].endswith("\r\n") else "\n"


def update(path: Path, report: PropositionReport) -> tuple[list[str], Pending | None]:
    """Write the record of ``report``'s claims into ``path``; the entries and what they replace."""
    text = path.read_bytes().decode("utf-8")
    entries = record(report)
    found = pending(report)
    updated = rewrite(text, report.proposition, entries)
    if updated != text:
        path.write_bytes(updated.encode("utf-8"))
    return entries, found
