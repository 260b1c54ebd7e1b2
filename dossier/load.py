"""Stage 1, load: read seeds/ and content/, validate, collect every error.

Reading is separate from checking references so that one run reports all
problems of all files: a broken file is skipped, the rest still checked.
"""

from __future__ import annotations

import math
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .dates import DateSpan, PartialDate
from .diagnostics import Diagnostic, Diagnostics, Position, did_you_mean
from .files import FileError, read_source, real_folder
from .fold import straighten
from .idhints import entity_hint
from .layout import Project
from .limits import ID_CHARS, SEED_BYTES, SEED_LINE_CHARS, YAML_BYTES
from .model import (
    ENTITY_KINDS,
    Alias,
    Article,
    Claim,
    Corpus,
    Entity,
    EntityKindKey,
    Hide,
    Location,
    Note,
    Proposition,
    Selector,
    Unlink,
)
from .names import check_forms
from .resolution import check as check_resolutions
from .schema import validate
from .sitemap import RESERVED_IDS, id_problem
from .textindex import line_column
from .values import check_value, date_span
from .yamlfile import JsonPath, Where, YamlDocument, read_yaml

#: Seeds are plain text: a Markdown or HTML seed would be published as it is.
SEED_SUFFIX = ".txt"
#: A seed's stem is its article's id, file name and URL (``000_0455d4856bd7806b``).
SEED_STEM = re.compile(r"[a-z0-9][a-z0-9_-]*")
#: C0 control characters but tab, line feed, form feed and carriage return:
#: no text has them, and the site would carry them into its HTML
_CONTROL_CHARS = "".join(chr(code) for code in range(32) if chr(code) not in "\t\n\f\r")
_CONTROL = re.compile(f"[{re.escape(_CONTROL_CHARS)}]")
_C0_NAMES = ("NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT", "LF", "VT", "FF", "CR", "SO", "SI",
             "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC", "FS", "GS", "RS", "US")
_TRANSLITERATE = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


@dataclass
class Registry:
    """Entities and propositions: what every article's claims refer to."""

    corpus: Corpus  # without articles
    broken: set[str]  # "entities"/"propositions" when a registry file failed to load
    #: the bytes of its files as read (empty when unreadable), to tell whether it changed
    sources: tuple[bytes, ...] = field(default=())


@dataclass
class Kept:
    """What the last build made of the registry and seed files, by their bytes,
    for a build that runs again (``dossier serve``): a file whose bytes did
    not change is not parsed and checked again, its diagnostics are repeated.
    Every file is still read, so a change is always seen."""

    registry_raws: tuple[bytes | None, ...] | None = None
    registry: Registry | None = None
    registry_diagnostics: tuple[Diagnostic, ...] = ()
    #: seed file name -> (its bytes, its text, what reading it reported)
    seeds: dict[str, tuple[bytes, str | None, tuple[Diagnostic, ...]]] = field(default_factory=dict)


def load(project: Project, diagnostics: Diagnostics) -> Corpus:
    """The whole corpus at once, for commands that need it but no build."""
    registry = load_registry(project, diagnostics)
    seeds = read_seeds(project, diagnostics)
    corpus = registry.corpus
    within = real_folder(project.root, "content")
    for path in article_files(project, diagnostics):
        raw = _source(project, path, within, diagnostics)
        article = raw is not None and load_article(project, path, raw, seeds, registry, diagnostics)
        if article:
            corpus.articles.append(article)
    check_annotated(project, seeds, diagnostics)
    corpus.articles.sort(key=lambda a: a.id)
    return corpus


