"""Stage 1, load: read seeds/ and content/, validate, collect every error.

Reading is separate from checking references so that one run reports all
problems of all files: a broken file is skipped, the rest still checked.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .dates import PartialDate
from .diagnostics import Diagnostics, Position, did_you_mean, relative
from .files import read_file
from .model import ENTITY_TYPES, Alias, Article, Claim, Corpus, Entity, Hide, Note, Proposition, Selector
from .schema import validate
from .values import check_value
from .yamlfile import YamlDocument, read_yaml

SEED_SUFFIXES = (".txt", ".md")


@dataclass(frozen=True)
class Project:
    """Where a dossier's files are; every path in messages is relative to root."""

    root: Path

    @property
    def seeds(self) -> Path:
        return self.root / "seeds"

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def articles(self) -> Path:
        return self.content / "articles"

    @property
    def entities(self) -> Path:
        return self.content / "entities"

    @property
    def propositions(self) -> Path:
        return self.content / "propositions.yml"

    def shown(self, path: Path) -> str:
        if not path.is_absolute() or self.root.is_absolute():
            try:  # the common case, a path built from root: no file system access
                return path.relative_to(self.root).as_posix()
            except ValueError:
                pass
        return relative(path, self.root)


@dataclass
class Registry:
    """Entities and propositions: what every article's claims refer to."""

    corpus: Corpus  # without articles
    broken: set[str]  # "entities"/"propositions" when a registry file failed to load


def load(project: Project, diagnostics: Diagnostics) -> Corpus:
    """The whole corpus at once, for commands that need it but no build."""
    registry = load_registry(project, diagnostics)
    seeds = read_seeds(project, diagnostics)
    corpus = registry.corpus
    for path in article_files(project, diagnostics):
        article = load_article(project, path, path.read_bytes(), seeds, registry, diagnostics)
        if article:
            corpus.articles.append(article)
    check_annotated(project, seeds, diagnostics)
    corpus.articles.sort(key=lambda a: a.id)
    return corpus


def load_registry(project: Project, diagnostics: Diagnostics) -> Registry:
    corpus = Corpus()
    propositions_doc = _read(project, project.propositions, "propositions", diagnostics)
    entity_docs = {kind: _read(project, project.entities / f"{kind}.yml", "entities", diagnostics) for kind in ENTITY_TYPES}
    if propositions_doc:
        for i, item in enumerate(propositions_doc.data or []):
            _add_proposition(corpus, propositions_doc, i, item, diagnostics)
    for kind, doc in entity_docs.items():
        if doc:
            for i, item in enumerate(doc.data or []):
                _add_entity(corpus, doc, kind, i, item, diagnostics)
    # A registry that failed to load cannot judge references to it; saying
    # "unknown id" for each of them would bury the one real error.
    broken = {"propositions"} if propositions_doc is None else set()
    broken |= {"entities"} if any(doc is None for doc in entity_docs.values()) else set()
    _check_entities(corpus, "entities" in broken, diagnostics)
    return Registry(corpus, broken)


def registry_files(project: Project) -> list[Path]:
    """The files a registry is read from (for telling whether it changed)."""
    return [project.propositions] + [project.entities / f"{kind}.yml" for kind in ENTITY_TYPES]


def article_files(project: Project, diagnostics: Diagnostics) -> list[Path]:
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


def _read(project: Project, path: Path, schema: str, diagnostics: Diagnostics, raw: bytes | None = None) -> YamlDocument | None:
    if raw is None and not path.exists():
        diagnostics.error(Position(project.shown(path)), "file is missing", "create it (an empty list '[]' is fine)")
        return None
    doc = read_yaml(path.read_bytes() if raw is None else raw, project.shown(path), diagnostics)
    if doc is None:
        return None
    if doc.data is None and schema != "article":
        doc.data = []
    return doc if validate(doc, schema, diagnostics) else None


def read_seeds(project: Project, diagnostics: Diagnostics) -> dict[str, tuple[Path, str | None]]:
    """Seeds by stem; the text is None when it could not be read."""
    seeds: dict[str, tuple[Path, str | None]] = {}
    if not project.seeds.is_dir():
        diagnostics.error(Position(project.shown(project.seeds)), "seeds/ folder is missing")
        return seeds
    for path in sorted(p for p in project.seeds.iterdir() if p.suffix in SEED_SUFFIXES):
        shown = project.shown(path)
        raw = read_file(path)
        try:
            text: str | None = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
            diagnostics.error(
                Position(shown, line, column),
                f"article is not UTF-8 (byte 0x{raw[exc.start]:02x})",
                "convert it, e.g. iconv -f latin1 -t utf-8; the source text is otherwise kept as received",
            )
            text = None
        if text is not None and not text.strip():
            diagnostics.error(Position(shown), "article is empty")
            text = None
        if text is not None and text.startswith("\ufeff"):
            text = text[1:]
        seeds[path.stem] = (path, text)
    return seeds


