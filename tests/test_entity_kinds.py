"""Entity kinds are one table; a missing registry file means none of its kind."""

from __future__ import annotations

import re
import shutil

from annotations import article, claim, dump
from helpers import ROOT

from dossier import sitemap
from dossier.cli import main
from dossier.model import ENTITY_KINDS

TEXT = "Titel\nKyrylo Budanow meldet 12.000 Soldaten in Russland.\n"
ARTICLE = dump(article("a.txt", claim("zahl", "12.000 Soldaten", attributed_to="kyrylo-budanov")))


def test_a_dossier_without_units_yml_builds(dossier, capsys, monkeypatch):
    monkeypatch.delenv("SITE_URL", raising=False)
    shutil.copy(ROOT / "mkdocs.yml", dossier.root / "mkdocs.yml")
    (dossier.root / "content" / "entities" / "units.yml").unlink()
    dossier.article("a", TEXT, ARTICLE)
    assert main(["--root", str(dossier.root), "build"]) == 0
    assert "0 errors" in capsys.readouterr().out
    units = (dossier.root / "build" / "docs" / sitemap.entity_index("units")).read_text("utf-8")
    assert "0 Einträge" in units
    assert (dossier.root / "build" / "site" / ENTITY_KINDS["units"].folder / "index.html").is_file()


def test_without_any_registry_file_only_references_fail(dossier, capsys):
    shutil.rmtree(dossier.root / "content" / "entities")
    (dossier.root / "content" / "propositions.yml").unlink()
    assert main(["--root", str(dossier.root), "check"]) == 0
    assert "ok: 0 articles, 0 claims, 0 entities, 0 propositions" in capsys.readouterr().out
    # nothing is missing, so a reference to what is not there is an error, not skipped
    dossier.article("a", TEXT, ARTICLE)
    assert main(["--root", str(dossier.root), "check"]) == 1
    err = capsys.readouterr().err
    assert re.search(r"^content/articles/a\.yml:\d+:\d+: error: unknown proposition 'troops'", err, re.MULTILINE)
    assert re.search(r"^content/articles/a\.yml:\d+:\d+: error: unknown entity 'kyrylo-budanov'", err, re.MULTILINE)
    assert "file is missing" not in err


def test_a_stray_file_in_content_entities_is_reported_with_the_name_it_should_have(dossier, capsys):
    (dossier.root / "content" / "entities" / "people.yml").rename(dossier.root / "content" / "entities" / "peple.yml")
    dossier.write("content/entities/places.yaml", "[]\n")
    dossier.write("content/entities/.gitkeep", "")
    assert main(["--root", str(dossier.root), "check"]) == 1
    lines = capsys.readouterr().err.splitlines()
    at = lines.index(next(line for line in lines if line.startswith("content/entities/peple.yml:1:1: error: not an entity file")))
    assert "did you mean 'people.yml'" in lines[at + 1]
    assert "content/entities/places.yaml:1:1: error: entity files end in .yml" in lines
    assert not any(".gitkeep" in line for line in lines)


def test_the_table_names_each_folder_once_and_every_kind_is_in_the_navigation():
    folders = [kind.folder for kind in ENTITY_KINDS.values()]
    assert len(set(folders)) == len(folders)
    fixed = {sitemap.ARTICLES, sitemap.CONTRADICTIONS, sitemap.DATA}
    assert not {f"{folder}/index.md" for folder in folders} & fixed
    nav = {page: label for label, page in sitemap.navigation()}
    assert [nav[sitemap.entity_index(key)] for key in ENTITY_KINDS] == [kind.nav for kind in ENTITY_KINDS.values()]
