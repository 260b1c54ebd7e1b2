"""Pagefind's bundle made byte-identical from build to build.

Pagefind (1.5) writes each filter's values, and the list of filters in its
page list (``pagefind.<lang>_<hash>.pf_meta``), in the order of a hash map
that is seeded anew on every run (its issue #638): the same site gives other
filter files, another page list and so another entry file each time. Its
word index and page fragments are stable. ``settle`` rewrites the unstable
files in sorted order: filter values by value, filters by name; file names
stay Pagefind's (a hash of the content, so a browser never caches a stale
one) and the entry file names the new page list.

Pagefind's files are gzip'd CBOR behind a signature; the small CBOR codec
here covers what Pagefind writes (unsigned and negative integers, text,
definite-length arrays) and is checked on every file it rewrites: decoding
and encoding again must give Pagefind's bytes back, else the format has
changed and the build stops rather than publish a broken index.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path
from typing import Any

SIGNATURE = b"pagefind_dcd"

#: CBOR major types (RFC 8949)
_UINT, _NINT, _TEXT, _ARRAY = 0, 1, 3, 4


class BundleError(Exception):
    """The bundle is not in the form this module knows (another Pagefind version?)."""


def settle(bundle: Path) -> None:
    """Rewrite the order-dependent files of the Pagefind bundle in ``bundle``."""
    entry_file = bundle / "pagefind-entry.json"
    entry_text = entry_file.read_text("utf-8")
    for language, about in sorted(json.loads(entry_text)["languages"].items()):
        old = about["hash"]
        new = _settle_language(bundle, language, old)
        entry_text = entry_text.replace(f'"hash":"{old}"', f'"hash":"{new}"', 1)
    entry_file.write_text(entry_text, "utf-8")


def _settle_language(bundle: Path, language: str, meta_hash: str) -> str:
    """Sort one language's filters; the new name of its page list."""
    meta_file = bundle / f"pagefind.{meta_hash}.pf_meta"
    meta = _read(meta_file)
    if not (isinstance(meta, list) and len(meta) > 3 and isinstance(meta[3], list)):
        raise BundleError(f"{meta_file}: not a Pagefind 1.5 page list")
    filters = []
    for entry in meta[3]:
        if not (isinstance(entry, list) and len(entry) == 2 and all(isinstance(x, str) for x in entry)):
            raise BundleError(f"{meta_file}: a filter entry is not [name, hash]")
        name, filter_hash = entry
        filters.append([name, _settle_filter(bundle / "filter", language, filter_hash)])
    meta[3] = sorted(filters)
    data = encode(meta)
    meta_file.unlink()
    new_hash = f"{language}_{_full_hash(data)[:len(language) + 8]}"
    _write(bundle / f"pagefind.{new_hash}.pf_meta", data)
    return new_hash


def _settle_filter(folder: Path, language: str, filter_hash: str) -> str:
    """Sort one filter's values; the new name of its file."""
    file = folder / f"{filter_hash}.pf_filter"
    index = _read(file)
    if not (isinstance(index, list) and len(index) == 2 and isinstance(index[1], list)
            and all(isinstance(v, list) and v and isinstance(v[0], str) for v in index[1])):
        raise BundleError(f"{file}: not a Pagefind 1.5 filter index")
    index[1].sort(key=lambda value: value[0])
    data = encode(index)
    file.unlink()
    name = f"{language}_{_full_hash(data)}"[:len(language) + 8]
    _write(folder / f"{name}.pf_filter", data)
    return name


def _full_hash(data: bytes) -> str:
    """Pagefind's content hash: SHA-1, each byte in hex without a leading zero."""
    return "".join(f"{byte:x}" for byte in hashlib.sha1(data).digest())


def _read(file: Path) -> Any:
    data = gzip.decompress(file.read_bytes())
    if not data.startswith(SIGNATURE):
        raise BundleError(f"{file}: no Pagefind signature")
    body = data[len(SIGNATURE):]
    value, end = decode(body)
    if end != len(body) or encode(value) != body:
        raise BundleError(f"{file}: CBOR this module cannot reproduce")
    return value


def _write(file: Path, data: bytes) -> None:
    """Gzip'd as Pagefind's own files, with no time stamp: the same bytes each build."""
    file.write_bytes(gzip.compress(SIGNATURE + data, compresslevel=9, mtime=0))


def decode(data: bytes, at: int = 0) -> tuple[Any, int]:
    """One CBOR value at ``at``: the value and where it ends."""
    if at >= len(data):
        raise BundleError("CBOR ends early")
    major, info = data[at] >> 5, data[at] & 31
    at += 1
    if info < 24:
        number = info
    elif info <= 27:
        width = 1 << (info - 24)
        if at + width > len(data):
            raise BundleError("CBOR ends early")
        number = int.from_bytes(data[at:at + width], "big")
        at += width
    else:
        raise BundleError(f"CBOR item {data[at - 1]:#x} is not one Pagefind writes")
    if major == _UINT:
        return number, at
    if major == _NINT:
        return -1 - number, at
    if major == _TEXT:
        if at + number > len(data):
            raise BundleError("CBOR ends early")
        return data[at:at + number].decode("utf-8"), at + number
    if major == _ARRAY:
        items = []
        for _ in range(number):
            item, at = decode(data, at)
            items.append(item)
        return items, at
    raise BundleError(f"CBOR major type {major} is not one Pagefind writes")


def encode(value: Any) -> bytes:
    """``value`` as CBOR in its shortest form (as Pagefind's encoder writes it)."""
    out = bytearray()
    _encode(value, out)
    return bytes(out)


def _encode(value: Any, out: bytearray) -> None:
    if isinstance(value, bool):
        raise BundleError("CBOR booleans are not written here")
    if isinstance(value, int) and value >= 0:
        _head(_UINT, value, out)
    elif isinstance(value, int):
        _head(_NINT, -1 - value, out)
    elif isinstance(value, str):
        text = value.encode("utf-8")
        _head(_TEXT, len(text), out)
        out += text
    elif isinstance(value, list):
        _head(_ARRAY, len(value), out)
        for item in value:
            _encode(item, out)
    else:
        raise BundleError(f"cannot write {type(value).__name__} as CBOR here")


def _head(major: int, number: int, out: bytearray) -> None:
    if number < 24:
        out.append(major << 5 | number)
        return
    for info, width in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if number < 1 << (8 * width):
            out.append(major << 5 | info)
            out += number.to_bytes(width, "big")
            return
    raise BundleError(f"{number} is too large for CBOR")
