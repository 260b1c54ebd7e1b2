"""What the site search costs: first-query bytes in real Chromium, and indexing time.

    .venv/bin/python benchmarks/search.py --sizes 1000 5000 [--json benchmarks/search.json]

For each size N a synthetic corpus (benchmarks/synth.py) is built with
``dossier build`` under the project sub-path (timed: generation, MkDocs and
the Pagefind index). The index is then built once more on its own
(``dossier.search.index``, timed). The site is served on 127.0.0.1 and
Chromium (Debian's, through Playwright) opens the home page; once it has
loaded, the search is opened with its shortcut and the name of the corpus's
first person typed. Every byte that crosses the network from then until
the results show and the network is idle is the first query's cost,
counted by the server (body bytes as sent, uncompressed: Pagefind's index
chunks are gzip files already; the server sees every request, a worker's
too), and as a static host that
compresses scripts and WebAssembly (GitHub Pages does) would send it: each
file that is not gzip already, gzipped (level 6); and both by part of
Pagefind's bundle (``by_part``: runtime, page list, index chunks, excerpts).
The theme's lunr search, replaced by this, made every reader load its whole
index on the first query: 9.6 MB at 1,000 articles, 46 MB at 5,000
(benchmarks/results.json, search_index_bytes).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SUB_PATH = "dossier"
CHROMIUM = "/usr/bin/chromium"


def _folder_bytes(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def build(root: Path) -> float:
    env = dict(os.environ, SITE_URL=f"http://127.0.0.1:8000/{SUB_PATH}/")
    started = time.perf_counter()
    subprocess.run([str(REPO / ".venv/bin/dossier"), "--root", str(root), "build"], check=True, env=env,
                   stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def index_seconds(site: Path) -> float:
    sys.path.insert(0, str(REPO))
    from dossier import search

    started = time.perf_counter()
    search.index(site, "de")
    return time.perf_counter() - started


def _gzipped(site: Path, path: str, sent: int) -> int:
    """What a compressing host sends for ``path``: Pagefind's chunks are gzip already."""
    file = site / path.split("?")[0].removeprefix(f"/{SUB_PATH}/")
    if not file.is_file():
        return sent
    data = file.read_bytes()
    return sent if data[:2] == b"\x1f\x8b" else min(sent, len(gzip.compress(data, 6)))


def _part(path: str) -> str:
    """Which part of Pagefind's bundle a request is: its runtime, page list, index chunks, excerpts."""
    name = path.split("?")[0].rsplit("/", 1)[-1]
    for suffix, part in ((".pf_meta", "page_list"), (".pf_index", "index_chunks"),
                         (".pf_fragment", "fragments"), (".pf_filter", "filters")):
        if name.endswith(suffix):
            return part
    return "runtime" if "/pagefind/" in path else "other"


def _by_part(site: Path, requests: dict[str, int]) -> dict[str, list[int]]:
    """Bytes (as sent, gzipped) and requests of each part of the first query."""
    parts: dict[str, list[int]] = {}
    for path, n in requests.items():
        row = parts.setdefault(_part(path), [0, 0, 0])
        row[0] += n
        row[1] += _gzipped(site, path, n)
        row[2] += 1
    return dict(sorted(parts.items()))


def first_query(site: Path, query: str) -> dict:
    """Serve ``site`` under the sub-path; bytes and requests of the first query."""
    from playwright.sync_api import sync_playwright

    served = Path(tempfile.mkdtemp(prefix="dossier-search-serve-"))
    (served / SUB_PATH).symlink_to(site)
    sent: list[tuple[str, int]] = []

    class Counting(http.server.SimpleHTTPRequestHandler):
        def copyfile(self, source, outputfile) -> None:  # type: ignore[no-untyped-def]
            start = source.tell()
            super().copyfile(source, outputfile)
            sent.append((self.path, source.tell() - start))

        def log_message(self, *args) -> None:  # type: ignore[no-untyped-def]
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Counting, directory=str(served)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{httpd.server_address[1]}/{SUB_PATH}/"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox"])
            page = browser.new_page()
            urls: list[str] = []
            page.context.on("request", lambda request: urls.append(request.url))
            page.goto(url, wait_until="networkidle")
            page_load = sum(n for _, n in sent)
            loaded = len(sent)
            started = time.perf_counter()
            page.keyboard.press("/")
            page.keyboard.type(query, delay=20)
            page.locator(".md-search-result__item").first.wait_for(timeout=120_000)
            page.wait_for_load_state("networkidle")
            seconds = time.perf_counter() - started
            results = page.locator(".md-search-result__item").count()
            query_requests = dict(sent[loaded:])
            foreign = [u for u in urls if u.startswith(("http:", "https:", "ws")) and not u.startswith(url)]
            browser.close()
    finally:
        httpd.shutdown()
        httpd.server_close()
        shutil.rmtree(served)
    return {
        "query": query,
        "results_shown": results,
        "page_load_bytes": page_load,
        "first_query_bytes": sum(query_requests.values()),
        "first_query_bytes_gzip": sum(_gzipped(site, path, n) for path, n in query_requests.items()),
        "first_query_requests": len(query_requests),
        "first_query_seconds": seconds,
        "by_part": _by_part(site, query_requests),
        "largest_requests": sorted(((n, path) for path, n in query_requests.items()), reverse=True)[:6],
        "foreign_requests": foreign,
    }


def bench(n: int, seed: int, log) -> dict:
    sys.path.insert(0, str(REPO))
    from benchmarks.synth import make_corpus

    root = Path(tempfile.mkdtemp(prefix=f"dossier-search-{n}-"))
    try:
        make_corpus(root, n, seed)
        log(f"N={n}: corpus written")
        seconds = build(root)
        site = root / "build" / "site"
        log(f"N={n}: dossier build {seconds:.1f} s")
        indexing = index_seconds(site)
        files, size = _folder_bytes(site / "pagefind")
        log(f"N={n}: Pagefind index {indexing:.1f} s, {files} files, {size / 2**20:.1f} MB")
        person = yaml.safe_load((root / "content/entities/people.yml").read_text("utf-8"))[0]["name"]
        query = first_query(site, person)
        log(f"N={n}: first query {query['first_query_bytes'] / 1024:.0f} KB "
            f"({query['first_query_bytes_gzip'] / 1024:.0f} KB gzipped) in {query['first_query_requests']} "
            f"requests ({query['results_shown']} results shown)")
        pages = sum(1 for _ in site.rglob("*.html"))
        return {"n": n, "build_seconds": seconds, "index_seconds": indexing, "html_pages": pages,
                "index_files": files, "index_bytes": size, **query}
    finally:
        shutil.rmtree(root, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", type=Path, help="write the results here")
    args = parser.parse_args(argv)
    rows = [bench(n, args.seed, lambda m: print(m, file=sys.stderr, flush=True)) for n in args.sizes]
    text = json.dumps(rows, indent=2)
    if args.json:
        args.json.write_text(text + "\n")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
