"""Hostile files and a hostile disk: no file leaks onto the site, no file is
lost, builds are exclusive and the site is swapped in at once."""

from __future__ import annotations

import errno
import json
import logging
import os
import pickle
import re
import shutil
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from annotations import Data, article, at, claim, dump, person, proposition
from helpers import ROOT, tree

from dossier import emit as emit_module
from dossier import manifest
from dossier.cli import main
from dossier.files import FileError
from dossier.layout import Project
from dossier.limits import ID_CHARS, SEED_BYTES, SEED_LINE_CHARS, YAML_BYTES
from dossier.pipeline import Build, generate
from dossier.publish import PublishError, exchange, publish
from dossier.workspace import BuildLock

TEXT = "Titel\nDer NIS meldet 12.000 Soldaten.\n"
SECRET = "GEHEIM_TOKEN=s3cr3t-4711"


def annotation(stem: str, *claims: Data) -> str:
    return dump(article(f"{stem}.txt", *claims))


def check(dossier, capsys) -> tuple[int, str]:
    code = main(["--root", str(dossier.root), "check"])
    return code, capsys.readouterr().err


def build(dossier, capsys, *extra: str) -> tuple[int, str]:
    code = main(["--root", str(dossier.root), "build", *extra])
    captured = capsys.readouterr()
    return code, captured.err + captured.out


def with_site_config(dossier, output: str | None = None) -> None:
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    if output is not None:
        config = config.replace("      output: build/docs", f"      output: {output}")
        assert f"output: {output}" in config
    (dossier.root / "mkdocs.yml").write_text(config, "utf-8")


def outside_file(tmp_path_factory, text: str = SECRET) -> Path:
    path = tmp_path_factory.mktemp("outside") / "secret.txt"
    path.write_text(text, "utf-8")
    return path


def no_secret_in(folder: Path) -> bool:
    return all(SECRET.encode() not in data for data in tree(folder).values()) if folder.exists() else True


# --- sources: only regular files inside seeds/ and content/ -------------------------------------


@pytest.mark.parametrize("target", ["outside", "/etc/passwd", "/proc/self/environ", "../.git/config", "../.env"])
def test_a_seed_linked_out_of_seeds_is_not_read(dossier, capsys, tmp_path_factory, monkeypatch, target):
    monkeypatch.setenv("DOSSIER_TEST_SECRET", SECRET)  # what /proc/self/environ would leak
    (dossier.root / ".git").mkdir()
    (dossier.root / ".git" / "config").write_text(f"[http]\n\textraheader = {SECRET}\n")
    (dossier.root / ".env").write_text(SECRET)
    if target == "outside":
        target = str(outside_file(tmp_path_factory))
    (dossier.root / "seeds" / "a.txt").symlink_to(target)
    dossier.write("content/articles/a.yml", annotation("a"))
    with_site_config(dossier)
    code, err = build(dossier, capsys)
    assert code == 1
    assert re.search(r"^seeds/a\.txt:1:1: error: leads outside seeds/ \(to .+\)$", err, re.MULTILINE), err
    assert "copy the file there instead of linking to it" in err
    assert no_secret_in(dossier.root / "build")


def test_a_seeds_folder_that_is_a_link_out_is_not_read(dossier, capsys, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    (elsewhere / "a.txt").write_text(SECRET)
    (dossier.root / "seeds").rmdir()
    (dossier.root / "seeds").symlink_to(elsewhere)
    dossier.write("content/articles/a.yml", annotation("a"))
    code, err = check(dossier, capsys)
    assert code == 1
    assert f"seeds/a.txt:1:1: error: leads outside seeds/ (to {elsewhere / 'a.txt'})" in err


def test_a_seed_swapped_for_a_link_after_the_check_is_not_published(dossier, capsys, monkeypatch, tmp_path_factory):
    dossier.article("a", TEXT, annotation("a"))
    with_site_config(dossier)
    secret = outside_file(tmp_path_factory)
    checked_first = Build._check

    def check_then_swap(self):
        checked = checked_first(self)
        seed = dossier.root / "seeds" / "a.txt"
        seed.unlink()
        seed.symlink_to(secret)
        return checked

    monkeypatch.setattr(Build, "_check", check_then_swap)
    code, err = build(dossier, capsys)
    assert code == 1
    assert "seeds/a.txt: leads outside seeds/" in err and "Traceback" not in err
    assert no_secret_in(dossier.root / "build")


def test_a_link_within_seeds_is_followed(dossier, capsys):
    dossier.write("seeds/.original.txt", TEXT)  # hidden: not an article itself
    (dossier.root / "seeds" / "a.txt").symlink_to(".original.txt")
    dossier.write("content/articles/a.yml", annotation("a"))
    code, err = check(dossier, capsys)
    assert code == 0, err


def test_a_seed_that_is_a_fifo_fails_at_once(dossier, tmp_path):
    os.mkfifo(dossier.root / "seeds" / "a.txt")
    dossier.write("content/articles/a.yml", annotation("a"))
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "dossier.cli", "--root", str(dossier.root), "check"],
                            capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 1
    assert time.monotonic() - started < 30
    assert "seeds/a.txt:1:1: error: is a named pipe (FIFO), not a regular file" in result.stderr
    assert "Traceback" not in result.stderr


