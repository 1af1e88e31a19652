"""A progress line on stderr for long runs in a terminal; nothing on pipes or in CI logs."""

from __future__ import annotations

import contextlib
import sys
import time

DELAY = 1.0  # seconds before a run counts as long


class Ticker:
    """Counts work items; after ``DELAY`` seconds on a terminal, shows a rich progress bar."""

    def __init__(self, what: str, total: int | None = None, *, stream=None, delay: float = DELAY):
        self.what = what
        self.total = total
        self.stream = stream if stream is not None else sys.stderr
        self.delay = delay
        self.done = 0
        self.started = time.monotonic()
        self.progress = None
        self.task = None

    @property
    def enabled(self) -> bool:
        isatty = getattr(self.stream, "isatty", None)
        return bool(isatty and isatty())

    def __call__(self, *_item) -> None:
        self.done += 1
        if self.progress is None:
            if not self.enabled or time.monotonic() - self.started < self.delay:
                return
            self._start()
        self.progress.update(self.task, completed=self.done)

    def _start(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, \
            TimeElapsedColumn

        columns = [SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn()] \
            if self.total else [SpinnerColumn(), TextColumn("{task.description}: {task.completed}")]
        self.progress = Progress(*columns, TimeElapsedColumn(), console=Console(file=self.stream),
                                 transient=True)
        self.progress.start()
        self.task = self.progress.add_task(self.what, total=self.total, completed=self.done)

    def close(self) -> None:
        if self.progress is not None:
            self.progress.stop()
            self.progress = None


@contextlib.contextmanager
def ticker(what: str, total: int | None = None, **kw):
    t = Ticker(what, total, **kw)
    try:
        yield t
    finally:
        t.close()
