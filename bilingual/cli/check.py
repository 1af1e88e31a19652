"""`bilingual check`: terminology drift between the EN and RU versions."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from .options import AlignMode, Executor


class CheckFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    html = "html"


class Level(str, Enum):
    info = "info"
    warning = "warning"
    error = "error"


def register(app: typer.Typer) -> None:
    @app.command()
    def check(
        paths: Optional[List[Path]] = typer.Argument(
            None, help="Corpus folder(s), article folder(s), a saved site (HTML pages paired by their language "
                  "links), XLIFF/PO/TMX files, or an EN file and a RU file. Default: corpus/."),
        glossary: Optional[Path] = typer.Option(
            None, "--glossary", "-g", help="Glossary CSV. Default: glossary.csv when present."),
        fmt: CheckFormat = typer.Option(CheckFormat.table, "--format", "-f", help="Output format."),
        output: Optional[Path] = typer.Option(
            None, "--output", "-o", help="Write the report to this file (atomically) instead of stdout."),
        fail_on: Level = typer.Option(
            Level.info, "--fail-on", help="Exit 1 when a flag at or above this level is found."),
        mode: AlignMode = typer.Option(AlignMode.default, "--mode", help="Alignment mode."),
        explain: bool = typer.Option(False, "--explain", help="Say which rule fired for each flag, and why."),
        jobs: Optional[int] = typer.Option(
            None, "--jobs", "-j", min=1, help="Worker processes here. Default: the number of cores."),
        executor: Executor = typer.Option(Executor.local, "--executor", help="Run here or on Dask."),
        workers: Optional[int] = typer.Option(
            None, "--workers", min=1, help="Dask workers for a local cluster (default 2)."),
        scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Address of an existing Dask scheduler."),
        no_cache: bool = typer.Option(
            False, "--no-cache", help="Check every article; don't read or write <corpus>/.bilingual/check.sqlite."),
        rebuild_cache: bool = typer.Option(
            False, "--rebuild-cache", help="Move a corrupt or foreign check cache aside and start a new one."),
    ) -> None:
        """Align each article's EN and RU versions and flag terminology drift.

        Exit codes: 0 clean, 1 flags at or above --fail-on, 2 bad input.
        """
        from ..parallel import cores
        from ..pipeline import DEFAULT_CORPUS, check as run_check
        from .output import Output, default_glossary, echo, split_inputs
        from .progress import ArticleProgress

        files, folders = split_inputs(paths or [DEFAULT_CORPUS])
        out = Output(output, reads=[*files, default_glossary(glossary)], folders=folders)
        with ArticleProgress("checking") as tick:
            report = run_check(list(paths or []), glossary, mode=mode.value,
                               keep_alignments=fmt is CheckFormat.html,
                               jobs=jobs or (cores() if executor is Executor.local else 1),
                               executor=executor.value, workers=workers, scheduler=scheduler,
                               cache=not no_cache, rebuild_cache=rebuild_cache,
                               progress=lambda _result, reused, total: tick(reused, total))
        text = _render(report, fmt, explain, out)
        # A report missing an article is not written to a file (it would look complete), nor
        # diverted to stdout instead.
        if text is not None and not (out.to_file and report.errors):
            out.write(text)
        for article in report.errors:
            echo(f"error: {article.error}", err=True)
        raise typer.Exit(report.exit_code(fail_on.value))


def _render(report, fmt: CheckFormat, explain: bool, out) -> str | None:
    """The report as text, or None when it was printed to the terminal directly."""
    if fmt is CheckFormat.json:
        return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"
    if fmt is CheckFormat.csv:
        from ..report.tables import safe_csv

        return safe_csv(report.to_frame())
    if fmt is CheckFormat.html:
        from ..report.html import render_check_html

        return render_check_html(report)
    from ..report.terminal import render_check

    console = out.console()
    render_check(report, console, explain=explain)
    return console.file.getvalue() if out.to_file else None
