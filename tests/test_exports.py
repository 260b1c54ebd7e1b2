"""The machine-readable exports agree with the annotations and the source texts."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from dossier.exports import _HOLE, _array, _dump, _dump_array, _dump_with_array


def _load(site: Path, name: str):
    return json.loads((site / "build/docs/daten" / name).read_text("utf-8"))


def test_every_claim_is_exported_with_its_exact_quote(site: Path) -> None:
    claims = _load(site, "claims.json")
    annotated = {
        f"{path.stem}/{c['id']}"
        for path in (site / "content/articles").glob("*.yml")
        for c in (yaml.safe_load(path.read_text("utf-8")) or {}).get("claims", [])
    }
    assert {c["id"] for c in claims} == annotated
    texts = {p.stem: p.read_text("utf-8").lstrip("\ufeff") for p in (site / "seeds").iterdir()}
    for claim in claims:
        assert texts[claim["article"]][claim["start"]:claim["end"]] == claim["quote"]


def test_web_annotations_match_the_claims(site: Path) -> None:
    claims = {c["id"]: c for c in _load(site, "claims.json")}
    collection = _load(site, "annotations.jsonld")
    items = collection["first"]["items"]
    assert collection["total"] == len(items) == len(claims)
    for item in items:
        claim = claims[item["id"].removeprefix("urn:dossier:claim:")]
        quote, position = item["target"]["selector"]
        assert quote["exact"] == claim["quote"]
        assert (position["start"], position["end"]) == (claim["start"], claim["end"])


def test_entities_list_their_mentions(site: Path) -> None:
    entities = {e["id"]: e for e in _load(site, "entities.json")}
    texts = {p.stem: p.read_text("utf-8").lstrip("\ufeff") for p in (site / "seeds").iterdir()}
    assert sum(len(e["mentions"]) for e in entities.values()) > 100
    for entity in entities.values():
        for m in entity["mentions"]:
            assert texts[m["article"]][m["start"]:m["end"]] == m["surface"]


def test_json_is_compact_sorted_and_takes_any_integer() -> None:
    assert _dump({"b": "ä\"", "a": [1, None]}) == '{"a":[1,null],"b":"ä\\""}\n'.encode()
    assert _dump({"n": 10**30}) == b'{"n":1000000000000000000000000000000}\n'


def test_streamed_arrays_give_the_bytes_of_the_whole_structure() -> None:
    items = [{"b": 10**30, "a": "„ä“"}, {"z": [1.5, None, True]}, {}]
    assert _dump_array(iter(items)) == _dump(items)
    assert _dump_array(iter([])) == _dump([])
    whole = {"total": 3, "first": {"items": items, "type": "Page"}, "@context": "x"}
    framed = {"total": 3, "first": {"items": _HOLE, "type": "Page"}, "@context": "x"}
    array, count = _array(iter(items))
    assert count == len(items)
    assert _dump_with_array(framed, array) == _dump(whole)
    assert _dump_with_array(framed, _array(iter([]))[0]) == _dump({**whole, "first": {"items": [], "type": "Page"}})
