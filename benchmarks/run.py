"""Benchmark Dossier on synthetic corpora of growing size.

    .venv/bin/python benchmarks/run.py [--sizes 10 100 1000 5000] [--repeat 3] [--json benchmarks/results.json]
    .venv/bin/python benchmarks/run.py --profile 1000      # cProfile of generate(), top dossier/ functions

For each size N a corpus is written into a temporary folder (benchmarks/
synth.py), then every measurement runs in a fresh Python process that prints
one JSON line, so peak memory of one measurement never includes another's:

* check:       dossier.pipeline.check(), median of --repeat runs, per stage;
* generate:    dossier.pipeline.generate() into an empty build/docs, median of
               --repeat runs (each in a fresh process), per stage; peak memory
               of the whole process tree (PSS: shared pages counted once,
               sampled every PSS_INTERVAL), and peak RSS (ru_maxrss) of the
               process and of its largest forked worker;
* memory:      with --tracemalloc only, one generate() under tracemalloc (peak
               of Python allocations; tracemalloc slows generate() ~10x);
* incremental: a full generate, then change one claim's value in one
               annotation file and generate again with the same Build, as
               dossier serve does (median of --repeat edits);
* mkdocs:      dossier.publish.publish() of the generated tree (strict MkDocs
               build with mkdocs-material), median of --repeat runs, each in a
               fresh process (--mkdocs-once-from N: one run from N on);
* mkdocs_plain: the same with the fast path off (every page through
               Python-Markdown, as any MkDocs engine builds build/docs/);
* serve:       dossier serve on the corpus; after its first build, change one
               claim value and time until the server sends the new article page
               (edit to reloaded; median of --repeat edits), with the server's
               CPU time in between.

Before each generate and MkDocs run the output folders are deleted and the
disk is left to settle (sync, then SETTLE_SECONDS): on an ext4 volume
mounted with ``discard``, creating files right after deleting thousands
costs up to ten times more, which would measure the previous run's cleanup.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
# Preferred column order; any other key of Checked.timings gets a column too.
STAGES = ("load", "anchor", "link", "coverage", "articles (wall)", "analyse", "emit", "linkcheck", "write")
#: MkDocs runs once from this N on (--mkdocs-once-from; default: never, every timing is a median)
MKDOCS_SINGLE_RUN_FROM = 10**9
SETTLE_SECONDS = 10.0
PSS_INTERVAL = 0.1  # seconds between memory samples of a measured process tree


# --- workers (run in a fresh process each) ------------------------------------------


def _rss_mb(who: str = "self") -> float:
    """Peak resident set of this process, or of its largest reaped child."""
    import resource

    which = resource.RUSAGE_SELF if who == "self" else resource.RUSAGE_CHILDREN
    return resource.getrusage(which).ru_maxrss / 1024  # KiB on Linux


def _title(root: Path) -> str:
    from dossier.siteconfig import site_config

    return str(site_config(root / "mkdocs.yml").get("site_name", "Dossier"))


def _tree_size(folder: Path, suffix: str = "") -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file() and (not suffix or p.suffix == suffix)]
    return len(files), sum(p.stat().st_size for p in files)


def _generate(root: Path):
    """generate() as ``dossier build`` calls it (links checked by MkDocs), or with
    DOSSIER_BENCH_CHECK_LINKS=1 as ``dossier build --no-site`` does."""
    from dossier.layout import Project
    from dossier.pipeline import generate

    options = {"check_links": True} if os.environ.get("DOSSIER_BENCH_CHECK_LINKS") == "1" else {}
    return generate(Project(root), root / "build" / "docs", _title(root), **options)


def _settle(root: Path, folders: tuple[str, ...]) -> None:
    """Delete outputs and let the disk finish that before anything is timed."""
    for folder in folders:
        shutil.rmtree(root / "build" / folder, ignore_errors=True)
    os.sync()
    time.sleep(SETTLE_SECONDS)


def _cpu_seconds() -> float:
    """CPU time of this process and its finished children (forked workers, Pagefind).

    On a machine shared with other jobs wall time depends on their load; the
    CPU time a build needs hardly does, so ratios are given on both.
    """
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def _fresh_generate(root: Path):
    shutil.rmtree(root / "build" / "docs", ignore_errors=True)
    started = time.perf_counter()
    checked, report = _generate(root)
    return time.perf_counter() - started, checked, report


def worker(kind: str, root: Path, repeat: int) -> dict:
    import gc

    from dossier.layout import Project
    from dossier.pipeline import check

    project = Project(root)
    result: dict = {"kind": kind, "rss_baseline_mb": _rss_mb(), "dossier_sha256": dossier_digest()}
    if kind == "check":
        runs = []
        for _ in range(repeat):
            gc.collect()
            started = time.perf_counter()
            checked = check(project)
            runs.append({"total": time.perf_counter() - started, **checked.timings})
        corpus = checked.corpus
        result.update(
            runs=runs,
            errors=len(checked.diagnostics.errors),
            warnings=len(checked.diagnostics.warnings),
            articles=len(corpus.articles),
            claims=sum(len(a.claims) for a in corpus.articles),
            entities=len(corpus.entities),
            propositions=len(corpus.propositions),
            contradictions=sum(1 for r in checked.analysis.reports.values() for g in r.groups if g.conflict),
        )
    elif kind == "generate":
        runs = []
        for _ in range(repeat):
            gc.collect()
            cpu = _cpu_seconds()
            total, checked, report = _fresh_generate(root)
            runs.append({"total": total, "cpu": _cpu_seconds() - cpu, **checked.timings, "written": len(report.written)})
        out = root / "build" / "docs"
        result.update(runs=runs, rss_peak_mb=_rss_mb(), rss_worker_peak_mb=_rss_mb("children") or None)
        result["pages"], result["docs_md_bytes"] = _tree_size(out, ".md")
        result["docs_files"], result["docs_bytes"] = _tree_size(out)
    elif kind == "memory":
        import tracemalloc

        tracemalloc.start()
        total, _, _ = _fresh_generate(root)
        result.update(traced_peak_mb=tracemalloc.get_traced_memory()[1] / 2**20, seconds_traced=total)
    elif kind == "incremental":
        sys.path.insert(0, str(REPO))
        from benchmarks.synth import set_claim_value
        from dossier.pipeline import Build

        edit = json.loads((root / "planted-edit.json").read_text())
        shutil.rmtree(root / "build" / "docs", ignore_errors=True)
        build = Build(project, root / "build" / "docs", _title(root))
        started = time.perf_counter()
        _, report = build.generate()
        result.update(full_seconds=time.perf_counter() - started, full_written=len(report.written),
                      full_rendered=len(report.rendered), runs=[])
        for i in range(repeat):
            value = edit["new"] if i % 2 == 0 else edit["old"]
            set_claim_value(root, edit["stem"], edit["claim"], value)
            gc.collect()
            started = time.perf_counter()
            checked, report = build.generate()
            result["runs"].append({"total": time.perf_counter() - started, **checked.timings,
                                   "processed": len(checked.processed), "rendered": len(report.rendered),
                                   "written": len(report.written), "files": report.written})
        set_claim_value(root, edit["stem"], edit["claim"], edit["old"])
    elif kind == "serve":
        result.update(runs=_edit_to_reload(root, repeat))
    elif kind in ("mkdocs", "mkdocs_plain"):
        from dossier.publish import publish

        if not (root / "build" / "docs" / "index.md").exists():
            _fresh_generate(root)
            os.sync()
            time.sleep(SETTLE_SECONDS)
        runs = []
        for _ in range(repeat):
            gc.collect()
            cpu = _cpu_seconds()
            started = time.perf_counter()
            publish(root / "mkdocs.yml", root / "build" / "site", fast_path=kind == "mkdocs")
            runs.append({"total": time.perf_counter() - started, "cpu": _cpu_seconds() - cpu})
        site = root / "build" / "site"
        result.update(runs=runs, rss_peak_mb=_rss_mb())
        result["html_pages"], _ = _tree_size(site, ".html")
        result["site_files"], result["site_bytes"] = _tree_size(site)
        index = site / "pagefind"  # Pagefind's chunked index (was the theme's lunr file, search/search_index.json)
        result["search_index_bytes"] = _tree_size(index)[1] if index.exists() else None
    elif kind == "profile":
        import cProfile
        import pstats

        _fresh_generate(root)  # warm caches (templates, regexes) as a real build would have
        shutil.rmtree(root / "build" / "docs")
        profiler = cProfile.Profile()
        profiler.enable()
        total, checked, _ = _fresh_generate(root)
        profiler.disable()
        stats = pstats.Stats(profiler)
        package = str(REPO / "dossier") + os.sep
        rows = []
        for (file, line, name), (_cc, nc, tt, ct, _) in stats.stats.items():
            if file.startswith(package):
                rows.append({"function": f"dossier/{file[len(package):]}:{line}({name})",
                             "ncalls": nc, "tottime": tt, "cumtime": ct})
        every = [{"function": f"{Path(f).name}:{line_no}({n})", "ncalls": nc, "tottime": tt, "cumtime": ct}
                 for (f, line_no, n), (cc, nc, tt, ct, _) in stats.stats.items()]
        result.update(
            seconds_profiled=total, timings=checked.timings,
            top_cumulative=sorted(rows, key=lambda r: -r["cumtime"])[:60],
            top_tottime=sorted(every, key=lambda r: -r["tottime"])[:15],
        )
    else:
        raise SystemExit(f"unknown measurement {kind}")
    return result


def _log(root: Path) -> str:
    return (root / "serve.log").read_text()


def _process_cpu(pid: int) -> float:
    """CPU seconds (user + system) of a running process and its reaped children, from /proc (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return sum(int(x) for x in fields[11:15]) / os.sysconf("SC_CLK_TCK")


def _edit_to_reload(root: Path, repeat: int) -> list[dict]:
    """Seconds from saving an edited annotation to ``dossier serve`` serving the new page."""
    import socket
    import urllib.request

    sys.path.insert(0, str(REPO))
    from benchmarks.synth import set_claim_value

    # dossier serve indexes after serving the page (since git 2026-12); the server runs this REPO's code
    background = "class Indexer" in (REPO / "dossier" / "search.py").read_text("utf-8")

    edit = json.loads((root / "planted-edit.json").read_text())
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/dossier/artikel/{edit['stem']}/"
    log = (root / "serve.log").open("w")
    env = dict(os.environ, SITE_URL=f"http://127.0.0.1:{port}/dossier/")
    process = subprocess.Popen([sys.executable, "-m", "dossier.cli", "--root", str(root), "serve",
                                "--dev-addr", f"127.0.0.1:{port}"], stdout=log, stderr=subprocess.STDOUT, env=env)

    def page() -> str | None:
        """The article's content (the rest of the page carries a per-request livereload id)."""
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                html = response.read().decode("utf-8")
        except OSError:
            return None
        start, end = html.find("<article"), html.find("</article>")
        return html[start:end] if start != -1 < end else None

    def wait(predicate, timeout: float = 1800) -> float:
        started = time.perf_counter()
        while not predicate():
            if process.poll() is not None or time.perf_counter() - started > timeout:
                raise SystemExit(f"dossier serve did not serve {url}; see {root / 'serve.log'}")
            time.sleep(0.05)
        return time.perf_counter() - started

    runs = []
    try:
        first = wait(lambda: page() is not None)
        runs.append({"first_build": first})
        for i in range(repeat + 1):
            if background:  # the index of the last build first: edits come seconds apart, not during indexing
                wait(lambda i=i: _log(root).count("search index updated") >= i + 1)
            if i == repeat:
                break
            before = page()
            value = edit["new"] if i % 2 == 0 else edit["old"]
            cpu = _process_cpu(process.pid)
            set_claim_value(root, edit["stem"], edit["claim"], value)
            total = wait(lambda before=before: page() not in (None, before))
            # the server's CPU from the edit to the page served (the search index starts after it)
            runs.append({"total": total, "cpu": _process_cpu(process.pid) - cpu})
    finally:
        process.terminate()
        process.wait(30)
        set_claim_value(root, edit["stem"], edit["claim"], edit["old"])
    return runs


# --- driver ------------------------------------------------------------------------------


def machine() -> dict:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        memory_gb = round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1)
    except (ValueError, OSError, AttributeError):
        memory_gb = None

    def version(name: str) -> str:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            return "?"

    return {
        "cpu_count": os.cpu_count(),
        "cpu": model or platform.processor(),
        "memory_gb": memory_gb,
        "platform": platform.platform(),
        "python": platform.python_version(),
        "mkdocs": version("mkdocs"),
        "mkdocs-material": version("mkdocs-material"),
    }


