"""Spread independent work over the machine's cores, as ``sphinx-build -j`` does.

Articles are processed, and pages rendered, independently of each other,
and a large dossier has thousands of them. Worker processes are forked, so
they inherit the job (registry, templates, analysis) instead of receiving
it pickled; only results travel back. Small jobs, and processes that run
other threads (``dossier serve``: forking those is unsafe), stay in one
process. ``DOSSIER_JOBS=1`` turns it off; ``DOSSIER_JOBS=N`` sets the
number of workers (even for small jobs; in a container with a CPU quota,
set it to the quota); unset, every core the process may use gets one.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import partial
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

#: below this many items the pool costs more than it saves
MIN_ITEMS = 200
#: chunks per worker: small enough to balance uneven items, large enough to amortise
CHUNKS_PER_WORKER = 8

# The job of this worker process, set by _inherit when it starts.
_job: tuple[Callable[[Any], Any], list[Sequence[Any]]] | None = None


def workers(items: int) -> int:
    """How many processes to use for ``items`` independent items."""
    wanted = os.environ.get("DOSSIER_JOBS", "")
    if wanted.isdigit() and int(wanted) >= 1:
        count = int(wanted)
    elif items < MIN_ITEMS:
        return 1
    else:
        count = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    # Only Linux forks safely: macOS system libraries run threads of their own.
    if count <= 1 or not sys.platform.startswith("linux") or threading.active_count() > 1:
        return 1
    return min(count, items)


def fork_map(function: Callable[[T], R], items: Sequence[T], doing: Callable[[T], str] | None = None) -> Iterator[R]:
    """``function(item)`` for each item, in order, as they are ready; in forked
    workers when that pays off. An exception raised for an item carries the
    note "while <doing(item)>", so that it says which one, from any process.

    This process is one of the workers: while it waits for the next result
    in order, it takes a chunk no worker has started (from the end). So N
    cores need N - 1 forked copies of the build's memory, not N.

    A worker's exception reaches the caller as it is; a worker that dies
    (killed for lack of memory, say) stops the build with BrokenProcessPool
    instead of leaving it waiting for a result that never comes.
    """
    if doing is not None:
        function = partial(_noted, function, doing)
    count = workers(len(items))
    if count <= 1:
        yield from map(function, items)
        return
    size = max(1, -(-len(items) // (count * CHUNKS_PER_WORKER)))
    chunks = [items[i : i + size] for i in range(0, len(items), size)]
    # Forked workers receive the job as the initializer's arguments, copied by fork, not pickled.
    executor = ProcessPoolExecutor(count - 1, multiprocessing.get_context("fork"), _inherit, ((function, chunks),))
    try:
        futures = [executor.submit(_run_chunk, index) for index in range(len(chunks))]
        done_here: dict[int, list[R]] = {}
        last = len(chunks)  # chunks from here on are taken or done by this process
        for index, future in enumerate(futures):
            while index not in done_here and not future.done() and last > index:
                last -= 1
                if futures[last].cancel():  # no worker has started it
                    done_here[last] = [function(item) for item in chunks[last]]
            yield from done_here.pop(index) if index in done_here else future.result()
    except BrokenProcessPool as exc:
        exc.add_note("a worker process died; DOSSIER_JOBS=1 builds in one process, with less memory")
        raise
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


def _noted(function: Callable[[T], R], doing: Callable[[T], str], item: T) -> R:
    try:
        return function(item)
    except Exception as exc:
        exc.add_note(f"while {doing(item)}")
        raise


def _inherit(job: tuple[Callable[[Any], Any], list[Sequence[Any]]]) -> None:
    global _job
    _job = job


def _run_chunk(index: int) -> list[Any]:
    assert _job is not None, "fork_map's job is inherited by forking"
    function, chunks = _job
    return [function(item) for item in chunks[index]]
