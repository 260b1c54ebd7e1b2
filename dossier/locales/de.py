"""German: every word the site prints, and how it writes numbers and dates.

The reference language: ``en.py`` and every other language define exactly
these names (tests/test_locales.py checks). Strings the templates print are
trusted Markdown (they are ours, not the articles'); ``{name}`` fields are
filled by the template with ``.format``.
"""

from __future__ import annotations

#: the babel locale that formats numbers and dates ("18. Oktober 2024", "12.000")
BABEL = "de_DE"
#: lunr's language for the search plugin (``plugins.search.lang``)
SEARCH = "de"

# -- entity kinds: key of model.ENTITY_KINDS -> (one, the index page's title, the navigation label)
ENTITY_KIND = {
    "people": ("Person", "Personen", "Personen"),
    "units": ("Einheit/Truppe", "Einheiten und Truppen", "Einheiten"),
    "equipment": ("Ausrüstung", "Ausrüstung", "Ausrüstung"),
    "organisations": ("Organisation", "Organisationen", "Organisationen"),
    "places": ("Ort", "Orte", "Orte"),
    "events": ("Ereignis", "Ereignisse", "Ereignisse"),
}
#: the navigation labels of the other sections (sitemap.py)
NAV = {
    "home": "Start",
    "articles": "Artikel",
    "contradictions": "Widersprüche",
    "timeline": "Zeitleiste",
    "data": "Daten",
}

# -- values
YES = "ja"
NO = "nein"
AT_LEAST = "mindestens {number}"
AT_MOST = "höchstens {number}"

# -- labels the page code prints
STATUS = {
    "open": "offen",
    "explained": "erklärt",
    "undecidable": "nicht entscheidbar",
    "resolved": "aufgelöst",
    "consistent": "übereinstimmend",
    "rhetorical": "nicht verglichen (rhetorisch)",
}
#: what each status of a question means, as the contradictions page explains it
STATUS_MEANING = {
    "open": "Die Werte widersprechen sich, und die Redaktion hat (noch) keine Erklärung.",
    "explained": "Die Werte widersprechen sich, die Redaktion kennt den Grund (andere Zeitpunkte, Quellen oder Abgrenzungen); "
                 "beide können zutreffen. Die Erklärung steht auf der Seite der Frage.",
    "undecidable": "Die Werte widersprechen sich, und aus den Artikeln lässt sich nicht entscheiden, welcher zutrifft; "
                   "die Seite der Frage sagt, was dafür fehlt.",
    "resolved": "Eine Seite ist nachweislich falsch; die Seite der Frage nennt den zutreffenden Wert und die Belege.",
    "consistent": "Alle verglichenen Aussagen sind miteinander vereinbar.",
}
#: whether the article's sentence names the claim's source (Claim.attribution)
ATTRIBUTION = {"stated": "im Text genannt", "inferred": "von der Redaktion erschlossen"}
#: what kind of rhetoric a claim is (Claim.rhetorical); such claims are never compared
RHETORICAL = {"hyperbole": "Übertreibung", "irony": "Ironie", "slogan": "Parole"}
#: a claim's tooltip when it repeats an earlier claim of its article, before that claim's number
REPEATED = "wiederholt, zählt einmal; wie Nr."
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
RELATION = {"declared": "", "contains": "umfasst diesen Ort", "inside": "liegt in diesem Ort",
            "venue": "Ort dieses Ereignisses", "event": "Ereignis an diesem Ort"}
