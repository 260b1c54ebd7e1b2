"""The ``dossier`` command: check annotations, build the site.

Every error of a run is printed at once as ``path:line:column: message``;
any error means a non-zero exit and an untouched site.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

from . import locales
from .diagnostics import Diagnostics, DossierError, Position
from .files import FileError, describe, read_source, real_folder
from .init import LANGUAGES
from .layout import Project
from .limits import SEED_BYTES, YAML_BYTES
from .load import SEED_SUFFIX, load, seed_name_problem
from .pipeline import check, generate
from .recall import mention_report
from .workspace import DEFAULT_OUTPUT, BuildLock, output_folder
from .yamlfile import syntax_error

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


class _TolerantLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]  # libyaml when there
    """mkdocs.yml uses tags such as !ENV that only MkDocs understands."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def site_config(config_file: Path, shown: str = "") -> dict[str, Any]:
    """The settings of mkdocs.yml; a broken file raises DossierError with
    path:line:column and a hint, as a content file would."""
    shown = shown or config_file.name
    diagnostics = Diagnostics()
    config = None
    try:
        raw = read_source(config_file, os.path.realpath(config_file.parent), YAML_BYTES)
    except FileError as exc:
        diagnostics.error(Position(shown), exc.message, exc.hint)
    else:
        try:
            text = raw.decode("utf-8")
            config = yaml.load(text, Loader=_TolerantLoader)
        except UnicodeDecodeError as exc:
            diagnostics.error(Position(shown, raw[: exc.start].count(b"\n") + 1),
                              f"file is not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start})",
                              "Save the file as UTF-8 in your editor.")
        except yaml.MarkedYAMLError as exc:
            syntax_error(text, shown, exc, diagnostics)
        except RecursionError:  # PyYAML builds nested values recursively
            diagnostics.error(Position(shown), "values are nested too deeply", "check that every [ and { is closed")
        except yaml.YAMLError as exc:
            diagnostics.error(Position(shown), f"YAML error: {exc}")
    if not diagnostics.errors and not isinstance(config, (dict, type(None))):
        diagnostics.error(Position(shown), "the site configuration must be settings (key: value lines)",
                          "start from the mkdocs.yml of the Dossier repository")
    if not diagnostics.errors and isinstance(config, dict):
        try:
            locales.module(site_language(config))
        except locales.LocaleError as exc:
            diagnostics.error(Position(shown), str(exc), "the site's words are in dossier/locales/<language>.py; CONTRIBUTING.md says how to add one")
    if diagnostics.errors:
        raise DossierError(diagnostics)
    return config or {}


def site_language(config: dict[str, Any]) -> str:
    """theme.language of mkdocs.yml: the language of the site's words, numbers and dates."""
    theme = config.get("theme")
    language = theme.get("language") if isinstance(theme, dict) else None
    return str(language) if language else locales.DEFAULT


def _print(diagnostics: Diagnostics, strict: bool, outcome: str = "") -> None:
    """Every diagnostic, then the counts; ``outcome`` says what failing meant."""
    for d in diagnostics.sorted():
        print(d, file=sys.stderr)
    errors, warnings = len(diagnostics.errors), len(diagnostics.warnings)
    if errors or warnings:
        line = f"{errors} error(s), {warnings} warning(s)"
        if outcome and (errors or (strict and warnings)):
            line += f" — {outcome}" + ("" if errors else " (--strict counts warnings as errors)")
        print(line, file=sys.stderr)


def cmd_check(args: argparse.Namespace) -> int:
    checked = check(Project(args.root))
    _print(checked.diagnostics, args.strict, "check failed")
    failed = bool(checked.diagnostics.errors) or (args.strict and bool(checked.diagnostics.warnings))
    if not failed:
        corpus = checked.corpus
        if args.report == "mentions":
            print(mention_report(corpus, checked.linked), end="")
        claims = sum(len(a.claims) for a in corpus.articles)
        print(f"ok: {len(corpus.articles)} articles, {claims} claims, {len(corpus.entities)} entities, "
              f"{len(corpus.propositions)} propositions, {len(checked.analysis.contradictions)} contradictions"
              + (f"; {len(checked.diagnostics.warnings)} warning(s) above" if checked.diagnostics.warnings else ""))
    return 1 if failed else 0


