"""Limits on input size, far above real use, that keep every build bounded.

A hostile or broken file (a 50 MB title, YAML anchors that expand a
billion-fold, an article with 100,000 claims) must end in a clear error in
bounded time and memory, not a hang. Each limit is reported with its value
and how to stay under it; the README's "Safety" section lists them.
"""

from __future__ import annotations

#: bytes of one seed (a long report is ~200 KB; a book ~2 MB)
SEED_BYTES = 5_000_000
#: bytes of one YAML file (annotations of a long article are ~50 KB)
YAML_BYTES = 5_000_000
#: YAML nodes in one file after resolving aliases (guards against "billion laughs")
YAML_NODES = 500_000
#: nesting depth of YAML collections (real files nest 4 deep)
YAML_DEPTH = 20
#: characters of an id (it becomes a file name and a URL)
ID_CHARS = 80
#: characters of a one-line text: title, name, question, outlet, label
LINE_CHARS = 1_000
#: characters of a free text: note, description, resolution, quote
TEXT_CHARS = 20_000
#: claims, hidden spans or notes of one article
ITEMS_PER_ARTICLE = 5_000
#: entries of one registry file, aliases of one entity
REGISTRY_ITEMS = 50_000
#: characters of one line of a seed: a line is a paragraph, and Python-Markdown
#: takes time growing with the square of a paragraph's length (5 MB: ~5 minutes)
SEED_LINE_CHARS = 100_000
#: words of one name or alias (real ones have up to ~10): matching costs up to
#: text words × alias words
ALIAS_WORDS = 24
