"""What a contradiction's status means, and the rules `dossier check` can enforce.

A status is a promise to the reader; these checks keep the YAML from making
one its own note breaks (a note that says the question cannot be decided
under "resolved"), and keep "resolved" tied to the value shown to be right.
"""

from __future__ import annotations

import re

from .diagnostics import Diagnostics
from .model import Corpus, Location, Proposition
from .values import check_value
from .yamlfile import Where

#: statuses whose note claims the question has an answer or a cause
DECIDED = ("explained", "resolved")

#: words with which a note says the question cannot be decided (German and English)
UNDECIDED = re.compile(
    r"nicht\s+(?:zu\s+)?(?:entscheiden|entschieden|klären|geklärt|feststellen|festgestellt)"
    r"|lässt\s+sich\s+(?:aus\s+\S+(?:\s+\S+)?\s+)?nicht\s+(?:entscheiden|klären|sagen)"
    r"|unentscheidbar|nicht\s+entscheidbar|cannot\s+be\s+(?:decided|determined|resolved)|undecid",
    re.IGNORECASE,
)


def check(corpus: Corpus, entities_broken: bool, diagnostics: Diagnostics) -> None:
    """Report each resolution that contradicts its own note or lacks what its status needs."""
    for proposition in corpus.propositions.values():
        if proposition.status in DECIDED:
            found = UNDECIDED.search(proposition.resolution)
            if found:
                diagnostics.error(
                    _at(proposition, "resolution", "status"),
                    f"resolution status '{proposition.status}', but its note says the question cannot be decided (\"{found.group(0)}\")",
                    "write status: undecidable, or reword the note if the question is in fact settled",
                )
        if proposition.status == "resolved" and proposition.holds is None:
            diagnostics.error(_at(proposition, "resolution", "status"), "resolution status 'resolved' needs the value that holds",
                              "add holds: <the value shown to be right>, written like a claim's value; or use explained/undecidable")
        elif proposition.holds is not None and proposition.status != "resolved":
            diagnostics.error(_at(proposition, "resolution", "holds"), "holds is only for status 'resolved'",
                              "remove holds, or set status: resolved")
        elif proposition.holds is not None and not (proposition.type == "place" and entities_broken):
            problem = check_value(proposition, proposition.holds, corpus.entities)
            if problem:
                diagnostics.error(_at(proposition, "resolution", "holds"), f"holds: {problem[0]}", problem[1])


def _at(proposition: Proposition, *names: str) -> Location:
    where = proposition.position
    if isinstance(where, Where):
        for name in names:
            where = where / name
    return where