def test_dev_zero_as_seed_or_registry_is_refused_without_reading_it(dossier, capsys):
    (dossier.root / "seeds" / "a.txt").symlink_to("/dev/zero")
    dossier.write("content/articles/a.yml", annotation("a"))
    (dossier.root / "content" / "propositions.yml").unlink()
    (dossier.root / "content" / "propositions.yml").symlink_to("/dev/zero")
    code, err = check(dossier, capsys)
    assert code == 1
    assert "seeds/a.txt:1:1: error: leads outside seeds/ (to /dev/zero)" in err
    assert "content/propositions.yml:1:1: error: leads outside content/ (to /dev/zero)" in err


def test_a_device_inside_seeds_is_refused(dossier, capsys):
    try:
        os.mknod(dossier.root / "seeds" / "a.txt", stat.S_IFCHR | 0o666, os.makedev(1, 5))  # /dev/zero
    except PermissionError:
        pytest.skip("creating a device node needs root")
    dossier.write("content/articles/a.yml", annotation("a"))
    code, err = check(dossier, capsys)
    assert code == 1
    # "is a character device", or, on a file system mounted nodev, the refusal to open it
    assert re.search(r"^seeds/a\.txt:1:1: error: (is a character device|cannot be read: Permission denied)", err, re.MULTILINE), err


def test_folders_named_like_files_are_errors(dossier, capsys):
    dossier.write("seeds/b.txt", TEXT)
    dossier.write("content/articles/b.yml", annotation("b"))
    (dossier.root / "seeds" / "a.txt").mkdir()
    (dossier.root / "content" / "articles" / "c.yml").mkdir()
    (dossier.root / "content" / "entities" / "units.yml").unlink()
    (dossier.root / "content" / "entities" / "units.yml").mkdir()
    code, err = check(dossier, capsys)
    assert code == 1
    assert "seeds/a.txt:1:1: error: is a folder: articles in folders inside seeds/ are not read" in err
    assert "content/articles/c.yml:1:1: error: is a folder, not a regular file" in err
    assert "content/entities/units.yml:1:1: error: is a folder, not a regular file" in err


def test_an_annotation_linked_out_of_content_is_not_read(dossier, capsys, tmp_path_factory):
    dossier.write("seeds/a.txt", TEXT)
    secret = outside_file(tmp_path_factory, annotation("a"))
    (dossier.root / "content" / "articles" / "a.yml").symlink_to(secret)
    code, err = check(dossier, capsys)
    assert code == 1
    assert f"content/articles/a.yml:1:1: error: leads outside content/ (to {secret})" in err


def test_files_over_the_limits_are_refused_before_reading(dossier, capsys):
    with (dossier.root / "seeds" / "a.txt").open("wb") as handle:
        handle.truncate(SEED_BYTES + 1)  # sparse: costs no disk
    with dossier.write("content/articles/a.yml", annotation("a")).open("ab") as handle:
        handle.truncate(YAML_BYTES + 1)
    code, err = check(dossier, capsys)
    assert code == 1
    assert f"seeds/a.txt:1:1: error: is {SEED_BYTES + 1:,} bytes, more than the limit of {SEED_BYTES:,}" in err
    assert f"content/articles/a.yml:1:1: error: is {YAML_BYTES + 1:,} bytes, more than the limit of {YAML_BYTES:,}" in err


