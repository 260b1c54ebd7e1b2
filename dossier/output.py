"""The shape of every generated file: where it goes, what it is made from, how.

Pages, exports, seed copies and assets are all ``Output``s, so emit is one
loop over them. An output's key is a digest of its inputs, and its ``make``
receives those inputs and nothing else: whatever the file depends on is in
the key, so a file whose key did not change since the last build would be
made again byte for byte, and is not made again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Generic, TypeVar

T = TypeVar("T")
In = TypeVar("In")


@dataclass(frozen=True, slots=True)
class Sourced(Generic[T]):
    """A value made from source files whose fingerprint is known (an article
    from its annotation and text, say). In a key it is its fingerprint alone:
    ``value`` is left out of the repr, so a key stays short however large
    the value, and is still complete."""

    fingerprint: str
    value: T = field(repr=False, compare=False)

    def __repr__(self) -> str:  # as the dataclass's, faster: page keys hold thousands (``input_key``)
        return f"Sourced(fingerprint={self.fingerprint!r})"


@dataclass(frozen=True, slots=True)
class Output(Generic[In]):
    """A file to write: ``make(inputs())`` is its bytes."""

    path: str  # docs-relative
    #: everything the file is made from: plain data, and ``Sourced`` for what has a fingerprint
    inputs: Callable[[], In]
    make: Callable[[In], bytes]
    #: a rendered page (counted and reported as one), not an export, copy or asset
    page: bool = False


def input_key(inputs: object) -> str:
    """A short digest of an output's inputs: their repr, which is deterministic
    for the plain data (strings, numbers, tuples, frozen dataclasses) inputs hold."""
    return hashlib.blake2b(repr(inputs).encode("utf-8"), digest_size=16).hexdigest()


def given(value: T) -> Callable[[], T]:
    """Inputs already at hand."""
    return partial(_same, value)


def _same(value: T) -> T:
    return value