def load_registry(project: Project, diagnostics: Diagnostics, kept: Kept | None = None) -> Registry:
    """The registry files; a missing one has no entries (a new entity kind
    breaks no dossier), a stray file in content/entities/ is an error."""
    within = real_folder(project.root, "content")
    _check_entity_files(project, diagnostics)
    files = [(project.propositions, "propositions")]
    files += [(project.entities / f"{kind.key}.yml", kind.schema) for kind in ENTITY_KINDS.values()]
    raws = tuple(_source(project, path, within, diagnostics) if os.path.lexists(path) else b"" for path, _ in files)
    if kept is not None and kept.registry is not None and kept.registry_raws == raws:
        diagnostics.items.extend(kept.registry_diagnostics)
        last = kept.registry  # in a new corpus: each build sets its own articles
        return Registry(Corpus(entities=last.corpus.entities, propositions=last.corpus.propositions),
                        set(last.broken), last.sources)
    found = Diagnostics()
    registry = _parse_registry(project, files, raws, found)
    diagnostics.items.extend(found.items)
    if kept is not None:
        kept.registry_raws, kept.registry, kept.registry_diagnostics = raws, registry, tuple(found.items)
    return registry


def _parse_registry(project: Project, files: list[tuple[Path, str]], raws: tuple[bytes | None, ...],
                    diagnostics: Diagnostics) -> Registry:
    corpus = Corpus()
    docs = [_read(project, path, schema, diagnostics, raw) for (path, schema), raw in zip(files, raws, strict=True)]
    propositions_doc, entity_docs = docs[0], dict(zip(ENTITY_KINDS, docs[1:], strict=True))
    if propositions_doc:
        for i, item in enumerate(propositions_doc.data or []):
            _add_proposition(corpus, propositions_doc, i, item, diagnostics)
    for kind, doc in entity_docs.items():
        if doc:
            for i, item in enumerate(doc.data or []):
                _add_entity(corpus, doc, kind, i, item, diagnostics)
    # A registry that failed to load, or lost an invalid entry, cannot judge
    # references to it; saying "unknown id" for each of them would bury the
    # one real error.
    broken = {"propositions"} if propositions_doc is None or propositions_doc.pruned else set()
    broken |= {"entities"} if any(doc is None or doc.pruned for doc in entity_docs.values()) else set()
    _check_entities(corpus, "entities" in broken, diagnostics)
    check_resolutions(corpus, "entities" in broken, diagnostics)
    return Registry(corpus, broken, tuple(raw or b"" for raw in raws))


def _check_entity_files(project: Project, diagnostics: Diagnostics) -> None:
    """Every file in content/entities/ is an entity kind's: with a missing file
    meaning none of its kind, a misnamed one would otherwise go unnoticed."""
    folder = project.entities
    if not os.path.lexists(folder):
        return
    if not folder.is_dir():
        diagnostics.error(Position(project.shown(folder)), "is not a folder",
                          "content/entities/ holds one YAML file per kind of entity, e.g. people.yml")
        return
    expected = [f"{kind}.yml" for kind in ENTITY_KINDS]
    with os.scandir(folder) as listing:
        names = sorted(entry.name for entry in listing if not entry.name.startswith("."))
    for name in names:
        stem, suffix = os.path.splitext(name)
        if name in expected:
            continue
        if stem in ENTITY_KINDS and suffix.lower() in (".yaml", ".yml"):
            message, hint = "entity files end in .yml", f"rename it to {stem}.yml"
        else:
            message = "not an entity file: content/entities/ holds " + ", ".join(expected) + " (each optional)"
            hint = did_you_mean(name, expected) or "rename it after its kind of entity, or move it out of content/entities/"
        diagnostics.error(Position(project.shown(folder / name)), message, hint)


def article_files(project: Project, diagnostics: Diagnostics) -> list[Path]:
    """The annotation files (read later, each with ``read_source``'s checks)."""
    for path in sorted(project.articles.glob("*.yaml")):
        diagnostics.error(Position(project.shown(path)), "annotation files end in .yml", f"rename it to {path.stem}.yml")
    return sorted(project.articles.glob("*.yml"))


def load_article(
    project: Project,
    path: Path,
    raw: bytes,
    seeds: dict[str, tuple[Path, str | None]],
    registry: Registry,
    diagnostics: Diagnostics,
) -> Article | None:
    """One annotation file (its bytes already read), checked against the registry."""
    doc = _read(project, path, "article", diagnostics, raw)
    if doc is None:
        return None
    article = _article(project, path, doc, seeds, diagnostics)
    if article:
        _check_claims(registry.corpus, article, registry.broken, diagnostics)
    return article


