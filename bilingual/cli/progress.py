"""One progress bar on stderr for long runs: articles checked (and reused from the cache),
segments translated, articles read for mining.

Drawn only when stderr is a terminal and the run has lasted ``DELAY`` seconds, and cleared when the
run ends, so pipes, files and CI logs never see it.
"""

from __future__ import annotations

import contextlib
import sys
import time

DELAY = 1.0  # seconds before a run counts as long and a bar appears


class Ticker:
    """Counts work items; after ``DELAY`` seconds on a terminal, shows a rich progress bar.

    Each call counts one item (or sets the count with ``completed=``); ``total=`` and ``note=``
    (a short text after the bar) may change on any call.
    """

    def __init__(self, what: str, total: int | None = None, *, stream=None, delay: float = DELAY):
        self.what = what
        self.total = total
        self.stream = stream if stream is not None else sys.stderr
        self.delay = delay
        self.done = 0
        self.note = ""
        self.started = time.monotonic()
        self.progress = None
        self.task = None

    @property
    def enabled(self) -> bool:
        isatty = getattr(self.stream, "isatty", None)
        return bool(isatty and isatty())

    @property
    def speed(self) -> float | None:
        """Items per second so far, once the bar is shown."""
        return self.progress.tasks[0].speed if self.progress is not None else None

    def __call__(self, *_item, completed: int | None = None, total: int | None = None,
                 note: str | None = None) -> None:
        self.done = self.done + 1 if completed is None else completed
        if total is not None:
            self.total = total
        if note is not None:
            self.note = note
        if self.progress is None:
            if not self.enabled or time.monotonic() - self.started < self.delay:
                return
            self._start()
        self.progress.update(self.task, completed=self.done, total=self.total, note=self.note)

    def _start(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, \
            TimeElapsedColumn, TimeRemainingColumn

        if self.total:
            columns = [SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                       TextColumn("{task.fields[note]}"), TimeElapsedColumn(), TextColumn("ETA"),
                       TimeRemainingColumn()]
        else:
            columns = [SpinnerColumn(), TextColumn("{task.description}: {task.completed}"),
                       TextColumn("{task.fields[note]}"), TimeElapsedColumn()]
        self.progress = Progress(*columns, console=Console(file=self.stream), transient=True)
        self.progress.start()
        self.task = self.progress.add_task(self.what, total=self.total, completed=self.done, note=self.note)

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


def article_counter(tick: Ticker):
    """``check``'s progress callback on ``tick``: counts the articles checked and those reused."""
    reused_so_far = 0

    def progress(_result, reused: bool, total: int) -> None:
        nonlocal reused_so_far
        reused_so_far += bool(reused)
        tick(total=total, note=f"checked {tick.done + 1 - reused_so_far} · reused {reused_so_far}")

    return progress


def segment_counter(tick: Ticker):
    """``translate``'s progress callback on ``tick`` (None off a terminal: nothing to draw)."""
    if not tick.enabled:
        return None

    def progress(done: int, total: int) -> None:
        speed = tick.speed
        tick(completed=done, total=total, note=f"{speed:.1f} seg/s" if speed else "– seg/s")

    return progress
