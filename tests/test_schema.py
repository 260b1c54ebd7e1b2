"""One schema, shared with editors: every content file names it, and it holds."""

from __future__ import annotations

import json
import os
from pathlib import Path

import jsonschema
import pytest
import yaml
from helpers import ROOT

from dossier.model import ENTITY_KINDS

FILES = sorted((ROOT / "content").rglob("*.yml"))


def schema_for(path: Path) -> str:
    if path.parent.name == "articles":
        return "article"
    if path.parent.name == "entities":
        return ENTITY_KINDS[path.stem].schema
    return path.stem


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_content_file_names_its_schema_for_editors(path: Path) -> None:
    first = path.read_text("utf-8").splitlines()[0]
    prefix = "# yaml-language-server: $schema="
    assert first.startswith(prefix)
    target = (path.parent / first[len(prefix):]).resolve()
    assert target == (ROOT / "dossier" / "schemas" / f"{schema_for(path)}.schema.json").resolve()
    # What an editor sees: YAML read as JSON data, checked by a stock validator.
    schema = json.loads(target.read_text("utf-8"))
    data = json.loads(json.dumps(yaml.safe_load(path.read_text("utf-8")), default=str))
    jsonschema.Draft202012Validator(schema).validate(data)


def test_every_schema_is_valid_json_schema() -> None:
    for schema in (ROOT / "dossier" / "schemas").glob("*.json"):
        jsonschema.Draft202012Validator.check_schema(json.loads(schema.read_text("utf-8")))


def test_scaffold_names_the_same_schema(tmp_path: Path) -> None:
    from dossier.suggest import scaffold

    text = scaffold("x.txt", "Titel\nText mit 12.000 Soldaten.\n", [], []).text
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../../dossier/schemas/article.schema.json"
    assert os.path.exists(ROOT / "content" / "articles" / "../../dossier/schemas/article.schema.json")