#: the facts above an article's text
ARTICLE_META = {"outlet": "Medium", "date": "Datum", "seed": "Quelltext", "original": "Original", "licence": "Lizenz des Quelltexts", "claims": "Aussagen"}
#: the parts of a claim's tooltip
#: the parts of a claim's panel (pages/claim_panel.py)
PANEL = {
    "label": "Aussage", "value": "Wert", "quote": "Zitat", "source": "Quelle", "attribution": "Zuschreibung",
    "status": "Status", "note": "Anmerkung", "agree": "Stimmen überein", "disagree": "Widersprechen",
    "none": "keine", "more": "weitere auf der Fragenseite", "row": "Zeile in der Tabelle",
}
#: the glance at the top of a question page (charts, corroboration)
GLANCE = {
    "chart": "Die Werte im Überblick",
    "chart_desc": "Werte von {statements} aus {articles}, nach Geltungsbereich, unter jedem Wert das Datum "
                  "des Artikels und die Quelle; gleiche Buchstaben und Formen kennzeichnen miteinander vereinbare "
                  "Werte. Quelle: die Artikel des Dossiers, Stand {date}. "
                  "Die Tabellen unten enthalten dieselben Angaben.",
    "timeline": "Wann die Aussagen gemacht wurden",
    "timeline_desc": "Veröffentlichungsdaten der Artikel mit Aussagen zu dieser Frage, Anzahl der Aussagen in Klammern.",
    "undated": "ohne Datum",
    "origins": "Unabhängige Ursprünge",
    "origins_intro": "Ursprung einer Aussage ist das Ende ihrer Zitierkette: die Quelle, nicht wer sie weitergab.",
    "unnamed": "dazu ungenannte Quellen, deren Unabhängigkeit unbekannt ist",
    "circular": "Zirkuläre Berichterstattung: mehrere Artikel, ein einziger Ursprung, keine unabhängige Bestätigung",
    "in_articles": "in",
}
#: singular and plural of what the glance counts
COUNTED = {
    "statement": ("Aussage", "Aussagen"),
    "article": ("Artikel", "Artikeln"),
    "articles": ("Artikel", "Artikel"),
    "origin": ("unabhängiger Ursprung", "unabhängige Ursprünge"),
}
#: schema.org ClaimReview: who reviews (the dossier's editors)
REVIEW_AUTHOR = "Redaktion des Dossiers"
#: the columns of claims.csv, as the data page describes them
CSV_COLUMNS = {
    "id": "Kennung der Aussage: Artikel-ID/Aussage-ID",
    "article": "Kennung des Artikels (Dateiname in seeds/ ohne .txt)",
    "quote": "Die Textstelle, wörtlich",
    "start": "Position des ersten Zeichens im Quelltext (Unicode-Zeichen, ab 0)",
    "end": "Position nach dem letzten Zeichen",
    "proposition": "Kennung der Frage",
    "scope": "Kennung des Geltungsbereichs innerhalb der Frage",
    "value_text": "Der Wert, wie ihn die Seiten zeigen",
    "value_min": "Untergrenze (Zahlen; Daten als Tagesnummer), leer wenn offen oder ohne Ordnung",
    "value_max": "Obergrenze, ebenso",
    "value_key": "Vergleichsschlüssel (Orte, Etiketten, ja/nein, Daten als ISO-Datum)",
    "attributed_to": "Kennung der Quelle, der die Aussage zugeschrieben ist (Ende der Zitierkette)",
    "via": "Kennungen der Übermittler, mit \" > \" verbunden, in der Reihenfolge der Kette",
    "stance": "Haltung der Quelle (asserts, estimates, reports, confirms, denies, speculates)",
    "attribution": "stated (der Satz nennt die Quelle) oder inferred (von der Redaktion erschlossen; die Anmerkung sagt, woher)",
    "rhetorical": "hyperbole, irony oder slogan: rhetorisch, nie verglichen; leer sonst",
    "repeat_of": "Kennung der früheren Aussage desselben Artikels, die diese wiederholt (zählt einmal); leer sonst",
    "note": "Anmerkung der Redaktion zur Aussage",
    "status": "consistent, open, explained, undecidable, resolved oder rhetorical: Stand des Vergleichs im Geltungsbereich",
}
#: an explanation or resolution written before some of its claims were added or changed (dossier/review.py)
REVIEW = "neue Aussagen seit der Bewertung"
REVIEW_ROW = "neu seit der Bewertung"
#: the page kinds in the search filter that are not entity kinds (those use EntityKind.singular)
SEARCH_KIND = {"article": "Artikel", "question": "Frage"}
TOOLTIP = {"value": "Wert", "source": "Quelle", "status": "Status", "disputed_by": "Widersprochen von",
           "attribution": "Zuschreibung", "note": "Anmerkung", "rhetorical": "Rhetorik"}
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

# -- exports: the data page's description of each file
EXPORTS = {
    "claims.json": "Alle Aussagen: Zitat, Position im Text, Frage, Geltungsbereich, Wert, Quelle, Status.",
    "entities.json": "Alle Personen, Einheiten, Ausrüstung, Organisationen, Orte und Ereignisse mit Schreibweisen und Erwähnungen; Ereignisse mit Datum und Ort.",
    "propositions.json": "Alle Fragen mit den Aussagen je Geltungsbereich und den gefundenen Widersprüchen.",
    "claims.csv": "Alle Aussagen als Tabelle (CSV, UTF-8, eine Zeile je Aussage, Spalten wie claims.json; "
                  "Zellen, die mit = + - @ beginnen, tragen ein vorangestelltes ' gegen Formel-Einschleusung).",
    "annotations.jsonld": "Die Aussagen als W3C Web Annotations (JSON-LD, TextQuoteSelector und TextPositionSelector).",
}

# -- theme overrides (overrides/*.html read these from config.extra.dossier_ui)
THEME = {
    "not_found_title": "404 – Seite nicht gefunden",
    "not_found_before": "Diese Seite gibt es nicht (mehr). Weiter geht es auf der",
    "not_found_home": "Startseite",
    "not_found_after": "oder mit der Suche oben.",
    "search_failed": "Die Suche konnte nicht geladen werden.",
    "filter_kind": "Art",
    "filter_outlet": "Medium",
    "filter_year": "Jahr",
    "filter_all": "alle",
    "permalink": "Dauerhafter Link zu diesem Abschnitt",
}