def check_annotated(project: Project, seeds: dict[str, tuple[Path, str | None]], diagnostics: Diagnostics) -> None:
    """Every article in seeds/ needs an annotation file, even an empty one."""
    annotated = {path.stem for path in project.articles.glob("*.yml")}
    for stem, (seed_path, _) in sorted(seeds.items()):
        if stem not in annotated:
            diagnostics.error(
                Position(project.shown(seed_path)),
                "article has no annotation file",
                f"create content/articles/{stem}.yml, e.g. with: dossier new {project.shown(seed_path)}",
            )


def _source(project: Project, path: Path, within: str, diagnostics: Diagnostics) -> bytes | None:
    """The bytes of a YAML file, or None when it is missing or may not be read (reported)."""
    if not os.path.lexists(path):
        diagnostics.error(Position(project.shown(path)), "file is missing", "create it (an empty list '[]' is fine)")
        return None
    try:
        return read_source(path, within, YAML_BYTES)
    except FileError as exc:
        diagnostics.error(Position(project.shown(path)), exc.message, exc.hint)
        return None


def _read(project: Project, path: Path, schema: str, diagnostics: Diagnostics, raw: bytes | None) -> YamlDocument | None:
    if raw is None:
        return None
    doc = read_yaml(raw, project.shown(path), diagnostics)
    if doc is None:
        return None
    if doc.data is None and schema != "article":
        doc.data = []
    # a broken title or language (reported) must not hide the other problems of the file
    stand_ins = {"seed": f"{path.stem}{SEED_SUFFIX}", "title": path.stem, "language": "und"} if schema == "article" else None
    return doc if validate(doc, schema, diagnostics, stand_ins) else None


def read_seeds(project: Project, diagnostics: Diagnostics, kept: Kept | None = None) -> dict[str, tuple[Path, str | None]]:
    """Seeds by stem; the text is None when it could not be read.

    Every file in seeds/ is an article or an error: a file that would not
    be read (``x.md``, ``X.TXT``, a folder) is reported, never skipped, so
    that no article goes missing unnoticed. Hidden files (``.gitkeep``) are
    left alone.
    """
    seeds: dict[str, tuple[Path, str | None]] = {}
    if not project.seeds.is_dir():
        diagnostics.error(Position(project.shown(project.seeds)), "seeds/ folder is missing")
        return seeds
    within = real_folder(project.root, "seeds")
    with os.scandir(project.seeds) as listing:
        entries = sorted((entry for entry in listing if not entry.name.startswith(".")), key=lambda entry: entry.name)
    names = {entry.name for entry in entries}
    known: dict[str, tuple[bytes, str | None, tuple[Diagnostic, ...]]] = {}
    for entry in entries:
        path = project.seeds / entry.name
        shown = project.shown(path)
        if entry.is_dir(follow_symlinks=False):
            diagnostics.error(Position(shown), "is a folder: articles in folders inside seeds/ are not read",
                              "move its articles into seeds/ itself")
            continue
        problem = seed_name_problem(entry.name, names)
        if problem is not None:
            diagnostics.error(Position(shown), *problem)
            continue
        stem = entry.name[: -len(SEED_SUFFIX)]
        try:
            raw = read_source(path, within, SEED_BYTES)
        except FileError as exc:
            diagnostics.error(Position(shown), exc.message, exc.hint)
            seeds[stem] = (path, None)
            continue
        last = kept.seeds.get(entry.name) if kept is not None else None
        if last is not None and last[0] == raw:
            text, found = last[1], last[2]
        else:
            reading = Diagnostics()
            text, found = _seed_text(shown, raw, reading), tuple(reading.items)
        diagnostics.items.extend(found)
        seeds[stem] = (path, text)
        known[entry.name] = (raw, text, found)
    if kept is not None:
        kept.seeds = known
    return seeds