def cmd_build(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    root: Path = args.root
    config_file = root / args.config
    if not config_file.is_file():
        print(f"{args.config}: error: the site configuration is missing (run from the project folder or pass --root)", file=sys.stderr)
        return 1
    try:
        config = site_config(config_file, args.config)
    except DossierError as exc:
        _print(exc.diagnostics, False)
        print(f"build failed: {args.config} has errors; build/ was left as it was", file=sys.stderr)
        return 1
    site = root / "build" / "site"
    try:
        output = output_folder(root, _output_setting(config), args.config, site)
        with BuildLock(root, lambda message: print(message, file=sys.stderr)):
            return _build(args, config_file, config, output, site, started)
    except (FileError, OSError) as exc:
        # The disk (full, read-only) or a file in the way: say which, not a traceback.
        print(f"{describe(exc, root)}\nbuild failed; build/site was left as it was", file=sys.stderr)
        return 1


def _build(args: argparse.Namespace, config_file: Path, config: dict[str, Any], output: Path, site: Path, started: float) -> int:
    from .publish import PublishError, publish

    try:
        # Without MkDocs (--no-site), nothing else would check the links.
        checked, report = generate(Project(args.root), output, str(config.get("site_name", "Dossier")), check_links=args.no_site,
                                  language=site_language(config))
    except DossierError as exc:
        _print(exc.diagnostics, args.strict)
        print("build failed: the annotations have errors; build/ was left as it was", file=sys.stderr)
        return 1
    _print(checked.diagnostics, args.strict, "build/docs was written, build/site was left as it was")
    if args.strict and checked.diagnostics.warnings:
        return 1
    if not args.no_site:
        try:
            publish(config_file, site, fast_path=not args.no_fast_path)
        except PublishError as exc:
            print(f"build failed: MkDocs: {exc}; build/site was left as it was", file=sys.stderr)
            return 1
        except OSError as exc:
            if exc.filename is None:  # MkDocs writes through file objects, whose errors name no file
                exc.filename = str(site)
            raise
    elapsed = time.perf_counter() - started
    warnings = len(checked.diagnostics.warnings)
    print(f"dossier: {len(report.written)} files written, {report.unchanged} unchanged, "
          f"{len(report.removed)} removed, 0 errors, {warnings} warning{'' if warnings == 1 else 's'}, {elapsed:.1f} s"
          + ("" if args.no_site else " — site in build/site/"))
    return 0


def _output_setting(config: dict[str, Any]) -> str:
    """The dossier plugin's ``output`` in mkdocs.yml, where MkDocs will look for the tree."""
    plugins = config.get("plugins") or []
    entries = plugins.items() if isinstance(plugins, dict) else (
        next(iter(entry.items())) if isinstance(entry, dict) and entry else (entry, None) for entry in plugins
    )
    for name, options in entries:
        if name == "dossier" and isinstance(options, dict) and "output" in options:
            return str(options["output"])
    return DEFAULT_OUTPUT


def _find_seed(root: Path, given: str) -> Path | None:
    """Accept seeds/<file>, content/articles/<stem>.yml or a bare stem; report a miss."""
    path = Path(given)
    candidates = [root / path, root / "seeds" / path.name]
    if path.suffix == ".yml" or not path.suffix:
        candidates.append(root / "seeds" / f"{path.stem}{SEED_SUFFIX}")
    # Whatever is there (a FIFO, a link): reading it says what is wrong with it.
    seed = next((c for c in candidates if os.path.lexists(c) and c.parent.resolve() == (root / "seeds").resolve()), None)
    if seed is None:
        print(f"{given}: error: no such article in seeds/", file=sys.stderr)
    return seed


def cmd_new(args: argparse.Namespace) -> int:
    """Write the annotation file of a new article, pre-filled with what can be detected."""
    from .languages import DEFAULT, detect, rules, supported
    from .suggest import scaffold
    from .textindex import normalise

    root: Path = args.root
    seed = _find_seed(root, args.article)
    if seed is None:
        return 1
    shown = seed.relative_to(root)
    problem = seed_name_problem(seed.name, {p.name for p in seed.parent.iterdir()})
    if problem is not None:
        print(f"{shown}: error: {problem[0]}\n    {problem[1]}", file=sys.stderr)
        return 1
    target = root / "content" / "articles" / f"{seed.stem}.yml"
    if target.exists() or target.is_symlink():
        print(f"{target.relative_to(root)}: error: already exists; not overwritten", file=sys.stderr)
        print(f"    see what is not annotated yet: dossier suggest {shown}", file=sys.stderr)
        return 1
    try:
        text = read_source(seed, real_folder(root, "seeds"), SEED_BYTES).decode("utf-8")
    except FileError as exc:
        print(f"{shown}: error: {exc.message}" + (f"\n    {exc.hint}" if exc.hint else ""), file=sys.stderr)
        return 1
    except UnicodeDecodeError as exc:
        print(f"{shown}: error: not UTF-8 (offset {exc.start}); convert it first", file=sys.stderr)
        return 1
    corpus = load(Project(root), Diagnostics())  # other files' errors do not matter here
    target.parent.mkdir(parents=True, exist_ok=True)
    language, counts = detect(text)
    made = scaffold(seed.name, text, corpus.entities.values(), corpus.propositions.values(), language or DEFAULT)
    with target.open("x", encoding="utf-8") as handle:  # "x": never through a link planted in its place
        handle.write(made.text)
    found = made.suggestions
    count = Counter(s.kind for s in found)
    known = {s.detail for s in found if s.kind == "entity"}
    unknown = {normalise(s.surface) for s in found if s.kind == "candidate"}
    print(
        f"created {target.relative_to(root)}: {_count(count['figure'], 'figure')} and {_count(count['date'], 'date')} "
        f"suggested as claims (commented out); names listed: {len(known)} from content/entities/, {len(unknown)} not in it"
    )
    evidence = ", ".join(f"{n} common {rules(code).name} words" for code, n in counts.items())  # type: ignore[union-attr]
    if language:
        print(f"    language: {language} (detected from {evidence})")
    else:
        print(f"    language: not detected ({evidence}); wrote {DEFAULT}: correct it in the file "
              f"(rules for figures and dates exist for: {', '.join(supported())})")
    print("    fill in title, date and claims, then run: dossier check")
    return 0


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def cmd_suggest(args: argparse.Namespace) -> int:
    """What an annotated article still lacks, and how much of it claims cover."""
    from .suggest import format_suggestions, left_to_do

    root: Path = args.root
    seed = _find_seed(root, args.article)
    if seed is None:
        return 1
    diagnostics = Diagnostics()
    corpus = load(Project(root), diagnostics)
    article = next((a for a in corpus.articles if a.id == seed.stem), None)
    if article is None:
        _print(diagnostics, False)
        print(f"{seed.relative_to(root)}: no usable annotation file; start one with: dossier new {seed.relative_to(root)}", file=sys.stderr)
        return 1
    print(format_suggestions(*left_to_do(corpus, article)))
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    """Record that a contradiction's note was re-read against the claims as they are now."""
    from .diagnostics import did_you_mean, printable
    from .review import ASSESSED, ReviewError, block, pending, record, update

    project = Project(args.root)
    checked = check(project)
    if checked.diagnostics.errors:
        _print(checked.diagnostics, False, "fix these first: a review records the claims as they load")
        return 1
    proposition = checked.corpus.propositions.get(args.proposition)
    shown = project.shown(project.propositions)
    if proposition is None:
        hint = did_you_mean(args.proposition, sorted(checked.corpus.propositions)) or "the ids are in " + shown
        print(f"{shown}: error: unknown proposition '{printable(args.proposition)}'\n    {hint}", file=sys.stderr)
        return 1
    report = checked.analysis.reports.get(proposition.id)
    if proposition.status not in ASSESSED or report is None:
        print(f"{proposition.position}: error: '{proposition.id}' has no explanation or resolution to record claims for\n"
              f"    write its resolution (status: {' or '.join(ASSESSED)}, note: ...) once claims disagree", file=sys.stderr)
        return 1
    found = pending(report)
    marks = {key: "new" for key in (found.added if found else ())} | {key: "changed" for key in (found.changed if found else ())}
    for group in report.groups:
        for ref in group.claims:
            key = f"{ref.article.id}/{ref.claim.id}"
            print(f"{marks.get(key, 'seen'):>7} {key} ({group.scope}): {printable(ref.value.text)} — „{printable(ref.claim.selector.quote[:120])}“")
    for key in found.removed if found else ():
        print(f"   gone {key}")
    if args.print:
        print(f"paste under resolution: of '{proposition.id}' in {shown}:")
        print("\n".join(block(record(report), 4)))
        return 0
    try:
        entries, _ = update(project.propositions, report)
    except ReviewError as exc:
        print(f"error: {exc}\n    paste instead, under resolution: of '{proposition.id}':", file=sys.stderr)
        print("\n".join(exc.lines), file=sys.stderr)
        return 1
    print(f"{shown}: '{proposition.id}' now records {_count(len(entries), 'claim')} as assessed"
          + ("" if found else " (nothing had changed)"))
    return 0


def cmd_init(args: argparse.Namespace) -> int:
    """Start a new dossier in a new (or empty) folder."""
    from .init import InitError, init

    folder: Path = args.directory
    try:
        made = init(folder, title=args.title, description=args.description, language=args.language,
                    site_url=args.site_url, requirement=args.requirement)
    except InitError as exc:
        print(f"{folder}: error: {exc.message}" + (f"\n    {exc.hint}" if exc.hint else ""), file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"{describe(exc, Path.cwd())}\ndossier init failed; what it had written was removed", file=sys.stderr)
        return 1
    print(f"created {folder}/ with {len(made.files)} files: mkdocs.yml, README.md, Makefile, requirements.txt, "
          "content/, seeds/, .github/workflows/pages.yml")
    if not made.reachable:
        print(f"    note: requirements.txt installs Dossier from this machine ({made.requirement}); before you\n"
              "    deploy, write there where GitHub can install it from, e.g. dossier @ git+https://github.com/<owner>/<repo>")
    print(f"    next: cd {folder}, then: dossier build (or make site); its README.md says how to add an article")
    return 0


def _not_dirty_warning(record: logging.LogRecord) -> bool:
    return not record.getMessage().startswith("A 'dirty' build is being performed")


def cmd_serve(args: argparse.Namespace) -> int:
    """Live preview: MkDocs' server with the dossier plugin (``dossier/serve.py``).

    Each change regenerates; a broken file is reported and the server keeps
    serving the last good site. By default only the pages the generation
    step rewrote are rendered again, with the file list and navigation of
    the last build (a page added or removed, or a change to mkdocs.yml: a
    MkDocs build in its "dirty" mode), and the search index of the whole
    site follows after the page is served; --full rebuilds every page.
    """
    from .serve import serve

    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s")
    # The navigation is fixed in mkdocs.yml and every changed page is rebuilt,
    # so MkDocs' warning on each dirty rebuild would only be noise.
    logging.getLogger("mkdocs.commands.build").addFilter(_not_dirty_warning)
    config_file = (args.root / args.config).resolve()
    try:
        serve(str(config_file), args.dev_addr, full=args.full)
    except DossierError as exc:
        _print(exc.diagnostics, False)
        return 1
    except Exception as exc:  # MkDocs reports its own errors; keep the message, drop the trace
        print(f"serve failed: {exc}", file=sys.stderr)
        return 1
    return 0


def parser() -> argparse.ArgumentParser:
    main_parser = argparse.ArgumentParser(prog="dossier", description=__doc__.splitlines()[0].replace("``", ""))
    main_parser.add_argument("--root", type=Path, default=Path("."), help="project folder (default: .)")
    commands = main_parser.add_subparsers(dest="command", required=True)

    p = commands.add_parser("check", help="validate seeds/ and content/ without building")
    p.add_argument("--strict", action="store_true", help="fail on warnings too")
    p.add_argument("--report", choices=["mentions"], help="also print, per entity, the forms linked and the candidates "
                   "left unlinked (words next to a name, words containing one) to judge recall")
    p.set_defaults(run=cmd_check)

    p = commands.add_parser("build", help="check, write Markdown to build/docs and the site to build/site")
    p.add_argument("--config", default="mkdocs.yml", help="MkDocs configuration (default: mkdocs.yml)")
    p.add_argument("--strict", action="store_true", help="fail on warnings too")
    p.add_argument("--no-site", action="store_true", help="write the Markdown only, skip MkDocs")
    p.add_argument("--no-fast-path", action="store_true",
                   help="render every page with Python-Markdown, as any MkDocs engine would (slower; for comparison)")
    p.set_defaults(run=cmd_build)

    p = commands.add_parser("new", help="create the annotation file of a new article in seeds/")
    p.add_argument("article", help="the article, e.g. seeds/005_neu.txt")
    p.set_defaults(run=cmd_new)

    p = commands.add_parser("suggest", help="list figures, dates and names not yet annotated, and the coverage")
    p.add_argument("article", help="the article, e.g. seeds/001_x.txt or content/articles/001_x.yml")
    p.set_defaults(run=cmd_suggest)

    p = commands.add_parser("review", help="record that a contradiction's explanation was checked against its claims as they are now")
    p.add_argument("proposition", help="the proposition's id, as dossier check names it")
    p.add_argument("--print", action="store_true", help="print the lines to paste instead of writing content/propositions.yml")
    p.set_defaults(run=cmd_review)

    p = commands.add_parser("init", help="start a new dossier: site configuration, empty content/ and seeds/, deploy workflow")
    p.add_argument("directory", type=Path, help="the new dossier's folder (created; an existing one must be empty)")
    p.add_argument("--title", default="", help="the site's title (default: the folder's name)")
    p.add_argument("--description", default="", help="one sentence on what the dossier covers (default: none)")
    p.add_argument("--language", choices=LANGUAGES, default="de",
                   help="language of the theme and of search (default: de; Dossier's own pages are German)")
    p.add_argument("--site-url", default="", help="where the site will be served (default: http://127.0.0.1:8000/<folder>/; "
                   "the Pages workflow sets it on GitHub)")
    p.add_argument("--requirement", default="", help="how the dossier installs Dossier, as a pip requirement "
                   "(default: the way this Dossier was installed)")
    p.set_defaults(run=cmd_init)

    p = commands.add_parser("serve", help="live preview that rebuilds when content/ or seeds/ change")
    p.add_argument("--config", default="mkdocs.yml", help="MkDocs configuration (default: mkdocs.yml)")
    p.add_argument("--dev-addr", default="127.0.0.1:8000", help="address to serve on (default: 127.0.0.1:8000)")
    p.add_argument("--full", action="store_true", help="re-render every page on each change (complete search index)")
    p.set_defaults(run=cmd_serve)
    return main_parser


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    code: int = args.run(args)
    return code


if __name__ == "__main__":
    sys.exit(main())
