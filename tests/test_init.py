"""`dossier init DIR`: a new dossier that builds at once, and this repository's
own files are what init would write."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from helpers import ROOT
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from dossier import init, locales, sitemap
from dossier.cli import main
from dossier.model import ENTITY_KINDS


class _EnvLoader(yaml.SafeLoader):
    """Reads mkdocs.yml's ``!ENV [NAME, default]`` as its default."""


_EnvLoader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])


def config(root: Path) -> dict:
    return yaml.load((root / "mkdocs.yml").read_text("utf-8"), Loader=_EnvLoader)


def files_in(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def html_file(page: str) -> str:
    """Where MkDocs (with directory URLs) writes the page of a Markdown file."""
    stem = page.removesuffix(".md")
    return f"{stem}.html" if stem == "index" or stem.endswith("/index") else f"{stem}/index.html"


HOSTILE_TITLE = 'Klagen: <script>alert(1)</script> "x" *y* [z](javascript:1) {{ 7*7 }} #'


def test_a_new_dossier_builds_at_once_and_its_home_page_says_how_to_start(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("SITE_URL", raising=False)
    root = tmp_path / "klima"
    assert main(["init", str(root), "--title", HOSTILE_TITLE, "--description", "Wer klagt <b>wo</b>?"]) == 0
    assert "created" in capsys.readouterr().out
    settings = config(root)
    assert settings["site_name"] == HOSTILE_TITLE and settings["site_description"] == "Wer klagt <b>wo</b>?"
    assert settings["site_url"] == "http://127.0.0.1:8000/klima/"
    assert not list((root / "seeds").glob("*.txt")) and not list((root / "content" / "articles").glob("*.yml"))

    assert main(["--root", str(root), "build"]) == 0
    home = HTMLParser((root / "build" / "site" / "index.html").read_text("utf-8"))
    article = home.css_first("article")
    assert article.css_first("h1").text(strip=True).removesuffix("¶") == HOSTILE_TITLE  # shown as text, not run or formatted
    assert not article.css("script") and "49" not in article.text()
    text = article.text()
    assert "noch keine Artikel" in text and "Erste Schritte" in text
    assert "dossier new seeds/" in text and "dossier check" in text and "dossier build" in text
    # every section the navigation lists was built, the entity kinds' among them
    for _, page in sitemap.navigation():
        assert (root / "build" / "site" / html_file(page)).is_file(), page
    for kind in ENTITY_KINDS.values():
        index = HTMLParser((root / "build" / "site" / kind.folder / "index.html").read_text("utf-8"))
        assert index.css_first("article h1").text(strip=True).removesuffix("¶") == kind.plural
    tabs = [a.text(strip=True) for a in home.css(".md-tabs__link")]
    assert tabs == [label for label, _ in sitemap.navigation()]
    # the search index is built with the site, in the site's language (German stemming by default)
    entry = json.loads((root / "build" / "site" / "pagefind" / "pagefind-entry.json").read_text("utf-8"))
    assert list(entry["languages"]) == [settings["theme"]["language"]] == ["de"]


def test_init_writes_the_settings_it_was_given(tmp_path):
    root = tmp_path / "Mein Dossier!"
    made = init.init(root, language="en", site_url="https://example.org/klagen", requirement="dossier==0.1.0")
    settings = config(root)
    assert settings["site_name"] == "Mein Dossier!"  # the folder's name by default
    assert "site_description" not in settings
    assert settings["site_url"] == "https://example.org/klagen/"
    assert settings["theme"]["language"] == "en"
    # no theme search: Dossier's plugin indexes with Pagefind in theme.language
    assert [next(iter(p)) if isinstance(p, dict) else p for p in settings["plugins"]] == ["dossier"]
    with locales.using("en"):  # navigation and section names in the site's language
        assert settings["nav"] == [{label: page} for label, page in sitemap.navigation()]
        assert sorted(made.files) == sorted(files_in(root))
        readme = (root / "README.md").read_text("utf-8")
        for kind in ENTITY_KINDS.values():
            assert f"`content/entities/{kind.key}.yml` | {kind.plural}" in readme
    assert (root / "requirements.txt").read_text("utf-8").splitlines()[-1] == "dossier==0.1.0" and made.reachable
    assert "dossier new seeds/" in readme and "dossier serve" in readme and "make site" in readme
    assert "<https://example.org/klagen/>" in readme
    assert (root / ".gitignore").read_text("utf-8").split() == ["/build/", "/.venv/"]
    # what the Makefile's install target and the workflow need
    assert "-r requirements.txt" in (root / "Makefile").read_text("utf-8")
    workflow = yaml.safe_load((root / ".github" / "workflows" / "pages.yml").read_text("utf-8"))
    assert [s["run"] for s in workflow["jobs"]["build"]["steps"] if "run" in s] == ["make site"]


def test_the_default_site_url_is_the_folder_as_a_url_path(tmp_path):
    init.init(tmp_path / "Ärzte Kriege 2025", requirement="dossier")
    assert config(tmp_path / "Ärzte Kriege 2025")["site_url"] == "http://127.0.0.1:8000/arzte-kriege-2025/"


def test_the_examples_in_the_new_registry_files_pass_the_check(tmp_path, capsys):
    root = tmp_path / "d"
    init.init(root, requirement="dossier")
    for rel in ("content/propositions.yml", "content/entities/people.yml"):
        path = root / rel
        lines = path.read_text("utf-8").splitlines()
        start = lines.index("#") + 1  # the example follows the explanation's blank comment line
        path.write_text("\n".join(lines[:start] + [line.removeprefix("# ") for line in lines[start:]]) + "\n", "utf-8")
    assert main(["--root", str(root), "check"]) == 0
    assert "ok: 0 articles, 0 claims, 1 entities, 1 propositions" in capsys.readouterr().out


def test_this_repository_uses_the_files_init_writes():
    """The repository's mkdocs.yml is the template's for its own settings; the
    workflow and the pre-commit hook are the same files."""
    settings = config(ROOT)
    values = init.Settings(settings["site_name"], settings["site_description"], settings["theme"]["language"],
                           settings["site_url"])
    assert init.site_config(values) == (ROOT / "mkdocs.yml").read_text("utf-8")
    written = init.project_files(values, "dossier")
    for rel in (".github/workflows/pages.yml", ".pre-commit-config.yaml"):
        assert written[rel] == (ROOT / rel).read_text("utf-8"), rel


def test_init_refuses_a_folder_that_is_not_empty(tmp_path, capsys):
    root = tmp_path / "alt"
    root.mkdir()
    (root / "notes.txt").write_text("mine")
    assert main(["init", str(root)]) == 1
    err = capsys.readouterr().err
    assert re.search(r"alt: error: is not empty \(notes\.txt\); nothing was written\n    choose a new folder", err)
    assert files_in(root) == {"notes.txt": b"mine"}

    (tmp_path / "file").write_text("x")
    assert main(["init", str(tmp_path / "file")]) == 1
    assert "error: exists and is not a folder" in capsys.readouterr().err

    (tmp_path / "link").symlink_to(tmp_path / "leer", target_is_directory=True)
    (tmp_path / "leer").mkdir()
    assert main(["init", str(tmp_path / "link")]) == 1
    assert "link: error: is a link" in capsys.readouterr().err
    assert list((tmp_path / "leer").iterdir()) == []


def test_init_accepts_a_clone_of_an_empty_repository(tmp_path):
    root = tmp_path / "clone"
    (root / ".git").mkdir(parents=True)
    (root / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    init.init(root, requirement="dossier")
    assert (root / "mkdocs.yml").is_file() and (root / ".git" / "HEAD").read_text() == "ref: refs/heads/main\n"


@pytest.mark.parametrize(("option", "value", "message"), [
    ("--title", "Zwei\nZeilen", "--title holds the character U+000A"),
    ("--title", "x" * 1001, "--title is 1,001 characters long"),
    ("--description", "Trenner\u2028Absatz", "--description holds the character U+2028"),
    ("--site-url", "javascript:alert(1)", "--site-url: 'javascript:alert(1)' is not an http(s) address"),
    ("--site-url", "https://example.org/a b/", "is not an http(s) address"),
    ("--site-url", 'https://example.org/"]x', "is not an http(s) address"),
])
def test_settings_that_cannot_be_written_are_refused_before_anything_is(tmp_path, capsys, option, value, message):
    root = tmp_path / "neu"
    assert main(["init", str(root), option, value]) == 1
    assert message in capsys.readouterr().err
    assert not root.exists()


def test_a_failed_write_removes_what_init_wrote(tmp_path, monkeypatch, capsys):
    files = {"mkdocs.yml": "site_name: x\n", "content/propositions.yml": "", "n" * 300: ""}  # a name too long
    monkeypatch.setattr(init, "project_files", lambda values, requirement: files)
    root = tmp_path / "neu" / "halb"  # both folders are made, and removed again
    assert main(["init", str(root), "--requirement", "dossier"]) == 1
    assert "what it had written was removed" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []
