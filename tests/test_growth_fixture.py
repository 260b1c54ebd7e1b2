"""The growth fixture keeps working when the corpus grows the same question (tests/growth/README.md)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from helpers import _merged

CORPUS = """\
# comment of the corpus
- id: nk-casualties
  question: "Wie viele Soldaten fielen?"
  type: count
  scopes:
    total: "Insgesamt"
- id: other
  question: "?"
  type: date
  scopes:
    start: "Beginn"
"""
FIXTURE = """
# --- added by the growth fixture ---

- id: nk-casualties
  question: "Wie viele nordkoreanische Soldaten wurden getötet oder verwundet?"
  type: count
  scopes:
    by-end-2024: "Bis Ende 2024"
    total: "Insgesamt (Fixture)"
- id: new-question
  question: "Neu?"
  type: boolean
  scopes:
    all: "Alle"
"""


def test_a_clashing_proposition_adds_only_its_missing_scopes():
    merged = yaml.safe_load(_merged(CORPUS, FIXTURE, Path("content/propositions.yml")))
    by_id = {item["id"]: item for item in merged}
    assert [item["id"] for item in merged] == ["nk-casualties", "other", "new-question"]
    assert by_id["nk-casualties"]["question"] == "Wie viele Soldaten fielen?"  # the corpus's entry wins
    assert by_id["nk-casualties"]["scopes"] == {"by-end-2024": "Bis Ende 2024", "total": "Insgesamt"}
    assert by_id["other"]["scopes"] == {"start": "Beginn"}


def test_without_a_clash_the_fixture_is_appended_as_written():
    fixture = FIXTURE.replace("nk-casualties", "fresh")
    assert _merged(CORPUS, fixture, Path("x")).endswith(fixture.strip("\n") + "\n")
    assert _merged(CORPUS, fixture, Path("x")).startswith(CORPUS)


def test_an_entry_of_another_kind_under_the_same_id_is_a_clear_failure():
    with pytest.raises(AssertionError, match="clashes with the corpus's entry"):
        _merged(CORPUS, FIXTURE.replace("type: count", "type: date", 1), Path("content/propositions.yml"))
