"""English: every word the site prints, and how it writes numbers and dates.

Defines exactly the names of ``de.py`` (the reference; see its docstring).
"""

from __future__ import annotations

BABEL = "en_GB"  # "18 October 2024", "12,000"
SEARCH = "en"

ENTITY_KIND = {
    "people": ("Person", "People", "People"),
    "units": ("Unit/force", "Units and forces", "Units"),
    "equipment": ("Equipment", "Equipment", "Equipment"),
    "organisations": ("Organisation", "Organisations", "Organisations"),
    "places": ("Place", "Places", "Places"),
    "events": ("Event", "Events", "Events"),
}
NAV = {
    "home": "Home",
    "articles": "Articles",
    "contradictions": "Contradictions",
    "timeline": "Timeline",
    "data": "Data",
}

YES = "yes"
NO = "no"
AT_LEAST = "at least {number}"
AT_MOST = "at most {number}"

STATUS = {
    "open": "open",
    "explained": "explained",
    "undecidable": "undecidable",
    "resolved": "resolved",
    "consistent": "consistent",
    "rhetorical": "not compared (rhetoric)",
}
STATUS_MEANING = {
    "open": "The values contradict each other, and the editors have no explanation (yet).",
    "explained": "The values contradict each other and the editors know why (other dates, sources or scopes); "
                 "both can be true. The question's page gives the explanation.",
    "undecidable": "The values contradict each other, and the articles do not allow deciding which is right; "
                   "the question's page says what is missing.",
    "resolved": "One side is shown to be wrong; the question's page gives the value that holds and the evidence.",
    "consistent": "All compared statements agree with each other.",
}
ATTRIBUTION = {"stated": "named in the text", "inferred": "inferred by the editors"}
RHETORICAL = {"hyperbole": "hyperbole", "irony": "irony", "slogan": "slogan"}
REPEATED = "repeated, counts once; as no."
STANCE = {
    "asserts": "asserts",
    "estimates": "estimates",
    "reports": "reports",
    "confirms": "confirms",
    "denies": "denies",
    "speculates": "speculates",
}
NOTE_KIND = {
    "misspelling": "Misspelling",
    "mistranslation": "Mistranslation",
    "factual-error": "Factual error",
    "garbled": "Garbled text",
    "other": "Note",
}
HIDE_REASON = {
    "title": "Title line",
    "dateline": "Dateline",
    "rubric": "Rubric",
    "byline": "Author/outlet",
    "teaser": "Teaser",
    "caption": "Caption",
    "image-alt": "Image alt text",
    "see-also": "“See also” link",
    "ad": "Advertisement",
    "comment-form": "Comment form",
    "tags": "Tags",
    "other": "Other",
}
ROLE = {"source": "Source", "relay": "Relay", "source and relay": "Source, relay"}
RELATION = {"declared": "", "contains": "contains this place", "inside": "lies in this place",
            "venue": "place of this event", "event": "event at this place"}
ARTICLE_META = {"outlet": "Outlet", "date": "Date", "seed": "Source text", "original": "Original", "licence": "Licence of the source text", "claims": "Claims"}
PANEL = {
    "label": "Claim", "value": "Value", "quote": "Quote", "source": "Source", "attribution": "Attribution",
    "status": "Status", "note": "Note", "agree": "Agree", "disagree": "Disagree",
    "none": "none", "more": "more on the question's page", "row": "Row in the table",
}
GLANCE = {
    "chart": "The values at a glance",
    "chart_desc": "Values of {statements} from {articles}, by scope, under each value the article's date "
                  "and the source; the same letters and shapes mark values compatible with each other. "
                  "Source: the dossier's articles, as of {date}. The tables below hold the same facts.",
    "timeline": "When the claims were made",
    "timeline_desc": "Publication dates of the articles with claims on this question, number of claims in brackets.",
    "undated": "undated",
    "origins": "Independent origins",
    "origins_intro": "A claim's origin is the end of its chain of citations: the source, not who passed it on.",
    "unnamed": "plus unnamed sources whose independence is unknown",
    "circular": "Circular reporting: several articles, a single origin, no independent confirmation",
    "in_articles": "in",
}
COUNTED = {
    "statement": ("statement", "statements"),
    "article": ("article", "articles"),
    "articles": ("article", "articles"),
    "origin": ("independent origin", "independent origins"),
}
REVIEW_AUTHOR = "The dossier's editors"
CSV_COLUMNS = {
    "id": "Id of the claim: article id/claim id",
    "article": "Id of the article (file name in seeds/ without .txt)",
    "quote": "The passage, verbatim",
    "start": "Position of the first character in the source text (Unicode characters, from 0)",
    "end": "Position after the last character",
    "proposition": "Id of the question",
    "scope": "Id of the scope within the question",
    "value_text": "The value as the pages show it",
    "value_min": "Lower bound (numbers; dates as day number), empty if open or unordered",
    "value_max": "Upper bound, likewise",
    "value_key": "Comparison key (places, labels, yes/no, dates as ISO date)",
    "attributed_to": "Id of the source the claim is attributed to (end of the chain of citations)",
    "via": "Ids of those who passed it on, joined by \" > \", in the order of the chain",
    "stance": "Stance of the source (asserts, estimates, reports, confirms, denies, speculates)",
    "attribution": "stated (the sentence names the source) or inferred (by the editors; the note says from where)",
    "rhetorical": "hyperbole, irony or slogan: rhetoric, never compared; empty otherwise",
    "repeat_of": "Id of the earlier claim of the same article this one repeats (counts once); empty otherwise",
    "note": "The editors' note on the claim",
    "status": "consistent, open, explained, undecidable, resolved or rhetorical: state of the comparison in the scope",
}
REVIEW = "new claims since the assessment"
REVIEW_ROW = "new since the assessment"
#: the page kinds in the search filter that are not entity kinds (those use EntityKind.singular)
SEARCH_KIND = {"article": "Article", "question": "Question"}
TOOLTIP = {"value": "Value", "source": "Source", "status": "Status", "disputed_by": "Disputed by",
           "attribution": "Attribution", "note": "Note", "rhetorical": "Rhetoric"}