def test_dossier_new_refuses_a_fifo_and_a_link_out(dossier, capsys, tmp_path_factory):
    os.mkfifo(dossier.root / "seeds" / "a.txt")
    (dossier.root / "seeds" / "b.txt").symlink_to(outside_file(tmp_path_factory))
    assert main(["--root", str(dossier.root), "new", "seeds/a.txt"]) == 1
    assert "seeds/a.txt: error: is a named pipe (FIFO), not a regular file" in capsys.readouterr().err
    assert main(["--root", str(dossier.root), "new", "seeds/b.txt"]) == 1
    assert "seeds/b.txt: error: leads outside seeds/" in capsys.readouterr().err
    assert not list((dossier.root / "content" / "articles").iterdir())


def test_dossier_new_does_not_write_through_a_planted_link(dossier, capsys, tmp_path_factory):
    dossier.write("seeds/a.txt", TEXT)
    victim = tmp_path_factory.mktemp("outside") / "victim"
    (dossier.root / "content" / "articles" / "a.yml").symlink_to(victim)  # dangling
    assert main(["--root", str(dossier.root), "new", "seeds/a.txt"]) == 1
    assert "already exists; not overwritten" in capsys.readouterr().err
    assert not victim.exists()


# --- seeds: .txt files with names fit for a URL -------------------------------------------------


@pytest.mark.parametrize(("name", "message", "hint"), [
    ("x.md", "only .txt files are articles: x.md would not be published", "named x.txt"),
    ("X.TXT", "seeds end in '.txt', not '.TXT'", "rename it to x.txt"),
    ("Bericht #1 (Größe) 50%?.txt", "the file name becomes the article's id and web address",
     "rename it to bericht-1-groesse-50.txt (and its annotation file to content/articles/bericht-1-groesse-50.yml)"),
    ("notizen", "only .txt files are articles: notizen would not be published", "move the file out of seeds/"),
    ("a.txt~", "only .txt files are articles", ""),
    ("index.txt", "the file name is the article's id: id 'index' is reserved", "rename it"),
    ("a" * (ID_CHARS + 1) + ".txt", f"the file name is the article's id: id '{'a' * 20}…' is {ID_CHARS + 1} characters long",
     "rename it"),
])
def test_every_file_in_seeds_is_an_article_or_an_error(dossier, capsys, name, message, hint):
    dossier.article("ok", TEXT, annotation("ok"))
    (dossier.root / "seeds" / name).write_text("<script>alert(1)</script>\n" + TEXT, "utf-8")
    (dossier.root / "seeds" / ".gitkeep").write_text("")  # hidden files are left alone
    code, err = check(dossier, capsys)
    assert code == 1
    [line] = [line for line in err.splitlines() if line.startswith(f"seeds/{name}:")]
    assert line.startswith(f"seeds/{name}:1:1: error: {message}"), line
    assert hint in err.split(line, 1)[1].splitlines()[1]


def test_a_markdown_twin_of_a_seed_is_an_error(dossier, capsys):
    dossier.article("a", TEXT, annotation("a"))
    dossier.write("seeds/a.md", "<script>alert(1)</script>")
    code, err = check(dossier, capsys)
    assert code == 1
    assert "seeds/a.md:1:1: error: only .txt files are articles, and seeds/a.txt is this one\n    remove a.md from seeds/" in err


def test_an_annotation_naming_a_markdown_seed_is_an_error(dossier, capsys):
    dossier.write("seeds/a.md", TEXT)
    dossier.write("content/articles/a.yml", dump(article("a.md")))
    code, err = check(dossier, capsys)
    assert code == 1
    assert re.search(r"^content/articles/a\.yml:1:7: error: .*a\.md", err, re.MULTILINE), err


def test_a_folder_in_seeds_is_an_error(dossier, capsys):
    dossier.article("a", TEXT, annotation("a"))
    dossier.write("seeds/archiv/b.txt", TEXT)
    code, err = check(dossier, capsys)
    assert code == 1
    assert "seeds/archiv:1:1: error: is a folder: articles in folders inside seeds/ are not read" in err


def test_control_characters_in_a_seed_are_errors_with_their_place(dossier, capsys):
    dossier.article("a", "Titel\nDer NIS\x00 meldet\x1b 12.000\x00 Soldaten.\n\tEingerückt,\r\n\fneue Seite.\n", annotation("a"))
    code, err = check(dossier, capsys)
    assert code == 1
    assert "seeds/a.txt:2:8: error: control character U+0000 (NUL) in the article, and 2 more" in err
    assert len(re.findall(r"^seeds/a\.txt:\d+:\d+: error:", err, re.MULTILINE)) == 1