def dossier_digest() -> str:
    """A hash of the package sources, recorded by every measurement."""
    import hashlib

    digest = hashlib.sha256()
    for path in sorted((REPO / "dossier").rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(REPO).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def code_version() -> dict:
    """Which Dossier was measured: the package may be edited while benchmarks run."""

    def git(*args: str) -> str:
        try:
            return subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True).stdout.strip()
        except OSError:
            return ""

    return {"git_head": git("rev-parse", "--short", "HEAD"), "dirty": bool(git("status", "--porcelain", "dossier")),
            "dossier_sha256": dossier_digest()}


def measure(kind: str, root: Path, repeat: int, check_links: bool = False) -> dict:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONHASHSEED="0", DOSSIER_BENCH_CHECK_LINKS="1" if check_links else "0")
    env.pop("SITE_URL", None)
    started = time.perf_counter()
    with tempfile.TemporaryFile("w+") as stdout, tempfile.TemporaryFile("w+") as stderr:
        proc = subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve()), "--worker", kind, "--root", str(root),
             "--repeat", str(repeat), "--settle", str(SETTLE_SECONDS)],
            cwd=REPO, env=env, stdout=stdout, stderr=stderr, text=True,
        )
        pss_peak = 0.0
        while proc.poll() is None:
            pss_peak = max(pss_peak, _tree_pss_mb(proc.pid))
            time.sleep(PSS_INTERVAL)
        stdout.seek(0)
        stderr.seek(0)
        out, err = stdout.read(), stderr.read()
    if proc.returncode != 0:
        sys.stderr.write(out[-4000:] + err[-4000:])
        raise SystemExit(f"measurement {kind} failed (exit {proc.returncode})")
    result = json.loads(out.strip().splitlines()[-1])
    result["process_seconds"] = time.perf_counter() - started
    result["pss_peak_mb"] = pss_peak or None
    return result


def _tree_pss_mb(pid: int) -> float:
    """Memory of a process and all its descendants, shared pages counted once
    (proportional set size, as the kernel reports it), in MB; 0 off Linux."""
    total_kb = 0
    pending = [pid]
    while pending:
        current = pending.pop()
        try:
            with open(f"/proc/{current}/smaps_rollup") as rollup:
                total_kb += next((int(line.split()[1]) for line in rollup if line.startswith("Pss:")), 0)
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as children:
                    pending.extend(int(child) for child in children.read().split())
        except (OSError, ValueError):
            continue  # ended meanwhile
    return total_kb / 1024


#: measurements that write a tree: which output folders each run starts without
FRESH = {"generate": ("docs",), "mkdocs": ("site", "site.new", "site.old"), "mkdocs_plain": ("site", "site.new", "site.old")}


def measure_fresh(kind: str, root: Path, repeat: int, check_links: bool) -> dict:
    """``repeat`` runs, each in a fresh process on a settled disk; one result."""
    results = []
    for _ in range(repeat):
        _settle(root, FRESH[kind])
        results.append(measure(kind, root, 1, check_links))
    merged = dict(results[-1])
    merged["runs"] = [run for result in results for run in result["runs"]]
    merged["process_seconds"] = sum(r["process_seconds"] for r in results)
    for key in ("rss_peak_mb", "rss_worker_peak_mb", "pss_peak_mb"):
        if key in merged:
            merged[key] = max((r[key] for r in results if r[key] is not None), default=None)
    if len({r["dossier_sha256"] for r in results}) > 1:
        merged["dossier_sha256"] = "changed during the run"
    return merged


