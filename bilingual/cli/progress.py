"""A progress bar over articles on stderr: how many were checked and how many reused from the cache.

Drawn only when stderr is a terminal, and cleared when the run ends, so pipes,
files and CI logs never see it.
"""

from __future__ import annotations

import sys


class ArticleProgress:
    """``with ArticleProgress("checking") as tick: tick(reused, total)`` once per article."""

    def __init__(self, label: str, *, reuse: bool = True, enabled: bool | None = None):
        self.label, self.reuse = label, reuse
        self.enabled = sys.stderr.isatty() if enabled is None else enabled
        self.bar = None
        self.task = None
        self.checked = self.reused = 0

    def __enter__(self):
        return self.tick

    def tick(self, reused: bool, total: int) -> None:
        if reused:
            self.reused += 1
        else:
            self.checked += 1
        if not self.enabled:
            return
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