def test_a_seed_line_longer_than_the_limit_is_an_error_with_its_line(dossier, capsys):
    """A line is a paragraph, and Python-Markdown's time grows with the square of
    a paragraph's length: one 5 MB line took about five minutes to build."""
    long_line = "Wort " * (SEED_LINE_CHARS // 5) + "Ende."
    dossier.article("a", f"Titel\nEin kurzer Absatz.\n{long_line}\n", annotation("a"))
    code, err = check(dossier, capsys)
    assert code == 1
    assert (f"seeds/a.txt:3:1: error: line 3 has {len(long_line):,} characters, "
            f"more than the limit of {SEED_LINE_CHARS:,}") in err
    assert "break the text into paragraphs" in err
    dossier.article("a", f"Titel\n{long_line[:SEED_LINE_CHARS]}\n", annotation("a"))
    assert check(dossier, capsys)[0] == 0


@pytest.mark.parametrize("ending", ["\r\n", "\r"])
def test_a_seed_with_windows_or_old_mac_line_endings_reads_as_lines(dossier, capsys, ending):
    """CR LF and a lone CR end a line, as they do for a browser showing the text:
    each line its own paragraph, no CR left on the page, positions in the
    exports counted in the text with plain line breaks, the source published as received."""
    lines = ["Titel", "1. Der NIS meldet 12.000", "Soldaten.", "    Eingerückt."]
    raw = ending.join(lines).encode("utf-8") + ending.encode()
    (dossier.root / "seeds" / "a.txt").write_bytes(raw)
    dossier.write("content/articles/a.yml", annotation("a", claim("c", "12.000 Soldaten")))
    with_site_config(dossier)
    code, out = build(dossier, capsys, "--no-site")
    assert code == 0, out
    docs = dossier.root / "build" / "docs"
    page = (docs / "artikel" / "a.md").read_text("utf-8")
    assert "\r" not in page and "&#13;" not in page
    paragraphs = [p.removesuffix('\n{: lang="de" }') for p in page.split("\n\n")]  # the text's language
    assert "Titel" in paragraphs and "Eingerückt." in paragraphs
    assert [p for p in paragraphs if p.startswith("1")] == [next(p for p in paragraphs if p.startswith("1&#46; Der "))]
    text = "\n".join(lines) + "\n"
    [exported] = json.loads((docs / "daten" / "claims.json").read_text("utf-8"))
    assert text[exported["start"]:exported["end"]] == exported["quote"] == "12.000\nSoldaten"
    assert (docs / "daten" / "quellen" / "a.txt").read_bytes() == raw


# --- ids that name files -------------------------------------------------------------------------


@pytest.mark.parametrize("page_id", ["index", "nul", "x" * (ID_CHARS + 1), "y" * 300])
def test_ids_that_cannot_name_a_page_are_errors_at_the_id(dossier, capsys, page_id):
    dossier.article("a", TEXT, annotation("a"))
    people = dossier.write("content/entities/people.yml", dump([person("kim", "Kim"), person(page_id, "Jemand")]))
    propositions = dossier.root / "content" / "propositions.yml"
    added = proposition(page_id, "boolean", question="Frage?", scopes={"all": "Alle"})
    propositions.write_text(propositions.read_text("utf-8") + dump([added]), "utf-8")
    code, err = check(dossier, capsys)
    assert code == 1
    assert "Traceback" not in err
    assert re.search(rf"^content/entities/people\.yml:{at(people.read_text('utf-8'), page_id)}: error: ", err, re.MULTILINE), err
    assert re.search(rf"^content/propositions\.yml:{at(propositions.read_text('utf-8'), page_id)}: error: ", err, re.MULTILINE), err


def test_an_article_called_index_does_not_replace_the_article_list(dossier, capsys):
    dossier.article("index", TEXT, annotation("index"))
    code, err = check(dossier, capsys)
    assert code == 1
    assert "seeds/index.txt:1:1: error: the file name is the article's id: id 'index' is reserved" in err


# --- the output folder: never a source, and only Dossier's files are removed ---------------------


@pytest.mark.parametrize("output", [".", "content", "seeds", ".git", "build", "build/site", "build/site/docs", "../elsewhere", "/tmp/x"])
def test_an_output_folder_outside_build_or_over_a_source_is_refused(dossier, capsys, output):
    dossier.article("a", TEXT, annotation("a"))
    (dossier.root / ".git").mkdir()
    (dossier.root / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    with_site_config(dossier, output)
    before = tree(dossier.root)
    code, err = build(dossier, capsys)
    assert code == 1
    assert re.search(rf"^mkdocs\.yml: output folder '{re.escape(output)}' .*\n    set 'output: build/docs' under the dossier plugin", err, re.MULTILINE), err
    assert tree(dossier.root) == before


def test_mkdocs_build_with_output_dot_deletes_nothing(dossier):
    dossier.article("a", TEXT, annotation("a"))
    (dossier.root / ".git").mkdir()
    (dossier.root / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    with_site_config(dossier, ".")
    before = tree(dossier.root)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=dossier.root,
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 1
    assert "mkdocs.yml: output folder '.' resolves to" in result.stderr
    assert "Traceback" not in result.stderr
    assert tree(dossier.root) == before


def test_a_folder_with_files_dossier_did_not_write_is_refused(dossier, capsys):
    dossier.article("a", TEXT, annotation("a"))
    with_site_config(dossier)
    mine = dossier.write("build/docs/notizen/wichtig.md", "Meine Notizen")
    code, err = build(dossier, capsys, "--no-site")
    assert code == 1
    assert "build/docs: holds files Dossier did not write (notizen/wichtig.md) and has no .dossier-manifest" in err
    assert mine.read_text() == "Meine Notizen"
    assert not (dossier.root / "build" / "docs" / "index.md").exists()


def test_only_files_dossier_wrote_are_removed_and_published(dossier, capsys):
    dossier.article("a", TEXT, annotation("a"))
    dossier.article("b", TEXT, annotation("b"))
    with_site_config(dossier)
    assert build(dossier, capsys)[0] == 0
    docs = dossier.root / "build" / "docs"
    foreign = dossier.write("build/docs/artikel/fremd.md", "# Fremd\n<script>alert(1)</script>\n")
    (dossier.root / "seeds" / "b.txt").unlink()
    (dossier.root / "content" / "articles" / "b.yml").unlink()
    code, out = build(dossier, capsys)
    assert code == 0, out
    assert foreign.exists()
    assert not (docs / "artikel" / "b.md").exists() and not (docs / "daten" / "quellen" / "b.txt").exists()
    assert re.search(r"\b2 removed\b", out), out
    assert not (dossier.root / "build" / "site" / "artikel" / "fremd").exists()
    written = manifest.read(docs)
    assert written is not None and written.complete
    assert "artikel/fremd.md" not in written.files and "artikel/a.md" in written.files


def test_a_tampered_manifest_cannot_remove_files_outside(dossier, capsys):
    dossier.article("a", TEXT, annotation("a"))
    with_site_config(dossier)
    assert build(dossier, capsys, "--no-site")[0] == 0
    docs = dossier.root / "build" / "docs"
    text = (docs / manifest.NAME).read_text("utf-8")
    (docs / manifest.NAME).write_text(text + "../../content/propositions.yml\n", "utf-8")
    code, err = build(dossier, capsys, "--no-site")
    assert code == 1
    assert "build/docs/.dossier-manifest: damaged: it lists '../../content/propositions.yml'" in err
    assert (dossier.root / "content" / "propositions.yml").exists()


def test_links_in_the_output_folder_are_not_written_through(dossier, capsys, tmp_path_factory):
    dossier.article("a", TEXT, annotation("a"))
    with_site_config(dossier)
    assert build(dossier, capsys, "--no-site")[0] == 0
    docs = dossier.root / "build" / "docs"
    victim = outside_file(tmp_path_factory, "bleibt")
    (docs / "index.md").unlink()
    (docs / "index.md").symlink_to(victim)
    code, err = build(dossier, capsys, "--no-site")
    assert code == 1
    assert "build/docs/index.md: is a symbolic link where Dossier writes a file" in err
    assert victim.read_text() == "bleibt"
    (docs / "index.md").unlink()
    shutil.rmtree(docs / "artikel")
    (docs / "artikel").symlink_to(victim.parent)
    code, err = build(dossier, capsys, "--no-site")
    assert code == 1
    assert "build/docs/artikel: is a symbolic link inside the output folder" in err
    assert sorted(p.name for p in victim.parent.iterdir()) == ["secret.txt"]


# --- a build that stops while writing ------------------------------------------------------------


def _full_disk_after(monkeypatch, files: int) -> None:
    real = emit_module.write_file
    count = 0

    def write_file(root, rel, data):
        nonlocal count
        count += 1
        if count > files:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), os.path.join(root, rel))
        return real(root, rel, data)

    monkeypatch.setattr(emit_module, "write_file", write_file)


def test_a_full_disk_is_reported_and_the_last_site_stays(dossier, capsys, monkeypatch):
    dossier.article("a", TEXT, annotation("a"))
    with_site_config(dossier)
    assert build(dossier, capsys)[0] == 0
    site = dossier.root / "build" / "site"
    before = tree(site)
    dossier.write("content/articles/a.yml", annotation("a").replace("Titel", "Neuer Titel"))
    _full_disk_after(monkeypatch, 3)
    code, err = build(dossier, capsys)
    assert code == 1
    assert re.search(r"^build/docs/\S+: No space left on device\nbuild failed; build/site was left as it was$", err, re.MULTILINE), err
    assert "Traceback" not in err
    assert tree(site) == before
    docs = dossier.root / "build" / "docs"
    assert not manifest.read(docs).complete
    with pytest.raises(PublishError, match="incomplete"):
        publish(dossier.root / "mkdocs.yml", site)
    assert tree(site) == before
    monkeypatch.undo()
    assert build(dossier, capsys)[0] == 0
    assert manifest.read(docs).complete
    assert "Neuer Titel" in (site / "artikel" / "a" / "index.html").read_text("utf-8")


def test_a_kept_build_redoes_every_page_after_another_build_stopped_writing(dossier):
    dossier.article("a", TEXT, annotation("a"))
    out = dossier.root / "build" / "docs"
    kept = Build(Project(dossier.root), out, "Dossier")
    _, first = kept.generate()
    page = out / "artikel" / "a.md"
    good = page.read_bytes()
    page.write_bytes(b"half written")  # as another build, killed while writing, leaves it
    manifest.write(out, first.files, complete=False)
    _, again = kept.generate()
    assert again.rendered == first.rendered
    assert page.read_bytes() == good
    assert manifest.read(out).complete


def _mount_tmpfs(folder: Path, size: str) -> bool:
    folder.mkdir(parents=True, exist_ok=True)
    return subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                          capture_output=True, check=False).returncode == 0


