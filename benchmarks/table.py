"""The README's benchmark table and target check, from a results file of run.py.

    .venv/bin/python benchmarks/table.py benchmarks/results.json

Every time is followed by its ratio to the MkDocs build of the same pages,
taken in the same run; the targets of the scale issue are checked from the
same figures, so the README cannot claim more than the JSON shows.
"""

from __future__ import annotations

import json
import sys
from itertools import pairwise
from pathlib import Path

#: generation step at most this share of the MkDocs build (N >= 1,000)
MAX_SHARE = 0.10
#: peak memory of the generation step at the largest N, MB
MAX_MEMORY_MB = 500
#: time per article may grow by at most this factor from one size to the next ("linear")
MAX_GROWTH = 1.25
#: dossier check at most this share of the generation step ("well under")
MAX_CHECK_SHARE = 0.6
#: issue 13: the full build with the fast path, against the same build without it
MAX_FAST_SHARE = 0.40
TARGET_SIZES = (1000, 5000)


def _s(seconds: float) -> str:
    return f"{seconds:.2f} s" if seconds < 10 else f"{seconds:.1f} s"


def _mb(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f} MB"


def _of(seconds: float, mkdocs: float) -> str:
    return f"{_s(seconds)} ({seconds / mkdocs:.1%})"


def _plain(s: dict) -> str:
    plain = s.get("full_build_plain")
    if plain is None:
        return "–"
    cpu = _cpu_share(s)
    return f"{_s(plain)} ({s['full_build'] / plain:.0%}{'' if cpu is None else f'; CPU time {cpu:.0%}'})"


def _cpu_share(s: dict) -> float | None:
    """Fast over plain in CPU time: what the build costs, whatever else the machine runs."""
    fast, plain = s.get("full_build_cpu"), s.get("full_build_plain_cpu")
    return None if not fast or not plain else fast / plain


def table(data: dict) -> str:
    info, code = data["machine"], data["code"]
    lines = [
        f"Machine: {info['cpu_count']} CPUs ({info['cpu']}), {info['memory_gb']} GB RAM, Python {info['python']}, "
        f"MkDocs {info['mkdocs']}, mkdocs-material {info['mkdocs-material']}; Dossier git {code['git_head']}"
        f"{' + uncommitted changes' if code['dirty'] else ''}. Medians of {data['repeat']} runs"
        + ("" if all(r["summary"]["mkdocs_runs"] == data["repeat"] for r in data["results"])
           else " (MkDocs: one run where marked *)")
        + ", each in a fresh process; in brackets: share of the MkDocs build of the same pages.",
        "",
        "| N | articles / claims / entities / questions | generate | MkDocs | dossier check | "
        "peak memory of generate (all processes) | "
        "Markdown pages | search index | rebuild after one edit (pages rendered / files written, of pages rendered "
        "in a full build) | edit → reloaded in serve | "
        "full build | full build without the fast path (fast / plain: wall time; CPU time) |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for row in data["results"]:
        s = row["summary"]
        mk = s["mkdocs"]
        lines.append(
            f"| {row['n']:,} | {s['articles']:,} / {s['claims']:,} / {s['entities']:,} / {s['propositions']:,} "
            f"| **{_of(s['generate'], mk)}** | {_s(mk)}{'*' if s['mkdocs_runs'] < data['repeat'] else ''} "
            f"| {_of(s['check'], mk)} "
            f"| {_mb(s.get('pss_peak_mb'))} "
            f"| {s['pages']:,} | {s['search_index_bytes'] / 2**20:.1f} MB "
            f"| {_of(s['incremental'], mk)} ({s['incremental_rendered']:.0f} / {s['incremental_written']:.0f} "
            f"of {s['full_rendered']:,}) | {_s(s['edit_to_reload'])} ({s['edit_to_reload'] / s['full_build']:.1%} "
            f"of the full build) | {_s(s['full_build'])} "
            f"| {_plain(s)} |"
        )
    return "\n".join(lines)


def targets(data: dict) -> list[tuple[str, bool, str]]:
    """(target, met, the figures that say so)."""
    rows = {row["n"]: row["summary"] for row in data["results"]}
    sizes = [n for n in TARGET_SIZES if n in rows]
    found: list[tuple[str, bool, str]] = []
    shares = {n: rows[n]["generate"] / rows[n]["mkdocs"] for n in sizes}
    found.append((f"generation step ≤ {MAX_SHARE:.0%} of MkDocs at N = 1,000 and 5,000",
                  len(sizes) == len(TARGET_SIZES) and all(v <= MAX_SHARE for v in shares.values()),
                  ", ".join(f"{v:.1%} at {n:,}" for n, v in shares.items())))
    ordered = sorted(rows)
    growth = []
    for small, large in pairwise(ordered):
        if small >= 100:  # below that, fixed costs (imports, templates) dominate
            per_article = (rows[large]["generate"] / large) / (rows[small]["generate"] / small)
            growth.append((small, large, per_article))
    found.append((f"linear: time per article grows by at most {MAX_GROWTH:.2f}× from one size to the next",
                  bool(growth) and all(g <= MAX_GROWTH for _, _, g in growth),
                  ", ".join(f"{g:.2f}× from {a:,} to {b:,}" for a, b, g in growth)))
    largest = max(ordered)
    memory = rows[largest].get("pss_peak_mb")
    found.append((f"peak memory < {MAX_MEMORY_MB} MB at N = {largest:,} (all processes)",
                  largest >= 5000 and memory is not None and memory < MAX_MEMORY_MB, _mb(memory)))
    if 1000 in rows:
        share = rows[1000]["check"] / rows[1000]["generate"]
        found.append(("dossier check at N = 1,000 well under the generation step",
                      share <= MAX_CHECK_SHARE, f"{share:.0%} of it"))
    plain = {n: s["full_build"] / s["full_build_plain"] for n, s in rows.items() if n >= 1000 and s.get("full_build_plain")}
    cpu = {n: share for n, s in rows.items() if n >= 1000 and (share := _cpu_share(s)) is not None}
    found.append((f"full build with the fast path ≤ {MAX_FAST_SHARE:.0%} of the plain MkDocs path at N = 5,000",
                  5000 in plain and plain[5000] <= MAX_FAST_SHARE,
                  ", ".join(f"{v:.0%} at {n:,}" + (f" (CPU time {cpu[n]:.0%})" if n in cpu else "")
                            for n, v in plain.items())))
    only = all(s["incremental_written"] <= 10 and s["incremental_rendered"] * 20 <= s["full_rendered"]
               for n, s in rows.items() if n >= 1000)
    found.append(("an edit re-renders only the pages that depend on it and writes only changed files", only,
                  ", ".join(f"{s['incremental_rendered']:.0f} rendered / {s['incremental_written']:.0f} written "
                            f"of {s['full_rendered']:,} at {n:,}" for n, s in rows.items() if n >= 1000)))
    return found


def main(argv: list[str]) -> int:
    data = json.loads(Path(argv[0] if argv else "benchmarks/results.json").read_text())
    print(table(data))
    print()
    print("| target | met | measured |\n| --- | --- | --- |")
    for name, met, figures in targets(data):
        print(f"| {name} | {'yes' if met else '**no**'} | {figures} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