CORRECTION = "Correct:"
NOTE_TAG = "Note"
MISSPELLING_OF = "Misspelling of"
RESOLVED = "resolved:"
VIA = "via"
AGAINST = "vs."
NO_DATE = "undated"
PUBLISHED = "Publication"
MENTION_VIA = {"role": "through a role description", "compound": "in a compound word"}

EXPORTS = {
    "claims.json": "All claims: quote, position in the text, question, scope, value, source, status.",
    "entities.json": "All people, units, equipment, organisations, places and events with spellings and mentions; events with their date and place.",
    "propositions.json": "All questions with the claims per scope and the contradictions found.",
    "claims.csv": "All claims as a table (CSV, UTF-8, one row per claim, columns as in claims.json; "
                  "cells starting with = + - @ carry a leading ' against formula injection).",
    "annotations.jsonld": "The claims as W3C Web Annotations (JSON-LD, TextQuoteSelector and TextPositionSelector).",
}

THEME = {
    "not_found_title": "404 – Page not found",
    "not_found_before": "This page does not exist (any more). Go on from the",
    "not_found_home": "home page",
    "not_found_after": "or with the search above.",
    "search_failed": "The search could not be loaded.",
    "filter_kind": "Kind",
    "filter_outlet": "Outlet",
    "filter_year": "Year",
    "filter_all": "all",
    "permalink": "Permanent link to this section",
}