def test_a_real_full_or_read_only_disk_gives_a_message_not_a_traceback(dossier, capsys):
    dossier.article("a", TEXT, annotation("a"))
    with_site_config(dossier)
    build_dir = dossier.root / "build"
    if not _mount_tmpfs(build_dir, "16k"):
        pytest.skip("mounting a tmpfs needs root")
    try:
        code, err = build(dossier, capsys, "--no-site")
        assert code == 1
        assert re.search(r"^build/docs/\S+: No space left on device$", err, re.MULTILINE), err
        subprocess.run(["mount", "-o", "remount,size=4m,ro", str(build_dir)], check=True)
        code, err = build(dossier, capsys, "--no-site")
        assert code == 1
        assert re.search(r"^build/docs/\S+: Read-only file system$", err, re.MULTILINE), err
    finally:
        subprocess.run(["umount", str(build_dir)], check=True)


def test_a_real_disk_that_fills_up_or_turns_read_only_keeps_the_last_site(dossier, capsys):
    dossier.article("a", TEXT, annotation("a"))
    with_site_config(dossier)
    build_dir = dossier.root / "build"
    if not _mount_tmpfs(build_dir, "64m"):
        pytest.skip("mounting a tmpfs needs root")
    try:
        assert build(dossier, capsys)[0] == 0
        site = build_dir / "site"
        before = tree(site)
        dossier.write("content/articles/a.yml", annotation("a").replace("Titel", "Neuer Titel"))
        used = os.statvfs(build_dir)
        room = (used.f_blocks - used.f_bfree) * used.f_frsize + 256 * 1024  # the Markdown fits, a second site does not
        subprocess.run(["mount", "-o", f"remount,size={room}", str(build_dir)], check=True)
        code, err = build(dossier, capsys)
        assert code == 1
        # MkDocs copies the theme's files: "<theme file> -> <file in the staging folder>: …"
        assert re.search(r"(^| -> )build/\S+: No space left on device\nbuild failed; build/site was left as it was$", err, re.MULTILINE), err
        assert tree(site) == before
        assert not list(build_dir.glob(".site.staging-*"))
        subprocess.run(["mount", "-o", "remount,ro", str(build_dir)], check=True)
        dossier.write("content/articles/a.yml", annotation("a").replace("Titel", "Dritter Titel"))
        code, err = build(dossier, capsys)
        assert code == 1
        assert re.search(r"^build/docs/\S+: Read-only file system$", err, re.MULTILINE), err
        assert tree(site) == before
    finally:
        subprocess.run(["umount", str(build_dir)], check=True)


