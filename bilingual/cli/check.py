"""`bilingual check`: terminology drift between the EN and RU versions."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from .options import AlignMode


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
    ) -> None:
        """Align each article's EN and RU versions and flag terminology drift.

        Exit codes: 0 clean, 1 flags at or above --fail-on, 2 bad input.
        """
        from ..pipeline import DEFAULT_CORPUS, check as run_check
        from .output import Output, default_glossary, echo, split_inputs

        files, folders = split_inputs(paths or [DEFAULT_CORPUS])
        out = Output(output, reads=[*files, default_glossary(glossary)], folders=folders)
        report = run_check(list(paths or []), glossary, mode=mode.value,
                           keep_alignments=fmt is CheckFormat.html)
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
