"""The same dossier gives the same site, search index included, byte for byte.

Pagefind writes its filter values and its list of filters in an order that
changes from run to run (its issue #638); dossier/search_stable.py sorts
them. Here: two builds of one small dossier compared file by file, and a
bundle written in two different orders settling to the same bytes.
"""

from __future__ import annotations

import gzip
import json
import random
import shutil
from pathlib import Path

import pytest
from helpers import tree

from dossier import search_stable
from dossier.cli import main
from dossier.search import BUNDLE, SearchError, index

REPO = Path(__file__).resolve().parent.parent
OUTLETS = ("Kurier", "Abendblatt", "Rundschau", "Zeitung am Morgen")


def _project(dossier) -> None:
    """Articles of several outlets and years: filters with several values each."""
    for i, outlet in enumerate(OUTLETS * 2):
        dossier.article(f"a{i}", f"Titel {i}\nKyrylo Budanov sagte, {1000 + i}.000 Soldaten seien in Russland.\n",
                        f"seed: a{i}.txt\ntitle: Bericht {i}\nlanguage: de\noutlet: {outlet}\n"
                        f"published: \"{2019 + i}-0{1 + i % 9}\"\npublished_basis: Datumszeile\n")
    (dossier.root / "mkdocs.yml").write_text((REPO / "mkdocs.yml").read_text("utf-8"), "utf-8")


def test_two_builds_give_the_same_bytes_search_index_included(dossier, capsys):
    _project(dossier)
    site = dossier.root / "build" / "site"
    assert main(["--root", str(dossier.root), "build"]) == 0
    first = tree(site)
    shutil.rmtree(dossier.root / "build")  # a build from nothing, not one that keeps what is unchanged
    assert main(["--root", str(dossier.root), "build"]) == 0
    second = tree(site)
    assert any(name.startswith(f"{BUNDLE}/filter/") for name in first)
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []


def test_indexing_the_same_site_again_gives_the_same_bundle(dossier, capsys):
    """Pagefind alone, run several times on one site: without ``settle`` its
    filter files and page list come out in one of many orders."""
    _project(dossier)
    assert main(["--root", str(dossier.root), "build"]) == 0
    site = dossier.root / "build" / "site"
    first = tree(site / BUNDLE)
    for _ in range(3):
        index(site, "de")
        assert tree(site / BUNDLE) == first


def _write(path: Path, value: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(search_stable.SIGNATURE + search_stable.encode(value), 9, mtime=0))


def _bundle(folder: Path, seed: int) -> None:
    """A bundle as Pagefind 1.5 writes it, its filters and their values in an order drawn by ``seed``."""
    shuffle = random.Random(seed).shuffle
    filters = {"kind": [["Artikel", [0, 2, 300]], ["Person", [1]], ["Frage", [70000]]],
               "outlet": [["Kurier", [0]], ["Rundschau", [2, 300]]],
               "year": [["2024", [0]], ["2025", [2]], ["2019", [300]]]}
    listed = []
    for name, values in filters.items():
        values = list(values)
        shuffle(values)
        data = search_stable.encode([name, values])
        listed.append([name, f"de_{seed}{name}"])
        _write(folder / "filter" / f"de_{seed}{name}.pf_filter", [name, values])
        assert search_stable.decode(data)[0] == [name, values]
    shuffle(listed)
    meta = ["1.5.2", [["de_0a1b2c3", 12], ["de_4d5e6f7", 1000]], [["a", "m", "de_1111111"], ["n", "z", "de_2222222"]],
            listed, [], ["title"]]
    _write(folder / f"pagefind.de_{seed}.pf_meta", meta)
    entry = {"version": "1.5.2", "languages": {"de": {"hash": f"de_{seed}", "wasm": "de", "page_count": 2}},
             "include_characters": ["_", "‿"]}
    (folder / "pagefind-entry.json").write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), "utf-8")


def test_a_bundle_written_in_any_order_settles_to_the_same_bytes(tmp_path):
    settled = []
    for seed in range(1, 6):
        folder = tmp_path / str(seed)
        _bundle(folder, seed)
        search_stable.settle(folder)
        settled.append(tree(folder))
    assert all(tree == settled[0] for tree in settled)
    entry = json.loads(settled[0]["pagefind-entry.json"])
    meta_name = f"pagefind.{entry['languages']['de']['hash']}.pf_meta"
    assert meta_name in settled[0]  # the entry file names the page list written
    meta, _ = search_stable.decode(gzip.decompress(settled[0][meta_name])[len(search_stable.SIGNATURE):])
    assert [name for name, _ in meta[3]] == ["kind", "outlet", "year"]
    for name, file_hash in meta[3]:
        written = gzip.decompress(settled[0][f"filter/{file_hash}.pf_filter"])[len(search_stable.SIGNATURE):]
        filter_name, values = search_stable.decode(written)[0]
        assert filter_name == name and [v for v, _ in values] == sorted(v for v, _ in values)
    assert len(settled[0]) == 1 + 1 + 3  # entry, page list, three filters: nothing of the old names left


def test_cbor_round_trip_and_the_shortest_form():
    value = ["1.5.2", [0, 23, 24, 255, 256, 65535, 65536, 2**32, -1, -24, -25, -300], "Kiew–Ä", []]
    data = search_stable.encode(value)
    assert search_stable.decode(data) == (value, len(data))
    assert search_stable.encode(23) == b"\x17" and search_stable.encode(24) == b"\x18\x18"
    assert search_stable.encode(-1) == b"\x20" and search_stable.encode(256) == b"\x19\x01\x00"


@pytest.mark.parametrize("body", [b"\xa1\x01\x02", b"\x9f\x01\xff", b"\x83\x01", b"\x63ab"])
def test_a_bundle_in_a_form_not_known_stops_the_build(tmp_path, body):
    """A map, an indefinite array, a truncated item: another Pagefind version, not something to rewrite."""
    _bundle(tmp_path, 1)
    meta = next(tmp_path.glob("*.pf_meta"))
    meta.write_bytes(gzip.compress(search_stable.SIGNATURE + body, mtime=0))
    with pytest.raises(search_stable.BundleError):
        search_stable.settle(tmp_path)


def test_index_reports_a_bundle_it_cannot_settle(dossier, monkeypatch):
    _project(dossier)
    assert main(["--root", str(dossier.root), "build"]) == 0

    def broken(bundle: Path) -> None:
        raise search_stable.BundleError(f"{bundle}: not a Pagefind 1.5 page list")

    monkeypatch.setattr(search_stable, "settle", broken)
    with pytest.raises(SearchError, match="install the Pagefind version pyproject.toml names"):
        index(dossier.root / "build" / "site", "de")