def _seed_text(shown: str, raw: bytes, diagnostics: Diagnostics) -> str | None:
    """The text of a seed, or None when it is not UTF-8, empty or has control characters (reported)."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        diagnostics.error(
            Position(shown, line, column),
            f"article is not UTF-8 (byte 0x{raw[exc.start]:02x})",
            "convert it, e.g. iconv -f latin1 -t utf-8; the source text is otherwise kept as received",
        )
        return None
    if not text.strip():
        diagnostics.error(Position(shown), "article is empty")
        return None
    # One line ending, as a browser reads a text file: a line is a paragraph,
    # and a CR left at its end would reach the page.
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    control = _CONTROL.search(text)
    if control is not None:
        more = sum(text.count(char) for char in _CONTROL_CHARS) - 1
        code = ord(control.group())
        diagnostics.error(
            Position(shown, *line_column(text, control.start())),
            f"control character U+{code:04X} ({_C0_NAMES[code]}) in the article" + (f", and {more} more" if more else ""),
            "delete it: an article is plain text, where tab, line break and form feed are the only control characters",
        )
        return None  # like a seed that is not UTF-8: binary, not worth anchoring quotes in
    long_line = _first_long_line(text)
    if long_line is not None:
        line, length = long_line
        diagnostics.error(
            Position(shown, line), f"line {line} has {length:,} characters, more than the limit of {SEED_LINE_CHARS:,}",
            "each line of an article is a paragraph: break the text into paragraphs at sentence ends",
        )
        return None
    return text


def _first_long_line(text: str) -> tuple[int, int] | None:
    """(line number, length) of the first line over SEED_LINE_CHARS, found without splitting the text."""
    if len(text) <= SEED_LINE_CHARS:
        return None
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if end - start > SEED_LINE_CHARS:
            return text.count("\n", 0, start) + 1, end - start
        start = end + 1
    return None


def seed_name_problem(name: str, siblings: set[str]) -> tuple[str, str] | None:
    """Why the file ``name`` in seeds/ is not an article (message, hint), or None.

    The name without .txt becomes the article's id, its file names and its
    URL, so it keeps to characters that need no escaping anywhere.
    """
    stem, suffix = os.path.splitext(name)
    slug = _slug(stem)
    if suffix.lower() == SEED_SUFFIX and suffix != SEED_SUFFIX:
        return f"seeds end in '{SEED_SUFFIX}', not '{suffix}'", f"rename it to {slug}{SEED_SUFFIX}"
    if suffix != SEED_SUFFIX:
        if stem + SEED_SUFFIX in siblings:
            return (f"only {SEED_SUFFIX} files are articles, and seeds/{stem}{SEED_SUFFIX} is this one",
                    f"remove {name} from seeds/")
        return (f"only {SEED_SUFFIX} files are articles: {name} would not be published",
                (f"save the article as plain UTF-8 text named {slug}{SEED_SUFFIX} (Markdown or HTML in it is shown "
                 "as text), or move the file out of seeds/"))
    if not SEED_STEM.fullmatch(stem):
        return (("the file name becomes the article's id and web address: only lowercase letters a-z, digits, "
                 "'-' and '_' (no spaces, capitals, umlauts, '#', '?' or '%')"),
                f"rename it to {slug}{SEED_SUFFIX} (and its annotation file to content/articles/{slug}.yml)")
    problem = id_problem(stem)
    if problem is not None:
        return f"the file name is the article's id: {problem[0]}", f"rename it, e.g. to {slug}{SEED_SUFFIX}"
    return None


def _slug(stem: str) -> str:
    """A seed name close to ``stem`` that keeps the rules, for hints."""
    ascii_text = unicodedata.normalize("NFKD", stem.translate(_TRANSLITERATE)).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9_-]+", "-", ascii_text.lower()).strip("-_")[:ID_CHARS - 8].strip("-_")
    return slug if slug and slug not in RESERVED_IDS else f"artikel-{slug}".rstrip("-")


def _selector(doc: YamlDocument, at: JsonPath, item: dict[str, Any]) -> Selector:
    return Selector(item["quote"], item.get("prefix", ""), item.get("suffix", ""), doc.at(at + ("quote",)))


def _article(
    project: Project,
    path: Path,
    doc: YamlDocument,
    seeds: dict[str, tuple[Path, str | None]],
    diagnostics: Diagnostics,
) -> Article | None:
    data = doc.data
    seed_stem = Path(data["seed"]).stem
    if seed_stem != path.stem:
        message = f"annotation file {path.name} names seed '{data['seed']}'"
        own = seeds.get(path.stem)
        if own is not None:
            hint = f"the seed of {path.name} is seeds/{own[0].name}: write 'seed: {own[0].name}'"
        elif seed_stem in seeds and (path.parent / f"{seed_stem}.yml").exists():
            hint = f"seeds/{data['seed']} is annotated in {seed_stem}.yml; {path.name} has no seed seeds/{path.stem}.txt"
        elif seed_stem in seeds:
            hint = f"the annotation file of seeds/{data['seed']} must be called {seed_stem}.yml"
        else:
            hint = "an annotation file is named after its seed: seeds/X.txt is annotated in content/articles/X.yml"
        if seed_stem not in seeds:
            message += ", which does not exist"
        diagnostics.error(doc.at(("seed",)), message, hint)
        return None
    if seed_stem not in seeds or Path(data["seed"]).suffix != SEED_SUFFIX or seeds[seed_stem][0].name != data["seed"]:
        diagnostics.error(
            doc.at(("seed",)),
            f"seeds/{data['seed']} does not exist",
            did_you_mean(data["seed"], [p.name for p, _ in seeds.values()]) or "add the article to seeds/ or delete this file",
        )
        return None
    text = seeds[seed_stem][1]
    if text is None:
        return None
    published = None
    if "published" in data:
        try:
            published = PartialDate.parse(data["published"])
        except ValueError as exc:
            diagnostics.error(doc.at(("published",)), f"published: {exc}")
        if "published_basis" not in data:
            diagnostics.error(doc.at(("published",)), "published needs published_basis", "say how the date was found or inferred")
    seen: dict[str, int] = {}
    claims = []
    for i, item in enumerate(data.get("claims", [])):
        at = ("claims", i)
        if item["id"] in seen:
            first = doc.at(("claims", seen[item["id"]], "id")).resolve()
            diagnostics.error(
                doc.at(at + ("id",)), f"claim id '{item['id']}' is used twice (first at line {first.line})",
                "give each claim of the article its own id",
            )
            continue
        seen[item["id"]] = i
        claims.append(
            Claim(
                id=item["id"],
                article=path.stem,
                selector=_selector(doc, at, item),
                proposition=item["proposition"],
                scope=item["scope"],
                value=item.get("value"),
                attributed_to=item["attributed_to"],
                via=tuple(item.get("via", [])),
                stance=item["stance"],
                note=item.get("note", ""),
                position=doc.at(at),
                value_basis=item.get("value_basis", ""),
                attribution=item.get("attribution", "stated"),
                rhetorical=item.get("rhetorical", ""),
            )
        )
    return Article(
        id=path.stem,
        seed=data["seed"],
        text=text,
        annotation_path=doc.path,
        title=data["title"],
        language=data["language"],
        outlet=data.get("outlet", ""),
        source_url=data.get("source_url", ""),
        licence=data.get("licence", ""),
        published=published,
        published_basis=data.get("published_basis", ""),
        hides=tuple(Hide(_selector(doc, ("hide", i), h), h["reason"]) for i, h in enumerate(data.get("hide", []))),
        notes=tuple(
            Note(_selector(doc, ("notes", i), n), n["kind"], n["note"], n.get("correction", ""))
            for i, n in enumerate(data.get("notes", []))
        ),
        claims=tuple(claims),
        unlinks=tuple(Unlink(_selector(doc, ("unlink", i), u), u["entity"]) for i, u in enumerate(data.get("unlink", []))),
    )


def _names_page(doc: YamlDocument, i: int, page_id: str, diagnostics: Diagnostics) -> bool:
    """Entities and propositions have a page named by their id: it must be able to."""
    problem = id_problem(page_id)
    if problem is not None:
        diagnostics.error(doc.at((i, "id")), *problem)
    return problem is None


def _add_proposition(corpus: Corpus, doc: YamlDocument, i: int, item: dict[str, Any], diagnostics: Diagnostics) -> None:
    if not _names_page(doc, i, item["id"], diagnostics):
        return
    if item["id"] in corpus.propositions:
        first = corpus.propositions[item["id"]].position
        diagnostics.error(doc.at((i, "id")), f"proposition id '{item['id']}' is defined twice (first at {first})",
                          "merge the two entries, or give this one another id; claims use the first")
        return
    resolution = item.get("resolution", {})
    tolerance = float(item.get("tolerance", 0))
    if math.isnan(tolerance):  # passes the schema's 0..1: NaN compares false with everything
        diagnostics.error(doc.at((i, "tolerance")), "tolerance: .nan is not a number", "write a fraction from 0 to 1, e.g. 0.1 for 10 %")
    corpus.propositions[item["id"]] = Proposition(
        id=item["id"],
        question=item["question"],
        type=item["type"],
        unit=item.get("unit", ""),
        tolerance=0.0 if math.isnan(tolerance) else tolerance,
        scopes=dict(item["scopes"]),
        choices=tuple(item.get("choices", ())),
        status=resolution.get("status", ""),
        resolution=resolution.get("note", ""),
        holds=resolution.get("holds"),
        position=doc.at((i,)),
        assessed=tuple(resolution["assessed"]) if "assessed" in resolution else None,
    )


def _add_entity(corpus: Corpus, doc: YamlDocument, kind: EntityKindKey, i: int, item: dict[str, Any], diagnostics: Diagnostics) -> None:
    if not _names_page(doc, i, item["id"], diagnostics):
        return
    if item["id"] in corpus.entities:
        first = corpus.entities[item["id"]].position
        diagnostics.error(doc.at((i, "id")), f"entity id '{item['id']}' is defined twice (first at {first})",
                          "merge the two entries (aliases together), or give this one another id; mentions use the first")
        return
    aliases = tuple(
        Alias(a) if isinstance(a, str) else _alias(a, doc.at((i, "aliases", j)), diagnostics)
        for j, a in enumerate(item.get("aliases", []))
    )
    corpus.entities[item["id"]] = Entity(
        id=item["id"],
        type=kind,
        name=item["name"],
        description=item.get("description", ""),
        aliases=aliases,
        related=tuple(item.get("related", ())),
        part_of=item.get("part_of", ""),
        wikidata=item.get("wikidata", ""),
        position=doc.at((i,)),
        unnamed=item.get("unnamed", False),
        date=_event_date(doc, i, item, diagnostics),
        place=item.get("place", ""),
    )


def _event_date(doc: YamlDocument, i: int, item: dict[str, Any], diagnostics: Diagnostics) -> DateSpan | None:
    """An event's date, read like a date claim's value; a bad one reported where it is written."""
    if "date" not in item:
        return None
    try:
        return date_span(item["date"])
    except ValueError as exc:
        diagnostics.error(doc.at((i, "date")), f"date: {exc}",
                          "write \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\" in quotes, or a span {from: \"2024-10-08\", to: \"2024-10-13\"}")
        return None


def _alias(item: dict[str, Any], where: Where, diagnostics: Diagnostics) -> Alias:
    """An alias entry; a role's dates are read here, and a bad one reported where it is written."""
    dates: dict[str, PartialDate | None] = {}
    for key in ("from", "to"):
        dates[key] = None
        if key in item:
            try:
                dates[key] = PartialDate.parse(item[key])
            except ValueError as error:
                diagnostics.error(where / key, f"role date '{item[key]}': {error}", "write YYYY, YYYY-MM or YYYY-MM-DD")
    start, end = dates["from"], dates["to"]
    if start is not None and end is not None and (start.year, start.month or 1, start.day or 1) > (end.year, end.month or 12, end.day or 31):
        diagnostics.error(where / "to", f"the role ends ({end.iso()}) before it begins ({start.iso()})", "swap from and to")
    return Alias(item["form"], item.get("erroneous", False), item.get("note", ""), item.get("role", False), start, end,
                 item.get("case_sensitive"), item.get("kept", ""))


