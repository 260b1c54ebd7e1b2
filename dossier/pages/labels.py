"""The words the page code prints, in the site's language (``dossier.locales``).

``labels.STATUS`` and the like are looked up in the active language's
module at each use, so a page written after ``locales.use("en")`` is English.
The words themselves live in dossier/locales/<language>.py: a new string is
one name there in every language, never here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .. import locales

if TYPE_CHECKING:
    from ..locales.de import *  # noqa: F403  # the names and their types, for mypy


def __getattr__(name: str) -> Any:
    return getattr(locales.active(), name)
