"""A dossier whose every text field is hostile: shared by the hostile-input tests.

Each field gets its own payload, named after the field, so that a failing
test says which field got through: a script tag, an image with an error
handler, an attribute break-out, an image from another host (a request
leaving the site), a javascript: link in HTML and in Markdown, Markdown
emphasis and code, an attr_list block, Jinja syntax, and entities that
become an image tag if anything decodes them twice.
"""

from __future__ import annotations

import json
from pathlib import Path

from annotations import article, claim, dump, entity, hide, note, person, proposition
from helpers import ROOT

EVIL_HOST = "evil.invalid"


def payload(field: str) -> str:
    """Hostile text for one field; ``field`` names it in every alert and request."""
    return (
        f'<script>alert("{field}")</script> <img src=x onerror=alert("{field}")> '
        f'"><svg onload=alert("{field}")> <img src="https://{EVIL_HOST}/{field}.png"> '
        f'<a href="javascript:alert(\'{field}\')">{field}</a> [{field}](javascript:alert("{field}")) '
        f'**{field}** `{field}` {{: onclick="alert(\'{field}\')" }} {{{{ {field} }}}} {{% raw %}} '
        f'&lt;img src=x onerror=alert("{field}")&gt;'
    )


def name_payload(field: str) -> str:
    """Hostile text short enough for a name or alias (limits.ALIAS_WORDS words):
    the literal part plus an attribute break-out, a javascript: link and emphasis."""
    return f'{literal(field)} "><svg onload=alert(1)> [x](javascript:alert(1)) **b**'


#: The fields that get ``name_payload``: names and aliases, whose words are limited.
NAME_FIELDS = frozenset({"person-name", "entity-name", "entity-alias", "source-name", "via-name", "place-name"})


def written(field: str) -> str:
    """The hostile text the corpus wrote into ``field``."""
    return name_payload(field) if field in NAME_FIELDS else payload(field)


def literal(field: str) -> str:
    """The part of a payload that a reader must see as text where it is shown."""
    return f'<script>alert("{field}")</script> <img src=x onerror=alert("{field}")>'


def q(text: str) -> str:
    """A YAML scalar for any text (a JSON string is valid YAML), for the lines of mkdocs.yml."""
    return json.dumps(text, ensure_ascii=False)


# The quoted seed passages: hostile themselves, so that claims, notes and
# hidden parts quote hostile text.
SEED_TITLE = payload("seed-title")
SEED_CLAIM = "12.000 Soldaten " + payload("seed-claim")
SEED_LABEL = "als " + payload("seed-label") + " eskaliert"
SEED_NOTE = "# keine Überschrift " + payload("seed-note")

SEED_1 = f"""{SEED_TITLE}
Laut Geheimdienst sind {SEED_CLAIM} in Russland eingetroffen.
Kim Jong In schickte sie im Juni letzten Jahres nach Wladiwostok, Yonhap berichtet.
Die Lage gilt {SEED_LABEL}.
{SEED_NOTE}
| keine | Tabelle | {payload("seed-table")} |
"""

SEED_2 = f"""Nur 3.000 Soldaten {payload("seed-2")} laut Budanow.
"""

ARTICLE_1 = dump(article(
    "evil.txt",
    claim("troops", SEED_CLAIM, via=["yonhap"], note=payload("claim-note")),
    claim("place", "nach Wladiwostok", proposition="training-place", scope="training", value="vladivostok"),
    claim("signed", "im Juni letzten Jahres", proposition="treaty-date", scope="signed", value=None,
          attributed_to="kim-jong-un", stance="asserts"),
    claim("situation", SEED_LABEL, proposition="situation", scope="now", value=payload("value-label"), stance="estimates"),
    title=payload("article-title"),
    outlet=payload("article-outlet"),
    source_url="https://example.org/a)](javascript:alert(1))",
    licence=payload("article-licence"),
    published="2024-10-18",
    published_basis=payload("article-published-basis"),
    hide=[hide(SEED_TITLE)],
    notes=[note(SEED_NOTE, payload("note-note"), kind="garbled", correction=payload("note-correction"))],
))

ARTICLE_2 = dump(article(
    "evil2.txt",
    claim("troops", "3.000 Soldaten", value=3000, attributed_to="kyrylo-budanov", stance="asserts"),
    title=payload("article-2-title"),
    source_url="https://example.org/%22%3E%3Cscript%3Ealert(2)%3C/script%3E*x*_y_[z]",
    published="2024-11-02",
    published_basis="Datumszeile",
))

PROPOSITIONS = dump([
    proposition("troops", question=payload("question"), unit=payload("unit"), tolerance=0.1,
                scopes={"total": payload("scope-label")},
                resolution={"status": "explained", "note": payload("resolution-note")}),
    proposition("treaty-date", "date", question=payload("date-question"), scopes={"signed": payload("date-scope")}),
    proposition("training-place", "place", question="Wo trainieren die Soldaten?", scopes={"training": "Ausbildung"}),
    proposition("situation", "label", question="Wie ist die Lage?", choices=[payload("value-label"), "ruhig"],
                scopes={"now": "Jetzt"}),
])

ENTITIES = {
    "people": dump([
        person("kyrylo-budanov", name_payload("person-name"), "Budanow"),
        person("kim-jong-un", name_payload("entity-name"), "Kim Jong Un", name_payload("entity-alias"),
               {"form": "Kim Jong In", "erroneous": True, "note": payload("alias-note")},
               description=payload("entity-description")),
    ]),
    "units": "[]\n",
    "equipment": "[]\n",
    "organisations": dump([
        entity("nis", name_payload("source-name"), "Geheimdienst"),
        entity("yonhap", name_payload("via-name"), "Yonhap"),
    ]),
    "places": dump([
        entity("russia", "Russland"),
        entity("vladivostok", name_payload("place-name"), "Wladiwostok", part_of="russia"),
    ]),
    "events": dump([
        entity("summit", name_payload("event-name"), date="2024-06", place="vladivostok",
               description=payload("event-description")),
    ]),
}

#: Every field that carries a payload, by the name in its alerts.
FIELDS = (
    "seed-title", "seed-claim", "seed-label", "seed-note", "seed-table", "seed-2",
    "article-title", "article-outlet", "article-licence", "article-published-basis", "note-note", "note-correction",
    "claim-note", "value-label", "article-2-title", "question", "unit", "scope-label", "resolution-note",
    "date-question", "date-scope", "person-name", "entity-name", "entity-description", "entity-alias",
    "alias-note", "source-name", "via-name", "place-name", "event-name", "event-description", "site-name",
    "site-description",
)


def write_hostile_project(root: Path) -> Path:
    """Write the hostile dossier, with this repository's mkdocs.yml (hostile
    site name and description), into ``root``."""
    files = {
        "seeds/evil.txt": SEED_1,
        "seeds/evil2.txt": SEED_2,
        "content/articles/evil.yml": ARTICLE_1,
        "content/articles/evil2.yml": ARTICLE_2,
        "content/propositions.yml": PROPOSITIONS,
        **{f"content/entities/{kind}.yml": text for kind, text in ENTITIES.items()},
    }
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    config = (ROOT / "mkdocs.yml").read_text("utf-8").splitlines(keepends=True)
    for i, line in enumerate(config):
        if line.startswith("site_name:"):
            config[i] = f"site_name: {q(payload('site-name'))}\n"
        elif line.startswith("site_description:"):
            config[i] = f"site_description: {q(payload('site-description'))}\n"
    (root / "mkdocs.yml").write_text("".join(config), encoding="utf-8")
    return root