def _sum(*parts: float | None) -> float | None:
    """The sum, or None when a part was not measured (--skip)."""
    return None if any(p is None for p in parts) else sum(p for p in parts if p is not None)


def _median(runs: list[dict], key: str) -> float | None:
    values = [r[key] for r in runs if key in r]
    return statistics.median(values) if values else None


def stage_names(runs: list[dict]) -> list[str]:
    keys = [k for r in runs for k in r if k not in ("total", "cpu", "written", "files")]
    return [k for k in STAGES if k in keys] + sorted(set(keys) - set(STAGES))


KINDS = ("check", "generate", "memory", "incremental", "mkdocs", "mkdocs_plain", "serve")
#: measurements --skip may leave out (a 10,000-article run without the slow comparisons)
OPTIONAL = ("incremental", "mkdocs_plain", "serve")


def bench(n: int, repeat: int, seed: int, keep: Path | None, traced: bool, check_links: bool, log,
          only: tuple[str, ...] = (), skip: tuple[str, ...] = ()) -> dict:
    sys.path.insert(0, str(REPO))
    from benchmarks.synth import make_corpus

    root = Path(tempfile.mkdtemp(prefix=f"dossier-bench-{n}-")) if keep is None else keep / f"n{n}"
    root.mkdir(parents=True, exist_ok=True)
    try:
        started = time.perf_counter()
        planted = make_corpus(root, n, seed)
        synth = time.perf_counter() - started
        edit = planted.edit
        (root / "planted-edit.json").write_text(json.dumps(edit.__dict__))
        log(f"N={n}: corpus written in {synth:.2f} s ({planted.claims} claims, {planted.entities} entities, "
            f"{planted.propositions} propositions)")
        row: dict = {"n": n, "synth_seconds": synth, "planted_contradictions": len(planted.conflicts)}
        kinds = only or tuple(k for k in KINDS if (k != "memory" or traced) and k not in skip)
        for kind in kinds:
            reps = 1 if kind == "memory" or (kind.startswith("mkdocs") and n >= MKDOCS_SINGLE_RUN_FROM) else repeat
            if kind in FRESH:
                row[kind] = measure_fresh(kind, root, reps, check_links)
            else:
                row[kind] = measure(kind, root, reps, check_links)
            row[kind]["repeat"] = reps
            log(f"N={n}: {kind} done in {row[kind]['process_seconds']:.1f} s")
        if only:  # a part of the measurements: their runs, no summary row
            return row
        check, gen, mk = row["check"], row["generate"], row["mkdocs"]
        inc = row.get("incremental", {"runs": [], "full_written": None, "full_rendered": None})
        reloads = [r["total"] for r in row.get("serve", {"runs": []})["runs"] if "total" in r]
        plain = row.get("mkdocs_plain", {"runs": []})
        gen_total = _median(gen["runs"], "total")
        mk_total = _median(mk["runs"], "total")
        stages = {s: _median(gen["runs"], s) for s in stage_names(gen["runs"])}
        row["summary"] = {
            "articles": check["articles"], "claims": check["claims"], "entities": check["entities"],
            "propositions": check["propositions"], "contradictions": check["contradictions"],
            "errors": check["errors"], "warnings": check["warnings"],
            "stages": stages,
            "other": gen_total - sum(v for v in stages.values() if v),
            "generate": gen_total, "check": _median(check["runs"], "total"), "mkdocs": mk_total,
            "mkdocs_runs": mk["repeat"], "generate_over_mkdocs": gen_total / mk_total,
            "rss_peak_mb": gen["rss_peak_mb"], "rss_worker_peak_mb": gen.get("rss_worker_peak_mb"),
            "pss_peak_mb": gen.get("pss_peak_mb"),
            "rss_baseline_mb": gen["rss_baseline_mb"],
            "traced_peak_mb": row["memory"]["traced_peak_mb"] if traced else None,
            "pages": gen["pages"], "docs_bytes": gen["docs_bytes"], "site_bytes": mk["site_bytes"],
            "search_index_bytes": mk["search_index_bytes"],
            "incremental": _median(inc["runs"], "total"),
            "incremental_written": _median(inc["runs"], "written"),
            "incremental_rendered": _median(inc["runs"], "rendered"),
            "full_written": inc["full_written"],
            "full_rendered": inc["full_rendered"],
            "edit_to_reload": statistics.median(reloads) if reloads else None,
            "full_build": gen_total + mk_total,
            "mkdocs_plain": _sum(_median(plain["runs"], "total")),
            "full_build_plain": _sum(gen_total, _median(plain["runs"], "total")),
            "full_build_cpu": _sum(_median(gen["runs"], "cpu"), _median(mk["runs"], "cpu")),
            "full_build_plain_cpu": _sum(_median(gen["runs"], "cpu"), _median(plain["runs"], "cpu")),
        }
        return row
    finally:
        if keep is None:
            shutil.rmtree(root, ignore_errors=True)