def _unknown(diagnostics: Diagnostics, position: Location, what: str, name: str, known: list[str]) -> None:
    diagnostics.error(position, f"unknown {what} '{name}'", did_you_mean(name, known) or "define it first, or check the spelling")


def _check_entities(corpus: Corpus, incomplete: bool, diagnostics: Diagnostics) -> None:
    forms: dict[str, str] = {}
    for entity in corpus.entities.values():
        check_forms(entity, diagnostics)
        for other in entity.related:
            if other not in corpus.entities and not incomplete:
                diagnostics.error(entity.position, f"unknown related entity '{other}'", _entity_hint(other, corpus))
        if entity.place:
            _check_place(corpus, entity, incomplete, diagnostics)
        if entity.part_of:
            parent = corpus.entities.get(entity.part_of)
            if parent is None and incomplete:
                pass
            elif parent is None:
                diagnostics.error(entity.position, f"unknown part_of place '{entity.part_of}'",
                                  entity_hint(entity.part_of, corpus.entities.values(), "places") or "add it to content/entities/places.yml")
            elif parent.type != "places" or entity.type != "places":
                diagnostics.error(entity.position, f"part_of links places only ('{entity.id}' -> '{entity.part_of}')")
        # a role may name several people, each for a time
        for form in {straighten(entity.name).casefold()} | {straighten(a.form).casefold() for a in entity.aliases if not a.role}:
            owner = forms.setdefault(form, entity.id)
            if owner != entity.id:
                diagnostics.error(
                    entity.position,
                    f"the form '{form}' names both '{owner}' and '{entity.id}'",
                    "an alias must name one entity; drop it from one of them",
                )
    for entity in corpus.entities.values():
        seen = {entity.id}
        up = entity.part_of
        while up in corpus.entities:
            if up in seen:
                diagnostics.error(entity.position, f"part_of forms a cycle through '{up}'")
                break
            seen.add(up)
            up = corpus.entities[up].part_of