# --- one build at a time -------------------------------------------------------------------------


def _build_process(root: Path, *command: str, timeout: str = "") -> subprocess.Popen:
    env = dict(os.environ, DOSSIER_LOCK_TIMEOUT=timeout) if timeout else None
    return subprocess.Popen([sys.executable, "-m", "dossier.cli", "--root", str(root), "build", *command],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def test_two_builds_at_once_both_finish_with_a_whole_site(dossier, capsys, tmp_path):
    for stem in "abc":
        dossier.article(stem, TEXT, annotation(stem))
    with_site_config(dossier)
    logs = [tmp_path / "first.log", tmp_path / "second.log"]
    with BuildLock(dossier.root, print):  # both start while a third build runs: they meet at the lock
        processes = []
        for log in logs:
            with log.open("w") as output:
                processes.append(subprocess.Popen(
                    [sys.executable, "-m", "dossier.cli", "--root", str(dossier.root), "build"],
                    stdout=output, stderr=subprocess.STDOUT))
        deadline = time.monotonic() + 60
        while not all("waiting for another build" in log.read_text() for log in logs) and time.monotonic() < deadline:
            time.sleep(0.1)
    assert [process.wait(timeout=300) for process in processes] == [0, 0], [log.read_text() for log in logs]
    assert all("waiting for another build of this dossier" in log.read_text() for log in logs)
    site = dossier.root / "build" / "site"
    files = set(tree(site))
    assert {"index.html", "artikel/a/index.html", "artikel/c/index.html", "pagefind/pagefind.js"} <= files
    assert build(dossier, capsys)[0] == 0
    assert set(tree(site)) == files  # the same names: no index of an earlier build is left (tests/test_search_stable.py)
    assert not list((dossier.root / "build").glob(".site.staging-*"))


def test_a_build_gives_up_waiting_with_a_message(dossier):
    dossier.article("a", TEXT, annotation("a"))
    with_site_config(dossier)
    with BuildLock(dossier.root, print):
        process = _build_process(dossier.root, timeout="1")
        _, err = process.communicate(timeout=120)
    assert process.returncode == 1
    assert "waiting for another build of this dossier" in err
    assert "another build of this dossier is still running after 1 s of waiting" in err
    assert "Traceback" not in err
    assert not (dossier.root / "build").exists()


def test_mkdocs_build_waits_for_the_lock_too(dossier, tmp_path):
    dossier.article("a", TEXT, annotation("a"))
    with_site_config(dossier)
    log = tmp_path / "mkdocs.log"
    lock = BuildLock(dossier.root, print)
    lock.acquire()
    try:
        with log.open("w") as output:
            process = subprocess.Popen([sys.executable, "-m", "mkdocs", "build"], cwd=dossier.root,
                                       stdout=output, stderr=subprocess.STDOUT, text=True)
        deadline = time.monotonic() + 60
        while "waiting for another build" not in log.read_text() and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(0.5)
        assert process.poll() is None and not (dossier.root / "build" / "docs").exists(), log.read_text()
    finally:
        lock.release()
    assert process.wait(timeout=120) == 0, log.read_text()
    assert "waiting for another build of this dossier" in log.read_text()
    assert (dossier.root / "build" / "site" / "index.html").exists()


# --- the site is swapped in at once, and staging folders never stay -------------------------------


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="renameat2 is Linux's")
def test_two_folders_are_exchanged_at_once(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "neu").write_text("neu")
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "alt").write_text("alt")
    assert exchange(tmp_path / "a", tmp_path / "b")
    assert [p.name for p in (tmp_path / "b").iterdir()] == ["neu"]
    assert [p.name for p in (tmp_path / "a").iterdir()] == ["alt"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="renameat2 is Linux's")