def _num(x: float | None) -> str:
    return "–" if x is None else f"{x:.0f}"


def _mb(n: float | None) -> str:
    return "–" if n is None else f"{n / 2**20:.1f}"


def table(rows: list[dict], info: dict, code: dict) -> str:
    stages = [k for k in STAGES if any(k in r["summary"]["stages"] for r in rows)]
    stages += sorted({k for r in rows for k in r["summary"]["stages"]} - set(stages))
    head = ("| N | articles / claims / entities / questions | " + " | ".join(stages)
            + " | **generate** | MkDocs | **generate / MkDocs** | check() | check / generate "
            "| **peak memory (MB)**: all processes (PSS) / main RSS / largest worker RSS | pages "
            "| build/site (MB) | search index (MB) | rebuild after an edit: time (rendered / written) "
            "| edit → reloaded in serve (of full build) | full build (generate + MkDocs) | without the fast path |")
    lines = [
        f"Machine: {info['cpu_count']} CPUs ({info['cpu']}), {info['memory_gb']} GB, {info['platform']}, "
        f"Python {info['python']}, MkDocs {info['mkdocs']}, mkdocs-material {info['mkdocs-material']}",
        f"Dossier: git {code['git_head']}{' + uncommitted changes' if code['dirty'] else ''}, "
        f"dossier/ sha256 {code['dossier_sha256']}",
        "",
        "Times in seconds, median of the runs (MkDocs run once: marked *). "
        "generate = all stages into an empty build/docs; "
        "load, anchor, link, coverage: CPU seconds summed over the worker processes, articles (wall): their elapsed time; "
        "check() = articles + analyse. Rebuild after an edit: one claim value changed, same Build (as in dossier serve); "
        "pages rendered / files written of all pages.",
        "",
        head,
        "|" + "---|" * (head.count("|") - 1),
    ]
    digests = {row[k]["dossier_sha256"] for row in rows
               for k in ("check", "generate", "incremental", "mkdocs", "mkdocs_plain", "serve") if k in row}
    if len(digests) > 1:
        lines.insert(2, f"WARNING: dossier/ changed during the run ({len(digests)} versions measured); see the JSON.")
    for row in rows:
        s = row["summary"]
        st = s["stages"]
        lines.append(
            f"| {row['n']} | {s['articles']} / {s['claims']} / {s['entities']} / {s['propositions']} | "
            + " | ".join("–" if st.get(k) is None else f"{st[k]:.2f}" for k in stages)
            + f" | **{s['generate']:.2f}** | {s['mkdocs']:.1f}{'*' if s['mkdocs_runs'] == 1 else ''}"
            f" | **{s['generate_over_mkdocs']:.1%}** | {s['check']:.2f} | {s['check'] / s['generate']:.0%}"
            f" | **{_num(s['pss_peak_mb'])}** / {s['rss_peak_mb']:.0f} / {_num(s['rss_worker_peak_mb'])} | {s['pages']} | {_mb(s['site_bytes'])} | {_mb(s['search_index_bytes'])}"
            + (" | –" if s["incremental"] is None else
               f" | {s['incremental']:.2f} ({s['incremental_rendered']:.0f} / {s['incremental_written']:.0f} of {s['full_rendered']})")
            + (" | –" if s["edit_to_reload"] is None else
               f" | {s['edit_to_reload']:.1f} ({s['edit_to_reload'] / s['full_build']:.0%})")
            + f" | {s['full_build']:.1f}"
            + (" | – |" if s["full_build_plain"] is None else
               f" | {s['full_build_plain']:.1f} ({s['full_build'] / s['full_build_plain']:.0%}) |")
        )
    return "\n".join(lines)


