"""Work spread over forked processes gives what one process gives, in order."""

from __future__ import annotations

import multiprocessing
import os

import pytest
from test_linkcheck import PAGES

from dossier import parallel
from dossier.linkcheck import find_broken_links


@pytest.fixture
def forking(monkeypatch):
    """Two workers, even though earlier tests left server threads running here
    (which is why real builds with threads, such as dossier serve, do not fork)."""
    monkeypatch.setenv("DOSSIER_JOBS", "2")
    monkeypatch.setattr(parallel.threading, "active_count", lambda: 1)


def _square_with_pid(x: int) -> tuple[int, int]:
    return x * x, os.getpid()


def _fail_on_seven(x: int) -> int:
    if x == 7:
        raise ValueError("seven")
    return x


def test_forked_workers_return_results_in_order(forking):
    results = list(parallel.fork_map(_square_with_pid, range(50)))
    assert [square for square, _ in results] == [x * x for x in range(50)]
    # a forked worker took part (and this process too, while it waited)
    assert {pid for _, pid in results} - {os.getpid()}


def test_one_job_stays_in_this_process(monkeypatch):
    monkeypatch.setenv("DOSSIER_JOBS", "1")
    assert {pid for _, pid in parallel.fork_map(_square_with_pid, range(5))} == {os.getpid()}


def test_a_worker_error_reaches_the_caller(forking):
    with pytest.raises(ValueError, match="seven") as error:
        list(parallel.fork_map(_fail_on_seven, range(20), lambda x: f"counting to {x}"))
    assert error.value.__notes__ == ["while counting to 7"]  # which item, across the process boundary
    assert multiprocessing.active_children() == []  # the workers are gone


def test_small_jobs_and_threaded_processes_are_not_forked(monkeypatch):
    threads = 1
    monkeypatch.setattr(parallel.threading, "active_count", lambda: threads)
    monkeypatch.delenv("DOSSIER_JOBS", raising=False)
    assert parallel.workers(parallel.MIN_ITEMS - 1) == 1
    monkeypatch.setenv("DOSSIER_JOBS", "4")
    assert parallel.workers(3) == 3  # never more workers than items
    assert parallel.workers(1000) == 4
    threads = 2  # forking a process with threads is unsafe (dossier serve)
    assert parallel.workers(1000) == 1


def test_link_check_in_workers_finds_what_one_process_finds(forking, monkeypatch):
    assert parallel.workers(len(PAGES)) == 2
    forked = find_broken_links(PAGES, set(PAGES))
    monkeypatch.setenv("DOSSIER_JOBS", "1")
    serial = find_broken_links(PAGES, set(PAGES))
    assert forked == serial and len(serial) == 4