def test_a_rebuilt_site_is_exchanged_for_the_old_one(dossier, capsys, monkeypatch):
    from dossier import publish as publish_module

    dossier.article("a", TEXT, annotation("a"))
    with_site_config(dossier)
    assert build(dossier, capsys)[0] == 0
    swaps = []

    def spy(a, b):
        swaps.append((a.name, b.name, exchange(a, b)))
        return swaps[-1][2]

    monkeypatch.setattr(publish_module, "exchange", spy)
    dossier.write("content/articles/a.yml", annotation("a").replace("Titel", "Neuer Titel"))
    assert build(dossier, capsys)[0] == 0
    [(staging, site, exchanged)] = swaps
    assert staging.startswith(".site.staging-") and site == "site" and exchanged
    assert "Neuer Titel" in (dossier.root / "build" / "site" / "artikel" / "a" / "index.html").read_text("utf-8")
    assert not list((dossier.root / "build").glob(".site.staging-*"))


def test_an_interrupted_or_failed_publish_leaves_the_last_site_and_no_staging(dossier, capsys, monkeypatch):
    from dossier import publish as publish_module

    dossier.article("a", TEXT, annotation("a"))
    with_site_config(dossier)
    stale = dossier.root / "build" / ".site.staging-4711-deadbeef"
    stale.mkdir(parents=True)
    (stale / "index.html").write_text("killed build")
    assert build(dossier, capsys)[0] == 0
    assert not stale.exists()  # a killed build's staging folder is removed by the next build
    site = dossier.root / "build" / "site"
    before = tree(site)

    def interrupted(config):
        Path(config.site_dir, "index.html").write_text("half")
        raise KeyboardInterrupt

    monkeypatch.setattr(publish_module, "build", interrupted)
    with pytest.raises(KeyboardInterrupt):
        main(["--root", str(dossier.root), "build"])
    assert tree(site) == before
    assert not list((dossier.root / "build").glob(".site.staging-*"))

    def disk_full(config):
        path = Path(config.site_dir, "index.html")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))

    monkeypatch.setattr(publish_module, "build", disk_full)
    code, err = build(dossier, capsys)
    assert code == 1
    assert re.search(r"^build/\.site\.staging-\S+/index\.html: No space left on device$", err, re.MULTILINE), err
    assert tree(site) == before
    assert not list((dossier.root / "build").glob(".site.staging-*"))


