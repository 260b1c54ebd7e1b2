"""The ``dossier`` command: check annotations, build the site.

Every error of a run is printed at once as ``path:line:column: message``;
any error means a non-zero exit and an untouched site.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from .diagnostics import Diagnostics, DossierError
from .files import describe
from .init import LANGUAGES
from .layout import Project
from .pipeline import check
from .recall import mention_report, warn_unmatched

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


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


def _error(where: object, message: str, hint: str = "") -> None:
    """One error the way every diagnostic looks: ``where: error: message`` and the hint below it."""
    print(f"{where}: error: {message}" + (f"\n    {hint}" if hint else ""), file=sys.stderr)


def cmd_check(args: argparse.Namespace) -> int:
    checked = check(Project(args.root))
    if not checked.diagnostics.errors:  # with articles missing, an alias may wrongly seem unused
        warn_unmatched(checked.corpus, checked.diagnostics)
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
    from .commands import BuildFailed, CommandError, build

    def checked(diagnostics: Diagnostics) -> None:  # before MkDocs runs, so warnings are seen early
        _print(diagnostics, args.strict, "build/docs was written, build/site was left as it was")

    try:
        built = build(args.root, args.config, strict=args.strict, site=not args.no_site,
                      fast_path=not args.no_fast_path, checked=checked)
    except CommandError as exc:
        _error(exc.where, exc.message, exc.hint)
        return 1
    except BuildFailed as exc:
        if exc.diagnostics is not None:
            _print(exc.diagnostics, args.strict)
        if exc.message:
            print(exc.message, file=sys.stderr)
        return 1
    report, warnings = built.report, built.warnings
    print(f"dossier: {len(report.written)} files written, {report.unchanged} unchanged, "
          f"{len(report.removed)} removed, 0 errors, {warnings} warning{'' if warnings == 1 else 's'}, {built.seconds:.1f} s"
          + ("" if args.no_site else " — site in build/site/"))
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    """Write the annotation file of a new article, pre-filled with what can be detected."""
    from .commands import CommandError, start
    from .languages import DEFAULT, rules, supported

    try:
        made = start(args.root, args.article)
    except CommandError as exc:
        _error(exc.where, exc.message, exc.hint)
        return 1
    print(
        f"created {made.target}: {_count(made.suggested['figure'], 'figure')} and {_count(made.suggested['date'], 'date')} "
        f"suggested as claims (commented out); names listed: {made.known_names} from content/entities/, "
        f"{made.unknown_names} not in it"
    )
    evidence = ", ".join(f"{n} common {rules(code).name} words" for code, n in made.evidence.items())  # type: ignore[union-attr]
    if made.language:
        print(f"    language: {made.language} (detected from {evidence})")
    else:
        print(f"    language: not detected ({evidence}); wrote {DEFAULT}: correct it in the file "
              f"(rules for figures and dates exist for: {', '.join(supported())})")
    print("    fill in title, date and claims, then run: dossier check")
    return 0


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def cmd_suggest(args: argparse.Namespace) -> int:
    """What an annotated article still lacks, and how much of it claims cover."""
    from .commands import CommandError, left

    try:
        print(left(args.root, args.article))
    except CommandError as exc:
        _print(exc.diagnostics, False)
        _error(exc.where, exc.message, exc.hint)
        return 1
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    """Record that a contradiction's note was re-read against the claims as they are now."""
    from .commands import CommandError, review
    from .diagnostics import printable

    try:
        done = review(Project(args.root), args.proposition, write=not args.print)
    except CommandError as exc:
        _print(exc.diagnostics, False, "fix these first: a review records the claims as they load")
        if exc.message:
            _error(exc.where, exc.message, exc.hint)
        return 1
    for mark, key, scope, value, quote in done.claims:
        print(f"{mark:>7} {key} ({scope}): {printable(value)} — „{printable(quote[:120])}“")
    for key in done.gone:
        print(f"   gone {key}")
    pid = done.proposition.id
    if done.failed:
        print(f"error: {done.failed}\n    paste instead, under resolution: of '{pid}':", file=sys.stderr)
        print("\n".join(done.paste), file=sys.stderr)
        return 1
    if not done.written:
        print(f"paste under resolution: of '{pid}' in {done.file}:")
        print("\n".join(done.paste))
        return 0
    print(f"{done.file}: '{pid}' now records {_count(len(done.entries), 'claim')} as assessed"
          + ("" if done.changed else " (nothing had changed)"))
    return 0


def cmd_init(args: argparse.Namespace) -> int:
    """Start a new dossier in a new (or empty) folder."""
    from .init import InitError, init

    folder: Path = args.directory
    try:
        made = init(folder, title=args.title, description=args.description, language=args.language,
                    site_url=args.site_url, requirement=args.requirement)
    except InitError as exc:
        _error(folder, exc.message, exc.hint)
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
