"""Two seams from a review: the claim tooltip takes its disagreeing claims from
the panel's data, and the commands print one-off errors in one format."""

from __future__ import annotations

import html
import re

from dossier.cli import main
from dossier.pages import article, claim_panel

SOURCES = ["kyrylo-budanov", "kim-jong-un", "nis"]
VALUES = [12000, 1000, 2000, 3000, 5000, 8000]  # each outside the others' 10 % tolerance


def _claim(stem: str, value: int, source: str) -> str:
    return (f"seed: {stem}.txt\ntitle: Titel {stem}\nlanguage: de\nclaims:\n  - id: zahl\n    quote: \"{value} Soldaten\"\n"
            f"    proposition: troops\n    scope: total\n    value: {value}\n    attributed_to: {source}\n    stance: reports\n")


def test_the_tooltip_names_the_first_claims_of_the_panels_disagree_list(dossier, capsys):
    assert article.DISPUTERS_SHOWN <= claim_panel.SHOWN  # the tooltip's names are the panel's first ones
    for i, value in enumerate(VALUES):
        dossier.article(f"a{i}", f"Titel a{i}\nEs sind {value} Soldaten.\n", _claim(f"a{i}", value, SOURCES[i % 3]))
    dossier.write("mkdocs.yml", "site_name: X\n")
    assert main(["--root", str(dossier.root), "build", "--no-site"]) == 0, capsys.readouterr().err
    page = (dossier.root / "build" / "docs" / "artikel" / "a0.md").read_text("utf-8")
    panel = re.search(r'<ul class="dossier-panel__disagree">(.*?)</ul>', page)
    assert panel
    listed = [html.unescape(re.sub(r"<[^>]+>", "", item)) for item in re.findall(r"<li>(.*?)</li>", panel.group(1))]
    others = len(VALUES) - 1
    assert len(listed) == others  # all five fit the panel (SHOWN)
    title = html.unescape(re.search(r'<mark class="dossier-claim[^"]*" id="c-zahl" title="([^"]*)"', page).group(1))
    named = title.split("Widersprochen von: ", 1)[1].split(" · ")[0].split("; ")
    assert len(named) == article.DISPUTERS_SHOWN < others
    # "Kyrylo Budanow: 1.000 Soldaten" in the tooltip is "1.000 Soldaten: Kyrylo Budanow (Titel a1)" in the panel
    for tip, item in zip(named, listed, strict=False):
        source, value = tip.rsplit(": ", 1)
        assert item.startswith(f"{value}: {source} (")


def test_one_off_errors_have_the_diagnostic_format(dossier, capsys):
    assert main(["--root", str(dossier.root), "new", "seeds/nowhere.txt"]) == 1
    assert capsys.readouterr().err == "seeds/nowhere.txt: error: no such article in seeds/\n"
    dossier.write("seeds/b.txt", "Titel\nText.\n")
    assert main(["--root", str(dossier.root), "suggest", "seeds/b.txt"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[-2:] == ["seeds/b.txt: error: no usable annotation file", "    start one with: dossier new seeds/b.txt"]
    assert main(["--root", str(dossier.root), "build"]) == 1
    assert capsys.readouterr().err.splitlines() == ["mkdocs.yml: error: the site configuration is missing",
                                                    "    run from the project folder or pass --root"]


def test_review_says_what_to_paste_when_it_cannot_rewrite_the_file(dossier, capsys):
    """dossier review is one library call (commands.review); a record it cannot
    write is still shown, with the lines to paste."""
    for i, value in enumerate(VALUES[:2]):
        dossier.article(f"a{i}", f"Titel a{i}\nEs sind {value} Soldaten.\n", _claim(f"a{i}", value, SOURCES[i]))
    path = dossier.root / "content" / "propositions.yml"
    text = path.read_text("utf-8").replace("  tolerance: 0.1\n", "  tolerance: 0.1\n  resolution: {status: explained, note: \"Zwei Zählungen.\"}\n", 1)
    path.write_text(text, "utf-8")
    assert main(["--root", str(dossier.root), "review", "troops"]) == 1
    captured = capsys.readouterr()
    assert path.read_text("utf-8") == text
    assert [line.split()[:2] for line in captured.out.splitlines()] == [["new", "a0/zahl"], ["new", "a1/zahl"]]
    err = captured.err.splitlines()
    assert re.fullmatch(r"error: content/propositions\.yml:\d+:\d+: resolution is written on one line", err[0])
    assert err[1] == "    paste instead, under resolution: of 'troops':"
    assert [line.strip()[:10] for line in err[3:]] == ["- a0/zahl@", "- a1/zahl@"]
