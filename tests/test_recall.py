"""Role aliases from YAML, and the recall report of `dossier check --report mentions`."""

from __future__ import annotations

import shutil

from annotations import article, at, dump, person
from helpers import ROOT

from dossier.anchor import anchor
from dossier.cli import main
from dossier.diagnostics import Diagnostics
from dossier.link import link
from dossier.load import load


def people(yoon_to: str = "2025-04-04", lee_from: str = "2025-06") -> str:
    """Two holders of the role "Südkoreas Präsident", one after the other, and Budanow."""
    def role(**dates: str) -> dict[str, object]:
        return {"form": "Südkoreas Präsident", "role": True, **dates}
    return dump([person("yoon", "Yoon Suk Yeol", role(**{"from": "2022-05-10", "to": yoon_to})),
                 person("lee", "Lee Jae-myung", role(**{"from": lee_from})),
                 person("kyrylo-budanov", "Kyrylo Budanow")])


PEOPLE = people()


def annotation(stem: str, published: str) -> str:
    return dump(article(f"{stem}.txt", published=published, published_basis="Datum im Artikel"))


def test_a_role_alias_from_yaml_links_the_holder_on_the_article_date(dossier):
    dossier.write("content/entities/people.yml", PEOPLE)
    dossier.article("001_a", "Südkoreas Präsident warnte.\n", annotation("001_a", "2024-10-18"))
    dossier.article("002_b", "Südkoreas Präsident warnte.\n", annotation("002_b", "2025-07-01"))
    diagnostics = Diagnostics()
    corpus = load(dossier.project, diagnostics)
    linked = link(corpus, anchor(corpus, diagnostics), diagnostics)
    assert not diagnostics.errors, [str(d) for d in diagnostics.errors]
    assert [[(m.entity, m.via) for m in item.mentions] for item in linked] == [[("yoon", "role")], [("lee", "role")]]


def test_a_role_that_ends_before_it_begins_is_an_error_where_it_is_written(dossier, capsys):
    text = dossier.write("content/entities/people.yml", people(yoon_to="2021")).read_text("utf-8")
    assert main(["--root", str(dossier.root), "check"]) == 1
    err = capsys.readouterr().err
    assert f"people.yml:{at(text, 'to:').split(':')[0]}:" in err and "the role ends (2021) before it begins (2022-05-10)" in err


def test_role_dates_need_a_role_and_a_date(dossier, capsys):
    dossier.write("content/entities/people.yml", people(lee_from="2025-13"))
    assert main(["--root", str(dossier.root), "check"]) == 1
    assert "role date '2025-13'" in capsys.readouterr().err


def test_the_mention_report_lists_found_forms_and_unlinked_candidates(dossier, capsys):
    dossier.article("001_a", "Geheimdienstchef Kyrylo Budanow sprach über Russland. Das Budanowteam und Russlandreisen.\n",
                    annotation("001_a", "2024-10-18"))
    assert main(["--root", str(dossier.root), "check", "--report", "mentions"]) == 0
    out = capsys.readouterr().out
    budanov = out.split("kyrylo-budanov (Kyrylo Budanow)\n", 1)[1].split("\n")[:2]
    assert budanov == ["  found: «Kyrylo Budanow» ×1",
                       "  not linked: «Budanowteam» ×1 (001_a), «Geheimdienstchef Kyrylo Budanow» ×1 (001_a)"]
    russia = out.split("russia (Russland)\n", 1)[1].split("\n")[0]
    assert russia == "  found: «Russland» ×1, «Russland» ×1 [compound]"


def test_the_entity_page_says_which_mentions_came_through_a_role(dossier):
    """A reader sees that "Südkoreas Präsident" was linked to a person by the
    editors' role entry, not because the text names him."""
    from dossier.pages.labels import MENTION_VIA

    dossier.write("content/entities/people.yml", PEOPLE)
    dossier.article("001_a", "Südkoreas Präsident warnte. Yoon Suk Yeol sprach.\n", annotation("001_a", "2024-10-18"))
    shutil.copy(ROOT / "mkdocs.yml", dossier.root / "mkdocs.yml")
    assert main(["--root", str(dossier.root), "build", "--no-site"]) == 0
    page = (dossier.root / "build" / "docs" / "personen" / "yoon.md").read_text("utf-8")
    rows = [line for line in page.splitlines() if line.startswith("- [„")]
    assert len(rows) == 2
    by_role = [MENTION_VIA["role"] in row for row in rows]
    assert by_role == ["**Südkoreas Präsident**" in row for row in rows] and sorted(by_role) == [False, True]


def test_the_report_lists_aliases_that_match_nowhere(dossier, capsys):
    dossier.write("content/entities/people.yml", dump([person("kyrylo-budanov", "Kyrylo Budanow", "Budanow", "Budanov", "Budanoff")]))
    dossier.article("001_a", "Kyrylo Budanow und Budanov.\n", annotation("001_a", "2024-10-18"))
    assert main(["--root", str(dossier.root), "check", "--report", "mentions"]) == 0
    unused = [line for line in capsys.readouterr().out.splitlines() if "matches nowhere" in line and "kyrylo" in line]
    # "Budanow" is hidden by the longer "Kyrylo Budanow" but still counts as used
    assert unused == ["alias matches nowhere: «Budanoff» of kyrylo-budanov"]