# -- the templates' words (dossier/templates/*.md.j2 print T.<NAME>)
T = {
    # article
    "legend_label": "Markierte Aussagen:",
    "legend_consistent": "ohne Widerspruch",
    "legend_open": "offener Widerspruch",
    "legend_explained": "erklärter Widerspruch",
    "legend_resolved": "aufgelöster Widerspruch",
    "legend_undecidable": "nicht entscheidbarer Widerspruch",
    "legend_rhetorical": "rhetorisch, nicht verglichen",
    "note_label": "Anmerkung:",
    "not_compared": "nicht verglichen",
    "source_is": "Quelle",
    "repeated_as": "wiederholt, zählt einmal; wie",
    "repeated_here": "wiederholt im selben Artikel, zählt einmal",
    "caveats_intro": "Rhetorische Aussagen (etwa eine offensichtliche Übertreibung) werden gezeigt, aber nicht verglichen. Wiederholt ein Artikel dieselbe Aussage (gleiche Frage, gleicher Wert, gleiche Quellenkette), zählt sie einmal. Ob ein Artikel die Quelle einer Aussage selbst nennt oder die Redaktion sie erschlossen hat, steht bei jeder Aussage.",
    "status_meanings": "Was die Status bedeuten",
    "legend_hint": "Zeiger auf einer Markierung zeigt Wert, Quelle, Zuschreibung und Status; ein Klick auf sie oder ihre Nummer (Tastatur: Eingabetaste) öffnet dazu Zitat, Anmerkung und die Aussagen, die übereinstimmen oder widersprechen.",
    "notes": "Anmerkungen der Redaktion",
    "note_on": "zu",
    "claims_here": "Aussagen in diesem Artikel",
    "col_number": "Nr.",
    "col_claim": "Aussage",
    "col_value": "Wert",
    "col_source": "Quelle",
    "col_status": "Status",
    "no_claims_yet": "Zu diesem Artikel sind noch keine Aussagen erfasst.",
    "hidden_parts": "Ausgeblendete Teile des Quelltexts",
    "open_quote": "„",
    "close_quote": "“",
    # articles index
    "articles": "Artikel",
    "col_title": "Titel",
    "col_outlet": "Medium",
    "col_date": "Datum",
    "col_place": "Ort",
    "col_claims": "Aussagen",
    "col_mentions": "Erwähnungen",
    # contradictions
    "contradictions": "Widersprüche",
    "contradictions_intro": "Aussagen derselben Frage und desselben Geltungsbereichs werden verglichen: Zahlen außerhalb der Toleranz, "
    "verschiedene Orte (von denen keiner im anderen liegt), Behauptung gegen Dementi. Aussagen mit **anderem Geltungsbereich** "
    "stehen daneben, zählen aber nicht als Widerspruch. Jede Frage hat eine eigene Seite mit allen Aussagen und ihren Quellen.",
    "contradictions_count": "**{conflicts}** von {count} Fragen enthalten Widersprüche; davon **{open}** offen.",
    "with_conflict": "Fragen mit Widerspruch",
    "col_question": "Frage",
    "col_conflicting": "Widersprüchliche Werte",
    "no_contradictions": "Keine Widersprüche.",
    "without_conflict": "Fragen ohne Widerspruch",
    "none": "Keine.",
    # data
    "data": "Daten",
    "data_intro": "Alle Inhalte dieses Dossiers stehen maschinenlesbar zur Verfügung:",
    "col_file": "Datei",
    "col_content": "Inhalt",
    # entity
    "kind": "Typ",
    "mentions_in": "in",
    "article_one": "Artikel",
    "article_many": "Artikeln",
    "spellings": "Schreibweisen",
    "misspelling": "fehlerhafte Schreibweise",
    "mentions": "Erwähnungen",
    "no_mentions": "Keine Erwähnung im Text der Artikel.",
    "attributed": "Zugeschriebene Aussagen",
    "col_role": "Rolle",
    "col_article": "Artikel",
    "no_attributed": "Keine Aussagen sind dieser Quelle zugeschrieben.",
    "related": "Verwandte Einträge",
    # entity index
    "entries_intro": "{count} Einträge. Jeder Eintrag führt alle Erwähnungen in allen Artikeln auf, Schreibweisen zusammengeführt.",
    "col_name": "Name",
    "col_description": "Beschreibung",
    # home
    "home": "Start",
    "home_intro": "Dieses Dossier erschließt **{articles} Artikel** mit **{claims} markierten Aussagen**. Es verweist auf "
    "**{entities} Einträge** ({sections}) und stellt **{contradictions} Widersprüche** einander gegenüber ({open} davon offen).",
    "home_empty": "Dieses Dossier enthält noch keine Artikel.",
    "first_steps": "Erste Schritte",
    "first_steps_text": "1. Den Artikel als UTF-8-Textdatei in `seeds/` speichern, einen Absatz pro Zeile, so wie er erschienen ist. "
    "Der Dateiname wird zur Adresse des Artikels: nur Kleinbuchstaben a–z, Ziffern, `-` und `_`, etwa `seeds/001_erster-bericht.txt`.\n"
    "2. `dossier new seeds/001_erster-bericht.txt` ausführen: Es legt `content/articles/001_erster-bericht.yml` an, "
    "mit Titel, Datum und vorgeschlagenen Aussagen.\n"
    "3. Die Datei vervollständigen; wer etwas sagt und wovon die Rede ist, steht in `content/entities/`, "
    "die Fragen, auf die Aussagen antworten, in `content/propositions.yml`.\n"
    "4. `dossier check` prüft alles auf einmal, `dossier serve` zeigt die Seite schon beim Bearbeiten, "
    "`dossier build` schreibt sie nach `build/site/`.\n\n"
    "Die README.md des Dossiers beschreibt jeden Schritt und die Veröffentlichung auf GitHub Pages.",
    "col_section": "Bereich",
    "col_entries": "Einträge",
    "timeline": "Zeitleiste",
    "latest": "Neueste Artikel",
    "all_articles": "Alle {count} Artikel",
    "data_also": "Die Daten stehen auch maschinenlesbar bereit:",
    # proposition
    "conflict": "Widerspruch",
    "claim_one": "Aussage",
    "claim_many": "Aussagen",
    "all_contradictions": "alle Widersprüche",
    "editor_note": "Anmerkung der Redaktion:",
    "review_intro": "Die Anmerkung der Redaktion wurde vor einigen der Aussagen unten geschrieben oder bevor sich ihr Wert änderte; diese sind mit „{label}“ markiert und noch nicht geprüft.",
    "editor_note_heading": "Anmerkung der Redaktion",
    "csv_columns": "Spalten von claims.csv",
    "csv_intro": "UTF-8, Kommas als Trennzeichen, Zeilenende CRLF, Felder mit Komma, Anführungszeichen oder Zeilenumbruch in Anführungszeichen (RFC 4180). Eine Zelle, die mit `=`, `+`, `-` oder `@` (oder Tabulator, Wagenrücklauf) beginnen würde, beginnt mit einem Apostroph `'`: So führt eine Tabellenkalkulation Text aus den Artikeln nie als Formel aus. Zahlen (Positionen, Grenzen) bleiben unverändert.",
    "col_column": "Spalte",
    "claimreview": "Einbettung in die Fragen-Seiten",
    "claimreview_intro": "Seiten von Fragen, die die Redaktion als aufgelöst markiert hat, enthalten ein schema.org-`ClaimReview` als JSON-LD (`<script type=\"application/ld+json\">`): `claimReviewed` (die Frage), `reviewBody` (die Anmerkung der Redaktion), `reviewRating.alternateName` (der Status), `author` (die Redaktion), `itemReviewed.appearance` (die Artikel mit Titel, Medium, Datum) und `url` (die Seite selbst).",
    "timelines_per_question": "Zeitleisten je Frage",
    "timelines_intro": "Wann die Aussagen zu einer Frage gemacht wurden, zeigt die Zeitleiste auf der Seite der Frage:",
    "conflicting": "widersprüchlich",
    "col_quote": "Zitat",
    "cluster_hint": "Werte mit demselben Buchstaben sind miteinander vereinbar",
    # timeline
    "timeline_intro": "Datierte Aussagen, Veröffentlichungsdaten der Artikel und die Ereignisse des Registers, chronologisch. Relative Angaben "
    "(„im Juni letzten Jahres“) sind gegen das Veröffentlichungsdatum des Artikels aufgelöst.",
    "col_event": "Ereignis",
}

# -- dossier new: the comments of a new annotation file (for contributors, in the dossier's language)
SCAFFOLD = {
    "dateline_basis": "Datumszeile im Text (Zeile {line}: „{text}“)",
    "no_dateline": ("Keine Datumszeile gefunden: Datum aus der Quelle oder dem Inhalt ermitteln.",
                    'published: "JJJJ-MM-TT"', 'published_basis: "wie das Datum ermittelt wurde"'),
    "suggestions": ("Vorschläge: passende Blöcke einkommentieren, unter claims: einfügen (dann claims: [] zu claims:)",
                    "und proposition, scope, attributed_to sowie stance (asserts, estimates, reports, confirms,",
                    "denies, speculates) ergänzen; value kann bei Datumsangaben entfallen."),
    "questions": "Aussagen für Zahlen und Daten (content/propositions.yml):",
    "line": "Zeile {line}",
    "misspelling": "fehlerhafte Schreibweise",
    "known": "Erkannte Einträge aus content/entities/:",
    "unknown": "Unbekannte Namen (ggf. in content/entities/ eintragen):",
}
