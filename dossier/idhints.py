""""Did you mean" for an unknown entity id, from ids, names and aliases alike.

People remember "Kursk", not ``kursk-oblast``: an unknown id is compared
with every entity's id and with its name and aliases written as an id
("Region Kursk" -> ``region-kursk``), exactly first (in any word order),
then by similarity.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable

from .model import Entity, EntityKindKey

# Closer than this (difflib's ratio) counts as meant; the default of get_close_matches.
_CUTOFF = 0.6
_MOST = 3


def slug(text: str) -> str:
    """``text`` as an id would spell it: lower case, letters and digits, hyphens between words."""
    folded = unicodedata.normalize("NFKD", text.casefold().replace("ß", "ss"))
    plain = "".join(c for c in folded if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")


def _unordered(form: str) -> str:
    """The words of an id in sorted order: "kursk-region" is "region-kursk" turned round."""
    return "-".join(sorted(form.split("-")))


def entity_hint(name: str, entities: Iterable[Entity], kind: EntityKindKey | None = None) -> str:
    """The entities ``name`` may have meant, as a hint; "" when none is close.

    ``kind`` ("places") keeps to one kind of entity.
    """
    forms: dict[str, str] = {}  # a form written as an id -> the entity id
    names: dict[str, str] = {}
    for entity in entities:
        if kind and entity.type != kind:
            continue
        names[entity.id] = entity.name
        for form in (entity.id, entity.name, *(a.form for a in entity.aliases if not a.erroneous)):
            forms.setdefault(slug(form), entity.id)
            forms.setdefault(_unordered(slug(form)), entity.id)
    wanted = slug(name[:200])
    exact = forms.get(wanted) or forms.get(_unordered(wanted))
    if exact:
        meant = [exact]
    else:
        meant = list(dict.fromkeys(forms[m] for m in difflib.get_close_matches(wanted, forms, n=_MOST * 3, cutoff=_CUTOFF)))[:_MOST]
    if not meant:
        return ""
    return "did you mean " + " or ".join(f"'{m}' ({names[m]})" for m in meant) + "?"
