"""Events: an entity kind with a date and a place, added as a row of the kinds table.

A dossier started before the kind existed (its mkdocs.yml has no events
section, it has no events.yml) still builds with MkDocs' --strict.
"""

from __future__ import annotations

import json
import re
import shutil
import typing

import pytest
import yaml
from helpers import ROOT

from dossier import init, sitemap
from dossier.cli import main
from dossier.model import ENTITY_KINDS, EntityKindKey

TEXT = "Titel\nDie Offensive bei Kursk begann im August 2024. Kyrylo Budanow äußerte sich.\n"
ARTICLE = "seed: a.txt\ntitle: Titel\nlanguage: de\n"
EVENTS = """\
- id: kursk-offensive
  name: Offensive bei Kursk
  description: "Vorstoß ukrainischer Truppen."
  date: "2024-08"
  place: russia
  aliases: [Kursk-Offensive]
- id: talks
  name: Gespräche
  date: {from: "2024-10-08", to: "2024-10-13"}
"""


def _old_config(dossier) -> None:
    """This repository's mkdocs.yml as it was before events: no section, no not_in_nav line."""
    lines = (ROOT / "mkdocs.yml").read_text("utf-8").splitlines(keepends=True)
    folder = ENTITY_KINDS["events"].folder
    kept = [line for line in lines if f"{folder}/" not in line]
    assert len(kept) == len(lines) - 2  # the nav entry and the not_in_nav pattern
    (dossier.root / "mkdocs.yml").write_text("".join(kept), "utf-8")


def _line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), start=1) if needle in line)


def test_the_literal_type_names_every_kind_of_the_table():
    assert typing.get_args(EntityKindKey) == tuple(ENTITY_KINDS)


def test_events_build_with_an_old_mkdocs_yml_and_show_date_place_and_exports(dossier, capsys, monkeypatch):
    monkeypatch.delenv("SITE_URL", raising=False)
    _old_config(dossier)
    dossier.write("content/entities/events.yml", EVENTS)
    dossier.article("a", TEXT, ARTICLE)
    assert main(["--root", str(dossier.root), "build"]) == 0, capsys.readouterr().err
    site = dossier.root / "build" / "site"
    folder, places = ENTITY_KINDS["events"].folder, ENTITY_KINDS["places"].folder

    page = (site / folder / "kursk-offensive" / "index.html").read_text("utf-8")
    assert re.search(r'<time datetime="2024-08">August 2024</time>', page)
    assert re.search(rf'href="\.\./\.\./{places}/russia/"[^>]*>Russland</a>', page)
    # the section is in the navigation although mkdocs.yml does not list it
    home = (site / "index.html").read_text("utf-8")
    assert re.search(rf'<a href="{folder}/"[^>]*>\s*{re.escape(ENTITY_KINDS["events"].nav)}\s*</a>', home)
    # a span has no single datetime: text only, both ends
    talks = (site / folder / "talks" / "index.html").read_text("utf-8")
    assert "8. Oktober 2024 – 13. Oktober 2024" in talks and "<time" not in talks.split("8. Oktober 2024")[0][-40:]

    index = (dossier.root / "build" / "docs" / folder / "index.md").read_text("utf-8")
    assert "| Name | Datum | Ort |" in index
    assert re.search(rf"\| \[Offensive bei Kursk\]\(kursk-offensive\.md\) \| August 2024 \| \[Russland\]\(\.\./{places}/russia\.md\) \|", index)
    index_html = (site / folder / "index.html").read_text("utf-8")
    assert re.search(r'>Gespräche</a></td>\s*<td>8\. Oktober 2024 – 13\. Oktober 2024</td>\s*<td></td>', index_html)
    # other kinds keep their table
    assert "| Datum |" not in (dossier.root / "build" / "docs" / places / "index.md").read_text("utf-8")
    # the place's page lists the event held there
    place_page = (dossier.root / "build" / "docs" / places / "russia.md").read_text("utf-8")
    assert re.search(rf"\[Offensive bei Kursk\]\(\.\./{folder}/kursk-offensive\.md\) \(Ereignis\) — Ereignis an diesem Ort", place_page)

    entities = {e["id"]: e for e in json.loads((site / "daten" / "entities.json").read_text("utf-8"))}
    assert entities["kursk-offensive"]["type"] == "events"
    assert entities["kursk-offensive"]["date"] == {"from": "2024-08", "to": "2024-08", "text": "August 2024"}
    assert entities["kursk-offensive"]["place"] == "russia"
    assert entities["talks"]["date"]["from"] == "2024-10-08" and entities["talks"]["place"] is None
    assert entities["russia"]["date"] is None and entities["russia"]["place"] is None


def test_an_event_mentioned_in_the_text_is_linked_and_its_date_is_english_in_an_english_site(dossier, capsys):
    dossier.write("content/entities/events.yml", EVENTS)
    dossier.article("a", "Titel\nDie Kursk-Offensive begann im August.\n", ARTICLE)
    (dossier.root / "mkdocs.yml").write_text("site_name: X\ntheme:\n  name: material\n  language: en\n", "utf-8")
    assert main(["--root", str(dossier.root), "build", "--no-site"]) == 0, capsys.readouterr().err
    docs = dossier.root / "build" / "docs"
    folder = ENTITY_KINDS["events"].folder
    assert f"Kursk&#45;Offensive](../{folder}/kursk-offensive.md)" in (docs / "artikel" / "a.md").read_text("utf-8")
    page = (docs / folder / "kursk-offensive.md").read_text("utf-8")
    assert '**Date:** <time datetime="2024-08">August 2024</time>' in page
    assert f"**Place:** [Russland](../{ENTITY_KINDS['places'].folder}/russia.md)" in page
    assert "8 October 2024 – 13 October 2024" in (docs / folder / "index.md").read_text("utf-8")