def profile(n: int, seed: int, log) -> dict:
    sys.path.insert(0, str(REPO))
    from benchmarks.synth import make_corpus

    root = Path(tempfile.mkdtemp(prefix=f"dossier-profile-{n}-"))
    try:
        make_corpus(root, n, seed)
        log(f"N={n}: profiling generate() ...")
        result = measure("profile", root, 1)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    print(f"\ncProfile of generate() for N={n}: {result['seconds_profiled']:.1f} s under the profiler; stages "
          + ", ".join(f"{k} {v:.2f}" for k, v in result["timings"].items()))
    print("\nTop 10 dossier/ functions by cumulative time (pipeline drivers and comprehensions left out):\n")
    print("| function | calls | own (s) | cumulative (s) |\n|---|---|---|---|")
    drivers = ("pipeline.py", "<listcomp>", "<genexpr>", "<dictcomp>", "<setcomp>", "<lambda>")
    for r in [r for r in result["top_cumulative"] if not any(d in r["function"] for d in drivers)][:10]:
        print(f"| {r['function']} | {r['ncalls']} | {r['tottime']:.2f} | {r['cumtime']:.2f} |")
    print("\nTop 10 functions anywhere by own time:\n")
    print("| function | calls | own (s) | cumulative (s) |\n|---|---|---|---|")
    for r in result["top_tottime"][:10]:
        print(f"| {r['function']} | {r['ncalls']} | {r['tottime']:.2f} | {r['cumtime']:.2f} |")
    return result