def _selector(doc: YamlDocument, at: tuple, item: dict[str, Any]) -> Selector:
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
    if seed_stem not in seeds or Path(data["seed"]).suffix not in SEED_SUFFIXES or seeds[seed_stem][0].name != data["seed"]:
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
        published=published,
        published_basis=data.get("published_basis", ""),
        hides=tuple(Hide(_selector(doc, ("hide", i), h), h["reason"]) for i, h in enumerate(data.get("hide", []))),
        notes=tuple(
            Note(_selector(doc, ("notes", i), n), n["kind"], n["note"], n.get("correction", ""))
            for i, n in enumerate(data.get("notes", []))
        ),
        claims=tuple(claims),
    )


def _add_proposition(corpus: Corpus, doc: YamlDocument, i: int, item: dict[str, Any], diagnostics: Diagnostics) -> None:
    if item["id"] in corpus.propositions:
        first = corpus.propositions[item["id"]].position
        diagnostics.error(doc.at((i, "id")), f"proposition id '{item['id']}' is defined twice (first at {first})",
                          "merge the two entries, or give this one another id; claims use the first")
        return
    resolution = item.get("resolution", {})
    corpus.propositions[item["id"]] = Proposition(
        id=item["id"],
        question=item["question"],
        type=item["type"],
        unit=item.get("unit", ""),
        tolerance=float(item.get("tolerance", 0)),
        scopes=dict(item["scopes"]),
        choices=tuple(item.get("choices", ())),
        status=resolution.get("status", ""),
        resolution=resolution.get("note", ""),
        position=doc.at((i,)),
    )


def _add_entity(corpus: Corpus, doc: YamlDocument, kind: str, i: int, item: dict[str, Any], diagnostics: Diagnostics) -> None:
    if item["id"] in corpus.entities:
        first = corpus.entities[item["id"]].position
        diagnostics.error(doc.at((i, "id")), f"entity id '{item['id']}' is defined twice (first at {first})",
                          "merge the two entries (aliases together), or give this one another id; mentions use the first")
        return
    aliases = tuple(
        Alias(a) if isinstance(a, str) else Alias(a["form"], a.get("erroneous", False), a.get("note", ""))
        for a in item.get("aliases", [])
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
    )


def _unknown(diagnostics: Diagnostics, position: Position, what: str, name: str, known: list[str]) -> None:
    diagnostics.error(position, f"unknown {what} '{name}'", did_you_mean(name, known) or f"define it first, or check the spelling")


def _check_entities(corpus: Corpus, incomplete: bool, diagnostics: Diagnostics) -> None:
    ids = sorted(corpus.entities)
    forms: dict[str, str] = {}
    for entity in corpus.entities.values():
        for other in entity.related:
            if other not in corpus.entities and not incomplete:
                _unknown(diagnostics, entity.position, "related entity", other, ids)
        if entity.part_of:
            parent = corpus.entities.get(entity.part_of)
            if parent is None and incomplete:
                pass
            elif parent is None:
                _unknown(diagnostics, entity.position, "part_of place", entity.part_of, ids)
            elif parent.type != "places" or entity.type != "places":
                diagnostics.error(entity.position, f"part_of links places only ('{entity.id}' -> '{entity.part_of}')")
        for form in {entity.name.casefold()} | {a.form.casefold() for a in entity.aliases}:
            owner = forms.setdefault(form, entity.id)
            if owner != entity.id:
                diagnostics.error(
                    entity.position,
                    f"the form '{form}' names both '{owner}' and '{entity.id}'",
                    "an alias must name one entity; drop it from one of them",
                )
    for entity in corpus.entities.values():
        seen = {entity.id}
        parent = entity.part_of
        while parent in corpus.entities:
            if parent in seen:
                diagnostics.error(entity.position, f"part_of forms a cycle through '{parent}'")
                break
            seen.add(parent)
            parent = corpus.entities[parent].part_of


def _entity_hint(name: str, corpus: Corpus) -> str:
    """Ids are easy to misremember; names and aliases are what people know."""
    wanted = name.replace("-", " ").casefold()
    for entity in corpus.entities.values():
        if wanted in {entity.name.casefold(), *(a.form.casefold() for a in entity.aliases)}:
            return f"did you mean '{entity.id}' ({entity.name})?"
    return did_you_mean(name, sorted(corpus.entities)) or "add it to a file in content/entities/, or check the spelling"


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