T = {
    "legend_label": "Marked claims:",
    "legend_consistent": "no contradiction",
    "legend_open": "open contradiction",
    "legend_explained": "explained contradiction",
    "legend_resolved": "resolved contradiction",
    "legend_undecidable": "undecidable contradiction",
    "legend_rhetorical": "rhetoric, not compared",
    "note_label": "Note:",
    "not_compared": "not compared",
    "source_is": "Source",
    "repeated_as": "repeated, counts once; as",
    "repeated_here": "repeated in the same article, counts once",
    "caveats_intro": "Rhetorical claims (such as an obvious exaggeration) are shown but not compared. When an article repeats the same claim (same question, value and chain of sources), it counts once. Every claim says whether the article names its source itself or the editors inferred it.",
    "status_meanings": "What the statuses mean",
    "legend_hint": "Pointing at a mark shows value, source, attribution and status; clicking it or its number (keyboard: Enter) also opens the quote, the note and the claims that agree or disagree.",
    "notes": "Editor's notes",
    "note_on": "on",
    "claims_here": "Claims in this article",
    "col_number": "No.",
    "col_claim": "Claim",
    "col_value": "Value",
    "col_source": "Source",
    "col_status": "Status",
    "no_claims_yet": "No claims have been recorded for this article yet.",
    "hidden_parts": "Hidden parts of the source text",
    "open_quote": "“",
    "close_quote": "”",
    "articles": "Articles",
    "col_title": "Title",
    "col_outlet": "Outlet",
    "col_date": "Date",
    "col_place": "Place",
    "col_claims": "Claims",
    "col_mentions": "Mentions",
    "contradictions": "Contradictions",
    "contradictions_intro": "Claims on the same question and in the same scope are compared: numbers outside the tolerance, "
    "different places (neither inside the other), assertion against denial. Claims with a **different scope** stand beside "
    "them but do not count as a contradiction. Each question has a page of its own with all claims and their sources.",
    "contradictions_count": "**{conflicts}** of {count} questions contain contradictions; **{open}** of them open.",
    "with_conflict": "Questions with a contradiction",
    "col_question": "Question",
    "col_conflicting": "Conflicting values",
    "no_contradictions": "No contradictions.",
    "without_conflict": "Questions without a contradiction",
    "none": "None.",
    "data": "Data",
    "data_intro": "All contents of this dossier are available in machine-readable form:",
    "col_file": "File",
    "col_content": "Content",
    "kind": "Type",
    "mentions_in": "in",
    "article_one": "article",
    "article_many": "articles",
    "spellings": "Spellings",
    "misspelling": "misspelling",
    "mentions": "Mentions",
    "no_mentions": "Not mentioned in the text of the articles.",
    "attributed": "Attributed claims",
    "col_role": "Role",
    "col_article": "Article",
    "no_attributed": "No claims are attributed to this source.",
    "related": "Related entries",
    "entries_intro": "{count} entries. Each entry lists every mention in every article, spellings merged.",
    "col_name": "Name",
    "col_description": "Description",
    "home": "Home",
    "home_intro": "This dossier indexes **{articles} articles** with **{claims} marked claims**. It refers to "
    "**{entities} entries** ({sections}) and sets **{contradictions} contradictions** side by side ({open} of them open).",
    "home_empty": "This dossier has no articles yet.",
    "first_steps": "First steps",
    "first_steps_text": "1. Save the article as a UTF-8 text file in `seeds/`, one paragraph per line, as it appeared. "
    "The file name becomes the article's address: only lower-case letters a–z, digits, `-` and `_`, such as `seeds/001_first-report.txt`.\n"
    "2. Run `dossier new seeds/001_first-report.txt`: it creates `content/articles/001_first-report.yml` "
    "with title, date and suggested claims.\n"
    "3. Complete the file; who says something and what it is about go in `content/entities/`, "
    "the questions that claims answer in `content/propositions.yml`.\n"
    "4. `dossier check` checks everything at once, `dossier serve` shows the site while you edit, "
    "`dossier build` writes it to `build/site/`.\n\n"
    "The dossier's README.md describes each step and publishing on GitHub Pages.",
    "col_section": "Section",
    "col_entries": "Entries",
    "timeline": "Timeline",
    "latest": "Latest articles",
    "all_articles": "All {count} articles",
    "data_also": "The data is also available in machine-readable form:",
    "conflict": "Contradiction",
    "claim_one": "claim",
    "claim_many": "claims",
    "all_contradictions": "all contradictions",
    "editor_note": "Editor's note:",
    "review_intro": "The editors' note was written before some of the claims below were added or changed their value; these are marked “{label}” and not yet reviewed.",
    "editor_note_heading": "Editor's note",
    "csv_columns": "Columns of claims.csv",
    "csv_intro": "UTF-8, comma-separated, CRLF line ends, fields with a comma, quote or line break in quotes (RFC 4180). A cell that would start with `=`, `+`, `-` or `@` (or tab, carriage return) starts with an apostrophe `'`, so a spreadsheet never runs text from the articles as a formula. Numbers (positions, bounds) stay as they are.",
    "col_column": "Column",
    "claimreview": "Embedded in the question pages",
    "claimreview_intro": "Pages of questions the editors marked as resolved carry a schema.org `ClaimReview` as JSON-LD (`<script type=\"application/ld+json\">`): `claimReviewed` (the question), `reviewBody` (the editors' note), `reviewRating.alternateName` (the status), `author` (the editors), `itemReviewed.appearance` (the articles with title, outlet, date) and `url` (the page itself).",
    "timelines_per_question": "Timelines per question",
    "timelines_intro": "When the claims on a question were made is shown by the timeline on the question's page:",
    "conflicting": "conflicting",
    "col_quote": "Quote",
    "cluster_hint": "Values with the same letter are compatible with each other",
    "timeline_intro": "Dated claims, the articles' publication dates and the registered events, in order. Relative dates "
    "(“in June last year”) are resolved against the article's publication date.",
    "col_event": "Event",
}

# -- dossier new: the comments of a new annotation file (for contributors, in the dossier's language)
SCAFFOLD = {
    "dateline_basis": "dateline in the text (line {line}: “{text}”)",
    "no_dateline": ("No dateline found: take the date from the source or the content.",
                    'published: "YYYY-MM-DD"', 'published_basis: "how the date was found"'),
    "suggestions": ("Suggestions: uncomment the blocks that fit, put them under claims: (then claims: [] becomes claims:)",
                    "and fill in proposition, scope, attributed_to and stance (asserts, estimates, reports, confirms,",
                    "denies, speculates); a date may leave out value."),
    "questions": "Questions for figures and dates (content/propositions.yml):",
    "line": "line {line}",
    "misspelling": "misspelling",
    "known": "Entries of content/entities/ found:",
    "unknown": "Unknown names (add them to content/entities/ if they matter):",
}
