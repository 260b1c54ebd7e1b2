"""Progress for long builds: a bar on a terminal, plain lines in CI logs.

Short builds stay quiet; a build of hundreds of pages says where it is.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

QUIET_BELOW = 200  # items; smaller jobs finish before a bar helps
LOG_STEPS = 10  # plain lines per job when not on a terminal


class Progress:
    def __init__(self, label: str, total: int, stream: TextIO | None = None) -> None:
        self.label = label
        self.total = total
        self.done = 0
        self.stream = stream or sys.stderr
        self.active = total >= QUIET_BELOW
        self.tty = self.stream.isatty()
        self.started = time.perf_counter()
        self._next_log = total // LOG_STEPS

    def advance(self, count: int = 1) -> None:
        self.done += count
        if not self.active:
            return
        if self.tty:
            if self.done == self.total or self.done % max(1, self.total // 100) == 0:
                filled = 30 * self.done // self.total
                self.stream.write(f"\r{self.label:<10} [{'#' * filled}{'.' * (30 - filled)}] {self.done}/{self.total}")
                self.stream.flush()
        elif self.done >= self._next_log or self.done == self.total:
            self.stream.write(f"{self.label}: {self.done}/{self.total} ({time.perf_counter() - self.started:.1f} s)\n")
            self._next_log += max(1, self.total // LOG_STEPS)

    def close(self) -> None:
        if self.active and self.tty:
            self.stream.write("\n")
            self.stream.flush()
