"""``dossier init DIR``: start a new dossier on another topic.

The new dossier gets what this repository has around its corpus: the site
configuration, empty ``content/`` and ``seeds/``, a Makefile, the GitHub
Pages workflow, the pre-commit hook, a README. The site configuration is
rendered from the package's template (``templates/project/``) and the entity
kinds' table, the same ones this repository's own files are checked against
(``tests/test_init.py``), so the two cannot drift apart.

Nothing is ever overwritten: DIR must be new or empty, files are created
exclusively, and when writing fails the files already written are removed.
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined

from . import locales, sitemap
from .escape import md_line
from .limits import ID_CHARS, LINE_CHARS
from .model import ENTITY_KINDS

LANGUAGES = tuple(locales.LANGUAGES)
#: what an empty folder may already hold: a clone of an empty repository
ALLOWED_IN_EMPTY = frozenset({".git"})
#: the package's files a new dossier gets as they are (target, source in templates/project/)
_COPIED = (
    (".github/workflows/pages.yml", "pages.yml"),
    (".pre-commit-config.yaml", "pre-commit-config.yaml"),
    (".gitignore", "gitignore"),
    ("Makefile", "Makefile"),
)
#: characters a one-line setting cannot hold: control characters, line and
#: paragraph separators, surrogates (undecodable bytes in the command line)
#: and non-characters, which YAML refuses
_UNWRITABLE = frozenset({"Cc", "Zl", "Zp", "Cs", "Cn"})

PROPOSITIONS = """\
# The questions the claims of the articles answer. Claims that answer the
# same question for the same scope are compared; disagreeing ones are listed
# as contradictions. Remove the '# ' before the lines of this example to
# start from it:
#
# - id: troops
#   question: "Wie viele Soldaten wurden entsandt?"
#   type: count               # count, date, place, boolean or label
#   unit: Soldaten
#   tolerance: 0.1            # counts within 10 % of each other agree
#   scopes:                   # what exactly a figure measures
#     total: "Insgesamt"
"""

ENTITIES = """\
# {plural}: one entry each, with every spelling the articles use (German
# endings are found by themselves). Remove the '# ' before the lines of this
# example to start from it:
#
# - id: beispiel-eintrag
#   name: Beispiel-Eintrag
#   description: "Wer oder was das ist."
#   aliases: [Beispieleintrag, B.-Eintrag]
"""


class InitError(Exception):
    """Why the dossier was not created, with the fix."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


@dataclass(frozen=True)
class Settings:
    """What ``dossier init`` asks; every field is checked by ``settings``."""

    title: str
    description: str
    language: str
    site_url: str


@dataclass(frozen=True)
class Created:
    root: Path
    files: list[str]  # relative to root, in the order written
    requirement: str  # how requirements.txt installs Dossier
    reachable: bool  # False when that is a folder on this machine, which CI cannot install from


def settings(folder: Path, title: str = "", description: str = "", language: str = "de", site_url: str = "") -> Settings:
    """The settings of a new dossier in ``folder``, defaults filled in; InitError when one cannot be written."""
    name = unicodedata.normalize("NFKD", folder.resolve().name).encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9_.-]+", "-", name).strip("-.")[:ID_CHARS] or "dossier"
    title = title.strip() or folder.resolve().name or "Dossier"
    _one_line("--title", title)
    _one_line("--description", description.strip())
    if language not in LANGUAGES:
        raise InitError(f"--language: '{language}' is not one of {', '.join(LANGUAGES)}", "add the language to dossier/locales/ (CONTRIBUTING.md says how)")
    site_url = site_url.strip() or f"http://127.0.0.1:8000/{slug}/"
    _check_url(site_url)
    return Settings(title, description.strip(), language, site_url if site_url.endswith("/") else site_url + "/")


def _one_line(option: str, value: str) -> None:
    if len(value) > LINE_CHARS:
        raise InitError(f"{option} is {len(value):,} characters long, more than the limit of {LINE_CHARS:,}", "shorten it")
    bad = next((ch for ch in value if unicodedata.category(ch) in _UNWRITABLE), None)
    if bad is not None:
        raise InitError(f"{option} holds the character U+{ord(bad):04X}, which a one-line setting cannot hold",
                        "write it on one line, without control characters")


def _check_url(url: str) -> None:
    parts = urlsplit(url)
    if (parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment
            or re.search(r"[\s<>\"'`\\]", url) or len(url) > LINE_CHARS):
        raise InitError(f"--site-url: '{url[:80]}' is not an http(s) address of a site",
                        "write it as https://<user>.github.io/<repo>/ (the Pages workflow sets it by itself on GitHub)")