# --- the live preview keeps answering --------------------------------------------------------------


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.text = ""

    def emit(self, record: logging.LogRecord) -> None:
        self.text += record.getMessage() + "\n"


def _rebuild_logged(plugin, config) -> str:
    """One rebuild as ``mkdocs serve`` runs it; the errors the plugin logged."""
    records = _Records()
    logging.getLogger("mkdocs.plugins.dossier").addHandler(records)
    try:
        plugin.on_pre_build(config=config)
        plugin.on_post_build(config=config)
    finally:
        logging.getLogger("mkdocs.plugins.dossier").removeHandler(records)
    return records.text


def test_serve_survives_a_disk_error_and_mkdocs_build_reports_it(dossier, monkeypatch):
    from mkdocs.config import load_config
    from mkdocs.exceptions import PluginError
    from mkdocs.structure.files import Files

    dossier.article("a", TEXT, annotation("a"))
    with_site_config(dossier)
    config = load_config(str(dossier.root / "mkdocs.yml"), site_dir=str(dossier.root / "preview"))
    plugin = config.plugins["dossier"]
    plugin.on_startup(command="serve", dirty=False)
    plugin.on_pre_build(config=config)
    plugin.on_post_build(config=config)
    good = list(plugin.generated)

    def broken(self, **options):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(dossier.root / "build" / "docs" / "index.md"))

    monkeypatch.setattr(Build, "generate", broken)
    log = _rebuild_logged(plugin, config)
    assert "build/docs/index.md: Read-only file system" in log
    assert "still showing the last good version" in log
    files = plugin.on_files(Files([]), config=config)
    assert sorted(f.src_uri for f in files) == sorted(good)

    def crashed(self, **options):
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(Build, "generate", crashed)
    log = _rebuild_logged(plugin, config)
    assert "internal error" in log

    monkeypatch.setattr(Build, "generate", broken)
    plugin.on_startup(command="build", dirty=False)
    with pytest.raises(PluginError, match=r"build/docs/index\.md: Read-only file system\nthe build failed; the site was not rebuilt"):
        plugin.on_pre_build(config=config)
    plugin.on_build_error(error=RuntimeError())


def test_a_file_error_names_the_path_and_survives_the_way_back_from_a_worker(tmp_path):
    error = pickle.loads(pickle.dumps(FileError(tmp_path / "x", "is a folder", "fix it")))
    assert (str(error), error.path, error.message, error.hint) == (f"{tmp_path / 'x'}: is a folder", str(tmp_path / "x"),
                                                                   "is a folder", "fix it")


def test_generate_into_a_fresh_folder_writes_a_complete_manifest(dossier):
    dossier.article("a", TEXT, annotation("a"))
    out = dossier.root / "elsewhere"
    _, report = generate(Project(dossier.root), out, "Dossier")
    written = manifest.read(out)
    assert written is not None and written.complete
    assert sorted(written.files) == report.files == sorted(tree(out).keys() - {manifest.NAME})
