"""The German words the page code prints (the templates hold the rest).

All in one module, so that a site in another language changes one place
here; the page kinds name these, never the words themselves.
"""

from __future__ import annotations

STATUS = {"open": "offen", "explained": "erklärt", "resolved": "aufgelöst", "consistent": "übereinstimmend"}
STANCE = {
    "asserts": "behauptet",
    "estimates": "schätzt",
    "reports": "berichtet",
    "confirms": "bestätigt",
    "denies": "bestreitet",
    "speculates": "vermutet",
}
NOTE_KIND = {
    "misspelling": "Schreibfehler",
    "mistranslation": "Übersetzungsfehler",
    "factual-error": "Sachfehler",
    "garbled": "Verstümmelter Text",
    "other": "Anmerkung",
}
HIDE_REASON = {
    "title": "Titelzeile",
    "dateline": "Datumszeile",
    "rubric": "Rubrik",
    "byline": "Autor/Medium",
    "teaser": "Anreißer",
    "caption": "Bildunterschrift",
    "image-alt": "Bild-Alternativtext",
    "see-also": "„Siehe auch“-Link",
    "ad": "Werbung",
    "comment-form": "Kommentarformular",
    "tags": "Schlagwörter",
    "other": "Sonstiges",
}
#: what an entity is to a claim (``indexes.Role``)
ROLE = {"source": "Quelle", "relay": "Übermittler", "source and relay": "Quelle, Übermittler"}
#: why an entity page lists another entity (``context.Relation``)
RELATION = {"declared": "", "contains": "umfasst diesen Ort", "inside": "liegt in diesem Ort"}

#: the facts above an article's text
ARTICLE_META = {"outlet": "Medium", "date": "Datum", "seed": "Quelltext", "original": "Original", "claims": "Aussagen"}
#: the parts of a claim's tooltip
TOOLTIP = {"value": "Wert", "source": "Quelle", "status": "Status", "disputed_by": "Widersprochen von"}
#: before an editor's correction of a note
CORRECTION = "Richtig:"
#: the tag after a note, before its number
NOTE_TAG = "Anm."
#: the tooltip of a misspelt mention, before the entity's name
MISSPELLING_OF = "Fehlerhafte Schreibweise für"
#: the tooltip of a relative date, before the date it was resolved to
RESOLVED = "aufgelöst:"
#: between a source and who passed its claim on
VIA = "über"
#: between the values of a contradiction
AGAINST = "gegen"
#: an article without a publication date
NO_DATE = "ohne Datum"
#: a timeline event: an article came out
PUBLISHED = "Veröffentlichung"
#: how a mention that is not a plain name was found (Mention.via)
MENTION_VIA = {"role": "über eine Rollenbezeichnung", "compound": "in einem zusammengesetzten Wort"}
#: the page kinds in the search filter that are not entity kinds (those use EntityKind.singular)
SEARCH_KIND = {"article": "Artikel", "question": "Frage"}
