"""Progress: plain lines in logs, a bar on terminals, silence for small jobs."""

from __future__ import annotations

import io

from dossier.progress import Progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_plain_lines_in_logs():
    log = io.StringIO()
    progress = Progress("pages", 1000, log)
    for _ in range(1000):
        progress.advance()
    progress.close()
    lines = log.getvalue().splitlines()
    assert len(lines) == 10
    assert lines[0].startswith("pages: 100/1000") and lines[-1].startswith("pages: 1000/1000")


def test_bar_on_a_terminal_ends_full():
    term = Terminal()
    progress = Progress("MkDocs", 500, term)
    for _ in range(500):
        progress.advance()
    progress.close()
    assert term.getvalue().endswith("[" + "#" * 30 + "] 500/500\n")
    assert "\n" not in term.getvalue()[:-1]  # redrawn in place


def test_small_jobs_stay_quiet():
    log = io.StringIO()
    progress = Progress("pages", 20, log)
    for _ in range(20):
        progress.advance()
    progress.close()
    assert log.getvalue() == ""
