"""CONTRIBUTING.md's examples, run as a new contributor would run them."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ROOT, copy_corpus

from dossier.cli import main
from dossier.escape import md_line

GUIDE = (ROOT / "CONTRIBUTING.md").read_text("utf-8")
EXAMPLE = re.compile(r"<!-- example: (.+?) -->\n```\w*\n(.*?)```", re.S)


def examples() -> list[tuple[str, str]]:
    found = EXAMPLE.findall(GUIDE)
    assert len(found) >= 6, "the guide lost its examples"
    return found


def apply(root: Path, directive: str, body: str) -> None:
    words = directive.split(" ", 1)
    if words[0] == "append":
        with (root / words[1]).open("a", encoding="utf-8") as handle:
            handle.write(body)
    elif words[0] != "mistake":
        (root / directive).write_text(body, encoding="utf-8")


def mistakes() -> list[tuple[str, str, str, str]]:
    result = []
    for directive, body in examples():
        if directive.startswith("mistake "):
            path, old, new = re.fullmatch(r'mistake (\S+) "(.*)" "(.*)"', directive).groups()
            result.append((path, old.replace("\\n", "\n"), new.replace("\\n", "\n"), body))
    return result


@pytest.fixture
def contributor(tmp_path: Path, capsys) -> Path:
    """The corpus after following the guide's steps 1 to 4."""
    root = copy_corpus(tmp_path)
    steps = [e for e in examples() if not e[0].startswith("mistake ")]
    seed_directive, seed_text = steps[0]
    apply(root, seed_directive, seed_text)
    assert main(["--root", str(root), "new", seed_directive]) == 0
    assert (root / "content/articles/900_beispiel.yml").exists()
    assert main(["--root", str(root), "check"]) == 0, "a fresh scaffold must pass the check"
    for directive, body in steps[1:]:
        apply(root, directive, body)
    capsys.readouterr()
    return root


def test_following_the_guide_gives_a_correct_page(contributor: Path, capsys) -> None:
    assert main(["--root", str(contributor), "check"]) == 0, capsys.readouterr().err
    assert main(["--root", str(contributor), "build", "--no-site"]) == 0
    summary = capsys.readouterr().out.strip().splitlines()[-1]
    written = len([p for p in (contributor / "build/docs").rglob("*") if p.is_file() and p.name != ".dossier-manifest"])
    assert re.fullmatch(rf"dossier: {written} files written, 0 unchanged, 0 removed, 0 errors, \d+ warnings?, [\d.]+ s",
                        summary), summary
    assert main(["--root", str(contributor), "build", "--no-site"]) == 0
    summary = capsys.readouterr().out.strip().splitlines()[-1]
    assert summary.startswith(f"dossier: 0 files written, {written} unchanged, 0 removed, 0 errors"), summary
    page = (contributor / "build/docs/artikel/900_beispiel.md").read_text("utf-8")
    for claim in ("weitere-3000", "angekommen", "vertrag-juni"):
        assert f'id="c-{claim}"' in page
    assert "Juni 2024" in page  # "im Juni letzten Jahres" resolved against 3 March 2025
    assert "Alles zum Krieg" not in page.split("Ausgeblendete Teile")[0]
    contradictions = (contributor / "build/docs/widersprueche/index.md").read_text("utf-8")
    assert "Wie viele Panzer liefert Nordkorea" not in contradictions  # no claims yet, so not listed
    assert "weitere-3000" in (contributor / "build/docs/widersprueche/nk-troops-russia.md").read_text("utf-8")


@pytest.mark.parametrize("path, old, new, expected", mistakes())
def test_each_documented_mistake_gives_the_documented_message(contributor: Path, capsys, path, old, new, expected) -> None:
    target = contributor / path
    text = target.read_text("utf-8")
    assert text.count(old) == 1
    target.write_text(text.replace(old, new), "utf-8")
    assert main(["--root", str(contributor), "check"]) == 1
    err = capsys.readouterr().err
    for line in expected.strip().splitlines():
        assert line in err.splitlines(), (line, err)


def test_pre_commit_hook_runs_the_check(tmp_path: Path) -> None:
    pre_commit = Path(sys.executable).with_name("pre-commit")
    repo = copy_corpus(tmp_path / "repo")
    shutil.copy(ROOT / ".pre-commit-config.yaml", repo)
    (repo / ".venv" / "bin").mkdir(parents=True)
    (repo / ".venv" / "bin" / "dossier").symlink_to(Path(sys.executable).with_name("dossier"))
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "PRE_COMMIT_HOME": str(tmp_path / "cache")}
    git = ["git", "-c", "user.email=t@example.org", "-c", "user.name=T"]
    subprocess.run(git + ["init", "-q"], cwd=repo, check=True, env=env)
    subprocess.run(git + ["add", "-A"], cwd=repo, check=True, env=env)
    ok = subprocess.run([str(pre_commit), "run", "--all-files"], cwd=repo, env=env, capture_output=True, text=True)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    propositions = repo / "content" / "propositions.yml"
    propositions.write_text(propositions.read_text("utf-8") + "broken: [\n", "utf-8")
    bad = subprocess.run([str(pre_commit), "run", "--all-files"], cwd=repo, env=env, capture_output=True, text=True)
    assert bad.returncode == 1
    assert "content/propositions.yml:" in bad.stdout and "YAML syntax error" in bad.stdout


def test_the_guide_covers_every_field_hide_reason_and_note_kind() -> None:
    """Read from the schema, so a new field or reason without a line in the guide fails here."""
    from dossier.schema import load_schema

    article = load_schema("article")
    for field in article["properties"]:
        assert re.search(rf"^\| (`\w+`, )*`{field}`", GUIDE, re.M), field
    for reason in article["properties"]["hide"]["items"]["properties"]["reason"]["enum"]:
        assert f"| `{reason}` |" in GUIDE, reason
    for kind in article["properties"]["notes"]["items"]["properties"]["kind"]["enum"]:
        assert f"| `{kind}` |" in GUIDE, kind
    for topic in ("undated article", "Non-German articles", "Naming seed files", "make test", "dossier review"):
        assert topic.casefold() in GUIDE.casefold(), topic


def test_the_example_shows_its_source_and_licence(contributor: Path, capsys) -> None:
    assert main(["--root", str(contributor), "build", "--no-site"]) == 0
    page = (contributor / "build/docs/artikel/900_beispiel.md").read_text("utf-8")
    meta = next(line for line in page.splitlines() if line.startswith("**Datum:**") or "**Medium:**" in line)
    written = dict(re.findall(r"^(outlet|source_url|licence): \"(.*)\"$", dict(examples())["content/articles/900_beispiel.yml"], re.M))
    assert len(written) == 3
    assert f"<{written['source_url']}>" in meta
    assert "**Lizenz des Quelltexts:** " + md_line(written["licence"]) in meta, meta
    assert meta.index("Original") < meta.index("Lizenz")