def main(argv: list[str] | None = None) -> int:
    global SETTLE_SECONDS
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000, 5000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", type=Path, help="write all results here")
    parser.add_argument("--keep", type=Path, help="write the corpora under this folder and keep them")
    parser.add_argument("--check-links", action="store_true",
                        help="generate() with check_links=True, as 'dossier build --no-site' (default: as 'dossier build')")
    parser.add_argument("--settle", type=float, default=SETTLE_SECONDS,
                        help=f"seconds to let the disk settle after deleting outputs (default {SETTLE_SECONDS:g})")
    parser.add_argument("--mkdocs-once-from", type=int, metavar="N",
                        help="run MkDocs once instead of --repeat times from this N on (quicker, no median)")
    parser.add_argument("--tracemalloc", action="store_true", help="also measure traced peak memory (slow)")
    parser.add_argument("--profile", type=int, metavar="N", help="only profile generate() on a corpus of N articles")
    parser.add_argument("--only", nargs="+", choices=KINDS, default=(),
                        help="only these measurements (e.g. --only serve: edit to reloaded); prints their runs, no table")
    parser.add_argument("--skip", nargs="+", choices=OPTIONAL, default=[],
                        help="leave these measurements out (e.g. for one run at 10,000 articles)")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--root", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    SETTLE_SECONDS = args.settle
    if args.mkdocs_once_from:
        global MKDOCS_SINGLE_RUN_FROM
        MKDOCS_SINGLE_RUN_FROM = args.mkdocs_once_from
    if args.worker:
        print(json.dumps(worker(args.worker, args.root, args.repeat)))
        return 0

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    info = machine()
    code = code_version()
    if args.profile:
        result = profile(args.profile, args.seed, log)
        if args.json:
            args.json.write_text(json.dumps({"machine": info, "code": code, "profile": result}, indent=1) + "\n")
        return 0
    rows = []
    for n in args.sizes:
        rows.append(bench(n, args.repeat, args.seed, args.keep, args.tracemalloc, args.check_links, log,
                          tuple(args.only), tuple(args.skip)))
        if args.only:
            print(json.dumps({"n": n, "load": os.getloadavg(), **{k: rows[-1][k]["runs"] for k in args.only}}))
        if args.json:  # after every size, so a long run leaves partial results
            for row in rows:
                if "incremental" in row:
                    row["incremental"]["runs"] = [{k: v for k, v in r.items() if k != "files"} | {"files": r["files"][:50]}
                                                  for r in row["incremental"]["runs"]]
            args.json.write_text(json.dumps({"machine": info, "code": code, "repeat": args.repeat, "seed": args.seed,
                                             "check_links": args.check_links, "results": rows}, indent=1) + "\n")
    if not args.only:
        print(table(rows, info, code))
    return 0


if __name__ == "__main__":
    sys.exit(main())