def _check_place(corpus: Corpus, entity: Entity, incomplete: bool, diagnostics: Diagnostics) -> None:
    """An event's place names a places entity (like a place claim's value)."""
    where = entity.position / "place" if isinstance(entity.position, Where) else entity.position
    place = corpus.entities.get(entity.place)
    if place is None and not incomplete:
        diagnostics.error(where, f"unknown place '{entity.place}'",
                          entity_hint(entity.place, corpus.entities.values(), "places") or "add it to content/entities/places.yml")
    elif place is not None and place.type != "places":
        diagnostics.error(where, f"'{entity.place}' is not a place (it is in {place.type}.yml)",
                          entity_hint(entity.place, corpus.entities.values(), "places") or "write the id of a place from content/entities/places.yml")


def _entity_hint(name: str, corpus: Corpus) -> str:
    """Ids are easy to misremember; names and aliases are what people know."""
    return entity_hint(name, corpus.entities.values()) or "add it to a file in content/entities/, or check the spelling"


def _check_claims(corpus: Corpus, article: Article, broken: set[str], diagnostics: Diagnostics) -> None:
    for claim in article.claims:
        proposition = corpus.propositions.get(claim.proposition)
        if proposition is None and "propositions" in broken:
            pass
        elif proposition is None:
            _unknown(diagnostics, claim.at("proposition"), "proposition", claim.proposition, sorted(corpus.propositions))
        elif claim.scope not in proposition.scopes:
            diagnostics.error(
                claim.at("scope"),
                f"unknown scope '{claim.scope}' of proposition '{proposition.id}'",
                did_you_mean(claim.scope, proposition.scopes) or "scopes: " + ", ".join(proposition.scopes),
            )
        for field_name, names in (("attributed_to", [claim.attributed_to]), ("via", claim.via)):
            for name in names:
                if name not in corpus.entities and "entities" not in broken:
                    diagnostics.error(claim.at(field_name), f"unknown entity '{name}'", _entity_hint(name, corpus))
        if proposition is not None and not (proposition.type == "place" and "entities" in broken):
            problem = check_value(proposition, claim.value, corpus.entities)
            if problem:
                diagnostics.error(claim.at("value"), f"claim '{claim.id}': {problem[0]}", problem[1])
        if claim.attribution == "inferred" and not claim.note:
            diagnostics.error(claim.at("attribution"), f"claim '{claim.id}': an inferred attribution needs a note",
                              "add note: saying where the source comes from, since the article's sentence does not name it")
