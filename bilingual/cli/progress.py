"""Progress bars on stderr: articles checked (and reused from the cache), and a plain counter for
other long runs.

Drawn only when stderr is a terminal, and cleared when the run ends, so pipes,
files and CI logs never see it.
"""

from __future__ import annotations

import contextlib
import sys
import time

DELAY = 1.0  # seconds before a run counts as long and a bar appears


class ArticleProgress:
    """``with ArticleProgress("checking") as tick: tick(reused, total)`` once per article."""

    def __init__(self, label: str, *, reuse: bool = True, enabled: bool | None = None):
        self.label, self.reuse = label, reuse
        self.enabled = sys.stderr.isatty() if enabled is None else enabled
        self.bar = None
        self.task = None
        self.checked = self.reused = 0
        self.started = time.monotonic()

    def __enter__(self):
        return self.tick

    def tick(self, reused: bool, total: int) -> None:
        if reused:
            self.reused += 1
        else:
            self.checked += 1
        if not self.enabled:
            return
        if self.bar is None and time.monotonic() - self.started < DELAY:
            return  # a short run shows no bar at all
        if self.bar is None:
            from rich.console import Console
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn,
                                       TimeRemainingColumn)

            self.bar = Progress(TextColumn(self.label), BarColumn(), MofNCompleteColumn(),
                                TextColumn("{task.fields[counts]}"), TimeElapsedColumn(), TextColumn("ETA"),
                                TimeRemainingColumn(), console=Console(stderr=True), transient=True)
            self.bar.start()
            self.task = self.bar.add_task(self.label, total=total, counts="")
        self.bar.update(self.task, completed=self.checked + self.reused, total=total,
                        counts=f"checked {self.checked} · reused {self.reused}" if self.reuse else "")

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.stop()




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