def site_config(values: Settings) -> str:
    """mkdocs.yml of a dossier: theme, the dossier plugin and the navigation of
    the page kinds and entity kinds there are."""
    with locales.using(values.language) as words:
        return _templates().get_template("mkdocs.yml.j2").render(
            title=values.title, description=values.description, language=values.language, site_url=values.site_url,
            permalink=words.THEME["permalink"],
            nav=sitemap.navigation(), unlisted=sitemap.unlisted_folders(),
        )


def project_files(values: Settings, requirement: str) -> dict[str, str]:
    """Every file of a new dossier, by path relative to its folder, in its site language."""
    with locales.using(values.language):
        return _files(values, requirement)


def _files(values: Settings, requirement: str) -> dict[str, str]:
    return {
        "mkdocs.yml": site_config(values),
        "README.md": _templates().get_template("README.md.j2").render(
            title=values.title, site_url=values.site_url, kinds=list(ENTITY_KINDS.values())),
        "requirements.txt": f"# The Dossier this dossier is built with (make install, and the Pages workflow).\n{requirement}\n",
        **{target: _packaged(source) for target, source in _COPIED},
        "content/propositions.yml": PROPOSITIONS,
        **{f"content/entities/{kind.key}.yml": ENTITIES.format(plural=kind.plural) for kind in ENTITY_KINDS.values()},
        "content/articles/.gitkeep": "",
        "seeds/.gitkeep": "",
    }


def init(folder: Path, *, title: str = "", description: str = "", language: str = "de", site_url: str = "",
         requirement: str = "") -> Created:
    """Write a new dossier into ``folder`` (new, or empty but for .git);
    InitError when a setting is wrong or the folder holds anything."""
    values = settings(folder, title, description, language, site_url)
    _one_line("--requirement", requirement.strip())
    requirement = requirement.strip()
    _check_empty(folder)
    if requirement:
        reachable = not ("file:" in requirement or requirement.startswith((".", "/", "~")))
    else:
        requirement, reachable = dossier_requirement()
    files = project_files(values, requirement)
    made: list[Path] = []
    try:
        for new in reversed([folder, *folder.parents]):
            if not new.exists():
                new.mkdir()
                made.append(new)
        for rel, text in files.items():
            path = folder / rel
            for parent in reversed(path.parents[: len(Path(rel).parents) - 1]):
                if parent.is_symlink() or not parent.is_dir():  # a link: mkdir fails, nothing is written through it
                    parent.mkdir()
                    made.append(parent)
            with path.open("x", encoding="utf-8", newline="\n") as handle:  # "x": never over a file or a link
                made.append(path)
                handle.write(text)
    except OSError:
        for path in reversed(made):
            try:
                if path.is_dir() and not path.is_symlink():
                    path.rmdir()
                else:
                    path.unlink()
            except OSError:
                pass
        raise
    return Created(folder, list(files), requirement, reachable)


def _check_empty(folder: Path) -> None:
    if not os.path.lexists(folder):
        return
    if folder.is_symlink():
        raise InitError("is a link", "name the folder itself, or choose a new folder name")
    if not folder.is_dir():
        raise InitError("exists and is not a folder", "choose a new folder name")
    present = sorted(set(os.listdir(folder)) - ALLOWED_IN_EMPTY)
    if present:
        shown = ", ".join(present[:5]) + (f" and {len(present) - 5} more" if len(present) > 5 else "")
        raise InitError(f"is not empty ({shown}); nothing was written",
                        "choose a new folder (dossier init creates it) or an empty one")


def dossier_requirement() -> tuple[str, bool]:
    """How a new dossier installs this Dossier (a pip requirement), and whether
    GitHub's machines can: not from a folder on this one."""
    checkout = Path(__file__).resolve().parent.parent
    if (checkout / "pyproject.toml").is_file():  # run from a checkout (make install installs it editable)
        return f"dossier @ {checkout.as_uri()}", False
    distribution = importlib.metadata.distribution("dossier")
    direct = json.loads(distribution.read_text("direct_url.json") or "null")
    if isinstance(direct, dict) and isinstance(direct.get("url"), str):
        url: str = direct["url"]
        vcs = direct.get("vcs_info")
        if isinstance(vcs, dict) and vcs.get("commit_id"):
            return f"dossier @ {vcs.get('vcs', 'git')}+{url}@{vcs['commit_id']}", True
        return f"dossier @ {url}", not url.startswith("file:")
    return f"dossier=={distribution.version}", True


def _packaged(name: str) -> str:
    return resources.files("dossier").joinpath(f"templates/project/{name}").read_text("utf-8")


@cache
def _templates() -> Environment:
    env = Environment(
        loader=PackageLoader("dossier", "templates/project"),
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=StrictUndefined,
    )
    # A JSON string is a YAML string; the settings hold no line breaks (checked).
    env.filters["yaml"] = lambda text: json.dumps(text, ensure_ascii=False)
    env.filters["line"] = md_line
    return env