@pytest.mark.parametrize(("field", "written", "message", "hint"), [
    ("place", "rusia", "unknown place 'rusia'", "did you mean 'russia' (Russland)?"),
    ("place", "kyrylo-budanov", "'kyrylo-budanov' is not a place (it is in people.yml)", ""),
    ("place", "Ferner-Osten", "events.yml", ""),  # not an id at all: the schema's pattern
    ("date", '"2024-13"', "date: '2024-13' is not a valid date: month 13 is out of range (1-12)", ""),
    ("date", '"im Sommer"', "date: expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got 'im Sommer'", ""),
    ("date", '{from: "2024-10-13", to: "2024-10-08"}', "date: date range starts after it ends: 2024-10-13/2024-10-08", ""),
])
def test_a_bad_place_or_date_is_an_error_where_it_is_written(dossier, capsys, field, written, message, hint):
    events = EVENTS.replace('place: russia' if field == "place" else 'date: "2024-08"', f"{field}: {written}")
    path = dossier.write("content/entities/events.yml", events)
    assert main(["--root", str(dossier.root), "check"]) == 1
    err = capsys.readouterr().err.splitlines()
    line = _line_of(path.read_text("utf-8"), f"{field}: {written}")
    at = next(i for i, text in enumerate(err) if text.startswith(f"content/entities/events.yml:{line}:"))
    assert message in err[at]
    if hint:
        assert hint in err[at + 1]
    assert sum("error:" in text for text in err) == 1  # that one error, nothing in its wake


def test_an_event_needs_a_date(dossier, capsys):
    dossier.write("content/entities/events.yml", "- id: x\n  name: Etwas\n  place: russia\n")
    assert main(["--root", str(dossier.root), "check"]) == 1
    assert re.search(r"^content/entities/events\.yml:1:\d+: error: missing required field 'date'", capsys.readouterr().err, re.MULTILINE)


def test_without_events_yml_an_old_dossier_builds_strict_with_an_empty_section(dossier, capsys, monkeypatch):
    monkeypatch.delenv("SITE_URL", raising=False)
    _old_config(dossier)
    assert not (dossier.root / "content" / "entities" / "events.yml").exists()
    dossier.article("a", "Titel\nKyrylo Budanow äußerte sich.\n", ARTICLE)
    assert main(["--root", str(dossier.root), "build", "--strict"]) == 0, capsys.readouterr().err
    index = dossier.root / "build" / "site" / ENTITY_KINDS["events"].folder / "index.html"
    assert "0 Einträge" in index.read_text("utf-8")


def test_the_section_goes_after_the_kind_before_it_and_a_complete_nav_is_left_alone():
    nav = [{label: page} for label, page in sitemap.navigation()]
    assert sitemap.missing_sections(nav) == []
    events = sitemap.entity_index("events")
    without = [entry for entry in nav if events not in entry.values()]
    places = next(i for i, entry in enumerate(without) if sitemap.entity_index("places") in entry.values())
    assert sitemap.missing_sections(without) == [(places + 1, ENTITY_KINDS["events"].nav, events)]
    # a nav with sections of its own: found inside them too
    nested = [{"Register": without[2:places + 1]}, *without[places + 1:]]
    assert sitemap.missing_sections(nested)[0][0] == 1


def test_init_lists_every_kind_in_the_navigation(tmp_path):
    config = init.site_config(init.settings(tmp_path / "d", "Titel"))
    nav = yaml.safe_load(config.split("nav:\n", 1)[1].split("\n\n", 1)[0].replace("  - ", "- "))
    pages = [next(iter(entry.values())) for entry in nav]
    assert [sitemap.entity_index(kind) for kind in ENTITY_KINDS] == [p for p in pages if p.endswith("/index.md")
                                                                    and p.split("/")[0] in {k.folder for k in ENTITY_KINDS.values()}]
    assert f"/{ENTITY_KINDS['events'].folder}/*.md" in config


def test_the_timeline_lists_each_event_at_its_date_with_its_place(dossier, capsys):
    shutil.copy(ROOT / "mkdocs.yml", dossier.root / "mkdocs.yml")
    dossier.write("content/entities/events.yml", EVENTS)
    dossier.article("a", TEXT, ARTICLE)
    assert main(["--root", str(dossier.root), "build", "--no-site"]) == 0, capsys.readouterr().err
    timeline = (dossier.root / "build" / "docs" / sitemap.TIMELINE).read_text("utf-8")
    folder = ENTITY_KINDS["events"].folder
    rows = [line for line in timeline.splitlines() if line.startswith("| ") and f"({folder}/" in line]
    events = yaml.safe_load(EVENTS)
    assert len(rows) == len(events)
    for event in events:
        (row,) = [r for r in rows if f"/{event['id']}.md)" in r]
        if event.get("place"):
            assert f"/{event['place']}.md)" in row
    # in date order: the one that starts first comes first
    starts = sorted(events, key=lambda e: e["date"]["from"] if isinstance(e["date"], dict) else e["date"])
    assert [next(i for i, r in enumerate(rows) if f"/{e['id']}.md)" in r) for e in starts] == list(range(len(rows)))
